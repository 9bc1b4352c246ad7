"""The application factory and its configuration; login, logout, CSRF, security headers."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from workbench.config import ConfigError, from_environment

ROOT = Path(__file__).resolve().parents[2]


def test_secret_key_is_required_in_production(monkeypatch, tmp_path, office_env):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.delenv("KLAGEBENK_MODE", raising=False)
    with pytest.raises(ConfigError, match="SECRET_KEY"):
        from_environment(tmp_path, {})
    assert from_environment(tmp_path, {"KLAGEBENK_MODE": "demo"})["SECRET_KEY"]
    assert from_environment(tmp_path, {"KLAGEBENK_MODE": "test"})["SECRET_KEY"]
    strong = "3f9c2a7e5b1d4c8a9e6f0b2d7a4c1e5f8b3d6a9c2e7f1b4d"  # weak keys: test_web_sessions.py
    monkeypatch.setenv("SECRET_KEY", strong)
    for name, value in office_env.items():  # production serves only with its own office
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("KLAGEBENK_ARCHIVE_KEY", "a" * 40)  # … and its archive key (tests/archive)
    cfg = from_environment(tmp_path, {})
    assert cfg["SECRET_KEY"] == strong and cfg["SESSION_COOKIE_SECURE"] is True


def test_database_url_defaults_to_sqlite_in_the_instance_folder(monkeypatch, tmp_path):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    cfg = from_environment(tmp_path, {"KLAGEBENK_MODE": "test"})
    assert cfg["DATABASE_URL"] == f"sqlite:///{tmp_path}/klagebenk.sqlite"
    monkeypatch.setenv("DATABASE_URL", "postgresql://u@h:5432/d")
    assert from_environment(tmp_path, {"KLAGEBENK_MODE": "test"})["DATABASE_URL"] == \
        "postgresql+psycopg://u@h:5432/d"


def test_templates_and_static_are_found_from_any_working_directory(tmp_path, database_url):
    code = ("from workbench import create_app\n"
            f"app = create_app({{'KLAGEBENK_MODE': 'test', 'DATABASE_URL': {database_url!r}}})\n"
            "c = app.test_client()\n"
            "r = c.get('/auth/login'); assert r.status_code == 200 and 'Logg inn' in r.get_data(as_text=True)\n"
            "assert c.get('/static/css/klagebenk.css').status_code == 200\n"
            "print('ok')\n")
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True,
                         text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok"


def test_login_and_logout(app, make_user):
    user = make_user("saksbehandler", username="kari")
    c = app.test_client()
    r = c.post("/auth/login", data={"username": "kari", "password": "feil-passord"})
    assert r.status_code == 401 and "Feil brukernavn eller passord" in r.get_data(as_text=True)
    r = c.post("/auth/login?next=https://evil.example/", data={"username": "kari",
                                                             "password": "riktig-passord-123"})
    assert r.status_code == 302 and r.location == "/saker/mine"
    assert c.get("/saker/mine").status_code == 200
    assert c.post("/auth/logout").location == "/auth/login"
    assert c.get("/saker/mine").status_code == 302
    assert user.password_hash.startswith("$argon2id$")


def test_deactivated_user_cannot_log_in(app, make_user, db):
    from workbench.db.models import User

    user = make_user("leder", username="lars")
    row = db.get(User, user.id)
    row.active = False
    db.add(row)
    db.commit()
    r = app.test_client().post("/auth/login", data={"username": "lars", "password": "riktig-passord-123"})
    assert r.status_code == 401


@pytest.fixture
def csrf_app(make_app, app):
    return make_app(WTF_CSRF_ENABLED=True)


def test_every_form_needs_a_csrf_token(csrf_app, make_user):
    make_user("saksbehandler", username="sara")
    c = csrf_app.test_client()
    r = c.post("/auth/login", data={"username": "sara", "password": "riktig-passord-123"})
    assert r.status_code == 400  # no token
    page = c.get("/auth/login").get_data(as_text=True)
    import re

    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    r = c.post("/auth/login", data={"username": "sara", "password": "riktig-passord-123",
                                    "csrf_token": token})
    assert r.status_code == 302
    # logged in, a POST without the token is still refused
    assert c.post("/import/skjema", data={"decision.reference": "x"}).status_code == 400
    assert c.post("/auth/logout").status_code == 400


def test_security_headers_and_no_cdn(client_as):
    r = client_as("saksbehandler").get("/import/skjema")
    csp = r.headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp
    assert r.headers["X-Frame-Options"] == "DENY"
    page = r.get_data(as_text=True)
    assert "http://" not in page.replace("http://www.w3.org", "") and "https://" not in page
    assert '<html lang="nb">' in page and 'href="#main"' in page


def test_user_add_command(app, database_url, db):
    from click.testing import CliRunner

    from workbench.cli import main
    from workbench.services.users import get_by_username

    r = CliRunner().invoke(main, ["user", "add", "nora", "--role", "arkivar", "--password",
                                  "et-langt-passord"],
                           env={"DATABASE_URL": database_url, "KLAGEBENK_MODE": "test"})
    assert r.exit_code == 0, r.output
    assert get_by_username(db, "nora").role == "arkivar"
    r = CliRunner().invoke(main, ["user", "add", "nora2", "--role", "admin", "--password", "kort"],
                           env={"DATABASE_URL": database_url, "KLAGEBENK_MODE": "test"})
    assert r.exit_code != 0 and "minst 10 tegn" in r.output


def test_demo_command_prepares_users_and_the_demo_case(tmp_path):
    env = dict(os.environ, DATABASE_URL=f"sqlite:///{tmp_path}/demo.sqlite")
    env.pop("SECRET_KEY", None)
    out = subprocess.run([str(ROOT / ".venv" / "bin" / "workbench"), "demo", "--no-serve"],
                         env=env, capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert "http://127.0.0.1:5000/" in out.stdout
    for role in ("saksbehandler", "leder", "arkivar", "admin"):
        assert role in out.stdout
    assert "/saker/" in out.stdout
    again = subprocess.run([str(ROOT / ".venv" / "bin" / "workbench"), "demo", "--no-serve"],
                           env=env, capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    import sqlite3

    with sqlite3.connect(tmp_path / "demo.sqlite") as conn:
        assert conn.execute("select count(*) from cases").fetchone()[0] == 1
        assert conn.execute("select count(*) from users").fetchone()[0] == 4


def test_warm_up_compiles_every_template_before_the_workers_fork(make_app):
    """gunicorn.conf.when_ready calls warm_up in the master: every page template and the letter's are compiled
    there, so a forked worker renders its first page without compiling it (issue 14's load goal)."""
    from workbench.app import warm_up
    from workbench.letters.render import environment

    app = make_app()
    pages = [n for n in app.jinja_env.list_templates() if n.endswith(".html")]
    assert "cases/list.html" in pages and "review/show.html" in pages
    assert warm_up(app) >= len(pages) + 1
    cached = {key[1] for key in app.jinja_env.cache.keys()}
    assert set(pages) <= cached
    assert "letter.html.j2" in {key[1] for key in environment().cache.keys()}
