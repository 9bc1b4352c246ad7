"""README «Running in production», followed step by step by scripts/production_check.sh: a fresh
clone, a new venv, a throwaway PostgreSQL database, migrate, a user, gunicorn on a loopback port,
login with curl, pg_dump and pg_restore into a second database, stop."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "production_check.sh"


def _missing() -> str | None:
    for tool in ("git", "curl", "psql", "createdb", "dropdb", "pg_dump", "pg_restore"):
        if shutil.which(tool) is None:
            return f"{tool} is not installed"
    try:
        import psycopg

        with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", connect_timeout=3):
            return None
    except Exception as exc:  # noqa: BLE001 - any failure means: skip, saying why
        return f"no PostgreSQL at postgres@127.0.0.1:5432: {type(exc).__name__}"


@pytest.mark.slow
@pytest.mark.postgres
def test_the_production_section_of_the_readme_works_from_a_fresh_clone():
    reason = _missing()
    if reason:
        pytest.skip(reason)
    # A working tree with changes not yet committed is checked as it is; a clean one (CI) as cloned.
    dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT,
                           capture_output=True, text=True).stdout.strip()
    args = ["bash", str(SCRIPT)] + (["--from-tree"] if dirty else [])
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("KLAGEBENK_", "FLASK_", "SESSION_")) and k not in {"SECRET_KEY", "DATABASE_URL"}}
    out = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=900)
    assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-3000:]
    assert out.stdout.rstrip().endswith("production check: OK")
    for step in ("1/9", "4/9", "6/9", "7/9", "8/9", "9/9"):
        assert f"== {step} " in out.stdout
