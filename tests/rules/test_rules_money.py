"""The one rounding function (rules.md R13): half up, exact on rationals."""

from decimal import Decimal
from fractions import Fraction

from workbench.rules.money import round_half_up


def test_half_up_to_whole_kroner():
    assert round_half_up(Fraction(13, 2)) == Decimal(7)
    assert round_half_up(Fraction("6796.536")) == Decimal(6797)
    assert round_half_up(Fraction("7399.4999999")) == Decimal(7399)


def test_display_to_ore_is_half_up():
    assert str(round_half_up(Fraction("2336.6875"), 2)) == "2336.69"
    assert str(round_half_up(Fraction("0.005"), 2)) == "0.01"


def test_two_thirds_stays_exact():
    assert round_half_up(Fraction(2, 3) * Fraction("265656.56")) == Decimal(177104)
