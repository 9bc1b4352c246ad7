"""``workbench evaluate FILE… [--json] [--jsonl]`` — evaluate contested decisions without the web app.

Exit status (import-format.md): 0 evaluated (whatever the findings, also with ``parameter-missing``),
2 invalid input (every error on stderr as ``field: message``), 1 anything else. Several files run in
one process, one JSON line each (``common.each_file``): 2 if any was invalid, 1 if any failed otherwise.
Imports nothing from Flask's app or the database: the rules are pure.
"""

from __future__ import annotations

import json
import sys
from decimal import Decimal
from typing import Any

import click

from workbench.commands.common import EXIT_INVALID, FileProblem, each_file, field_line, json_default, read_document
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


@click.command("evaluate")
@click.argument("files", metavar="FILE...", nargs=-1, required=True,
                type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--json", "as_json", is_flag=True,
              help="Skriv hele vurderingen som JSON (med flere filer: i feltet «evaluation» på filens linje).")
@click.option("--jsonl", is_flag=True, help="Én JSON-linje per fil, også for én fil (alltid med flere filer).")
def evaluate(files: tuple[str, ...], as_json: bool, jsonl: bool) -> None:
    """Vurder påklagede Nav-vedtak (importformat klagebenk.nav-vedtak/1).

    Flere filer (eller --jsonl): én JSON-linje per fil med summene per periode; feilene som
    `FIL: felt: melding` på stderr; exit 2 om en fil var ugyldig, 1 om en fil feilet av en annen grunn.
    """
    if len(files) == 1 and not jsonl:
        _evaluate_one(files[0], as_json)
        return
    sys.exit(each_file(files, lambda name: _line(_evaluated(name), as_json)))


def _evaluated(name: str) -> dict[str, Any]:
    """The engine's output for the file. Raises ``FileProblem`` (unreadable, or invalid: `field: message`)."""
    from workbench.formats.import_format import ImportValidationError, load_document
    from workbench.services.evaluation import evaluate_document

    raw = read_document(name)
    try:
        return evaluate_document(load_document(raw))
    except ImportValidationError as exc:
        raise FileProblem([field_line(e.path, e.message) for e in exc.errors], EXIT_INVALID) from None


def _evaluate_one(file: str, as_json: bool) -> None:
    """One file, as the command has always printed it: the summary or the whole evaluation, errors
    without the file's name (exit 2 invalid, 1 unreadable or anything else)."""
    try:
        out = _evaluated(file)
    except FileProblem as exc:
        for text in exc.lines:
            click.echo(text if exc.status == EXIT_INVALID else f"{file}: {text}", err=True)
        sys.exit(exc.status)
    except Exception as exc:  # noqa: BLE001 — exit 1 with a message, never a half result
        click.echo(f"feil: {type(exc).__name__}: {exc}", err=True)
        sys.exit(1)
    if as_json:
        click.echo(json.dumps(out, ensure_ascii=False, indent=2, default=json_default))
    else:
        click.echo(summary(read_evaluation(out)))


#: Per period in a JSON line: the period, whether it was computed, and the money.
PERIOD_KEYS = ("from", "to", "status", "net", "nav_net", "difference")


def _line(out: dict[str, Any], as_json: bool) -> dict[str, Any]:
    """A file's JSON line: Nav's reference, the sums per period and in total, flags and discrepancy codes,
    whether the appeal is in time — what a run over many files is read for; ``--json`` adds it all."""
    line = {
        "nav_reference": out.get("case"),
        "periods": [{k: p.get(k) for k in PERIOD_KEYS} for p in out.get("periods", [])],
        "total": {k: out.get("total", {}).get(k) for k in ("net", "nav_net", "difference", "complete")},
        "flags": out.get("flags", []),
        "discrepancies": [d.get("code") for d in out.get("discrepancies", [])],
        "timely": (out.get("admissibility") or {}).get("timely"),
    }
    if as_json:
        line["evaluation"] = out
    return line


def register(group: click.Group) -> None:
    group.add_command(evaluate)
