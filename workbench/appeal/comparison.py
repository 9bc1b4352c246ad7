"""Nav ↔ loven: per payment period and component, Nav's figure against the law's (issue 5).

One row per component — gross (sotjl § 35), the deductions for absence (§ 36), work (§ 37), samordning
(§ 38), any other deduction, and the net (§§ 35–38) — with Nav's figure, the computed one, the difference
(computed − Nav), the provision and its Lovdata link. Each row carries the *diagnosis* of that component:
the discrepancies :mod:`workbench.appeal.diagnosis` found for the period (the one diagnosis of Nav's
errors; this module only places them on the row they concern). Support only: the jurist classifies.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any, Final
from collections.abc import Callable, Mapping

from workbench.formats.evaluation_json import DiscrepancyRecord, EvaluationRecord, PeriodRecord
from workbench.law.lovdata import lovdata_url
from workbench.law.model import NavDecision, Payment
from workbench.law.periode import Periode

#: (key in the evaluation's period, the Nav deduction kind, label nb, label nn, hjemmel)
COMPONENTS: Final[tuple[tuple[str, str | None, str, str, str | None], ...]] = (
    ("gross", None, "Brutto (stønadsdager × dagsats + barnetillegg)", "Brutto (stønadsdagar × dagsats + barnetillegg)",
     "sosialtjenesteloven § 35"),
    ("absence", "fravaer", "Trekk for fravær", "Trekk for fråvær", "sosialtjenesteloven § 36"),
    ("work", "arbeid", "Reduksjon for inntektsgivende arbeid", "Reduksjon for inntektsgjevande arbeid",
     "sosialtjenesteloven § 37"),
    ("samordning", "samordning", "Samordning med andre ytelser", "Samordning med andre ytingar",
     "sosialtjenesteloven § 38"),
    ("annen", "annen", "Annet trekk", "Anna trekk", None),
    ("net", None, "Til utbetaling (netto)", "Til utbetaling (netto)", "sosialtjenesteloven §§ 35–38"),
)

#: Components are compared to the øre; the net within ±1 kr is rounding (R13, ``ROUNDING_TOLERANCE``
#: [ASSUMPTION]), as the diagnosis treats it.
COMPONENT_TOLERANCE: Final = Decimal("0.01")
NET_TOLERANCE: Final = Decimal("1")


#: The law's figure of each component of :data:`COMPONENTS` in a period («annen»: the law has none).
_COMPUTED: Final[dict[str, Callable[[PeriodRecord], Decimal | None]]] = {
    "gross": lambda p: p.gross, "absence": lambda p: p.absence, "work": lambda p: p.work,
    "samordning": lambda p: p.samordning, "annen": lambda p: None, "net": lambda p: p.net,
}


def _payment_for(decision: NavDecision, frm: date, to: date) -> Payment | None:
    for p in decision.payments:
        if p.periode.fra == frm and p.periode.til == to:
            return p
    return None


def _diagnosis(discrepancy: DiscrepancyRecord) -> dict[str, Any]:
    """One discrepancy as the row shows it: what reading of the provision explains Nav's figure."""
    hjemmel = discrepancy.hjemmel
    return {"code": discrepancy.code, "category": discrepancy.category, "hjemmel": hjemmel,
            "lovdata_url": lovdata_url(hjemmel), "explanation_nb": discrepancy.explanation}


def _row_provisions(row: Mapping[str, Any]) -> list[str]:
    hs = [str(d["hjemmel"]) for d in row["diagnosis"] if d["hjemmel"]]
    if row["component"] != "net" and row["hjemmel"]:
        hs.append(row["hjemmel"])
    return hs


def nav_vs_law(decision: NavDecision, evaluation: EvaluationRecord) -> list[dict[str, Any]]:
    """Per payment period of ``evaluation``: the component rows (see the module docstring).

    Nav's component figures come from ``payments[].gross`` / ``deductions[]`` (by the ``kind`` Nav used);
    where Nav gave no figure the row has ``nav: None`` and ``differs: None``. A row's ``diagnosis`` is the
    list of the evaluation's discrepancies of that period and component (``evaluation.discrepancies``);
    one whose component has no row of its own goes on the net row.
    """
    by_period: dict[Periode | None, list[DiscrepancyRecord]] = {}
    for d in evaluation.discrepancies:
        by_period.setdefault(d.periode, []).append(d)
    out: list[dict[str, Any]] = []
    for per in evaluation.periods:
        frm, to = per.fra, per.til
        period = str(per.periode)
        payment = _payment_for(decision, frm, to)
        nav_by_kind: dict[str, Decimal] = {}
        if payment is not None:
            for ded in payment.deductions:
                nav_by_kind[str(ded.kind)] = nav_by_kind.get(str(ded.kind), Decimal(0)) + ded.amount
        rows: list[dict[str, Any]] = []
        for key, kind, nb, nn, hjemmel in COMPONENTS:
            computed = _COMPUTED[key](per)
            nav: Decimal | None
            if key == "gross":
                nav = payment.gross if payment is not None else None
            elif key == "net":
                nav = per.nav_net
                if nav is None and payment is not None:
                    nav = payment.net
            else:
                if payment is None or (payment.gross is None and not payment.deductions):
                    nav = None  # Nav stated only the net amount: no component to compare
                else:
                    nav = nav_by_kind.get(str(kind), Decimal(0))
                if key == "annen" and computed is None:
                    computed = Decimal(0)  # the law knows no other deduction (§ 38's list is exhaustive)
            if key == "annen" and not nav and not computed:
                continue
            diff: Decimal | None = None
            differs: bool | None = None
            if nav is not None and computed is not None:
                diff = computed - nav
                differs = abs(diff) > NET_TOLERANCE if key == "net" else abs(diff) >= COMPONENT_TOLERANCE
            rows.append({
                "component": key,
                "label_nb": nb,
                "label_nn": nn,
                "nav": None if nav is None else f"{nav:.2f}",
                "computed": None if computed is None else f"{computed:.2f}",
                "difference": None if diff is None else f"{diff:.2f}",
                "differs": differs,
                "hjemmel": hjemmel,
                "lovdata_url": lovdata_url(hjemmel),
                "diagnosis": [],
            })
        by_component = {r["component"]: r for r in rows}
        for d in by_period.get(per.periode, ()):
            row = by_component.get(str(d.component)) or by_component["net"]
            row["diagnosis"].append(_diagnosis(d))
        out.append({
            "period": period,
            "from": frm.isoformat(),
            "to": to.isoformat(),
            "stonadsdager": per.stonadsdager,
            "rows": rows,
            "provisions": sorted({h for r in rows if r["differs"] for h in _row_provisions(r)}),
            "days": per.days,  # the runs of equal days and their rates (R26)
            "reductions": per.reductions,
        })
    return out
