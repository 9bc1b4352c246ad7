"""The dispatch («ekspedering») of a finalised decision (issue 13): to whom, how and when it was sent.

Forvaltningsloven § 27 first paragraph: «Det forvaltningsorgan som har truffet vedtaket, skal sørge for at
partene underrettes om vedtaket så snart som mulig». A row here is the record of that underretning — one row
per recipient of one dispatch: the claimant or the fullmektig (``role`` «mottaker»), the copy to the Nav office
(«kopi_nav») and, where a fullmektig received the decision, the copy to the claimant («kopi_klager»).

A case is a ``ferdigstilt`` (or ``arkivert``) case with a dispatch row: no case status of its own, since the
status machine is used everywhere (``services/cases.py``). Rows are only ever added
(``workbench.services.dispatch``). ``sequence`` numbers the dispatches of a case (1 the first): a later
correction would be a new sequence, never a changed row; the unique key (case, sequence, role) makes two
simultaneous «Ekspeder» of the same case fail in the database rather than both be stored.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from workbench.db.models import utcnow


class DispatchRole(StrEnum):
    MOTTAKER = "mottaker"  # the addressee: the claimant, or the fullmektig
    KOPI_NAV = "kopi_nav"  # the copy to the Nav office (underinstansen)
    KOPI_KLAGER = "kopi_klager"  # the copy to the claimant when the fullmektig is the addressee


class RecipientKind(StrEnum):
    KLAGER = "klager"
    FULLMEKTIG = "fullmektig"
    NAV_KONTOR = "nav_kontor"


class Channel(StrEnum):
    DIGITAL = "digital"  # Digital post (SvarUt/Digipost)
    POST = "post"  # Brev i posten
    UTLEVERT = "utlevert"  # handed over in person
    EPOST = "epost"  # e-mail: only to the Nav office (no taushetsbelagt letter to a private person by e-mail)


class Dispatch(SQLModel, table=True):
    """One recipient of one dispatch of the case's finalised decision letter (``letter_id``): who (``name`` and
    address as the letter was sent to them), how (``channel``), the day it was sent (``sent_on``), and who
    recorded it when."""

    __tablename__ = "dispatches"
    __table_args__ = (UniqueConstraint("case_id", "sequence", "role", name="uq_dispatches_case_sequence_role"),)

    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="cases.id", index=True)
    letter_id: int = Field(foreign_key="letters.id")
    sequence: int = Field(default=1)
    role: str = Field(max_length=20)  # DispatchRole
    recipient_kind: str = Field(max_length=20)  # RecipientKind
    name: str = Field(max_length=200)
    street: str | None = Field(default=None, max_length=200)
    postcode: str | None = Field(default=None, max_length=10)
    city: str | None = Field(default=None, max_length=100)
    channel: str = Field(max_length=20)  # Channel
    sent_on: date
    recorded_by_id: int | None = Field(default=None, foreign_key="users.id")
    recorded_at: datetime = Field(default_factory=utcnow)
