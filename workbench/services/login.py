"""Logging in and out: the use cases behind the login form, the logout button and the session check
of every request. Each is one transaction (it commits); the web layer (``web/auth``) keeps only the
cookie: Flask-Login's user id and the session token this module hands it.

* :func:`log_in` — throttling first (``login_throttle``: refused without looking at the password),
  then the password (``users.authenticate``), then a new server-side session (``sessions.start``);
  every outcome audited with the target user's id, never the name typed;
* :func:`log_out` — the server-side session ends, audited;
* :func:`check_session` — is the cookie's session live (``sessions.check``)? An idle or too old one
  ends now and is audited once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlmodel import Session

from workbench.db.models import User
from workbench.services import audit, login_throttle, sessions, users
from workbench.services.transaction import transaction


@dataclass(frozen=True)
class LoginResult:
    """``user`` and ``token`` (for the cookie) when the login succeeded; otherwise ``retry_after``
    (seconds) when the account or address is locked, or neither when the password was wrong."""

    user: User | None = None
    token: str | None = None
    retry_after: int | None = None


def _target(session: Session, username: str | None) -> str:
    """Whose account a failed login aimed at, for the audit trail: the user's id, never the name
    typed (it may be a password typed in the wrong field)."""
    user = users.get_by_username(session, username or "")
    if user is None:
        return "target=unknown"
    return f"target_user_id={user.id}" + ("" if user.active else " inactive")


def log_in(session: Session, username: str, password: str, *, secret: str, address: str | None,
           lifetime: timedelta) -> LoginResult:
    """One login attempt from ``address``. ``secret`` keys the throttle's counters (the app's
    SECRET_KEY); ``lifetime`` is the absolute session lifetime. Commits."""
    keys = login_throttle.keys(secret, username, address)
    locks = login_throttle.locks(session, keys)
    if locks:
        # Refused before the password is looked at: the same for every username, and no hash work
        # for someone hammering the form.
        retry_after = max(lock.seconds for lock in locks)
        with transaction(session):
            audit.record(session, audit.Actor.cli(), "user.login_throttled",
                         detail=_target(session, username)
                         + f" scope={'+'.join(lock.scope for lock in locks)} retry_after={retry_after}")
        return LoginResult(retry_after=retry_after)
    user = users.authenticate(session, username, password)
    if user is None:
        session.rollback()  # nothing of the attempt is kept but the count below
        with transaction(session):
            new_locks = login_throttle.record_failure(session, keys)
            target = _target(session, username)
            audit.record(session, audit.Actor.cli(), "user.login_failed", detail=target)
            for lock in new_locks:
                audit.record(session, audit.Actor.cli(), "user.login_locked",
                             detail=f"{target} scope={lock.scope} seconds={lock.seconds}")
        return LoginResult(retry_after=max((lock.seconds for lock in new_locks), default=None))
    assert user.id is not None  # a stored user
    with transaction(session):
        login_throttle.record_success(session, keys)
        token = sessions.start(session, user.id, absolute=lifetime)
        audit.record(session, audit.Actor(user_id=user.id), "user.login")
    return LoginResult(user=user, token=token)


def log_out(session: Session, token: str | None, user_id: int | None, reason: str = "logout") -> None:
    """End the server-side session of ``token`` (the cookie's), audited for ``user_id``. Commits."""
    with transaction(session):
        audit.record(session, audit.Actor(user_id=user_id), "user.logout")
        sessions.end(session, token, reason)


def check_session(session: Session, token: str | None, user_id: int, *, idle: timedelta,
                  absolute: timedelta) -> sessions.Verdict:
    """Is ``token`` a live session of ``user_id``? Ends it when it has run out (audited once) and
    refreshes ``last_seen_at`` when it is used. Commits."""
    with transaction(session):
        verdict = sessions.check(session, token, user_id, idle=idle, absolute=absolute)
        if verdict.ended_now:
            audit.record(session, audit.Actor(user_id=user_id), "user.session_expired",
                         detail=f"reason={verdict.reason}")
    return verdict
