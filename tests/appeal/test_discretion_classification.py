"""⚖ points, the taxonomy and reclassification, procedural checks A-01…A-10, purity."""

import subprocess
import sys
from datetime import date

import pytest

from appeal_support import expected_record, load_doc, parse_any, variant
from workbench.appeal.checks import procedural_checks
from workbench.appeal.classification import ClassificationError, reclassify
from workbench.appeal.taxonomy import CATEGORIES
from workbench.appeal.discretion import KINDS, discretion_points

TODAY = date(2026, 11, 23)


def _codes(doc, ev=None):
    return {p["code"]: p for p in discretion_points(parse_any(doc), ev)}


def test_every_point_is_complete_and_linked():
    for name in ("D08", "D10", "demo-omsorgsstonad"):
        for p in discretion_points(parse_any(load_doc(name)), expected_record(name)):
            assert p["kind"] in KINDS
            assert p["topic"] and p["topic_nn"] and p["why"] and p["hjemmel"]
            assert p["lovdata_url"] and p["lovdata_url"].startswith("https://lovdata.no/")
            if p["limited_by_sotjl_48"]:  # only Nav's fritt skjønn is limited by sotjl § 48
                assert p["kind"] == "fritt_skjonn"


def test_foster_child_gives_fact_and_fritt_skjonn():
    doc = variant("D02", **{"children.0": {"birth_date": "2021-05-03", "foster": True}})
    pts = _codes(doc)
    assert pts["F2"]["kind"] == "faktum"
    assert pts["F2-fravik"]["kind"] == "fritt_skjonn" and pts["F2-fravik"]["limited_by_sotjl_48"]


def test_absence_deduction_f4_and_reservation():
    pts = _codes(load_doc("D08"))
    assert pts["F4"]["hjemmel"] == "sosialtjenesteloven § 36"
    assert pts["R8-reservation"]["kind"] == "faktum"
    with_res = _codes(variant("D08", **{"decision.absence_reservation": True}))
    assert "F4" in with_res and "R8-reservation" not in with_res


def test_barnetillegg_before_2024_asks_about_the_childs_income():
    doc = variant("D02", **{"payments.0.from": "2023-03-01", "payments.0.to": "2023-03-31",
                            "programme.from": "2022-09-01", "programme.to": "2023-08-31"})
    assert _codes(doc)["R6-child-income"]["kind"] == "faktum"
    assert "R6-child-income" not in _codes(load_doc("D02"))


def test_other_income_is_an_entry_condition_question_and_uforetrygd_a_refund_point():
    doc = variant("D01", benefits=[{"kind": "uforetrygd", "from": "2023-03-01", "to": "2023-03-31", "daily_amount": "300"}])
    pts = _codes(doc)
    assert pts["R11-other-income"]["hjemmel"] == "sosialtjenesteloven § 29"
    assert pts["R11-other-income"]["kind"] == "rettsanvendelsesskjonn"
    assert pts["F8"]["kind"] == "fritt_skjonn" and pts["F15"]["inputs"]["points"] == ["F8"]


def test_below_full_time_and_laeretid():
    ev = expected_record("D03")  # 27.5 h activities + 10 h/week work = 37.5: neither flag
    assert not {"F14", "R9-below-full-time"} & set(_codes(load_doc("D03"), ev))
    low = _codes(variant("D03", **{"programme.hours_per_week": 20}), ev)
    assert low["R9-below-full-time"]["inputs"]["sum_per_week"] == "30.00"
    laer = _codes(variant("D03", work=[{"from": "2025-09-01", "to": "2025-09-14", "hours": 50, "kind": "laerling"}]))
    assert laer["F14-laretid"]["kind"] == "fritt_skjonn"


def test_til_ugunst_raises_reformatio_and_til_gunst_temporary_measures():
    assert _codes(load_doc("D09"), expected_record("D09"))["R24-reformatio"]["hjemmel"] == "forvaltningsloven § 34"
    f16 = _codes(load_doc("D06"), expected_record("D06"))["F16"]
    assert f16["kind"] == "fritt_skjonn" and f16["limited_by_sotjl_48"] is False


def test_forsorger_contested_in_d09():
    assert _codes(load_doc("D09"))["F3"]["kind"] == "rettsanvendelsesskjonn"


# --- taxonomy and reclassification ---------------------------------------------------------------

DISCREPANCY = {"code": "wrong-hjemmel", "period": "2025-10-06/2025-10-19", "hjemmel": "sosialtjenesteloven § 38",
               "nav": "5328", "correct": "6797", "category": "lovtolkning"}


def test_taxonomy():
    assert set(CATEGORIES) == {"faktum", "lovtolkning", "rettsanvendelse", "saksbehandling", "rounding"}
    assert all(c["label_nb"] and c["label_nn"] for c in CATEGORIES.values())


def test_reclassify_requires_a_reason():
    with pytest.raises(ClassificationError) as exc:
        reclassify(DISCREPANCY, "rettsanvendelse", "   ")
    assert exc.value.errors == [("reason", "begrunnelse for omklassifisering mangler")]
    out = reclassify(DISCREPANCY, "rettsanvendelse", "Feil metode, ikke feil hjemmel.", by="jurist1")
    assert out["category"] == "rettsanvendelse" and out["proposed_category"] == "lovtolkning"
    assert out["reclassification"]["reason"] == "Feil metode, ikke feil hjemmel."
    assert DISCREPANCY["category"] == "lovtolkning"  # the input is not mutated


def test_reclassify_to_saksbehandling_needs_the_fvl_provision():
    with pytest.raises(ClassificationError) as exc:
        reclassify(DISCREPANCY, "saksbehandling", "Ikke begrunnet.")
    assert exc.value.errors[0][0] == "fvl_provision"
    out = reclassify(DISCREPANCY, "saksbehandling", "Ikke begrunnet.", fvl_provision="fvl. §§ 24–25")
    assert out["reclassification"]["fvl_url"] == "https://lovdata.no/lov/1967-02-10/§24"
    with pytest.raises(ClassificationError):
        reclassify(DISCREPANCY, "ukjent", "x")


# --- procedural checks -------------------------------------------------------------------------------

def _check_codes(doc, today=TODAY, ev=None, **case):
    return {c["code"]: c for c in procedural_checks(parse_any(doc), ev, today=today, **case)}


def test_absence_without_reservation_is_its_own_enkeltvedtak():
    c = _check_codes(variant("D08", **{"decision.absence_reservation": False}))["absence-without-reservation"]
    assert c["proposed_category"] == "saksbehandling" and c["fvl_provision"] == "fvl. §§ 24–25"


def test_unsigned_appeal_and_missing_statement_and_forwarding():
    doc = variant("D01", **{"appeal.signed": False, "appeal.nav_statement": None, "appeal.forwarded": None})
    codes = _check_codes(doc)
    assert codes["appeal-unsigned"]["hjemmel"] == "forvaltningsloven § 32"
    assert {"nav-statement-missing", "not-forwarded"} <= set(codes)


def test_processing_time_counts_from_the_cases_received_date():
    doc = load_doc("D06")  # forwarded 2025-11-26; the case says it reached Statsforvalteren 2025-11-28
    case = {"received": date(2025, 11, 28)}
    assert not {"forelopig-svar-due", "processing-over-3-months"} & set(_check_codes(doc, date(2025, 12, 27), **case))
    assert "forelopig-svar-due" in _check_codes(doc, date(2025, 12, 29), **case)
    assert "processing-over-3-months" not in _check_codes(doc, date(2026, 2, 28), **case)
    assert "processing-over-3-months" in _check_codes(doc, date(2026, 3, 1), **case)
    # a foreløpig svar sent: no longer asked for
    assert "forelopig-svar-due" not in _check_codes(doc, date(2026, 1, 5), **case,
                                                    foreløpig_svar_sent=date(2025, 12, 20))


def test_an_unregistered_received_date_is_flagged_and_no_deadline_guessed():
    codes = _check_codes(load_doc("D06"), date(2026, 3, 1))  # forwarded 2025-11-26, but the case has no date
    assert "received-unknown" in codes
    assert not {"forelopig-svar-due", "processing-over-3-months"} & set(codes)


def test_dates_out_of_order():
    assert "dates-out-of-order" in _check_codes(variant("D01", **{"appeal.forwarded": "2023-04-01"}))


def test_pure_python_no_flask_no_database():
    code = ("import sys; import workbench.services.review, workbench.appeal.outcome, workbench.appeal.discretion, "
            "workbench.appeal.classification, workbench.appeal.admissibility, workbench.appeal.checks, "
            "workbench.appeal.comparison, workbench.appeal.review_topics, workbench.appeal.taxonomy, "
            "workbench.law.lovdata; "
            "bad = [m for m in ('flask', 'sqlalchemy', 'sqlmodel') if m in sys.modules]; assert not bad, bad")
    subprocess.run([sys.executable, "-c", code], check=True)
