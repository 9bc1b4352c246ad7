"""The twelve points settled on 4 December 2026 (docs/rules.md §8, S-01 … S-12), one test (or table) each,
named after the point and the legal situation. Every document goes through the real import validation."""

from __future__ import annotations

from decimal import Decimal

import pytest

from rules_support import base_doc  # type: ignore[import-not-found]
from workbench.formats.import_format import ImportValidationError, parse_document


def period(ev: dict, i: int = 0) -> dict:
    return ev["periods"][i]


# -- S-01: a request for reasons interrupts the klagefrist; a new 3 weeks from receipt -------------------
@pytest.mark.parametrize("sent, timely, deadline", [
    ("2025-12-01", True, "2025-12-01"),   # reasons received 10.11 → + 21 days = Monday 01.12.2025
    ("2025-12-02", False, "2025-12-01"),
])
def test_s01_new_klagefrist_from_receipt_of_requested_reasons(run, sent, timely, deadline):
    doc = base_doc()
    doc["decision"].update(notice_received="2025-10-24")  # original deadline 14.11.2025
    doc["appeal"].update(sent=sent, requested_reasons="2025-10-30", reasons_received="2025-11-10")
    adm = run(doc)["admissibility"]
    assert adm["interrupted_by_request_for_reasons"] is True
    assert adm["original_deadline"] == "2025-11-14"
    assert adm["deadline"] == deadline and adm["timely"] is timely


# -- S-02: flags that need no G are still raised in a parameter-missing period -----------------------
def test_s02_work_over_50_percent_raised_in_a_period_without_g(run):
    # G is known until 30.04.2027: May 2027 has no G, so the period is parameter-missing
    doc = base_doc(period=("2027-05-03", "2027-05-14"), programme=("2027-01-04", "2027-12-31"), net="5000",
                   work=[{"from": "2027-05-03", "to": "2027-05-14", "hours": 150, "kind": "arbeid"}])
    doc["decision"].update(date="2027-05-20", notice_received="2027-05-21")
    doc["appeal"].update(sent="2027-05-25")
    ev = run(doc)
    p = period(ev)
    assert p["status"] == "parameter-missing" and p["net"] is None
    assert "work-over-50-percent" in p["flags"] and "work-over-50-percent" in ev["flags"]


def test_s02_samordning_without_benefit_flagged_in_a_period_without_g(run):
    doc = base_doc(period=("2027-05-03", "2027-05-14"), programme=("2027-01-04", "2027-12-31"), net="5000")
    doc["payments"][0]["deductions"] = [{"kind": "samordning", "amount": "800.00"}]
    doc["decision"].update(date="2027-05-20", notice_received="2027-05-21")
    doc["appeal"].update(sent="2027-05-25")
    ev = run(doc)
    assert period(ev)["status"] == "parameter-missing"
    assert "non-coordinable-benefit-deducted" in ev["flags"]
    [d] = [d for d in ev["discrepancies"] if d["code"] == "non-coordinable-benefit-deducted"]
    assert "ikke beregnet" in d["explanation"] and "grunnbeløpet" in d["explanation"]  # the reason in words


def test_s02_parameter_missing_is_exit_0_with_the_reason_in_words(tmp_path):
    import json
    import subprocess
    import sys
    from pathlib import Path

    doc = base_doc(period=("2027-05-03", "2027-05-14"), programme=("2027-01-04", "2027-12-31"), net="5000",
                   work=[{"from": "2027-05-03", "to": "2027-05-14", "hours": 150, "kind": "arbeid"}])
    doc["decision"].update(date="2027-05-20", notice_received="2027-05-21")
    doc["appeal"].update(sent="2027-05-25")
    f = tmp_path / "case.json"
    f.write_text(json.dumps(doc), encoding="utf-8")
    exe = Path(sys.executable).parent / "workbench"
    res = subprocess.run([str(exe), "evaluate", str(f)], capture_output=True, text=True, timeout=60)
    assert res.returncode == 0, res.stderr
    assert "grunnbeløp" in res.stdout.lower()


# -- S-03: next_month — full rate from the 1st of the month after the birthday's month ---------------
def test_s03_25th_birthday_on_the_1st_next_month_is_the_following_month(run):
    # 25 on Monday 01.06.2026: with next_month the full rate starts 01.07.2026, not 01.06.2026
    doc = base_doc(period=("2026-06-01", "2026-07-03"), programme=("2026-01-05", "2026-12-31"),
                   born="2001-06-01")
    doc["decision"].update(date="2026-07-06", notice_received="2026-07-07")
    doc["appeal"].update(sent="2026-07-10")
    days = period(run(doc, under_25_full_rate_from="next_month"))["trace"]["days"]
    june = [d for d in days if d["from"] < "2026-07-01"]
    july = [d for d in days if d["from"] >= "2026-07-01"]
    assert june and all(d["under_25"] for d in june)
    assert july and not any(d["under_25"] for d in july)
    assert period(run(doc, under_25_full_rate_from="next_month"))["trace"]["gross"]["full_rate_from"] == "2026-07-01"


# -- S-04: «more than one year» by domstolloven § 148 second paragraph ------------------------------
@pytest.mark.parametrize("decided, sent, over", [
    ("2024-02-29", "2025-02-28", False),  # the year ends 28.02.2025 (no 29th in February 2025)
    ("2024-02-29", "2025-03-01", True),
    ("2024-01-16", "2025-01-16", False),  # the same date a year later is still within the year
    ("2024-01-16", "2025-01-17", True),
    ("2024-03-31", "2025-03-31", False),
])
def test_s04_one_year_from_29_february(run, decided, sent, over):
    doc = base_doc(period=("2024-01-08", "2024-01-12"), programme=("2024-01-01", "2024-12-31"), net="0")
    doc["decision"].update(date=decided, notice_received=None)
    doc["appeal"].update(sent=sent)
    ev = run(doc)
    assert ev["admissibility"]["over_one_year"] is over
    assert ("over-one-year" in ev["flags"]) is over


# -- S-05: Nav's net with øre is rounded half up; difference from the rounded figures -----------------
@pytest.mark.parametrize("nav_net, rounded", [("10216.50", "10217"), ("10216.49", "10216"), ("10218", "10218")])
def test_s05_nav_net_with_ore_is_rounded_half_up(run, nav_net, rounded):
    ev = run(base_doc(net=nav_net))  # the law's net for the base case is 10 218
    p = period(ev)
    assert p["net"] == "10218" and p["nav_net"] == rounded
    assert Decimal(p["difference"]) == Decimal(p["net"]) - Decimal(p["nav_net"])
    assert Decimal(ev["total"]["difference"]) == Decimal(ev["total"]["net"]) - Decimal(ev["total"]["nav_net"])


def test_s05_the_import_keeps_navs_figure_as_given():
    dec = parse_document(base_doc(net="10216.50"))
    assert dec.payments[0].net == Decimal("10216.50")


# -- S-06: barnetillegg after 31.12.2026 is parameter-missing ---------------------------------------
def test_s06_barnetillegg_after_2026_is_parameter_missing(run):
    doc = base_doc(period=("2027-01-04", "2027-01-15"), programme=("2026-06-01", "2027-06-01"), net="9000",
                   children=[{"birth_date": "2020-03-01"}])
    doc["decision"].update(date="2027-01-20", notice_received="2027-01-21")
    doc["appeal"].update(sent="2027-01-25")
    p = period(run(doc))
    assert p["status"] == "parameter-missing"
    assert [m["parameter"] for m in p["missing_parameters"]] == ["barnetillegg"]
    del doc["children"]
    assert period(run(doc))["status"] == "computed"  # G 2026 is known for January 2027


# -- S-07: a child with only `from` or only `to` is valid; the missing end is open -------------------
@pytest.mark.parametrize("limits, counted_days", [
    ({"from": "2025-10-13"}, 5),  # counts from Monday 13.10 to the end of the period
    ({"to": "2025-10-10"}, 5),    # counts until Friday 10.10
    ({}, 10),
])
def test_s07_child_with_only_from_or_only_to(run, limits, counted_days):
    doc = base_doc(children=[{"birth_date": "2020-03-01", **limits}])
    days = period(run(doc))["trace"]["days"]
    assert sum(d["stonadsdager"] for d in days if d["children"] == 1) == counted_days


# -- S-08: a payment period wholly outside the programme is valid input ------------------------------
def test_s08_payment_period_wholly_outside_the_programme(run):
    doc = base_doc(period=("2026-02-02", "2026-02-13"), programme=("2025-01-06", "2026-01-05"), net="9500")
    doc["decision"].update(date="2026-02-20", notice_received="2026-02-23", kind="utbetaling")
    doc["appeal"].update(sent="2026-03-02")
    ev = run(doc)
    p = period(ev)
    assert p["stonadsdager"] == 0 and p["net"] == "0" and p["difference"] == "-9500"
    assert "til-ugunst" in ev["flags"]
    assert any("helt utenfor programperioden" in n for n in p["notes"])  # the reason in words


def test_s08_nothing_paid_outside_the_programme_is_not_til_ugunst(run):
    doc = base_doc(period=("2026-02-02", "2026-02-13"), programme=("2025-01-06", "2026-01-05"), net="0")
    doc["decision"].update(date="2026-02-20", notice_received="2026-02-23")
    doc["appeal"].update(sent="2026-03-02")
    ev = run(doc)
    assert period(ev)["net"] == "0" and "til-ugunst" not in ev["flags"]


# -- S-09: the deadline while requested reasons are awaited -----------------------------------------
def test_s09_deadline_is_null_while_requested_reasons_are_awaited(run):
    doc = base_doc()
    doc["appeal"].update(sent="2025-12-05", requested_reasons="2025-10-30")
    adm = run(doc)["admissibility"]
    assert adm["deadline"] is None and adm["timely"] is None
    assert adm["original_deadline"] == "2025-11-14"  # shown beside it
    assert any("begrunnelse" in n for n in adm["notes"])  # the reason in words


# -- S-10: contradictory dates and impossible hours are invalid input --------------------------------
@pytest.mark.parametrize("change, field", [
    (lambda d: d["decision"].update(notice_received="2025-10-20"), "decision.notice_received"),
    (lambda d: d["appeal"].update(sent="2025-10-21"), "appeal.sent"),
    (lambda d: d["appeal"].update(received="2025-11-04"), "appeal.received"),
    (lambda d: d["participant"].update(birth_date="2025-10-23"), "participant.birth_date"),
    (lambda d: d["programme"].update(hours_per_week=169), "programme.hours_per_week"),
])
def test_s10_contradictory_dates_are_invalid(change, field):
    doc = base_doc()
    change(doc)
    with pytest.raises(ImportValidationError) as exc:
        parse_document(doc)
    assert field in {e.path for e in exc.value.errors}


def test_s10_every_validation_rule_is_listed_in_the_import_format():
    from pathlib import Path

    text = (Path(__file__).resolve().parents[2] / "docs" / "import-format.md").read_text(encoding="utf-8")
    section = text.split("## Validation rules", 1)[1]
    for needle in ("notice_received", "appeal.sent", "appeal.received", "birth_date", "hours_per_week",
                   "168", "only `from` or only `to`", "wholly outside the programme"):
        assert needle in section, needle


# -- S-11: fosterhjem hours beside counted work ------------------------------------------------------
@pytest.mark.parametrize("nav_arbeid, flagged", [("3000.00", True), ("0.01", False)])
def test_s11_fosterhjem_hours_beside_counted_work(run, nav_arbeid, flagged):
    doc = base_doc(net="7000", work=[
        {"from": "2025-10-06", "to": "2025-10-19", "hours": 10, "kind": "arbeid"},
        {"from": "2025-10-06", "to": "2025-10-19", "hours": 40, "kind": "fosterhjem"},
    ])
    ev0 = run(doc)
    reduction = Decimal(period(ev0)["work"])  # § 37 from the 10 counted hours only
    assert Decimal(0) < reduction < Decimal("3000")
    amount = nav_arbeid if flagged else str(reduction)
    doc["payments"][0]["deductions"] = [{"kind": "arbeid", "amount": amount}]
    ev = run(doc)
    assert ("non-coordinable-benefit-deducted" in ev["flags"]) is flagged


# -- S-12: invalid absence on a ferie day is not deducted --------------------------------------------
def test_s12_no_deduction_for_invalid_absence_on_a_ferie_day(run):
    absence = [{"date": "2025-10-08", "hours": 7.5, "valid": False}]
    on_ferie = base_doc(absence=absence, ferie=[{"from": "2025-10-06", "to": "2025-10-10"}])
    not_ferie = base_doc(absence=absence)
    p = period(run(on_ferie))
    assert Decimal(p["absence"]) == 0
    assert Decimal(period(run(not_ferie))["absence"]) > 0
    ignored = p["trace"]["reductions"][0]["inputs"]["ignored"]
    assert ignored and "ferie" in ignored[0]["reason"] and "§ 17" in ignored[0]["reason"]
    assert any("ferie" in n for n in p["notes"])
