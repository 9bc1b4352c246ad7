"""Users and their roles."""

from __future__ import annotations

import re

from sqlmodel import Session, select

from workbench.db.models import Role, User, utcnow
from workbench.services import audit
from workbench.services.passwords import (MIN_LENGTH, hash_password, needs_rehash, policy_problem,
                                          verify_against_nothing, verify_password)

USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,63}$")
MIN_PASSWORD = MIN_LENGTH
#: the form label of each field a ``UserError`` can name (the CLI prints it before the message)
FIELD_LABELS = {"username": "Brukernavn", "role": "Rolle", "password": "Passord",
                "display_name": "Fullt navn"}


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


def get_by_username(session: Session, username: str) -> User | None:
    return session.exec(select(User).where(User.username == username.strip().lower())).first()


def _check_password(password: str, username: str, display_name: str | None) -> None:
    problem = policy_problem(password, user_inputs=[username, display_name or ""])
    if problem:
        raise UserError("password", problem)


def create_user(session: Session, username: str, password: str, role: str, *,
                display_name: str | None = None, actor: audit.Actor | None = None) -> User:
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
    session.add(user)
    session.flush()
    audit.record(session, actor or audit.Actor.cli(), "user.created",
                 detail=f"user_id={user.id} role={role}")
    return user


def set_password(session: Session, user: User, password: str) -> None:
    """A new password (policy checked) ends every session the user has: whoever knew the old one
    and logged in with it is out."""
    from workbench.services import sessions

    _check_password(password, user.username, user.display_name)
    user.password_hash = hash_password(password)
    session.add(user)
    sessions.end_all(session, user.id, reason="password")


def set_active(session: Session, user: User, active: bool, *, actor: audit.Actor) -> None:
    """Activate or deactivate; deactivating ends the user's sessions at once."""
    from workbench.services import sessions

    user.active = active
    session.add(user)
    if not active:
        sessions.end_all(session, user.id, reason="deactivated")
    audit.record(session, actor, "user.activated" if active else "user.deactivated",
                 detail=f"user_id={user.id}")


def authenticate(session: Session, username: str, password: str) -> User | None:
    """The active user with this username and password, else None.

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
