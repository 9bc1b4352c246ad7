"""workbench.services.evaluation — the entry point the web app, API, CLI and letters call."""

from __future__ import annotations

import json
from datetime import date

import pytest

from rules_support import load_case  # type: ignore[import-not-found]
from workbench.formats.import_format import ImportValidationError
from workbench.services.evaluation import evaluate_decision, evaluate_document


def test_evaluate_document_with_assumption_overrides_d08_whole_days_gives_7789():
    out = evaluate_document(load_case("D08"), parameters={"absence_method": "whole_days"})
    assert out["periods"][0]["net"] == "7789"
    assert out["parameters"]["absence_method"] == "whole_days"


def test_evaluate_document_is_json_serialisable_and_records_the_day():
    out = evaluate_document(load_case("D10"), today=date(2025, 12, 1))
    assert out["evaluated_on"] == "2025-12-01"
    json.dumps(out)


def test_evaluate_document_refuses_invalid_input_without_a_partial_result():
    doc = load_case("D01")
    doc["payments"][0]["net"] = "x"
    with pytest.raises(ImportValidationError):
        evaluate_document(doc)


def test_evaluate_decision_returns_the_evaluation_object():
    from workbench.formats.import_format import parse_document

    ev = evaluate_decision(parse_document(load_case("D07")))
    assert ev.periods[0].net == 10443 and ev.complete
