"""Extracting the facts of a Nav decision letter (PDF) into the shape of ``klagebenk.nav-vedtak/1``
(docs/import-format.md), each value with the page and line it was read from (issue 16).

``extract(data) -> Extraction``: ``facts`` has the import format's keys and nesting with every leaf a
``Leaf`` (``{"value", "page", "line"}`` in JSON); what was not found, or failed a cross-check, is absent.
``UnreadablePdf`` (from ``reader``) for a file that is not a readable PDF.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from workbench.extract import fields as f
from workbench.extract.payments import payments
from workbench.extract.reader import UNSURE, Document, Line, UnreadablePdf, read_pdf
from workbench.extract.text import Leaf, Text

__all__ = ["Extraction", "UnreadablePdf", "extract", "extract_appeal", "refuse_unsure", "to_json"]


@dataclass
class Extraction:
    facts: dict[str, Any]
    pages: int
    messages: list[str] = field(default_factory=list)


def extract(data: bytes | Document) -> Extraction:
    """The facts of the letter in ``data`` (PDF bytes, or what the reader found in them: the intake reads a
    document once and keeps the read); raises ``UnreadablePdf``."""
    doc = _read(data)
    decision, appeal = split_appeal(doc)
    facts = decision_facts(Text(decision))
    if appeal:
        facts.update(appeal_facts(Text(appeal), facts))
    if doc.ocr_pages:
        facts = refuse_unsure(facts, doc)
    return Extraction(prune(facts), doc.pages, doc.messages)


# What a line must hold for an unsure word on it to put a list in doubt (an item there may be unread).
LIST_WORDS = {
    "payments": r"perio|brutto|netto|trekk|trukk|trekt|utbetal|§",
    "children": r"barn|born|fødd?",
    "work": r"tim(?:er|ar)|arbeid|omsorg|foster|lærling",
    "benefits": r"per dag|peng|trygd|støtte|overgangsstønad",
}


def refuse_unsure(facts: dict[str, Any], doc: Document) -> dict[str, Any]:
    """A read by OCR (issue 16: a wrong value is worse than an empty one): a value holding a word OCR was unsure
    of is left empty; a list (payments, children, work, benefits, the provisions, the appeal's points) is left
    empty whole when one of its items is in doubt — an unsure word on a line that may hold an item, a value in
    doubt, or payment periods with a gap between them — since a list with an item missing reads as complete. The
    appeal's arguments (free text, which no check can confirm) are not taken from a scan."""
    unsure_lines = [x.text.lower() for x in doc.lines if UNSURE in x.text]

    def doubtful(node: Any) -> bool:
        if isinstance(node, Leaf):
            return isinstance(node.value, str) and (UNSURE in node.value or "|" in node.value)
        if isinstance(node, dict):
            return any(doubtful(v) for v in node.values())
        if isinstance(node, list):
            return any(doubtful(v) for v in node)
        return False

    def clean(node: Any) -> Any:
        if isinstance(node, list):
            return [] if doubtful(node) else node
        if isinstance(node, dict):
            return {k: clean(v) for k, v in node.items()}
        return None if doubtful(node) else node

    out = clean(facts)
    for key, words in LIST_WORDS.items():
        if any(re.search(words, line) for line in unsure_lines):
            out[key] = []
    if not _contiguous(out.get("payments", [])):
        out["payments"] = []
    if "appeal" in out:  # free text: nothing to check a misread word against, so OCR's reading is not offered
        out["appeal"]["arguments"] = []
    return out


def _contiguous(payments: list[dict[str, Any]]) -> bool:
    """Payment periods that follow each other day by day (a gap means a period was not read)."""
    from datetime import date, timedelta

    ends = [(date.fromisoformat(p["from"].value), date.fromisoformat(p["to"].value)) for p in payments]
    return all(b[0] == a[1] + timedelta(days=1) for a, b in zip(ends, ends[1:]))


def _read(data: bytes | Document) -> Document:
    return data if isinstance(data, Document) else read_pdf(data)


def extract_appeal(data: bytes | Document, decided: str | None = None) -> Extraction:
    """The klage as a document of its own (the oversendelse's «klage»): ``{"appeal": {"sent", "arguments"}}``,
    each with page and line; ``decided`` (ISO), the decision's date, if known, the date it may not precede.
    Raises ``UnreadablePdf``."""
    doc = _read(data)
    facts: dict[str, Any] = appeal_facts(Text(doc.lines), {"decision": {"date": Leaf(decided, 0, 0) if decided else None}})
    if doc.ocr_pages:
        facts = refuse_unsure(facts, doc)
    return Extraction(prune(facts), doc.pages, doc.messages)


def split_appeal(doc: Document) -> tuple[list[Line], list[Line]]:
    """The decision's lines and the appeal's: an appeal («Klage på vedtak …») starts on its own page."""
    for line in doc.lines:
        if re.match(r"Klage på vedtak", line.text) and line.page > 1:
            return ([x for x in doc.lines if x.page < line.page], [x for x in doc.lines if x.page >= line.page])
    return doc.lines, []


def decision_facts(t: Text) -> dict[str, Any]:
    """Keys as in import-format.md «Top level», «decision» and «participant»."""
    number = f.fnr(t)
    participant: dict[str, Any] = {"name": f.name(t), "fnr": number, "address": f.address(t)}
    if number is not None:  # the birth date the number encodes (identity.md), read where the number stands
        from workbench.formats.import_format.identity import validate_identity

        born = validate_identity(str(number.value))[1]
        participant["birth_date"] = Leaf(born.isoformat(), number.page, number.line) if born else None
    facts: dict[str, Any] = {
        "nav_office": {"name": f.office(t)},
        "decision": {"reference": f.reference(t), "date": f.decision_date(t), "kind": f.decision_kind(t),
                     "hjemler": f.hjemler(t)},
        "participant": participant,
        "programme": f.programme(t),
        "children": [{"birth_date": c} for c in f.children(t)],
        "work": f.work(t),
        "benefits": f.benefits(t),
        "payments": payments(t),
    }
    return cross_check(facts)


def cross_check(facts: dict[str, Any]) -> dict[str, Any]:
    """Drop what contradicts another fact: a child born after the decision, work or a benefit wholly outside
    the programme (import-format.md «Facts that contradict each other»)."""
    decided = facts["decision"]["date"]
    if decided is not None:
        facts["children"] = [c for c in facts["children"] if c["birth_date"].value <= decided.value]
    prog = facts["programme"]
    if prog is not None:
        def inside(x: dict[str, Leaf]) -> bool:
            return bool(x["from"].value <= prog["to"].value and x["to"].value >= prog["from"].value)

        facts["work"] = [w for w in facts["work"] if inside(w)]
        facts["benefits"] = [b for b in facts["benefits"] if inside(b)]
    for key in ("work", "benefits"):
        facts[key] = sorted(facts[key], key=lambda x: x["from"].value)
    return facts


def appeal_facts(t: Text, facts: dict[str, Any]) -> dict[str, Any]:
    """The klage (import-format.md «appeal»): sent no earlier than the decision, and its numbered points."""
    sent = f.appeal_sent(t)
    decided = facts["decision"]["date"]
    if sent is not None and decided is not None and sent.value < decided.value:
        sent = None
    return {"appeal": {"sent": sent, "arguments": f.arguments(t)}}


def prune(value: Any) -> Any:
    """Leave out what was not found: None, empty objects and empty lists (but keep an empty ``deductions``
    list that the sum check confirmed)."""
    if isinstance(value, dict):
        out = {k: prune(v) for k, v in value.items()}
        return {k: v for k, v in out.items() if v is not None and (v != {} and (v != [] or k == "deductions"))}
    if isinstance(value, list):
        return [prune(v) for v in value]
    return value


def to_json(value: Any) -> Any:
    """Leaves as ``{"value", "page", "line"}``."""
    if isinstance(value, Leaf):
        return value.as_json()
    if isinstance(value, dict):
        return {k: to_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [to_json(v) for v in value]
    return value
