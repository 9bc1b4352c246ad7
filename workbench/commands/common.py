"""What the app-bound commands share: build the app as the web app would, refuse to touch a database
that is not migrated, print a database URL without its password; and, for the commands that take many
files (``import``, ``evaluate``), one JSON line per file and one exit status for the lot (``each_file``).

Imports stay inside the functions: ``workbench --help`` and the pure commands (``evaluate``,
``letter``) start without loading Flask's app or the database layer.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
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


# --- commands that take many files (issue 15) ------------------------------------------------------------
# A thousand documents cost one process start-up (Python, the rules' tables, the app and its engine), not a
# thousand: the files are handled one after another in one process, each on its own.

#: Exit statuses of a command over files: all done; some file failed for another reason; some file invalid.
EXIT_DONE, EXIT_OTHER, EXIT_INVALID = 0, 1, 2


class FileProblem(Exception):
    """What went wrong with one file: ``lines`` for stderr (``field: message`` each), and ``status``
    (``EXIT_INVALID`` for invalid input, ``EXIT_OTHER`` for anything else) so that the batch can tell the
    user with one exit status whether fixing the documents is enough."""

    def __init__(self, lines: list[str], status: int):
        super().__init__("; ".join(lines))
        self.lines = lines
        self.status = status


def read_document(name: str) -> bytes:
    """The file's bytes (``-``: stdin), one byte more than an import document may have, so that the one
    validation says the file is too large instead of us reading a huge file whole. Raises ``FileProblem``."""
    import sys

    from workbench.formats.import_format.bounds import MAX_DOCUMENT_BYTES

    try:
        if name == "-":
            return sys.stdin.buffer.read(MAX_DOCUMENT_BYTES + 1)
        with open(name, "rb") as fh:
            return fh.read(MAX_DOCUMENT_BYTES + 1)
    except OSError as exc:
        raise FileProblem([f"kan ikke leses: {exc.strerror}"], EXIT_OTHER) from None


def json_default(o: Any) -> Any:
    """Decimals as strings (no float rounding of money), dates in ISO form."""
    from decimal import Decimal

    if isinstance(o, Decimal):
        return str(o)
    if hasattr(o, "isoformat"):
        return o.isoformat()
    raise TypeError(type(o).__name__)


#: Fields whose values are personal data (name, fødselsnummer, birth date, address): a message about one
#: keeps its reason and loses the value it quotes.
_PERSONAL_FIELDS = ("participant", "representative")
_QUOTED_OR_DATE = re.compile(r"«.*»|[0-9]{4}-[0-9]{2}-[0-9]{2}")
#: Eleven digits anywhere (a fødselsnummer or D-nummer typed into the wrong field).
_ELEVEN_DIGITS = re.compile(r"«?(?<![0-9])[0-9]{6} ?[0-9]{5}(?![0-9])»?")


def field_line(path: str, message: str) -> str:
    """``field: message`` as the import's validation says it, without a fødselsnummer or other personal
    value the message quotes: CLI output ends up in terminals, logs and CI output that are not case files."""
    if path.split(".")[0].split("[")[0] in _PERSONAL_FIELDS:
        message = _QUOTED_OR_DATE.sub("«skjult»", message)
    return f"{path or '(dokumentet)'}: {_ELEVEN_DIGITS.sub('«skjult»', message)}"


def each_file(files: Iterable[str], handle: Callable[[str], dict[str, Any]]) -> int:
    """Run ``handle`` on every file in the order given and print one JSON line for each: ``{"file", "ok":
    true, …what handle returned}``, or ``{"file", "ok": false, "errors": n}`` with the n lines on stderr,
    each prefixed with the file's name. A file that fails does not stop the others. Returns the exit
    status: ``EXIT_OTHER`` if any file failed for a reason other than its content (a script must look),
    else ``EXIT_INVALID`` if any was invalid, else ``EXIT_DONE``."""
    worst = EXIT_DONE
    for name in files:
        try:
            line = {"file": name, "ok": True, **handle(name)}
        except FileProblem as exc:
            line = _failed(name, exc.lines)
            worst = EXIT_OTHER if EXIT_OTHER in (worst, exc.status) else EXIT_INVALID
        except Exception as exc:  # noqa: BLE001 — the others still run; the type alone, never data
            line = _failed(name, [f"feil: {type(exc).__name__}"])
            worst = EXIT_OTHER
        # ASCII: a file name that is not valid UTF-8 must not break the line (or the batch)
        click.echo(json.dumps(line, default=json_default))
    return worst


def _failed(name: str, lines: list[str]) -> dict[str, Any]:
    for text in lines:
        click.echo(f"{name}: {text}", err=True)
    return {"file": name, "ok": False, "errors": len(lines)}
