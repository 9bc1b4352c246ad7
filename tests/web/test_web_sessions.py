"""Sessions end on the server (workbench/services/sessions.py, workbench/web/auth/session_glue.py):
logout kills a saved copy of the cookie, the idle timeout and the absolute lifetime end a session
however it is replayed, deactivation and a new password end every session of the user; the cookie
is HttpOnly, SameSite=Lax, Secure (``__Host-``) in production and never lives 31 days.

The clock is moved by patching ``sessions.now`` (the one place sessions read the time)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import select

from workbench.config import ConfigError, from_environment
from workbench.db.models import AuditEvent, User, UserSession, utcnow
from workbench.services import sessions

MINE = "/saker/mine"


@pytest.fixture
def clock(monkeypatch):
    """clock.advance(minutes=…) moves the sessions' clock forward from the real now."""

    class Clock:
        def __init__(self):
            self.offset = timedelta()

        def advance(self, **kw):
            self.offset += timedelta(**kw)

    c = Clock()
    monkeypatch.setattr(sessions, "now", lambda: utcnow() + c.offset)
    return c


def _cookie(client, app):
    cookie = client.get_cookie(app.config["SESSION_COOKIE_NAME"])
    assert cookie is not None
    return cookie.value


def _replay(app, value):
    """A fresh browser holding a copy of the cookie value."""
    other = app.test_client()
    other.set_cookie(app.config["SESSION_COOKIE_NAME"], value)
    return other


def _goes_to_login(response) -> bool:
    return response.status_code == 302 and response.location.startswith("/auth/login")


def test_logout_kills_a_saved_copy_of_the_cookie(app, make_user, login):
    user = make_user("saksbehandler")
    c = login(app.test_client(), user)
    saved = _cookie(c, app)
    assert _replay(app, saved).get(MINE).status_code == 200  # the copy works while logged in
    assert c.post("/auth/logout").location == "/auth/login"
    assert _goes_to_login(c.get(MINE))
    assert _goes_to_login(_replay(app, saved).get(MINE)), "a cookie saved before logout still works"


def test_logout_ends_only_that_session(app, make_user, login, db):
    user = make_user("saksbehandler")
    first, second = login(app.test_client(), user), login(app.test_client(), user)
    first.post("/auth/logout")
    assert second.get(MINE).status_code == 200
    rows = db.exec(select(UserSession).where(UserSession.user_id == user.id)).all()
    assert sorted(r.end_reason or "live" for r in rows) == ["live", "logout"]


def test_idle_timeout_ends_the_session(app, make_user, login, clock, db):
    user = make_user("leder")
    c = login(app.test_client(), user)
    saved = _cookie(c, app)
    clock.advance(minutes=29)
    assert c.get(MINE).status_code == 200  # activity refreshes the session
    clock.advance(minutes=29)
    assert c.get(MINE).status_code == 200  # 58 minutes after login, 29 after the last page
    clock.advance(minutes=30, seconds=1)
    r = c.get(MINE)
    assert _goes_to_login(r)
    page = c.get(r.location).get_data(as_text=True)
    assert "ikke har gjort noe på 30 minutter" in page
    assert _goes_to_login(_replay(app, saved).get(MINE))
    # the next page does not bring it back, even if the clock were wound back
    clock.offset = timedelta()
    assert _goes_to_login(_replay(app, saved).get(MINE))
    events = db.exec(select(AuditEvent).where(AuditEvent.action == "user.session_expired")).all()
    assert [(e.user_id, e.detail) for e in events] == [(user.id, "reason=idle")]


def test_idle_timeout_is_configurable(make_app, app, make_user, login, clock):
    short = make_app(KLAGEBENK_SESSION_IDLE_MINUTES="5")
    assert short.config["SESSION_IDLE_TIMEOUT"] == timedelta(minutes=5)
    user = make_user("saksbehandler")
    c = login(short.test_client(), user)
    clock.advance(minutes=4)
    assert c.get(MINE).status_code == 200
    clock.advance(minutes=5, seconds=1)
    assert _goes_to_login(c.get(MINE))


def test_absolute_lifetime_ends_even_a_busy_session(app, make_user, login, clock):
    assert app.config["SESSION_ABSOLUTE_LIFETIME"] == timedelta(hours=12)
    user = make_user("saksbehandler")
    c = login(app.test_client(), user)
    for _ in range(28):  # a page every 25 minutes: never idle
        clock.advance(minutes=25)
        assert c.get(MINE).status_code == 200
    clock.advance(minutes=25)  # 12 h 5 min after login
    r = c.get(MINE)
    assert _goes_to_login(r)
    assert "har vært innlogget i 12 timer" in c.get(r.location).get_data(as_text=True)
    assert login(c, user).get(MINE).status_code == 200  # a new login starts a new lifetime


def test_deactivation_and_a_new_password_end_every_session(app, make_user, login, client_as, db):
    from workbench.db.session import session_for
    from workbench.services import users

    user = make_user("saksbehandler")
    a, b = login(app.test_client(), user), login(app.test_client(), user)
    admin = client_as("admin")
    assert admin.post(f"/admin/brukere/{user.id}/aktiv").status_code == 302
    assert _goes_to_login(a.get(MINE)) and _goes_to_login(b.get(MINE))
    assert admin.post(f"/admin/brukere/{user.id}/aktiv").status_code == 302  # active again
    assert _goes_to_login(a.get(MINE)), "reactivation must not revive an ended session"
    c = login(app.test_client(), user)
    with session_for(app) as s:
        users.set_password(s, s.get(User, user.id), "et-helt-nytt-og-langt-passord")
        s.commit()
    assert _goes_to_login(c.get(MINE))
    assert login(app.test_client(), user, "et-helt-nytt-og-langt-passord").get(MINE).status_code == 200


def test_login_starts_a_new_session_against_fixation(app, make_user, login):
    user = make_user("saksbehandler")
    c = app.test_client()
    with c.session_transaction() as sess:
        sess["planted"] = "by-someone-else"
    before = _cookie(c, app)
    login(c, user)
    assert _cookie(c, app) != before
    with c.session_transaction() as sess:
        assert "planted" not in sess


def test_a_forged_or_unknown_session_token_gets_nobody_in(app, make_user, login):
    user = make_user("saksbehandler")
    c = login(app.test_client(), user)
    with c.session_transaction() as sess:
        sess["_kb_session"] = "not-a-session-anyone-started"
    assert _goes_to_login(c.get(MINE))
    c = login(app.test_client(), user)
    other = make_user("leder")
    with c.session_transaction() as sess:
        sess["_user_id"] = str(other.id)  # someone else's id with my token
    assert _goes_to_login(c.get(MINE))


def test_cookie_flags_in_production_and_lifetimes(monkeypatch, tmp_path, office_env):
    monkeypatch.delenv("SESSION_COOKIE_SECURE", raising=False)
    for name in ("KLAGEBENK_MODE", "FLASK_DEBUG", "KLAGEBENK_SESSION_IDLE_MINUTES",
                 "KLAGEBENK_SESSION_MAX_HOURS"):
        monkeypatch.delenv(name, raising=False)
    cfg = from_environment(tmp_path, {"SECRET_KEY": "3f9c2a7e5b1d4c8a9e6f0b2d7a4c1e5f8b3d6a9c",
                                      "KLAGEBENK_ARCHIVE_KEY": "a" * 64, **office_env}, serving=False)
    assert cfg["KLAGEBENK_MODE"] == "production"
    assert cfg["SESSION_COOKIE_SECURE"] is True
    assert cfg["SESSION_COOKIE_HTTPONLY"] is True and cfg["SESSION_COOKIE_SAMESITE"] == "Lax"
    assert cfg["SESSION_COOKIE_NAME"] == "__Host-klagebenk"
    assert cfg["SESSION_IDLE_TIMEOUT"] == timedelta(minutes=30)
    assert cfg["PERMANENT_SESSION_LIFETIME"] == timedelta(hours=12)  # not Flask's 31 days
    monkeypatch.setenv("KLAGEBENK_SESSION_MAX_HOURS", "8")
    monkeypatch.setenv("KLAGEBENK_SESSION_IDLE_MINUTES", "15")
    cfg = from_environment(tmp_path, {"KLAGEBENK_MODE": "test"})
    assert cfg["SESSION_ABSOLUTE_LIFETIME"] == timedelta(hours=8)
    assert cfg["SESSION_IDLE_TIMEOUT"] == timedelta(minutes=15)
    for value in ("abc", "0", "-5", "inf"):
        monkeypatch.setenv("KLAGEBENK_SESSION_IDLE_MINUTES", value)
        with pytest.raises(ConfigError, match="KLAGEBENK_SESSION_IDLE_MINUTES"):
            from_environment(tmp_path, {"KLAGEBENK_MODE": "test"})


def test_the_session_cookie_sent_is_httponly_lax_secure_and_ends_with_the_browser(make_app, app,
                                                                                   make_user):
    secure = make_app(SESSION_COOKIE_SECURE=True)
    user = make_user("saksbehandler")
    r = secure.test_client().post("/auth/login", data={"username": user.username,
                                                       "password": "riktig-passord-123"},
                                  base_url="https://localhost")
    assert r.status_code == 302
    header = next(h for h in r.headers.getlist("Set-Cookie") if h.startswith("__Host-klagebenk="))
    attrs = {part.strip().split("=")[0].lower() for part in header.split(";")[1:]}
    assert {"secure", "httponly", "samesite", "path"} <= attrs
    assert "samesite=lax" in header.lower()
    assert "expires" not in attrs and "max-age" not in attrs  # gone when the browser closes
    assert "domain" not in attrs


def test_old_session_rows_are_purged_at_login(app, make_user, login, clock, db):
    user = make_user("saksbehandler")
    login(app.test_client(), user)
    clock.advance(hours=12 + 25)
    login(app.test_client(), user)
    rows = db.exec(select(UserSession).where(UserSession.user_id == user.id)).all()
    assert len(rows) == 1
