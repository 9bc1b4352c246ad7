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


#: What the jurist records on the review, as plain text (the letter never takes markup from the jurist).
ANSWER = {
    "nb": "Statsforvalteren har vurdert anførselen ut fra reglene i sosialtjenesteloven og forskriften. "
          "Beregningen ovenfor viser hva du har rett til.",
    "nn": "Statsforvaltaren har vurdert påstanden ut frå reglane i sosialtenestelova og forskrifta. "
          "Utrekninga ovanfor viser kva du har rett til.",
}
REASONS = {
    "nb": "Statsforvalteren har kontrollert beregningen dag for dag.\n\nUtfallet følger av beregningen.",
    "nn": "Statsforvaltaren har kontrollert utrekninga dag for dag.\n\nUtfallet følgjer av utrekninga.",
}
#: A dismissal does not reach the merits: the jurist's answers and reasons speak of admissibility only.
ANSWER_AVVISE = {
    "nb": "Fordi klagen avvises, har Statsforvalteren ikke tatt stilling til om vedtaket er riktig.",
    "nn": "Fordi klaga blir avvist, har Statsforvaltaren ikkje teke stilling til om vedtaket er rett.",
}
REASONS_AVVISE = {
    "nb": "Loven gir ikke rom for å behandle en klage som er sendt mer enn ett år etter vedtaket.",
    "nn": "Lova gjev ikkje rom for å handsame ei klage som er send meir enn eitt år etter vedtaket.",
}
LATE_REASONS = {
    "nb": "Du var innlagt på sykehus da fristen gikk ut, og kan ikke lastes for at klagen kom for sent.",
    "nn": "Du var innlagd på sjukehus då fristen gjekk ut, og kan ikkje lastast for at klaga kom for seint.",
}
DISCRETION = {
    "nb": DiscretionAnswer(text="Statsforvalteren har vurdert punktet og legger Nav-kontorets vurdering til grunn.",
                           apenbart_urimelig=False,
                           selvstyre="Hensynet til det kommunale selvstyret er tillagt stor vekt."),
    "nn": DiscretionAnswer(text="Statsforvaltaren har vurdert punktet og legg vurderinga til Nav-kontoret til grunn.",
                           apenbart_urimelig=False,
                           selvstyre="Omsynet til det kommunale sjølvstyret er tillagt stor vekt."),
}


def complete_input(name: str, lang: str, *, doc: dict | None = None, evaluation: dict | None = None,
                   **overrides) -> LetterInput:
    """A LetterInput as the jurist would finalise it: the engine's outcome, every point answered, the reasons
    recorded; a late appeal heard because the claimant cannot be blamed; a dismissal appealable (neither
    fvl. § 28 third paragraph a nor b). ``evaluation``: the evaluation JSON (default: the case's)."""
    doc = doc if doc is not None else load_case(name)
    ev = read_evaluation(evaluation if evaluation is not None else evaluation_of(name))
    outcome = suggest_outcome(parse_document(doc), ev, today=OUR_DATE)["code"]
    late = ev.admissibility is not None and ev.admissibility.timely is False and not ev.admissibility.over_one_year
    values = dict(
        decision=doc, evaluation=ev, outcome=outcome, language=lang, our_reference="2025/9876",
        our_date=OUR_DATE, signers=SIGNERS,
        argument_answers=[(ANSWER_AVVISE if outcome == "avvise" else ANSWER)[lang]] * len(doc["appeal"]["arguments"]),
        discretion_answers=[DISCRETION[lang]] * len(ev.discretion),
        outcome_reasons=(REASONS_AVVISE if outcome == "avvise" else REASONS)[lang], draft=False,
        late_appeal_admitted=True if late else None, late_appeal_ground="ikke_lastes" if late else None,
        late_appeal_reasons=LATE_REASONS[lang] if late else "",
        avvisning_exception="ingen" if outcome == "avvise" else None,
        received=date.fromisoformat(doc["appeal"]["forwarded"]) if doc["appeal"].get("forwarded") else None,
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
