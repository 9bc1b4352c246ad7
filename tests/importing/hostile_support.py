"""Hostile import documents for the fuzz tests (issue #14): the worked cases with one to three
values replaced by something hostile — huge or over-long numbers written as JSON text (never computed
here either), lone surrogates, control characters, over-long text, dates near the calendar's ends,
deep nesting, long lists, duplicate keys, unknown keys, wrong types — and the same for the hand-entry
form's fields and names.

Used by tests/importing/test_import_fuzz.py, tests/web/test_web_hostile_input.py and
tests/api/test_api_fuzz.py (they put this folder on ``sys.path``).
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

from hypothesis import strategies as st

CASES = Path(__file__).resolve().parents[2] / "docs" / "cases"
BASES = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in sorted(CASES.glob("*.json"))}

#: Claimant names and fødselsnumre of the bases: never to be found in a log.
PERSONAL = sorted({d["participant"]["name"] for d in BASES.values()}
                  | {d["participant"]["fnr"] for d in BASES.values()})

#: JSON text put where a value goes, as written (numbers the importer must never compute, nesting).
RAW_JSON = [
    "1e1000000", "1e10000000", "-1e10000000", "1e-10000000", "1E+27", "1e30", "1e308", "1e-400",
    "9" * 30, "1" * 31, "1" * 5000, "0." + "0" * 400 + "1", "123456789012345678901234567890.5",
    "10000000.01", "10000000", "100000.01", "10000.01", "168.01", "24.5", "-0", "-1", "0.001",
    "12.345", "1.5e3", "7.50000000000000000000000000001", "[" * 40 + "]" * 40, "[" * 3000 + "]" * 3000,
    '{"a":' * 20 + "1" + "}" * 20, "[]", "{}", "null", "true", '"\\ud800"', '"a\\udfffb"',
    '"\\u0000"', '"x\\u001by"', '"\\ud83d\\ude00"',
]

HOSTILE_TEXT = [
    "", " ", "\ud800", "a\ud800b", "\udc00", "a\x00b", "tab\there", "line\nbreak", "\x1b[31m",
    "x" * 101, "x" * 201, "x" * 300, "x" * 10_001, "ÆØÅ æøå " * 30, "😀" * 60, "\u202etxet",
    "<script>alert(1)</script>", "Robert'); DROP TABLE cases;--", "{{ 7*7 }}", "%s%s%n",
    "١٢٣٤٥", "²", "１２３", "12,5", "1 234,50", "kr 100", "1e1000000", "NaN", "Infinity",
    "9999-12-31", "0001-01-01", "1899-12-31", "1900-01-01", "1999-12-31", "2000-01-01",
    "2099-12-31", "2100-01-01", "2025-02-29", "2024-02-29", "2025-13-01", "2025-10-06\n",
    "２０２５-１０-０６", "2025-10-06T00:00:00", "06.10.2025",
    "arbeid", "avslag", "part", "nn", "klagebenk.nav-vedtak/1", "15507600333", "1²345678901",
]

SIMPLE = (st.none() | st.booleans() | st.integers(-10**12, 10**12)
          | st.sampled_from(HOSTILE_TEXT) | st.text(max_size=20))


def leaf_paths(obj, prefix=()):
    """Every path into a JSON document (keys and list indexes), the document itself first."""
    yield prefix
    if isinstance(obj, dict):
        for k, v in obj.items():
            yield from leaf_paths(v, prefix + (k,))
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            yield from leaf_paths(v, prefix + (i,))


#: Optional parts the bases lack, added before the hostile values go in (so they are reached too).
EXTRA = {
    "ferie": [{"from": "2025-07-01", "to": "2025-07-21", "note": "Fellesferie"}],
    "children": [{"birth_date": "2019-01-15", "foster": False}],
    "leave_without_stonad": [{"from": "2025-08-01", "to": "2025-08-05", "reason": "Avtalt", "kind": "avtalt"}],
    "representative": {"name": "Advokat Testesen", "kind": "advokat",
                       "address": {"street": "Gata 1", "postcode": "0150", "city": "Oslo"}},
    "benefits": [{"kind": "dagpenger", "from": "2025-10-16", "to": "2025-10-17", "daily_amount": "500.00"}],
    "absence": [{"date": "2025-10-08", "hours": 4, "valid": False, "reason": "Kurs"}],
    "work": [{"from": "2025-10-06", "to": "2025-10-19", "hours": 15, "kind": "arbeid", "note": "Butikk"}],
}
APPEAL_EXTRA = {"statsforvalteren_received": "2025-11-25", "requested_reasons": None,
                "reasons_received": None}


def with_extras(doc: dict) -> dict:
    doc = copy.deepcopy(doc)
    for key, value in EXTRA.items():
        if not doc.get(key):
            doc[key] = copy.deepcopy(value)
    for key, value in APPEAL_EXTRA.items():
        doc["appeal"].setdefault(key, value)
    doc["children"][0].setdefault("from", doc["programme"]["from"])  # a child's period: open ends too
    doc["children"][0].setdefault("to", doc["programme"]["to"])
    doc["programme"].setdefault("first_start", doc["programme"]["from"])
    return doc


FULL = {name: with_extras(doc) for name, doc in BASES.items()}
PATHS = {name: [p for p in leaf_paths(doc) if p] for name, doc in FULL.items()}


def _set(doc, path, value):
    obj = doc
    for k in path[:-1]:
        obj = obj[k]
    obj[path[-1]] = value


def _delete(doc, path):
    obj = doc
    for k in path[:-1]:
        obj = obj[k]
    if isinstance(obj, dict):
        obj.pop(path[-1], None)


@st.composite
def hostile_documents(draw) -> bytes:
    """A worked case with 1–3 hostile changes, as the bytes of a JSON file."""
    name = draw(st.sampled_from(sorted(FULL)))
    doc = copy.deepcopy(FULL[name])
    raws: list[str] = []
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(PATHS[name]))
        try:
            kind = draw(st.sampled_from(["raw", "raw", "text", "simple", "delete", "unknown", "many"]))
            if kind in ("raw", "text", "simple"):
                if kind == "raw":
                    raws.append(draw(st.sampled_from(RAW_JSON)))
                    value = f"@@RAW{len(raws) - 1}@@"
                else:
                    value = draw(st.sampled_from(HOSTILE_TEXT)) if kind == "text" else draw(SIMPLE)
                _set(doc, path, value)
            elif kind == "delete":
                _delete(doc, path)
            elif kind == "unknown":
                if isinstance(path[-1], str):
                    _set(doc, path[:-1] + (draw(st.sampled_from(["x", "\ud800", "Payments", "from "])),), 1)
            else:  # a list made long: one of its elements repeated
                obj = doc
                for k in path[:-1]:
                    obj = obj[k]
                if isinstance(obj, list) and obj:
                    obj.extend([copy.deepcopy(obj[0])] * draw(st.sampled_from([1, 19, 60, 130, 700, 2000])))
        except (KeyError, IndexError, TypeError):
            continue  # the path went away with an earlier change
    text = json.dumps(doc, ensure_ascii=draw(st.booleans()))
    for i, raw in enumerate(raws):
        text = text.replace(f'"@@RAW{i}@@"', raw)
    if draw(st.integers(0, 20)) == 0:  # a duplicate key
        text = text.replace('"format":', '"format": "x", "format":', 1)
    return text.encode("utf-8", "surrogatepass")


# -- the hand-entry form ---------------------------------------------------------------------------

def form_fields(doc: dict) -> dict[str, str]:
    """The hand-entry form's fields for a document, as the browser posts them."""
    from workbench.web.imports.formdoc import flatten

    return {k: v for k, v in flatten(doc).items() if k != "format"}


FORM_BASE = {name: form_fields(doc) for name, doc in FULL.items()}

HOSTILE_NAMES = [
    "work", "work[0]", "payments[0]", "payments", "appeal", "appeal.arguments[0].x", "participant.name.x",
    "payments[0].deductions", "payments[99999].net", "payments[123456789012345678901234567890].net",
    "children[" + "9" * 5000 + "].birth_date", "a" + ".a" * 3000, "a" * 5000, "payments.__list__",
    "__list__", "payments[0].__list__", "decision[0]", "x[0][1][2][3][4][5][6][7][8]", "csrf_token",
    "action", "format", "nav_office.name.first",
]
HOSTILE_ACTIONS = ["", "save", "add:work", "add:payments[0].deductions", "add:payments[9999].deductions",
                   "add:payments[" + "9" * 5000 + "].deductions", "add:appeal.arguments", "add:x", "delete"]


@st.composite
def hostile_forms(draw) -> dict[str, str]:
    """The fields of the hand-entry form for a worked case, with 1–4 hostile values or names."""
    name = draw(st.sampled_from(sorted(FORM_BASE)))
    fields = dict(FORM_BASE[name])
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["value", "value", "name", "number"]))
        if kind == "name":
            fields[draw(st.sampled_from(HOSTILE_NAMES))] = draw(st.sampled_from(HOSTILE_TEXT + ["1", "true"]))
        elif kind == "number":
            key = draw(st.sampled_from(sorted(fields)))
            fields[key] = draw(st.sampled_from(
                ["1e1000000", "1e10000000", "9" * 40, "1" * 5000, "1,5", "1 234,50", "−5", "-5", "0,001",
                 "10000000,01", "1E+27", "NaN", "Infinity", "١٢", "99999999999999999999999999999,99"]))
        else:
            fields[draw(st.sampled_from(sorted(fields)))] = draw(st.sampled_from(HOSTILE_TEXT))
    fields["action"] = draw(st.sampled_from(HOSTILE_ACTIONS))
    return {k: v.encode("utf-8", "replace").decode("utf-8") for k, v in fields.items()}  # a browser sends UTF-8
