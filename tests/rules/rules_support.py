"""Support for the rules tests: the case files and a builder for synthetic decisions."""

from __future__ import annotations

import copy
import json
from datetime import date
from pathlib import Path

CASES = Path(__file__).resolve().parents[2] / "docs" / "cases"

W1 = (3, 7, 6, 1, 8, 9, 4, 5, 2)
W2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)


def synthetic_fnr(born: date) -> str:
    """A Nav synthetic (+40) number with valid mod-11 digits for ``born`` (constructed, not a person)."""
    start = 100 if born.year < 2000 else 500
    for individ in range(start, start + 400):
        nine = f"{born.day:02d}{born.month + 40:02d}{born.year % 100:02d}{individ:03d}"
        d = [int(c) for c in nine]
        k1 = 11 - sum(w * x for w, x in zip(W1, d)) % 11
        k1 = 0 if k1 == 11 else k1
        if k1 == 10:
            continue
        k2 = 11 - sum(w * x for w, x in zip(W2, d + [k1])) % 11
        k2 = 0 if k2 == 11 else k2
        if k2 == 10:
            continue
        return nine + str(k1) + str(k2)
    raise AssertionError("no number")  # pragma: no cover


def base_doc(*, period=("2025-10-06", "2025-10-19"), programme=("2025-01-06", "2026-01-05"),
             born="1980-01-15", net="0", **extra) -> dict:
    """A minimal valid document: one payment period, no children, nothing to reduce."""
    doc = {
        "format": "klagebenk.nav-vedtak/1",
        "nav_office": {"name": "Nav Test"},
        "decision": {"reference": "T/1", "date": "2025-10-22", "kind": "utbetaling",
                     "notice_received": "2025-10-24"},
        "participant": {"name": "Test Testesen", "fnr": synthetic_fnr(date.fromisoformat(born)),
                        "birth_date": born},
        "programme": {"from": programme[0], "to": programme[1]},
        "payments": [{"from": period[0], "to": period[1], "net": net}],
        "appeal": {"sent": "2025-11-05", "by": "part", "arguments": ["Feil beløp."]},
    }
    for k, v in extra.items():
        doc[k] = copy.deepcopy(v)
    return doc


def load_case(name: str) -> dict:
    return json.loads((CASES / f"{name}.json").read_text(encoding="utf-8"))


def load_expected(name: str) -> dict:
    return json.loads((CASES / "expected" / f"{name}.json").read_text(encoding="utf-8"))


