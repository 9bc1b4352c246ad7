"""App commands: ``demo``, ``db upgrade|check``, ``user add``, ``token add``, ``import FILE…``,
``serve`` (gunicorn, ``workbench/commands/serve.py``).

Each builds the app itself (``create_app``) so it reads DATABASE_URL like the web app does. None of
them needs SECRET_KEY except ``demo``, which makes a random one.
"""

from __future__ import annotations

import secrets
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import click

from workbench.commands.common import (
    EXIT_INVALID,
    FileProblem,
    each_file,
    field_line,
    make_app,
    migrated_app,
    read_document,
    safe_url,
)

if TYPE_CHECKING:  # pragma: no cover
    from sqlmodel import Session

    from workbench.db.models import Case, User

DEMO_CASE = Path(__file__).resolve().parent.parent / "demo" / "demo-omsorgsstonad.json"
DEMO_USERS = [
    ("saksbehandler", "Sara Saksbehandler", "saksbehandler"),
    ("leder", "Lars Leder", "leder"),
    ("arkivar", "Anne Arkivar", "arkivar"),
    ("admin", "Ada Admin", "admin"),
]


def register(group: click.Group) -> None:
    group.add_command(demo)
    group.add_command(db)
    group.add_command(user)
    group.add_command(token)
    group.add_command(import_command)
    from workbench.commands.serve import serve

    group.add_command(serve)


@click.group()
def db() -> None:
    """Databasen: migreringer (Alembic)."""


@db.command("upgrade")
@click.option("--revision", default="head", show_default=True)
def db_upgrade(revision: str) -> None:
    """Oppdater databasen til nyeste skjema (DATABASE_URL; standard SQLite i instance/)."""
    from workbench.db.migrate import upgrade

    from workbench.db.session import session_for
    from workbench.services import archive_search

    app = make_app()
    upgrade(app.config["DATABASE_URL"], revision)
    click.echo(f"Databasen er oppdatert ({safe_url(app.config['DATABASE_URL'])}).")
    if revision == "head":  # cases finished before migration 0010 join the archive's search index
        with session_for(app) as s:
            if archive_search.missing(s):
                added = archive_search.rebuild(s, only_missing=True)
                click.echo(f"Arkivets søkeindeks: {added} {'sak' if added == 1 else 'saker'} lagt til.")


@db.command("check")
def db_check() -> None:
    """Sjekk at modellene og migreringene stemmer overens (alembic check)."""
    from workbench.db.migrate import check

    app = make_app()
    check(app.config["DATABASE_URL"])
    click.echo("Modellene og migreringene stemmer overens.")


@click.group()
def user() -> None:
    """Brukere."""


@user.command("add")
@click.argument("username")
@click.option("--role", required=True, type=click.Choice(["saksbehandler", "leder", "arkivar", "admin"]))
@click.option("--name", "display_name", default=None, help="Fullt navn (standard: brukernavnet)")
@click.option("--password", default=None, help="Passord; uten dette spør kommandoen")
def user_add(username: str, role: str, display_name: str | None, password: str | None) -> None:
    """Opprett en bruker med en rolle."""
    from workbench.db.session import session_for
    from workbench.services import users

    if password is None:
        password = click.prompt("Passord", hide_input=True, confirmation_prompt=True)
    with session_for(migrated_app()) as s:
        try:
            u = users.create_user(s, username, password, role, display_name=display_name)
        except users.UserError as exc:
            raise click.ClickException(exc.for_humans()) from None
        click.echo(f"Brukeren {u.username} ({role}) er opprettet.")


@click.group()
def token() -> None:
    """API-nøkler for klientsystemer."""


@token.command("add")
@click.argument("client")
@click.option("--scope", "scopes", multiple=True, required=True,
              # api_tokens.SCOPES, spelled out so the CLI starts without the database layer (a test
              # keeps the two lists equal)
              type=click.Choice(["cases:write", "cases:read", "cases:read-open"]),
              help="cases:write (overlevere saker), cases:read (lese ferdigstilte saker), "
                   "cases:read-open (lese alle saker, også åpne). Kan gjentas.")
def token_add(client: str, scopes: tuple[str, ...]) -> None:
    """Lag en API-nøkkel for CLIENT. Nøkkelen skrives ut én gang."""
    from workbench.db.session import session_for
    from workbench.services import api_tokens

    with session_for(migrated_app()) as s:
        _row, value = api_tokens.create_token(s, client, list(scopes))
    click.echo(value)


@click.command("import")
@click.argument("files", metavar="FILE...", nargs=-1, required=True,
                type=click.Path(exists=True, dir_okay=False))
@click.option("--assign", "assign_to", default=None, help="Tildel sakene til denne brukeren")
@click.option("--lang", "language", type=click.Choice(["nb", "nn"]), default=None,
              help="Sakenes målform (standard: participant.language i dokumentet, ellers nb)")
@click.option("--received", "received_text", default=None, metavar="DD.MM.ÅÅÅÅ",
              help="Dagen sakene kom inn hos Statsforvalteren (standard: appeal.statsforvalteren_received i "
                   "dokumentet; mangler den, må datoen registreres på saken før den startes)")
@click.option("--jsonl", is_flag=True, help="Én JSON-linje per fil, også for én fil (alltid med flere filer).")
def import_command(files: tuple[str, ...], assign_to: str | None, language: str | None,
                   received_text: str | None, jsonl: bool) -> None:
    """Importer vedtak (JSON i formatet klagebenk.nav-vedtak/1), hvert i sin egen transaksjon.

    Én fil: `Importert: sak …`; ugyldig fil: exit 2 og én linje `felt: melding` per feil på stderr.
    Flere filer (eller --jsonl): én JSON-linje per fil på stdout, feilene som `FIL: felt: melding` på
    stderr; exit 2 om en fil var ugyldig, 1 om en fil feilet av en annen grunn. En ugyldig fil lagrer
    ingenting; de gyldige lagres likevel. Filer som ikke finnes: ingenting importeres (exit 2).
    """
    from workbench.db.session import session_for

    received = _received_option(received_text)
    with session_for(migrated_app()) as s:
        importer = _Importer(s, _assignee(s, assign_to), language, received)
        if len(files) == 1 and not jsonl:
            importer.one(files[0])
            return
        sys.exit(each_file(files, importer.line))


def _received_option(text: str | None) -> date | None:
    """``--received`` for every file, checked before any is read: a bad date stops the command (exit 2)."""
    if text is None:
        return None
    received = _parse_received(text)
    if received is None:
        click.echo("--received (mottatt hos Statsforvalteren): skriv en gyldig dato (dd.mm.åååå) mellom "
                   "01.01.2000 og 31.12.2099.", err=True)
        sys.exit(2)
    return received


def _assignee(s: Session, username: str | None) -> User | None:
    """``--assign``'s user, looked up once for every file; an unknown name stops the command (exit 1)."""
    from workbench.services import users

    if not username:
        return None
    found = users.get_by_username(s, username)
    if found is None:
        raise click.ClickException(f"Fant ingen bruker {username!r}.")
    return found


class _Importer:
    """One session and one set of options for every file; ``import_document`` commits each file alone
    (and stores nothing for an invalid one), so a bad file never takes the good ones with it."""

    def __init__(self, s: Session, assignee: User | None, language: str | None, received: date | None):
        from workbench.services import audit

        self.s, self.assignee, self.language, self.received = s, assignee, language, received
        self.actor = audit.Actor.cli()

    def _import(self, name: str) -> Case:
        """The case imported from the file. Raises ``FileProblem`` (unreadable, or invalid: `field: message`)."""
        from workbench.services import cases as case_service

        data = read_document(name)
        try:
            return case_service.import_document(self.s, data, origin="cli", actor=self.actor,
                                                filename=Path(name).name, assign_to=self.assignee,
                                                language=self.language, received=self.received)
        except case_service.InvalidDocument as exc:
            raise FileProblem([field_line(e.path, e.message) for e in exc.errors], EXIT_INVALID) from None

    def line(self, name: str) -> dict[str, str]:
        """What the JSON line says of an imported file: the opaque id and Nav's reference (no names)."""
        case = self._import(name)
        return {"case": case.public_id, "nav_reference": case.nav_reference}

    def one(self, name: str) -> None:
        """A single file, as the command has always printed it (tests and scripts read this)."""
        try:
            case = self._import(name)
        except FileProblem as exc:
            for text in exc.lines:
                click.echo(text if exc.status == EXIT_INVALID else f"{name}: {text}", err=True)
            sys.exit(exc.status)
        click.echo(f"Importert: sak {case.public_id} (/saker/{case.public_id})")


def _parse_received(text: str):
    """dd.mm.åååå (or ISO) within the import's years, else None."""
    from datetime import datetime

    from workbench.formats.import_format.bounds import DATE_MAX, DATE_MIN

    for fmt in ("%d.%m.%Y", "%Y-%m-%d"):
        try:
            day = datetime.strptime(text.strip(), fmt).date()
        except ValueError:
            continue
        return day if DATE_MIN <= day <= DATE_MAX else None
    return None


def _demo_password() -> str:
    """48 random bits; drawn again in the rare case the password policy finds a pattern in them
    (a run like 123456 among the hex digits)."""
    from workbench.services.passwords import policy_problem

    while True:
        password = f"demo-{secrets.token_hex(6)}"
        if policy_problem(password) is None:
            return password


@click.command("demo")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=5000, show_default=True, type=int)
@click.option("--no-serve", is_flag=True, help="Bare forbered databasen, ikke start serveren")
def demo(host: str, port: int, no_serve: bool) -> None:
    """Kjør Klagebenk med en demosak: migrer, lag demobrukere, importer demosaken, server."""
    from workbench.db.migrate import upgrade
    from workbench.db.session import session_for
    from workbench.services import audit, users
    from workbench.services import cases as case_service

    app = make_app({"KLAGEBENK_MODE": "demo", "SESSION_COOKIE_SECURE": False})
    url = app.config["DATABASE_URL"]
    upgrade(url)
    lines = []
    with session_for(app) as s:
        for username, name, role in DEMO_USERS:
            password = _demo_password()
            users.provide(s, username, password, role, display_name=name)
            lines.append((username, role, password))
        case = case_service.find_by_nav_reference(s, "2025/4711")
        if case is None:
            sb = users.get_by_username(s, "saksbehandler")
            # the demo case came in 20 days ago: its deadlines are live (a foreløpig svar due in about ten days)
            case = case_service.import_document(s, DEMO_CASE.read_bytes(), origin="demo",
                                                actor=audit.Actor.cli(), filename=DEMO_CASE.name,
                                                assign_to=sb, received=date.today() - timedelta(days=20))
        case_path = f"/saker/{case.public_id}"
    base = f"http://{host}:{port}"
    click.echo("")
    click.echo("Klagebenk – demo")
    click.echo(f"  Database: {safe_url(url)}")
    click.echo(f"  Åpne:     {base}/")
    click.echo(f"  Demosak:  {base}{case_path}")
    click.echo("  Brukere (passordene er nye for hver kjøring):")
    for username, role, password in lines:
        click.echo(f"    {username:<14} {password:<18} ({role})")
    click.echo("")
    if no_serve:
        return
    from werkzeug.serving import run_simple

    run_simple(host, port, app, threaded=True, use_reloader=False, use_debugger=False)
