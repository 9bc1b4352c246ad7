"""Any JSON put anywhere in a valid document: either a valid decision (that evaluates) or an
ImportValidationError with field paths — never another exception (the CLI's exit 2 vs 1)."""

from __future__ import annotations

import copy
import json
from decimal import Decimal
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workbench.importing import ImportValidationError, load_document, parse_document
from workbench.law.pipeline import evaluate

DEMO = load_document((Path(__file__).resolve().parents[2] / "docs" / "cases" / "D10.json").read_bytes())

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-10**6, 10**6)
    | st.decimals(allow_nan=False, allow_infinity=False, places=3, min_value=-10**6, max_value=10**6)
    | st.text(max_size=12) | st.sampled_from(["2025-02-31", "2025-10-08", "12,5", "arbeid", "1.5"]),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=6), children, max_size=3),
    max_leaves=6,
)


def _paths(obj, prefix=()):
    yield prefix
    if isinstance(obj, dict):
        for k, v in obj.items():
            yield from _paths(v, prefix + (k,))
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            yield from _paths(v, prefix + (i,))


PATHS = [p for p in _paths(DEMO) if p]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(path=st.sampled_from(PATHS), value=json_values)
def test_a_replaced_value_is_either_valid_or_a_field_error(path, value):
    doc = copy.deepcopy(DEMO)
    obj = doc
    for k in path[:-1]:
        obj = obj[k]
    obj[path[-1]] = value
    try:
        decision = parse_document(doc)
    except ImportValidationError as exc:
        assert exc.errors and all(e.path and e.message for e in exc.errors)
        return
    json.dumps(evaluate(decision).to_json())
