"""The side letters of an appeal case, journalled (issue 13): every letter Statsforvalteren sends while the
appeal is open, besides the decision itself.

- the **foreløpig svar** (interim reply) and the **forsinkelsesmelding** (delay notice): forvaltningsloven
  § 11 a — when an answer takes time, say why and when it can be expected (appeals.md §7);
- the **varsel** before a change to the claimant's detriment: forvaltningsloven § 34 second paragraph;
- the **request to Nav** for missing documents.

A row is the journal entry: who sent what to whom, in which written standard, with which promised or reply
date, and the PDF/A exactly as produced with its SHA-256. Rows are only ever added, never changed
(``workbench.services.side_letters``).
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import Column, LargeBinary
from sqlmodel import Field, SQLModel

from workbench.db.models import utcnow


class SideLetterKind(StrEnum):
    FORELOPIG_SVAR = "forelopig_svar"
    FORSINKELSESMELDING = "forsinkelsesmelding"
    DOKUMENTANMODNING = "dokumentanmodning"  # a request to the Nav office for missing documents
    VARSEL_UGUNST = "varsel_ugunst"  # fvl. § 34: notice before a change to the claimant's detriment


class OutgoingLetter(SQLModel, table=True):
    """One journalled side letter. ``promised_date``: the day Statsforvalteren expects to decide (foreløpig
    svar, forsinkelsesmelding); ``reply_date``: the day a reply is asked for (request to Nav, § 34 varsel)."""

    __tablename__ = "outgoing_letters"

    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="cases.id", index=True)
    kind: str = Field(max_length=30)  # SideLetterKind
    language: str = Field(max_length=2)  # nb | nn: the case's written standard when it was sent
    recipient: str = Field(max_length=200)  # whom the letter is addressed to (claimant, fullmektig, Nav office)
    copy_to: str | None = Field(default=None, max_length=400)  # «Kopi til», names joined by «; »
    our_reference: str = Field(max_length=50)
    our_date: date
    promised_date: date | None = Field(default=None)
    reply_date: date | None = Field(default=None)
    pdf: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    pdf_sha256: str = Field(max_length=64)
    created_by_id: int | None = Field(default=None, foreign_key="users.id")
    created_at: datetime = Field(default_factory=utcnow)
