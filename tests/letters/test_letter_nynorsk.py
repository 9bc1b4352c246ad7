"""The nynorsk letter is nynorsk throughout; the bokmål letter has no nynorsk forms.

Quoted material from the import (names, Nav's reasons and statement, the claimant's arguments, notes,
the provisions as Nav cited them) is the parties' own text and stays as written; it is removed before
the scan. Everything else — our phrases, labels, the annex, the engine's nynorsk topics — must be
nynorsk.
"""

from __future__ import annotations

import re

import pytest
from letter_support import LETTER_CASES, load_case, rendered

from workbench.letters.pdfa import extract_text, normalise

#: bokmål-only forms (each has a different nynorsk form used by the letter)
BOKMAL_ONLY = [
    "ikke", "Deres", "beregnet", "beregning", "Statsforvalteren", "Statsforvalterens", "hilsen", "derfor",
    "ingen underskrift", "sosialtjenesteloven", "forvaltningsloven", "dokumentene", "saken", "klagen",
    "endelig", "påklages", "hver", "hvert", "uten", "bare", "mottok", "fravær", "gjelder", "hele",
    "Saksbehandler", "Klageren", "anførsel", "vurderingen", "fra", "deltar", "utgjør", "tredjedeler",
    "ytelser", "reduseres", "forutsetning", "forutsetninger", "avrundet", "hensynet", "selvstyre",
    "vedtaket ditt", "tillatelse", "sykdom", "dager", "timer", "utledet", "virkedag", "ett kalenderår",
]
#: forms that mark the nynorsk letter
NYNORSK_MARKERS = [
    "Statsforvaltaren", "ikkje", "Dykkar dato", "Sakshandsamar", "Med helsing", "difor inga underskrift",
    "rekna ut", "sosialtenestelova", "forvaltningslova", "Saka gjeld", "Klaga", "Rettsleg grunnlag",
    "dokumenta i saka", "endeleg", "påklagast", "Innleiing", "frå",
]
NYNORSK_ONLY = ["ikkje", "Statsforvaltaren", "Dykkar", "helsing", "sosialtenestelova", "rekna", "frå", "Innleiing"]


def _imported_texts(doc: dict) -> list[str]:
    out: list[str] = []

    def walk(v):
        if isinstance(v, str):
            out.append(v)
        elif isinstance(v, dict):
            for x in v.values():
                walk(x)
        elif isinstance(v, list):
            for x in v:
                walk(x)

    walk(doc)
    return [s for s in out if len(s) > 3]


def _without_imported(text: str, doc: dict) -> str:
    for s in sorted(_imported_texts(doc), key=len, reverse=True):
        words = normalise(s).split()
        if not words:
            continue
        text = re.sub(r"\s*".join(re.escape(w) for w in words), " ", text)
    return text


def _words(text: str) -> set[str]:
    return set(re.findall(r"[\wæøåÆØÅ]+", text))


@pytest.mark.parametrize("name", LETTER_CASES)
def test_nynorsk_letter_is_nynorsk_throughout(name):
    _inp, _letter, pdf = rendered(name, "nn")
    text = extract_text(pdf)
    own = _without_imported(text, load_case(name))
    words = _words(own)
    found = [w for w in BOKMAL_ONLY if (w in words if " " not in w else w in own)]
    assert found == [], f"bokmål in the nynorsk letter for {name}: {found}"
    missing = [m for m in NYNORSK_MARKERS if m not in own]
    assert missing == []


@pytest.mark.parametrize("name", LETTER_CASES)
def test_bokmal_letter_has_no_nynorsk_forms(name):
    _inp, _letter, pdf = rendered(name, "nb")
    own = _without_imported(extract_text(pdf), load_case(name))
    words = _words(own)
    assert [w for w in NYNORSK_ONLY if w in words] == []


def test_every_phrase_exists_in_both_standards_and_differs_where_the_glossary_says():
    from workbench.texts import TEXTS as P

    for key, (nb, nn) in P.items():
        assert nb.strip() and nn.strip(), key
        assert set(re.findall(r"{(\w+)}", nb)) == set(re.findall(r"{(\w+)}", nn)), key
    pairs = {"h_background": ("Sakens bakgrunn", "Bakgrunnen for saka"), "regards": ("Med hilsen", "Med helsing"),
             "their_date": ("Deres dato", "Dykkar dato"), "caseworker": ("Saksbehandler", "Sakshandsamar")}
    for key, pair in pairs.items():
        assert P[key] == pair
