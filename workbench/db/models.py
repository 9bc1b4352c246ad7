"""The tables. Timestamps are timezone-aware UTC (``utcnow``); days without a time are ``date``.

Naming: table names in English plural; status and role values are the Norwegian code identifiers
of the glossary (``under_behandling``, ``saksbehandler``).
"""

from __future__ import annotations

import re
import uuid
from datetime import date, datetime, UTC
from enum import StrEnum
from typing import Any, Protocol

from sqlalchemy import JSON, Column, Index, Text
from sqlmodel import Field, SQLModel


def utcnow() -> datetime:
    return datetime.now(UTC)


class _Row(Protocol):
    id: int | None


def stored_id(row: _Row) -> int:
    """The primary key of a row that is in the database (``id`` is ``None`` only before the first
    flush). ``ValueError`` for a row never stored: a programming error, not a user's."""
    if row.id is None:
        raise ValueError(f"{type(row).__name__} is not stored yet (no id)")
    return row.id


_DIGIT_RUN = re.compile(r"\d{7}")


def new_public_id() -> str:
    """Opaque id used in URLs instead of anything that could identify a person: 32 hex characters,
    never with 7 or more digits in a row (so it can never look like a fødselsnummer)."""
    while True:
        candidate = uuid.uuid4().hex
        if not _DIGIT_RUN.search(candidate):
            return candidate


class Role(StrEnum):
    SAKSBEHANDLER = "saksbehandler"
    LEDER = "leder"
    ARKIVAR = "arkivar"
    ADMIN = "admin"


ROLE_LABELS = {
    Role.SAKSBEHANDLER: "Saksbehandler",
    Role.LEDER: "Leder",
    Role.ARKIVAR: "Arkivar",
    Role.ADMIN: "Administrator",
}


class CaseStatus(StrEnum):
    MOTTATT = "mottatt"
    UNDER_BEHANDLING = "under_behandling"
    TIL_GODKJENNING = "til_godkjenning"
    FERDIGSTILT = "ferdigstilt"
    ARKIVERT = "arkivert"


#: A finished case: decided and frozen (ferdigstilt), or handed to the archive (arkivert). The one set every
#: module uses for «closed», «in the archive» and «read by an arkivar».
FINISHED = frozenset({CaseStatus.FERDIGSTILT.value, CaseStatus.ARKIVERT.value})
#: An open case: the working lists and queues hold these (in status order, for SQL's IN).
OPEN = tuple(s.value for s in CaseStatus if s.value not in FINISHED)

STATUS_LABELS = {
    CaseStatus.MOTTATT: "Mottatt",
    CaseStatus.UNDER_BEHANDLING: "Under behandling",
    CaseStatus.TIL_GODKJENNING: "Til godkjenning",
    CaseStatus.FERDIGSTILT: "Ferdigstilt",
    CaseStatus.ARKIVERT: "Arkivert",
}


class User(SQLModel, table=True):
    __tablename__ = "users"

    id: int | None = Field(default=None, primary_key=True)
    username: str = Field(max_length=64, unique=True, index=True)
    display_name: str = Field(max_length=200)
    password_hash: str = Field(max_length=255)  # argon2id
    role: str = Field(max_length=20)  # Role
    active: bool = Field(default=True)
    created_at: datetime = Field(default_factory=utcnow)
    last_login_at: datetime | None = Field(default=None)

    # Flask-Login protocol
    @property
    def is_authenticated(self) -> bool:
        return True

    @property
    def is_active(self) -> bool:
        return self.active

    @property
    def is_anonymous(self) -> bool:
        return False

    def get_id(self) -> str:
        return str(self.id)

    @property
    def role_label(self) -> str:
        return ROLE_LABELS.get(Role(self.role), self.role)


class UserSession(SQLModel, table=True):
    """One login (a browser session), kept on the server so logout, the idle timeout and the
    absolute lifetime hold even for a cookie someone saved: the cookie carries a random token whose
    SHA-256 is ``token_hash``; a row with ``ended_at`` set, or too old, lets nobody in
    (``services/sessions.py``)."""

    __tablename__ = "user_sessions"

    id: int | None = Field(default=None, primary_key=True)
    token_hash: str = Field(max_length=64, unique=True, index=True)
    user_id: int = Field(foreign_key="users.id", index=True)
    created_at: datetime = Field(default_factory=utcnow)
    last_seen_at: datetime = Field(default_factory=utcnow)
    ended_at: datetime | None = Field(default=None)
    end_reason: str | None = Field(default=None, max_length=20)  # logout, idle, absolute, …


class LoginThrottle(SQLModel, table=True):
    """Failed logins per account (the username typed, existing or not) and per client address, in
    the database so every gunicorn worker sees the same count (``services/login_throttle.py``).
    ``throttle_key`` is ``scope:`` + an HMAC of the username or address: no plain username or IP
    address is kept here."""

    __tablename__ = "login_throttle"

    id: int | None = Field(default=None, primary_key=True)
    throttle_key: str = Field(max_length=80, unique=True, index=True)
    failures: int = Field(default=0)
    last_failure_at: datetime = Field(default_factory=utcnow)
    locked_until: datetime | None = Field(default=None)


class Case(SQLModel, table=True):
    """One appeal (klagesak). ``version`` is the optimistic lock: every update says which version
    it read, and fails when another update came first (``services.cases.StaleCase``)."""

    __tablename__ = "cases"
    # The working lists (issue 15) walk ``ix_cases_open_deadline`` and ``ix_cases_open_assigned``, partial indexes of
    # the open cases in deadline order (``services/queues.DEADLINE_ORDER``). Their NULLS FIRST is PostgreSQL's alone
    # (SQLite has no such clause in an index), so they live in migration 0012, not here (migrations/env.py). The
    # status has no index of its own: SQLite, without statistics, chose one and sorted 15 000 open cases.

    id: int | None = Field(default=None, primary_key=True)
    public_id: str = Field(default_factory=new_public_id, max_length=32, unique=True, index=True)
    status: str = Field(default=CaseStatus.MOTTATT.value, max_length=20)
    nav_reference: str = Field(max_length=100)  # decision.reference, Nav's saksnummer
    nav_office: str = Field(max_length=200)
    claimant_name: str = Field(max_length=200)  # shown in lists; never in URLs or logs
    decision_date: date
    decision_kind: str = Field(max_length=20)
    received: date | None = Field(default=None, index=True)  # the day the case reached Statsforvalteren (starts the
    # 3-month target); None until given at intake or registered on the case page — never guessed (issue 13)
    received_from_document: bool = Field(default=True)  # False: given at intake or registered by the jurist
    forelopig_svar_sent: date | None = Field(default=None)
    # «på vent»: waiting for Nav or the claimant (documents asked for, a reply due); both None when not waiting
    waiting_reason: str | None = Field(default=None, max_length=300)
    waiting_until: date | None = Field(default=None, index=True)
    # the receipt check at intake (mottakskontroll): None until the jurist has answered
    documents_complete: bool | None = Field(default=None)  # Nav's case documents complete?
    urgent: bool | None = Field(default=None)  # hastesak
    deferred_execution_requested: bool | None = Field(default=None)  # utsatt iverksetting asked for (fvl. § 42)
    receipt_checked_at: datetime | None = Field(default=None)
    receipt_checked_by_id: int | None = Field(default=None, foreign_key="users.id")
    language: str = Field(default="nb", max_length=2)  # the written standard chosen at intake: nb | nn
    office_county: str | None = Field(default=None, max_length=2)  # the Nav office's county, confirmed by
    # the jurist where the import has no unit number (competence, workbench/appeal/competence.py)
    saksbehandler_id: int | None = Field(default=None, foreign_key="users.id", index=True)
    created_by_id: int | None = Field(default=None, foreign_key="users.id")
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)
    version: int = Field(default=1)


class ImportedDecision(SQLModel, table=True):
    """The contested decision: the document exactly as submitted and as parsed (normalised JSON)."""

    __tablename__ = "imported_decisions"

    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="cases.id", unique=True, index=True)
    format: str = Field(max_length=50)
    source: str = Field(max_length=20)  # upload, cli, form, api, demo
    filename: str | None = Field(default=None, max_length=255)
    raw: str = Field(sa_column=Column(Text, nullable=False))
    parsed: dict[str, Any] = Field(sa_column=Column(JSON, nullable=False))
    created_at: datetime = Field(default_factory=utcnow)


class Evaluation(SQLModel, table=True):
    """An evaluation of the imported decision by the rules engine (the output contract, as JSON).
    A case may get several over time; the newest is the current one."""

    __tablename__ = "evaluations"

    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="cases.id", index=True)
    result: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON, nullable=True))
    error: str | None = Field(default=None, max_length=500)  # set when the engine failed
    evaluated_on: date  # the "today" the engine used
    created_at: datetime = Field(default_factory=utcnow)


class AuditEvent(SQLModel, table=True):
    """Who did what, when, to which case. ``action`` is a code and ``detail`` free text that must
    never hold personal data (no names, no fødselsnummer): ids and field names only."""

    __tablename__ = "audit_events"
    __table_args__ = (Index("ix_audit_events_case_action", "case_id", "action"),)  # e.g. a case's «arkivert»

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=utcnow, index=True)
    user_id: int | None = Field(default=None, foreign_key="users.id")
    api_token_id: int | None = Field(default=None, foreign_key="api_tokens.id")
    action: str = Field(max_length=50)
    case_id: int | None = Field(default=None, foreign_key="cases.id", index=True)
    detail: str | None = Field(default=None, max_length=500)


class ApiToken(SQLModel, table=True):
    """A bearer token for one client system. Only the SHA-256 of the token is stored; ``prefix``
    (the first characters) lets an admin tell tokens apart. ``scopes``: space-separated,
    ``cases:write`` and/or ``cases:read``."""

    __tablename__ = "api_tokens"

    id: int | None = Field(default=None, primary_key=True)
    client: str = Field(max_length=100)
    prefix: str = Field(max_length=12)
    token_hash: str = Field(max_length=64, unique=True, index=True)
    scopes: str = Field(max_length=200)
    created_at: datetime = Field(default_factory=utcnow)
    created_by_id: int | None = Field(default=None, foreign_key="users.id")
    last_used_at: datetime | None = Field(default=None)
    revoked_at: datetime | None = Field(default=None)

    @property
    def scope_list(self) -> list[str]:
        return self.scopes.split()

    @property
    def active(self) -> bool:
        return self.revoked_at is None
