"""The outcome the engine suggests for a draft letter.

Uses ``workbench.appeal.outcome.suggest_outcome(decision, evaluation, today=...)`` when that module
exists; otherwise a provisional suggestion from the evaluation totals (to be dropped once the engine's
one lands). Either way the result is ``{"code": ..., "reasons": [...], "source": ...}``.
"""

from __future__ import annotations

from datetime import date
from typing import Any
from collections.abc import Mapping

from workbench.formats.evaluation_json import EvaluationRecord
from workbench.letters.model import ROUNDING_TOLERANCE, direction_of


def _engine():
    try:
        from workbench.appeal import outcome
    except ModuleNotFoundError as exc:
        if exc.name not in ("workbench.appeal.outcome",):
            raise
        return None
    return getattr(outcome, "suggest_outcome", None)


def suggest_outcome(decision: Any, evaluation: EvaluationRecord, *, today: date | None = None) -> dict:
    engine = _engine()
    if engine is not None:
        res = engine(decision, evaluation, today=today or date.today())
        code = res.get("code") if isinstance(res, Mapping) else res.code
        reasons = res.get("reasons") if isinstance(res, Mapping) else getattr(res, "reasons", [])
        return {"code": str(code), "reasons": [str(r) for r in (reasons or [])], "source": "workbench.appeal.outcome"}
    return {**provisional_outcome(evaluation), "source": "workbench.letters.suggest (provisional)"}


def provisional_outcome(evaluation: EvaluationRecord) -> dict:
    adm = evaluation.admissibility
    reasons: list[str] = []
    if adm is not None and adm.over_one_year:
        return {"code": "avvise", "reasons": ["klagen er sendt mer enn ett år etter vedtaket (fvl. § 31)"]}
    if adm is not None and adm.timely is False:
        reasons.append("klagen kom for sent: om oversittelsen kan unnskyldes, er ⚖ (fvl. § 31)")
    periods = evaluation.periods
    if any(p.net is None for p in periods):
        reasons.append("en parameter mangler for minst én periode: beløpet kan ikke beregnes")
    direction = direction_of(evaluation)
    if direction == "til_gunst":
        diffs = [p.difference for p in periods]
        favour = [d for d in diffs if d is not None and d > ROUNDING_TOLERANCE]
        code = "omgjore" if len(favour) == len([d for d in diffs if d is not None]) else "omgjore_delvis"
        reasons.append("riktig netto er høyere enn Nav-kontorets: endres til gunst")
    elif direction == "til_ugunst":
        code = "stadfeste"
        reasons.append("riktig netto er lavere enn Nav-kontorets: endring til ugunst krever R24 (fvl. § 34)")
    else:
        code = "stadfeste"
        reasons.append("ingen differanse utover avrunding")
    return {"code": code, "reasons": reasons}
