"""``workbench documents purge [--hours 24]`` — remove the uploaded documents of the oversendelse that no case was
imported from, uploaded more than ``--hours`` ago (default ``case_documents.ABANDONED_AFTER``, 24 h; issue 16).
Audited (``document.purged``, actor: the command line). Prints how many were removed; exit 0."""

from __future__ import annotations

from datetime import timedelta

import click

from workbench.commands.common import migrated_app


@click.group("documents")
def documents() -> None:
    """Dokumentene Nav har sendt (PDF)."""


@documents.command("purge")
@click.option("--hours", type=click.IntRange(min=1), default=None,
              help="Fjern opplastinger som ikke er importert og er eldre enn så mange timer (standard 24).")
def purge_command(hours: int | None) -> None:
    """Fjern opplastede dokumenter som aldri ble importert i en sak."""
    from workbench.db.session import session_for
    from workbench.services import audit, case_documents

    older = timedelta(hours=hours) if hours else case_documents.ABANDONED_AFTER
    with session_for(migrated_app()) as s:
        count = case_documents.purge_abandoned(s, actor=audit.Actor.cli(), older_than=older)
    click.echo(f"Fjernet {count} dokument{'er' if count != 1 else ''} som ikke ble importert "
               f"(lastet opp for mer enn {older.total_seconds() / 3600:g} timer siden).")


def register(group: click.Group) -> None:
    group.add_command(documents)
