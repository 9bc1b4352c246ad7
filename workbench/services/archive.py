"""Archiving a decided case: frozen, searchable, exportable (``docs/archive.md``).

- **Frozen.** A ferdigstilt or arkivert case is read-only. :func:`ensure_open` is the guard other
  services can call; :func:`archive_case` (ferdigstilt → arkivert) first verifies the case
  (:func:`verify_case`: the letter's stored SHA-256, and the signed hash chain of every document,
  ``services/integrity.py``), then moves the status under the case lock (``cases.version``) and
  writes the audit trail.
- **Tamper evident.** Nothing of a finished case leaves the app unverified: the package export and
  (in ``vedtak/routes.py``) the PDF download run the same check first, and refuse, audited as
  ``archive.checksum_mismatch``, when a document or its chain link does not verify.
- **Searchable.** In the database, page by page: ``services/archive_search.py`` (the index row written at
  finalisation, one folding, full text on SQLite and PostgreSQL alike).
- **Exportable.** :func:`export_package` → a ZIP: the finalised PDF/A (the exact stored bytes), the
  import document as submitted, the evaluation in force at finalisation, the review record (the bytes the
  archive chain sealed), the approval history, the journalled side letters (their PDF/A bytes and an
  index), the dispatch (forvaltningsloven § 27: to whom, how, when — ``services/dispatch.py``), a Noark 5
  sidecar (``arkivuttrekk.xml``: a journalpost for the appeal and one for each outgoing letter),
  ``manifest.json`` and ``sjekksummer.txt`` (SHA-256 of every file). Every
  systemID is a uuid5 of the case's ``public_id`` and every ZIP entry carries a fixed timestamp, so a
  repeated export of the same case gives the same bytes (idempotent). Each export is audited.

Who archived the case and when is read back from the audit trail; the chain's tables
(``archive_chain``, ``archive_chain_head``) belong to ``services/integrity.py``.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import uuid
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime, UTC
from typing import Any, NamedTuple

from sqlmodel import Session, col, select

from workbench.config import current_office
from workbench.db.appeal_models import ApprovalEvent, CaseReview, Letter, LetterStatus
from workbench.db.side_letter_models import OutgoingLetter
from workbench.db.models import (
    FINISHED,
    AuditEvent,
    Case,
    CaseStatus,
    Evaluation,
    ImportedDecision,
    User,
)
from workbench.letters.model import Office
from workbench.services.archive_search import OUTCOME_LABELS
from workbench.services import audit
from workbench.services import cases as case_service
from workbench.services import dispatch as dispatch_service
from workbench.services import integrity
from workbench.services.transaction import transaction

ARCHIVE_STATUSES = FINISHED

#: Noark 5 arkivstruktur namespace (v5). The sidecar has NOT been validated with Arkade 5 here.
N5 = "http://www.arkivverket.no/standarder/noark5/arkivstruktur"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
KB = "urn:klagebenk:arkiv:1"  # our M711 virksomhetsspesifikkeMetadata

#: Fixed namespace for uuid5: systemIDs are stable per case and document.
SYSTEM_ID_NAMESPACE = uuid.UUID("6f0c2a4e-5b1d-5d7e-9a51-6b6c6167656e")

#: PDF/A (XMP pdfaid:part, pdfaid:conformance) → PRONOM id (archive.md §4).
PRONOM = {
    ("1", "A"): "fmt/95", ("1", "B"): "fmt/354",
    ("2", "A"): "fmt/476", ("2", "B"): "fmt/477", ("2", "U"): "fmt/478",
    ("3", "A"): "fmt/479", ("3", "B"): "fmt/480", ("3", "U"): "fmt/481",
}
PRONOM_JSON = "fmt/817"  # JSON Data Interchange Format

PDF_PATH = "dokument/vedtak.pdf"
IMPORT_PATH = "dokument/klage-importdokument.json"
EVALUATION_PATH = "vurdering/evaluering.json"
REVIEW_PATH = "vurdering/vurderingsregistrering.json"
APPROVALS_PATH = "vurdering/godkjenning.json"
SIDE_LETTERS_INDEX_PATH = "dokument/sidebrev.json"
DISPATCH_PATH = "ekspedering.json"
XML_PATH = "arkivuttrekk.xml"
MANIFEST_PATH = "manifest.json"
CHECKSUMS_PATH = "sjekksummer.txt"

DIRECTION_LABELS = {"til_gunst": "Til gunst for klageren", "uendret": "Uendret",
                    "til_ugunst": "Til ugunst for klageren"}

# Skjerming: the wording is [NV] (archive.md §2, §7): confirm with Statsforvalteren's archive routines.
TILGANGSRESTRIKSJON = "Taushetsplikt – unntatt offentlighet (offl. § 13)"
SKJERMINGSHJEMMEL = "Offl § 13 jf. fvl § 13"
SCREENED = "*****"


class ArchiveError(ValueError):
    """The case cannot be archived or exported; the message says why (Norwegian, for the page)."""


class CaseFrozen(ArchiveError):
    pass


class NotFinalised(ArchiveError):
    pass


class ChecksumMismatch(ArchiveError, integrity.IntegrityFailure):
    """The case's documents do not verify (``problems``: ``integrity.Problem`` list). Already audited."""


# --------------------------------------------------------------------------------------------------
# Frozen
# --------------------------------------------------------------------------------------------------

audit_digest = audit.digest  # kept under this name for the archive's callers


def _fresh(session: Session, case: Case) -> Case:
    """The case as stored now, attached to ``session`` (callers may hold a stale or detached copy)."""
    row = session.get(Case, case.id)
    if row is None:
        raise NotFinalised("Saken finnes ikke.")
    session.refresh(row)
    return row


def is_frozen(case: Case) -> bool:
    return case.status in ARCHIVE_STATUSES


def ensure_open(case: Case) -> None:
    """Raise ``CaseFrozen`` for a ferdigstilt or arkivert case: nothing about it may change."""
    if is_frozen(case):
        raise CaseFrozen("Saken er ferdigstilt og kan ikke endres.")


def final_letter(session: Session, case: Case) -> Letter:
    row = session.exec(select(Letter).where(Letter.case_id == case.id)).first()
    if row is None or row.status != LetterStatus.FERDIGSTILT.value or row.pdf is None or not row.pdf_sha256:
        raise NotFinalised("Saken har ikke et ferdigstilt vedtaksbrev.")
    return row


def verify_case(session: Session, case: Case, *, actor: audit.Actor | None = None,
                where: str = "archive") -> Letter:
    """The finalised letter, after verifying the case against the signed hash chain
    (``integrity.check_case``: every document, the link, and the SHA-256 stored beside the PDF). On
    failure the refusal is audited (``archive.checksum_mismatch``, ``where``) and committed, then
    ``ChecksumMismatch`` raised."""
    row = final_letter(session, case)
    problems = integrity.check_case(session, case)
    if problems:
        with transaction(session):
            integrity.record_failure(session, actor or audit.Actor.cli(), case, problems, where=where)
        raise ChecksumMismatch(problems)
    return row


def archive_case(session: Session, case: Case, *, expected_version: int, actor: audit.Actor) -> None:
    """ferdigstilt → arkivert: verify the case (``verify_case``), then move the status under the case lock.
    Raises ``NotFinalised``, ``ChecksumMismatch`` or ``cases.StaleCase``. Commits."""
    case = _fresh(session, case)
    if case.status == CaseStatus.ARKIVERT.value:
        raise NotFinalised("Saken er allerede arkivert.")
    if case.status != CaseStatus.FERDIGSTILT.value:
        raise NotFinalised("Bare en ferdigstilt sak kan arkiveres.")
    row = verify_case(session, case, actor=actor, where="archive")  # audits and raises on a mismatch
    case_id, sha = case.id, row.pdf_sha256
    assert sha is not None  # a finished letter has its digest (checked above)
    with transaction(session):
        case_service.locked_update(session, case, expected_version, status=CaseStatus.ARKIVERT.value)
        audit.record(session, actor, "case.status", case_id=case_id,
                     detail=f"{CaseStatus.FERDIGSTILT.value}->{CaseStatus.ARKIVERT.value}")
        audit.record(session, actor, "archive.archived", case_id=case_id, detail=f"sha256={audit_digest(sha)}")


def archived_event(session: Session, case: Case) -> AuditEvent | None:
    return session.exec(select(AuditEvent).where(col(AuditEvent.case_id) == case.id,
                                                 col(AuditEvent.action) == "archive.archived")
                        .order_by(col(AuditEvent.at).desc(), col(AuditEvent.id).desc())).first()


# --------------------------------------------------------------------------------------------------
# Searchable
# --------------------------------------------------------------------------------------------------

# --------------------------------------------------------------------------------------------------
# Exportable
# --------------------------------------------------------------------------------------------------

def system_id(case: Case, unit: str) -> str:
    """A stable UUID for one archive unit of this case (``unit``: "saksmappe", "journalpost/vedtak", …)."""
    return str(uuid.uuid5(SYSTEM_ID_NAMESPACE, f"klagebenk:{case.public_id}:{unit}"))


def pdfa_identification(pdf: bytes) -> tuple[str, str]:
    """XMP ``pdfaid:part`` and ``pdfaid:conformance`` of a PDF (e.g. ("2", "B"))."""
    import pikepdf

    with pikepdf.open(io.BytesIO(pdf)) as doc:
        meta = doc.open_metadata()
        part = str(meta.get("pdfaid:part") or "").strip()
        conformance = str(meta.get("pdfaid:conformance") or "").strip().upper()
    return part, conformance


def pronom_for(pdf: bytes) -> str:
    ident = pdfa_identification(pdf)
    try:
        return PRONOM[ident]
    except KeyError:
        raise ArchiveError(f"Vedtaksbrevet er ikke en kjent PDF/A-variant (pdfaid {ident}); "
                           "kan ikke oppgi PRONOM-format.") from None


evaluation_at_finalisation = integrity.evaluation_at_finalisation  # the one the letter rests on


def _iso(value: date | datetime | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    return value.isoformat()


def _sub(parent: ET.Element, tag: str, text: Any = None, ns: str = N5) -> ET.Element:
    el = ET.SubElement(parent, f"{{{ns}}}{tag}")
    if text is not None:
        el.text = str(text)
    return el


def _opt(parent: ET.Element, tag: str, text: Any) -> None:
    if text not in (None, ""):
        _sub(parent, tag, text)


@dataclass
class _Facts:
    """Everything the sidecar says, gathered once."""

    case: Case
    letter: Letter
    imported: ImportedDecision
    evaluation: Evaluation | None
    recorded: dict
    doc: dict
    names: dict[int, str]
    archived: AuditEvent | None
    pronom: str
    office_name: str  # the Statsforvalter office (bokmål), from the app's configuration
    files: dict[str, bytes] = field(default_factory=dict)
    review_bytes: bytes = b"null"  # the review record exactly as the archive chain sealed it
    approvals: list[ApprovalEvent] = field(default_factory=list)
    side_letters: list[OutgoingLetter] = field(default_factory=list)
    dispatch: dispatch_service.DispatchView | None = None


def _gather(session: Session, case: Case, office: Office, actor: audit.Actor | None) -> _Facts:
    letter = verify_case(session, case, actor=actor, where="export")
    imported = case_service.imported_for(session, case)
    evaluation = evaluation_at_finalisation(session, case, letter)
    review = session.exec(select(CaseReview).where(CaseReview.case_id == case.id)).first()
    names = {u.id: u.display_name for u in session.exec(select(User)) if u.id is not None}
    doc = imported.parsed or {}
    assert letter.pdf is not None  # verify_case has checked the frozen letter
    if review is not None and review.current_document is not None:
        doc = review.current_document  # the facts in force (corrected); the original is in the package
    side_letters = list(session.exec(select(OutgoingLetter).where(OutgoingLetter.case_id == case.id)
                                     .order_by(col(OutgoingLetter.created_at), col(OutgoingLetter.id))))
    _verify_side_letters(session, case, side_letters, actor)
    approvals = list(session.exec(select(ApprovalEvent).where(ApprovalEvent.case_id == case.id)
                                  .order_by(col(ApprovalEvent.at), col(ApprovalEvent.id))))
    return _Facts(case=case, letter=letter, imported=imported, evaluation=evaluation,
                  recorded=(review.recorded if review else {}) or {}, doc=doc, names=names,
                  archived=archived_event(session, case), pronom=pronom_for(letter.pdf),
                  office_name=office.name("nb"),
                  # the chain's own reader: the file's SHA-256 is the digest in the case's link
                  review_bytes=integrity.KINDS["vurdering"].read(session, case, letter) or b"null",
                  approvals=approvals, side_letters=side_letters, dispatch=dispatch_service.view(session, case))


def _verify_side_letters(session: Session, case: Case, rows: list[OutgoingLetter], actor: audit.Actor | None) -> None:
    """Each journalled side letter against the SHA-256 stored when it was journalled (they are not in the
    archive chain: most are sent before the case is finalised and sealed); refused and audited like the
    chain's documents (``archive.checksum_mismatch``, kind «sidebrev»)."""
    if all(hashlib.sha256(r.pdf).hexdigest() == r.pdf_sha256 for r in rows):
        return
    problems = [integrity.Problem("sidebrev", "sjekksummen til et journalført brev stemmer ikke med den som "
                                              "ble lagret da brevet ble journalført")]
    with transaction(session):
        integrity.record_failure(session, actor or audit.Actor.cli(), case, problems, where="export")
    raise ChecksumMismatch(problems)


def _structured_result(f: _Facts) -> dict:
    from workbench.appeal.discretion import direction
    from workbench.formats.evaluation_json import read_evaluation

    stored = f.evaluation.result if f.evaluation else None
    ev = read_evaluation(stored) if stored else None  # the evaluation the letter rests on, read once
    discrepancies = ev.discrepancies if ev is not None else ()
    decision = f.doc.get("decision") or {}
    hjemler = list(dict.fromkeys([*(decision.get("hjemler") or []), *(d.hjemmel for d in discrepancies if d.hjemmel)]))
    return {
        "outcome": f.recorded.get("chosen_outcome"),
        "direction": direction(ev) if ev is not None else None,
        "hjemler": hjemler,
        "discrepancies": sorted({d.code for d in discrepancies if d.code}),
        "nav_reference": f.case.nav_reference,
        "nav_office": f.case.nav_office,
        "nav_decision_date": _iso(f.case.decision_date),
    }


def _skjerming(parent: ET.Element, *metadata: str, document: bool = False) -> None:
    parent.append(ET.Comment(" [NV] tilgangsrestriksjon/skjermingshjemmel: wording to be confirmed with "
                             "Statsforvalterens arkivrutiner (archive.md §2, §7) "))
    sk = _sub(parent, "skjerming")
    _sub(sk, "tilgangsrestriksjon", TILGANGSRESTRIKSJON)
    _sub(sk, "skjermingshjemmel", SKJERMINGSHJEMMEL)
    for m in metadata:
        _sub(sk, "skjermingMetadata", m)
    if document:
        _sub(sk, "skjermingDokument", "Hele dokumentet")


def _dokumentobjekt(parent: ET.Element, *, sid: str, version: int, variant: str, fmt: str, created: Any,
                    created_by: str, path: str, data: bytes) -> None:
    obj = _sub(parent, "dokumentobjekt")
    _sub(obj, "systemID", sid)
    _sub(obj, "versjonsnummer", version)
    _sub(obj, "variantformat", variant)
    _sub(obj, "format", fmt)
    _opt(obj, "opprettetDato", _iso(created))
    _opt(obj, "opprettetAv", created_by)
    _sub(obj, "referanseDokumentfil", path)
    _sub(obj, "sjekksum", hashlib.sha256(data).hexdigest())
    _sub(obj, "sjekksumAlgoritme", "SHA256")
    _sub(obj, "filstoerrelse", len(data))


class _Who(NamedTuple):
    """The people the sidecar names (display names; empty when unknown)."""

    saksbehandler: str
    finaliser: str  # who finalised the letter (else the saksbehandler)
    archived_by: str


def build_sidecar(f: _Facts) -> bytes:
    """The Noark 5 (arkivstruktur) metadata of the case as XML bytes. Element names follow Noark 5
    v5; the order follows our reading of arkivstruktur.xsd. Arkade 5 validation was not possible here.

    arkiv → arkivdel → saksmappe: the case and its result (``_saksmappe``), the claimant (screened),
    journalpost 1 the appeal as Nav forwarded it (``_journalpost_klage``), journalpost 2 the vedtak
    (``_journalpost_vedtak``, with its dispatch), journalpost 3 … each journalled side letter
    (``_journalpost_sidebrev``), then the saksmappe's own elements."""
    ET.register_namespace("", N5)
    ET.register_namespace("xsi", XSI)
    ET.register_namespace("klagebenk", KB)
    case, letter = f.case, f.letter
    sb_name = f.names.get(case.saksbehandler_id or -1) or ""
    who = _Who(saksbehandler=sb_name, finaliser=f.names.get(letter.finalized_by_id or -1) or sb_name,
               archived_by=f.names.get(f.archived.user_id or -1, "") if f.archived else "")

    root = ET.Element(f"{{{N5}}}arkiv")
    root.append(ET.Comment(" Noark 5 arkivstruktur (v5 element names). Generated by Klagebenk; NOT validated "
                           "with Arkade 5 (not available here). Code values are self-explanatory text. "))
    _sub(root, "systemID", str(uuid.uuid5(SYSTEM_ID_NAMESPACE, "klagebenk:arkiv")))
    _sub(root, "tittel", f"{f.office_name} – klagesaker om kvalifiseringsstønad")
    _sub(root, "arkivstatus", "Opprettet")
    arkivdel = _sub(root, "arkivdel")
    _sub(arkivdel, "systemID", str(uuid.uuid5(SYSTEM_ID_NAMESPACE, "klagebenk:arkivdel")))
    _sub(arkivdel, "tittel", "Klager på vedtak om kvalifiseringsstønad")
    _sub(arkivdel, "arkivdelstatus", "Aktiv periode")

    mappe = _saksmappe(arkivdel, f, who)
    # The claimant. The fødselsnummer appears in the sidecar here and nowhere else; the part is
    # screened (skjermingMetadata «part»).
    part = _sub(mappe, "part")
    _sub(part, "partNavn", case.claimant_name)
    _sub(part, "partRolle", "Klager")
    _opt(part, "personID", (f.doc.get("participant") or {}).get("fnr"))
    _skjerming(mappe, "tittel", "part", "korrespondansepart")

    jp_out_sid = system_id(case, "journalpost/vedtak")
    _journalpost_klage(mappe, f, who, answered_by=jp_out_sid)
    _journalpost_vedtak(mappe, f, who, sid=jp_out_sid)
    # the side letters after the vedtak: journalpostnummer 1 and 2 keep their meaning in every package
    for number, row in enumerate(f.side_letters, 1):
        _journalpost_sidebrev(mappe, f, who, row, number)

    # saksmappe's own elements (after the base mappe elements, as an xsd extension puts them)
    m = re.fullmatch(r"\s*(\d{4})/(\d+)\s*", letter.our_reference or "")
    if m:
        _sub(mappe, "saksaar", int(m.group(1)))
        _sub(mappe, "sakssekvensnummer", int(m.group(2)))
    _sub(mappe, "saksdato", _iso(case.received))
    _sub(mappe, "administrativEnhet", f.office_name)
    _opt(mappe, "saksansvarlig", who.saksbehandler)
    _sub(mappe, "saksstatus", "Avsluttet")

    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def _saksmappe(arkivdel: ET.Element, f: _Facts, who: _Who) -> ET.Element:
    """The case as a saksmappe: its base mappe elements and the appeal's result (Klagebenk's own
    virksomhetsspesifikkeMetadata: outcome, direction, hjemler, discrepancy codes, Nav's decision)."""
    case, letter = f.case, f.letter
    result = _structured_result(f)
    mappe = _sub(arkivdel, "mappe")
    mappe.set(f"{{{XSI}}}type", "saksmappe")
    _sub(mappe, "systemID", system_id(case, "saksmappe"))
    _opt(mappe, "mappeID", letter.our_reference)
    _sub(mappe, "tittel", f"Klage på vedtak om kvalifiseringsstønad – {case.claimant_name}")
    _sub(mappe, "offentligTittel", f"Klage på vedtak om kvalifiseringsstønad – {SCREENED}")
    _sub(mappe, "opprettetDato", _iso(case.created_at))
    _opt(mappe, "opprettetAv", f.names.get(case.created_by_id or -1))
    _opt(mappe, "avsluttetDato", _iso(letter.finalized_at))
    _opt(mappe, "avsluttetAv", who.finaliser)
    vsm = _sub(mappe, "virksomhetsspesifikkeMetadata")
    res = _sub(vsm, "klageresultat", ns=KB)
    _sub(res, "utfall", OUTCOME_LABELS.get(result["outcome"] or "", "Ikke registrert"), ns=KB).set(
        "kode", result["outcome"] or "")
    if result["direction"]:
        _sub(res, "retning", DIRECTION_LABELS.get(result["direction"], result["direction"]), ns=KB).set(
            "kode", result["direction"])
    hj = _sub(res, "hjemler", ns=KB)
    for h in result["hjemler"]:
        _sub(hj, "hjemmel", h, ns=KB)
    av = _sub(res, "avvik", ns=KB)
    for code in result["discrepancies"]:
        _sub(av, "avvikskode", code, ns=KB)
    _sub(res, "navReferanse", case.nav_reference, ns=KB)
    _sub(res, "navKontor", case.nav_office, ns=KB)
    _sub(res, "navVedtaksdato", result["nav_decision_date"], ns=KB)
    return mappe


def _journalpost_klage(mappe: ET.Element, f: _Facts, who: _Who, *, answered_by: str) -> None:
    """Journalpost 1: the appeal as forwarded by Nav (incoming), avskrevet by the vedtak
    (``answered_by``, the vedtak's journalpost)."""
    case, letter, archived = f.case, f.letter, f.archived
    closed_at = letter.finalized_at
    jp_in = _sub(mappe, "registrering")
    jp_in.set(f"{{{XSI}}}type", "journalpost")
    _sub(jp_in, "systemID", system_id(case, "journalpost/klage"))
    _sub(jp_in, "opprettetDato", _iso(f.imported.created_at))
    _opt(jp_in, "arkivertDato", _iso(archived.at) if archived else None)
    _opt(jp_in, "arkivertAv", who.archived_by)
    db_in = _sub(jp_in, "dokumentbeskrivelse")
    _sub(db_in, "systemID", system_id(case, "dokumentbeskrivelse/klage"))
    db_in.append(ET.Comment(" dokumenttype «Klage»: a local value [NV]; the document is the structured "
                            "import (klagebenk.nav-vedtak/1), not a scanned letter "))
    _sub(db_in, "dokumenttype", "Klage")
    _sub(db_in, "dokumentstatus", "Dokumentet er ferdigstilt")
    _sub(db_in, "tittel", "Nav-kontorets vedtak og klagen, oversendt til Statsforvalteren")
    _sub(db_in, "opprettetDato", _iso(f.imported.created_at))
    _sub(db_in, "tilknyttetRegistreringSom", "Hoveddokument")
    _sub(db_in, "dokumentnummer", 1)
    _sub(db_in, "tilknyttetDato", _iso(f.imported.created_at))
    _skjerming(db_in, document=True)
    db_in.append(ET.Comment(" [NV] JSON is not an arkivformat; kept as Produksjonsformat, as submitted "))
    _dokumentobjekt(db_in, sid=system_id(case, "dokumentobjekt/klage/1"), version=1, variant="Produksjonsformat",
                    fmt=PRONOM_JSON, created=f.imported.created_at, created_by="", path=IMPORT_PATH,
                    data=f.files[IMPORT_PATH])
    _sub(jp_in, "tittel", f"Klage på vedtak om kvalifiseringsstønad – {case.claimant_name}")
    _sub(jp_in, "offentligTittel", f"Klage på vedtak om kvalifiseringsstønad – {SCREENED}")
    kp_in = _sub(jp_in, "korrespondansepart")
    _sub(kp_in, "korrespondanseparttype", "Avsender")
    _sub(kp_in, "korrespondansepartNavn", case.nav_office)
    jp_in.append(ET.Comment(" journalaar/journalsekvensnummer are assigned by the organ's journal system, "
                            "not by Klagebenk [NV]; journalpostnummer is the number within the saksmappe "))
    _sub(jp_in, "journalpostnummer", 1)
    _sub(jp_in, "journalposttype", "Inngående dokument")
    _sub(jp_in, "journalstatus", "Arkivert" if archived else "Journalført")
    _sub(jp_in, "journaldato", _iso(case.received))
    _opt(jp_in, "dokumentetsDato", _iso(case.decision_date))
    _sub(jp_in, "mottattDato", _iso(case.received))
    avs = _sub(jp_in, "avskrivning")
    _sub(avs, "avskrivningsdato", _iso(letter.our_date or (closed_at.date() if closed_at else None)))
    _opt(avs, "avskrevetAv", who.finaliser)
    _sub(avs, "avskrivningsmaate", "Besvart med brev")
    _sub(avs, "referanseAvskrivesAvJournalpost", answered_by)


def _journalpost_vedtak(mappe: ET.Element, f: _Facts, who: _Who, *, sid: str) -> None:
    """Journalpost 2: the vedtak (outgoing), the finalised letter as hoveddokument, to its recipients: those of
    the recorded dispatch (``_dispatch_parts``), else — not yet dispatched — the claimant as addressee."""
    case, letter, archived = f.case, f.letter, f.archived
    closed_at = letter.finalized_at
    address = (f.doc.get("participant") or {}).get("address") or {}
    pdf = letter.pdf
    assert pdf is not None  # the frozen letter (checked when the facts were gathered)
    jp_out = _sub(mappe, "registrering")
    jp_out.set(f"{{{XSI}}}type", "journalpost")
    _sub(jp_out, "systemID", sid)
    _sub(jp_out, "opprettetDato", _iso(letter.created_at))
    _opt(jp_out, "arkivertDato", _iso(archived.at) if archived else None)
    _opt(jp_out, "arkivertAv", who.archived_by)
    db_out = _sub(jp_out, "dokumentbeskrivelse")
    _sub(db_out, "systemID", system_id(case, "dokumentbeskrivelse/vedtak"))
    _sub(db_out, "dokumenttype", "Vedtak")
    _sub(db_out, "dokumentstatus", "Dokumentet er ferdigstilt")
    _sub(db_out, "tittel", "Vedtak i klagesak om kvalifiseringsstønad")
    _sub(db_out, "opprettetDato", _iso(closed_at))
    _opt(db_out, "opprettetAv", who.finaliser)
    _sub(db_out, "tilknyttetRegistreringSom", "Hoveddokument")
    _sub(db_out, "dokumentnummer", 1)
    _sub(db_out, "tilknyttetDato", _iso(closed_at))
    _opt(db_out, "tilknyttetAv", who.finaliser)
    _opt(db_out, "forfatter", who.saksbehandler)
    _skjerming(db_out, document=True)
    _dokumentobjekt(db_out, sid=system_id(case, "dokumentobjekt/vedtak/1"), version=1, variant="Arkivformat",
                    fmt=f.pronom, created=closed_at, created_by=who.finaliser, path=PDF_PATH, data=pdf)
    _sub(jp_out, "tittel", f"Vedtak i klagesak om kvalifiseringsstønad – {case.claimant_name}")
    _sub(jp_out, "offentligTittel", f"Vedtak i klagesak om kvalifiseringsstønad – {SCREENED}")
    if f.dispatch is not None:
        _dispatch_parts(jp_out, f, who)
    else:
        kp = _sub(jp_out, "korrespondansepart")
        _sub(kp, "korrespondanseparttype", "Mottaker")
        _sub(kp, "korrespondansepartNavn", case.claimant_name)
        _opt(kp, "postadresse", address.get("street"))
        _opt(kp, "postnummer", address.get("postcode"))
        _opt(kp, "poststed", address.get("city"))
        _opt(kp, "administrativEnhet", f.office_name)
        _opt(kp, "saksbehandler", who.saksbehandler)
    _sub(jp_out, "journalpostnummer", 2)
    _sub(jp_out, "journalposttype", "Utgående dokument")
    # «Ekspedert» only once the dispatch is recorded (fvl. § 27); before it the letter is journalført, not sent
    _sub(jp_out, "journalstatus", "Arkivert" if archived else ("Ekspedert" if f.dispatch else "Journalført"))
    _opt(jp_out, "journaldato", _iso(letter.our_date))
    _opt(jp_out, "dokumentetsDato", _iso(letter.our_date))
    if f.dispatch is not None:
        _sub(jp_out, "sendtDato", _iso(f.dispatch.sent_on))
        _dispatch_metadata(jp_out, f.dispatch)
    else:
        jp_out.append(ET.Comment(" sendtDato: no dispatch (ekspedering) recorded for this case "))


#: Noark 5 korrespondanseparttype per dispatch role (self-explanatory text, archive.md §3)
KORRESPONDANSEPARTTYPE = {"mottaker": "Mottaker", "kopi_nav": "Kopimottaker", "kopi_klager": "Kopimottaker"}


def _dispatch_parts(jp_out: ET.Element, f: _Facts, who: _Who) -> None:
    """The vedtak's korrespondanseparter from its dispatch: the recipient («Mottaker»; the first, as the
    letter's addressee), each copy («Kopimottaker»), and Statsforvalteren as «Avsender»."""
    assert f.dispatch is not None
    for row in f.dispatch.rows:
        kp = _sub(jp_out, "korrespondansepart")
        _sub(kp, "korrespondanseparttype", KORRESPONDANSEPARTTYPE.get(row.role, "Kopimottaker"))
        _sub(kp, "korrespondansepartNavn", row.name)
        _opt(kp, "postadresse", row.street)
        _opt(kp, "postnummer", row.postcode)
        _opt(kp, "poststed", row.city)
        _opt(kp, "administrativEnhet", f.office_name)
        _opt(kp, "saksbehandler", who.saksbehandler)
    kp = _sub(jp_out, "korrespondansepart")
    _sub(kp, "korrespondanseparttype", "Avsender")
    _sub(kp, "korrespondansepartNavn", f.office_name)
    _opt(kp, "administrativEnhet", f.office_name)
    _opt(kp, "saksbehandler", who.saksbehandler)


def _dispatch_metadata(jp_out: ET.Element, dispatch: dispatch_service.DispatchView) -> None:
    """How each recipient got the decision: Noark 5's korrespondansepart has no element for the channel, so
    it is Klagebenk's own virksomhetsspesifikkeMetadata (code as attribute, label as text)."""
    jp_out.append(ET.Comment(" [NV] position of virksomhetsspesifikkeMetadata in journalpost not validated "
                             "with Arkade 5 "))
    vsm = _sub(jp_out, "virksomhetsspesifikkeMetadata")
    eksp = _sub(vsm, "ekspedering", ns=KB)
    eksp.set("hjemmel", "forvaltningsloven § 27")
    for row in dispatch.rows:
        el = _sub(eksp, "forsendelse", dispatch_service.CHANNEL_LABELS.get(row.channel, row.channel), ns=KB)
        el.set("rolle", row.role)
        el.set("kanal", row.channel)
        el.set("sendtDato", _iso(row.sent_on) or "")


def side_letter_path(number: int, row: OutgoingLetter) -> str:
    """The side letter's file in the package: its number and kind, no personal data."""
    return f"dokument/sidebrev-{number:02d}-{row.kind}.pdf"


def _journalpost_sidebrev(mappe: ET.Element, f: _Facts, who: _Who, row: OutgoingLetter, number: int) -> None:
    """Journalpost 2 + ``number``: a journalled side letter (outgoing; foreløpig svar, forsinkelsesmelding,
    request to Nav, fvl. § 34 varsel), its PDF/A as hoveddokument, its recipient and copies."""
    from workbench.services.side_letters import KIND_LABELS

    case, archived = f.case, f.archived
    unit = f"sidebrev/{number}"
    label = KIND_LABELS.get(row.kind, "Brev")
    author = f.names.get(row.created_by_id or -1, "")
    jp = _sub(mappe, "registrering")
    jp.set(f"{{{XSI}}}type", "journalpost")
    _sub(jp, "systemID", system_id(case, f"journalpost/{unit}"))
    _sub(jp, "opprettetDato", _iso(row.created_at))
    _opt(jp, "opprettetAv", author)
    _opt(jp, "arkivertDato", _iso(archived.at) if archived else None)
    _opt(jp, "arkivertAv", who.archived_by)
    db = _sub(jp, "dokumentbeskrivelse")
    _sub(db, "systemID", system_id(case, f"dokumentbeskrivelse/{unit}"))
    _sub(db, "dokumenttype", "Brev")
    _sub(db, "dokumentstatus", "Dokumentet er ferdigstilt")
    _sub(db, "tittel", label)
    _sub(db, "opprettetDato", _iso(row.created_at))
    _opt(db, "opprettetAv", author)
    _sub(db, "tilknyttetRegistreringSom", "Hoveddokument")
    _sub(db, "dokumentnummer", 1)
    _sub(db, "tilknyttetDato", _iso(row.created_at))
    _opt(db, "tilknyttetAv", author)
    _opt(db, "forfatter", author)
    _skjerming(db, document=True)
    path = side_letter_path(number, row)
    _dokumentobjekt(db, sid=system_id(case, f"dokumentobjekt/{unit}/1"), version=1, variant="Arkivformat",
                    fmt=pronom_for(row.pdf), created=row.created_at, created_by=author, path=path,
                    data=f.files[path])
    _sub(jp, "tittel", f"{label} – {case.claimant_name}")
    _sub(jp, "offentligTittel", f"{label} – {SCREENED}")
    kp = _sub(jp, "korrespondansepart")
    _sub(kp, "korrespondanseparttype", "Mottaker")
    _sub(kp, "korrespondansepartNavn", row.recipient)
    _opt(kp, "administrativEnhet", f.office_name)
    _opt(kp, "saksbehandler", author)
    for name in [c.strip() for c in (row.copy_to or "").split(";") if c.strip()]:
        cp = _sub(jp, "korrespondansepart")
        _sub(cp, "korrespondanseparttype", "Kopimottaker")
        _sub(cp, "korrespondansepartNavn", name)
    _sub(jp, "journalpostnummer", 2 + number)
    _sub(jp, "journalposttype", "Utgående dokument")
    # journalled when made («Lag og journalfør»); its sending is not recorded, so never «Ekspedert» here
    _sub(jp, "journalstatus", "Arkivert" if archived else "Journalført")
    _sub(jp, "journaldato", _iso(row.our_date))
    _sub(jp, "dokumentetsDato", _iso(row.our_date))
    jp.append(ET.Comment(" sendtDato: the side letter's dispatch is not recorded by Klagebenk [NV] "))


def _json_bytes(value: Any) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _approvals_json(f: _Facts) -> dict:
    """``vurdering/godkjenning.json``: the two-person flow as it happened (sent, approved, returned with the
    leder's comment, recalled, finalised), who and when."""
    from workbench.services.letters import ACTION_LABELS

    return {"format": "klagebenk.godkjenning/1", "sak": f.case.public_id, "hendelser": [
        {"handling": e.action, "handling_tekst": ACTION_LABELS.get(e.action, e.action),
         "av": f.names.get(e.by_id or -1, ""), "tidspunkt": _iso(e.at), "kommentar": e.comment}
        for e in f.approvals]}


def _dispatch_json(f: _Facts) -> dict:
    """``ekspedering.json``: to whom, how and when the decision was sent (forvaltningsloven § 27), or that no
    dispatch is recorded (``ekspedert``: null) — the package says so rather than leaving it out."""
    d = f.dispatch
    if d is None:
        return {"format": "klagebenk.ekspedering/1", "sak": f.case.public_id, "ekspedert": None, "mottakere": []}
    return {"format": "klagebenk.ekspedering/1", "sak": f.case.public_id, "hjemmel": "forvaltningsloven § 27",
            "ekspedert": _iso(d.sent_on), "dokument": PDF_PATH,
            "registrert_av": f.names.get(d.recorded_by_id or -1, ""), "registrert": _iso(d.recorded_at),
            "mottakere": [{"rolle": r["role"], "rolle_tekst": r["role_label"],
                           "mottakertype_tekst": r["recipient_label"], "navn": r["name"], "adresse": r["address"],
                           "kanal": r["channel"], "kanal_tekst": r["channel_label"], "sendt": _iso(r["sent_on"])}
                          for r in d.labelled()]}


def _side_letters_json(f: _Facts) -> dict:
    """``dokument/sidebrev.json``: the journal of side letters, each with its file and checksum."""
    from workbench.services.side_letters import KIND_LABELS

    letters = []
    for number, row in enumerate(f.side_letters, 1):
        path = side_letter_path(number, row)
        letters.append({
            "nr": number, "type": row.kind, "type_tekst": KIND_LABELS.get(row.kind, "Brev"), "fil": path,
            "sha256": row.pdf_sha256, "filstoerrelse": len(row.pdf), "maalform": row.language,
            "mottaker": row.recipient, "kopi_til": [c.strip() for c in (row.copy_to or "").split(";") if c.strip()],
            "var_referanse": row.our_reference, "var_dato": _iso(row.our_date),
            "lovet_avgjort_innen": _iso(row.promised_date), "svarfrist": _iso(row.reply_date),
            "laget_av": f.names.get(row.created_by_id or -1, ""), "laget": _iso(row.created_at)})
    return {"format": "klagebenk.sidebrev/1", "sak": f.case.public_id, "brev": letters}


def _zip_time(case: Case, letter: Letter) -> tuple[int, int, int, int, int, int]:
    at = letter.finalized_at or case.created_at
    if at.tzinfo is not None:
        at = at.astimezone(UTC)
    return (max(at.year, 1980), at.month, at.day, at.hour, at.minute, at.second - at.second % 2)


def package_files(session: Session, case: Case, *, office: Office | None = None,
                  actor: audit.Actor | None = None) -> dict[str, bytes]:
    """The files of the archive package, path → bytes (checksum files included), after verifying the
    case (``verify_case``: refused and audited when a document does not match its chain link).
    ``office``: default the app's configured office (``config.current_office``)."""
    case = _fresh(session, case)
    if case.status not in ARCHIVE_STATUSES:
        raise NotFinalised("Bare ferdigstilte og arkiverte saker kan eksporteres.")
    f = _gather(session, case, office or current_office(), actor)
    # The same bytes the chain hashed (integrity.DOCUMENT_KINDS), so the package's checksums and the
    # chain's agree.
    files: dict[str, bytes] = {
        PDF_PATH: f.letter.pdf or b"",  # never empty here: _gather has checked the frozen letter
        IMPORT_PATH: f.imported.raw.encode("utf-8"),
        EVALUATION_PATH: integrity.evaluation_bytes(f.evaluation),
        REVIEW_PATH: f.review_bytes,
        APPROVALS_PATH: _json_bytes(_approvals_json(f)),
        DISPATCH_PATH: _json_bytes(_dispatch_json(f)),
    }
    for number, row in enumerate(f.side_letters, 1):
        files[side_letter_path(number, row)] = row.pdf  # the journalled bytes, checked in _gather
    files[SIDE_LETTERS_INDEX_PATH] = _json_bytes(_side_letters_json(f))
    f.files = files
    files[XML_PATH] = build_sidecar(f)
    saksmappe = system_id(case, "saksmappe")
    dokobj = system_id(case, "dokumentobjekt/vedtak/1")
    manifest = {
        "format": "klagebenk.arkivpakke/1",
        "idempotensnokkel": f"{saksmappe}_{dokobj}",
        "saksmappe_systemID": saksmappe,
        "sak": case.public_id,
        "sjekksumAlgoritme": "SHA256",
        "filer": [{"sti": p, "sha256": hashlib.sha256(b).hexdigest(), "filstoerrelse": len(b)}
                  for p, b in sorted(files.items())],
    }
    files[MANIFEST_PATH] = (json.dumps(manifest, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    files[CHECKSUMS_PATH] = "".join(f"{hashlib.sha256(b).hexdigest()}  {p}\n"
                                    for p, b in sorted(files.items())).encode("utf-8")
    return files


def export_package(session: Session, case: Case, *, actor: audit.Actor | None = None,
                   office: Office | None = None) -> bytes:
    """The archive package of a ferdigstilt/arkivert case as ZIP bytes. The same case gives the same
    bytes every time (stable systemIDs, fixed entry timestamps). Audited (``archive.exported``); a case
    that does not verify is refused (``ChecksumMismatch``, audited ``archive.checksum_mismatch``).
    ``office``: default the app's configured office (``config.current_office``). Commits."""
    files = package_files(session, case, office=office, actor=actor)
    letter = final_letter(session, case)
    stamp = _zip_time(case, letter)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for path in sorted(files):
            info = zipfile.ZipInfo(path, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, files[path])
    data = buf.getvalue()
    with transaction(session):
        audit.record(session, actor or audit.Actor.cli(), "archive.exported", case_id=case.id,
                     detail=f"sha256={audit_digest(hashlib.sha256(data).hexdigest())}")
    return data


def package_filename(case: Case) -> str:
    return f"arkivpakke-{case.public_id}.zip"
