"""The side letters of an appeal case (issue 13): produced, journalled and tracked.

Each is a letter from the decision letter's pipeline — the section model and template
(``workbench.letters.side_letters`` builds a ``Letter``), WeasyPrint PDF/A-2b with the structural check
(``letters.render.render_pdf``) and the consistency check (``letters.consistency``) — in the case's written
standard, letterhead from the configured office, signed by the user who makes it, and journalled in
``outgoing_letters`` with its SHA-256 (``workbench.db.side_letter_models``):

- **foreløpig svar** (forvaltningsloven § 11 a): due one month after the case reached Statsforvalteren
  (``Case.received``; ``deadlines.FORELOPIG_SVAR_MONTHS``) when it is not decided; states when we expect to
  decide (default: the three-month target) and why it takes time. Sending it sets ``Case.forelopig_svar_sent``
  through ``cases.set_forelopig_svar_sent`` (the case lock), so every deadline display follows;
- **forsinkelsesmelding** (the same duty, § 11 a): before a promised date passes, a later date and the
  reason. A case whose promised date has passed without one is **overdue** (:func:`overdue`,
  :func:`overdue_case_ids` for lists);
- **request to Nav** for missing documents, with a reply date;
- **varsel om endring til ugunst** (forvaltningsloven § 34 second paragraph): only for a case the review finds
  til ugunst, and only within three months of Nav receiving the appeal — the window of
  ``appeal.outcome.reformatio_status`` (``review["reformatio"]``), never computed again here.

Which letter may be made, and what the jurist must give for it, is decided in one place: :func:`problems`.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date, timedelta
from collections.abc import Collection
from typing import Any

from sqlalchemy import ColumnElement, exists
from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select

from workbench.db.models import Case, Role, User, stored_id
from workbench.db.side_letter_models import OutgoingLetter, SideLetterKind
from workbench.letters import acts
from workbench.letters.model import Letter, Office
from workbench.letters.plaintext import as_plain, has_text
from workbench.letters.side_letters import (
    DOKUMENTANMODNING,
    FORELOPIG_SVAR,
    FORSINKELSESMELDING,
    KINDS,
    VARSEL_UGUNST,
    SideLetterInput,
    build_side_letter,
    document_lines,
)
from workbench.services import audit, deadlines
from workbench.services import cases as case_service
from workbench.services.transaction import transaction

assert set(KINDS) == {k.value for k in SideLetterKind}  # the letters' kinds are the journal's kinds

#: The kinds as the jurist knows them (the page, the list, the file name never shows a code).
KIND_LABELS = {
    FORELOPIG_SVAR: "Foreløpig svar",
    FORSINKELSESMELDING: "Forsinkelsesmelding",
    DOKUMENTANMODNING: "Anmodning om dokumenter til Nav-kontoret",
    VARSEL_UGUNST: "Varsel om endring til ugunst (forvaltningsloven § 34)",
}
#: The letters that promise a date of decision (fvl. § 11 a): the newest one's date is the case's promise.
PROMISING = (FORELOPIG_SVAR, FORSINKELSESMELDING)
#: A UI default for a reply date (request to Nav, § 34 varsel), not law: the jurist changes it freely.
REPLY_DAYS = 14
MAX_TEXT = 5000


@dataclass(frozen=True, slots=True)
class Request:
    """What the jurist typed for one letter. ``reason``: why it takes time (foreløpig svar,
    forsinkelsesmelding), a note to Nav (request) or why the change is considered (§ 34 varsel);
    ``documents``: the documents asked for, one per line. Both plain text."""

    kind: str
    promised: date | None = None
    reply: date | None = None
    reason: str = ""
    documents: str = ""


class SideLetterRefused(ValueError):
    """The letter cannot be made (now, or with this input): ``problems`` is a list of (field, reason)."""

    def __init__(self, problems: list[tuple[str, str]]):
        super().__init__("; ".join(f"{f}: {r}" for f, r in problems))
        self.problems = problems


def _d(day: date) -> str:
    return f"{day:%d.%m.%Y}"


# ---------------------------------------------------------------------------------------------
# The journal
# ---------------------------------------------------------------------------------------------


def letters_for(session: Session, case: Case) -> list[OutgoingLetter]:
    """The case's journalled side letters, oldest first."""
    return list(session.exec(select(OutgoingLetter).where(col(OutgoingLetter.case_id) == case.id)
                             .order_by(col(OutgoingLetter.created_at), col(OutgoingLetter.id))))


def latest_promise(session: Session, case: Case) -> OutgoingLetter | None:
    """The newest foreløpig svar or forsinkelsesmelding: its ``promised_date`` is the date the claimant was
    last given (fvl. § 11 a)."""
    return session.exec(select(OutgoingLetter).where(col(OutgoingLetter.case_id) == case.id,
                                                     col(OutgoingLetter.kind).in_(PROMISING))
                        .order_by(col(OutgoingLetter.created_at).desc(), col(OutgoingLetter.id).desc())).first()


def promised_date(session: Session, case: Case) -> date | None:
    row = latest_promise(session, case)
    return row.promised_date if row is not None else None


def overdue(session: Session, case: Case, today: date) -> bool:
    """The date last promised to the claimant has passed, the case is not decided, and no forsinkelsesmelding
    gave a new one (fvl. § 11 a; Sivilombudet's most frequent criticism)."""
    promised = promised_date(session, case)
    return case.status not in case_service.CLOSED and promised is not None and promised < today


def promise_passed(today: date) -> ColumnElement[bool]:
    """SQL, correlated to ``cases``: the newest letter that promised the claimant a date (foreløpig svar or
    forsinkelsesmelding) promised a day before ``today`` — the rule of :func:`overdue`, for the queues."""
    later = aliased(OutgoingLetter)
    # correlated to the outer letter's case: «a newer promise in this same case» (a comparison with Case.id here
    # would bring a fresh ``cases`` into the subquery, and any newer promise in any case would hide this one)
    newer_promise = exists().where(col(later.case_id) == col(OutgoingLetter.case_id), col(later.kind).in_(PROMISING),
                                   col(later.id) > col(OutgoingLetter.id))
    return exists().where(col(OutgoingLetter.case_id) == col(Case.id), col(OutgoingLetter.kind).in_(PROMISING),
                          col(OutgoingLetter.promised_date) < today, ~newer_promise)


def overdue_case_ids(session: Session, today: date, among: Collection[int] | None = None) -> set[int]:
    """The ids of every open case that is :func:`overdue` (of ``among`` only, when given: one page of a
    list), in one query."""
    q = select(col(Case.id)).where(promise_passed(today), col(Case.status).notin_(sorted(case_service.CLOSED)))
    if among is not None:
        q = q.where(col(Case.id).in_(list(among)))
    return {case_id for case_id in session.exec(q) if case_id is not None}


def pdf_filename(row: OutgoingLetter, case: Case, *, draft: bool = False) -> str:
    """No personal data: the kind, Nav's case number (sanitised) or the case's opaque id, the date."""
    ref = re.sub(r"[^A-Za-z0-9]+", "-", case.nav_reference or "").strip("-")[:40] or case.public_id
    kind = row.kind.replace("_", "-")
    return f"{'utkast-' if draft else ''}{kind}-{ref}-{row.our_date:%Y-%m-%d}-{row.language}.pdf"


# ---------------------------------------------------------------------------------------------
# What may be made now
# ---------------------------------------------------------------------------------------------


def reformatio(session: Session, case: Case, *, today: date) -> dict[str, Any] | None:
    """The review's fvl. § 34 status (``appeal.outcome.reformatio_status``): None unless the case is til
    ugunst (the correct total is lower than Nav's)."""
    from workbench.services import review_store

    return review_store.current_review(session, case, today=today)["reformatio"]


def _varsel_window(status: dict[str, Any] | None) -> str | None:
    """Why no § 34 varsel can be sent now, or None (inside the window of ``reformatio_status``)."""
    if status is None:
        return ("Beregningen gir ikke et lavere beløp enn Nav-kontorets vedtak. Varsel om endring til ugunst "
                "gjelder bare da.")
    if status.get("deadline") is None:
        return ("Datoen Nav-kontoret mottok klagen er ikke kjent. Registrer den på vurderingssiden; fristen for "
                "varselet regnes fra den.")
    if not status.get("today_within"):
        deadline, received = date.fromisoformat(status["deadline"]), date.fromisoformat(status["received"])
        return (f"Fristen for varsel om endring til ugunst gikk ut {_d(deadline)}, tre måneder etter at "
                f"Nav-kontoret mottok klagen {_d(received)} (forvaltningsloven § 34 andre ledd). Vedtaket kan "
                "ikke lenger endres til ugunst for klageren.")
    return None


def unavailable(session: Session, case: Case, kind: str, *, today: date,
                status: dict[str, Any] | None = None) -> str | None:
    """Why a letter of ``kind`` cannot be made for the case now, whatever the jurist types; None if it can.
    ``status``: the review's § 34 status when the caller has it (:func:`reformatio`)."""
    if case.status in case_service.CLOSED:
        return "Saken er avgjort. Det lages ikke flere brev i den herfra."
    if kind == FORELOPIG_SVAR:
        if case.received is None:
            return ("Datoen saken kom inn til Statsforvalteren er ikke registrert. Registrer den på saksiden: "
                    "fristen for foreløpig svar og datoen vi regner med å avgjøre saken, regnes fra den.")
        sent = next((r for r in letters_for(session, case) if r.kind == FORELOPIG_SVAR), None)
        if sent is not None:
            return (f"Foreløpig svar er sendt {_d(sent.our_date)}. Send en forsinkelsesmelding hvis saken ikke "
                    "blir avgjort innen datoen klageren har fått.")
    elif kind == FORSINKELSESMELDING:
        if promised_date(session, case) is None:
            return ("Klageren har ikke fått noen dato for når saken blir avgjort (ikke noe foreløpig svar herfra). "
                    "Send et foreløpig svar først.")
    elif kind == VARSEL_UGUNST:
        return _varsel_window(status if status is not None else reformatio(session, case, today=today))
    return None


def defaults(session: Session, case: Case, kind: str, *, today: date) -> dict[str, Any]:
    """What the form starts with: the promised date (the three-month target when it is still ahead, else
    empty: a promise is never proposed in the past), a reply date, the reasons recorded on the review."""
    out: dict[str, Any] = {}
    if kind == FORELOPIG_SVAR and case.received is not None:
        target = deadlines.add_months(case.received, deadlines.TARGET_MONTHS)
        out["promised"] = target if target > today else None
    elif kind in (DOKUMENTANMODNING, VARSEL_UGUNST):
        out["reply"] = today + timedelta(days=REPLY_DAYS)
    if kind == VARSEL_UGUNST:
        from workbench.services import review_store

        out["reason"] = review_store.load_review(session, case).recorded.reformatio_interests or ""
    return out


def problems(session: Session, case: Case, req: Request, *, today: date,
             status: dict[str, Any] | None = None) -> list[tuple[str, str]]:
    """Every reason the letter cannot be made from ``req`` now, as (field, reason): the one place of these
    rules (the preview, the journal and the page all ask here)."""
    if req.kind not in KINDS:
        return [("kind", "Ukjent brevtype.")]
    if req.kind == VARSEL_UGUNST and status is None:
        status = reformatio(session, case, today=today)
    why_not = unavailable(session, case, req.kind, today=today, status=status)
    if why_not is not None:
        return [("case", why_not)]
    out: list[tuple[str, str]] = []
    if len(as_plain(req.reason)) > MAX_TEXT or len(as_plain(req.documents)) > MAX_TEXT:
        out.append(("reason" if len(as_plain(req.reason)) > MAX_TEXT else "documents", f"Høyst {MAX_TEXT} tegn."))
    if req.kind in PROMISING:
        if req.promised is None:
            out.append(("promised", "Skriv datoen dere regner med å avgjøre saken (dd.mm.åååå)."))
        elif req.promised <= today:
            out.append(("promised", "Datoen må være etter i dag."))
        elif req.kind == FORSINKELSESMELDING:
            old = promised_date(session, case)
            if old is not None and req.promised <= old:
                out.append(("promised", f"Den nye datoen må være etter datoen klageren fikk sist, {_d(old)}."))
        if req.kind == FORSINKELSESMELDING and not has_text(req.reason):
            out.append(("reason", "Skriv hvorfor saken tar lengre tid (forvaltningsloven § 11 a)."))
    else:
        if req.reply is None:
            out.append(("reply", "Skriv svarfristen (dd.mm.åååå)."))
        elif req.reply <= today:
            out.append(("reply", "Svarfristen må være etter i dag."))
    if req.kind == DOKUMENTANMODNING and not document_lines(req.documents):
        out.append(("documents", "Skriv hvilke dokumenter Nav-kontoret skal sende, ett på hver linje."))
    if req.kind == VARSEL_UGUNST:
        if not has_text(req.reason):
            out.append(("reason", "Skriv hvorfor Statsforvalteren vurderer å endre vedtaket til ugunst: hvilke "
                                  "interesser klagerens interesser må vike for."))
        if status is not None and status.get("received") is None:
            out.append(("case", "Datoen Nav-kontoret mottok klagen er ikke kjent."))
    return out


# ---------------------------------------------------------------------------------------------
# Building and producing
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Built:
    letter: Letter
    inp: SideLetterInput


def _fvl_2025_in_force(evaluation: Any) -> object:
    params = getattr(evaluation, "parameters", None)
    return params.assumptions.get("fvl_2025_in_force") if params is not None else None


def build(session: Session, case: Case, req: Request, *, today: date, user: User, draft: bool,
          office: Office | None = None, status: dict[str, Any] | None = None) -> Built:
    """The letter for ``req`` (checked first: ``SideLetterRefused``). Facts from the import document after
    the review's corrections, figures from the review's evaluation, our reference as the decision letter's."""
    from workbench.config import current_office
    from workbench.services import letters as letter_service
    from workbench.services import review_store

    if req.kind == VARSEL_UGUNST and status is None:
        status = reformatio(session, case, today=today)
    found = problems(session, case, req, today=today, status=status)
    if found:
        raise SideLetterRefused(found)
    office = office or current_office()
    state = review_store.load_review(session, case)
    review = review_store.current_review(session, case, today=today)
    evaluation = review["evaluation"]
    act = acts.act_for(today, _fvl_2025_in_force(evaluation))
    needed = {"processing_time"} if req.kind in PROMISING else ({"reformatio"} if req.kind == VARSEL_UGUNST else set())
    if acts.missing_provisions(needed, act):  # never a «§ ?» in a letter (letters.acts)
        raise SideLetterRefused([("case", "Klagebenk har ikke bestemmelsen i forvaltningsloven som gjelder nå for "
                                          "dette brevet. Brevet kan ikke lages før den er lagt inn.")])
    decision_letter = letter_service.letter_for(session, case)
    reference = (decision_letter.our_reference if decision_letter is not None and decision_letter.our_reference
                 else letter_service.default_reference(case))
    previous = latest_promise(session, case) if req.kind == FORSINKELSESMELDING else None
    values: dict[str, Any] = {}
    if req.kind == VARSEL_UGUNST:
        assert status is not None  # problems() refused a case that is not til ugunst
        total = evaluation.total
        values = {"nav_received": date.fromisoformat(status["received"]),
                  "net": total.net, "nav_net": total.nav_net}
        if total.net is None or total.nav_net is None:
            raise SideLetterRefused([("case", "Beregningen har ikke noe samlet beløp for alle periodene; varselet "
                                              "kan ikke si hvor mye lavere stønaden blir.")])
    inp = SideLetterInput(
        kind=req.kind, language=case.language if case.language in ("nb", "nn") else "nb",
        decision=state.document, our_reference=reference, our_date=today,
        signer_name=user.display_name, signer_is_leader=user.role == Role.LEDER.value, office=office, act=act,
        received=case.received, promised=req.promised if req.kind in PROMISING else None,
        previous_promise=previous.promised_date if previous else None,
        previous_letter_date=previous.our_date if previous else None,
        reply=req.reply if req.kind not in PROMISING else None,
        reason=as_plain(req.reason), documents=document_lines(req.documents) if req.kind == DOKUMENTANMODNING else (),
        draft=draft, **values,
    )
    return Built(build_side_letter(inp), inp)


def _signer(session: Session, actor: audit.Actor) -> User:
    user = session.get(User, actor.user_id) if actor.user_id else None
    if user is None:  # the letter is signed by the person who makes it: never by nobody
        raise SideLetterRefused([("case", "Brevet må lages av en innlogget saksbehandler eller leder.")])
    return user


def preview_pdf(session: Session, case: Case, req: Request, *, today: date, actor: audit.Actor) -> bytes:
    """The letter as a PDF marked UTKAST, nothing journalled (the preview is audited). Commits."""
    from workbench.letters.render import render_pdf

    built = build(session, case, req, today=today, user=_signer(session, actor), draft=True)
    pdf = render_pdf(built.letter)
    with transaction(session):
        audit.record(session, actor, "side_letter.previewed", case_id=case.id, detail=f"kind={req.kind}")
    return pdf


def create(session: Session, case: Case, req: Request, *, today: date, actor: audit.Actor,
           expected_version: int) -> OutgoingLetter:
    """«Lag og journalfør»: render the PDF/A, check it (structure, and that it states the reference, the date,
    the promised or reply date), journal it with its SHA-256 and audit it (field names
    only). A foreløpig svar also sets ``Case.forelopig_svar_sent`` to today through the case lock
    (``expected_version``: the version the page read). Raises ``SideLetterRefused`` or ``StaleCase``. Commits."""
    from workbench.letters.consistency import check_consistency
    from workbench.letters.render import render_pdf

    built = build(session, case, req, today=today, user=_signer(session, actor), draft=False)
    pdf = render_pdf(built.letter)  # PdfACheckError if the structural PDF/A check finds a problem
    mismatch = check_consistency(pdf, built.letter)
    if mismatch:
        raise SideLetterRefused([("pdf", f"{f}: {r}") for f, r in mismatch])
    inp, letter = built.inp, built.letter
    sha = hashlib.sha256(pdf).hexdigest()
    row = OutgoingLetter(
        case_id=stored_id(case),
        kind=req.kind, language=inp.language, recipient=letter.addressee[0][:200],
        copy_to="; ".join(letter.copies)[:400] or None, our_reference=inp.our_reference, our_date=inp.our_date,
        promised_date=inp.promised, reply_date=inp.reply, pdf=pdf, pdf_sha256=sha, created_by_id=actor.user_id,
    )
    with transaction(session):
        session.add(row)
        audit.record(session, actor, f"side_letter.{req.kind}", case_id=case.id,
                     detail=f"lang={inp.language} sha256={audit.digest(sha)}")
        if req.kind == FORELOPIG_SVAR:
            # takes the case lock and commits: the journal row above goes with it, or — stale or closed —
            # is rolled back with it (locked_update rolls the session back), so the two never disagree
            case_service.set_forelopig_svar_sent(session, case, inp.our_date, expected_version=expected_version,
                                                 actor=actor)
        else:
            case_service.require_open(session, case)  # decided meanwhile: nothing journalled
    return row


def download(session: Session, case: Case, letter_id: int, *, actor: audit.Actor) -> OutgoingLetter | None:
    """The journalled letter ``letter_id`` of this case (None: no such letter of this case), its download
    audited. Commits."""
    row = session.get(OutgoingLetter, letter_id)
    if row is None or row.case_id != case.id:
        return None
    with transaction(session):
        audit.record(session, actor, "side_letter.downloaded", case_id=case.id, detail=f"kind={row.kind}")
    return row


__all__ = [
    "KIND_LABELS", "Request", "SideLetterRefused", "create", "defaults", "download", "letters_for",
    "latest_promise", "overdue", "overdue_case_ids", "pdf_filename", "preview_pdf", "problems",
    "promised_date", "reformatio", "unavailable",
]
