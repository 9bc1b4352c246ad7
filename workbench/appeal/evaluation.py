"""The evaluation of a contested decision: the law's result per period (:mod:`workbench.law.pipeline`), Nav's
figures diagnosed against it (:mod:`workbench.appeal.diagnosis`), admissibility
(:mod:`workbench.law.fvl_klagefrist`), and the flags of docs/import-format.md."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from workbench.appeal import diagnosis
from workbench.appeal.taxonomy import TAXONOMY_VERSION
from workbench.formats.evaluation_json import evaluation_to_json
from workbench.law import fvl_klagefrist
from workbench.law.model import NavDecision
from workbench.law.parameters import ParameterSet, default_parameters
from workbench.law.pipeline import evaluate_periods
from workbench.law.result import PeriodResult


@dataclass(slots=True)
class Evaluation:
    decision: NavDecision
    parameters: ParameterSet
    periods: list[PeriodResult]
    admissibility: fvl_klagefrist.Admissibility
    flags: list[str]
    discrepancies: list[dict[str, Any]]
    notes: list[str]
    evaluated_on: date | None = None

    @property
    def complete(self) -> bool:
        return all(p.computed for p in self.periods)

    @property
    def total_net(self) -> Decimal | None:
        return sum((p.net for p in self.periods if p.net is not None), Decimal(0)) if self.complete else None

    @property
    def total_nav_net(self) -> Decimal:
        return sum((p.nav_net for p in self.periods), Decimal(0))

    def to_json(self) -> dict[str, Any]:
        """The evaluation JSON (the output contract of docs/import-format.md), written at the edge."""
        return evaluation_to_json(self, taxonomy=TAXONOMY_VERSION)


def evaluate(decision: NavDecision, parameters: ParameterSet | None = None,
             *, today: date | None = None) -> Evaluation:
    """Evaluate a contested decision with ``parameters`` (default: the shipped set)."""
    ps = parameters or default_parameters()
    ctx, periods = evaluate_periods(decision, ps)
    for pr in periods:
        pr.discrepancies = diagnosis.period_discrepancies(ctx, pr)
    adm = fvl_klagefrist.assess(decision)
    flags: list[str] = []
    for p in periods:
        for f in p.flags:
            if f not in flags and f != "til-ugunst":  # per period only; the total decides below
                flags.append(f)
    computed = [p for p in periods if p.net is not None]
    correct = sum((p.net for p in computed if p.net is not None), Decimal(0))
    nav = sum((p.nav_net for p in computed), Decimal(0))
    if computed and correct < nav - ps.assumptions.rounding_tolerance:
        flags.insert(0, "til-ugunst")  # R24 gate: a change would be to the claimant's detriment
    flags.extend(f for f in adm.flags if f not in flags)
    discrepancies = [d for p in periods for d in p.discrepancies]
    notes: list[str] = []
    for p in periods:
        for n in p.notes:
            if n not in notes:
                notes.append(n)
    if any(not p.computed for p in periods):
        notes.append("Minst én periode er ikke beregnet fordi en parameter mangler (parameter-missing).")
    return Evaluation(decision, ps, periods, adm, flags, discrepancies, notes + adm.notes, today)
