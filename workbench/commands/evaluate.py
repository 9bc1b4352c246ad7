"""``workbench evaluate FILE.json [--json]`` — evaluate a contested decision without the web app.

Exit status (import-format.md): 0 evaluated (whatever the findings, also with ``parameter-missing``),
2 invalid input (every error on stderr as ``field: message``), 1 anything else.
Imports nothing from Flask's app or the database: the rules are pure.
"""

from __future__ import annotations

import json
import sys
from decimal import Decimal
from typing import Any

import click

from workbench.formats.evaluation_json import EvaluationRecord, read_evaluation

FLAG_TEXT = {
    "til-ugunst": "riktig beløp er lavere enn Nav utbetalte (endring til ugunst, R24)",
    "work-over-50-percent": "arbeid over 50 % stilling (sotjl § 30)",
    "below-full-time": "arbeid og aktiviteter under full tid (sotjl § 30)",
    "non-coordinable-benefit-deducted": "Nav har trukket en ytelse som ikke kan samordnes (sotjl §§ 37–38)",
    "late-appeal": "klagen er kommet for sent (fvl § 31 ⚖)",
    "over-one-year": "klagen er sendt mer enn ett år etter vedtaket",
    "notice-date-unknown": "ukjent dato for når vedtaket kom fram — juristen må fastslå den",
    "parameter-missing": "en parameter mangler for noen dager; perioden er ikke beregnet",
}


def _kr(v: Decimal | None, decimals: int = 2) -> str:
    from workbench.texts.formatting import format_kr

    return "—" if v is None else format_kr(v, decimals)


def _values(values: tuple[Decimal, ...]) -> str:
    return " / ".join(str(v) for v in values) or "—"


def summary(ev: EvaluationRecord) -> str:
    """The evaluation in Norwegian, from the record (:func:`workbench.formats.evaluation_json.read_evaluation`)."""
    from workbench.texts.formatting import format_date

    lines = [f"Sak {ev.case} — vurdering av kvalifiseringsstønad", ""]
    for p in ev.periods:
        lines.append(f"Periode {format_date(p.fra)}–{format_date(p.til)}: "
                     f"{p.stonadsdager} stønadsdager")
        if p.status != "computed":
            for m in p.missing_parameters:
                lines.append(f"  IKKE BEREGNET: {m['message']}")
            lines.append(f"  Nav utbetalte {_kr(p.nav_net, 0)}")
            continue
        lines.append(f"  Brutto {_kr(p.gross)} (grunnstønad {_kr(p.gross_base)}, "
                     f"barnetillegg {_kr(p.barnetillegg)})")
        lines.append(f"  Trekk: fravær § 36 {_kr(p.absence)}, arbeid § 37 {_kr(p.work)}, "
                     f"samordning § 38 {_kr(p.samordning)}")
        lines.append(f"  Netto {_kr(p.net, 0)} (uavrundet {_kr(p.net_unrounded)}); Nav "
                     f"{_kr(p.nav_net, 0)}; differanse {_kr(p.difference, 0)}")
        for name, net in p.alternatives.items():
            lines.append(f"  Alternativ ({name}): netto {_kr(net, 0)}")
    t = ev.total
    lines += ["", f"Sum: riktig {_kr(t.net, 0)}, Nav {_kr(t.nav_net, 0)}, "
                  f"differanse {_kr(t.difference, 0)}"]
    if ev.discrepancies:
        lines += ["", "Avvik:"]
        for d in ev.discrepancies:
            lines.append(f"  [{d.code}] {d.hjemmel} ({d.category}): {d.explanation}")
    a = ev.admissibility
    assert a is not None  # the evaluation always assesses the klagefrist
    if a.deadline is None and a.interrupted_by_request_for_reasons:
        # S-09: the deadline is not known while the reasons the party asked for are awaited
        frist = (f"ikke fastsatt — parten ba om begrunnelse og fristen løper på nytt når den er mottatt "
                 f"(opprinnelig frist {format_date(a.original_deadline)}), ")
    else:
        frist = f"{format_date(a.deadline)}, " if a.deadline else "ukjent, "
    lines += ["", "Klagefrist: " + frist
              + ("i tide" if a.timely else ("for sent" if a.timely is False else "må vurderes"))
              + f"; {a.days_since_decision} dager etter vedtaket"]
    if ev.flags:
        lines += ["", "Merknader:"] + [f"  - {f}: {FLAG_TEXT.get(f, f)}" for f in ev.flags]
    if ev.discretion:
        lines += ["", "Skjønn (⚖) for juristen:"]
        lines += [f"  - {d.get('topic')} ({d.get('hjemmel')})" for d in ev.discretion]
    prm = ev.parameters
    lines += ["", f"Parametre: G {_values(prm.g)}, faktor {_values(prm.factor)}, "
                  f"divisor {prm.assumptions.get('divisor')}, barnetillegg {_values(prm.barnetillegg_per_day)} kr/dag; "
                  f"parametersett {prm.parameter_set.id if prm.parameter_set else None}"]
    lines.append("Forutsetninger: " + ", ".join(
        f"{x.name}={x.value}" for x in ev.assumptions if x.status != "[V]"))
    for n in ev.notes:
        lines.append(f"Merk: {n}")
    return "\n".join(lines)


def _default(o: Any) -> Any:
    if isinstance(o, Decimal):
        return str(o)
    if hasattr(o, "isoformat"):
        return o.isoformat()
    raise TypeError(type(o).__name__)


@click.command("evaluate")
@click.argument("file", type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--json", "as_json", is_flag=True, help="Skriv hele vurderingen som JSON.")
def evaluate(file: str, as_json: bool) -> None:
    """Vurder et påklaget Nav-vedtak (importformat klagebenk.nav-vedtak/1)."""
    from workbench.formats.import_format import ImportValidationError, load_document
    from workbench.formats.import_format.bounds import MAX_DOCUMENT_BYTES
    from workbench.services.evaluation import evaluate_document

    try:  # one byte more than allowed is enough for load_document to say the file is too large
        if file == "-":
            raw = sys.stdin.buffer.read(MAX_DOCUMENT_BYTES + 1)
        else:
            with open(file, "rb") as fh:
                raw = fh.read(MAX_DOCUMENT_BYTES + 1)
    except OSError as exc:
        click.echo(f"{file}: kan ikke leses: {exc.strerror}", err=True)
        sys.exit(1)
    try:
        out = evaluate_document(load_document(raw))
    except ImportValidationError as exc:
        for e in exc.errors:
            click.echo(f"{e.path}: {e.message}", err=True)
        sys.exit(2)
    except Exception as exc:  # noqa: BLE001 — exit 1 with a message, never a half result
        click.echo(f"feil: {type(exc).__name__}: {exc}", err=True)
        sys.exit(1)
    if as_json:
        click.echo(json.dumps(out, ensure_ascii=False, indent=2, default=_default))
    else:
        click.echo(summary(read_evaluation(out)))


def register(group: click.Group) -> None:
    group.add_command(evaluate)
