"""Frozen: once a case is ferdigstilt it is never changed, and arkivert only after the letter's
checksum is verified. Edits on an archived case, through the web and through the services, are refused
and leave every row of the case as it was.

The guard sits in ``services.cases.locked_update`` (every write to a case passes it): on a ferdigstilt
or arkivert case only the move ferdigstilt → arkivert gets through.
"""

from __future__ import annotations

import hashlib
from datetime import date

import pytest
from sqlmodel import select
from vedtak_support import fresh

from workbench.db.appeal_models import CaseReview, FactCorrection, Letter
from workbench.db.models import AuditEvent, Case, Evaluation
from workbench.services import archive as archive_service
from workbench.services import audit
from workbench.services import cases as case_service


def snapshot(db, case) -> dict:
    """Everything about the case that an edit could change (audit events excluded)."""
    db.expire_all()
    c = db.get(Case, case.id)
    letter = db.exec(select(Letter).where(Letter.case_id == case.id)).one()
    review = db.exec(select(CaseReview).where(CaseReview.case_id == case.id)).first()
    return {
        "case": {k: getattr(c, k) for k in ("status", "version", "received", "forelopig_svar_sent",
                                             "saksbehandler_id", "updated_at", "language", "office_county")},
        "letter": (letter.status, letter.blocks, letter.language, letter.our_reference, letter.pdf_sha256,
                   hashlib.sha256(letter.pdf).hexdigest(), letter.finalized_at),
        "review": (review.recorded, review.argument_answers, review.current_document) if review else None,
        "evaluations": len(db.exec(select(Evaluation).where(Evaluation.case_id == case.id)).all()),
        "corrections": len(db.exec(select(FactCorrection).where(FactCorrection.case_id == case.id)).all()),
    }


@pytest.fixture
def archived(db, finalised, make_user):
    case = finalised("D06")
    arkivar = make_user("arkivar")
    archive_service.archive_case(db, case, expected_version=fresh(db, case).version,
                                 actor=audit.Actor(user_id=arkivar.id))
    return fresh(db, case)


# --- archiving ------------------------------------------------------------------------------------

def test_archiving_verifies_the_checksum_and_records_who_and_when(db, finalised, make_user):
    case = finalised("D06")
    arkivar = make_user("arkivar")
    v = fresh(db, case).version
    archive_service.archive_case(db, case, expected_version=v, actor=audit.Actor(user_id=arkivar.id))
    c = fresh(db, case)
    assert c.status == "arkivert" and c.version == v + 1
    ev = archive_service.archived_event(db, c)
    assert ev.user_id == arkivar.id and ev.at is not None
    letter = db.exec(select(Letter).where(Letter.case_id == case.id)).one()
    assert ev.detail == f"sha256={archive_service.audit_digest(letter.pdf_sha256)}"
    assert db.exec(select(AuditEvent).where(AuditEvent.case_id == case.id, AuditEvent.action == "case.status",
                                            AuditEvent.detail == "ferdigstilt->arkivert")).one()


def test_archiving_refuses_a_tampered_pdf(db, finalised, make_user):
    case = finalised("D06")
    letter = db.exec(select(Letter).where(Letter.case_id == case.id)).one()
    pdf = bytearray(letter.pdf)
    pdf[len(pdf) // 2] ^= 0x01  # one byte changed in the database
    letter.pdf = bytes(pdf)
    db.add(letter)
    db.commit()
    v = fresh(db, case).version
    with pytest.raises(archive_service.ChecksumMismatch):
        archive_service.archive_case(db, case, expected_version=v, actor=audit.Actor(user_id=make_user("arkivar").id))
    c = fresh(db, case)
    assert c.status == "ferdigstilt" and c.version == v
    assert db.exec(select(AuditEvent).where(AuditEvent.case_id == case.id,
                                            AuditEvent.action == "archive.checksum_mismatch")).one()
    with pytest.raises(archive_service.ChecksumMismatch):
        archive_service.export_package(db, case)  # nor is it exported


def test_archiving_through_the_web_refuses_a_tampered_pdf(db, finalised, client_as):
    case = finalised("D06")
    letter = db.exec(select(Letter).where(Letter.case_id == case.id)).one()
    letter.pdf = letter.pdf[:-1] + b"\x00"
    db.add(letter)
    db.commit()
    arkivar = client_as("arkivar")
    r = arkivar.post(f"/arkivering/{case.public_id}/arkiver",
                     data={"version": fresh(db, case).version, "confirm": "y"}, follow_redirects=True)
    assert "Sjekksummen til vedtaksbrevet stemmer ikke" in r.get_data(as_text=True)
    assert fresh(db, case).status == "ferdigstilt"


def test_only_a_ferdigstilt_case_is_archived(db, import_case, finalised, make_user):
    actor = audit.Actor(user_id=make_user("arkivar").id)
    open_case = import_case("D06.json")
    with pytest.raises(archive_service.NotFinalised):
        archive_service.archive_case(db, open_case, expected_version=1, actor=actor)
    assert fresh(db, open_case).status == "mottatt"
    with pytest.raises(archive_service.NotFinalised):
        archive_service.export_package(db, open_case)
    # a stale version is refused by the case lock
    case = finalised("D08")
    with pytest.raises(case_service.StaleCase):
        archive_service.archive_case(db, case, expected_version=fresh(db, case).version - 1, actor=actor)
    assert fresh(db, case).status == "ferdigstilt"


def test_audit_digests_never_look_like_a_fodselsnummer(db):
    digest = "ab" + "1" * 11 + "c" * 51  # a run of exactly 11 digits
    assert archive_service.audit_digest(digest).replace("-", "") == digest
    audit.record(db, audit.Actor.cli(), "archive.exported", detail=f"sha256={archive_service.audit_digest(digest)}")
    db.rollback()


def test_ensure_open_guard():
    with pytest.raises(archive_service.CaseFrozen):
        archive_service.ensure_open(Case(status="arkivert"))
    with pytest.raises(archive_service.CaseFrozen):
        archive_service.ensure_open(Case(status="ferdigstilt"))
    archive_service.ensure_open(Case(status="under_behandling"))


# --- edits on an archived case ------------------------------------------------------------------

def test_archiving_twice_is_refused(db, archived, make_user):
    before = snapshot(db, archived)
    with pytest.raises(archive_service.NotFinalised):
        archive_service.archive_case(db, archived, expected_version=fresh(db, archived).version,
                                     actor=audit.Actor(user_id=make_user("arkivar").id))
    assert snapshot(db, archived) == before


def test_web_edits_of_the_review_the_letter_and_the_status_are_refused(db, archived, client_as):
    before = snapshot(db, archived)
    pid, v = archived.public_id, fresh(db, archived).version
    for role in ("saksbehandler", "leder"):
        client = client_as(role)
        for path, data in [
            ("/saker/{}/vurdering/utfall", {"version": v, "outcome": "stadfeste", "reasons": "x"}),
            ("/saker/{}/vurdering/anforsler", {"version": v, "answer_0": "endret"}),
            ("/saker/{}/vurdering/faktum", {"version": v, "path": "work[0].hours", "value": "1", "reason": "x"}),
            ("/saker/{}/vurdering/adgang", {"version": v}),
            ("/saker/{}/vurdering/skjonn", {"version": v}),
            ("/saker/{}/vurdering/avvik", {"version": v}),
            ("/saker/{}/vurdering/ugunst", {"version": v}),
            ("/saker/{}/vedtak", {"version": v, "language": "nn", "our_reference": "1/1", "block_faktum": "<p>x</p>"}),
            ("/saker/{}/vedtak/send", {"version": v}),
            ("/saker/{}/vedtak/ferdigstill", {"version": v}),
            ("/saker/{}/status", {"version": v, "to_status": "under_behandling"}),
            ("/arkivering/{}/arkiver", {"version": v, "confirm": "y"}),
        ]:
            r = client.post(path.format(pid), data=data)
            assert r.status_code in (302, 400, 403, 409), (role, path, r.status_code)
            assert snapshot(db, archived) == before, (role, path)


def test_service_edits_of_the_letter_are_refused(db, archived):
    from workbench.services import letters as letter_service

    before = snapshot(db, archived)
    actor = audit.Actor.cli()
    v = fresh(db, archived).version
    with pytest.raises(letter_service.LetterError):
        letter_service.save_blocks(db, fresh(db, archived), {"faktum": "<p>x</p>"}, expected_version=v, actor=actor)
    with pytest.raises(letter_service.LetterError):
        letter_service.send_to_leader(db, fresh(db, archived), expected_version=v, actor=actor)
    with pytest.raises(letter_service.LetterError):
        letter_service.finalize(db, fresh(db, archived), expected_version=v, actor=actor)
    with pytest.raises(case_service.TransitionNotAllowed):
        case_service.transition(db, fresh(db, archived), "under_behandling", expected_version=v, actor=actor)
    db.rollback()
    assert snapshot(db, archived) == before


def test_web_edits_on_the_case_page_are_refused(db, archived, client_as):
    before = snapshot(db, archived)
    pid, v = archived.public_id, fresh(db, archived).version
    client = client_as("saksbehandler")
    for path, data in [("/saker/{}/mottatt", {"version": v, "received": "01.01.2026"}),
                       ("/saker/{}/forelopig-svar", {"version": v, "sent": "01.01.2026"}),
                       ("/saker/{}/tildel", {"version": v}),
                       ("/saker/{}/vurder", {"version": v}),
                       ("/saker/{}/malform", {"version": v, "language": "nn"}),
                       ("/saker/{}/fylke", {"version": v, "county": "46"})]:
        client.post(path.format(pid), data=data)
        assert snapshot(db, archived) == before, path


def test_service_edits_of_the_case_and_review_are_refused(db, archived):
    from workbench.appeal.outcome import Recorded
    from workbench.services import competence as competence_service
    from workbench.services import review_store

    before = snapshot(db, archived)
    actor = audit.Actor.cli()
    attempts = [
        lambda v: case_service.set_received(db, fresh(db, archived), date(2026, 1, 1), expected_version=v, actor=actor),
        lambda v: case_service.assign(db, fresh(db, archived), None, expected_version=v, actor=actor),
        lambda v: case_service.set_language(db, fresh(db, archived), "nn", expected_version=v, actor=actor),
        lambda v: competence_service.confirm_office_county(db, fresh(db, archived), "46", expected_version=v,
                                                           actor=actor),
        lambda v: review_store.save_recorded(db, fresh(db, archived), Recorded(chosen_outcome="stadfeste"),
                                             expected_version=v, actor=actor),
        lambda v: review_store.save_argument_answers(db, fresh(db, archived), {0: "endret"}, expected_version=v,
                                                     actor=actor),
    ]
    for attempt in attempts:
        with pytest.raises((archive_service.CaseFrozen, case_service.StaleCase, ValueError)):
            attempt(fresh(db, archived).version)
        db.rollback()
        assert snapshot(db, archived) == before
