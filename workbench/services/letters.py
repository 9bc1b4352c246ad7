"""The decision letter of a case (issue 6, web side): draft, edit, preview, two-person approval, finalize.

Everything the letter is made of comes from what is already stored — never typed again here:

* the import document *after fact corrections* and the jurist's recorded decisions (chosen outcome,
  answers to the claimant's arguments, ⚖ answers, sotjl § 48 findings) from the review store
  (``workbench.services.review_store``, issue 5);
* the evaluation of that document (``current_review(...)["evaluation"]`` — the figures);
* the ``letters`` row: written standard (default ``participant.language``, else nb), the jurist's
  rich-text assessment blocks (sanitised with the pipeline's nh3 allow-list), our reference/date;
* the users: the case's saksbehandler, and the leder who approved (signs «e.f.»).

Two-person flow, every step an ``approval_events`` row and an audit event::

    utkast/returnert --send_to_leader--> til_godkjenning --approve--> godkjent --finalize--> ferdigstilt
                                              \\--return_with_comment--> returnert
                                              \\--recall_from_leader--> utkast («trukket_tilbake»)
    godkjent --any change to the letter or the review--> utkast («tilbakekalt»: approval.withdraw_approval_if_any)

Sending and approving need a letter the finalize gate would pass but for the approval; the approver is a
leder who wrote or edited no part of the letter or the review (``contributors``).

Every change goes through the case's optimistic lock (``cases.version``, ``cases.locked_update``),
so two users editing at once never silently lose an edit: the second gets ``StaleCase``.
A finalised letter is frozen: PDF/A bytes + SHA-256 stored, no further edits.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from dataclasses import dataclass
from datetime import date
from typing import Any
from collections.abc import Mapping

from sqlmodel import Session, col, select

from workbench.db.appeal_models import ApprovalEvent, CaseReview, FactCorrection, LetterStatus
from workbench.db.appeal_models import Letter as LetterRow
from workbench.db.models import Case, CaseStatus, Role, User, utcnow
from workbench.letters.model import TOPICS, DiscretionAnswer, LetterInput, Office, Signers, build_letter
from workbench.letters.plaintext import as_plain
from workbench.services import approval, audit
from workbench.services.transaction import transaction
from workbench.services import cases as case_service
from workbench.services.cases import StaleCase  # noqa: F401  (re-exported for the routes)

LANGS = ("nb", "nn")
#: The jurist's optional plain-text additions to the letter (keys of ``letters.blocks``): one per review topic
#: and one for the conclusion. The reasoning itself (the reasons for the outcome, for hearing a late appeal, the
#: answers, the ⚖ findings) is recorded once, on the review page, and reaches the letter from there.
TOPIC_BLOCKS = TOPICS  # faktum, saksbehandling, lov, skjonn: the four review topics
BLOCK_KEYS = (*TOPICS, "conclusion")
#: a change to an approved letter withdraws the approval (``approval.withdraw_approval_if_any``)
EDITABLE = {LetterStatus.UTKAST.value, LetterStatus.RETURNERT.value, LetterStatus.GODKJENT.value}
MAX_BLOCK_CHARS = 20_000

BLOCK_LABELS = {
    "faktum": "Faktum og utredning (valgfritt tillegg)",
    "saksbehandling": "Saksbehandling (valgfritt tillegg)",
    "lov": "Lovtolkning og rettsanvendelse (valgfritt tillegg)",
    "skjonn": "Skjønn (valgfritt tillegg)",
    "conclusion": "Tillegg til konklusjonen (valgfritt)",
}
#: review_topics code → letter block key
REVIEW_TOPIC_TO_BLOCK = {"faktum": "faktum", "saksbehandling": "saksbehandling", "rettsanvendelse": "lov",
                         "skjonn": "skjonn"}

STATUS_LABELS = {
    LetterStatus.UTKAST.value: "Utkast",
    LetterStatus.TIL_GODKJENNING.value: "Til godkjenning hos leder",
    LetterStatus.RETURNERT.value: "Returnert fra leder",
    LetterStatus.GODKJENT.value: "Godkjent av leder",
    LetterStatus.FERDIGSTILT.value: "Ferdigstilt",
}
ACTION_LABELS = {
    "sendt_til_godkjenning": "Sendt til godkjenning",
    "godkjent": "Godkjent",
    "returnert": "Returnert med kommentar",
    approval.WITHDRAWN: "Godkjenningen tilbakekalt (endret etter godkjenning)",
    approval.RECALLED: "Trukket tilbake fra godkjenning",
    "ferdigstilt": "Ferdigstilt",
}


class LetterError(ValueError):
    """An action that is not allowed now; ``field`` names what to fix (for the page)."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field
        self.message = message


class FinalizeBlocked(ValueError):
    """The finalize gate said no: ``problems`` is the list of (field, reason)."""

    def __init__(self, problems: list[tuple[str, str]]):
        super().__init__("; ".join(f"{f}: {r}" for f, r in problems))
        self.problems = problems


# ---------------------------------------------------------------------------------------------
# The review (issue 5), through its store
# ---------------------------------------------------------------------------------------------


@dataclass
class ReviewView:
    recorded: Any  # workbench.appeal.outcome.Recorded
    argument_answers: dict[int, str]
    document: dict
    review: dict  # review_document output: evaluation, discretion, outcome, validation, …
    version: int | None = None


def review_view(session: Session, case: Case, *, today: date) -> ReviewView:
    """What the jurist recorded (``review_store.load_review``) and the review of the document in
    force (``review_store.current_review``: evaluation, ⚖ points, outcome suggestion, validation)."""
    from workbench.services import review_store

    state = review_store.load_review(session, case)
    review = review_store.current_review(session, case, today=today)
    answers = {int(k): v for k, v in dict(state.argument_answers or {}).items()}
    return ReviewView(state.recorded, answers, state.document, review, state.version)


# ---------------------------------------------------------------------------------------------
# The letter row
# ---------------------------------------------------------------------------------------------


def letter_for(session: Session, case: Case) -> LetterRow | None:
    return session.exec(select(LetterRow).where(col(LetterRow.case_id) == case.id)).first()


def existing_letter(session: Session, case: Case) -> LetterRow:
    """The case's letter, read again inside a transaction; a step that needs a letter refuses without one."""
    row = letter_for(session, case)
    if row is None:
        raise LetterError("letter", "Saken har ikke noe vedtaksbrev ennå.")
    return row


def _case_id(case: Case) -> int:
    """A stored case's id (the row was read from the database, so it has one)."""
    assert case.id is not None
    return case.id


def default_language(document: Mapping[str, Any]) -> str:
    lang = ((document or {}).get("participant") or {}).get("language")
    return lang if lang in LANGS else "nb"


def default_reference(case: Case) -> str:
    """«Vår ref.»: the Statsforvalter's own case number; a suggestion the jurist may change."""
    return f"{(case.received or case.created_at.date()).year}/{case.id}"  # the year it came in, else registered


def get_or_create_letter(session: Session, case: Case, *, actor: audit.Actor) -> LetterRow:
    """The case's letter row; created (utkast, default language, placeholder blocks) on first use
    (then it commits)."""
    row = letter_for(session, case)
    if row is not None:
        return row
    imported = case_service.imported_for(session, case)
    lang = case.language if case.language in LANGS else default_language(imported.parsed)
    row = LetterRow(case_id=_case_id(case), language=lang, status=LetterStatus.UTKAST.value,
                    blocks={}, our_reference=default_reference(case))
    with transaction(session):
        session.add(row)
        audit.record(session, actor, "letter.created", case_id=case.id, detail=f"lang={lang}")
    return row


def is_frozen(row: LetterRow | None) -> bool:
    return row is not None and row.status == LetterStatus.FERDIGSTILT.value


def events(session: Session, case: Case) -> list[ApprovalEvent]:
    return list(session.exec(select(ApprovalEvent).where(col(ApprovalEvent.case_id) == case.id)
                             .order_by(col(ApprovalEvent.at), col(ApprovalEvent.id))))


def _last(session: Session, case: Case, action: str) -> ApprovalEvent | None:
    evs = [e for e in events(session, case) if e.action == action]
    return evs[-1] if evs else None


def current_approval(session: Session, case: Case) -> ApprovalEvent | None:
    """The leader's approval that is still valid: the last «godkjent» after the last sending, not
    withdrawn since («tilbakekalt»: every change to the letter or the review withdraws it when it is
    made, ``approval.withdraw_approval_if_any``), and — a second guard — with nothing recorded on the
    review page since (a changed outcome, answer or fact changes the letter the leader approved)."""
    evs = events(session, case)
    sent = [i for i, e in enumerate(evs) if e.action == "sendt_til_godkjenning"]
    if not sent:
        return None
    ends = ("godkjent", "returnert", approval.WITHDRAWN, approval.RECALLED)
    after = [e for e in evs[sent[-1]:] if e.action in ends]
    if not after or after[-1].action != "godkjent":
        return None
    return None if review_changed_since_approval(session, case) else after[-1]


def review_changed_since_approval(session: Session, case: Case) -> bool:
    """Whether something was recorded on the review page (a real change, not a save of the same
    values) after the leader's last approval."""
    trail = audit.events_for_case(session, _case_id(case))
    approved = [i for i, e in enumerate(trail) if e.action == "letter.godkjent"]
    return bool(approved) and any(e.action.startswith("review.") and e.detail != "unchanged"
                                  for e in trail[approved[-1] + 1:])


def _user(session: Session, user_id: int | None) -> User | None:
    return session.get(User, user_id) if user_id else None


#: what a contributor did (audit action → «du har …»), for the leder's refusal
CONTRIBUTION_LABELS = {
    "letter.saved": "lagret brevteksten",
    "review.recorded": "registrert vurderingen eller utfallet",
    "review.argument_answered": "svart på klagerens anførsler",
    "review.fact_corrected": "rettet faktum",
    "letter.sendt_til_godkjenning": "sendt vedtaket til godkjenning",
}


def _contributions(session: Session, case: Case) -> dict[int, list[str]]:
    """Every user who wrote or edited any part of the letter or the review of the case, with what
    they did («du har …»): the case's saksbehandler; from the audit trail, whoever saved the letter
    text, recorded anything on the review page (every ``review.*`` action: the review record with the
    outcome, the answers to the arguments, a fact correction) or sent the letter to approval; and,
    from the rows themselves, whoever corrected a fact, last changed the review record or sent the
    letter. (Opening the letter page first creates the letter — ``letter.created`` — with generated
    start text only: that is not writing it, and does not bar a leder from approving.)"""
    out: dict[int, list[str]] = {}

    def add(user_id: int | None, what: str) -> None:
        if user_id is not None and what not in out.setdefault(user_id, []):
            out[user_id].append(what)

    add(case.saksbehandler_id, "saksbehandler")
    for ev in audit.events_for_case(session, _case_id(case)):
        if ev.action in CONTRIBUTION_LABELS:
            add(ev.user_id, CONTRIBUTION_LABELS[ev.action])
        elif ev.action.startswith("review."):
            add(ev.user_id, "endret vurderingen")
    for fc in session.exec(select(FactCorrection).where(col(FactCorrection.case_id) == case.id)):
        add(fc.by_id, CONTRIBUTION_LABELS["review.fact_corrected"])
    review_row = session.exec(select(CaseReview).where(col(CaseReview.case_id) == case.id)).first()
    if review_row is not None:
        add(review_row.updated_by_id, "endret vurderingen")
    for sent in events(session, case):
        if sent.action == "sendt_til_godkjenning":
            add(sent.by_id, CONTRIBUTION_LABELS["letter.sendt_til_godkjenning"])
    return out


def contributors(session: Session, case: Case) -> set[int]:
    """Every user who wrote or edited any part of the letter or the review of this case (see
    ``_contributions``): none of them may approve it."""
    return set(_contributions(session, case))


def approver_problem(session: Session, case: Case, user_id: int | None) -> str | None:
    """Why this user may not approve the case's letter as the second person (None: they may, as far
    as the four-eyes rule goes): they are its saksbehandler, or wrote or edited any part of the letter
    or the review."""
    done = _contributions(session, case).get(user_id) if user_id is not None else None
    if not done:
        return None
    rule = "Den som har skrevet eller endret vedtaket, kan ikke godkjenne det selv: en annen leder må godkjenne."
    if "saksbehandler" in done:
        return f"Du kan ikke godkjenne et vedtak du selv er saksbehandler for. {rule}"
    listed = ", ".join(done[:-1]) + (" og " if len(done) > 1 else "") + done[-1]
    return f"Du har selv skrevet eller endret vurderingen/brevet i denne saken (du har {listed}). {rule}"


# ---------------------------------------------------------------------------------------------
# Building the LetterInput
# ---------------------------------------------------------------------------------------------


def _joined(*texts: str | None) -> str:
    """Plain texts recorded on the review page, as paragraphs of one plain text (never markup)."""
    return "\n\n".join(t.strip() for t in texts if t and t.strip())


#: ⚖ points with a paragraph of their own in the letter (the late appeal, the change to the claimant's
#: detriment) or that are never letter text (temporary measures: an instruction, not a finding).
_NOT_A_FINDING = frozenset({"R20-late-appeal", "R24-reformatio", "F16", "R19-notice-received"})


def discretion_answers(points: list[Mapping[str, Any]], recorded) -> list[DiscretionAnswer | None]:
    """The ⚖ answers and § 48 findings recorded in the review, one per point (None = not recorded).

    The letter gives a finding only where it mattered (appeals.md §11): a § 48 finding on Nav's fritt skjønn,
    and the jurist's reasons on a point of fact or law; never the checklist question."""
    out: list[DiscretionAnswer | None] = []
    for p in points:
        code = p.get("code")
        a = recorded.answer(code) if code else None
        f = recorded.finding(code) if code and p.get("limited_by_sotjl_48") else None
        if a is None and f is None:
            out.append(None)
            continue
        text = _joined(a.reasons if a else None, f.reasons if f else None)
        out.append(DiscretionAnswer(
            text=text, fritt_skjonn=bool(p.get("limited_by_sotjl_48")),
            apenbart_urimelig=(f.apenbart_urimelig if f else None),
            selvstyre=(f.self_government or "") if f else "",
            in_letter=bool(text) and code not in _NOT_A_FINDING and p.get("kind") != "fritt_skjonn"))
    return out


@dataclass
class Built:
    """A LetterInput and what it was made from (for the page and the gate)."""

    inp: LetterInput
    view: ReviewView
    row: LetterRow
    outcome_chosen: bool
    approval: ApprovalEvent | None


def signers_for(session: Session, case: Case, approval: ApprovalEvent | None, office) -> Signers:
    sb = _user(session, case.saksbehandler_id)
    if sb is None:
        sent = _last(session, case, "sendt_til_godkjenning")
        sb = _user(session, sent.by_id) if sent else None
    leader = _user(session, approval.by_id) if approval else None
    return Signers(
        saksbehandler_name=sb.display_name if sb else "",
        # Users carry no phone number yet: the office's switchboard is the «direkte telefon».
        saksbehandler_phone=office.phone,
        leader_name=leader.display_name if leader else "",
    )


def build_input(session: Session, case: Case, *, today: date, blocks: Mapping[str, str] | None = None,
                language: str | None = None, our_reference: str | None = None,
                draft: bool | None = None, row: LetterRow | None = None, office: Office | None = None) -> Built:
    """The LetterInput for the case now; ``blocks``/``language``/``our_reference`` override the stored
    values (an unsaved preview). Figures only from the evaluation. ``office``: default the app's
    configured office (``config.current_office``)."""
    from workbench.config import current_office

    row = row or letter_for(session, case)
    if row is None:
        raise LetterError("letter", "Vedtaksbrevet er ikke opprettet.")
    view = review_view(session, case, today=today)
    review = view.review
    points = list(review.get("discretion") or review["evaluation"].discretion)
    ev = dataclasses.replace(review["evaluation"], discretion=tuple(points))
    rec = view.recorded
    chosen = rec.chosen_outcome
    outcome = chosen or (review.get("outcome") or {}).get("code") or "stadfeste"
    lang = language or row.language
    stored = dict(row.blocks or {})
    if blocks is not None:
        stored.update({k: v for k, v in blocks.items() if k in BLOCK_KEYS})
    args = list(((view.document.get("appeal") or {}).get("arguments")) or [])
    answers = [view.argument_answers.get(i, "") or "" for i in range(len(args))]
    d_answers = discretion_answers(points, rec)
    approval = current_approval(session, case)
    office = office or current_office()
    finalized_date = row.our_date if is_frozen(row) else None
    inp = LetterInput(
        decision=view.document, evaluation=ev, outcome=outcome, language=lang,
        our_reference=(our_reference if our_reference is not None else row.our_reference) or "",
        our_date=finalized_date or today,
        signers=signers_for(session, case, approval, office),
        argument_answers=answers,
        discretion_answers=[a or DiscretionAnswer(text="") for a in d_answers],
        assessment={k: as_plain(stored.get(k)) for k in TOPICS},
        conclusion=as_plain(stored.get("conclusion")),
        outcome_reasons=rec.outcome_reasons or "",
        late_appeal_admitted=rec.late_appeal_admitted,
        late_appeal_ground=getattr(rec, "late_appeal_ground", None),
        late_appeal_reasons=rec.late_appeal_reasons or "",
        avvisning_exception=getattr(rec, "avvisning_exception", None),
        received=case.received,
        reformatio_varsel=rec.reformatio_varsel,
        their_reference=None, office=office,
        draft=(approval is None) if draft is None else draft,
    )
    return Built(inp=inp, view=view, row=row, outcome_chosen=chosen is not None, approval=approval)


# ---------------------------------------------------------------------------------------------
# Preview and draft PDF
# ---------------------------------------------------------------------------------------------


def preview_html(session: Session, case: Case, *, today: date, stylesheet_url: str | None = None,
                 preview_stylesheet_url: str | None = None, built: Built | None = None, **overrides) -> str:
    """The rendered letter HTML (the same template as the PDF) for the sandboxed preview frame.
    ``stylesheet_url`` (the app's route serving the letter's ``letter.css``) is linked in the head;
    ``preview_stylesheet_url`` (a screen-only stylesheet: the A4 sheet scaled to the frame's width)
    is linked after it, in the preview only; ``overrides`` (blocks, language, our_reference) show
    unsaved text."""
    from markupsafe import escape

    from workbench.letters.render import render_html

    built = built or build_input(session, case, today=today, **overrides)
    html = render_html(build_letter(built.inp), stylesheet_href=stylesheet_url)
    if preview_stylesheet_url:
        link = f'<link rel="stylesheet" href="{escape(preview_stylesheet_url)}">\n'
        html = html.replace("</head>", link + "</head>", 1)
    return html


def draft_pdf(session: Session, case: Case, *, today: date) -> bytes:
    """The current letter as a PDF marked UTKAST (never the archived document)."""
    from workbench.letters.render import render_pdf

    built = build_input(session, case, today=today, draft=True)
    return render_pdf(build_letter(built.inp))


def pdf_filename(case: Case, language: str, *, draft: bool = False) -> str:
    """No personal data: Nav's case number (sanitised) or the case's opaque id, and the language."""
    ref = re.sub(r"[^A-Za-z0-9]+", "-", case.nav_reference or "").strip("-")[:40] or case.public_id
    return f"{'utkast-' if draft else ''}vedtak-{ref}-{language}.pdf"


# ---------------------------------------------------------------------------------------------
# Changes (optimistic lock on the case; every step audited)
# ---------------------------------------------------------------------------------------------


def _require_editable(row: LetterRow) -> None:
    if is_frozen(row):
        raise LetterError("letter", "Vedtaket er ferdigstilt og kan ikke endres.")
    if row.status not in EDITABLE:
        raise LetterError("letter", "Vedtaket er sendt til godkjenning og kan ikke endres før leder "
                                    "har returnert det, eller du har trukket det tilbake fra godkjenning.")


def clean_blocks(blocks: Mapping[str, str]) -> dict[str, str]:
    """Known keys only, each kept as the plain text the jurist typed (never markup: the letter escapes it
    and shapes paragraphs and «- » lists, ``letters.plaintext``), line ends normalised, bounded."""
    out = {}
    for key, value in blocks.items():
        if key not in BLOCK_KEYS:
            continue
        out[key] = (value or "").replace("\r\n", "\n")[:MAX_BLOCK_CHARS].strip()
    return out


def save_blocks(session: Session, case: Case, blocks: Mapping[str, str], *, expected_version: int,
                actor: audit.Actor, language: str | None = None, our_reference: str | None = None) -> LetterRow:
    """Store the jurist's edits (sanitised). Raises ``StaleCase`` when someone else saved first. Commits."""
    row = get_or_create_letter(session, case, actor=actor)
    _require_editable(row)
    if language is not None and language not in LANGS:
        raise LetterError("language", "Velg bokmål eller nynorsk.")
    cleaned = clean_blocks(blocks)
    with transaction(session):
        # the written standard lives on the case (cases.set_language); the letter follows it, so a choice
        # made on the letter page changes the case's too and the review page never shows another
        lang_changed = language is not None and language != case.language
        case_service.locked_update(session, case, expected_version, **({"language": language} if lang_changed else {}))
        if lang_changed:
            audit.record(session, actor, "case.language", case_id=case.id, detail=f"lang={language}")
        row = existing_letter(session, case)
        merged = dict(row.blocks or {})
        merged.update(cleaned)
        row.blocks = merged
        if language is not None:
            row.language = language
        if our_reference is not None:
            row.our_reference = our_reference.strip()[:50] or None
        approval.withdraw_approval_if_any(session, case, actor, "brevet (tekst, målform eller referanse) er endret",
                                          changed=session.is_modified(row))
        row.updated_at = utcnow()
        session.add(row)
        changed = ",".join(sorted(cleaned)) or "-"
        audit.record(session, actor, "letter.saved", case_id=case.id,
                     detail=f"blocks={changed}"[:480] + (f" lang={language}" if language else ""))
    return row


def _event(session: Session, case: Case, row: LetterRow, action: str, actor: audit.Actor,
           comment: str | None = None) -> ApprovalEvent:
    ev = ApprovalEvent(case_id=_case_id(case), letter_id=row.id, action=action, comment=comment, by_id=actor.user_id)
    session.add(ev)
    audit.record(session, actor, f"letter.{action}", case_id=case.id)
    return ev


def _case_status_path(current: str, target: str) -> list[str]:
    """The statuses to pass through from ``current`` to ``target`` (cases.TRANSITIONS)."""
    order = [CaseStatus.MOTTATT.value, CaseStatus.UNDER_BEHANDLING.value, CaseStatus.TIL_GODKJENNING.value,
             CaseStatus.FERDIGSTILT.value]
    if current == target:
        return []
    if target == CaseStatus.UNDER_BEHANDLING.value and current == CaseStatus.TIL_GODKJENNING.value:
        return [target]
    if current in order and target in order and order.index(current) < order.index(target):
        return order[order.index(current) + 1: order.index(target) + 1]
    raise LetterError("case.status", f"Saken har status «{current}» og kan ikke få status «{target}».")


def _move_case(session: Session, case: Case, target: str, expected_version: int, actor: audit.Actor) -> None:
    current = case.status
    path = _case_status_path(current, target)
    case_service.locked_update(session, case, expected_version, **({"status": target} if path else {}))
    for step in path:
        audit.record(session, actor, "case.status", case_id=case.id, detail=f"{current}->{step}")
        current = step


def _gate_before_approval(session: Session, case: Case, today: date | None) -> list[tuple[str, str]]:
    """What the finalize gate would refuse, all but the leader's approval itself (sending and approving
    need everything else in place); with no saksbehandler on the case, the one who sends will sign."""
    ignore = {"leader_approval"} | (set() if case.saksbehandler_id else {"signers.saksbehandler_name"})
    return [p for p in gate_problems(session, case, today=today or date.today()) if p[0] not in ignore]


def send_to_leader(session: Session, case: Case, *, expected_version: int, actor: audit.Actor,
                   today: date | None = None) -> LetterRow:
    """To the leader; also again when the review changed after an approval (the approval lapsed).
    Refused (``FinalizeBlocked``, the gate's list) while the gate would refuse for anything but the
    leader's approval: a leder's queue holds finished letters only. Commits."""
    row = get_or_create_letter(session, case, actor=actor)
    if row.status == LetterStatus.GODKJENT.value and current_approval(session, case) is not None:
        raise LetterError("letter", "Vedtaket er allerede godkjent av leder. Endrer du brevet eller vurderingen, "
                                    "trekkes godkjenningen tilbake, og vedtaket må sendes på nytt.")
    lapsed = row.status == LetterStatus.GODKJENT.value
    if not lapsed:
        _require_editable(row)
    problems = _gate_before_approval(session, case, today)
    if problems:
        raise FinalizeBlocked(problems)
    with transaction(session):
        _move_case(session, case, CaseStatus.TIL_GODKJENNING.value, expected_version, actor)
        row = existing_letter(session, case)
        row.status = LetterStatus.TIL_GODKJENNING.value
        row.updated_at = utcnow()
        session.add(row)
        _event(session, case, row, "sendt_til_godkjenning", actor)
    return row


def _leader(session: Session, case: Case, actor: audit.Actor) -> User:
    user = _user(session, actor.user_id)
    if user is None or user.role != Role.LEDER.value:
        raise LetterError("leader_approval", "Bare en leder kan godkjenne eller returnere vedtaket.")
    return user


def approve(session: Session, case: Case, *, expected_version: int, actor: audit.Actor,
            today: date | None = None) -> LetterRow:
    """The leader approves (signs «e.f.»): a leder who has not written or edited any part of the
    letter or the review (``contributors``; ``LetterError`` naming why), and only a letter the gate
    would pass but for this approval (``FinalizeBlocked`` with the gate's list). Commits."""
    user = _leader(session, case, actor)
    row = letter_for(session, case)
    if row is None or row.status != LetterStatus.TIL_GODKJENNING.value:
        raise LetterError("leader_approval", "Vedtaket er ikke sendt til godkjenning.")
    if user.id in contributors(session, case):
        raise LetterError("leader_approval", approver_problem(session, case, user.id) or "En annen leder må godkjenne.")
    problems = _gate_before_approval(session, case, today)
    if problems:
        raise FinalizeBlocked(problems)
    with transaction(session):
        case_service.locked_update(session, case, expected_version)
        row = existing_letter(session, case)
        row.status = LetterStatus.GODKJENT.value
        row.updated_at = utcnow()
        session.add(row)
        _event(session, case, row, "godkjent", actor)
    return row


def return_with_comment(session: Session, case: Case, comment: str, *, expected_version: int,
                        actor: audit.Actor) -> LetterRow:
    """The leader sends the letter back to the saksbehandler with a comment. Commits."""
    _leader(session, case, actor)
    comment = (comment or "").strip()
    if not comment:
        raise LetterError("comment", "Skriv en kommentar til saksbehandleren.")
    row = letter_for(session, case)
    if row is None or row.status not in (LetterStatus.TIL_GODKJENNING.value, LetterStatus.GODKJENT.value):
        raise LetterError("comment", "Vedtaket er ikke sendt til godkjenning.")
    with transaction(session):
        _move_case(session, case, CaseStatus.UNDER_BEHANDLING.value, expected_version, actor)
        row = existing_letter(session, case)
        row.status = LetterStatus.RETURNERT.value
        row.updated_at = utcnow()
        session.add(row)
        _event(session, case, row, "returnert", actor, comment=comment[:5000])
    return row


def recall_from_leader(session: Session, case: Case, *, expected_version: int, actor: audit.Actor) -> LetterRow:
    """«Trekk tilbake fra godkjenning»: the jurist takes a letter that lies with the leder back, to
    change the letter or the review (neither may change while it lies there); it must be sent again.
    Commits."""
    row = letter_for(session, case)
    if row is None or row.status != LetterStatus.TIL_GODKJENNING.value:
        raise LetterError("letter", "Vedtaket ligger ikke til godkjenning hos leder.")
    with transaction(session):
        _move_case(session, case, CaseStatus.UNDER_BEHANDLING.value, expected_version, actor)
        row = existing_letter(session, case)
        if row.status != LetterStatus.TIL_GODKJENNING.value:  # decided meanwhile (the lock makes this rare)
            raise LetterError("letter", "Vedtaket ligger ikke til godkjenning hos leder.")
        row.status = LetterStatus.UTKAST.value
        row.updated_at = utcnow()
        session.add(row)
        _event(session, case, row, approval.RECALLED, actor)
    return row


# ---------------------------------------------------------------------------------------------
# The finalize gate and finalizing
# ---------------------------------------------------------------------------------------------


def gate_problems(session: Session, case: Case, *, today: date, built: Built | None = None) -> list[tuple[str, str]]:
    """Every reason the letter cannot be finalised now (without rendering the PDF), as (field, reason):
    the review's checks (outcome chosen and consistent, admissibility, ⚖ points, § 48) and the letter
    pipeline's gate (placeholders, unanswered arguments, outcome against the figures, leader approval,
    signature, dates)."""
    from workbench.letters.gate import finalize_problems
    from workbench.appeal.outcome import open_discretion_points

    built = built or build_input(session, case, today=today, draft=False)
    view, inp = built.view, built.inp
    problems: list[tuple[str, str]] = []
    if not built.outcome_chosen:
        problems.append(("outcome", "utfallet er ikke valgt på vurderingssiden"))
    for item in view.review.get("validation") or []:
        problems.append((item["field"], item["reason"]))
    points = list(inp.evaluation.discretion)
    open_points = open_discretion_points(points, view.recorded)
    problems += open_points
    open_codes = {f.split(".", 1)[1] for f, _ in open_points}
    open_idx = {i for i, p in enumerate(points) if p.get("code") in open_codes}
    approved = built.approval is not None
    if not approved and built.row.status == LetterStatus.GODKJENT.value:
        problems.append(("leader_approval", "vurderingen er endret etter at leder godkjente vedtaket; "
                                            "send det til ny godkjenning"))
    elif not approved and (withdrawn := approval.withdrawn_approval(session, case)) is not None:
        problems.append(("leader_approval", f"leders godkjenning er tilbakekalt fordi {withdrawn.comment}; "
                                            "send vedtaket til ny godkjenning"))
    for fld, reason in finalize_problems(inp, leader_approved=approved, today=today):
        m = re.match(r"discretion\[(\d+)\]", fld)
        if m and int(m.group(1)) in open_idx:
            continue  # already reported once, by code
        if fld == "signers.leader_name" and not approved:
            continue  # «leader_approval» says it
        if fld == "leader_approval" and any(f == "leader_approval" for f, _ in problems):
            continue  # the lapsed approval already says why
        problems.append((fld, reason))
    from workbench.services.competence import competence_problems
    problems += competence_problems(case, view.document, inp.office)  # the Nav office in this embete's area
    if case.received is None:  # processing time and the apology count from it (appeals.md §7, §11)
        problems.append(("received", "datoen saken kom inn hos Statsforvalteren er ikke registrert på saken"))
    return list(dict.fromkeys(problems))


def finalize(session: Session, case: Case, *, expected_version: int, actor: audit.Actor,
             today: date | None = None) -> LetterRow:
    """Run the gate, render the PDF/A, check it (structure + consistency); on success store the bytes
    and SHA-256, freeze the letter, set the case to ferdigstilt and seal its documents into the
    archive's hash chain (``integrity.seal_case``). Raises ``FinalizeBlocked``. Commits."""
    from workbench.letters.consistency import check_consistency
    from workbench.letters.pdfa import check_pdfa, extract_text
    from workbench.letters.render import render_pdf
    from workbench.services import archive_search

    today = today or date.today()
    row = letter_for(session, case)
    if row is None:
        raise FinalizeBlocked([("letter", "vedtaksbrevet er ikke skrevet")])
    if is_frozen(row):
        raise LetterError("letter", "Vedtaket er allerede ferdigstilt.")
    if case.version != expected_version:
        raise StaleCase("Saken er endret av noen andre siden du åpnet den. Last siden på nytt.")
    built = build_input(session, case, today=today, draft=False, row=row)
    problems = gate_problems(session, case, today=today, built=built)
    if row.status != LetterStatus.GODKJENT.value and not any(f == "leader_approval" for f, _ in problems):
        problems.append(("leader_approval", "leder har ikke godkjent vedtaket"))
    if problems:
        raise FinalizeBlocked(problems)
    letter = build_letter(built.inp)
    pdf = render_pdf(letter)
    problems = [("pdf", p) for p in check_pdfa(pdf)] + check_consistency(pdf, letter)
    if problems:
        raise FinalizeBlocked(problems)
    from workbench.services import integrity

    with transaction(session):
        _move_case(session, case, CaseStatus.FERDIGSTILT.value, expected_version, actor)
        row = existing_letter(session, case)
        row.pdf = pdf
        row.pdf_sha256 = hashlib.sha256(pdf).hexdigest()
        row.our_date = built.inp.our_date
        row.our_reference = built.inp.our_reference
        row.status = LetterStatus.FERDIGSTILT.value
        row.finalized_at = utcnow()
        row.finalized_by_id = actor.user_id
        row.updated_at = row.finalized_at
        session.add(row)
        _event(session, case, row, "ferdigstilt", actor)
        audit.record(session, actor, "letter.frozen", case_id=case.id,
                     detail=f"sha256={audit.digest(row.pdf_sha256)}")
        # In the same transaction: the case's documents join the signed hash chain (tamper evidence
        # that a database insider cannot forge; services/integrity.py), or nothing is finalised.
        integrity.seal_case(session, case, actor=actor)
        # and into the archive's search index, with the letter's words (services/archive_search.py)
        archive_search.put(session, case, letter_text=extract_text(pdf))
    return row


def download_draft_pdf(session: Session, case: Case, *, actor: audit.Actor, today: date) -> bytes:
    """The draft PDF (``draft_pdf``), its download audited. Commits."""
    data = draft_pdf(session, case, today=today)
    with transaction(session):
        audit.record(session, actor, "letter.draft_downloaded", case_id=case.id)
    return data


def download_final_pdf(session: Session, case: Case, row: LetterRow, *, actor: audit.Actor) -> bytes:
    """The finalised letter's PDF — checked first against the signed archive chain: a forged PDF is
    never served (``integrity.IntegrityFailure``, audited) — its download audited. Commits."""
    from workbench.services import integrity

    integrity.require_intact(session, case, actor=actor, where="download")
    if not row.pdf:
        raise LetterError("letter", "Vedtaket er ikke ferdigstilt.")
    with transaction(session):
        audit.record(session, actor, "letter.downloaded", case_id=case.id)
    return row.pdf


__all__ = [
    "BLOCK_KEYS", "FinalizeBlocked", "LetterError", "StaleCase", "approve", "approver_problem", "build_input",
    "contributors", "current_approval",
    "download_draft_pdf", "download_final_pdf", "draft_pdf", "events", "finalize", "gate_problems",
    "get_or_create_letter", "letter_for", "pdf_filename",
    "preview_html", "recall_from_leader", "return_with_comment", "save_blocks", "send_to_leader",
]
