"""Cases: import a contested decision (the ONE way in for upload, CLI, form and API), read them,
change them under the optimistic lock (:func:`locked_update`, the one case lock).

Import = ``load_document`` → ``parse_document`` (``workbench.formats.import_format``: the one validation) →
``evaluate_document`` (the rules) → one transaction writing the case, the decision as submitted and
as parsed, the evaluation and an audit event. When validation fails nothing is written.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import CursorResult, func, update
from sqlmodel import Session, col, select

from workbench.db.search_models import ArchiveSearch
from workbench.db.models import (
    FINISHED,
    Case,
    CaseStatus,
    Evaluation,
    ImportedDecision,
    User,
    stored_id,
    utcnow,
)
from workbench.services import audit
from workbench.services.paging import PER_PAGE, Page, paginate
from workbench.services.transaction import transaction

log = logging.getLogger(__name__)

SOURCES = ("upload", "cli", "form", "api", "demo")
#: The written standards a case may have (bokmål, nynorsk); chosen at intake, changeable until the letter is final.
LANGUAGES = {"nb": "Bokmål", "nn": "Nynorsk"}

#: Allowed status changes. Later features (finalize gate, archive) add their own checks.
TRANSITIONS: dict[str, set[str]] = {
    CaseStatus.MOTTATT: {CaseStatus.UNDER_BEHANDLING},
    CaseStatus.UNDER_BEHANDLING: {CaseStatus.TIL_GODKJENNING},
    CaseStatus.TIL_GODKJENNING: {CaseStatus.UNDER_BEHANDLING, CaseStatus.FERDIGSTILT},
    CaseStatus.FERDIGSTILT: {CaseStatus.ARKIVERT},
    CaseStatus.ARKIVERT: set(),
}
CLOSED = FINISHED


class StaleCase(RuntimeError):
    """Someone else changed the case since it was read (optimistic lock)."""


class TransitionNotAllowed(ValueError):
    pass


class ReceivedUnknown(TransitionNotAllowed):
    """The case cannot leave «mottatt» before the day it reached Statsforvalteren is registered: every
    deadline (the three months, the foreløpig svar after one, fvl. § 11 a) counts from it."""

    field = "received"
    message = ("Mottatt hos Statsforvalteren: registrer datoen saken kom inn før saken startes – "
               "fristene regnes fra den.")

    def __init__(self) -> None:
        super().__init__(self.message)


@dataclass(frozen=True)
class FieldProblem:
    path: str
    message: str


class InvalidDocument(ValueError):
    """The import document failed validation; ``errors`` lists every field with its reason."""

    def __init__(self, errors: list[FieldProblem]):
        super().__init__("; ".join(f"{e.path}: {e.message}" for e in errors))
        self.errors = errors


def to_jsonable(value: Any) -> Any:
    """Decimal → string, date → ISO, recursively: what goes into a JSON column."""
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_jsonable(v) for v in value]
    if hasattr(value, "value") and isinstance(value.value, str):  # enums
        return value.value
    return value


def _decimal_default(o: Any) -> Any:
    if isinstance(o, Decimal):
        # A JSON number. float's repr is the shortest text that reads back to the same value, so
        # Decimal("7.25") → 7.25 → Decimal("7.25") through load_document(parse_float=Decimal).
        return int(o) if o == o.to_integral_value() else float(o)
    if isinstance(o, (date, datetime)):
        return o.isoformat()
    raise TypeError(f"not JSON serialisable: {type(o).__name__}")


def dumps_document(doc: dict) -> str:
    """Serialise a document built in Python (the web form) to JSON text, Decimals as exact numbers."""
    return json.dumps(doc, ensure_ascii=False, indent=2, default=_decimal_default)


def validate(source: str | bytes | dict):
    """Run the one validation. Returns ``(doc, decision)`` or raises ``InvalidDocument``."""
    from workbench.formats.import_format import ImportValidationError, load_document, parse_document

    try:
        doc = load_document(source) if not isinstance(source, dict) else source
        decision = parse_document(doc)
    except ImportValidationError as exc:
        raise InvalidDocument([FieldProblem(e.path, e.message) for e in exc.errors]) from None
    return doc, decision


def run_evaluation(doc: dict, today: date) -> tuple[dict | None, str | None]:
    """The engine's evaluation of ``doc`` as a JSON column value, or ``(None, reason)`` when it failed
    (the case is stored all the same; the page says what failed)."""
    try:
        from workbench.services.evaluation import evaluate_document
    except ImportError:
        return None, "Regelmotoren er ikke tilgjengelig i denne versjonen."
    try:
        return to_jsonable(evaluate_document(doc, today=today)), None
    except Exception as exc:  # the case must still be stored; the page says what failed
        log.exception("evaluation failed")
        return None, f"Vurderingen feilet: {type(exc).__name__}"


def document_language(doc: dict) -> str:
    """The written standard the document asks for (``participant.language``), else bokmål."""
    lang = ((doc or {}).get("participant") or {}).get("language")
    return lang if lang in LANGUAGES else "nb"


def import_document(session: Session, source: str | bytes, *, origin: str, actor: audit.Actor,
                    filename: str | None = None, assign_to: User | None = None,
                    today: date | None = None, language: str | None = None,
                    received: date | None = None,
                    also: Callable[[Session, Case], None] | None = None) -> Case:
    """Validate, evaluate and store one import document. ``language`` (nb | nn): the written standard
    chosen at intake; None takes the document's ``participant.language`` (else nb). ``received``: the day
    the case reached Statsforvalteren as confirmed at intake; None takes the document's
    ``appeal.statsforvalteren_received`` and, where that is absent too, leaves it unknown — the case cannot
    be started until it is registered (``locked_update``), and no deadline is counted from a guess.
    ``also``: a step that writes more with the new case, in the same transaction (the uploaded documents
    attached and the facts' sources, ``case_documents.import_from_papers``); if it raises, nothing is stored.
    Commits. Raises ``InvalidDocument``."""
    if origin not in SOURCES:
        raise ValueError(f"unknown origin {origin!r}")
    if language is not None and language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}")
    raw = source.decode("utf-8", errors="replace") if isinstance(source, bytes) else source
    doc, decision = validate(source)
    today = today or date.today()
    result, error = run_evaluation(doc, today)

    from_document = decision.appeal.statsforvalteren_received
    case = Case(
        nav_reference=decision.decision.reference,
        nav_office=decision.nav_office.name,
        claimant_name=decision.participant.name,
        decision_date=decision.decision.date,
        decision_kind=str(decision.decision.kind.value if hasattr(decision.decision.kind, "value")
                          else decision.decision.kind),
        received=received or from_document,
        received_from_document=received is None and from_document is not None,
        language=language or document_language(doc),
        saksbehandler_id=assign_to.id if assign_to else None,
        created_by_id=actor.user_id,
    )
    with transaction(session):
        session.add(case)
        session.flush()
        case_id = stored_id(case)
        session.add(ImportedDecision(case_id=case_id, format=str(doc.get("format", "")),
                                     source=origin, filename=(filename or None) and filename[:255],
                                     raw=raw, parsed=to_jsonable(doc)))
        session.add(Evaluation(case_id=case_id, result=result, error=error, evaluated_on=today))
        audit.record(session, actor, "case.imported", case_id=case_id,
                     detail=f"source={origin}" + (" evaluation=failed" if error else ""))
        if also is not None:
            also(session, case)
    return case


# --- reading -------------------------------------------------------------------------------------

def get_case(session: Session, public_id: str) -> Case | None:
    return session.exec(select(Case).where(Case.public_id == public_id)).first()


def find_by_nav_reference(session: Session, nav_reference: str) -> Case | None:
    """The first case imported with Nav's saksnummer ``nav_reference`` (the demo looks for its case)."""
    return session.exec(select(Case).where(Case.nav_reference == nav_reference).order_by(col(Case.id))).first()


def finished_cases(session: Session, *, page: int = 1, per_page: int = PER_PAGE) -> Page[Case]:
    """One page of the ferdigstilt and arkivert cases, the last finalised first (through the archive's
    index: its ``finalized_at`` is indexed, the cases' status is not a useful order)."""
    q = (select(Case).join(ArchiveSearch, col(ArchiveSearch.case_id) == col(Case.id))
         .order_by(col(ArchiveSearch.finalized_at).desc(), col(ArchiveSearch.case_id).desc()))
    # one index row per finished case (its key is the case's): counted alone, without the join
    total = int(session.exec(select(func.count()).select_from(ArchiveSearch)).one())
    return paginate(session, q, page, per_page=per_page, total=total)


def imported_for(session: Session, case: Case) -> ImportedDecision:
    return session.exec(select(ImportedDecision).where(ImportedDecision.case_id == case.id)).one()


def latest_evaluation(session: Session, case: Case) -> Evaluation | None:
    return session.exec(select(Evaluation).where(Evaluation.case_id == case.id)
                        .order_by(col(Evaluation.created_at).desc(), col(Evaluation.id).desc())).first()


def user_names(session: Session) -> dict[int, str]:
    return {stored_id(u): u.display_name for u in session.exec(select(User))}


def counts(session: Session) -> dict[str, int]:
    """Row counts of the case tables (tests: nothing stored by an invalid import)."""
    from workbench.db.models import AuditEvent

    return {m.__tablename__: session.exec(select(func.count()).select_from(m)).one()
            for m in (Case, ImportedDecision, Evaluation, AuditEvent)}


# --- changing, under the optimistic lock ---------------------------------------------------------

def require_open(session: Session, case: Case) -> None:
    """Raise ``StaleCase`` when the case is ferdigstilt or arkivert (read fresh from the database)."""
    if session.exec(select(Case.status).where(Case.id == case.id)).one() in CLOSED:
        raise StaleCase("Saken er ferdigstilt og kan ikke endres.")


def locked_update(session: Session, case: Case, expected_version: int, **values: Any) -> None:
    """The case lock: every write to a case, in any service, passes here first.

    A case whose received date is unknown does not leave «mottatt» (``ReceivedUnknown``): one rule for the
    status buttons, the letter flow and the API alike.

    Sets ``values`` (column → value; none at all just claims the lock) on the case row, bumps
    ``version`` and ``updated_at`` — but only when the row still has ``expected_version`` (the
    version the user's page read: the optimistic lock) and the case is not closed (ferdigstilt or
    arkivert are frozen; the one change a ferdigstilt case takes is ``status=arkivert``). Otherwise
    it rolls the session back and raises ``StaleCase`` saying which of the two it was.

    A step of a use case, not one itself: it does not commit. The caller claims the lock first and
    writes its own rows after it in the same transaction (``services.transaction.transaction``), so a
    stale version leaves nothing written. ``case`` is expired so the next read sees the new version.
    """
    if values.get("status") not in (None, CaseStatus.MOTTATT.value) and "received" not in values \
            and session.exec(select(col(Case.received)).where(Case.id == case.id)).first() is None:
        session.rollback()
        raise ReceivedUnknown()
    values["version"] = expected_version + 1
    values["updated_at"] = utcnow()
    status = col(Case.status)
    frozen = (status == CaseStatus.FERDIGSTILT.value if values.get("status") == CaseStatus.ARKIVERT.value
              else status.notin_(sorted(CLOSED)))
    result = session.execute(update(Case).where(col(Case.id) == case.id, col(Case.version) == expected_version,
                                                frozen).values(**values))
    assert isinstance(result, CursorResult)  # an UPDATE's result: it counts the rows it changed
    if result.rowcount != 1:
        session.rollback()
        if session.exec(select(Case.status).where(Case.id == case.id)).first() in CLOSED:
            raise StaleCase("Saken er ferdigstilt og kan ikke endres.")
        raise StaleCase("Saken er endret av noen andre siden du åpnet den. Last siden på nytt.")
    session.expire(case)


def set_received(session: Session, case: Case, received: date, *, expected_version: int,
                 actor: audit.Actor) -> None:
    """The day the case reached Statsforvalteren, as edited by hand. Commits."""
    with transaction(session):
        locked_update(session, case, expected_version, received=received, received_from_document=False)
        audit.record(session, actor, "case.received_changed", case_id=case.id)


def record_receipt_check(session: Session, case: Case, *, documents_complete: bool, urgent: bool,
                         deferred_execution_requested: bool, expected_version: int, actor: audit.Actor) -> None:
    """The receipt check at intake (mottakskontroll): are Nav's case documents complete (if not: ask Nav for
    them — a side letter — and put the case «på vent»), is it a hastesak, has the claimant asked for utsatt
    iverksetting (forvaltningsloven § 42: the klageinstans decides that request at once, before the appeal)?
    Audited with the answers (no personal data in them). Commits."""
    with transaction(session):
        locked_update(session, case, expected_version, documents_complete=documents_complete, urgent=urgent,
                      deferred_execution_requested=deferred_execution_requested, receipt_checked_at=utcnow(),
                      receipt_checked_by_id=actor.user_id)
        audit.record(session, actor, "case.receipt_checked", case_id=case.id,
                     detail=f"documents_complete={documents_complete} urgent={urgent} "
                            f"deferred_execution={deferred_execution_requested}")


WAITING_REASON_MAX = 300


def set_waiting(session: Session, case: Case, reason: str | None, until: date | None, *, expected_version: int,
                actor: audit.Actor) -> None:
    """Put the case «på vent» — waiting for Nav or the claimant (documents asked for, a reply due) — with the
    reason and the day it is expected back; ``reason`` None takes it off. The clock does not stop: the three
    months still count from ``received`` (appeals.md §7). Raises ``ValueError`` (no reason or date, reason
    too long) or ``StaleCase``. Commits. The reason is not audited (it may name people): only that it changed."""
    if reason is not None:
        reason = reason.strip()
        if not reason or until is None:
            raise ValueError("Skriv hva saken venter på, og datoen den ventes tilbake.")
        if len(reason) > WAITING_REASON_MAX:
            raise ValueError(f"Høyst {WAITING_REASON_MAX} tegn.")
    with transaction(session):
        locked_update(session, case, expected_version, waiting_reason=reason,
                      waiting_until=until if reason is not None else None)
        audit.record(session, actor, "case.waiting" if reason is not None else "case.waiting_ended",
                     case_id=case.id)


class LanguageLocked(ValueError):
    """The written standard cannot be changed now (the letter is with the leder, or final)."""


def set_language(session: Session, case: Case, language: str, *, expected_version: int,
                 actor: audit.Actor) -> None:
    """The case's written standard (nb | nn), changed before the letter is final; an editable letter
    follows it. Raises ``ValueError`` (not nb/nn), ``LanguageLocked`` or ``StaleCase``. Commits."""
    from workbench.db.appeal_models import Letter, LetterStatus

    if language not in LANGUAGES:
        raise ValueError("Velg bokmål eller nynorsk.")
    editable = {LetterStatus.UTKAST.value, LetterStatus.RETURNERT.value}
    with transaction(session):
        locked_update(session, case, expected_version, language=language)
        letter = session.exec(select(Letter).where(col(Letter.case_id) == case.id)).first()
        if letter is not None and letter.language != language:
            if letter.status not in editable:
                raise LanguageLocked("Vedtaksbrevet er sendt til godkjenning eller ferdigstilt; målformen kan "
                                     "ikke endres nå.")
            letter.language = language
            letter.updated_at = utcnow()
            session.add(letter)
        audit.record(session, actor, "case.language", case_id=case.id, detail=f"lang={language}")


def set_forelopig_svar_sent(session: Session, case: Case, sent: date | None, *,
                            expected_version: int, actor: audit.Actor) -> None:
    """The day the foreløpig svar was sent (``None``: not sent). Commits."""
    with transaction(session):
        locked_update(session, case, expected_version, forelopig_svar_sent=sent)
        audit.record(session, actor, "case.forelopig_svar", case_id=case.id)


def assign(session: Session, case: Case, user: User | None, *, expected_version: int,
           actor: audit.Actor) -> None:
    """Give the case to ``user`` (``None``: nobody). Commits."""
    with transaction(session):
        locked_update(session, case, expected_version, saksbehandler_id=user.id if user else None)
        audit.record(session, actor, "case.assigned", case_id=case.id,
                     detail=f"user_id={user.id}" if user else "unassigned")


def transition(session: Session, case: Case, to_status: str, *, expected_version: int,
               actor: audit.Actor) -> None:
    """Move the case along ``TRANSITIONS``; raises ``TransitionNotAllowed`` or ``StaleCase``. Commits."""
    if to_status not in TRANSITIONS.get(case.status, set()):
        raise TransitionNotAllowed(f"{case.status} → {to_status} er ikke en tillatt statusendring.")
    from_status = case.status
    with transaction(session):
        locked_update(session, case, expected_version, status=to_status)
        audit.record(session, actor, "case.status", case_id=case.id, detail=f"{from_status}->{to_status}")
