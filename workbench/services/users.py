"""Users and their roles."""

from __future__ import annotations

import re

from sqlmodel import Session, select

from workbench.db.models import Role, User, utcnow
from workbench.services import audit
from workbench.services.passwords import hash_password, needs_rehash, verify_password

USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,63}$")
MIN_PASSWORD = 10


class UserError(ValueError):
    def __init__(self, field: str, message: str):
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


def get_by_username(session: Session, username: str) -> User | None:
    return session.exec(select(User).where(User.username == username.strip().lower())).first()


def create_user(session: Session, username: str, password: str, role: str, *,
                display_name: str | None = None, actor: audit.Actor | None = None) -> User:
    username = username.strip().lower()
    if not USERNAME.match(username):
        raise UserError("username", "Brukernavnet kan bare ha små bokstaver a–z, tall, punktum, "
                                    "bindestrek og understrek (2–64 tegn).")
    if role not in {r.value for r in Role}:
        raise UserError("role", f"Ukjent rolle. Velg en av: {', '.join(r.value for r in Role)}.")
    if len(password) < MIN_PASSWORD:
        raise UserError("password", f"Passordet må ha minst {MIN_PASSWORD} tegn.")
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
    if len(password) < MIN_PASSWORD:
        raise UserError("password", f"Passordet må ha minst {MIN_PASSWORD} tegn.")
    user.password_hash = hash_password(password)
    session.add(user)


def authenticate(session: Session, username: str, password: str) -> User | None:
    """The active user with this username and password, else None (same answer for both faults)."""
    user = get_by_username(session, username or "")
    if user is None:
        verify_password(_dummy_hash(), password or "")  # spend the same time either way
        return None
    if not user.active or not verify_password(user.password_hash, password or ""):
        return None
    if needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    user.last_login_at = utcnow()
    session.add(user)
    return user


def list_users(session: Session) -> list[User]:
    return list(session.exec(select(User).order_by(User.username)))


_dummy: dict[str, str] = {}


def _dummy_hash() -> str:
    from workbench.services import passwords

    key = repr(passwords._hasher.time_cost) + repr(passwords._hasher.memory_cost)
    if key not in _dummy:
        _dummy[key] = hash_password("not-a-real-password-just-timing")
    return _dummy[key]
