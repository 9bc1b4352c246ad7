"""``workbench letter FILE.json --lang nb|nn --out letter.pdf`` — the DRAFT decision letter of an import.

Same pipeline as the web flow (``workbench.letters``): validate the import, evaluate it, take the
outcome the engine suggests, build the section model, render PDF/A-2b, run the structural PDF/A check.
The draft carries «UTKAST» (no leader approval) and empty answer blocks for the jurist.
The office (letterhead, footer) comes from ``KLAGEBENK_OFFICE_*`` (``workbench.config``) when set;
otherwise the demo office, and a one-line note on stderr says so. A bad or partial office
configuration is refused (exit 1) before anything is rendered.
Exit status: 0 written, 2 invalid input (``field: message`` on stderr), 1 anything else.
Never loads the Flask app.
"""

from __future__ import annotations

import os
import sys
from datetime import date
from pathlib import Path

import click

DEMO_OFFICE_NOTE = ("Merk: kontoropplysningene er demoverdier (Statsforvalteren i Vestland); "
                    "sett KLAGEBENK_OFFICE_* for å bruke ditt eget kontor.")


@click.command("letter")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--lang", type=click.Choice(["nb", "nn"]), default=None,
              help="Målform; default: participant.language, else nb.")
@click.option("--out", "out", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="Where to write the PDF.")
@click.option("--html", "html_out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Also write the HTML the PDF was made from.")
@click.option("--our-ref", default=lambda: os.environ.get("KLAGEBENK_OUR_REF", "UTKAST"), show_default="UTKAST")
@click.option("--date", "our_date", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="Vår dato (default: today).")
@click.option("--saksbehandler", default=lambda: os.environ.get("KLAGEBENK_SAKSBEHANDLER", "Saksbehandler"))
@click.option("--phone", default=lambda: os.environ.get("KLAGEBENK_SAKSBEHANDLER_PHONE", "–"))
@click.option("--leader", default=lambda: os.environ.get("KLAGEBENK_LEADER", "Leder"))
def letter(file: Path, lang: str | None, out: Path, html_out: Path | None, our_ref: str, our_date,
           saksbehandler: str, phone: str, leader: str) -> None:
    """Render the draft decision letter for an import file (the outcome the engine suggests)."""
    from workbench.config import ConfigError, office_from_config, office_is_demo, office_settings
    from workbench.formats.import_format import ImportValidationError, load_document, parse_document

    try:  # any mode: nothing set → the demo office (and a note), a bad value → refused
        office_config = office_settings(os.environ, mode="demo", serving=False)
    except ConfigError as exc:
        click.echo(f"config: {exc}", err=True)
        sys.exit(1)
    office = office_from_config(office_config)

    try:
        doc = load_document(file.read_bytes())
        decision = parse_document(doc)
    except ImportValidationError as exc:
        for err in exc.errors:
            click.echo(f"{err.path}: {err.message}", err=True)
        sys.exit(2)

    from workbench.formats.evaluation_json import read_evaluation
    from workbench.letters.model import LetterInput, Signers, build_letter
    from workbench.letters.pdfa import check_pdfa
    from workbench.letters.render import render_html, render_pdf
    from workbench.appeal.outcome import suggest_outcome
    from workbench.services.evaluation import evaluate_document

    today = our_date.date() if our_date else date.today()
    evaluation = read_evaluation(evaluate_document(doc))
    suggestion = suggest_outcome(decision, evaluation, today=today)
    if not suggestion.get("code"):
        click.echo("outcome: the engine could not suggest an outcome (a parameter is missing)", err=True)
        sys.exit(1)
    language = lang or (decision.participant.language or "nb")
    inp = LetterInput(
        decision=decision, evaluation=evaluation, outcome=suggestion["code"], language=language,
        our_reference=our_ref, our_date=today,
        signers=Signers(saksbehandler_name=saksbehandler, saksbehandler_phone=phone, leader_name=leader),
        office=office, draft=True,
    )
    built = build_letter(inp)
    html = render_html(built)
    pdf = render_pdf(built)
    problems = check_pdfa(pdf)
    if problems:
        for p in problems:
            click.echo(f"pdf: {p}", err=True)
        sys.exit(1)
    if office_is_demo(office_config):
        click.echo(DEMO_OFFICE_NOTE, err=True)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(pdf)
    if html_out is not None:
        html_out.write_text(html, encoding="utf-8")
    click.echo(f"{out}: UTKAST, {language}, utfall {suggestion['code']} (workbench.appeal.outcome); {len(pdf)} bytes")
    for reason in suggestion.get("reasons", [])[:5]:
        click.echo(f"  - {reason}")


def register(group: click.Group) -> None:
    group.add_command(letter)
