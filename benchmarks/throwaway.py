"""A throwaway database for a benchmark: a SQLite file in the run's folder, or a fresh PostgreSQL database
on the server PGHOST/PGPORT/PGUSER name (default postgres@127.0.0.1:5432, trust auth), dropped afterwards.

Shared by benchmarks/scale.py and benchmarks/load.py (run as scripts: this folder is on their path)."""

from __future__ import annotations

import os
import random
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def _admin() -> tuple[str, str]:
    host, port, user = (os.environ.get("PGHOST", "127.0.0.1"), os.environ.get("PGPORT", "5432"),
                        os.environ.get("PGUSER", "postgres"))
    return f"host={host} port={port} user={user} dbname=postgres connect_timeout=3", f"{user}@{host}:{port}"


@contextmanager
def database(kind: str, work: Path, *, prefix: str, keep: bool = False) -> Iterator[str | None]:
    """The SQLAlchemy URL of a new, empty database of ``kind`` ("sqlite" or "postgres"), or None (said on
    stdout) when there is no PostgreSQL server. Dropped on leaving unless ``keep`` (then its URL is printed)."""
    if kind != "postgres":
        url = f"sqlite:///{work / 'klagebenk.sqlite'}"
        yield url
        if keep:
            print(f"kept: DATABASE_URL={url}")
        return
    import psycopg

    admin, server = _admin()
    name = f"{prefix}_{os.getpid()}_{random.randrange(10**6)}"
    try:
        with psycopg.connect(admin, autocommit=True) as c:
            c.execute(f'CREATE DATABASE "{name}"')
    except psycopg.OperationalError as exc:
        print(f"\nPostgreSQL: skipped — no server at {server} ({str(exc).strip().splitlines()[0]})")
        yield None
        return
    url = f"postgresql+psycopg://{server.split('@')[0]}@{server.split('@')[1]}/{name}"
    try:
        yield url
    finally:
        if keep:
            print(f"kept: DATABASE_URL={url}")
        else:
            try:
                with psycopg.connect(admin, autocommit=True) as c:
                    c.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            except psycopg.Error as exc:
                print(f"could not drop the throwaway database {name}: {exc}")
