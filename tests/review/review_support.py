"""Helpers for the review tests: case files, variants, and reading the review page's HTML."""

from __future__ import annotations

import json
from pathlib import Path

from lxml import html as lxml_html

CASES = Path(__file__).resolve().parents[2] / "docs" / "cases"
CASE_NAMES = sorted(p.stem for p in CASES.glob("*.json"))


def load_doc(name: str) -> dict:
    from workbench.formats.import_format import load_document

    return load_document((CASES / f"{name}.json").read_text(encoding="utf-8"))


def load_expected(name: str) -> dict:
    return json.loads((CASES / "expected" / f"{name}.json").read_text(encoding="utf-8"))


def variant(name: str, **changes) -> dict:
    """A D-case with values replaced by dotted path (``"appeal.sent"``); None deletes the key."""
    doc = load_doc(name)
    for path, value in changes.items():
        *parents, last = path.split(".")
        cur = doc
        for p in parents:
            cur = cur[int(p)] if p.isdigit() else cur[p]
        if value is None:
            cur.pop(last, None)
        else:
            cur[last] = value
    return doc


def page(response):
    """The parsed page; ``text(el)`` collapses whitespace."""
    return lxml_html.fromstring(response.get_data(as_text=True))


def text(el) -> str:
    return " ".join(el.text_content().split()) if el is not None else ""


def by_id(tree, id_: str):
    found = tree.xpath(f'//*[@id="{id_}"]')
    return found[0] if found else None


def kr(amount: str | int, decimals: int = 0) -> str:
    """The page's money format with plain spaces: «kr 6 797» / «kr 4 531,02»."""
    from decimal import Decimal

    from workbench.texts.formatting import format_kr

    return format_kr(Decimal(str(amount)), decimals, nbsp=False)
