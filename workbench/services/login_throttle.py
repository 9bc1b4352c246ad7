"""Login throttling per account and per client address, with back-off (ASVS V2.2.1).

Each failed login adds one to two counters: the account (the username as typed, whether or not it
exists — so throttling never tells which usernames are real) and the client address. A counter
leaks: one failure is forgiven every ``leak`` of quiet, so a colleague's typo in the morning does not
count in the afternoon. When a counter reaches ``free`` failures it locks: ``base`` seconds, doubled
for every failure past that, at most ``cap``. While either counter is locked a login is refused
without looking at the password (no hash work, the same for every username).

The address gets many more failures than an account because a whole office may reach Klagebenk
from one address (NAT); it is there to stop one machine trying many usernames.

The counters live in ``login_throttle`` so every gunicorn worker shares them. Keys are an HMAC of the
username or address with the app's SECRET_KEY: the table holds neither. A successful login clears
the account's counter, never the address's (a valid account must not reset an attacker's address).
Only this module reads the clock for throttling (``now``), so tests can move it.
"""

from __future__ import annotations

import hashlib
import hmac
import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from workbench.db.models import LoginThrottle, utcnow


@dataclass(frozen=True)
class Rule:
    free: int  # failures before the first lock
    leak: timedelta  # one failure forgiven per this much quiet
    base: timedelta  # the first lock
    cap: timedelta  # the longest lock


RULES = {
    "account": Rule(free=5, leak=timedelta(minutes=15), base=timedelta(seconds=30), cap=timedelta(minutes=15)),
    "address": Rule(free=20, leak=timedelta(minutes=1), base=timedelta(seconds=30), cap=timedelta(minutes=15)),
}


def now() -> datetime:
    return utcnow()


@dataclass(frozen=True)
class Lock:
    scope: str  # account or address
    seconds: int  # until it opens


def keys(secret: str, username: str, address: str | None) -> dict[str, str]:
    """scope → ``throttle_key`` for this attempt."""
    def key(scope: str, value: str) -> str:
        mac = hmac.new(secret.encode("utf-8"), f"{scope}\x00{value}".encode(), hashlib.sha256)
        return f"{scope}:{mac.hexdigest()}"

    return {"account": key("account", (username or "").strip().lower()),
            "address": key("address", address or "unknown")}


def _row(session: Session, key: str, *, for_update: bool = False) -> LoginThrottle | None:
    query = select(LoginThrottle).where(LoginThrottle.throttle_key == key)
    if for_update:  # PostgreSQL: two workers counting the same key wait for each other
        query = query.with_for_update()
    return session.exec(query).first()


def locks(session: Session, throttle_keys: dict[str, str]) -> list[Lock]:
    """The locks in force for this attempt (none: go ahead and check the password)."""
    moment = now()
    found = []
    for scope, key in throttle_keys.items():
        row = _row(session, key)
        if row is not None and row.locked_until is not None and row.locked_until > moment:
            found.append(Lock(scope, math.ceil((row.locked_until - moment).total_seconds())))
    return found


def lock_seconds(rule: Rule, failures: int) -> int:
    """How long a counter at ``failures`` stays locked (0: not locked)."""
    if failures < rule.free:
        return 0
    seconds = rule.base.total_seconds() * 2 ** min(failures - rule.free, 20)
    return int(min(seconds, rule.cap.total_seconds()))


def record_failure(session: Session, throttle_keys: dict[str, str]) -> list[Lock]:
    """Count a failed login on every key; returns the locks this failure set. The caller commits."""
    moment = now()
    new_locks = []
    for scope, key in throttle_keys.items():
        rule = RULES[scope]
        row = _row(session, key, for_update=True)
        if row is None:
            row = LoginThrottle(throttle_key=key, failures=0, last_failure_at=moment)
            try:
                with session.begin_nested():  # another worker may insert the same key at once
                    session.add(row)
            except IntegrityError:
                row = _row(session, key, for_update=True)
                assert row is not None  # the other worker's row, which made ours fail
        forgiven = int((moment - row.last_failure_at) / rule.leak) if row.failures else 0
        row.failures = max(0, row.failures - forgiven) + 1
        row.last_failure_at = moment
        seconds = lock_seconds(rule, row.failures)
        if seconds:
            row.locked_until = moment + timedelta(seconds=seconds)
            new_locks.append(Lock(scope, seconds))
        session.add(row)
    return new_locks


def record_success(session: Session, throttle_keys: dict[str, str]) -> None:
    session.exec(delete(LoginThrottle).where(col(LoginThrottle.throttle_key) == throttle_keys["account"]))


def wait_text(seconds: int) -> str:
    """«30 sekunder», «1 minutt», «15 minutter»."""
    if seconds < 60:
        return f"{seconds} sekund" if seconds == 1 else f"{seconds} sekunder"
    minutes = math.ceil(seconds / 60)
    return "1 minutt" if minutes == 1 else f"{minutes} minutter"
