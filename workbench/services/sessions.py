"""Login sessions kept on the server (``user_sessions``).

The signed session cookie carries a random token; the row with the token's SHA-256 decides whether
the cookie still logs anyone in. That is what makes three rules hold for a cookie that was copied or
saved (ASVS V3.3):

- **logout** ends the row: the same cookie sent again afterwards finds an ended session;
- **idle timeout** (``KLAGEBENK_SESSION_IDLE_MINUTES``, 30): a session not used for that long ends;
- **absolute lifetime** (``KLAGEBENK_SESSION_MAX_HOURS``, 12): a session ends that long after login
  however busy it is.

A password change or a deactivation ends all of the user's sessions. ``last_seen_at`` is written at
most every ``TOUCH_EVERY`` (not on every page), so the idle timeout is exact to within that.
Only this module reads the clock for sessions (``now``), so tests can move it.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, update
from sqlmodel import Session, col, select

from workbench.db.models import UserSession, utcnow

TOUCH_EVERY = timedelta(seconds=30)
#: a session row is deleted this long after it can last have been used (logins are in the audit trail)
KEEP_ENDED = timedelta(days=1)


def now() -> datetime:
    return utcnow()


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Verdict:
    """What a cookie's token is worth now. ``ended_now``: this check ended it (idle/absolute), so
    the caller audits it once; a later replay of the same cookie finds it ended already."""

    valid: bool
    reason: str | None = None  # why not: unknown, logout, idle, absolute, password, deactivated
    ended_now: bool = False


def start(session: Session, user_id: int, *, absolute: timedelta) -> str:
    """A new session for ``user_id``; returns the token to put in the (signed) cookie."""
    purge(session, absolute=absolute)
    token = secrets.token_urlsafe(32)
    moment = now()
    session.add(UserSession(token_hash=_hash(token), user_id=user_id, created_at=moment,
                            last_seen_at=moment))
    return token


def check(session: Session, token: str | None, user_id: int, *, idle: timedelta,
          absolute: timedelta) -> Verdict:
    """Is ``token`` a live session of ``user_id``? Ends it when it has run out; refreshes
    ``last_seen_at`` when it is used. The caller commits."""
    if not token:
        return Verdict(False, "unknown")
    row = session.exec(select(UserSession).where(UserSession.token_hash == _hash(token))).first()
    if row is None or row.user_id != user_id:
        return Verdict(False, "unknown")
    if row.ended_at is not None:
        return Verdict(False, row.end_reason or "ended")
    moment = now()
    reason = None
    if moment - row.created_at >= absolute:
        reason = "absolute"
    elif moment - row.last_seen_at >= idle:
        reason = "idle"
    if reason:
        row.ended_at, row.end_reason = moment, reason
        session.add(row)
        return Verdict(False, reason, ended_now=True)
    if moment - row.last_seen_at >= TOUCH_EVERY:
        row.last_seen_at = moment
        session.add(row)
    return Verdict(True)


def end(session: Session, token: str | None, reason: str) -> None:
    if not token:
        return
    session.exec(update(UserSession)
                 .where(col(UserSession.token_hash) == _hash(token), col(UserSession.ended_at).is_(None))
                 .values(ended_at=now(), end_reason=reason))


def end_all(session: Session, user_id: int | None, reason: str) -> None:
    if user_id is None:
        return
    session.exec(update(UserSession)
                 .where(col(UserSession.user_id) == user_id, col(UserSession.ended_at).is_(None))
                 .values(ended_at=now(), end_reason=reason))


def purge(session: Session, *, absolute: timedelta) -> None:
    """Delete rows that can no longer log anyone in (older than the absolute lifetime, plus a day)."""
    session.exec(delete(UserSession).where(col(UserSession.created_at) < now() - absolute - KEEP_ENDED))


def live_count(session: Session, user_id: int) -> int:
    return len(session.exec(select(UserSession.id).where(col(UserSession.user_id) == user_id,
                                                         col(UserSession.ended_at).is_(None))).all())
