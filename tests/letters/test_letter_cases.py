"""Issue 6 acceptance: the demo case and three cases, finalised in bokmål and nynorsk.

Each PDF is opened: PDF/A identification (XMP part and conformance), OutputIntent, every font
embedded, no JavaScript, encryption or external reference; the extracted text carries the expected
outcome and amounts (from docs/cases/expected/*.json) and passes the consistency check.
"""

from __future__ import annotations

import io
import re
from decimal import Decimal

import pikepdf
import pytest
from letter_support import LANGS, LETTER_CASES, OUR_DATE, expected, rendered

from workbench.letters.consistency import check_consistency
from workbench.letters.gate import finalize_problems
from workbench.letters.pdfa import check_pdfa, extract_text

CASE_LANGS = [(c, lang) for c in LETTER_CASES for lang in LANGS]


def pypdf_pages(pdf: bytes):
    from pypdf import PdfReader

    return PdfReader(io.BytesIO(pdf)).pages


def kr(amount: str) -> str:
    """«kr 6 797» as extract_text normalises it (NBSP → space)."""
    n = int(Decimal(amount))
    return ("\u2212 kr " if n < 0 else "kr ") + f"{abs(n):,}".replace(",", " ")


@pytest.mark.parametrize("name,lang", CASE_LANGS)
def test_pdfa_structure(name, lang):
    _inp, letter, pdf = rendered(name, lang)
    assert check_pdfa(pdf) == []
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        meta = doc.open_metadata()
        assert meta.get("pdfaid:part") == "2"
        assert meta.get("pdfaid:conformance") == "B"
        intents = doc.Root.OutputIntents
        assert len(intents) >= 1
        assert str(intents[0].S) == "/GTS_PDFA1"
        assert isinstance(intents[0].DestOutputProfile, pikepdf.Stream)
        assert "/ID" in doc.trailer
        assert not doc.is_encrypted
        assert str(doc.Root.get("/Lang")) == lang
        assert "/OpenAction" not in doc.Root or "/JS" not in doc.Root.OpenAction
        assert "/Names" not in doc.Root or "/JavaScript" not in doc.Root.Names
        assert "/Names" not in doc.Root or "/EmbeddedFiles" not in doc.Root.Names
        assert str(doc.docinfo.get("/Title")) == letter.title
        assert str(doc.docinfo.get("/Author")) == letter.author
        fonts = 0
        for obj in doc.objects:
            if isinstance(obj, pikepdf.Dictionary) and obj.get("/Type") == "/Font":
                if obj.get("/Subtype") == "/Type0":
                    for desc in obj.DescendantFonts:
                        fd = desc.FontDescriptor
                        assert any(k in fd for k in ("/FontFile", "/FontFile2", "/FontFile3")), desc.BaseFont
                        assert "Letter" in str(desc.BaseFont)  # our bundled Liberation fonts, nothing else
                        fonts += 1
                for action in ("/URI", "/Launch", "/JavaScript"):
                    assert obj.get("/S") != action
        assert fonts >= 2


def _outcome_phrase(name: str, lang: str) -> str:
    diff = Decimal(expected(name)["total"]["difference"])
    if diff > 1:
        return {"nb": "endrer vedtaket", "nn": "endrar vedtaket"}[lang]
    return {"nb": "stadfester vedtaket", "nn": "stadfestar vedtaket"}[lang]


@pytest.mark.parametrize("name,lang", CASE_LANGS)
def test_text_states_outcome_and_amounts(name, lang):
    inp, letter, pdf = rendered(name, lang)
    text = extract_text(pdf)
    exp = expected(name)
    assert _outcome_phrase(name, lang) in text
    for p in exp["periods"]:
        assert kr(p["net"]) in text, (p["net"], name, lang)
        assert kr(p["nav_net"]) in text
        assert f"{p['from'][8:10]}.{p['from'][5:7]}.{p['from'][:4]}" in text
    assert letter.title.replace("\u00a0", " ") in text
    assert "2025/9876" in text
    # «Side 1 av N» on every page
    n = len(pypdf_pages(pdf))
    assert n >= 3
    assert [int(m) for m in re.findall(r"Side (\d+) av " + str(n), text)] == list(range(1, n + 1))
    # the signature pattern
    assert "Knut Olav Dypvik (e.f.)" in text and "Margareth Halle" in text
    electronic = {"nb": "Dokumentet er elektronisk godkjent og har derfor ingen underskrift.",
                  "nn": "Dokumentet er elektronisk godkjent og har difor inga underskrift."}[lang]
    assert electronic in text
    assert ("Kopi til" in text) and inp.decision["nav_office"]["name"] in text
    assert "UTKAST" not in text  # finalised letters are not drafts
    assert check_consistency(pdf, letter) == []


@pytest.mark.parametrize("name,lang", CASE_LANGS)
def test_finalize_gate_passes_the_complete_letters(name, lang):
    inp, _letter, pdf = rendered(name, lang)
    assert finalize_problems(inp, leader_approved=True, today=OUR_DATE, pdf_bytes=pdf) == []


@pytest.mark.parametrize("name,lang", CASE_LANGS)
def test_required_sections_in_order(name, lang):
    _inp, letter, pdf = rendered(name, lang)
    text = extract_text(pdf)
    heads = {
        "nb": ["Vår dato", "Deres dato", "Saksbehandler", "Direkte telefon", "Statsforvalterens vedtak",
               "Innledning", "Sakens bakgrunn", "Saken gjelder", "Klagen", "Rettslig grunnlag",
               "Statsforvalterens vurdering", "Klagefristen", "Beregningen", "Feil i Nav-kontorets vedtak",
               "Statsforvalterens begrunnelse", "Svar på anførslene dine", "Konklusjon",
               "Klageadgang", "forvaltningsloven § 28 tredje ledd", "Innsyn", "forvaltningsloven §§ 18 og 19",
               "Sivilombudet", "Med hilsen", "Kopi til", "Vedlegg: Slik er stønaden beregnet"],
        "nn": ["Vår dato", "Dykkar dato", "Sakshandsamar", "Direkte telefon", "Statsforvaltaren sitt vedtak",
               "Innleiing", "Bakgrunnen for saka", "Saka gjeld", "Klaga", "Rettsleg grunnlag",
               "Statsforvaltaren si vurdering", "Klagefristen", "Utrekninga", "Feil i vedtaket frå Nav-kontoret",
               "Grunngjevinga til Statsforvaltaren", "Svar på påstandane dine", "Konklusjon", "Klagetilgang",
               "forvaltningslova § 28 tredje ledd", "Innsyn", "forvaltningslova §§ 18 og 19", "Sivilombodet",
               "Med helsing", "Kopi til", "Vedlegg: Slik er stønaden rekna ut"],
    }[lang]
    pos = 0
    for h in heads:
        found = text.find(h, pos)
        assert found >= 0, f"{h!r} missing or out of order ({name}, {lang})"
        pos = found
    favour = Decimal(expected(name)["total"]["difference"]) > 1
    costs = "forvaltningsloven § 36" if lang == "nb" else "forvaltningslova § 36"
    assert (costs in text) == favour  # sakskostnader only when changed in the claimant's favour
    # the annex speaks plain Norwegian: no engine tags (the jurist sees the assumptions on the review page)
    assert "[ASSUMPTION]" not in text and "[INF]" not in text


def test_fullmektig_is_addressee_and_claimant_named():
    _inp, letter, pdf = rendered("D08", "nb")
    text = extract_text(pdf)
    assert letter.addressee[0] == "Nora Hjelpesen"
    assert text.index("Nora Hjelpesen") < text.index("Vedtak i klagesak")
    assert "Fullmektig for Kjell Testvik" in text
    assert "Kjell Testvik" in text.split("Kopi til")[-1]  # the claimant gets a copy


def test_annex_shows_both_g_values_of_a_period_crossing_1_may():
    _inp, _letter, pdf = rendered("D07", "nb")
    text = extract_text(pdf)
    assert "kr 124 028 × 2,041" in text and "kr 130 160 × 2,041" in text
    assert "28.04.2025–30.04.2025" in text and "01.05.2025–11.05.2025" in text


@pytest.mark.parametrize("name,outcome,lang,phrase", [
    ("D08", "avvise", "nn", "Statsforvaltaren avviser klaga"),
    ("D08", "avvise", "nb", "Statsforvalteren avviser klagen"),
    ("demo-omsorgsstonad", "oppheve", "nb", "Statsforvalteren opphever vedtaket"),
    ("demo-omsorgsstonad", "oppheve", "nn", "Statsforvaltaren opphevar vedtaket"),
])
def test_avvise_and_oppheve_letters(name, outcome, lang, phrase):
    from letter_support import complete_input

    from workbench.letters.model import build_letter
    from workbench.letters.render import render_pdf

    inp = complete_input(name, lang, outcome=outcome, late_appeal_admitted=False if outcome == "avvise" else None)
    letter = build_letter(inp)
    pdf = render_pdf(letter)
    assert check_pdfa(pdf) == []
    text = extract_text(pdf)
    assert phrase in text
    assert check_consistency(pdf, letter) == []
    assert "Sakskostnader" not in text  # only when changed in the claimant's favour
    if outcome == "avvise":  # no merits: no computation annex
        assert "Vedlegg" not in text
