"""``workbench serve``: Klagebenk in production under gunicorn, with ``gunicorn.conf.py``.

Before gunicorn starts, the configuration is checked the way the app checks it when serving
(SECRET_KEY present and strong, no debug mode, the office, …) and the database must be migrated:
a mistake is one clear line and exit 1, not a traceback from every worker.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

ROOT = Path(__file__).resolve().parents[2]
GUNICORN_CONF = ROOT / "gunicorn.conf.py"


@click.command("serve")
@click.option("--bind", default=None, help="adresse:port (standard 127.0.0.1:8000, eller KLAGEBENK_BIND)")
@click.option("--workers", type=int, default=None, help="antall prosesser (standard 2 × kjerner + 1, høyst 8)")
@click.option("--check", "check_only", is_flag=True, help="bare sjekk konfigurasjonen og databasen")
def serve(bind: str | None, workers: int | None, check_only: bool) -> None:
    """Kjør Klagebenk i produksjon med gunicorn (gunicorn.conf.py)."""
    from workbench.commands.common import make_app, require_migrated, safe_url
    from workbench.config import ConfigError

    try:
        app = make_app()
    except ConfigError as exc:
        raise click.ClickException(str(exc)) from None
    require_migrated(app)
    from workbench.db.session import engine_for

    engine_for(app).dispose()
    mode = app.config["KLAGEBENK_MODE"]
    click.echo(f"Klagebenk ({mode}) – database {safe_url(app.config['DATABASE_URL'])}", err=True)
    if mode == "production" and not app.config["SESSION_COOKIE_SECURE"]:
        click.echo("Advarsel: SESSION_COOKIE_SECURE er av – innloggingen sendes da også over HTTP. "
                   "Bruk det bare bak HTTPS eller for en lokal prøve.", err=True)
    if check_only:
        click.echo("Konfigurasjonen og databasen er i orden.")
        return
    args = [sys.executable, "-m", "gunicorn", "--config", str(GUNICORN_CONF)]
    if bind:
        args += ["--bind", bind]
    if workers:
        args += ["--workers", str(workers)]
    sys.stdout.flush()
    sys.stderr.flush()
    # gunicorn takes over this process (its signals, its exit code: a supervisor sees gunicorn)
    os.execv(sys.executable, args)
