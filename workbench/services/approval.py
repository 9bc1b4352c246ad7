"""A leder's approval of the decision letter never outlives a change to what it approved (issue 12,
«Two persons, really»).

Everything that shapes the letter — its text, written standard and reference
(``letters.save_blocks``), the review record, the answers to the claimant's arguments, a fact
correction and a re-evaluation (``review_store``) — calls :func:`withdraw_approval_if_any` inside its
own transaction, after it has claimed the case lock:

* while the letter lies with the leder (``til_godkjenning``) nothing that shapes it may change:
  :class:`AwaitingApproval` (the jurist first takes it back, «Trekk tilbake fra godkjenning», or the
  leder returns it);
* once it is ``godkjent``, a change withdraws the approval explicitly: an ``approval_events`` row
  «tilbakekalt» with the reason, the audit event ``letter.tilbakekalt``, the letter back to utkast and
  the case back to under behandling — the jurist must send it again, and a leder approve it again.

It lives apart from ``letters`` (the letter flow, which reads the review through ``review_store``)
because both it and ``review_store`` call it, and the house has no import cycles.
"""

from __future__ import annotations

from sqlmodel import Session, col, select

from workbench.db.appeal_models import ApprovalEvent, Letter, LetterStatus
from workbench.db.models import Case, CaseStatus, utcnow
from workbench.services import audit
from workbench.services.cases import StaleCase, locked_update

#: ``approval_events.action`` of an approval withdrawn because the letter or the review changed
WITHDRAWN = "tilbakekalt"
#: ``approval_events.action`` of a letter the jurist took back from the leder before approval
RECALLED = "trukket_tilbake"

AWAITING_MESSAGE = ("Vedtaket ligger til godkjenning hos leder, og vurderingen og brevet kan ikke endres nå. "
                    "Trekk vedtaket tilbake fra godkjenning på vedtakssiden («Trekk tilbake fra godkjenning»), "
                    "eller be lederen returnere det, før du endrer noe.")


class AwaitingApproval(StaleCase):
    """The letter lies with the leder for approval: nothing that shapes it may change now. (A
    ``StaleCase``: the page the change came from no longer fits the case; its message says why.)"""


def _letter(session: Session, case: Case) -> Letter | None:
    return session.exec(select(Letter).where(col(Letter.case_id) == case.id)).first()


def is_approved(session: Session, case: Case) -> bool:
    """Whether the case's letter is «godkjent» now (read fresh from the database)."""
    row = _letter(session, case)
    return row is not None and row.status == LetterStatus.GODKJENT.value


def withdrawn_approval(session: Session, case: Case) -> ApprovalEvent | None:
    """The «tilbakekalt» event when it is the last step of the letter's approval flow (the letter
    changed after approval and has not been sent again since), else None."""
    last = session.exec(select(ApprovalEvent).where(col(ApprovalEvent.case_id) == case.id)
                        .order_by(col(ApprovalEvent.at).desc(), col(ApprovalEvent.id).desc())).first()
    return last if last is not None and last.action == WITHDRAWN else None


def withdraw_approval_if_any(session: Session, case: Case, actor: audit.Actor, reason: str, *,
                             changed: bool = True) -> ApprovalEvent | None:
    """A step of the caller's transaction, which is about to change something that shapes the letter
    (``reason``, bokmål, says what: «brevteksten er endret»). Raises :class:`AwaitingApproval` while
    the letter lies with the leder. When the letter is approved and ``changed`` (the write really
    changes something), withdraws the approval: a «tilbakekalt» event with the reason, audited, the
    letter back to utkast and the case from til godkjenning back to under behandling (through the
    case lock, once more: a withdrawal moves the case's version on by one). Returns the event, or
    None when there was no approval to withdraw."""
    row = _letter(session, case)
    if row is None:
        return None
    if row.status == LetterStatus.TIL_GODKJENNING.value:
        raise AwaitingApproval(AWAITING_MESSAGE)
    if row.status != LetterStatus.GODKJENT.value or not changed:
        return None
    reason = (reason or "").strip()[:400] or "vedtaket er endret etter godkjenningen"
    # the case lock again (the caller's claim is in this same transaction: the version moves on once more)
    status, version = session.exec(select(Case.status, Case.version).where(col(Case.id) == case.id)).one()
    back = status == CaseStatus.TIL_GODKJENNING.value
    locked_update(session, case, version, **({"status": CaseStatus.UNDER_BEHANDLING.value} if back else {}))
    if back:
        audit.record(session, actor, "case.status", case_id=case.id,
                     detail=f"{CaseStatus.TIL_GODKJENNING.value}->{CaseStatus.UNDER_BEHANDLING.value}")
    row.status = LetterStatus.UTKAST.value
    row.updated_at = utcnow()
    session.add(row)
    event = ApprovalEvent(case_id=row.case_id, letter_id=row.id, action=WITHDRAWN, comment=reason,
                          by_id=actor.user_id)
    session.add(event)
    audit.record(session, actor, f"letter.{WITHDRAWN}", case_id=case.id, detail=reason[:480])
    return event


__all__ = ["AWAITING_MESSAGE", "RECALLED", "WITHDRAWN", "AwaitingApproval", "is_approved",
           "withdraw_approval_if_any", "withdrawn_approval"]
