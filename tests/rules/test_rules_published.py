"""The published figures O1–O3 (examples.md Part A) to the krone, from the parameter tables."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from workbench.law.money import round_half_up
from workbench.law.parameters import default_parameters
from workbench.law.sotjl_35 import day_rate


def annual(day: date, under_25: bool) -> Decimal:
    ps = default_parameters()
    return round_half_up(day_rate(ps, ps.g.row_on(day).value, ps.factor_row(day).value, under_25)[0])


def test_o1_o2_nav_no_253141_and_under_25_168761():
    assert annual(date(2024, 7, 1), False) == Decimal("253141")
    assert annual(date(2024, 7, 1), True) == Decimal("168761")


def test_o1_o2_barnetillegg_36_in_2024_and_37_in_2025():
    ps = default_parameters()
    assert ps.barnetillegg.row_on(date(2024, 12, 31)).value * 260 == 9360
    assert ps.barnetillegg.row_on(date(2025, 1, 1)).value * 260 == 9620


def test_o3_265657_and_under_25_from_the_unrounded_full_amount_177104():
    assert annual(date(2025, 5, 1), False) == Decimal("265657")
    assert annual(date(2025, 5, 1), True) == Decimal("177104")  # not 177 105 (rounding first)
    assert default_parameters().barnetillegg.row_on(date(2026, 1, 1)).value * 260 == 9880


def test_o5_molde_2g_2023_and_o7_2g_2019():
    ps = default_parameters()
    assert 2 * ps.g.row_on(date(2023, 5, 1)).value == 237240
    assert 2 * ps.g.row_on(date(2019, 5, 1)).value == 199716
