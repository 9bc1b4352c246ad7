"""Helpers for the letter tests: complete jurist input for a case, rendered once per session."""

from __future__ import annotations

import json
from datetime import date
from functools import cache
from pathlib import Path

from workbench.formats.evaluation_json import read_evaluation
from workbench.formats.import_format import load_document, parse_document
from workbench.letters.model import DiscretionAnswer, LetterInput, Signers, build_letter
from workbench.appeal.outcome import suggest_outcome

CASES_DIR = Path(__file__).resolve().parents[2] / "docs" / "cases"
#: the demo case and three cases: D06 (omgjøres til gunst, tre barn), D08 (fullmektig, for sent),
#: D07 (G endres 1. mai; riktig beløp lavere → stadfeste, ikke til ugunst)
LETTER_CASES = ("demo-omsorgsstonad", "D06", "D08", "D07")
LANGS = ("nb", "nn")
OUR_DATE = date(2025, 12, 1)
SIGNERS = Signers(saksbehandler_name="Margareth Halle", saksbehandler_phone="55 57 21 00",
                  leader_name="Knut Olav Dypvik")


def load_case(name: str) -> dict:
    return load_document((CASES_DIR / f"{name}.json").read_bytes())


def expected(name: str) -> dict:
    return json.loads((CASES_DIR / "expected" / f"{name}.json").read_text(encoding="utf-8"))


@cache
def evaluation_of(name: str) -> dict:
    from workbench.services.evaluation import evaluate_document

    return evaluate_document(load_case(name))


ANSWER = {
    "nb": "<p>Statsforvalteren har vurdert anførselen. <em>Se vurderingen nedenfor.</em></p>",
    "nn": "<p>Statsforvaltaren har vurdert påstanden. <em>Sjå vurderinga nedanfor.</em></p>",
}
TOPIC = {
    "nb": {"faktum": "<p>Faktum er tilstrekkelig opplyst.</p>",
           "saksbehandling": "<p>Statsforvalteren har ikke funnet saksbehandlingsfeil av betydning.</p>",
           "lov": "<p>Beregningen skal følge reglene som er gjengitt ovenfor.</p>",
           "skjonn": "<ul><li>Skjønnspunktene er vurdert nedenfor.</li></ul>"},
    "nn": {"faktum": "<p>Faktum er tilstrekkeleg opplyst.</p>",
           "saksbehandling": "<p>Statsforvaltaren har ikkje funne sakshandsamingsfeil som har betydning.</p>",
           "lov": "<p>Utrekninga skal følgje reglane som er gjevne att ovanfor.</p>",
           "skjonn": "<ul><li>Skjønnspunkta er vurderte nedanfor.</li></ul>"},
}
DISCRETION = {
    "nb": DiscretionAnswer(text="<p>Statsforvalteren har vurdert punktet.</p>", apenbart_urimelig=False,
                           selvstyre="<p>Hensynet til det kommunale selvstyret er tillagt stor vekt.</p>"),
    "nn": DiscretionAnswer(text="<p>Statsforvaltaren har vurdert punktet.</p>", apenbart_urimelig=False,
                           selvstyre="<p>Omsynet til det kommunale sjølvstyret er tillagt stor vekt.</p>"),
}


def complete_input(name: str, lang: str, *, doc: dict | None = None, evaluation: dict | None = None,
                   **overrides) -> LetterInput:
    """A LetterInput as the jurist would finalise it: the engine's outcome, every point answered.
    ``evaluation``: the evaluation JSON (default: the case's), read here as the app reads it."""
    doc = doc if doc is not None else load_case(name)
    ev = read_evaluation(evaluation if evaluation is not None else evaluation_of(name))
    outcome = suggest_outcome(parse_document(doc), ev, today=OUR_DATE)["code"]
    values = dict(
        decision=doc, evaluation=ev, outcome=outcome, language=lang, our_reference="2025/9876",
        our_date=OUR_DATE, signers=SIGNERS,
        argument_answers=[ANSWER[lang]] * len(doc["appeal"]["arguments"]),
        discretion_answers=[DISCRETION[lang]] * len(ev.discretion),
        assessment=TOPIC[lang], draft=False,
    )
    values.update(overrides)
    return LetterInput(**values)


_rendered: dict = {}


def rendered(name: str, lang: str):
    """(LetterInput, Letter, pdf bytes) for a case, rendered once per test session."""
    key = (name, lang)
    if key not in _rendered:
        from workbench.letters.render import render_pdf

        inp = complete_input(name, lang)
        letter = build_letter(inp)
        _rendered[key] = (inp, letter, render_pdf(letter))
    return _rendered[key]
