"""Root fixtures: a real database (SQLite file, or a throwaway PostgreSQL database when
DATABASE_URL names one), the app on it, clients logged in per role, cases imported from files.

Fixtures others can use:
  database_url      the URL of this test session's database (migrated with Alembic)
  make_app          make_app(**config) -> another app on the same database (e.g. CSRF on)
  app               the app on that database, tables emptied before each test (CSRF off)
  client            an anonymous test client
  make_user         make_user("leder", username=None, password=PASSWORD) -> User
  login             login(client, user, password=PASSWORD) -> client
  client_as         client_as("saksbehandler") -> a test client logged in as a new user of that role
  import_case       import_case("D06.json", assign_to=None, origin="cli") -> Case (via the one import); the
                    test's apps then are the embete of the case's Nav office (``serve_embete_of``)
  serve_embete      serve_embete("rogaland" | a document) -> the embete key every test app now is
  demo_case         the demo case (docs/cases/demo-omsorgsstonad.json), assigned to nobody
  db                a SQLModel Session on the app's database
  row_counts        row_counts() -> {"cases": n, "imported_decisions": n, "evaluations": n, "audit_events": n}
  api_token         api_token("cases:read", "cases:write") -> bearer token text
  office_env        a complete KLAGEBENK_OFFICE_* configuration (not the demo office), name → value
"""

from __future__ import annotations

import os
import uuid
import weakref
from pathlib import Path

import pytest

CASES_DIR = Path(__file__).resolve().parents[1] / "docs" / "cases"
PASSWORD = "riktig-passord-123"
TABLES_IN_DELETE_ORDER = ("import_provenance", "case_documents",
                          "archive_search", "dispatches", "outgoing_letters", "archive_chain", "archive_chain_head",
                          "approval_events", "letters",
                          "fact_corrections", "case_reviews", "audit_events", "evaluations",
                          "imported_decisions", "cases", "api_tokens", "user_sessions",
                          "login_throttle", "users")


def _is_postgres(url: str) -> bool:
    return url.startswith(("postgresql", "postgres:"))


@pytest.fixture(scope="session")
def database_url(tmp_path_factory):
    """A fresh, migrated database for this test session (per xdist worker)."""
    from workbench.config import normalise_database_url
    from workbench.db.migrate import upgrade

    env_url = os.environ.get("DATABASE_URL", "")
    if env_url and _is_postgres(env_url):
        import psycopg
        from sqlalchemy.engine import make_url

        base = make_url(normalise_database_url(env_url))
        name = f"klagebenk_test_{os.getpid()}_{uuid.uuid4().hex[:8]}"
        admin_dsn = base.set(drivername="postgresql", database="postgres").render_as_string(
            hide_password=False)
        with psycopg.connect(admin_dsn, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        url = base.set(database=name).render_as_string(hide_password=False)
        try:
            upgrade(url)
            yield url
        finally:
            from sqlalchemy import create_engine  # noqa: F401  (engines are disposed by the app)

            with psycopg.connect(admin_dsn, autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    else:
        path = tmp_path_factory.mktemp("db") / "klagebenk-test.sqlite"
        url = f"sqlite:///{path}"
        upgrade(url)
        yield url


#: Every app the tests made, with the embete it was configured as (``serve_embete_of`` changes it for a test).
TEST_APPS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def make_test_app(database_url: str, **overrides):
    from workbench.app import create_app
    from workbench.config import EMBETE_VAR

    config = {"KLAGEBENK_MODE": "test", "DATABASE_URL": database_url,
              "SECRET_KEY": "test-secret-key", "WTF_CSRF_ENABLED": False,
              "SESSION_COOKIE_SECURE": False}
    config.update(overrides)
    app = create_app(config)
    TEST_APPS[app] = app.config[EMBETE_VAR]
    return app


def serve_embete_of(document_or_key, monkeypatch) -> str | None:
    """Tests configure the embete that fits each case (issue 12, competence): every test app, and library
    use outside an app (``KLAGEBENK_EMBETE``), becomes the Statsforvalter whose area the document's Nav
    office lies in (``competence.embete_for_unit`` of ``nav_office.unit_number``), or the embete named.
    A document without a known unit number changes nothing. Undone after the test (``app``, monkeypatch)."""
    from workbench.appeal import competence
    from workbench.config import EMBETE_VAR

    if isinstance(document_or_key, str):
        key = document_or_key
    else:
        embete = competence.embete_for_unit((document_or_key.get("nav_office") or {}).get("unit_number"))
        if embete is None:
            return None
        key = embete.key
    for test_app in list(TEST_APPS):
        test_app.config[EMBETE_VAR] = key
    monkeypatch.setenv(EMBETE_VAR, key)
    return key


@pytest.fixture(scope="session")
def make_app(database_url):
    """make_app(**config) -> another app on this session's database (e.g. WTF_CSRF_ENABLED=True)."""
    return lambda **overrides: make_test_app(database_url, **overrides)


@pytest.fixture(scope="session")
def _session_app(database_url):
    app = make_test_app(database_url)
    yield app
    from workbench.db.session import engine_for

    engine_for(app).dispose()


def empty_tables(app) -> None:
    from sqlalchemy import text

    from workbench.db.session import engine_for

    with engine_for(app).begin() as conn:
        for table in TABLES_IN_DELETE_ORDER:
            conn.execute(text(f"DELETE FROM {table}"))


@pytest.fixture
def app(_session_app):
    from workbench.config import EMBETE_VAR

    empty_tables(_session_app)
    for test_app, configured in list(TEST_APPS.items()):  # the embete each app was made with
        test_app.config[EMBETE_VAR] = configured
    return _session_app


@pytest.fixture
def serve_embete(app, monkeypatch):
    """serve_embete("rogaland") or serve_embete(document) -> the embete key the test's apps now are."""
    return lambda document_or_key: serve_embete_of(document_or_key, monkeypatch)


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def db(app):
    from workbench.db.session import session_for

    with session_for(app) as session:
        yield session


@pytest.fixture
def make_user(app):
    from workbench.db.session import session_for
    from workbench.services import users

    def _make(role: str, username: str | None = None, password: str = PASSWORD):
        username = username or f"{role}-{uuid.uuid4().hex[:6]}"
        with session_for(app) as s:
            user = users.create_user(s, username, password, role,
                                     display_name=f"Test {role.capitalize()}")
            s.commit()
            return user

    return _make


@pytest.fixture
def login():
    def _login(client, user, password: str = PASSWORD):
        response = client.post("/auth/login", data={"username": user.username, "password": password})
        assert response.status_code == 302, response.get_data(as_text=True)[:500]
        return client

    return _login


@pytest.fixture
def client_as(app, make_user, login):
    def _client_as(role: str):
        user = make_user(role)
        c = app.test_client()
        login(c, user)
        c.user = user
        return c

    return _client_as


@pytest.fixture
def import_case(app, monkeypatch):
    import json

    from workbench.db.session import session_for
    from workbench.services import audit
    from workbench.services import cases as case_service

    def _import(name: str, *, assign_to=None, origin: str = "cli", received="today"):
        """``received``: the day the case reached Statsforvalteren, as confirmed at intake (the worked cases
        carry none): today unless given; None leaves it unregistered."""
        from datetime import date

        path = CASES_DIR / name
        with session_for(app) as s:
            case = case_service.import_document(s, path.read_bytes(), origin=origin,
                                                actor=audit.Actor.cli(), filename=path.name,
                                                assign_to=assign_to,
                                                received=date.today() if received == "today" else received)
        serve_embete_of(json.loads(path.read_text(encoding="utf-8")), monkeypatch)
        return case

    return _import


@pytest.fixture
def pin_today(app):
    """pin_today("2026-01-10"): the app's «today» (workbench.services.clock, test mode), for this test."""
    def _pin(day: str):
        app.config["KLAGEBENK_TODAY"] = day

    yield _pin
    app.config.pop("KLAGEBENK_TODAY", None)


@pytest.fixture
def demo_case(import_case):
    return import_case("demo-omsorgsstonad.json")


@pytest.fixture
def row_counts(app):
    from workbench.db.session import session_for
    from workbench.services import cases as case_service

    def _counts():
        with session_for(app) as s:
            return case_service.counts(s)

    return _counts


@pytest.fixture
def api_token(app):
    from workbench.db.session import session_for
    from workbench.services import api_tokens

    def _token(*scopes: str, client: str = "Testklient"):
        with session_for(app) as s:
            _row, value = api_tokens.create_token(s, client, list(scopes))
            s.commit()
            return value

    return _token


#: A complete office configuration that is not the demo office (the org. no. has a valid check digit).
OFFICE_ENV = {
    "KLAGEBENK_OFFICE_NAME_NB": "Statsforvalteren i Rogaland",
    "KLAGEBENK_OFFICE_NAME_NN": "Statsforvaltaren i Rogaland",
    "KLAGEBENK_OFFICE_POSTAL_ADDRESS": "Postboks 59 Sentrum, 4001 Stavanger",
    "KLAGEBENK_OFFICE_VISITING_ADDRESS": "Statens hus, Lagårdsveien 44, Stavanger",
    "KLAGEBENK_OFFICE_PHONE": "51 56 87 00",
    "KLAGEBENK_OFFICE_ORG_NO": "974763230",
    "KLAGEBENK_OFFICE_EMAIL": "sfropost@statsforvalteren.no",
}


@pytest.fixture
def office_env(monkeypatch) -> dict:
    """The KLAGEBENK_OFFICE_* variables of a configured office; none of them is in the environment."""
    for name in OFFICE_ENV:
        monkeypatch.delenv(name, raising=False)
    return dict(OFFICE_ENV)

