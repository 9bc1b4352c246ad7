"""Flask-Login bound to the server-side sessions of ``workbench/services/sessions.py``.

Flask-Login keeps the user id in the signed cookie; we keep a random session token beside it
(``SESSION_TOKEN``). ``load_user`` lets a request in only when that token names a live session of
that user — so logout, the idle timeout and the absolute lifetime end a session on the server, and a
saved copy of the cookie is worth nothing afterwards.
"""

from __future__ import annotations

from datetime import timedelta

from flask import current_app, flash, g, redirect, request, session, url_for
from sqlmodel import Session
from werkzeug.wrappers import Response

from workbench.db.models import User
from workbench.db.session import db_session, engine_for
from workbench.services import login

SESSION_TOKEN = "_kb_session"

#: why a session ended → what the login page says
END_MESSAGES = {
    "idle": "Du ble logget ut fordi du ikke har gjort noe på {idle}. Logg inn igjen.",
    "absolute": "Du ble logget ut fordi du har vært innlogget i {lifetime}. Logg inn igjen.",
    "deactivated": "Brukeren din er deaktivert.",
    "password": "Passordet ditt er endret. Logg inn med det nye passordet.",
}


def _limits() -> tuple[timedelta, timedelta]:
    config = current_app.config
    return config["SESSION_IDLE_TIMEOUT"], config["SESSION_ABSOLUTE_LIFETIME"]


def _duration_text(delta: timedelta) -> str:
    minutes = int(delta.total_seconds() // 60)
    if minutes % 60 == 0 and minutes >= 60:
        hours = minutes // 60
        return "1 time" if hours == 1 else f"{hours} timer"
    return "1 minutt" if minutes == 1 else f"{minutes} minutter"


def load_user(user_id: str) -> User | None:
    """Flask-Login's user loader: the user, if the cookie's session is live on the server."""
    try:
        uid = int(user_id)
    except (TypeError, ValueError):
        return None
    idle, lifetime = _limits()
    # Its own session: the check may end or refresh the session row, and that is committed now
    # (login.check_session is its own transaction), whatever the view does with the request's session.
    with Session(engine_for(), expire_on_commit=False) as s:
        verdict = login.check_session(s, session.get(SESSION_TOKEN), uid, idle=idle, absolute=lifetime)
    if not verdict.valid:
        session.clear()
        g.session_end_reason = verdict.reason
        return None
    user = db_session().get(User, uid)
    if user is None or not user.active:
        session.clear()
        g.session_end_reason = "deactivated"
        return None
    return user


def unauthorized() -> Response:
    """No live session: to the login page, saying why when the session ran out."""
    reason = g.pop("session_end_reason", None)
    idle, lifetime = _limits()
    message = END_MESSAGES.get(reason)
    if message:
        flash(message.format(idle=_duration_text(idle), lifetime=_duration_text(lifetime)), "info")
    else:
        flash("Logg inn for å se denne siden.", "info")
    target = request.full_path.rstrip("?") if request.method == "GET" else None
    return redirect(url_for("auth.login", next=target) if target and target != "/" else url_for("auth.login"))


def log_in(s: Session, username: str, password: str) -> login.LoginResult:
    """A login attempt (``services.login.log_in``: throttle, password, server-side session; it
    commits). On success a fresh cookie (nothing carried over from before login, against session
    fixation) carrying the new session's token."""
    from flask_login import login_user

    _idle, lifetime = _limits()
    result = login.log_in(s, username, password, secret=current_app.config["SECRET_KEY"],
                          address=request.remote_addr, lifetime=lifetime)
    if result.user is not None:
        session.clear()
        login_user(result.user)
        session[SESSION_TOKEN] = result.token
    return result


def finish(s: Session, user_id: int | None, reason: str = "logout") -> None:
    """Logout: the server-side session ends (``services.login.log_out``, which commits), the cookie
    is emptied."""
    from flask_login import logout_user

    login.log_out(s, session.get(SESSION_TOKEN), user_id, reason)
    logout_user()
    session.clear()
