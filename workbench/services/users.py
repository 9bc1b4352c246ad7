"""Users and their roles. ``create_user``, ``set_password``, ``set_active`` and ``provide`` are use
cases (each commits); ``authenticate`` is a step of logging in (``services/login.py``)."""

from __future__ import annotations

import re

from sqlmodel import Session, select

from workbench.db.models import Role, User, utcnow
from workbench.services import audit
from workbench.services.transaction import transaction
from workbench.services.passwords import (MIN_LENGTH, hash_password, needs_rehash, policy_problem,
                                          verify_against_nothing, verify_password)

USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,63}$")
MIN_PASSWORD = MIN_LENGTH
#: the form label of each field a ``UserError`` can name (the CLI prints it before the message)
FIELD_LABELS = {"username": "Brukernavn", "role": "Rolle", "password": "Passord",
                "display_name": "Fullt navn", "active": "Aktiv"}


class UserError(ValueError):
    def __init__(self, field: str, message: str):
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message

    @property
    def label(self) -> str:
        return FIELD_LABELS.get(self.field, self.field)

    def for_humans(self) -> str:
        """``Feltnavn: melding`` — the password policy's messages name «Passord» already."""
        if self.message.startswith(f"{self.label}:"):
            return self.message
        return f"{self.label}: {self.message}"


def get_user(session: Session, user_id: int) -> User | None:
    return session.get(User, user_id)


def get_by_username(session: Session, username: str) -> User | None:
    return session.exec(select(User).where(User.username == username.strip().lower())).first()


def _check_password(password: str, username: str, display_name: str | None) -> None:
    problem = policy_problem(password, user_inputs=[username, display_name or ""])
    if problem:
        raise UserError("password", problem)


def create_user(session: Session, username: str, password: str, role: str, *,
                display_name: str | None = None, actor: audit.Actor | None = None) -> User:
    """A new user (username, role and password policy checked: ``UserError`` naming the field). Commits."""
    username = username.strip().lower()
    if not USERNAME.match(username):
        raise UserError("username", "Brukernavnet kan bare ha små bokstaver a–z, tall, punktum, "
                                    "bindestrek og understrek (2–64 tegn).")
    if role not in {r.value for r in Role}:
        raise UserError("role", f"Ukjent rolle. Velg en av: {', '.join(r.value for r in Role)}.")
    _check_password(password, username, display_name)
    if get_by_username(session, username):
        raise UserError("username", "Brukernavnet er allerede i bruk.")
    user = User(username=username, display_name=(display_name or username).strip(),
                password_hash=hash_password(password), role=role)
    with transaction(session):
        session.add(user)
        session.flush()
        audit.record(session, actor or audit.Actor.cli(), "user.created",
                     detail=f"user_id={user.id} role={role}")
    return user


def set_password(session: Session, user: User, password: str) -> None:
    """A new password (policy checked) ends every session the user has: whoever knew the old one
    and logged in with it is out. Commits."""
    _check_password(password, user.username, user.display_name)
    with transaction(session):
        _set_password(session, user, password)


def _set_password(session: Session, user: User, password: str) -> None:
    from workbench.services import sessions

    user.password_hash = hash_password(password)
    session.add(user)
    sessions.end_all(session, user.id, reason="password")


def provide(session: Session, username: str, password: str, role: str, *, display_name: str) -> User:
    """The user ``username`` with this password and role, active: created, or the existing one reset
    (``workbench demo`` gives its users new passwords on every run). Commits."""
    user = get_by_username(session, username)
    if user is None:
        return create_user(session, username, password, role, display_name=display_name)
    _check_password(password, user.username, user.display_name)
    with transaction(session):
        _set_password(session, user, password)
        user.role, user.active = role, True
        session.add(user)
    return user


def set_active(session: Session, user: User, active: bool, *, actor: audit.Actor) -> None:
    """Activate or deactivate; deactivating ends the user's sessions at once. Nobody deactivates
    themselves (``UserError``). Commits."""
    from workbench.services import sessions

    if not active and actor.user_id is not None and actor.user_id == user.id:
        raise UserError("active", "Du kan ikke deaktivere deg selv.")
    with transaction(session):
        user.active = active
        session.add(user)
        if not active:
            sessions.end_all(session, user.id, reason="deactivated")
        audit.record(session, actor, "user.activated" if active else "user.deactivated",
                     detail=f"user_id={user.id}")


def authenticate(session: Session, username: str, password: str) -> User | None:
    """The active user with this username and password, else None. A step of logging in
    (``services.login.log_in`` commits what it changes: a rehashed password, ``last_login_at``).

    Exactly one argon2 verification whatever the fault — unknown username, deactivated user, wrong
    password — so neither the answer nor the work tells which usernames exist or are active."""
    user = get_by_username(session, username or "")
    if user is None:
        verify_against_nothing(password or "")
        return None
    if not verify_password(user.password_hash, password or "") or not user.active:
        return None
    if needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    user.last_login_at = utcnow()
    session.add(user)
    return user


def list_users(session: Session) -> list[User]:
    return list(session.exec(select(User).order_by(User.username)))
