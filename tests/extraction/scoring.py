"""Comparing an extraction with the truth of a generated letter, field by field (issue 16 benchmark):
each leaf path is right, wrong (a different value), missing (not extracted) or invented (extracted, but
the letter does not state it). Lists are compared item by item in a fixed order (by ``from``, birth
date, or provision and amount)."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from typing import Any

MONEY = {"gross", "net", "amount", "daily_amount"}
ORDER = {"payments": "from", "work": "from", "benefits": "from", "children": "birth_date"}


def _value(v: Any) -> Any:
    return v["value"] if isinstance(v, dict) and set(v) == {"value", "page", "line"} else v


def _sort(key: str, items: list) -> list:
    if key in ORDER:
        return sorted(items, key=lambda x: str(_value(x.get(ORDER[key]))))
    if key == "deductions":
        return sorted(items, key=lambda x: (str(_value(x.get("hjemmel"))), Decimal(str(_value(x.get("amount"))))))
    return items


def flatten(doc: Any, prefix: str = "") -> dict[str, Any]:
    """path → value for every leaf (a ``{"value", "page", "line"}`` counts as one leaf)."""
    if isinstance(doc, dict) and set(doc) != {"value", "page", "line"}:
        out: dict[str, Any] = {}
        for k, v in doc.items():
            out.update(flatten(v if not isinstance(v, list) else _sort(k, v), f"{prefix}.{k}" if prefix else k))
        return out
    if isinstance(doc, list):
        out = {}
        for i, v in enumerate(doc):
            out.update(flatten(v, f"{prefix}[{i}]"))
        return out
    return {prefix: _value(doc)}


def same(path: str, a: Any, b: Any) -> bool:
    key = path.rsplit(".", 1)[-1]
    if key in MONEY:
        return Decimal(str(a)) == Decimal(str(b))
    if key == "hours":
        return float(a) == float(b)
    return bool(a == b)


def compare(truth: dict, extracted: dict) -> dict[str, list[str]]:
    """{"right": [...paths], "wrong": [...], "missing": [...], "invented": [...]}"""
    t, e = flatten(truth), flatten(extracted)
    out: dict[str, list[str]] = {"right": [], "wrong": [], "missing": [], "invented": []}
    for path in sorted(set(t) | set(e)):
        if path not in e:
            out["missing"].append(path)
        elif path not in t:
            out["invented"].append(path)
        else:
            out["right" if same(path, t[path], e[path]) else "wrong"].append(path)
    return out


def counts(result: dict[str, list[str]]) -> Counter:
    return Counter({k: len(v) for k, v in result.items()})
