"""Boundary tests on every parameter change (R1, R3, R6, R12, T2, T3) and the programme's ends (R2)."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest


def one_day(run, make_doc, day: str, **kw) -> dict:
    doc = make_doc(period=(day, day), **kw)
    return run(doc)["periods"][0]


def days(period: dict) -> list[dict]:
    return period["trace"]["days"]


# -- R1 / T1: G from 1 May ------------------------------------------------------------------------
def test_g_30_april_uses_last_years_g_and_1_may_the_new_g(run, make_doc):
    p30 = one_day(run, make_doc, "2025-04-30", programme=("2025-01-01", "2025-12-31"))
    p01 = one_day(run, make_doc, "2025-05-01", programme=("2025-01-01", "2025-12-31"))
    assert days(p30)[0]["G"] == "124028"
    assert days(p01)[0]["G"] == "130160"
    # 1 May is a weekday public holiday and is a stønadsdag (count_holidays [INF])
    assert p01["stonadsdager"] == 1
    assert Decimal(p01["gross"]) == Decimal("1021.76")  # 2.041 × 130 160 / 260 = 1 021.756


def test_may_1_holiday_not_counted_when_count_holidays_false(run, make_doc):
    doc = make_doc(period=("2025-05-01", "2025-05-01"), programme=("2025-01-01", "2025-12-31"))
    p = run(doc, count_holidays=False)["periods"][0]
    assert p["stonadsdager"] == 0 and p["net"] == "0"


# -- T2: factor 2 → 2.041 on 1 July 2024 ----------------------------------------------------------
def test_factor_30_june_2024_is_2g_and_1_july_is_2041(run, make_doc):
    prog = ("2024-01-01", "2024-12-31")
    p_jun = one_day(run, make_doc, "2024-06-28", programme=prog)  # Friday
    p_jul = one_day(run, make_doc, "2024-07-01", programme=prog)  # Monday
    assert (days(p_jun)[0]["factor"], days(p_jun)[0]["G"]) == ("2", "124028")
    assert days(p_jul)[0]["factor"] == "2.041"
    assert Fraction(p_jun["net_unrounded"]) == Fraction("954.06")  # 248 056 / 260 = 954.0615…


def test_t_2041_is_a_named_parameter(run, make_doc):
    doc = make_doc(period=("2024-07-01", "2024-07-01"), programme=("2024-01-01", "2024-12-31"))
    out = run(doc, t_2041="2024-08-01")
    assert out["periods"][0]["trace"]["days"][0]["factor"] == "2"
    assert out["parameters"]["t_2041"] == "2024-08-01"


# -- T3: barnetillegg 31 Dec / 1 Jan --------------------------------------------------------------
@pytest.mark.parametrize("dec31,jan1,rates", [
    ("2024-12-31", "2025-01-02", ("36", "37")),
    ("2025-12-31", "2026-01-02", ("37", "38")),
])
def test_barnetillegg_rate_changes_on_1_january(run, make_doc, dec31, jan1, rates):
    kids = [{"birth_date": "2015-06-01"}]
    p = run(make_doc(period=(dec31, jan1), programme=("2024-01-01", "2026-12-31"), children=kids))["periods"][0]
    assert [d["barnetillegg_rate"] for d in days(p)] == list(rates)
    # 31 Dec at the old rate; 1 Jan (a weekday public holiday, counted) and 2 Jan at the new rate
    assert Decimal(p["barnetillegg"]) == Decimal(rates[0]) + 2 * Decimal(rates[1])


def test_barnetillegg_35_from_1_february_2023(run, make_doc):
    kids = [{"birth_date": "2015-06-01"}]
    p = run(make_doc(period=("2023-01-31", "2023-02-01"), programme=("2022-06-01", "2023-12-31"),
                     children=kids))["periods"][0]
    assert [d["barnetillegg_rate"] for d in days(p)] == ["27", "35"]


# -- R3: the 25th birthday --------------------------------------------------------------------------
def test_day_before_25th_birthday_is_two_thirds_and_the_birthday_full_rate(run, make_doc):
    # born 2000-10-15 → 25 on Wednesday 2025-10-15
    p = run(make_doc(period=("2025-10-14", "2025-10-15"), born="2000-10-15"))["periods"][0]
    d = days(p)
    assert [(x["from"], x["under_25"]) for x in d] == [("2025-10-14", True), ("2025-10-15", False)]
    full = Fraction("2.041") * 130160 / 260
    assert Fraction(d[0]["day_rate_exact"]) == full * Fraction(2, 3)
    assert Fraction(d[1]["day_rate_exact"]) == full


def test_under_25_next_month_alternative(run, make_doc):
    doc = make_doc(period=("2025-10-15", "2025-10-31"), born="2000-10-15")
    d = run(doc, under_25_full_rate_from="next_month")["periods"][0]["trace"]["days"]
    assert all(x["under_25"] for x in d)


# -- R6: a child's 18th birthday ----------------------------------------------------------------------
def test_child_counts_until_the_day_before_its_18th_birthday(run, make_doc):
    # child born 2007-10-15 → 18 on 2025-10-15 (Wednesday)
    kids = [{"birth_date": "2007-10-15"}]
    p = run(make_doc(period=("2025-10-14", "2025-10-15"), children=kids))["periods"][0]
    assert [(x["from"], x["children"]) for x in days(p)] == [("2025-10-14", 1), ("2025-10-15", 0)]
    assert p["barnetillegg"] == "37.00"


def test_child_from_to_limits_the_days(run, make_doc):
    kids = [{"birth_date": "2015-01-01", "from": "2025-10-08", "to": "2025-10-09"}]
    p = run(make_doc(children=kids))["periods"][0]
    assert p["barnetillegg"] == "74.00"


# -- R2: first and last day of the programme ---------------------------------------------------------
def test_first_and_last_day_of_the_programme(run, make_doc):
    # programme Wednesday 2025-10-08 … Thursday 2025-10-16 inside a Mon–Sun/Mon–Sun period
    p = run(make_doc(programme=("2025-10-08", "2025-10-16")))["periods"][0]
    assert p["stonadsdager"] == 7  # Wed–Fri + Mon–Thu
    reasons = [e["reason"] for e in p["trace"]["excluded"]]
    assert len(reasons) == 2 and all("programperioden" in r for r in reasons)
    p1 = run(make_doc(programme=("2025-10-08", "2025-10-08")))["periods"][0]
    assert p1["stonadsdager"] == 1


def test_leave_without_stonad_removes_days(run, make_doc):
    leave = [{"from": "2025-10-13", "to": "2025-10-14", "reason": "avbrudd", "kind": "avbrudd"}]
    p = run(make_doc(leave_without_stonad=leave))["periods"][0]
    assert p["stonadsdager"] == 8


def test_ferie_days_are_ordinary_stonadsdager(run, make_doc):
    p = run(make_doc(ferie=[{"from": "2025-10-06", "to": "2025-10-10"}]))["periods"][0]
    assert p["stonadsdager"] == 10 and p["absence"] == "0.00"


# -- §0.5: refuse rather than guess ------------------------------------------------------------------
def test_g_from_1_may_2027_is_missing_and_the_period_is_not_computed(run, make_doc):
    doc = make_doc(period=("2027-04-26", "2027-05-07"), programme=("2026-06-01", "2027-12-31"))
    doc["payments"].insert(0, {"from": "2027-04-01", "to": "2027-04-16", "net": "1000"})
    out = run(doc)
    ok, missing = out["periods"]
    assert ok["status"] == "computed" and ok["net"] is not None
    assert missing["net"] is None and missing["status"] == "parameter-missing"
    assert missing["missing_parameters"][0]["parameter"] == "G"
    assert missing["missing_parameters"][0]["from"] == "2027-05-01"  # the first day without a G
    assert "2027-04-30" in missing["missing_parameters"][0]["message"]
    assert "parameter-missing" in out["flags"]
    assert out["total"]["net"] is None and out["total"]["complete"] is False


def test_barnetillegg_from_2027_missing_only_when_a_child_counts(run, make_doc):
    prog = ("2026-06-01", "2027-06-30")
    no_kids = run(make_doc(period=("2027-01-04", "2027-01-08"), programme=prog))
    assert no_kids["periods"][0]["status"] == "computed"
    kids = run(make_doc(period=("2027-01-04", "2027-01-08"), programme=prog,
                        children=[{"birth_date": "2015-01-01"}]))
    p = kids["periods"][0]
    assert p["net"] is None
    assert [m["parameter"] for m in p["missing_parameters"]] == ["barnetillegg"]


def test_g_2026_caveat_note(run, make_doc):
    out = run(make_doc(period=("2026-05-04", "2026-05-08"), programme=("2026-01-01", "2026-12-31")))
    assert any("FOR-2026-06-23-1239" in n for n in out["notes"])
    assert out["periods"][0]["trace"]["days"][0]["G"] == "136549"
