"""Outcome: til-ugunst gate (fvl. § 34 / R24), the labelling rule, sotjl § 48, the jurist's choice."""

from datetime import date

import pytest

from appeal_support import expected_record, load_doc, load_expected, parse_any, variant
from workbench.formats.evaluation_json import read_evaluation
from workbench.appeal.outcome import (
    OUTCOMES,
    Reclassification,
    Recorded,
    S48Finding,
    g_regulated_after_decision,
    reformatio_deadline,
    reformatio_status,
    suggest_outcome,
    validate_chosen_outcome,
)

TODAY = date(2026, 11, 23)
INTERESTS = "Hensynet til likebehandling av stønadsmottakere veier tyngre enn klagerens interesse i å beholde for mye utbetalt."


@pytest.fixture
def d07():
    return parse_any(load_doc("D07")), expected_record("D07")


def test_reformatio_deadline_is_received_plus_three_months(d07):
    decision, _ = d07
    assert decision.appeal.received == date(2025, 6, 11)
    assert reformatio_deadline(decision) == date(2025, 9, 11)
    unknown = parse_any(variant("D07", **{"appeal.received": None}))
    assert reformatio_deadline(unknown) is None
    assert reformatio_deadline(unknown, recorded=Recorded(appeal_received=date(2025, 11, 30))) == date(2026, 2, 28)


def test_til_ugunst_suggests_stadfeste_with_the_warning(d07):
    decision, ev = d07
    out = suggest_outcome(decision, ev, today=TODAY)
    assert out["code"] == "stadfeste" and out["direction"] == "til_ugunst"
    assert any("fvl. § 34" in w for w in out["warnings"])
    blocked = {b["option"]: b for b in out["blocked"]}
    assert "omgjore" in blocked and "2025-09-11" in blocked["omgjore"]["reason"]
    assert blocked["omgjore"]["lovdata_url"] == "https://lovdata.no/lov/1967-02-10/§34"


def test_conditions_recorded_within_three_months_unlock_endre_til_ugunst(d07):
    decision, ev = d07
    rec = Recorded(reformatio_interests=INTERESTS, reformatio_varsel=date(2025, 8, 1),
                   chosen_outcome="omgjore", outcome_reasons="G 2025 gjelder bare fra 1. mai.")
    assert reformatio_status(decision, today=TODAY, recorded=rec)["unlocked"] is True
    out = suggest_outcome(decision, ev, today=TODAY, recorded=rec)
    assert out["code"] == "omgjore" and out["direction"] == "til_ugunst"
    assert "omgjore" not in {b["option"] for b in out["blocked"]}
    assert validate_chosen_outcome(decision, ev, rec, today=TODAY) == []


def test_after_three_months_it_stays_locked(d07):
    decision, ev = d07
    late = Recorded(reformatio_interests=INTERESTS, reformatio_varsel=date(2025, 9, 12), chosen_outcome="omgjore",
                    outcome_reasons="x")
    st = reformatio_status(decision, today=TODAY, recorded=late)
    assert st["unlocked"] is False and st["varsel_within"] is False
    assert suggest_outcome(decision, ev, today=TODAY, recorded=late)["code"] == "stadfeste"
    errors = validate_chosen_outcome(decision, ev, late, today=TODAY)
    assert ("reformatio.varsel" in {f for f, _ in errors})
    # no varsel at all and today past the deadline
    none = Recorded(reformatio_interests=INTERESTS)
    st = reformatio_status(decision, today=TODAY, recorded=none)
    assert st["unlocked"] is False and st["today_within"] is False
    assert any("gikk ut 2025-09-11" in r for _, r in st["missing"])


def test_interests_alone_or_varsel_alone_is_not_enough(d07):
    decision, ev = d07
    for rec in (Recorded(reformatio_varsel=date(2025, 7, 1)), Recorded(reformatio_interests="  ")):
        assert reformatio_status(decision, today=TODAY, recorded=rec)["unlocked"] is False


def test_within_three_months_without_varsel_shows_the_last_day(d07):
    decision, ev = d07
    out = suggest_outcome(decision, ev, today=date(2025, 7, 1))
    assert out["code"] == "stadfeste"
    assert any("2025-09-11" in a["when"] for a in out["alternatives"] if a["code"] == "omgjore")
    assert out["reformatio"]["days_left"] == 72


def test_unknown_received_must_be_established():
    decision = parse_any(variant("D09", **{"appeal.received": None}))
    rec = Recorded(reformatio_interests=INTERESTS, reformatio_varsel=date(2025, 3, 20))
    st = reformatio_status(decision, today=TODAY, recorded=rec)
    assert not st["unlocked"] and "appeal.received" in {f for f, _ in st["missing"]}
    ok = Recorded(reformatio_interests=INTERESTS, reformatio_varsel=date(2025, 3, 20), appeal_received=date(2025, 2, 26))
    assert reformatio_status(decision, today=TODAY, recorded=ok)["unlocked"] is True


def test_change_in_favour_is_never_stadfestet():
    decision, ev = parse_any(load_doc("D06")), expected_record("D06")
    errors = validate_chosen_outcome(decision, ev, Recorded(chosen_outcome="stadfeste", outcome_reasons="x"), today=TODAY)
    assert any("aldri «stadfestet»" in r for _, r in errors)
    assert validate_chosen_outcome(decision, ev, Recorded(chosen_outcome="omgjore", outcome_reasons="§ 37"), today=TODAY) == []


def test_rounding_difference_is_stadfeste():
    decision = parse_any(load_doc("D01"))
    data = load_expected("D01")
    data["total"]["difference"] = "1"
    data["periods"][0]["difference"] = "1"
    ev = read_evaluation(data)
    out = suggest_outcome(decision, ev, today=TODAY)
    assert out["code"] == "stadfeste" and out["direction"] == "uendret"
    assert any("avrundingstoleransen" in r for r in out["reasons"])
    errs = validate_chosen_outcome(decision, ev, Recorded(chosen_outcome="omgjore", outcome_reasons="x"), today=TODAY)
    assert any("ingenting å endre" in r for _, r in errs)


def test_fritt_skjonn_needs_the_s48_finding_to_change():
    decision, ev = parse_any(load_doc("demo-omsorgsstonad")), expected_record("demo-omsorgsstonad")
    rec = Recorded(chosen_outcome="omgjore", outcome_reasons="§ 37, ikke § 38")
    errs = dict(validate_chosen_outcome(decision, ev, rec, today=TODAY))
    assert "discretion.F14" in errs and "sotjl § 48" in errs["discretion.F14"]
    not_unreasonable = Recorded(chosen_outcome="omgjore", outcome_reasons="§ 37",
                                s48_findings=(S48Finding("F14", False, "Programmet er avtalt med deltakeren."),))
    assert validate_chosen_outcome(decision, ev, not_unreasonable, today=TODAY) == []
    out = suggest_outcome(decision, ev, today=TODAY, recorded=not_unreasonable)
    assert "omgjore:F14" in {b["option"] for b in out["blocked"]}
    unreasonable_no_selfgov = Recorded(chosen_outcome="omgjore", outcome_reasons="x",
                                       s48_findings=(S48Finding("F14", True, "52,5 timer i uken"),))
    errs = dict(validate_chosen_outcome(decision, ev, unreasonable_no_selfgov, today=TODAY))
    assert "selvstyret" in errs["discretion.F14"]
    full = Recorded(chosen_outcome="omgjore", outcome_reasons="x",
                    s48_findings=(S48Finding("F14", True, "52,5 timer i uken", "Vektlagt, men …"),))
    assert validate_chosen_outcome(decision, ev, full, today=TODAY) == []
    assert "omgjore:F14" not in {b["option"] for b in suggest_outcome(decision, ev, today=TODAY, recorded=full)["blocked"]}


def test_validation_lists_every_failure_at_once():
    decision, ev = parse_any(load_doc("D08")), expected_record("D08")
    errs = validate_chosen_outcome(decision, ev, Recorded(chosen_outcome="avvise"), today=TODAY)
    fields = [f for f, _ in errs]
    assert "admissibility.late_appeal" in fields and "outcome" in fields and "outcome_reasons" in fields
    assert "outcome.avvisning_exception" in fields  # may the dismissal be appealed? (fvl. § 28 third paragraph)
    ok = Recorded(chosen_outcome="avvise", late_appeal_admitted=False, outcome_reasons="For sent, ingen grunn.",
                  avvisning_exception="ingen")
    assert validate_chosen_outcome(decision, ev, ok, today=TODAY) == []
    admitted_no_reason = Recorded(chosen_outcome="omgjore", late_appeal_admitted=True, outcome_reasons="x")
    assert [f for f, _ in validate_chosen_outcome(decision, ev, admitted_no_reason, today=TODAY)] == [
        "admissibility.late_appeal_reasons", "admissibility.late_appeal_ground"]  # the ground: fvl. § 31 first paragraph
    assert validate_chosen_outcome(decision, ev, Recorded(chosen_outcome="bogus"), today=TODAY)[0][0] == "outcome"
    assert validate_chosen_outcome(decision, ev, Recorded(), today=TODAY)[0] == ("outcome", "Utfall er ikke valgt.")


def test_reclassification_in_the_record_is_validated():
    decision, ev = parse_any(load_doc("D06")), expected_record("D06")
    rec = Recorded(chosen_outcome="omgjore", outcome_reasons="x",
                   reclassifications=(Reclassification("wrong-reduction-method", "saksbehandling", ""),))
    errs = [r for f, r in validate_chosen_outcome(decision, ev, rec, today=TODAY)]
    assert any("begrunnelse" in r for r in errs) and any("fvl" in r for r in errs)


def test_outcome_labels_in_both_languages():
    assert OUTCOMES["stadfeste"]["letter_nn"] == "Statsforvaltaren stadfestar vedtaket."
    assert OUTCOMES["oppheve"]["letter_nb"].startswith("Statsforvalteren opphever vedtaket og sender saken tilbake")
    assert set(OUTCOMES) == {"stadfeste", "omgjore", "omgjore_delvis", "oppheve", "avvise"}


def test_g_regulated_after_the_decision_is_information():
    pytest.importorskip("workbench.law.parameters")
    before = parse_any(variant("D07", **{"decision.date": "2025-05-20", "decision.notice_received": "2025-05-21"}))
    info = g_regulated_after_decision(before)
    assert [i["g_from"] for i in info] == ["2025-05-01"]
    assert info[0]["category"] == "information" and info[0]["fixed"] == "2025-05-23"
    assert g_regulated_after_decision(parse_any(load_doc("D07"))) == []  # decided 27.05., after G was fixed
    out = suggest_outcome(before, expected_record("D07"), today=TODAY)
    assert out["information"] and out["information"][0]["code"] == "g-regulated-after-decision"


def test_open_discretion_points_for_the_gate():
    from workbench.appeal.discretion import discretion_points
    from workbench.appeal.outcome import DiscretionAnswer, open_discretion_points

    decision, ev = parse_any(load_doc("demo-omsorgsstonad")), expected_record("demo-omsorgsstonad")
    points = discretion_points(decision, ev)
    open_ = dict(open_discretion_points(points, Recorded()))
    assert set(open_) == {f"discretion.{p['code']}" for p in points}
    answers = tuple(DiscretionAnswer(p["code"], "vurdert", "fordi …") for p in points if p["code"] != "F14")
    rec = Recorded(discretion_answers=answers, s48_findings=(S48Finding("F14", False, "Avtalt program."),))
    assert open_discretion_points(points, rec) == []
    no_reason = Recorded(discretion_answers=(DiscretionAnswer("F15", "ja"),))
    assert "begrunnelse mangler" in dict(open_discretion_points(points, no_reason))["discretion.F15"]


def test_recorded_round_trips_through_json():
    import json

    from workbench.appeal.outcome import DiscretionAnswer

    rec = Recorded(late_appeal_admitted=True, late_appeal_reasons="syk", notice_received=date(2025, 2, 21),
                   reformatio_interests=INTERESTS, reformatio_varsel=date(2025, 8, 1),
                   s48_findings=(S48Finding("F14", True, "r", "s"),), chosen_outcome="omgjore", outcome_reasons="x",
                   reclassifications=(Reclassification("wrong-g", "faktum", "r"),),
                   discretion_answers=(DiscretionAnswer("F4", "ugyldig", "ikke dokumentert"),))
    assert Recorded.from_json(json.loads(json.dumps(rec.to_json()))) == rec
    assert Recorded.from_json(None) == Recorded()
