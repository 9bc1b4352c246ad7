"""The hand-entry form ↔ the import document.

Form fields are named by their path in the document (``payments[0].deductions[1].amount``), so a
validation error's path points straight at its field. ``parse_form`` turns the posted fields into a
document (empty fields left out, empty rows dropped, dates typed dd.mm.åååå read as ISO dates, «1 234,50»
and «1234.50» read as 1234.50) and keeps, per document path, the text as it was typed (shown back as
typed, never changed) and the form's own error where a date, an amount or a number cannot be read
(issue 13: a browser date field dropped 31.02.2025 silently). The document keeps the one shape the import
validation reads (``workbench.formats.import_format``): ISO dates, decimal strings. ``flatten`` turns a
document back into field values.

Whatever is posted, nothing here fails or takes long (issue #14): a field name is read only if it is
a short path of at most :data:`MAX_PATH_TOKENS` steps with row numbers of at most 4 digits; a name
that clashes with another (``work`` and ``work[0].hours``) is left out; a number is converted only
when it is plain digits (at most :data:`MAX_NUMBER_DIGITS`), never from an exponent — anything else
stays text, and the one validation names the field.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any

from workbench.web.forms import DATE_FORMATS, INVALID_DATE

FORMAT_ID = "klagebenk.nav-vedtak/1"
MONEY_KEYS = {"gross", "net", "amount", "daily_amount"}
NUMBER_KEYS = {"hours", "hours_per_week"}
BOOL_KEYS = {"foster", "valid", "signed", "absence_reservation"}
#: the date fields of the format (docs/import-format.md), typed as dd.mm.åååå (ISO still read)
DATE_KEYS = {"date", "from", "to", "birth_date", "notice_received", "first_start", "sent", "received", "forwarded",
             "statsforvalteren_received", "requested_reasons", "reasons_received"}
INVALID_AMOUNT = "Skriv et beløp i kroner, f.eks. 1 234,50."
INVALID_NUMBER = "Skriv et tall, f.eks. 7,5."
LINES_KEYS = {"decision.hjemler"}  # one entry per line in a textarea
SKIP = {"csrf_token", "action", "confirmed"}  # confirmed: the check of a form prefilled from the papers
REQUIRED_OBJECTS = ("nav_office", "decision", "participant", "programme", "appeal")

_TOKEN = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)|\[([0-9]+)\]|\.")
_PATH = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(?:\[[0-9]{1,4}\]|\.[A-Za-z_][A-Za-z0-9_]*)*$")
MAX_NAME_LENGTH = 200  # a field name: the longest on the form is about 40 characters
MAX_PATH_TOKENS = 8  # payments[0].deductions[1].amount has 5
MAX_NUMBER_DIGITS = 30  # digits of an hours field, before and after the decimal point
_NUMBER = re.compile(rf"^[0-9]{{1,{MAX_NUMBER_DIGITS}}}(\.[0-9]{{1,{MAX_NUMBER_DIGITS}}})?$")
_AMOUNT = re.compile(rf"^-?[0-9]{{1,{MAX_NUMBER_DIGITS}}}(\.[0-9]{{1,{MAX_NUMBER_DIGITS}}})?$")

#: Repeating groups of the form and the row count shown when the document has none.
GROUPS = ("children", "work", "absence", "leave_without_stonad", "ferie", "benefits", "payments")


def _tokens(path: str) -> list[str | int]:
    out: list[str | int] = []
    for name, index in _TOKEN.findall(path):
        if name:
            out.append(name)
        elif index:
            out.append(int(index))
    return out


def _plain_number(text: str) -> str:
    """«1 234,50» / «1234.50» → «1234.50»: a comma or a point as the decimal mark, spaces between digit groups
    (a point and a comma together, «1.234,50», stays as typed: which is the decimal mark is a guess)."""
    t = text.replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
    if "," in t and "." not in t:
        t = t.replace(",", ".")
    return t


def _normalise_money(text: str) -> str:
    return _plain_number(text.strip().removeprefix("kr").removesuffix(",-").strip())


@dataclass(frozen=True, slots=True)
class _Leaf:
    """One posted field: the value for the document, the text as typed, the form's error (if any)."""

    value: Any
    typed: str
    error: str | None = None


def _read_date(text: str) -> str | None:
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    return None


def _convert(key: str, full_path: str, value: str) -> _Leaf:
    typed = value
    value = value.strip()
    if value == "":
        return _Leaf(None, typed)
    if full_path in LINES_KEYS:
        items = [line.strip() for line in value.splitlines() if line.strip()]
        return _Leaf(items or None, typed)
    if key in BOOL_KEYS:
        return _Leaf({"true": True, "false": False}.get(value, value), typed)
    if key in MONEY_KEYS:
        money = _normalise_money(value)
        # what cannot be read stays as typed in the document too: the one validation still sees the field
        return _Leaf(money, typed) if _AMOUNT.match(money) else _Leaf(value, typed, INVALID_AMOUNT)
    if key in NUMBER_KEYS:
        text = _plain_number(value)
        if _NUMBER.match(text):  # plain digits only: an exponent (1e1000000) is never computed
            return _Leaf(Decimal(text), typed)
        return _Leaf(value, typed, INVALID_NUMBER)
    if key in DATE_KEYS:
        iso = _read_date(value) if len(value) <= 10 else None
        return _Leaf(iso, typed) if iso else _Leaf(value, typed, INVALID_DATE)
    return _Leaf(value, typed)


def _set(root: dict, tokens: list[str | int], value: Any) -> None:
    """Put ``value`` at ``tokens``; a path through a field that already holds a value (``work`` was
    posted, and ``work[0].hours``) is left out."""
    node: Any = root
    for here, nxt in zip(tokens, tokens[1:]):
        child = node.get(here)
        if child is None:
            child = {} if isinstance(nxt, str) else {"__list__": {}}
            node[here] = child
        if not isinstance(child, dict):
            return
        node = child["__list__"] if isinstance(nxt, int) and "__list__" in child else child
    last = tokens[-1]
    if isinstance(node.get(last), dict):  # ``work[0]`` posted after ``work[0].hours``: keep the row
        return
    node[last] = value


def _finish(node: Any) -> Any:
    """Turn index maps into lists, drop empty values and empty rows (the rows after them move up: a typed
    text and an error stay with their field, as :func:`parse_form` reads them after this)."""
    if isinstance(node, _Leaf):
        return None if node.value in (None, [], {}) else node
    if isinstance(node, dict):
        if "__list__" in node:
            items = [_finish(node["__list__"][k]) for k in sorted(node["__list__"])]
            items = [i for i in items if i not in (None, {}, [])]
            return items or None
        out = {}
        for k, v in node.items():
            v = _finish(v)
            if v not in (None, {}, []):
                out[k] = v
        return out
    return node


@dataclass
class ParsedForm:
    """The posted hand-entry form read: ``document`` for the one validation, ``typed`` the text of each field
    as typed (by document path, to show the form again unchanged), ``errors`` the form's own error per path."""

    document: dict = field(default_factory=dict)
    typed: dict[str, str] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)


def _unwrap(node: Any, prefix: str, parsed: ParsedForm) -> Any:
    """The document's value at ``prefix``; the typed text and error of each field collected on the way."""
    if isinstance(node, _Leaf):
        parsed.typed[prefix] = node.typed
        if node.error:
            parsed.errors[prefix] = node.error
        return node.value
    if isinstance(node, dict):
        return {k: _unwrap(v, f"{prefix}.{k}" if prefix else k, parsed) for k, v in node.items()}
    if isinstance(node, list):
        return [_unwrap(v, f"{prefix}[{i}]", parsed) for i, v in enumerate(node)]
    return node


def parse_form(form: Mapping[str, str]) -> ParsedForm:
    root: dict = {}
    for name in form:
        if name in SKIP or len(name) > MAX_NAME_LENGTH or "__list__" in name or not _PATH.match(name):
            continue
        tokens = _tokens(name)
        if not tokens or len(tokens) > MAX_PATH_TOKENS:
            continue
        key = next(t for t in reversed(tokens) if isinstance(t, str))
        _set(root, tokens, _convert(key, name, form.get(name, "")))
    parsed = ParsedForm()
    doc = _unwrap(_finish(root) or {}, "", parsed)
    # Keep the required objects even when every field is empty, so the validation names the
    # missing fields (``nav_office.name``) rather than the whole object.
    for key in REQUIRED_OBJECTS:
        doc.setdefault(key, {})
    parsed.document = {"format": FORMAT_ID, **doc}
    return parsed


def build_document(form: Mapping[str, str]) -> dict:
    """The import document of a posted form (:func:`parse_form`)."""
    return parse_form(form).document


def flatten(doc: Any, prefix: str = "") -> dict[str, str]:
    """Field values to show: ``{"payments[0].net": "5328", "decision.hjemler": "a\\nb"}``."""
    out: dict[str, str] = {}
    if isinstance(doc, dict):
        for k, v in doc.items():
            path = f"{prefix}.{k}" if prefix else k
            if path in LINES_KEYS and isinstance(v, list):
                out[path] = "\n".join(str(x) for x in v)
            else:
                out.update(flatten(v, path))
    elif isinstance(doc, list):
        for i, v in enumerate(doc):
            out.update(flatten(v, f"{prefix}[{i}]"))
    elif doc is None:
        pass
    elif isinstance(doc, bool):
        out[prefix] = "true" if doc else "false"
    elif isinstance(doc, Decimal):
        out[prefix] = format(doc, "f").replace(".", ",") if prefix.rsplit(".", 1)[-1] in NUMBER_KEYS else format(doc, "f")
    else:
        out[prefix] = str(doc)
    return out


def _list(value: Any) -> list:
    return value if isinstance(value, list) else []


def _dict(value: Any) -> dict:
    return value if isinstance(value, dict) else {}


def row_counts(doc: dict) -> dict[str, Any]:
    """How many rows to show per group: the document's rows, plus one empty row to fill in. (A
    posted name may have made a group or a row plain text: it counts as empty.) Group → int, except
    ``deductions``: one int per payment row."""
    counts: dict[str, Any] = {g: len(_list(doc.get(g))) + 1 for g in GROUPS}
    counts["arguments"] = len(_list(_dict(doc.get("appeal")).get("arguments"))) + 1
    counts["deductions"] = [len(_list(_dict(p).get("deductions"))) + 1 for p in _list(doc.get("payments"))]
    return counts


def field_id(path: str) -> str:
    return "f-" + re.sub(r"[^A-Za-z0-9]+", "-", path).strip("-")


#: ``action`` values of the no-JavaScript «+ Legg til …» buttons: ``add:work``,
#: ``add:appeal.arguments``, ``add:payments[1].deductions``.
_ADD_ACTION = re.compile(
    r"^add:(?:(?P<group>" + "|".join(GROUPS) + r"|appeal\.arguments)"
    r"|payments\[(?P<payment>\d{1,4})\]\.deductions)$")
_MAX_ROWS = 200  # per group; a no-JS add beyond this is ignored


def parse_add_action(action: str | None) -> tuple[str, int | None] | None:
    """``"add:work"`` → ``("work", None)``, ``"add:payments[1].deductions"`` → ``("deductions", 1)``;
    anything else → None."""
    m = _ADD_ACTION.match(action or "")
    if not m:
        return None
    if m.group("group"):
        return ("arguments" if m.group("group") == "appeal.arguments" else m.group("group")), None
    return "deductions", int(m.group("payment"))


def _posted_indices(form: Mapping[str, str], prefix: str) -> list[int]:
    """The row indices posted for a group (``prefix`` like ``work`` or ``payments[1].deductions``)."""
    pattern = re.compile(re.escape(prefix) + r"\[([0-9]{1,4})\]")
    found = set()
    for name in form:
        m = pattern.match(name)
        if m:
            found.add(int(m.group(1)))
    return sorted(found)


def _has_value(form: Mapping[str, str], prefix: str) -> bool:
    return any(name.startswith(prefix) and name not in SKIP and str(form.get(name, "")).strip()
               for name in form)


def add_row(counts: dict, form: Mapping[str, str], doc: dict, action: str | None) -> dict | None:
    """The row counts to show after a no-JavaScript «+ Legg til …» post: the usual counts, with
    the addressed group showing every row that was on the page plus one more. None if ``action``
    is no add-row action."""
    parsed = parse_add_action(action)
    if parsed is None:
        return None
    group, payment = parsed
    counts = {**counts, "deductions": list(counts["deductions"])}
    if group != "deductions":
        prefix = "appeal.arguments" if group == "arguments" else group
        shown = max(counts[group], len(_posted_indices(form, prefix)))
        counts[group] = min(shown + 1, _MAX_ROWS)
        return counts
    # Deductions of the posted payment row ``payment``: empty payment rows are dropped from the
    # document, so find where that row is shown again.
    if payment not in _posted_indices(form, "payments"):
        return counts
    kept = [k for k in _posted_indices(form, "payments") if _has_value(form, f"payments[{k}].")]
    doc_rows = len(_list(doc.get("payments")))
    index = min(kept.index(payment) if payment in kept else doc_rows, doc_rows)  # empty: the blank row
    while len(counts["deductions"]) <= index:
        counts["deductions"].append(1)
    shown = max(counts["deductions"][index],
                len(_posted_indices(form, f"payments[{payment}].deductions")))
    counts["deductions"][index] = min(shown + 1, _MAX_ROWS)
    return counts
