"""The archive's search index (issue 15): one row per finished case, written when the case is finalised
(``workbench.services.archive_index``), so a search never reads a letter's PDF or a review's JSON.

The columns that are filtered exactly (dates, outcome, references, the fødselsnummer) are plain indexed
columns. The words are kept as *tokens*: the text folded by the project (``archive_index.tokens``: case,
accents, æ/ø/å) and split into words, so the database only matches words it was given — no stemming, no
tokenizer of its own that could differ between SQLite and PostgreSQL. The full-text index over the four
token columns is the database's own, made by migration 0010: an FTS5 table with triggers on SQLite, a
generated ``tsvector`` column with a GIN index on PostgreSQL (neither is a model column: Alembic's
comparison skips them, ``migrations/env.py``).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Column, ForeignKey, Index, Integer, Text
from sqlmodel import Field, SQLModel


class ArchiveSearch(SQLModel, table=True):
    __tablename__ = "archive_search"
    # the archive's order (the latest decision first, the case id breaking ties): a page is an index walk
    __table_args__ = (Index("ix_archive_search_decision_order", "decision_date", "case_id"),)

    case_id: int = Field(sa_column=Column(Integer, ForeignKey("cases.id"), primary_key=True, autoincrement=False))
    decision_date: date  # Nav's decision date: the archive's order and date filter
    finalized_at: datetime | None = Field(default=None, index=True)
    outcome: str | None = Field(default=None, max_length=40, index=True)  # the chosen outcome's code
    our_reference: str | None = Field(default=None, max_length=50, index=True)  # «Vår referanse», trimmed
    fnr: str | None = Field(default=None, max_length=11, index=True)  # the claimant's, as imported or corrected
    name_tokens: str = Field(default="", sa_column=Column(Text, nullable=False, server_default=""))
    reference_tokens: str = Field(default="", sa_column=Column(Text, nullable=False, server_default=""))
    office_tokens: str = Field(default="", sa_column=Column(Text, nullable=False, server_default=""))
    # the other words of the case: the outcome's label, the provisions, the letter's text (distinct tokens)
    text_tokens: str = Field(default="", sa_column=Column(Text, nullable=False, server_default=""))
