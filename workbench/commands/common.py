"""What the app-bound commands share: build the app as the web app would, refuse to touch a database
that is not migrated, print a database URL without its password.

Imports stay inside the functions: ``workbench --help`` and the pure commands (``evaluate``,
``letter``) start without loading Flask's app or the database layer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:  # pragma: no cover
    from flask import Flask


def make_app(overrides: dict[str, Any] | None = None) -> Flask:
    """The app as ``create_app`` builds it (it reads DATABASE_URL and the rest from the environment)."""
    from workbench.app import create_app

    return create_app(overrides)


def require_migrated(app: Flask) -> None:
    """Stop with a clear message unless the database is at the newest migration."""
    from alembic.script import ScriptDirectory

    from workbench.db.migrate import alembic_config, current_heads

    url = app.config["DATABASE_URL"]
    heads = set(ScriptDirectory.from_config(alembic_config(url)).get_heads())
    if current_heads(url) != heads:
        raise click.ClickException("Databasen er ikke oppdatert. Kjør `workbench db upgrade` først.")


def migrated_app() -> Flask:
    """``make_app()`` for a command that reads or writes cases: the database must be migrated."""
    app = make_app()
    require_migrated(app)
    return app


def safe_url(url: str) -> str:
    """The database URL to print: the password hidden."""
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)
