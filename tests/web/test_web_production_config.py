"""Production refuses to serve with a weak SECRET_KEY or in debug mode (workbench/config.py), each
with an error naming the variable; ``workbench serve --check`` says the same before gunicorn starts."""

from __future__ import annotations

import os
import secrets
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from workbench.config import ConfigError, from_environment, secret_key_problem

ROOT = Path(__file__).resolve().parents[2]
STRONG = "3f9c2a7e5b1d4c8a9e6f0b2d7a4c1e5f8b3d6a9c2e7f1b4d"
WEAK = ["a", "x" * 40, "changeme" * 4, "abcdefghijklmnopqrstuvwxyz0123456789",
        "klagebenk-klagebenk-klagebenk-2024", "test-secret-key"]


@pytest.fixture
def production_env(monkeypatch, office_env):
    """A complete production environment (no mode set, the office, an archive key)."""
    for name in ("KLAGEBENK_MODE", "FLASK_DEBUG", "SECRET_KEY", "SESSION_COOKIE_SECURE"):
        monkeypatch.delenv(name, raising=False)
    env = dict(office_env, KLAGEBENK_ARCHIVE_KEY=secrets.token_hex(32))
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return env


@pytest.mark.parametrize("key", WEAK)
def test_production_refuses_a_weak_secret_key(production_env, tmp_path, key):
    with pytest.raises(ConfigError, match=r"^SECRET_KEY (is too short|has too little entropy|is guessable)"):
        from_environment(tmp_path, {"SECRET_KEY": key})


def test_a_random_key_is_accepted_and_only_production_serving_is_strict(production_env, tmp_path):
    for _ in range(200):  # no false alarms on real random keys
        assert secret_key_problem(secrets.token_hex(16)) is None
        assert secret_key_problem(secrets.token_urlsafe(32)) is None
    assert from_environment(tmp_path, {"SECRET_KEY": STRONG})["SECRET_KEY"] == STRONG
    # commands that serve no page do not use the key; demo and test mode are not production
    assert from_environment(tmp_path, {"SECRET_KEY": "a"}, serving=False)
    assert from_environment(tmp_path, {"SECRET_KEY": "a", "KLAGEBENK_MODE": "demo"})
    assert from_environment(tmp_path, {"SECRET_KEY": "a", "KLAGEBENK_MODE": "test"})


def test_production_refuses_debug_mode(production_env, monkeypatch, tmp_path):
    monkeypatch.setenv("FLASK_DEBUG", "1")
    with pytest.raises(ConfigError, match="^FLASK_DEBUG is set: production never serves in debug mode"):
        from_environment(tmp_path, {"SECRET_KEY": STRONG})
    with pytest.raises(ConfigError, match="FLASK_DEBUG"):
        from_environment(tmp_path, {"SECRET_KEY": STRONG, "DEBUG": True})
    assert from_environment(tmp_path, {"SECRET_KEY": STRONG, "KLAGEBENK_MODE": "demo"})
    assert from_environment(tmp_path, {"SECRET_KEY": STRONG}, serving=False)
    monkeypatch.setenv("FLASK_DEBUG", "0")
    assert from_environment(tmp_path, {"SECRET_KEY": STRONG})


def test_create_app_refuses_debug_mode_in_production(production_env, monkeypatch, database_url):
    from workbench.app import create_app

    monkeypatch.setenv("FLASK_DEBUG", "1")
    with pytest.raises(ConfigError, match="FLASK_DEBUG"):
        create_app({"SECRET_KEY": STRONG, "DATABASE_URL": database_url})


def test_workbench_run_debug_is_refused_in_production(production_env, database_url, tmp_path):
    env = dict(os.environ, SECRET_KEY=STRONG, DATABASE_URL=database_url)
    out = subprocess.run([str(ROOT / ".venv" / "bin" / "workbench"), "run", "--debug", "--port", "5999"],
                         env=env, capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert out.returncode != 0
    assert "FLASK_DEBUG is set: production never serves in debug mode" in out.stderr


def test_serve_check_names_the_variable(production_env, database_url, app):
    from workbench.cli import main

    def serve_check(**env):
        return CliRunner().invoke(main, ["serve", "--check"],
                                  env={"DATABASE_URL": database_url, "SECRET_KEY": STRONG, **env})

    r = serve_check(SECRET_KEY="a")
    assert r.exit_code == 1 and "Error: SECRET_KEY is too short" in r.output
    r = serve_check(FLASK_DEBUG="1")
    assert r.exit_code == 1 and "Error: FLASK_DEBUG is set" in r.output
    r = serve_check()
    assert r.exit_code == 0, r.output
    assert "Konfigurasjonen og databasen er i orden." in r.output
