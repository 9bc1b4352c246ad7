"""The letter generator (issue 16 acceptance): ≥ 30 letters across the five layouts, both languages, every
date and amount style, 1–4 pages and the scanned variant, each a real PDF with its truth."""

from __future__ import annotations

import io
from collections import Counter

import pytest
from pypdf import PdfReader

import nav_letters  # type: ignore[import-not-found]

SEEDS = range(40)


@pytest.fixture(scope="module")
def letters():
    return {seed: nav_letters.generate(seed) for seed in SEEDS}


def test_at_least_30_letters_render_as_pdf(letters):
    assert len(letters) >= 30
    for g in letters.values():
        pages = len(PdfReader(io.BytesIO(g.pdf)).pages)
        assert g.pdf.startswith(b"%PDF-") and 1 <= pages <= 4


def test_styles_are_all_drawn(letters):
    styles = [g.style for g in letters.values()]
    assert set(nav_letters.LAYOUTS) <= {s.layout for s in styles}
    assert {"nb", "nn"} <= {s.lang for s in styles}
    assert set(nav_letters.DATE_STYLES) <= {s.date_style for s in styles}
    assert set(nav_letters.AMOUNT_STYLES) <= {s.amount_style for s in styles}
    assert {True, False} <= {s.fnr_space for s in styles}
    assert any(s.scanned for s in styles) and any(s.appeal for s in styles)
    assert len(Counter(tuple(s.order) for s in styles)) > 10  # facts in varying order


def test_same_seed_same_letter():
    a, b = nav_letters.generate(7), nav_letters.generate(7)
    assert a.truth == b.truth and a.style == b.style


def test_truth_adds_up(letters):
    from decimal import ROUND_HALF_UP, Decimal

    for g in letters.values():
        for p in g.truth["payments"]:
            net = Decimal(p["gross"]) - sum(Decimal(d["amount"]) for d in p["deductions"])
            assert net.quantize(Decimal(1), ROUND_HALF_UP) == Decimal(p["net"])


def test_scanned_letters_have_no_text_layer(letters):
    scanned = next(g for g in letters.values() if g.style.scanned)
    reader = PdfReader(io.BytesIO(scanned.pdf))
    assert all(not (page.extract_text() or "").strip() for page in reader.pages)
