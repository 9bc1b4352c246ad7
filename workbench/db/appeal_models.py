"""Tables for deciding the appeal and writing the letter (issues 5 and 6).

Kept apart from ``models`` (import, users, audit) so each area's storage is found in one place.
Every edit to a case goes through the case's optimistic lock (``cases.version``), so two jurists
editing the same case never silently lose an edit.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, Column, Index, LargeBinary, Text
from sqlmodel import Field, SQLModel

from workbench.db.models import utcnow


class CaseReview(SQLModel, table=True):
    """What the jurist has recorded on a case: ``recorded`` is ``rules.outcome.Recorded.to_json()``
    (late appeal admitted, reformatio conditions, § 48 findings, ⚖ answers, reclassifications,
    chosen outcome); ``argument_answers`` the answer to each of the claimant's arguments
    (``[{"index": 0, "answer": "…"}]``); ``current_document`` the import document after fact
    corrections (``None`` = the document as imported — the original is never changed)."""

    __tablename__ = "case_reviews"

    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="cases.id", unique=True, index=True)
    recorded: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    argument_answers: list[Any] = Field(default_factory=list,
                                        sa_column=Column(JSON, nullable=False))
    current_document: dict[str, Any] | None = Field(default=None,
                                                       sa_column=Column(JSON, nullable=True))
    updated_at: datetime = Field(default_factory=utcnow)
    updated_by_id: int | None = Field(default=None, foreign_key="users.id")


class FactCorrection(SQLModel, table=True):
    """One corrected fact: which field or list item (import path), changed, added or removed (``op``), from
    what, to what, why, where the fact comes from (``source``: «klagers brev 12.03.2026»), by whom."""

    __tablename__ = "fact_corrections"

    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="cases.id", index=True)
    path: str = Field(max_length=200)
    op: str = Field(default="change", max_length=10)  # change | add | remove
    old_value: Any | None = Field(default=None, sa_column=Column(JSON, nullable=True))
    new_value: Any | None = Field(default=None, sa_column=Column(JSON, nullable=True))
    reason: str = Field(sa_column=Column(Text, nullable=False))
    source: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    by_id: int | None = Field(default=None, foreign_key="users.id")
    at: datetime = Field(default_factory=utcnow)


class LetterStatus(StrEnum):
    UTKAST = "utkast"
    TIL_GODKJENNING = "til_godkjenning"
    RETURNERT = "returnert"
    GODKJENT = "godkjent"
    FERDIGSTILT = "ferdigstilt"


class Letter(SQLModel, table=True):
    """The decision letter (vedtak i klagesak) of a case. ``blocks`` holds the jurist's edited
    assessment text blocks (sanitised HTML, nh3 allow-list) by block key; every figure comes from
    the evaluation at render time. ``pdf`` is set when finalised (PDF/A, frozen, with SHA-256)."""

    __tablename__ = "letters"
    __table_args__ = (Index("ix_letters_status", "status"),  # the «Returnert» queue
                      # the decided cases of a year by their decision date, with the case to join (the
                      # processing-time figures, services/oversight.py; migration 0013)
                      Index("ix_letters_decided", "status", "our_date", "case_id"))

    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="cases.id", unique=True, index=True)
    language: str = Field(default="nb", max_length=2)
    status: str = Field(default=LetterStatus.UTKAST.value, max_length=20)
    blocks: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    our_reference: str | None = Field(default=None, max_length=50)
    our_date: date | None = Field(default=None)
    pdf: bytes | None = Field(default=None, sa_column=Column(LargeBinary, nullable=True))
    pdf_sha256: str | None = Field(default=None, max_length=64)
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)
    finalized_at: datetime | None = Field(default=None)
    finalized_by_id: int | None = Field(default=None, foreign_key="users.id")


class ApprovalEvent(SQLModel, table=True):
    """The two-person flow: sent to the leader, approved, returned with a comment, finalised."""

    __tablename__ = "approval_events"

    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="cases.id", index=True)
    letter_id: int | None = Field(default=None, foreign_key="letters.id")
    action: str = Field(max_length=30)  # sendt_til_godkjenning, godkjent, returnert, ferdigstilt
    comment: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    by_id: int | None = Field(default=None, foreign_key="users.id")
    at: datetime = Field(default_factory=utcnow)


class ArchiveChainEntry(SQLModel, table=True):
    """One link of the archive's hash chain (``workbench/services/integrity.py``): written when a
    case is finalised, it records the SHA-256 of each of the case's documents (``documents``:
    kind → hex digest, the kinds listed in ``integrity.DOCUMENT_KINDS``), the previous link's hash
    (``prev_hash``), its own hash over all of that (``entry_hash``) and an HMAC of that hash under
    a key kept outside the database (``mac``, ``key_id`` names the key). Whoever can write to the
    database but does not hold the key cannot change a document, a digest or a link unnoticed."""

    __tablename__ = "archive_chain"

    id: int | None = Field(default=None, primary_key=True)
    seq: int = Field(unique=True, index=True)  # 1, 2, 3 … without gaps
    case_id: int = Field(foreign_key="cases.id", index=True)
    created_at: datetime = Field(default_factory=utcnow)
    documents: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    prev_hash: str = Field(max_length=64)
    entry_hash: str = Field(max_length=64, unique=True)
    mac: str = Field(max_length=64)
    key_id: str = Field(max_length=16)


class ArchiveChainHead(SQLModel, table=True):
    """The newest link of the chain, signed (one row, ``id`` 1). Locked while a link is added, so
    two finalisations at once queue instead of forking the chain; its HMAC makes a silently
    dropped last link visible."""

    __tablename__ = "archive_chain_head"

    id: int | None = Field(default=None, primary_key=True)
    seq: int = Field(default=0)
    entry_hash: str = Field(max_length=64)
    mac: str = Field(max_length=64)
    key_id: str = Field(max_length=16)
    updated_at: datetime = Field(default_factory=utcnow)
