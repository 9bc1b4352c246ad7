"""``workbench archive list`` and ``workbench archive export CASE_PUBLIC_ID --out DIR_OR_ZIP``.

``list`` prints the ferdigstilt/arkivert cases (opaque id, Nav's reference, office, decision date,
outcome, status) — no names. ``export`` writes the archive package (``services.archive.export_package``):
``--out`` ending in ``.zip`` is the file to write; anything else is a directory the package is written
into as ``arkivpakke-<id>.zip``. The export is audited (actor: the command line). The sidecar names
the configured office (``KLAGEBENK_OFFICE_*``); in production without it ``export`` refuses.
Exit status: 0 written, 1 not found / not exportable (the reason on stderr).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import click


@click.group("archive")
def archive() -> None:
    """Arkiv: ferdigstilte saker, arkivpakker (Noark 5 + PDF/A)."""


def _app():
    from workbench.commands.app_commands import _app as make_app
    from workbench.commands.app_commands import _require_migrated

    app = make_app()
    _require_migrated(app)
    return app


@archive.command("list")
def list_command() -> None:
    """List ferdigstilte og arkiverte saker (ingen navn)."""
    from workbench.db.session import session_for
    from workbench.services import archive as archive_service

    with session_for(_app()) as s:
        rows = archive_service.search(s)
        for r in rows:
            c = r.case
            click.echo("\t".join([c.public_id, c.nav_reference, c.nav_office, c.decision_date.isoformat(),
                                  r.outcome or "-", c.status]))
        if not rows:
            click.echo("Ingen ferdigstilte saker.", err=True)


@archive.command("export")
@click.argument("case_id")
@click.option("--out", "out", type=click.Path(path_type=Path), required=True,
              help="A .zip file to write, or a directory to write arkivpakke-<id>.zip into.")
def export_command(case_id: str, out: Path) -> None:
    """Skriv arkivpakken (ZIP) for en ferdigstilt eller arkivert sak."""
    from workbench.config import ConfigError, office_from_config, office_is_demo
    from workbench.db.session import session_for
    from workbench.services import archive as archive_service
    from workbench.services import audit
    from workbench.services import cases as case_service

    app = _app()
    try:
        office = office_from_config(app.config)  # production: the configured office, never the demo
    except ConfigError as exc:
        raise click.ClickException(str(exc)) from None
    if office_is_demo(app.config):
        from workbench.commands.letter import DEMO_OFFICE_NOTE

        click.echo(DEMO_OFFICE_NOTE, err=True)
    with session_for(app) as s:
        case = case_service.get_case(s, case_id.strip())
        if case is None:
            raise click.ClickException("Fant ingen sak med den id-en.")
        try:
            data = archive_service.export_package(s, case, actor=audit.Actor.cli(), office=office)
        except archive_service.ArchiveError as exc:
            raise click.ClickException(str(exc)) from None
        target = out if out.suffix.lower() == ".zip" else out / archive_service.package_filename(case)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    click.echo(f"{target}\t{len(data)} bytes\tsha256={hashlib.sha256(data).hexdigest()}")


def register(group: click.Group) -> None:
    group.add_command(archive)
