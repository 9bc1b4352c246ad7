"""Admissibility R19–R20: klagefrist with Norwegian holidays, interruption, late, one year, unknown notice."""

from __future__ import annotations

from datetime import date

import pytest

from workbench.law.fvl_klagefrist import deadline_from, next_working_day


@pytest.mark.parametrize("received,deadline", [
    ("2025-10-24", "2025-11-14"),  # law.md worked example: Friday → Friday
    ("2025-10-25", "2025-11-17"),  # ends on a Saturday → Monday (D04)
    ("2025-12-05", "2025-12-29"),  # ends on 2. juledag (Friday) → Monday (D05)
    ("2025-03-27", "2025-04-22"),  # ends on langfredag 18.04 → over påske to Tuesday 22.04
    ("2026-04-26", "2026-05-18"),  # ends on 17 May (Sunday) → Monday 18 May
    ("2025-05-08", "2025-05-30"),  # ends on Kristi himmelfartsdag 29.05 → Friday
])
def test_klagefrist_three_weeks_moved_past_weekends_and_public_holidays(received, deadline):
    assert deadline_from(date.fromisoformat(received)) == date.fromisoformat(deadline)


def test_next_working_day_skips_easter():
    assert next_working_day(date(2025, 4, 17)) == date(2025, 4, 22)


def _adm(run, make_doc, **appeal):
    doc = make_doc()
    notice = appeal.pop("notice", "2025-10-24")
    doc["decision"]["notice_received"] = notice
    doc["appeal"].update(appeal)
    return run(doc)


def test_appeal_on_the_deadline_is_timely(run, make_doc):
    out = _adm(run, make_doc, sent="2025-11-14")
    assert out["admissibility"]["timely"] is True and out["admissibility"]["days_late"] == 0


def test_appeal_one_day_late_is_flagged_for_the_jurist(run, make_doc):
    out = _adm(run, make_doc, sent="2025-11-15")
    assert out["admissibility"]["timely"] is False and out["admissibility"]["days_late"] == 1
    assert "late-appeal" in out["flags"]


def test_request_for_reasons_interrupts_the_deadline(run, make_doc):
    out = _adm(run, make_doc, sent="2025-12-01", requested_reasons="2025-11-03",
               reasons_received="2025-11-20")
    a = out["admissibility"]
    assert a["interrupted_by_request_for_reasons"] is True
    assert a["deadline"] == "2025-12-11" and a["timely"] is True
    assert "late-appeal" not in out["flags"]


def test_request_for_reasons_after_the_deadline_does_not_interrupt(run, make_doc):
    out = _adm(run, make_doc, sent="2025-12-01", requested_reasons="2025-11-20",
               reasons_received="2025-11-25")
    assert out["admissibility"]["timely"] is False


def test_unknown_notice_date_needs_the_jurist_but_one_year_is_still_computed(run, make_doc):
    doc = make_doc()
    doc["decision"]["notice_received"] = None
    doc["appeal"]["sent"] = "2026-10-23"
    out = run(doc)
    a = out["admissibility"]
    assert (a["deadline"], a["timely"], a["days_late"]) == (None, None, None)
    assert a["over_one_year"] is True and a["days_since_decision"] == 366
    assert {"notice-date-unknown", "over-one-year"} <= set(out["flags"])


def test_exactly_one_year_is_not_over_one_year(run, make_doc):
    doc = make_doc()
    doc["appeal"]["sent"] = "2026-10-22"
    out = run(doc)
    assert out["admissibility"]["over_one_year"] is False
