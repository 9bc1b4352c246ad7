"""Engine and sessions. One engine per app (``app.extensions["klagebenk_engine"]``); one session
per request (``db_session()``), closed at teardown. Services take a ``Session`` argument, so the
CLI and tests use ``session_for(app)`` the same way."""

from __future__ import annotations

from contextlib import contextmanager
from collections.abc import Iterator

from flask import Flask, current_app, g
from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlmodel import Session, create_engine

EXT_KEY = "klagebenk_engine"


def make_engine(url: str) -> Engine:
    # hide_parameters: an error (or echo) never writes a statement's values — a claimant's name or
    # fødselsnummer — into the log or an exception's text; the SQL alone is shown.
    kwargs: dict = {"pool_pre_ping": True, "hide_parameters": True}
    if url.startswith("sqlite"):
        kwargs["connect_args"] = {"check_same_thread": False, "timeout": 15}
    elif url.startswith("postgresql"):
        # No JIT: the app's queries are short, and PostgreSQL compiled the menu's counts at 100 000 cases
        # for 260 ms of a 300 ms query (benchmarks/scale.py).
        kwargs["connect_args"] = {"options": "-c jit=off"}
    engine = create_engine(url, **kwargs)
    if url.startswith("sqlite"):
        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection, _record):  # pragma: no cover - trivial
            cur = dbapi_connection.cursor()
            cur.execute("PRAGMA foreign_keys=ON")
            cur.close()
    return engine


def init_app(app: Flask) -> None:
    app.extensions[EXT_KEY] = make_engine(app.config["DATABASE_URL"])
    app.teardown_appcontext(_close_session)


def engine_for(app: Flask | None = None) -> Engine:
    return (app or current_app).extensions[EXT_KEY]


def db_session() -> Session:
    """The session of the current request (or app context)."""
    if "db_session" not in g:
        g.db_session = Session(engine_for(), expire_on_commit=False)
    return g.db_session


def _close_session(_exc: BaseException | None) -> None:
    session = g.pop("db_session", None)
    if session is not None:
        session.close()


@contextmanager
def session_for(app: Flask) -> Iterator[Session]:
    with Session(engine_for(app), expire_on_commit=False) as session:
        yield session
