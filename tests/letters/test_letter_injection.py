"""Hostile text: in every imported free-text field it stays literal text; in the jurist's rich-text
blocks the markup is stripped. Nothing is fetched: a local HTTP server gets no request, no file from
outside letters/ is read, and nothing is embedded in the PDF."""

from __future__ import annotations

import copy
import io
from pathlib import Path

import pikepdf
import pytest
from letter_support import OUR_DATE, complete_input, load_case

from workbench.letters.gate import finalize_problems
from workbench.letters.model import build_letter
from workbench.letters.pdfa import check_pdfa, extract_text
from workbench.letters.render import LETTERS_DIR, html_to_pdf, make_fetcher, render_html, render_pdf


def payload(base: str) -> str:
    return (f'<img src=file:///etc/passwd> <link rel=attachment href=file:///etc/passwd> '
            f'<div style="background:url({base}/div)">x</div> '
            f'<style>@import url({base}/import); body {{ background: url({base}/css) }}</style> '
            f'url({base}/bare) <script>alert(1)</script>')


def hostile_doc(base: str) -> dict:
    """D08 (it has a fullmektig, absence reasons and a Nav statement) with the payload everywhere."""
    P = payload(base)
    # the fields the import bounds to a column's size (reference 100, names 200) get the payload's core
    short = f'<img src=file:///etc/passwd><style>@import url({base}/s)</style><script>alert(1)</script>'
    d = copy.deepcopy(load_case("D08"))
    d["participant"]["name"] = "Kjell " + short
    d["participant"]["address"] = {"street": P, "postcode": "8006", "city": P}
    d["representative"]["name"] = "Nora " + short
    d["representative"]["address"] = {"street": P, "postcode": "8006", "city": P}
    d["nav_office"]["name"] = "Nav " + short
    d["decision"]["reference"] = ("2025/0871 " + short)[:100]
    d["decision"]["reasons"] = P
    d["decision"]["hjemler"] = ["sosialtjenesteloven § 36 " + P]
    d["appeal"]["arguments"] = ["A " + P, "B " + P]
    d["appeal"]["nav_statement"] = P
    for a in d["absence"]:
        a["reason"] = P
    d["work"] = [{"from": "2025-02-03", "to": "2025-02-16", "hours": 1, "kind": "fosterhjem", "note": P}]
    d["leave_without_stonad"] = [{"from": "2025-02-14", "to": "2025-02-14", "reason": P}]
    return d


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_hostile_import_text_is_literal_and_fetches_nothing(trap_server, lang):
    base, hits = trap_server
    doc = hostile_doc(base)
    from workbench.services.evaluation import evaluate_document

    ev = evaluate_document(doc)
    inp = complete_input("D08", lang, doc=doc, evaluation=ev)
    letter = build_letter(inp)
    html = render_html(letter)
    body = html.split("<body", 1)[1]
    assert "<img" not in body and "<link" not in body and "<script" not in body and "<style" not in body
    assert 'style="' not in body
    assert "&lt;img src=file:///etc/passwd&gt;" in body
    fetcher = make_fetcher()
    pdf = render_pdf(letter, fetcher=fetcher)
    assert hits == []
    assert fetcher.refused == []  # escaped text never even reaches the fetcher
    assert all(Path(p).resolve().is_relative_to(LETTERS_DIR) for p in fetcher.served)
    assert check_pdfa(pdf) == []
    assert b"root:x:0:0" not in pdf
    text = extract_text(pdf)
    assert "<img src=file:///etc/passwd>" in text
    assert "<link rel=attachment href=file:///etc/passwd>" in text
    assert f'<div style="background:url({base}/div)">' in text
    assert f"url({base}/bare)" in text
    assert "<script>alert(1)</script>" in text
    # the consistency check works on the hostile names and references too
    from workbench.letters.consistency import check_consistency

    assert check_consistency(pdf, letter) == []
    assert finalize_problems(inp, leader_approved=True, today=OUR_DATE, pdf_bytes=pdf) == []


def test_the_jurists_text_is_plain_text_never_markup(trap_server):
    """The jurist writes plain text (issue 12): whatever markup is typed into an answer, a ⚖ finding or a letter
    block reaches the page as visible characters, escaped — never as an element WeasyPrint would load."""
    base, hits = trap_server
    P = payload(base)
    inp = complete_input(
        "demo-omsorgsstonad", "nb",
        argument_answers=[f"Svar <strong>én</strong> {P}", f"- Svar to\n- Svar tre {P}"],
        assessment={"faktum": f"<p onclick='x'>Faktum</p>{P}", "lov": f'<a href="{base}/a">lenke</a>{P}'},
        conclusion=f"Slutt {P}", outcome_reasons=f"Begrunnelse {P}",
    )
    letter = build_letter(inp)
    html = render_html(letter)
    body = html.split("<body", 1)[1]
    for bad in ("<img", "<link", "<script", "<style", "<div style", "<p onclick", "<a ", "<strong>"):
        assert bad not in body, bad
    assert "&lt;strong&gt;én&lt;/strong&gt;" in body  # shown as typed
    assert "<ul><li>Svar to</li><li>Svar tre" in body  # «- » lines are a list
    fetcher = make_fetcher()
    pdf = render_pdf(letter, fetcher=fetcher)
    assert hits == [] and fetcher.refused == []
    assert check_pdfa(pdf) == []
    text = extract_text(pdf)
    assert "Svar <strong>én</strong>" in text and "lenke" in text


def test_the_fetcher_alone_stops_raw_hostile_html(trap_server):
    """Defence in depth: even unescaped HTML (as if a template had used |safe) fetches nothing."""
    base, hits = trap_server
    html = (f'<html lang="nb"><head><title>t</title><link rel="stylesheet" href="{base}/sheet.css">'
            f'<style>@import url({base}/import.css); p {{ background: url({base}/bg.png) }}'
            f'@font-face {{ font-family: X; src: url(file:///etc/passwd) }}</style></head><body>'
            f'<p>Tekst</p><img src="file:///etc/passwd"><img src="{base}/img.png">'
            f'<link rel="attachment" href="file:///etc/passwd"><a rel="attachment" href="file:///etc/passwd">a</a>'
            f'<div style="background:url({base}/div.png)">x</div>'
            f'<img src="fonts/../../pyproject.toml"><img src="file://{LETTERS_DIR}/../pyproject.toml">'
            f'<img src="data:image/png;base64,iVBORw0KGgo="></body></html>')
    fetcher = make_fetcher()
    pdf = html_to_pdf(html, fetcher=fetcher)
    assert hits == []
    assert fetcher.served == []
    assert any("etc/passwd" in u for u in fetcher.refused)
    assert any(u.startswith(base) for u in fetcher.refused)
    assert any("pyproject.toml" in u for u in fetcher.refused)
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        assert "/Names" not in doc.Root or "/EmbeddedFiles" not in doc.Root.Names
        assert doc.attachments.keys() == set() or len(doc.attachments) == 0
    assert b"root:x:0:0" not in pdf


def test_fetcher_serves_only_assets_inside_letters(tmp_path):
    fetcher = make_fetcher()
    font = (LETTERS_DIR / "fonts" / "LiberationSans-Regular.ttf").as_uri()
    assert fetcher.fetch(font).read(4) == b"\x00\x01\x00\x00"
    for url in ("file:///etc/passwd", "http://127.0.0.1:9/x", "https://example.org/x.css",
                (LETTERS_DIR / "fonts" / ".." / ".." / "pyproject.toml").as_uri(),
                (LETTERS_DIR / "letter.html.j2").as_uri(),  # not an asset type
                "data:text/css,p{color:red}", "file://otherhost/etc/passwd"):
        with pytest.raises(ValueError):
            fetcher.fetch(url)
    # a symlink inside an asset folder pointing outside is refused too
    root = tmp_path / "assets"
    root.mkdir()
    secret = tmp_path / "secret.css"
    secret.write_text("p{}")
    (root / "link.css").symlink_to(secret)
    (root / "ok.css").write_text("p{}")
    confined = make_fetcher(root)
    assert confined.fetch((root / "ok.css").as_uri()).read() == b"p{}"
    with pytest.raises(ValueError):
        confined.fetch((root / "link.css").as_uri())
    assert len(confined.refused) == 1
