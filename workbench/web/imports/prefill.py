"""The hand-entry form prefilled from the papers (issue 16), and where each submitted field came from.

``workbench.extract`` gives the import format's shape with each leaf ``{"value", "page", "line"}``. Here that
becomes the form's values (dates dd.mm.åååå, amounts with a decimal comma, as a jurist types them) and, per
field (``formdoc`` names fields by document path), the page and line it was read from. When the form is
submitted, :func:`provenance` compares each field with what was read: the same value is «extracted», another
value «corrected», a field the reader did not fill «typed».
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any

from workbench.web.imports.formdoc import DATE_KEYS, LINES_KEYS, MONEY_KEYS, NUMBER_KEYS, flatten

Source = tuple[int, int]  # page, line


def _is_leaf(node: Any) -> bool:
    return isinstance(node, dict) and set(node) == {"value", "page", "line"}


def split(extracted: dict | None) -> tuple[dict, dict[str, Source]]:
    """The extraction as an import document (values only) and, per form field, the page and line it came from
    (a list field such as ``decision.hjemler`` — one line per item — by its first item)."""
    sources: dict[str, Source] = {}

    def walk(node: Any, path: str) -> Any:
        if _is_leaf(node):
            field = path.split("[", 1)[0] if path.split("[", 1)[0] in LINES_KEYS else path
            sources.setdefault(field, (int(node["page"]), int(node["line"])))
            return node["value"]
        if isinstance(node, dict):
            return {k: walk(v, f"{path}.{k}" if path else k) for k, v in node.items()}
        if isinstance(node, list):
            return [walk(v, f"{path}[{i}]") for i, v in enumerate(node)]
        return node

    return walk(extracted or {}, ""), sources


def _key(path: str) -> str:
    return path.rsplit(".", 1)[-1].split("[", 1)[0]


def _shown(path: str, value: str) -> str:
    """A value as the form shows it: an ISO date as dd.mm.åååå, an amount or a number with a decimal comma."""
    key = _key(path)
    if key in DATE_KEYS and len(value) == 10 and value[4] == "-" and value[7] == "-":
        return f"{value[8:10]}.{value[5:7]}.{value[0:4]}"
    if key in MONEY_KEYS | NUMBER_KEYS:
        return value.replace(".", ",")
    return value


def form_values(doc: dict) -> dict[str, str]:
    """The prefilled form's field values (``formdoc.flatten``, then as a jurist types them)."""
    return {path: _shown(path, value) for path, value in flatten(doc).items()}


def _same(path: str, a: str, b: str) -> bool:
    if _key(path) in MONEY_KEYS | NUMBER_KEYS:
        try:
            return Decimal(a.replace(",", ".")) == Decimal(b.replace(",", "."))
        except InvalidOperation:
            return False
    if path in LINES_KEYS:
        return [x.strip() for x in a.splitlines() if x.strip()] == [x.strip() for x in b.splitlines() if x.strip()]
    return a.strip() == b.strip()


def provenance(extracted: dict | None, submitted: dict, document_id: str | None,
               appeal_document_id: str | None = None) -> dict[str, dict[str, Any]]:
    """Per field of the submitted document (and per extracted field the jurist emptied): ``extracted`` (same
    value as read, with document, page and line), ``corrected`` (read, then changed: the value read kept) or
    ``typed`` (not read). The appeal's fields name ``appeal_document_id`` when they were read from the klage
    (``case_documents.prefill``)."""
    values, sources = split(extracted)
    given = {k: v for k, v in flatten(submitted).items() if k != "format"}
    rows = _rows_by_period(values.get("payments"), submitted.get("payments"))
    read = {moved: v for k, v in flatten(values).items() if (moved := _renumbered(k, rows))}
    sources = {moved: v for k, v in sources.items() if (moved := _renumbered(k, rows))}
    out: dict[str, dict[str, Any]] = {}
    for path in sorted(set(read) | set(given)):
        where = sources.get(path)
        if path in read and where is not None:
            read_from = appeal_document_id if appeal_document_id and path.startswith("appeal.") else document_id
            entry: dict[str, Any] = {"document": read_from, "page": where[0], "line": where[1]}
            if path in given and _same(path, read[path], given[path]):
                out[path] = {"source": "extracted", **entry}
            else:
                out[path] = {"source": "corrected", **entry, "extracted": _shown(path, read[path])}
        elif path in given:
            out[path] = {"source": "typed"}
    return out


def _rows_by_period(read: Any, submitted: Any) -> dict[int, int | None]:
    """Which submitted payment row each read row became, matched by its period's start (``from``), not its place:
    the jurist may delete, add or reorder rows (issue 16). A read row no submitted row starts on: None."""
    read_rows, given_rows = (x if isinstance(x, list) else [] for x in (read, submitted))
    starts = {str(row.get("from")): j for j, row in enumerate(given_rows) if isinstance(row, dict) and row.get("from")}
    return {i: starts.get(str(row.get("from"))) if isinstance(row, dict) else None for i, row in enumerate(read_rows)}


def _renumbered(path: str, rows: dict[int, int | None]) -> str | None:
    """A read field's path in the submitted document's numbering (``payments[i]…`` → ``payments[j]…``); None for a
    field of a row the jurist deleted (the case's document no longer has it)."""
    m = re.match(r"payments\[(\d+)\]", path)
    if m is None:
        return path
    j = rows.get(int(m[1]))
    return None if j is None else f"payments[{j}]{path[m.end():]}"


def provenance_rows(fields: dict[str, dict[str, Any]] | None) -> list[dict[str, Any]]:
    """The stored provenance as the case page lists it: each field by its Norwegian name, in document order."""
    from workbench.web.review.facts import label_for_path

    return [{"path": path, "label": label_for_path(path), **src} for path, src in (fields or {}).items()]
