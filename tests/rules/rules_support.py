"""Support for the rules tests: the case files and a builder for synthetic decisions."""

from __future__ import annotations

import copy
import json
from datetime import date
from pathlib import Path

from workbench.formats.import_format.identity import synthetic_number as synthetic_fnr

CASES = Path(__file__).resolve().parents[2] / "docs" / "cases"





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


