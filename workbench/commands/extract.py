"""``workbench extract LETTER.pdf --json`` — the facts of a Nav decision letter in the import format's shape
(docs/import-format.md; issue 16), each leaf ``{"value", "page", "line"}``, lists sorted by ``from``, what was
not found absent. Exit 0 when read (whatever was found), 2 for a file that is not a readable PDF.
Pure: no app, no database."""

from __future__ import annotations

import json
import re
import sys

import click

from workbench.commands.common import EXIT_INVALID


def register(group: click.Group) -> None:
    group.add_command(extract_command)


@click.command("extract")
@click.argument("letter", type=click.Path(dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Skriv funnene som JSON (importformatets form).")
def extract_command(letter: str, as_json: bool) -> None:
    """Hent fakta fra et vedtaksbrev fra Nav (PDF), med side og linje for hvert funn."""
    from workbench.extract import UnreadablePdf, extract, to_json

    try:
        with open(letter, "rb") as fh:
            data = fh.read(60 * 1024 * 1024)
        result = extract(data)
    except (OSError, UnreadablePdf) as exc:
        click.echo(f"{letter}: {exc}", err=True)
        sys.exit(EXIT_INVALID)
    for message in result.messages:
        click.echo(f"{letter}: {message}", err=True)
    facts = to_json(result.facts)
    if as_json:
        click.echo(json.dumps(facts, ensure_ascii=False, indent=2))
        return
    for path, leaf in _leaves(facts):
        click.echo(f"{path}: {_shown(leaf['value'])}  (side {leaf['page']}, linje {leaf['line']})")


def _shown(value: object) -> str:
    """A value as a Norwegian reads it: an ISO date as dd.mm.åååå (``--json`` keeps the import format's ISO)."""
    from workbench.texts.formatting import format_date

    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return format_date(value)
    return str(value)


def _leaves(doc: object, prefix: str = ""):
    """(path, leaf) for the human-readable listing."""
    if isinstance(doc, dict) and set(doc) == {"value", "page", "line"}:
        yield prefix, doc
    elif isinstance(doc, dict):
        for k, v in doc.items():
            yield from _leaves(v, f"{prefix}.{k}" if prefix else k)
    elif isinstance(doc, list):
        for i, v in enumerate(doc):
            yield from _leaves(v, f"{prefix}[{i}]")
