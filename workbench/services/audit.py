"""The audit trail: who did what, when, to which case.

``detail`` must never carry personal data — no claimant name, no fødselsnummer, no document text.
Use ids, field names and status codes. ``record`` refuses an 11-digit number as a last guard.
"""

from __future__ import annotations

import re

from sqlmodel import Session, col, select

from workbench.db.models import AuditEvent

_ELEVEN_DIGITS = re.compile(r"(?<!\d)\d{6}\s?\d{5}(?!\d)")


class Actor:
    """Who acts: a logged-in user, an API client, or the command line (both None)."""

    def __init__(self, user_id: int | None = None, api_token_id: int | None = None):
        self.user_id = user_id
        self.api_token_id = api_token_id

    @classmethod
    def cli(cls) -> Actor:
        return cls()


def digest(hexdigest: str) -> str:
    """A SHA-256 for an audit ``detail``, in groups of four (``c879-be16-…``). About one hex digest
    in twenty holds a run of exactly 11 digits, which the fødselsnummer guard below would refuse;
    the dashes keep every run of digits at four or fewer. Remove them to compare."""
    return "-".join(hexdigest[i:i + 4] for i in range(0, len(hexdigest), 4))


def record(session: Session, actor: Actor, action: str, *, case_id: int | None = None,
           detail: str | None = None) -> AuditEvent:
    if detail and _ELEVEN_DIGITS.search(detail):
        raise ValueError("audit detail looks like it holds a fødselsnummer")
    event = AuditEvent(user_id=actor.user_id, api_token_id=actor.api_token_id, action=action,
                       case_id=case_id, detail=detail)
    session.add(event)
    return event


def events_for_case(session: Session, case_id: int) -> list[AuditEvent]:
    return list(session.exec(select(AuditEvent).where(AuditEvent.case_id == case_id)
                             .order_by(col(AuditEvent.at), col(AuditEvent.id))))
