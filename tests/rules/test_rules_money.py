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

from workbench.law.money import fmt, fmt_kroner  # noqa: E402


def _decimal_display(x: Fraction, places: int) -> str:
    d = (Decimal(x.numerator) / Decimal(x.denominator)).quantize(Decimal(1).scaleb(-places),
                                                                 rounding=ROUND_HALF_UP)
    text = str(d)
    return text[1:] if text.startswith("-") and d == 0 else text  # a rounded-away minus is not shown


@given(st.integers(-10**9, 10**9), st.integers(1, 10**6), st.sampled_from([0, 1, 2, 4, 6]))
def test_fmt_is_decimal_half_up_of_the_exact_value(num, den, places):
    x = Fraction(num, den)
    expected = _decimal_display(x, places)
    assert fmt(x, places) == expected


def test_fmt_edges():
    assert fmt(None) is None
    assert fmt(Fraction(0)) == "0.00"
    assert fmt(Fraction(-1, 1000)) == "0.00"  # rounds to zero: no minus sign
    assert fmt(Fraction(-1, 200)) == "-0.01"  # half away from zero
    assert fmt(Fraction(4868099, 7500), 4) == "649.0799"
    assert fmt(Decimal("12.345")) == "12.35"


def test_fmt_kroner():
    assert fmt_kroner(Decimal("13401")) == "13401"
    assert fmt_kroner(Decimal("13401.50")) == "13402"
    assert fmt_kroner(Decimal("1E+3")) == "1000"
    assert fmt_kroner(Fraction(26801, 2)) == "13401"  # 13400.5 → half up
    assert fmt_kroner(None) is None


# -- quicktions, safe by design (workbench/law/money.py) ----------------------------------------------
def test_exact_parses_text_without_touching_the_shared_zero_byte():
    """quicktions ≤ 1.24 overwrites b"\\x00" when it parses text; exact() parses with the standard library."""
    from workbench.law.money import Fraction as EngineFraction, exact

    for text in ("2", "0", "7", "2.041", "2/3", "136549", "1"):
        value = exact(text)
        assert isinstance(value, EngineFraction) and value == Fraction(text)
    assert int.from_bytes(b"\x00", "big") == 0 and bytes([0]) == b"\x00"


def test_no_fraction_in_the_code_is_built_from_text():
    """Every ``Fraction(...)`` call in workbench/ takes numbers (ints, Decimals, Fractions), never a string
    literal, an f-string or ``str(...)``; only workbench/law/money.py imports quicktions."""
    import ast
    from pathlib import Path

    root = Path(__file__).resolve().parents[2] / "workbench"
    offenders = []
    for path in root.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, (ast.Import, ast.ImportFrom)) and path.name != "money.py":
                names = [a.name for a in node.names] + [getattr(node, "module", None) or ""]
                if any(n.split(".")[0] == "quicktions" for n in names):
                    offenders.append(f"{path}:{node.lineno} imports quicktions")
            if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", None)) == "Fraction":
                for arg in node.args:
                    if (isinstance(arg, ast.Constant) and isinstance(arg.value, str)) or isinstance(arg, ast.JoinedStr) \
                            or (isinstance(arg, ast.Call) and getattr(arg.func, "id", None) == "str"):
                        offenders.append(f"{path}:{node.lineno} Fraction(<text>)")
    assert offenders == []
