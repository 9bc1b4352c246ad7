"""A valid document to break, one field at a time."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

CASES = Path(__file__).resolve().parents[2] / "docs" / "cases"


@pytest.fixture
def demo() -> dict:
    from workbench.formats.import_format import load_document

    return load_document((CASES / "demo-omsorgsstonad.json").read_bytes())


@pytest.fixture
def broken(demo):
    def _broken(mutate) -> dict:
        doc = copy.deepcopy(demo)
        mutate(doc)
        return doc

    return _broken
