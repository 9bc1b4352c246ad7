"""The one rounding function (rules.md R13): half up, exact on rationals."""

from decimal import Decimal
from fractions import Fraction

from workbench.law.money import round_half_up


def test_half_up_to_whole_kroner():
    assert round_half_up(Fraction(13, 2)) == Decimal(7)
    assert round_half_up(Fraction("6796.536")) == Decimal(6797)
    assert round_half_up(Fraction("7399.4999999")) == Decimal(7399)


def test_display_to_ore_is_half_up():
    assert str(round_half_up(Fraction("2336.6875"), 2)) == "2336.69"
    assert str(round_half_up(Fraction("0.005"), 2)) == "0.01"


def test_two_thirds_stays_exact():
    assert round_half_up(Fraction(2, 3) * Fraction("265656.56")) == Decimal(177104)


# -- the display of exact amounts (fmt, fmt_kroner): the same half-up rule, done on integers ----------
from decimal import ROUND_HALF_UP  # noqa: E402

from hypothesis import given, strategies as st  # noqa: E402

from workbench.law.money import Fraction as EngineFraction, fmt, fmt_kroner  # noqa: E402


def _decimal_display(x: Fraction, places: int) -> str:
    d = (Decimal(x.numerator) / Decimal(x.denominator)).quantize(Decimal(1).scaleb(-places),
                                                                 rounding=ROUND_HALF_UP)
    text = str(d)
    return text[1:] if text.startswith("-") and d == 0 else text  # a rounded-away minus is not shown


@given(st.integers(-10**9, 10**9), st.integers(1, 10**6), st.sampled_from([0, 1, 2, 4, 6]))
def test_fmt_is_decimal_half_up_of_the_exact_value(num, den, places):
    x = Fraction(num, den)
    expected = _decimal_display(x, places)
    assert fmt(x, places) == expected  # the standard library's Fraction
    assert fmt(EngineFraction(num, den), places) == expected  # the engine's (quicktions)


def test_fmt_edges():
    assert fmt(None) is None
    assert fmt(EngineFraction(0)) == "0.00"
    assert fmt(EngineFraction(-1, 1000)) == "0.00"  # rounds to zero: no minus sign
    assert fmt(EngineFraction(-1, 200)) == "-0.01"  # half away from zero
    assert fmt(EngineFraction(4868099, 7500), 4) == "649.0799"
    assert fmt(Decimal("12.345")) == "12.35"


def test_fmt_kroner():
    assert fmt_kroner(Decimal("13401")) == "13401"
    assert fmt_kroner(Decimal("13401.50")) == "13402"
    assert fmt_kroner(Decimal("1E+3")) == "1000"
    assert fmt_kroner(EngineFraction(26801, 2)) == "13401"  # 13400.5 → half up
    assert fmt_kroner(None) is None
