"""Login throttling (workbench/services/login_throttle.py): per account and per client address,
back-off that doubles, kept in the database (every worker sees it), a clear Norwegian message,
audited; and the same hash work — exactly one argon2 verification — for an unknown username, a
deactivated user and a wrong password, counted on the real hasher (not timed).

The throttle's clock is moved by patching ``login_throttle.now``."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import select

from workbench.db.models import AuditEvent, LoginThrottle, User, utcnow
from workbench.services import login_throttle, passwords

PASSWORD = "riktig-passord-123"
WRONG = "feil-passord-999"
LOCKED = "For mange mislykkede innloggingsforsøk"


@pytest.fixture
def clock(monkeypatch):
    class Clock:
        offset = timedelta()

        def advance(self, **kw):
            self.offset += timedelta(**kw)

    c = Clock()
    monkeypatch.setattr(login_throttle, "now", lambda: utcnow() + c.offset)
    return c


class CountingHasher:
    """The real argon2 hasher, counting ``verify`` calls."""

    def __init__(self, inner):
        self.inner = inner
        self.verifications = 0

    def verify(self, password_hash, password):
        self.verifications += 1
        return self.inner.verify(password_hash, password)

    def __getattr__(self, name):
        return getattr(self.inner, name)


@pytest.fixture
def hasher(app, monkeypatch):
    counting = CountingHasher(passwords._hasher)
    monkeypatch.setattr(passwords, "_hasher", counting)
    return counting


def _post(client, username, password, address="10.0.0.1"):
    return client.post("/auth/login", data={"username": username, "password": password},
                       environ_base={"REMOTE_ADDR": address})


def _actions(db, prefix="user.login"):
    return [(e.action, e.detail) for e in db.exec(select(AuditEvent).order_by(AuditEvent.id))
            if e.action.startswith(prefix)]


# --- per account -----------------------------------------------------------------------------

def test_five_failures_lock_the_account_with_a_clear_message(app, make_user, clock, db):
    user = make_user("saksbehandler", username="kari")
    c = app.test_client()
    for _ in range(4):
        r = _post(c, "kari", WRONG)
        assert r.status_code == 401 and "Feil brukernavn eller passord" in r.get_data(as_text=True)
    r = _post(c, "kari", WRONG)
    assert r.status_code == 429 and r.headers["Retry-After"] == "30"
    assert f"{LOCKED}. Vent 30 sekunder og prøv igjen." in r.get_data(as_text=True)
    # locked: even the right password is refused until the lock opens
    r = _post(c, "kari", PASSWORD)
    assert r.status_code == 429 and LOCKED in r.get_data(as_text=True)
    assert int(r.headers["Retry-After"]) <= 30
    clock.advance(seconds=31)
    assert _post(c, "kari", PASSWORD).status_code == 302
    events = _actions(db)
    assert events.count(("user.login_failed", f"target_user_id={user.id}")) == 5
    assert ("user.login_locked", f"target_user_id={user.id} scope=account seconds=30") in events
    assert any(a == "user.login_throttled" and d.startswith(f"target_user_id={user.id} scope=account")
               for a, d in events)
    assert "kari" not in " ".join(d or "" for _a, d in events)  # ids, never the name typed


def test_back_off_doubles_up_to_fifteen_minutes(app, make_user, clock):
    make_user("saksbehandler", username="kari")
    c = app.test_client()
    for _ in range(4):
        _post(c, "kari", WRONG)
    waits = []
    for _ in range(8):
        r = _post(c, "kari", WRONG)
        assert r.status_code == 429
        waits.append(int(r.headers["Retry-After"]))
        clock.advance(seconds=waits[-1] + 1)
    assert waits == [30, 60, 120, 240, 480, 900, 900, 900]
    assert "Vent 15 minutter" in r.get_data(as_text=True)


def test_a_successful_login_clears_the_account_counter(app, make_user, clock):
    make_user("saksbehandler", username="kari")
    c = app.test_client()
    for _ in range(4):
        _post(c, "kari", WRONG)
    assert _post(c, "kari", PASSWORD).status_code == 302
    c.post("/auth/logout")
    for _ in range(4):
        assert _post(c, "kari", WRONG).status_code == 401


def test_failures_are_forgiven_with_time(app, make_user, clock):
    make_user("saksbehandler", username="kari")
    c = app.test_client()
    for _ in range(4):
        _post(c, "kari", WRONG)
    clock.advance(hours=1)  # one failure forgiven every 15 minutes of quiet
    for _ in range(4):
        assert _post(c, "kari", WRONG).status_code == 401
    assert _post(c, "kari", WRONG).status_code == 429


def test_an_unknown_username_is_throttled_exactly_like_a_real_one(app, make_user, clock):
    make_user("saksbehandler", username="kari")
    c = app.test_client()
    real = [_post(c, "kari", WRONG).status_code for _ in range(6)]
    unknown = [_post(c, "finnes-ikke", WRONG).status_code for _ in range(6)]
    assert real == unknown == [401, 401, 401, 401, 429, 429]


def test_the_username_is_matched_as_the_login_matches_it(app, make_user, clock):
    make_user("saksbehandler", username="kari")
    c = app.test_client()
    for name in ("kari", "KARI", " Kari", "kari ", "kAri"):
        _post(c, name, WRONG)
    assert _post(c, "kari", PASSWORD).status_code == 429


# --- per address -----------------------------------------------------------------------------

def test_many_usernames_from_one_address_lock_that_address(app, make_user, clock, db):
    user = make_user("saksbehandler", username="kari")
    c = app.test_client()
    for i in range(19):
        assert _post(c, f"gjett-{i}", WRONG, address="203.0.113.9").status_code == 401
    r = _post(c, "gjett-19", WRONG, address="203.0.113.9")
    assert r.status_code == 429 and LOCKED in r.get_data(as_text=True)
    # the address is locked for everyone behind it, the account itself is not
    assert _post(c, "kari", PASSWORD, address="203.0.113.9").status_code == 429
    assert _post(c, "kari", PASSWORD, address="198.51.100.7").status_code == 302
    assert ("user.login_locked", "target=unknown scope=address seconds=30") in _actions(db)
    any_throttled = [d for a, d in _actions(db) if a == "user.login_throttled"]
    assert any_throttled == [f"target_user_id={user.id} scope=address retry_after=30"]


def test_a_valid_login_does_not_reset_the_address_counter(app, make_user, clock):
    make_user("saksbehandler", username="kari")
    c = app.test_client()
    for i in range(19):
        _post(c, f"gjett-{i}", WRONG, address="203.0.113.9")
    assert _post(c, "kari", PASSWORD, address="203.0.113.9").status_code == 302
    c.post("/auth/logout")
    assert _post(c, "gjett-x", WRONG, address="203.0.113.9").status_code == 429


def test_an_office_behind_one_address_survives_a_day_of_typos(app, make_user, clock):
    """20 failures lock an address, but one is forgiven each minute: a colleague's typo every few
    minutes all day never locks the office out."""
    make_user("saksbehandler", username="kari")
    c = app.test_client()
    for i in range(100):
        assert _post(c, f"kollega-{i % 40}", WRONG, address="192.0.2.50").status_code == 401
        clock.advance(minutes=2)
    assert _post(c, "kari", PASSWORD, address="192.0.2.50").status_code == 302


# --- shared by every worker, nothing personal stored ----------------------------------------

def test_the_lock_is_in_the_database_so_another_worker_sees_it(make_app, app, make_user, clock, db):
    make_user("saksbehandler", username="kari")
    worker_a, worker_b = app, make_app()
    for i in range(5):
        _post((worker_a if i % 2 else worker_b).test_client(), "kari", WRONG)
    assert _post(worker_b.test_client(), "kari", PASSWORD).status_code == 429
    assert _post(worker_a.test_client(), "kari", PASSWORD).status_code == 429
    keys = [row.throttle_key for row in db.exec(select(LoginThrottle))]
    assert sorted(k.split(":")[0] for k in keys) == ["account", "address"]
    assert not any("kari" in k or "10.0.0.1" in k for k in keys)


def test_the_client_address_comes_from_the_proxy_only_when_configured(make_app, app, make_user, clock):
    make_user("saksbehandler", username="kari")
    direct, proxied = app, make_app(KLAGEBENK_PROXY_COUNT="1")

    def attempts(flask_app, forwarded_for):
        c = flask_app.test_client()
        return [c.post("/auth/login", data={"username": f"x{i}", "password": WRONG},
                       environ_base={"REMOTE_ADDR": "127.0.0.1"},
                       headers={"X-Forwarded-For": f"{forwarded_for}{i}"}).status_code
                for i in range(20)]

    # behind one proxy each client has its own address: 20 clients, no lock
    assert 429 not in attempts(proxied, "198.51.100.")
    # without the setting a forged header is ignored: all 20 come from 127.0.0.1
    assert attempts(direct, "203.0.113.")[-1] == 429


# --- the same work for every failure ---------------------------------------------------------

def test_exactly_one_hash_verification_for_every_kind_of_login(app, make_user, hasher, db):
    make_user("saksbehandler", username="kari")
    gone = make_user("leder", username="lars")
    row = db.get(User, gone.id)
    row.active = False
    db.add(row)
    db.commit()
    cases = [("unknown username", "finnes-ikke", PASSWORD, 401),
             ("deactivated, right password", "lars", PASSWORD, 401),
             ("deactivated, wrong password", "lars", WRONG, 401),
             ("wrong password", "kari", WRONG, 401),
             ("right password", "kari", PASSWORD, 302)]
    for label, username, password, status in cases:
        before = hasher.verifications
        r = _post(app.test_client(), username, password, address=f"10.1.0.{len(label)}")
        assert r.status_code == status, label
        assert hasher.verifications - before == 1, f"{label}: {hasher.verifications - before} verifications"


def test_authenticate_itself_verifies_once_whatever_the_fault(app, make_user, hasher, db):
    from workbench.services import users

    make_user("saksbehandler", username="kari")
    gone = make_user("leder", username="lars")
    row = db.get(User, gone.id)
    row.active = False
    db.add(row)
    db.commit()
    for username, password in [("finnes-ikke", PASSWORD), ("lars", PASSWORD), ("lars", WRONG),
                               ("kari", WRONG), ("kari", PASSWORD), ("", "")]:
        before = hasher.verifications
        users.authenticate(db, username, password)
        db.rollback()
        assert hasher.verifications - before == 1, (username, password)


def test_a_locked_attempt_does_no_hash_work_whoever_it_names(app, make_user, hasher, clock):
    make_user("saksbehandler", username="kari")
    c = app.test_client()
    for name in ("kari", "finnes-ikke"):
        for _ in range(5):
            _post(c, name, WRONG)
        before = hasher.verifications
        assert _post(c, name, PASSWORD).status_code == 429
        assert hasher.verifications == before, name
