"""Tamper evidence for finished cases: a hash chain of the archived documents, signed with a key
kept outside the database (issue #14 «Trust»; ``docs/archive.md`` §5: «Når dokumenter arkiveres,
skal de fryses for all videre redigering»).

The SHA-256 stored next to the PDF (``letters.pdf_sha256``) only catches an accident: whoever can
rewrite the PDF can rewrite its checksum in the same UPDATE. So when a case is finalised
(``services.letters.finalize``) one *link* is appended to ``archive_chain``:

* ``documents``: the SHA-256 of every document the case keeps, one per kind in
  :data:`DOCUMENT_KINDS` (the letter PDF, the import document as submitted, the evaluation the
  letter rests on, the jurist's review record). A later document kind is added by listing it there;
  links written before it cover the kinds they list.
* ``prev_hash``: the previous link's ``entry_hash`` (64 zeros for the first), so a link cannot be
  removed, reordered or rewritten without breaking every later link.
* ``entry_hash``: SHA-256 over a canonical JSON of sequence number, the case's opaque id, time,
  documents and ``prev_hash``.
* ``mac``: HMAC-SHA256 of ``entry_hash`` under ``KLAGEBENK_ARCHIVE_KEY``. The key is never in the
  database, so an insider with database access who recomputes digests and hashes still cannot make
  a link that verifies. The head of the chain (``archive_chain_head``) is signed the same way, so a
  dropped last link shows too.

:func:`check_case` verifies one case (its link, the link before it, every document); it runs before
every download of a finished case's PDF or archive package and before «Arkiver».
:func:`verify_all` re-hashes the whole chain (``workbench archive verify``) and names every case that
fails. Reasons are Norwegian and name the document kind, never anything from the documents.

The key: ``KLAGEBENK_ARCHIVE_KEY`` (at least 32 characters). Production does not serve, export or
verify without it; test mode derives one from the database URL (not secret: only tests use it),
demo mode generates a random one once and keeps it in the instance folder (``archive-key``, 0600).
Reading and checking it is configuration (``workbench.config``: ``key_settings``, ``key_from_config``,
``current_key``, ``MissingKey``).
"""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass, field
from datetime import datetime, UTC
from typing import Any
from collections.abc import Callable, Mapping

from sqlmodel import Session, col, select

from workbench.config import current_key  # the key is configuration: config.py «The archive key»
from workbench.db.appeal_models import ArchiveChainEntry, ArchiveChainHead, CaseReview, Letter, LetterStatus
from workbench.db.models import FINISHED, Case, Evaluation, stored_id, utcnow
from workbench.services import audit
from workbench.services.transaction import transaction

CHAIN_FORMAT = "klagebenk.arkivkjede/1"
GENESIS = "0" * 64
HEAD_ID = 1

FINISHED_STATUSES = FINISHED


class IntegrityFailure(ValueError):
    """A finished case's documents or chain link do not verify. ``problems`` as (kind, reason);
    the message is Norwegian, for the page or the command line."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__(refusal_message(problems))


# --------------------------------------------------------------------------------------------------
# The key's use (the key itself is configuration: ``config.py`` «The archive key»)
# --------------------------------------------------------------------------------------------------

def key_id(key: bytes) -> str:
    """Names a key without revealing it: links made under another key are told apart from forged ones."""
    return hmac.new(key, b"klagebenk archive key id", hashlib.sha256).hexdigest()[:16]


def _mac(key: bytes, what: str) -> str:
    return hmac.new(key, f"{CHAIN_FORMAT}|{what}".encode(), hashlib.sha256).hexdigest()


def entry_mac(key: bytes, entry_hash: str) -> str:
    return _mac(key, f"entry|{entry_hash}")


def head_mac(key: bytes, seq: int, entry_hash: str) -> str:
    return _mac(key, f"head|{seq}|{entry_hash}")


# --------------------------------------------------------------------------------------------------
# The documents of a finished case
# --------------------------------------------------------------------------------------------------

def canonical_json(value: Any) -> bytes:
    """One byte sequence per JSON value: the value as the database gives it back (a JSON round trip
    turns int keys into strings, tuples into lists), keys sorted, no whitespace."""
    normal = json.loads(json.dumps(value, ensure_ascii=False))
    return json.dumps(normal, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def evaluation_bytes(evaluation: Evaluation | None) -> bytes:
    """The evaluation as the archive package holds it (``vurdering/evaluering.json``)."""
    result = json.loads(json.dumps(evaluation.result if evaluation else None, ensure_ascii=False))
    return (json.dumps(result, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")


def evaluation_at_finalisation(session: Session, case: Case, letter: Letter) -> Evaluation | None:
    """The newest evaluation made no later than the letter was finalised (the one it rests on)."""
    stmt = select(Evaluation).where(Evaluation.case_id == case.id)
    if letter.finalized_at is not None:
        stmt = stmt.where(col(Evaluation.created_at) <= letter.finalized_at)
    return session.exec(stmt.order_by(col(Evaluation.created_at).desc(), col(Evaluation.id).desc())).first()


def _letter_pdf(session: Session, case: Case, letter: Letter) -> bytes | None:
    return letter.pdf


def _import_document(session: Session, case: Case, letter: Letter) -> bytes | None:
    from workbench.services import cases as case_service

    imported = case_service.imported_for(session, case)
    return imported.raw.encode("utf-8") if imported is not None else None


def _evaluation(session: Session, case: Case, letter: Letter) -> bytes | None:
    return evaluation_bytes(evaluation_at_finalisation(session, case, letter))


def _review_record(session: Session, case: Case, letter: Letter) -> bytes | None:
    row = session.exec(select(CaseReview).where(CaseReview.case_id == case.id)).first()
    if row is None:
        return None
    return canonical_json({"recorded": row.recorded, "argument_answers": row.argument_answers,
                           "current_document": row.current_document})


@dataclass(frozen=True)
class DocumentKind:
    code: str  # the key in a link's ``documents``: never rename one that has been written
    label: str  # Norwegian, for messages: what failed, never what it says
    read: Callable[[Session, Case, Letter], bytes | None]  # the stored bytes; None = the case has none


#: Every document a finished case keeps, in one place. To cover a new kind, add it here: links
#: written from then on include it; older links cover the kinds they list.
DOCUMENT_KINDS: tuple[DocumentKind, ...] = (
    DocumentKind("vedtak.pdf", "vedtaksbrevet (PDF/A)", _letter_pdf),
    DocumentKind("importdokument", "importdokumentet slik det ble sendt inn", _import_document),
    DocumentKind("evaluering", "evalueringen vedtaket bygger på", _evaluation),
    DocumentKind("vurdering", "vurderingen (utfall, svar på anførsler, rettede fakta)", _review_record),
)
KINDS = {k.code: k for k in DOCUMENT_KINDS}


def finished_letter(session: Session, case: Case) -> Letter | None:
    row = session.exec(select(Letter).where(Letter.case_id == case.id)).first()
    if row is None or row.status != LetterStatus.FERDIGSTILT.value or row.pdf is None:
        return None
    return row


def document_digests(session: Session, case: Case, letter: Letter,
                     kinds: list[str] | None = None) -> dict[str, str | None]:
    """kind → SHA-256 (hex) of the stored bytes, or None when the case has no such document."""
    out: dict[str, str | None] = {}
    for code in kinds if kinds is not None else [k.code for k in DOCUMENT_KINDS]:
        data = KINDS[code].read(session, case, letter)
        out[code] = hashlib.sha256(data).hexdigest() if data is not None else None
    return out


# --------------------------------------------------------------------------------------------------
# Links
# --------------------------------------------------------------------------------------------------

def _at(value: datetime) -> str:
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def entry_hash(*, seq: int, public_id: str, at: datetime, documents: Mapping[str, str | None],
               prev_hash: str) -> str:
    payload = {"format": CHAIN_FORMAT, "seq": seq, "case": public_id, "at": _at(at),
               "documents": dict(documents), "prev": prev_hash}
    return hashlib.sha256(canonical_json(payload)).hexdigest()


def _head_for_update(session: Session) -> ArchiveChainHead | None:
    # FOR UPDATE: a second finalisation waits here until the first commits, then reads its head, so
    # the chain never forks (PostgreSQL). SQLite has one writer at a time anyway; the unique ``seq``
    # is the backstop either way.
    return session.exec(select(ArchiveChainHead).where(ArchiveChainHead.id == HEAD_ID)
                        .with_for_update()).first()


def last_entry(session: Session) -> ArchiveChainEntry | None:
    return session.exec(select(ArchiveChainEntry).order_by(col(ArchiveChainEntry.seq).desc())).first()


def entry_for(session: Session, case: Case) -> ArchiveChainEntry | None:
    """The case's newest link (a corrected version, archive.md §5, would add one)."""
    return session.exec(select(ArchiveChainEntry).where(ArchiveChainEntry.case_id == case.id)
                        .order_by(col(ArchiveChainEntry.seq).desc())).first()


def seal_case(session: Session, case: Case, *, actor: audit.Actor, key: bytes | None = None) -> ArchiveChainEntry:
    """Append the case's link to the chain and re-sign the head. Called in the finalising
    transaction (the caller commits), after the letter's PDF is stored. Audited (``archive.sealed``)."""
    key = key if key is not None else current_key()
    letter = finished_letter(session, case)
    if letter is None:
        raise ValueError("seal_case: the case has no finalised letter")
    head = _head_for_update(session)
    last = last_entry(session)
    prev_hash = last.entry_hash if last is not None else GENESIS
    seq = (last.seq if last is not None else 0) + 1
    at = utcnow().replace(microsecond=0)
    documents = document_digests(session, case, letter)
    digest = entry_hash(seq=seq, public_id=case.public_id, at=at, documents=documents, prev_hash=prev_hash)
    kid = key_id(key)
    entry = ArchiveChainEntry(seq=seq, case_id=stored_id(case), created_at=at, documents=documents, prev_hash=prev_hash,
                              entry_hash=digest, mac=entry_mac(key, digest), key_id=kid)
    session.add(entry)
    if head is None:
        head = ArchiveChainHead(id=HEAD_ID, entry_hash=digest, mac="", key_id=kid)
    head.seq, head.entry_hash, head.key_id, head.updated_at = seq, digest, kid, utcnow()
    head.mac = head_mac(key, seq, digest)
    session.add(head)
    session.flush()
    audit.record(session, actor, "archive.sealed", case_id=case.id, detail=f"ledd={seq}")
    return entry


# --------------------------------------------------------------------------------------------------
# Checking
# --------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Problem:
    kind: str  # a document kind, or "kjede" / "ledd" / "sjekksum" for the chain itself
    reason: str  # Norwegian, no personal data


def refusal_message(problems: list[Problem]) -> str:
    reasons = "; ".join(p.reason for p in problems) or "ukjent feil"
    return (f"{reasons[0].upper()}{reasons[1:]}. Dokumentene kan være endret etter ferdigstilling; de blir "
            "ikke utlevert eller arkivert. Meld fra til systemansvarlig.")


def _document_problem(code: str) -> Problem:
    kind = KINDS.get(code)
    if code == "vedtak.pdf":
        # The wording arkivarer already know from «Arkiver».
        return Problem(code, "sjekksummen til vedtaksbrevet stemmer ikke med den som ble lagret ved "
                             "ferdigstilling")
    label = kind.label if kind else f"ukjent dokumenttype «{code}»"
    return Problem(code, f"sjekksummen til {label} stemmer ikke med den som ble lagret ved ferdigstilling")


def _link_problems(entry: ArchiveChainEntry, case: Case | None, key: bytes,
                   prev: ArchiveChainEntry | None) -> list[Problem]:
    """Is this link the one that was signed, and does it follow ``prev`` (None: it is the first)?"""
    if entry.key_id != key_id(key):
        return [Problem("ledd", "kjedeleddet er signert med en annen arkivnøkkel enn den som er satt "
                                "(KLAGEBENK_ARCHIVE_KEY)")]
    out: list[Problem] = []
    if not hmac.compare_digest(entry.mac or "", entry_mac(key, entry.entry_hash or "")):
        out.append(Problem("ledd", "kjedeleddets signatur stemmer ikke (leddet er endret)"))
    recomputed = entry_hash(seq=entry.seq, public_id=case.public_id if case else "", at=entry.created_at,
                            documents=entry.documents or {}, prev_hash=entry.prev_hash)
    if recomputed != entry.entry_hash:
        out.append(Problem("ledd", "kjedeleddets innhold stemmer ikke med hashen (leddet er endret)"))
    expected_seq = prev.seq + 1 if prev is not None else 1
    if entry.seq != expected_seq:
        missing = f"{expected_seq}" if entry.seq - 1 <= expected_seq else f"{expected_seq}–{entry.seq - 1}"
        out.append(Problem("kjede", f"kjeden har et hull: ledd {missing} mangler foran denne saken"))
    if entry.prev_hash != (prev.entry_hash if prev is not None else GENESIS):
        out.append(Problem("kjede", "kjeden er brutt foran denne saken (forrige ledd er endret eller borte)"))
    return out


def _document_problems(session: Session, case: Case, entry: ArchiveChainEntry) -> list[Problem]:
    letter = finished_letter(session, case)
    if letter is None:
        return [Problem("vedtak.pdf", "det ferdigstilte vedtaksbrevet mangler")]
    out: list[Problem] = []
    recorded = dict(entry.documents or {})
    unknown = [code for code in recorded if code not in KINDS]
    out += [_document_problem(code) for code in unknown]
    actual = document_digests(session, case, letter, [c for c in recorded if c in KINDS])
    out += [_document_problem(code) for code, digest in actual.items() if digest != recorded[code]]
    # The checksum stored next to the PDF must still agree too (it is what the letter page shows).
    if not out and (letter.pdf_sha256 or "").lower() != recorded.get("vedtak.pdf"):
        out.append(Problem("sjekksum", "sjekksummen som vises for vedtaksbrevet er endret"))
    return out


def check_case(session: Session, case: Case, *, key: bytes | None = None) -> list[Problem]:
    """Every reason this finished case's documents cannot be trusted; [] when they verify. Checks the
    case's link (signature, hash, the link before it) and re-hashes every document it lists."""
    key = key if key is not None else current_key()
    entry = entry_for(session, case)
    if entry is None:
        return [Problem("kjede", "saken mangler i arkivkjeden (ikke forseglet ved ferdigstilling)")]
    prev = None
    if entry.seq > 1:
        prev = session.exec(select(ArchiveChainEntry).where(ArchiveChainEntry.seq == entry.seq - 1)).first()
    problems = _link_problems(entry, case, key, prev)
    return problems + _document_problems(session, case, entry)


def require_intact(session: Session, case: Case, *, actor: audit.Actor, where: str,
                   key: bytes | None = None) -> None:
    """Raise ``IntegrityFailure`` (after auditing ``archive.checksum_mismatch`` and committing) when
    the case does not verify. ``where``: download, export, archive — for the audit trail."""
    problems = check_case(session, case, key=key)
    if problems:
        with transaction(session):
            record_failure(session, actor, case, problems, where=where)
        raise IntegrityFailure(problems)


def record_failure(session: Session, actor: audit.Actor, case: Case | None, problems: list[Problem], *,
                   where: str) -> None:
    """Audit a refusal (``archive.checksum_mismatch``: where, and the kinds of document that failed).
    A step: the caller's transaction."""
    kinds = ",".join(dict.fromkeys(p.kind for p in problems))
    audit.record(session, actor, "archive.checksum_mismatch", case_id=case.id if case else None,
                 detail=f"where={where} kinds={kinds}"[:500])


@dataclass
class CaseResult:
    case: Case | None
    entry: ArchiveChainEntry | None
    problems: list[Problem] = field(default_factory=list)


@dataclass
class Report:
    checked: int = 0  # links checked
    cases: int = 0  # finished cases
    head_seq: int = 0
    chain_problems: list[Problem] = field(default_factory=list)
    failed: list[CaseResult] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.chain_problems and not self.failed


def verify_all(session: Session, *, key: bytes | None = None) -> Report:
    """Re-hash everything: every link in order (signature, hash, sequence, link to the one before),
    the signed head, every document of every case (against its newest link), and every finished
    case has a link. Names each failing case."""
    key = key if key is not None else current_key()
    report = Report()
    results: dict[int, CaseResult] = {}

    def fail(case_id: int, case: Case | None, entry: ArchiveChainEntry | None, problems: list[Problem]) -> None:
        if problems:
            res = results.setdefault(case_id, CaseResult(case, entry))
            res.problems += [p for p in problems if p not in res.problems]

    entries = list(session.exec(select(ArchiveChainEntry).order_by(col(ArchiveChainEntry.seq))))
    newest: dict[int, ArchiveChainEntry] = {}
    for e in entries:
        newest[e.case_id] = e
    prev = None
    for entry in entries:
        case = session.get(Case, entry.case_id)
        problems = _link_problems(entry, case, key, prev)
        if case is None:
            problems.append(Problem("ledd", "kjedeleddet peker på en sak som ikke finnes"))
        elif newest[entry.case_id] is entry:
            problems += _document_problems(session, case, entry)
            for obj in [o for o in session if isinstance(o, Letter) and o not in session.dirty]:
                session.expunge(obj)  # one PDF in memory at a time, however large the archive
        fail(entry.case_id, case, entry, problems)
        report.checked += 1
        prev = entry

    head = session.get(ArchiveChainHead, HEAD_ID)
    last = entries[-1] if entries else None
    if head is None:
        if last is not None:
            report.chain_problems.append(Problem("kjede", "kjedehodet mangler"))
    else:
        report.head_seq = head.seq
        if head.key_id != key_id(key):
            report.chain_problems.append(Problem("kjede", "kjedehodet er signert med en annen arkivnøkkel"))
        elif not hmac.compare_digest(head.mac or "", head_mac(key, head.seq, head.entry_hash or "")):
            report.chain_problems.append(Problem("kjede", "kjedehodets signatur stemmer ikke (hodet er endret)"))
        if last is None or head.seq != last.seq or head.entry_hash != last.entry_hash:
            report.chain_problems.append(Problem(
                "kjede", f"kjedehodet (ledd {head.seq}) stemmer ikke med siste ledd "
                         f"({last.seq if last else 0}): ledd er fjernet eller lagt til uten nøkkelen"))

    # ids only: at 100 000 cases, loading the letters would load every PDF (issue 15)
    finished = set(session.exec(select(col(Case.id)).where(col(Case.status).in_(FINISHED_STATUSES))))
    sealed_letters = set(session.exec(select(col(Letter.case_id)).where(
        Letter.status == LetterStatus.FERDIGSTILT.value)))
    report.cases = len(finished)
    ids = {case_id for case_id in finished if case_id is not None} | sealed_letters
    for case_id in sorted(ids - set(newest)):
        case = session.get(Case, case_id)
        fail(case_id, case, None, [Problem("kjede", "saken mangler i arkivkjeden (ikke forseglet ved "
                                                    "ferdigstilling, eller leddet er fjernet)")])

    def chain_order(case_id: int) -> tuple[int, int]:  # by link, the cases without one last
        entry = results[case_id].entry
        return (entry.seq if entry is not None else 10**12, case_id)

    report.failed = [results[k] for k in sorted(results, key=chain_order)]
    return report


def verify_and_record(session: Session, *, key: bytes, actor: audit.Actor) -> Report:
    """``verify_all``, with every failing case and a summary (``archive.verified``) in the audit trail
    (``workbench archive verify``). Commits."""
    report = verify_all(session, key=key)
    with transaction(session):
        for res in report.failed:
            record_failure(session, actor, res.case, res.problems, where="verify")
        audit.record(session, actor, "archive.verified",
                     detail=f"ledd={report.checked} saker={report.cases} feil={len(report.failed)} "
                            f"kjede={'ok' if not report.chain_problems else 'feil'}")
    return report


@dataclass
class SealResult:
    sealed: list[tuple[Case, ArchiveChainEntry]] = field(default_factory=list)
    refused: list[Case] = field(default_factory=list)  # the letter is gone or no longer matches its SHA-256


def seal_unsealed(session: Session, *, key: bytes, actor: audit.Actor) -> SealResult:
    """Add the finished cases that have no link (finalised before the chain existed) to the chain —
    only those whose letter still matches the checksum stored at finalisation: the chain must never
    vouch for bytes that were already changed; the others are refused and audited
    (``workbench archive seal``). Commits."""
    result = SealResult()
    with transaction(session):
        for case in unsealed_cases(session):
            letter = finished_letter(session, case)
            if (letter is None or letter.pdf is None
                    or hashlib.sha256(letter.pdf).hexdigest() != (letter.pdf_sha256 or "").lower()):
                record_failure(session, actor, case, [Problem("vedtak.pdf", "")], where="seal")
                result.refused.append(case)
                continue
            result.sealed.append((case, seal_case(session, case, actor=actor, key=key)))
    return result


def unsealed_cases(session: Session) -> list[Case]:
    """Finished cases without a link: finalised before the chain existed (migration 0004)."""
    sealed = set(session.exec(select(ArchiveChainEntry.case_id)))
    rows = session.exec(select(Case).where(col(Case.status).in_(FINISHED_STATUSES)).order_by(col(Case.id)))
    return [c for c in rows if c.id not in sealed]
