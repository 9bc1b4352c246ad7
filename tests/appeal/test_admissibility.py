"""Admissibility first: the klagefrist with the computation shown (Easter), late appeals (fvl. § 31 ⚖),
more than one year → avvise. The computation is workbench.law.fvl_klagefrist.compute, the one the
evaluation's admissibility block comes from too."""

from datetime import date

import pytest

from appeal_support import expected_record, load_expected, parse_any, variant
from workbench.appeal.admissibility import admissibility_summary, explain_klagefrist
from workbench.law.fvl_klagefrist import assess
from workbench.law.fvl_klagefrist import compute as compute_klagefrist
from workbench.appeal.outcome import Recorded, suggest_outcome

TODAY = date(2026, 11, 23)


def _easter_2025(sent: str):
    # notice received Thursday 27.03.2025 → +21 = skjærtorsdag 17.04.2025 → over langfredag, the
    # weekend (1. påskedag) and 2. påskedag → Tuesday 22.04.2025.
    return parse_any(variant("D02", **{"decision.date": "2025-03-26", "decision.notice_received": "2025-03-27",
                                       "appeal.sent": sent, "appeal.received": "2025-04-24",
                                       "appeal.forwarded": "2025-05-12"}))


def test_deadline_moves_over_easter_2025_and_says_how():
    comp = compute_klagefrist(_easter_2025("2025-04-23"))
    assert comp.raw_deadline == date(2025, 4, 17)
    assert comp.deadline == date(2025, 4, 22)
    why = dict(comp.moved_over)
    assert why[date(2025, 4, 17)] == "skjærtorsdag"
    assert why[date(2025, 4, 18)] == "langfredag"
    assert why[date(2025, 4, 21)] == "2. påskedag"
    assert set(why) == {date(2025, 4, d) for d in (17, 18, 19, 20, 21)}
    assert comp.timely is False and comp.days_late == 1
    text = " ".join(explain_klagefrist(comp, "nb"))
    assert "27.03.2025" in text and "17.04.2025" in text and "skjærtorsdag" in text and "langfredag" in text
    assert "2. påskedag" in text and "22.04.2025" in text and "fvl. § 31" in text
    nn = " ".join(explain_klagefrist(comp, "nn"))
    assert "dagar" in nn and "22.04.2025" in nn


def test_sent_on_the_moved_deadline_is_timely():
    assert compute_klagefrist(_easter_2025("2025-04-22")).timely is True


def test_deadline_on_skjaertorsdag_2026():
    d = parse_any(variant("D02", **{"decision.date": "2026-03-10", "decision.notice_received": "2026-03-12",
                                   "appeal.sent": "2026-04-07"}))
    comp = compute_klagefrist(d)
    assert comp.raw_deadline == date(2026, 4, 2)  # skjærtorsdag
    assert comp.deadline == date(2026, 4, 7)  # Tuesday after 2. påskedag
    assert comp.timely is True


def test_late_easter_appeal_is_caught_and_left_to_the_jurist():
    d = _easter_2025("2025-04-23")
    ev = expected_record("D02")
    adm = admissibility_summary(d)
    rows = {c["code"]: c for c in adm["conditions"]}
    assert rows["klagefrist"]["status"] == "ikke_oppfylt"
    assert rows["oversittelse"]["status"] == "ikke_vurdert" and rows["oversittelse"]["jurist_must_decide"]
    assert rows["oversittelse"]["lovdata_url"] == "https://lovdata.no/lov/1967-02-10/§31"
    assert adm["avvisning_ground"] is None
    out = suggest_outcome(d, ev, today=TODAY)
    assert out["code"] == "stadfeste"  # on the merits, if admitted
    assert out["requires"][0]["field"] == "admissibility.late_appeal"
    assert suggest_outcome(d, ev, today=TODAY, recorded=Recorded(late_appeal_admitted=False))["code"] == "avvise"
    admitted = suggest_outcome(d, ev, today=TODAY, recorded=Recorded(late_appeal_admitted=True))
    assert admitted["code"] == "stadfeste" and not admitted["requires"]


def test_more_than_one_year_is_avvist_always():
    d = parse_any(variant("D01", **{"appeal.sent": "2024-04-13", "appeal.received": "2024-04-15",
                                   "appeal.forwarded": "2024-05-02"}))
    comp = compute_klagefrist(d)
    assert comp.one_year_limit == date(2024, 4, 12)
    assert comp.over_one_year and comp.days_since_decision == 367
    adm = admissibility_summary(d)
    assert {c["code"]: c["status"] for c in adm["conditions"]}["ett_ar"] == "ikke_oppfylt"
    assert "ett år" in adm["avvisning_ground"]
    assert any("eitt år" in line for line in adm["klagefrist"]["explanation_nn"])
    out = suggest_outcome(d, expected_record("D01"), today=TODAY, recorded=Recorded(late_appeal_admitted=True))
    assert out["code"] == "avvise"
    assert {"stadfeste", "omgjore", "omgjore_delvis", "oppheve"} <= {b["option"] for b in out["blocked"]}


def test_one_year_limit_on_29_february_ends_28_february():
    """rules.md §8 S-04: domstolloven § 148 second paragraph — no 29th in February 2025, so the year
    ends on the month's last day; an appeal sent 1 March 2025 is more than one year late."""
    d = parse_any(variant("D01", **{"decision.date": "2024-02-29", "decision.notice_received": "2024-03-01",
                                   "appeal.sent": "2025-03-01"}))
    comp = compute_klagefrist(d)
    assert comp.one_year_limit == date(2025, 2, 28) and comp.over_one_year


def test_notice_unknown_asks_the_jurist():
    d = parse_any(variant("D03", **{"decision.notice_received": None}))
    comp = compute_klagefrist(d)
    assert comp.deadline is None and comp.timely is None
    assert "ukjent" in explain_klagefrist(comp)[0]
    out = suggest_outcome(d, expected_record("D03"), today=TODAY)
    assert out["requires"][0]["field"] == "decision.notice_received"
    established = compute_klagefrist(d, notice_received=date(2025, 9, 19))
    assert established.deadline == date(2025, 10, 10)


def test_request_for_reasons_restarts_the_deadline():
    d = parse_any(variant("D03", **{"appeal.sent": "2025-10-20", "appeal.requested_reasons": "2025-09-25",
                                   "appeal.reasons_received": "2025-10-02"}))
    comp = compute_klagefrist(d)
    assert comp.start_basis == "reasons_received" and comp.deadline == date(2025, 10, 23) and comp.timely


@pytest.mark.parametrize("name", ["D01", "D04", "D05", "D08"])
def test_agrees_with_the_expected_admissibility(name):
    exp = load_expected(name)["admissibility"]
    comp = compute_klagefrist(parse_any(variant(name)))
    assert comp.deadline.isoformat() == exp["deadline"]
    assert comp.timely == exp["timely"] and comp.days_late == exp["days_late"]
    assert comp.days_since_decision == exp["days_since_decision"] and comp.over_one_year == exp["over_one_year"]


def test_the_evaluation_and_the_page_read_one_computation():
    for sent in ("2025-04-22", "2025-04-23"):
        d = _easter_2025(sent)
        adm, comp = assess(d), compute_klagefrist(d)
        assert (adm.deadline, adm.timely, adm.days_late, adm.over_one_year) == (
            comp.deadline, comp.timely, comp.days_late, comp.over_one_year)


def test_reasons_requested_in_time_but_not_received_keep_the_first_deadline():
    """rules.md §8 S-09: no deadline while the reasons are awaited; the original one is shown beside it."""
    d = parse_any(variant("D03", **{"appeal.sent": "2025-10-20", "appeal.requested_reasons": "2025-09-25",
                                   "appeal.reasons_received": None}))
    comp = compute_klagefrist(d)
    assert comp.start_basis == "reasons_received_unknown" and comp.interrupted
    assert comp.deadline is None and comp.timely is None and comp.original_deadline is not None
    text = explain_klagefrist(comp)[0]
    assert comp.original_deadline.strftime("%d.%m.%Y") in text and "⚖" in text
    adm = admissibility_summary(d)
    assert adm["klagefrist"]["original_deadline"] == comp.original_deadline.isoformat()
    assert {c["code"]: c["status"] for c in adm["conditions"]}["klagefrist"] == "ikke_vurdert"
