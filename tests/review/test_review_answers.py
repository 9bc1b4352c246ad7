"""The review page's «6. Klagerens anførsler» with the engine's proposed answers (issue 12; docs/appeals.md §11),
and the two records of the outcome: whether a dismissal may be appealed (fvl. § 28 third paragraph) and the ground
for hearing a late appeal (fvl. § 31 first paragraph) — through the web test client, as the jurist uses them."""

from __future__ import annotations

import copy
import dataclasses
from datetime import date

from sqlmodel import func, select

from review_support import by_id, load_doc, page, text, variant


def decision_and_evaluation(name: str):
    """The parsed decision and its evaluation record, as the review reads them."""
    from workbench.formats.evaluation_json import read_evaluation
    from workbench.formats.import_format import parse_document
    from workbench.services.evaluation import evaluate_document

    doc = load_doc(name)
    return parse_document(copy.deepcopy(doc)), read_evaluation(evaluate_document(doc, today=date(2026, 11, 23)))


def _version(db, case_id) -> int:
    from workbench.db.models import Case

    db.expire_all()
    return db.get(Case, case_id).version


def _state(db, case):
    from workbench.db.models import Case
    from workbench.services import review_store

    db.expire_all()
    return review_store.load_review(db, db.get(Case, case.id))


def _audit(db, case_id):
    from workbench.services import audit

    db.expire_all()
    return [(e.action, e.detail) for e in audit.events_for_case(db, case_id)]


def _reviews(db) -> int:
    from workbench.db.appeal_models import CaseReview

    db.expire_all()
    return db.exec(select(func.count()).select_from(CaseReview)).one()


def _textarea(tree, i: int) -> str:
    return by_id(tree, f"argument-{i}").text_content()


# --------------------------------------------------------------------------------------------------
# The proposal, prefilled and marked; the jurist confirms by saving


def test_the_proposal_is_prefilled_marked_and_names_its_provision(client_as, import_case):
    case = import_case("D09.json")  # «Samboerens sønn bor hos oss …»
    tree = page(client_as("saksbehandler").get(f"/saker/{case.public_id}/vurdering"))
    answer = _textarea(tree, 0)
    assert "Som barn regnes bare egne barn og fosterbarn" in answer
    assert "Barnetillegget er beregnet for to barn" in answer.replace("\u00a0", " ")
    assert text(by_id(tree, "argument-0-forslag")) == "Forslag – rediger og bekreft"
    hint = by_id(tree, "argument-0-hint")
    assert "forskrift om kvalifiseringsprogram § 3 tredje ledd" in text(hint).replace("\u00a0", " ")
    assert hint.xpath(".//a[@href='https://lovdata.no/forskrift/2011-12-21-1471/§3']")
    # the label is what the error messages name
    assert text(tree.xpath('//label[@for="argument-0"]')[0]) == "Svar på anførsel 1"


def test_confirming_stores_the_jurists_text_and_the_mark_goes(client_as, import_case, db):
    case = import_case("D09.json")
    sb = client_as("saksbehandler")
    url = f"/saker/{case.public_id}/vurdering"
    proposed = _textarea(page(sb.get(url)), 0)
    edited = proposed + "\n\nDu kan søke om barnetillegg på nytt hvis du blir fosterforelder for ham."
    r = sb.post(url + "/anforsler", data={"version": _version(db, case.id), "argument-0": edited.replace("\n", "\r\n")})
    assert r.status_code == 302 and r.location.endswith("#anforsler")
    assert _state(db, case).argument_answers == {0: edited}  # plain text, paragraphs by a blank line
    tree = page(sb.get(url))
    assert by_id(tree, "argument-0-forslag") is None
    assert "Bekreftet av juristen" in text(by_id(tree, "argument-0-hint"))
    assert _textarea(tree, 0) == edited
    assert ("review.argument_answered", "indexes=0") in _audit(db, case.id)


def test_a_one_word_answer_is_refused_next_to_the_field_and_nothing_stored(client_as, import_case, db):
    case = import_case("D08.json")  # two arguments
    sb = client_as("saksbehandler")
    url = f"/saker/{case.public_id}/vurdering"
    before, version = _reviews(db), _version(db, case.id)
    r = sb.post(url + "/anforsler", data={"version": version, "argument-0": "Nei.",
                                          "argument-1": "Klagen behandles fordi du var syk i fristen."})
    assert r.status_code == 400
    tree = page(r)
    error = text(by_id(tree, "argument-0-error"))
    assert error.startswith("Svar på anførsel 1:") and "ett ord" in error
    assert by_id(tree, "argument-0").get("aria-invalid") == "true"
    assert "argument-0-error" in by_id(tree, "argument-0").get("aria-describedby")
    assert by_id(tree, "argument-1-error") is None
    assert _textarea(tree, 0) == "Nei."  # what was typed is still there
    assert "Klagen behandles fordi du var syk" in _textarea(tree, 1)
    assert _reviews(db) == before and _version(db, case.id) == version
    # a placeholder, and the second field named as the page names it
    r = sb.post(url + "/anforsler", data={"version": version, "argument-1": "[fyll inn]"})
    assert r.status_code == 400
    assert text(by_id(page(r), "argument-1-error")).startswith("Svar på anførsel 2:")


def test_the_service_refuses_an_answer_that_says_nothing_too(import_case, db):
    import pytest

    from workbench.db.models import Case
    from workbench.services import audit, review_store

    case = import_case("D08.json")
    row = db.get(Case, case.id)
    with pytest.raises(review_store.AnswersRefused) as exc:
        review_store.save_argument_answers(db, row, {0: "Ok"}, expected_version=row.version, actor=audit.Actor.cli())
    assert exc.value.problems[0].startswith("Svar på anførsel 1:")
    assert _version(db, case.id) == row.version


def test_the_proposal_is_in_the_letters_standard_nynorsk(client_as, demo_case):
    tree = page(client_as("saksbehandler").get(f"/saker/{demo_case.public_id}/vurdering"))
    answer = _textarea(tree, 0)
    assert answer.startswith("Statsforvaltaren er einig med deg.")
    assert "sosialtenestelova § 37" in answer.replace("\u00a0", " ")
    assert "Arbeids- og velferdsdirektoratet sitt brev" in answer


def test_no_proposal_where_the_law_gives_none(client_as, import_doc):
    doc = variant("D01")
    doc["appeal"]["arguments"] = ["Veilederen min var uhøflig mot meg på telefonen."]
    case = import_doc(doc)
    tree = page(client_as("saksbehandler").get(f"/saker/{case.public_id}/vurdering"))
    assert _textarea(tree, 0) == ""
    assert "skriv svaret selv" in text(by_id(tree, "argument-0-hint"))
    assert by_id(tree, "argument-0-forslag") is None


# --------------------------------------------------------------------------------------------------
# The ground for hearing a late appeal (fvl. § 31 first paragraph a / b)


def test_the_late_appeal_ground_is_required_when_admitted_recorded_and_used(client_as, import_case, db):
    case = import_case("D08.json")  # four days late
    sb = client_as("saksbehandler")
    url = f"/saker/{case.public_id}/vurdering"
    tree = page(sb.get(url))
    assert by_id(tree, "late_appeal_ground-ikke_lastes") is not None
    assert "ikke lastes" in text(by_id(tree, "late_appeal_ground-group"))
    r = sb.post(url + "/adgang", data={"version": _version(db, case.id), "late_appeal_admitted": "ja",
                                       "late_appeal_reasons": "Klageren var innlagt på sykehus."})
    assert r.status_code == 400
    assert "grunnlaget" in text(by_id(page(r), "late_appeal_ground-error"))
    r = sb.post(url + "/adgang", data={"version": _version(db, case.id), "late_appeal_admitted": "ja",
                                       "late_appeal_ground": "ikke_lastes",
                                       "late_appeal_reasons": "Klageren var innlagt på sykehus."})
    assert r.status_code == 302
    rec = _state(db, case).recorded
    assert rec.late_appeal_admitted is True and rec.late_appeal_ground == "ikke_lastes"
    tree = page(sb.get(url))
    assert by_id(tree, "late_appeal_ground-ikke_lastes").get("checked") is not None
    # the proposed answer to «Klagen kommer noen dager for sent …» now says which ground
    assert "du ikke kan lastes for at klagen kom for sent, og har derfor behandlet klagen" in _textarea(tree, 1)
    assert any(a == "review.recorded" and "late_appeal_ground" in (d or "") for a, d in _audit(db, case.id))
    # not admitted: the ground is not kept
    r = sb.post(url + "/adgang", data={"version": _version(db, case.id), "late_appeal_admitted": "nei"})
    assert r.status_code == 302
    assert _state(db, case).recorded.late_appeal_ground is None


def test_validation_refuses_an_admitted_late_appeal_without_its_ground(import_case, db):
    from workbench.appeal.outcome import Recorded, validate_chosen_outcome

    decision, evaluation = decision_and_evaluation("D08")
    rec = Recorded(late_appeal_admitted=True, late_appeal_reasons="Syk.", chosen_outcome="omgjore",
                   outcome_reasons="Fraværet trekkes per time.")
    errors = validate_chosen_outcome(decision, evaluation, rec, today=date(2025, 4, 1))
    assert [f for f, _ in errors] == ["admissibility.late_appeal_ground"]
    assert "fvl. § 31 første ledd" in errors[0][1]
    for ground in ("ikke_lastes", "saerlige_grunner"):
        assert validate_chosen_outcome(decision, evaluation, dataclasses.replace(rec, late_appeal_ground=ground),
                                       today=date(2025, 4, 1)) == []
    bad = validate_chosen_outcome(decision, evaluation, Recorded(late_appeal_admitted=True, late_appeal_reasons="Syk.",
                                                                  late_appeal_ground="fordi", chosen_outcome="omgjore",
                                                                  outcome_reasons="x"), today=date(2025, 4, 1))
    assert ("admissibility.late_appeal_ground" in {f for f, _ in bad})


# --------------------------------------------------------------------------------------------------
# Whether the dismissal may be appealed (fvl. § 28 third paragraph a / b / neither)


def test_avvise_needs_the_avvisning_exception_recorded_in_plain_norwegian(client_as, import_case, db):
    case = import_case("D11.json")  # sent more than one year after the decision: avvise
    sb = client_as("saksbehandler")
    url = f"/saker/{case.public_id}/vurdering"
    tree = page(sb.get(url))
    group = text(by_id(tree, "avvisning_exception-group"))
    assert "Nav-kontoret avviste også klagen" in group
    assert "kom til at den kunne det" in group and "klageren kan klage på avvisningen" in group
    r = sb.post(url + "/utfall", data={"version": _version(db, case.id), "outcome": "avvise",
                                       "reasons": "Klagen kom mer enn ett år etter vedtaket."})
    assert r.status_code == 400
    assert "kan påklages" in text(by_id(page(r), "avvisning_exception-error"))
    r = sb.post(url + "/utfall", data={"version": _version(db, case.id), "outcome": "avvise",
                                       "reasons": "Klagen kom mer enn ett år etter vedtaket.",
                                       "avvisning_exception": "ingen"})
    assert r.status_code == 302
    rec = _state(db, case).recorded
    assert rec.chosen_outcome == "avvise" and rec.avvisning_exception == "ingen"
    tree = page(sb.get(url))
    assert by_id(tree, "avvisning_exception-ingen").get("checked") is not None
    assert ("review.recorded", "fields=avvisning_exception,chosen_outcome,outcome_reasons") in _audit(db, case.id)
    missing = by_id(tree, "mangler")
    assert missing is None or "påklages" not in text(missing)


def test_validation_refuses_avvise_without_the_exception_and_other_outcomes_drop_it(import_case):
    from workbench.appeal.outcome import AVVISNING_EXCEPTIONS, Recorded, validate_chosen_outcome

    assert set(AVVISNING_EXCEPTIONS) == {"a", "b", "ingen"}
    decision, evaluation = decision_and_evaluation("D11")
    rec = Recorded(chosen_outcome="avvise", outcome_reasons="Over ett år.")
    errors = validate_chosen_outcome(decision, evaluation, rec, today=date(2025, 3, 1))
    assert [f for f, _ in errors] == ["outcome.avvisning_exception"]
    assert "fvl. § 28 tredje ledd" in errors[0][1]
    for choice in AVVISNING_EXCEPTIONS:
        ok = Recorded(chosen_outcome="avvise", outcome_reasons="Over ett år.", avvisning_exception=choice)
        assert validate_chosen_outcome(decision, evaluation, ok, today=date(2025, 3, 1)) == []
    odd = Recorded(chosen_outcome="avvise", outcome_reasons="Over ett år.", avvisning_exception="c")
    assert [f for f, _ in validate_chosen_outcome(decision, evaluation, odd, today=date(2025, 3, 1))] == [
        "outcome.avvisning_exception"]


def test_the_two_records_survive_json_and_older_json_lacks_them():
    from workbench.appeal.outcome import Recorded

    rec = Recorded(chosen_outcome="avvise", avvisning_exception="b", late_appeal_admitted=True,
                   late_appeal_ground="saerlige_grunner")
    assert Recorded.from_json(rec.to_json()) == rec
    old = {k: v for k, v in rec.to_json().items() if k not in ("avvisning_exception", "late_appeal_ground")}
    back = Recorded.from_json(old)
    assert back.avvisning_exception is None and back.late_appeal_ground is None
