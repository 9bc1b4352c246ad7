"""Use case: evaluate a contested decision (import document → evaluation JSON).

The one entry point the web app, the API, the CLI and the letter pipeline call:

* :func:`evaluate_document` ``(doc, *, parameters=None, today=None) -> dict`` — parse and validate
  (raises :class:`workbench.formats.import_format.ImportValidationError` with every field error), evaluate with the
  rules engine, return the output contract of import-format.md plus ``trace`` per period,
  ``discrepancies``, ``discretion``, ``parameters``, ``assumptions`` and ``notes``;
* :func:`evaluate_decision` ``(decision, *, parameters=None, today=None) -> Evaluation``.

``parameters`` is a :class:`~workbench.law.parameters.ParameterSet`, or a mapping of assumption
overrides by their output names (``{"absence_method": "whole_days"}``), or None for the shipped set.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from workbench.formats.evaluation_json import EvaluationRecord, read_evaluation
from workbench.formats.import_format import parse_document
from workbench.appeal.evaluation import Evaluation, evaluate
from workbench.law.model import NavDecision
from workbench.law.parameters import ParameterSet, default_parameters


def _parameter_set(parameters: ParameterSet | Mapping[str, Any] | None) -> ParameterSet:
    if parameters is None:
        return default_parameters()
    if isinstance(parameters, ParameterSet):
        return parameters
    return default_parameters().with_assumptions(**dict(parameters))


def evaluate_decision(decision: NavDecision, *, parameters: ParameterSet | Mapping[str, Any] | None = None,
                      today: date | None = None) -> Evaluation:
    return evaluate(decision, _parameter_set(parameters), today=today)


def discretion_for(decision: NavDecision, evaluation: EvaluationRecord) -> list[dict]:
    """⚖ points from ``workbench.appeal.discretion`` (issue 5) when it is present; [] otherwise."""
    try:
        from workbench.appeal.discretion import discretion_points
    except ImportError:
        return []
    return list(discretion_points(decision, evaluation))


def evaluate_document(doc: dict, *, parameters: ParameterSet | Mapping[str, Any] | None = None,
                      today: date | None = None) -> dict[str, Any]:
    decision = parse_document(doc)
    ev = evaluate_decision(decision, parameters=parameters, today=today)
    out = ev.to_json()
    try:
        out["discretion"] = discretion_for(decision, read_evaluation(out))
    except Exception as exc:  # noqa: BLE001 — the calculation stands; the gap is shown, not hidden
        out["discretion"] = []
        out["notes"].append(f"⚖-punktene kunne ikke beregnes ({type(exc).__name__}: {exc}); "
                            "juristen må gå gjennom skjønnspunktene manuelt.")
    return out


__all__ = ["evaluate_decision", "evaluate_document", "discretion_for"]
