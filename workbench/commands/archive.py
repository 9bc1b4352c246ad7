"""``workbench archive list | export | verify | seal``.

``list`` prints the ferdigstilt/arkivert cases (opaque id, Nav's reference, office, decision date,
outcome, status) — no names. ``export CASE_ID --out DIR_OR_ZIP`` writes the archive package
(``services.archive.export_package``): ``--out`` ending in ``.zip`` is the file to write; anything
else is a directory the package is written into as ``arkivpakke-<id>.zip``. The export is audited
(actor: the command line). The sidecar names the configured office (``KLAGEBENK_OFFICE_*``); in
production without it, or without the archive key (``KLAGEBENK_ARCHIVE_KEY``), ``export`` refuses.
Exit status: 0 written, 1 not found / not exportable / does not verify (the reason on stderr).

``verify`` re-hashes every finished case's documents against the signed hash chain
(``services.integrity.verify_all``) and prints one line per failing case — its opaque id and Nav's
reference, never a name — then a summary. Exit 0 when everything holds, 1 when anything fails, 2 when
it cannot check (no archive key). ``seal`` adds the cases finalised before the chain existed
(migration 0004) to it, after checking each letter against its stored SHA-256.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import click

from workbench.commands.common import migrated_app


@click.group("archive")
def archive() -> None:
    """Arkiv: ferdigstilte saker, arkivpakker (Noark 5 + PDF/A)."""


def _key(app, *, exit_code: int = 1) -> bytes:
    """The archive key of this run's config, or stop: nothing of a finished case leaves unverified."""
    from workbench.config import MissingKey, key_from_config

    try:
        return key_from_config(app.config)
    except MissingKey as exc:
        click.echo(f"Error: {exc}", err=True)
        raise SystemExit(exit_code) from None


@archive.command("list")
def list_command() -> None:
    """List ferdigstilte og arkiverte saker (ingen navn), den siste vedtaksdatoen først."""
    from workbench.db.session import session_for
    from workbench.services import archive_search

    with session_for(migrated_app()) as s:
        number, shown = 1, 0
        while True:  # page by page: memory stays flat at any size
            page = archive_search.search(s, page=number, per_page=1000)
            for r in page:
                c = r.case
                click.echo("\t".join([c.public_id, c.nav_reference, c.nav_office, c.decision_date.isoformat(),
                                      r.outcome or "-", c.status]))
            shown += len(page)
            if page.number >= page.pages:
                break
            number += 1
            s.expunge_all()
        if not shown:
            click.echo("Ingen ferdigstilte saker.", err=True)


@archive.command("reindex")
@click.option("--missing", is_flag=True, help="Bare saker som ikke er i søkeindeksen ennå.")
def reindex_command(missing: bool) -> None:
    """Bygg arkivets søkeindeks på nytt (alle ferdigstilte og arkiverte saker, eller bare de som mangler)."""
    from workbench.db.session import session_for
    from workbench.services import archive_search

    with session_for(migrated_app()) as s:
        done = archive_search.rebuild(s, only_missing=missing)
    click.echo(f"Søkeindeksen er oppdatert: {done} {'sak' if done == 1 else 'saker'}.")


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

    app = migrated_app()
    try:
        office = office_from_config(app.config)  # production: the configured office, never the demo
    except ConfigError as exc:
        raise click.ClickException(str(exc)) from None
    _key(app)  # production without KLAGEBENK_ARCHIVE_KEY: refuse before touching anything
    if office_is_demo(app.config):
        from workbench.commands.letter import DEMO_OFFICE_NOTE

        click.echo(DEMO_OFFICE_NOTE, err=True)
    # This app's context, so the services use this run's key and configuration.
    with app.app_context(), session_for(app) as s:
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


@archive.command("verify")
def verify_command() -> None:
    """Kontroller arkivkjeden: hash alle dokumenter i ferdigstilte saker på nytt og sjekk signaturene."""
    from workbench.db.session import session_for
    from workbench.services import audit, integrity

    app = migrated_app()
    key = _key(app, exit_code=2)
    with app.app_context(), session_for(app) as s:
        report = integrity.verify_and_record(s, key=key, actor=audit.Actor.cli())
        for problem in report.chain_problems:
            click.echo(f"FEIL\tkjede\t-\t{problem.reason}")
        for res in report.failed:
            pid = res.case.public_id if res.case else f"(sak {res.entry.case_id if res.entry else '?'})"
            ref = res.case.nav_reference if res.case else "-"
            for problem in res.problems:
                click.echo(f"FEIL\t{pid}\t{ref}\t{problem.reason}")
    if report.ok:
        click.echo(f"Arkivkjeden holder: {report.checked} ledd, {report.cases} ferdigstilte saker, "
                   f"hode ledd {report.head_seq}.")
        return
    click.echo(f"Arkivkjeden holder IKKE: {len(report.failed)} sak(er) feilet"
               + (", og selve kjeden" if report.chain_problems else "") + ".", err=True)
    raise SystemExit(1)


@archive.command("seal")
def seal_command() -> None:
    """Legg ferdigstilte saker uten ledd i arkivkjeden (saker ferdigstilt før kjeden fantes)."""
    from workbench.db.session import session_for
    from workbench.services import audit, integrity

    app = migrated_app()
    key = _key(app)
    with app.app_context(), session_for(app) as s:
        result = integrity.seal_unsealed(s, key=key, actor=audit.Actor.cli())
        for case in result.refused:
            click.echo(f"FEIL\t{case.public_id}\t{case.nav_reference}\tvedtaksbrevet mangler eller "
                       "stemmer ikke med sjekksummen fra ferdigstillingen; ikke forseglet", err=True)
        for case, entry in result.sealed:
            click.echo(f"{case.public_id}\t{case.nav_reference}\tledd {entry.seq}")
    if not result.sealed and not result.refused:
        click.echo("Alle ferdigstilte saker er allerede i arkivkjeden.", err=True)
    if result.refused:
        raise SystemExit(1)


def register(group: click.Group) -> None:
    group.add_command(archive)
