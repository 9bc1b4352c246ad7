"""Fixtures for the rules tests (helpers in ``rules_support``)."""

from __future__ import annotations

import pytest

from rules_support import base_doc  # type: ignore[import-not-found]


@pytest.fixture
def make_doc():
    return base_doc


@pytest.fixture
def run():
    """doc → evaluation JSON (through the real import validation)."""
    from workbench.formats.import_format import parse_document
    from workbench.appeal.evaluation import evaluate
    from workbench.law.parameters import default_parameters

    def _run(doc: dict, **overrides) -> dict:
        ps = default_parameters().with_assumptions(**overrides) if overrides else None
        return evaluate(parse_document(doc), ps).to_json()

    return _run
