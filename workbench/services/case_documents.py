"""The papers Nav sends with a case (issue 16): upload the oversendelse, correct a document's class, import the
case from the form the papers prefilled, and read the documents back.

An upload is all or nothing: every file is checked (``extract.papers.check_upload``: size, PDF magic, pages,
encryption) before any is stored. The documents of one upload share an opaque ``intake`` token and belong to the
jurist who uploaded them until the import from them creates the case: :func:`import_from_papers` runs the one
import (``cases.import_document``) and, in its transaction, gives the documents the new case and stores where each
field came from (``ImportProvenance``) — if either fails, no case is stored.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import CursorResult, delete, update
from sqlalchemy.orm import defer
from sqlmodel import Session, col, select

from workbench.db.document_models import CaseDocument, DocumentClass, ImportProvenance
from workbench.db.models import Case, User, new_public_id, stored_id, utcnow
from workbench.services import audit
from workbench.services import cases as case_service
from workbench.services.transaction import transaction

if TYPE_CHECKING:
    from workbench.extract.reader import Document

CLASSES = tuple(c.value for c in DocumentClass)
ABANDONED_AFTER = timedelta(hours=24)  # an upload never imported is removed this long after it was made (issue 16)


class DocumentRefused(ValueError):
    """An upload that is stored not at all; the message is for the jurist (Norwegian)."""


class IntakeGone(RuntimeError):
    """The uploaded documents are no longer waiting for an import (imported already, or not this user's)."""


@dataclass(frozen=True)
class Upload:
    filename: str
    data: bytes


#: the key of a document's ``extracted`` that keeps what the reader found in it (``reader.Document.as_json``: its
#: lines with their boxes, up to the page read), beside the facts: the page view marks a line and a class
#: correction reads on from it without reading — on a scan, OCR-ing — the document again. Not a fact of the
#: import format (:func:`facts_of` leaves it out).
READING = "_reading"


def facts_of(doc: CaseDocument) -> dict[str, Any] | None:
    """What the reader found in ``doc`` in the import format's shape (None: nothing, or not a vedtak or klage)."""
    facts = {k: v for k, v in (doc.extracted or {}).items() if k != READING}
    return facts or None


def reading_of(doc: CaseDocument) -> Document | None:
    """The reader's read of ``doc`` kept at upload (None: not read, or uploaded before reads were kept)."""
    from workbench.extract.reader import Document

    stored = (doc.extracted or {}).get(READING)
    return Document.from_json(stored) if stored else None


def _extract(data: bytes, doc_class: str, known: Document | None = None) -> dict[str, Any] | None:
    """What the reader finds in a document of this class: the decision's facts in a vedtak, the appeal's date and
    arguments in a klage (``workbench.extract``), with the read itself under :data:`READING`; for other classes
    only the read already made (``known``: a scan's first page, OCR'd to class it), which a vedtak's or klage's
    read goes on from rather than repeats. None for an unreadable file or nothing read."""
    from workbench.extract import UnreadablePdf, extract, extract_appeal, to_json
    from workbench.extract.reader import read_pdf

    try:
        doc = read_pdf(data, known=known) if doc_class in (DocumentClass.VEDTAK, DocumentClass.KLAGE) else known
        if doc is None:
            return None
        facts = (to_json(extract(doc).facts) if doc_class == DocumentClass.VEDTAK
                 else to_json(extract_appeal(doc).facts) if doc_class == DocumentClass.KLAGE else {})
    except UnreadablePdf:
        return None
    return {**facts, READING: doc.as_json()}


def store_intake(session: Session, uploads: list[Upload], *, actor: audit.Actor) -> str:
    """Check, classify and store the uploaded PDFs; a vedtak or klage — a scanned one too, classed from its first
    page's OCR — is read (``workbench.extract``). Returns the intake token. Commits. Raises ``DocumentRefused`` (nothing stored)."""
    from workbench.extract import UnreadablePdf
    from workbench.extract.papers import MAX_FILES, check_upload, classify, safe_filename

    if not uploads:
        raise DocumentRefused("Velg minst én PDF.")
    if len(uploads) > MAX_FILES:
        raise DocumentRefused(f"Last opp høyst {MAX_FILES} dokumenter om gangen.")
    intake = new_public_id()
    rows = []
    for upload in uploads:
        name = safe_filename(upload.filename)
        try:
            pages = check_upload(name, upload.data)
        except UnreadablePdf as exc:
            raise DocumentRefused(str(exc)) from None
        doc_class, first = classify(upload.data)
        rows.append(CaseDocument(intake=intake, filename=name, size=len(upload.data),
                                 sha256=hashlib.sha256(upload.data).hexdigest(), pages=pages, doc_class=doc_class,
                                 data=upload.data, uploaded_by_id=actor.user_id,
                                 extracted=_extract(upload.data, doc_class, first)))
    with transaction(session):
        remove_abandoned(session, actor=actor)
        for row in rows:
            session.add(row)
            audit.record(session, actor, "document.uploaded",
                         detail=f"intake={intake} class={row.doc_class} pages={row.pages} sha256={audit.digest(row.sha256)}")
    return intake


def remove_abandoned(session: Session, *, actor: audit.Actor, now: datetime | None = None,
                     older_than: timedelta = ABANDONED_AFTER) -> int:
    """Delete the uploaded documents no case was imported from, uploaded more than ``older_than`` ago (they hold
    personal data nobody works on); audited as ``document.purged`` with their count. A step: the caller commits
    (:func:`purge_abandoned` for the command line; the next upload does it in its own transaction)."""
    cutoff = (now or utcnow()) - older_than
    result = session.execute(delete(CaseDocument).where(col(CaseDocument.case_id).is_(None),
                                                        col(CaseDocument.uploaded_at) < cutoff))
    assert isinstance(result, CursorResult)
    if result.rowcount:
        audit.record(session, actor, "document.purged",
                     detail=f"documents={result.rowcount} not imported for {older_than.total_seconds() / 3600:g} h")
    return int(result.rowcount)


def purge_abandoned(session: Session, *, actor: audit.Actor, older_than: timedelta = ABANDONED_AFTER) -> int:
    """:func:`remove_abandoned` as a use case (``workbench documents purge``). Commits. Returns the count."""
    with transaction(session):
        return remove_abandoned(session, actor=actor, older_than=older_than)


def intake_documents(session: Session, intake: str, user_id: int | None) -> list[CaseDocument]:
    """The documents of an upload still waiting for their case, if ``user_id`` uploaded them."""
    return list(session.exec(select(CaseDocument).where(CaseDocument.intake == intake, col(CaseDocument.case_id).is_(None),
                                                        CaseDocument.uploaded_by_id == user_id)
                             .order_by(col(CaseDocument.id))))


def decision_document(documents: list[CaseDocument]) -> CaseDocument | None:
    """The document the form is prefilled from: the first classed vedtak."""
    return next((d for d in documents if d.doc_class == DocumentClass.VEDTAK), None)


def appeal_document(documents: list[CaseDocument]) -> CaseDocument | None:
    """The document the appeal's fields are prefilled from: the first classed klage in which the reader found them."""
    return next((d for d in documents if d.doc_class == DocumentClass.KLAGE and (facts_of(d) or {}).get("appeal")), None)


def prefill(documents: list[CaseDocument]) -> tuple[dict[str, Any] | None, CaseDocument | None]:
    """What the form is prefilled with (issue 16): the vedtak's facts, and — when the vedtak holds no appeal — the
    appeal's date and arguments from the klage, with the document they came from (else None). A klage dated before
    the decision is not the appeal of it: its date is left out (import-format.md «appeal»)."""
    decision, klage = decision_document(documents), appeal_document(documents)
    extracted = facts_of(decision) if decision else None
    if klage is None or (extracted and "appeal" in extracted):
        return extracted, None
    appeal = dict(facts_of(klage)["appeal"])  # type: ignore[index]
    decided = ((extracted or {}).get("decision") or {}).get("date")
    if decided and "sent" in appeal and appeal["sent"]["value"] < decided["value"]:
        del appeal["sent"]
    return {**(extracted or {}), "appeal": appeal}, klage


def set_class(session: Session, intake: str, public_id: str, doc_class: str, *, actor: audit.Actor) -> CaseDocument | None:
    """Correct the class of one document of a waiting upload (a document becoming a vedtak or a klage is read
    as one, from the read kept at upload: no page is OCR'd twice).
    None if there is no such document. Commits."""
    if doc_class not in CLASSES:
        raise ValueError(f"unknown class {doc_class!r}")
    doc = next((d for d in intake_documents(session, intake, actor.user_id) if d.public_id == public_id), None)
    if doc is None:
        return None
    with transaction(session):
        if doc.doc_class != doc_class:
            audit.record(session, actor, "document.class_changed", detail=f"intake={intake} {doc.doc_class}->{doc_class}")
            doc.extracted = _extract(doc.data, doc_class, reading_of(doc))
        doc.doc_class = doc_class
        session.add(doc)
    return doc


def import_from_papers(session: Session, source: str, *, intake: str, fields: dict[str, Any], actor: audit.Actor,
                       assign_to: User | None = None) -> Case:
    """Import the document the jurist confirmed (``source``, JSON) through the one import, and in the same
    transaction give the upload's documents the new case and store ``fields`` (where each field came from).
    Commits. Raises ``cases.InvalidDocument`` (nothing stored) or ``IntakeGone``."""
    documents = intake_documents(session, intake, actor.user_id)
    if not documents:
        raise IntakeGone("Dokumentene er allerede importert, eller finnes ikke.")
    ids = [stored_id(d) for d in documents]
    decision = decision_document(documents)

    def attach(sess: Session, case: Case) -> None:
        case_id = stored_id(case)
        result = sess.execute(update(CaseDocument).where(col(CaseDocument.id).in_(ids), col(CaseDocument.case_id).is_(None))
                              .values(case_id=case_id))
        assert isinstance(result, CursorResult)
        if result.rowcount != len(ids):  # a second submit of the same upload got there first
            raise IntakeGone("Dokumentene er allerede importert i en annen sak.")
        sess.add(ImportProvenance(case_id=case_id, fields=fields))
        audit.record(sess, actor, "case.documents_attached", case_id=case_id, detail=f"intake={intake} documents={len(ids)}")

    return case_service.import_document(session, source, origin="form", actor=actor, assign_to=assign_to,
                                        filename=decision.filename if decision else None, also=attach)


# --- reading -------------------------------------------------------------------------------------

def get_document(session: Session, public_id: str) -> CaseDocument | None:
    return session.exec(select(CaseDocument).where(CaseDocument.public_id == public_id)).first()


def documents_for_case(session: Session, case_id: int) -> list[CaseDocument]:
    """The case's documents, without their bytes (``data`` loads when read)."""
    return list(session.exec(select(CaseDocument).where(CaseDocument.case_id == case_id)
                             .options(defer(CaseDocument.data))  # type: ignore[arg-type]
                             .order_by(col(CaseDocument.id))))


def provenance_for_case(session: Session, case_id: int) -> ImportProvenance | None:
    return session.exec(select(ImportProvenance).where(ImportProvenance.case_id == case_id)).first()


def record_read(session: Session, doc: CaseDocument, *, actor: audit.Actor, what: str) -> None:
    """Audit that ``actor`` read ``doc`` (``what``: «download» or «page N»). Commits."""
    with transaction(session):
        audit.record(session, actor, "document.read", case_id=doc.case_id,
                     detail=f"document={doc.public_id} {what}"[:200])
