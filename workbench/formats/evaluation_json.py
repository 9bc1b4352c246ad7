"""The evaluation as JSON (import-format.md «Output of an evaluation», plus the trace): the writer and the reader.

**Writing** (:func:`evaluation_to_json`): the law's typed results (:class:`workbench.law.result.PeriodResult`)
and the appeal's evaluation become the output contract. Amounts are strings: components with two decimals
(``"11327.56"``, display of exact values), ``net``, ``nav_net`` and ``difference`` whole kroner (``"6797"``).
``None`` → JSON null (a period not computed).

**Reading** (:func:`read_evaluation`): the JSON — as stored per case, served by the API, or just written —
becomes one :class:`EvaluationRecord` of frozen dataclasses with ``Decimal`` amounts, ``date`` and
:class:`~workbench.law.periode.Periode` values, and the parameters as values (G «124028 / 130160» is
``(Decimal("124028"), Decimal("130160"))``). Read once at the edge; the consumers (the review, the letter,
the archive) use attributes and never parse a figure out of text. Keys an older or partial document lacks
read as empty; a value of the wrong shape raises :class:`EvaluationFormatError`.

This module imports the law only: the appeal's :class:`~workbench.appeal.evaluation.Evaluation` is written
through the :class:`EvaluatedCase` protocol, and the taxonomy version is passed in.
"""

from __future__ import annotations

import dataclasses
import typing
from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any, Literal, Protocol, TypeAlias

from workbench.law import sotjl_35, sotjl_36, sotjl_37, sotjl_38
from workbench.law.cache import ENGINE_CACHE
from workbench.law.fvl_klagefrist import HJEMMEL_FRIST, HJEMMEL_LATE, Admissibility
from workbench.law.model import SAMORDNING_BENEFITS, NavDecision
from workbench.law.money import Amount, Fraction, fmt, fmt_kroner, round_half_up
from workbench.law.parameters import Assumptions, ParameterSet
from workbench.law.periode import Periode
from workbench.law.result import PeriodResult
from workbench.law.sotjl_35 import Segment
from workbench.law.sotjl_37 import WorkShare


class EvaluatedCase(Protocol):
    """What the writer needs of an evaluation (:class:`workbench.appeal.evaluation.Evaluation`)."""

    @property
    def decision(self) -> NavDecision: ...
    @property
    def parameters(self) -> ParameterSet: ...
    @property
    def periods(self) -> list[PeriodResult]: ...
    @property
    def admissibility(self) -> Admissibility: ...
    @property
    def flags(self) -> list[str]: ...
    @property
    def discrepancies(self) -> list[dict[str, Any]]: ...
    @property
    def notes(self) -> list[str]: ...
    @property
    def evaluated_on(self) -> date | None: ...
    @property
    def complete(self) -> bool: ...
    @property
    def total_net(self) -> Decimal | None: ...
    @property
    def total_nav_net(self) -> Decimal: ...


FORMAT = "klagebenk.evaluation/1"


_s = fmt  # fmt(x, places=2): display of an exact amount


def _frac(x: Fraction | None) -> str | None:
    """An exact rational as text (``"20/75"``), for the trace."""
    if x is None:
        return None
    return str(x.numerator) if x.denominator == 1 else f"{x.numerator}/{x.denominator}"


def _k(x: Amount | None) -> str | None:
    return None if x is None else fmt_kroner(x)


def _iso(d: date) -> str:
    return d.isoformat()


#: A period's figures as display strings, formatted once (the trace repeats them): gross, gross_base,
#: barnetillegg, absence, work, work_hours, samordning, net_unrounded, net.
_Texts: TypeAlias = tuple[str | None, str | None, str | None, str | None, str | None, str | None, str | None,
                          str | None, str | None]


def _texts(pr: PeriodResult) -> _Texts:
    return (_s(pr.gross), _s(pr.gross_base), _s(pr.gross_bt), _s(pr.absence), _s(pr.work),
            _s(pr.work_hours), _s(pr.samordning), _s(pr.net_exact), _k(pr.net))


def period_json(ev: EvaluatedCase, pr: PeriodResult, memo: dict[str, Any] | None = None) -> dict[str, Any]:
    pay = pr.payment
    tx = _texts(pr)
    gross, gross_base, gross_bt, absence, work, work_hours, samordning, net_unrounded, net = tx
    diff = pr.difference
    return {
        "from": _iso(pr.periode.fra),
        "to": _iso(pr.periode.til),
        "status": "computed" if pr.net is not None else "parameter-missing",
        "stonadsdager": pr.stonadsdager,
        "gross": gross,
        "gross_base": gross_base,
        "barnetillegg": gross_bt,
        "absence": absence,
        "work": work,
        "work_hours": work_hours,
        "samordning": samordning,
        "net_unrounded": net_unrounded,
        "net": net,
        "nav_net": _k(pr.nav_net),
        "nav_gross": None if pay.gross is None else str(pay.gross),
        "nav_deductions": [
            {"kind": d.kind.value, "amount": str(d.amount), "hjemmel": d.hjemmel, "note": d.note}
            for d in pay.deductions
        ],
        "difference": None if diff is None else fmt_kroner(diff),
        "flags": list(dict.fromkeys(pr.flags)) if pr.flags else [],
        "missing_parameters": pr.missing,
        "alternatives": {k: _k(v) for k, v in pr.alternatives.items()} if pr.alternatives else {},
        "notes": list(pr.notes),
        "trace": trace_json(ev, pr, memo, tx),
    }


def _rate_texts(sg: Segment) -> tuple[str | None, ...]:
    """(annual, annual rounded, day rate, day rate exact, day barnetillegg, gross base, barnetillegg): the
    same few rates and day counts recur in every period and case, so the texts are kept in the engine's
    one cache (:mod:`workbench.law.cache`) by value."""
    n = sg.stonadsdager

    def texts() -> tuple[str | None, ...]:
        return (
            _s(sg.annual),
            None if sg.annual is None else str(round_half_up(sg.annual)),
            _s(sg.b, 4),
            _frac(sg.b),
            _s(sg.t),
            _s(None if sg.b is None else sg.b * n),
            _s(None if sg.t is None else sg.t * n),
        )

    return ENGINE_CACHE.remember(("rate texts", sg.annual, sg.b, sg.t, n), texts)


_DecisionTexts: TypeAlias = tuple[
    EvaluatedCase,
    list[date],  # the absences' dates, sorted
    list[tuple[int, Any, str, str]],  # (place in the import, the absence, its date, its hours), in that order
    list[tuple[date, date, dict[str, Any]]],  # each benefit: from, to, its fixed part
    dict[int, tuple[Any, str, str, str, str]],  # id(work entry) → (entry, from, to, kind, hours)
    str,  # the full-rate date
    str,  # hours per day
]


def _decision_texts(ev: EvaluatedCase, memo: dict[str, Any]) -> _DecisionTexts:
    """What every period's trace repeats of the decision, formatted once per evaluation: the absences
    sorted by date (a bisect finds a period's) with their place in the import, each benefit's fixed part,
    each work entry's fixed part, the full-rate date and the hours per day."""
    hit: _DecisionTexts | None = memo.get("decision")
    if hit is not None and hit[0] is ev:
        return hit
    dec = ev.decision
    a = ev.parameters.assumptions
    absences = sorted(((ab.date, i, ab) for i, ab in enumerate(dec.absence)), key=lambda x: (x[0], x[1]))
    abs_dates = [d for d, _, _ in absences]
    abs_rows = [(i, ab, ab.date.isoformat(), str(ab.hours)) for _, i, ab in absences]
    benefits = []
    for b in dec.benefits:
        entry: dict[str, Any] = {"kind": b.kind.value, "from": _iso(b.periode.fra), "to": _iso(b.periode.til),
                 "daily_amount": str(b.daily_amount), "coordinated": b.kind in SAMORDNING_BENEFITS}
        if b.kind not in SAMORDNING_BENEFITS:
            entry["reason"] = sotjl_38.not_coordinated_note(b.kind.value)
        benefits.append((b.periode.fra, b.periode.til, entry))
    work = {id(w): (w, _iso(w.periode.fra), _iso(w.periode.til), w.kind.value, str(w.hours))
            for w in dec.work}
    out: _DecisionTexts = (ev, abs_dates, abs_rows, benefits, work,
                           sotjl_35.full_rate_from(dec.participant, a).isoformat(), str(a.hours_per_day))
    memo["decision"] = out
    return out


_NOT_COUNTED = "fosterhjemsgodtgjøring reduserer ikke stønaden (direktoratet 2018)"


def trace_json(ev: EvaluatedCase, pr: PeriodResult, memo: dict[str, Any] | None = None,
               tx: _Texts | None = None) -> dict[str, Any]:
    ps = ev.parameters
    a = ps.assumptions
    if memo is None:
        memo = {}
    if tx is None:
        tx = _texts(pr)
    gross, gross_base_text, gross_bt, absence, work, work_hours, samordning, net_unrounded, net = tx
    _, abs_dates, abs_rows, benefit_rows, work_rows, full_rate_text, hours_per_day_text = \
        _decision_texts(ev, memo)
    days = []
    abs_texts: dict[date, tuple[str | None, str | None]] = {}  # an absence day → (hours, amount): the trace shows both twice
    for sg in pr.segments:
        annual, annual_rounded, day_rate, day_rate_exact, day_bt, gross_base, bt = _rate_texts(sg)
        d: dict[str, Any] = {
            "from": _iso(sg.fra),
            "to": _iso(sg.til),
            "stonadsdager": sg.stonadsdager,
            "G": sg.g_text,
            "G_source": sg.g_source,
            "factor": sg.factor_text,
            "under_25": sg.under_25,
            "annual_amount": annual,
            "annual_amount_rounded": annual_rounded,
            "day_rate": day_rate,
            "day_rate_exact": day_rate_exact,
            "children": sg.children,
            "barnetillegg_rate": sg.bt_text,
            "day_barnetillegg": day_bt,
            "gross_base": gross_base,
            "barnetillegg": bt,
        }
        if sg.absence_hours:
            hours_text = d["absence_hours"] = _s(sg.absence_hours)
            n = sg.stonadsdager
            amount_text = d["absence"] = _s(sg.a) if n == 1 else _s(sg.a * n)
            if sg.fra == sg.til:  # an absence day is a segment of its own
                abs_texts[sg.fra] = (hours_text, amount_text if n == 1 else _s(sg.a))
        if sg.y:
            d["benefit_per_day"] = _s(sg.y)
            d["remaining_per_day"] = _s(sg.rem)
            d["samordning"] = _s(sg.r38 * sg.stonadsdager)
        if sg.missing:
            d["missing"] = list(sg.missing)
        days.append(d)

    # the period's absences (each day once: an absence day is a segment of its own)
    abs_days = []
    ignored = []
    p_fra, p_til = pr.periode.fra, pr.periode.til
    lo, hi = bisect_left(abs_dates, p_fra), bisect_right(abs_dates, p_til)
    if lo < hi:
        seen: set[date] = set()
        # in the order of the import, as the claimant and Nav listed them
        for _, ab, day_text, hours_text in sorted(abs_rows[lo:hi]) if hi - lo > 1 else abs_rows[lo:hi]:
            if ab.valid:
                ignored.append({"date": day_text, "hours": hours_text,
                                "reason": "gyldig fravær med stønad (§ 36 første ledd andre punktum)"})
                continue
            texts = abs_texts.get(ab.date)
            if texts is None and any(f.periode.inneholder(ab.date) for f in ev.decision.ferie):
                ignored.append({"date": day_text, "hours": hours_text,
                                "reason": "ferie fastsatt av kommunen: stønaden løper uansett hva som er "
                                          "registrert den dagen (forskrift om kvalifiseringsprogram § 17)"})
            elif texts is None:
                ignored.append({"date": day_text, "hours": hours_text, "reason": "ikke en stønadsdag"})
            elif ab.date not in seen:
                seen.add(ab.date)
                abs_days.append({"date": day_text, "hours": texts[0], "amount": texts[1]})
    work_entries = []
    w: WorkShare
    for w in pr.work_shares:
        _, w_from, w_to, w_kind, w_hours = work_rows[id(w.work)]
        hip = w.hours_in_period  # one counted entry: the very object of the period's hours, already shown
        entry: dict[str, Any] = {"from": w_from, "to": w_to, "kind": w_kind, "hours": w_hours,
                 "entry_stonadsdager": w.entry_stonadsdager, "stonadsdager_in_period": w.stonadsdager_in_period,
                 "hours_in_period": work_hours if hip is pr.work_hours else _s(hip), "counted": w.counted}
        if not w.counted:
            entry["reason"] = _NOT_COUNTED
        work_entries.append(entry)
    benefits = [dict(entry) for b_fra, b_til, entry in benefit_rows if b_fra <= p_til and p_fra <= b_til]
    reductions = [
        {"kind": "absence", "provision": sotjl_36.HJEMMEL, "amount": absence,
         "inputs": {"method": a.absence_method, "abs_reduces_bt": a.abs_reduces_bt,
                    "hours_per_day": hours_per_day_text, "days": abs_days, "ignored": ignored}},
        {"kind": "work", "provision": sotjl_37.HJEMMEL, "amount": work,
         "inputs": {"hours": work_hours, "stonadsdager": pr.stonadsdager,
                    "hours_per_day": hours_per_day_text, "factor": _frac(pr.work_factor),
                    "factor_decimal": _s(pr.work_factor, 6), "gross": gross,
                    "includes_barnetillegg": True, "split": a.work_hours_split,
                    "entries": work_entries,
                    "weekly_hours_50_percent_kinds": _s(sotjl_37.weekly_hours(pr.work_hours_50, pr.stonadsdager))}},
        {"kind": "samordning", "provision": sotjl_38.HJEMMEL, "amount": samordning,
         "inputs": {"netting": a.r38_netting, "includes_barnetillegg": a.r38_includes_bt,
                    "benefit_total_on_stonadsdager": _s(pr.y_total), "benefits": benefits}},
    ]
    return {
        "period": f"{_iso(p_fra)}/{_iso(p_til)}",  # str(Periode)
        "days": days,
        "excluded": pr.excluded,
        "gross": {"provision": sotjl_35.HJEMMEL, "gross_base": gross_base_text,
                  "barnetillegg": gross_bt, "gross": gross,
                  "divisor": a.divisor, "under_25_full_rate_from": a.under_25_full_rate_from,
                  "full_rate_from": full_rate_text},
        "reductions": reductions,
        "order": a.reduction_order,
        "net": {"net_unrounded": net_unrounded, "net_exact": _frac(pr.net_exact), "net": net,
                "rounding": "netto avrundet én gang per periode til hele kroner, halv opp (R13)"},
        "missing": pr.missing,
    }


def _joined(values: Sequence[str | None]) -> str:
    """Each value once, in order of use: ``"124028 / 130160"`` (read back by :func:`_values`)."""
    return _JOIN.join(dict.fromkeys(v for v in values if v))


_JOIN = " / "


def parameters_json(ev: EvaluatedCase) -> dict[str, Any]:
    ps = ev.parameters
    segs = [sg for p in ev.periods for sg in p.segments]
    out: dict[str, Any] = {
        "G": _joined([sg.g_text for sg in segs]),
        "factor": _joined([sg.factor_text for sg in segs]),
        "barnetillegg_per_day": _joined([sg.bt_text for sg in segs if sg.children]),
    }
    out |= ps.assumptions.as_output()
    out["divisor"] = str(ps.assumptions.divisor)  # as in the contract and cases/expected ("260")
    out["parameter_set"] = {"id": ps.id, "name": ps.name,
                            "known_on": ps.known_on.isoformat() if ps.known_on else None}
    return out


def assumptions_json(ev: EvaluatedCase) -> list[dict[str, Any]]:
    ps = ev.parameters
    values = ps.assumptions.as_output()
    out = []
    for name, meta in ps.register.items():
        out.append({"name": name, "value": values.get(name), "default": _plain(meta.get("default")),
                    "status": meta.get("status"), "rule": meta.get("rule"), "source": meta.get("source")})
    return out


def _plain(v: object) -> object:
    return v.isoformat() if isinstance(v, date) else v


def admissibility_json(adm: Admissibility) -> dict[str, Any]:
    """The ``admissibility`` block (import-format.md) of the law's klagefrist assessment."""
    return {
        "deadline": adm.deadline.isoformat() if adm.deadline else None,
        "timely": adm.timely,
        "days_late": adm.days_late,
        "days_since_decision": adm.days_since_decision,
        "over_one_year": adm.over_one_year,
        "notice_received": adm.notice_received.isoformat() if adm.notice_received else None,
        "original_deadline": adm.original_deadline.isoformat() if adm.original_deadline else None,
        "interrupted_by_request_for_reasons": adm.interrupted,
        "hjemmel": f"{HJEMMEL_FRIST}; {HJEMMEL_LATE}",
        "notes": list(adm.notes),
    }


def evaluation_to_json(ev: EvaluatedCase, *, taxonomy: str) -> dict[str, Any]:
    """The evaluation JSON of ``ev``; ``taxonomy`` names the discrepancy taxonomy its categories come from
    (:data:`workbench.appeal.taxonomy.TAXONOMY_VERSION`)."""
    dec = ev.decision
    memo: dict[str, Any] = {}
    periods = [period_json(ev, p, memo) for p in ev.periods]
    total_net = ev.total_net
    computed = [p for p in ev.periods if p.computed]
    return {
        "format": FORMAT,
        "case": dec.decision.reference,
        "evaluated_on": ev.evaluated_on.isoformat() if ev.evaluated_on else None,
        "periods": periods,
        "total": {
            "net": _k(total_net),
            "nav_net": _k(ev.total_nav_net),
            "difference": None if total_net is None else _k(total_net - ev.total_nav_net),
            "complete": ev.complete,
            "computed_periods": len(computed),
            "net_computed_periods": _k(sum((p.net for p in computed if p.net is not None), Decimal(0))),
            "nav_net_computed_periods": _k(sum((p.nav_net for p in computed), Decimal(0))),
        },
        "discrepancies": ev.discrepancies,
        "taxonomy": taxonomy,
        "admissibility": admissibility_json(ev.admissibility),
        "flags": list(ev.flags),
        "discretion": [],
        "parameters": parameters_json(ev),
        "assumptions": assumptions_json(ev),
        "parameter_tables": ps_tables(ev),
        "notes": list(ev.notes),
    }


def ps_tables(ev: EvaluatedCase) -> dict[str, Any]:
    return ev.parameters.table_output()


# ---------------------------------------------------------------------------------------------------
# Reading: the typed record
# ---------------------------------------------------------------------------------------------------

Status: TypeAlias = Literal["computed", "parameter-missing"]
#: An assumption's value (rules.md T5) as its type in :class:`workbench.law.parameters.Assumptions`.
AssumptionValue: TypeAlias = str | bool | int | Decimal | date | None


class EvaluationFormatError(ValueError):
    """The evaluation JSON has a value of the wrong shape; ``path`` says where (``periods[0].net``)."""

    def __init__(self, path: str, message: str):
        self.path = path
        super().__init__(f"{path}: {message}")


@dataclass(frozen=True, slots=True)
class NavDeductionRecord:
    """One of Nav's deductions in a payment period, as the import gave it (``nav_deductions[]``)."""

    kind: str
    amount: Decimal
    hjemmel: str | None
    note: str | None


@dataclass(frozen=True, slots=True)
class DayRecord:
    """A run of equal days in a period's trace (``trace.days[]``, R26): the G, factor and barnetillegg rate
    that applied, and what the run contributes."""

    periode: Periode
    stonadsdager: int
    g: Decimal | None
    g_source: str | None
    factor: Decimal | None
    under_25: bool
    annual_amount: Decimal | None
    day_rate: Decimal | None  # four decimals, as shown
    children: int
    barnetillegg_rate: Decimal | None
    day_barnetillegg: Decimal | None
    gross_base: Decimal | None
    barnetillegg: Decimal | None


@dataclass(frozen=True, slots=True)
class ReductionRecord:
    """One reduction of the trace (§ 36, § 37, § 38), in the order the law applies them. ``inputs`` is the
    trace's record of what went into it, for display only."""

    kind: str  # absence | work | samordning
    provision: str
    amount: Decimal | None
    inputs: Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class PeriodRecord:
    """One payment period: the law's figures beside Nav's."""

    periode: Periode
    status: Status
    stonadsdager: int
    gross: Decimal | None
    gross_base: Decimal | None
    barnetillegg: Decimal | None
    absence: Decimal | None
    work: Decimal | None
    work_hours: Decimal | None
    samordning: Decimal | None
    net_unrounded: Decimal | None
    net: Decimal | None  # whole kroner; None: a parameter is missing
    nav_net: Decimal | None  # whole kroner
    nav_gross: Decimal | None
    nav_deductions: tuple[NavDeductionRecord, ...]
    difference: Decimal | None  # net − nav_net
    flags: tuple[str, ...]
    missing_parameters: tuple[Mapping[str, Any], ...]
    alternatives: Mapping[str, Decimal | None]
    notes: tuple[str, ...]
    days: tuple[DayRecord, ...]
    reductions: tuple[ReductionRecord, ...]
    trace: Mapping[str, Any]  # the whole trace as written, for display

    @property
    def fra(self) -> date:
        return self.periode.fra

    @property
    def til(self) -> date:
        return self.periode.til

    @property
    def computed(self) -> bool:
        return self.net is not None


@dataclass(frozen=True, slots=True)
class DiscrepancyRecord:
    """One of Nav's errors as the diagnosis found it (:mod:`workbench.appeal.diagnosis`)."""

    code: str
    periode: Periode | None
    hjemmel: str
    component: str | None
    #: what Nav had and what the law gives: an amount, or — where Nav's error is the provision itself
    #: (``wrong-hjemmel``) — the provision's name
    nav: Decimal | str | None
    correct: Decimal | str | None
    category: str
    explanation: str

    @property
    def period(self) -> str:
        """The period as the output contract names it (``"2025-10-06/2025-10-19"``), or ``""``."""
        return "" if self.periode is None else str(self.periode)


@dataclass(frozen=True, slots=True)
class TotalRecord:
    net: Decimal | None  # None unless every period was computed
    nav_net: Decimal | None
    difference: Decimal | None
    complete: bool | None = None
    computed_periods: int | None = None
    net_computed_periods: Decimal | None = None
    nav_net_computed_periods: Decimal | None = None


@dataclass(frozen=True, slots=True)
class AdmissibilityRecord:
    """The klagefrist as the evaluation assessed it from the import (R19–R20)."""

    deadline: date | None
    timely: bool | None
    days_late: int | None
    days_since_decision: int | None
    over_one_year: bool
    notice_received: date | None = None
    original_deadline: date | None = None
    interrupted_by_request_for_reasons: bool = False
    hjemmel: str | None = None
    notes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ParameterSetRecord:
    id: str | None
    name: str | None
    known_on: date | None  # the set as known on a day (two dates, two answers); None: today's


@dataclass(frozen=True, slots=True)
class ParametersRecord:
    """The parameters the evaluation used. ``g``, ``factor`` and ``barnetillegg_per_day``: each value once,
    in order of use (the days they applied to are in :attr:`PeriodRecord.days`); ``assumptions``: the T5
    values by name, typed as :class:`workbench.law.parameters.Assumptions` types them."""

    g: tuple[Decimal, ...] = ()
    factor: tuple[Decimal, ...] = ()
    barnetillegg_per_day: tuple[Decimal, ...] = ()
    assumptions: Mapping[str, AssumptionValue] = dataclasses.field(default_factory=dict)
    parameter_set: ParameterSetRecord | None = None


@dataclass(frozen=True, slots=True)
class AssumptionRecord:
    """One entry of the assumption register: its value, default and basis ([V], [INF], [ASSUMPTION])."""

    name: str
    value: AssumptionValue
    default: AssumptionValue
    status: str | None
    rule: str | None
    source: str | None


@dataclass(frozen=True, slots=True)
class EvaluationRecord:
    """The evaluation, read: what the review, the letter and the archive work from."""

    format: str | None
    case: str | None
    evaluated_on: date | None
    periods: tuple[PeriodRecord, ...]
    total: TotalRecord
    discrepancies: tuple[DiscrepancyRecord, ...]
    taxonomy: str | None
    admissibility: AdmissibilityRecord | None
    flags: tuple[str, ...]
    #: the ⚖ points (:func:`workbench.appeal.discretion.discretion_points`): questions in words for the jurist
    discretion: tuple[Mapping[str, Any], ...]
    parameters: ParametersRecord
    assumptions: tuple[AssumptionRecord, ...]
    parameter_tables: Mapping[str, Any]  # the T1–T4 tables as written, for display
    notes: tuple[str, ...]

    def period(self, periode: Periode) -> PeriodRecord | None:
        return next((p for p in self.periods if p.periode == periode), None)


# --- the decoders: one per kind of value, each naming the path of a value it refuses ------------------

def _decimal(v: object, path: str) -> Decimal | None:
    if v is None or v == "":
        return None
    if isinstance(v, bool) or not isinstance(v, (str, int, float, Decimal)):
        raise EvaluationFormatError(path, f"not an amount: {v!r}")
    try:
        d = Decimal(str(v))
    except InvalidOperation:
        raise EvaluationFormatError(path, f"not an amount: {v!r}") from None
    if not d.is_finite():
        raise EvaluationFormatError(path, f"not an amount: {v!r}")
    return d


def _amount_or_text(v: object, path: str) -> Decimal | str | None:
    """An amount, or a text that is not one (a provision's name)."""
    try:
        return _decimal(v, path)
    except EvaluationFormatError:
        if isinstance(v, str):
            return v
        raise


def _date(v: object, path: str) -> date | None:
    if v is None or v == "":
        return None
    if isinstance(v, date):
        return v
    try:
        return date.fromisoformat(str(v))
    except ValueError:
        raise EvaluationFormatError(path, f"not a date: {v!r}") from None


def _int(v: object, path: str) -> int | None:
    if v is None:
        return None
    if isinstance(v, bool) or not isinstance(v, (int, str)):
        raise EvaluationFormatError(path, f"not a whole number: {v!r}")
    try:
        return int(v)
    except ValueError:
        raise EvaluationFormatError(path, f"not a whole number: {v!r}") from None


def _bool(v: object, path: str) -> bool | None:
    if v is None or isinstance(v, bool):
        return v
    raise EvaluationFormatError(path, f"not true or false: {v!r}")


def _str(v: object, path: str) -> str | None:
    if v is None or isinstance(v, str):
        return v
    raise EvaluationFormatError(path, f"not text: {v!r}")


def _map(v: object, path: str) -> Mapping[str, Any]:
    if v is None:
        return {}
    if not isinstance(v, Mapping):
        raise EvaluationFormatError(path, "not an object")
    return v


def _list(v: object, path: str) -> list[Any]:
    if v is None:
        return []
    if not isinstance(v, list | tuple):
        raise EvaluationFormatError(path, "not a list")
    return list(v)


def _texts_of(v: object, path: str) -> tuple[str, ...]:
    return tuple(str(_str(x, f"{path}[{i}]")) for i, x in enumerate(_list(v, path)))


def _periode(fra: object, til: object, path: str) -> Periode:
    a, b = _date(fra, f"{path}.from"), _date(til, f"{path}.to")
    if a is None or b is None:
        raise EvaluationFormatError(path, "a period needs from and to")
    try:
        return Periode(a, b)
    except ValueError as exc:
        raise EvaluationFormatError(path, str(exc)) from None


def _values(v: object, path: str) -> tuple[Decimal, ...]:
    """``"124028 / 130160"`` (:func:`_joined`) → ``(Decimal("124028"), Decimal("130160"))``."""
    text = _str(v, path) if not isinstance(v, int | Decimal) or isinstance(v, bool) else str(v)
    out = []
    for i, part in enumerate((text or "").split(_JOIN.strip())):
        d = _decimal(part.strip(), f"{path}[{i}]")
        if d is not None:
            out.append(d)
    return tuple(out)


def _assumption_types() -> dict[str, type]:
    """Each assumption's type in :class:`Assumptions` (``date | None`` → ``date``)."""
    hints = typing.get_type_hints(Assumptions)
    out: dict[str, type] = {}
    for f in dataclasses.fields(Assumptions):
        t = hints[f.name]
        args = [a for a in typing.get_args(t) if a is not type(None)]
        out[f.name] = args[0] if args else t
    return out


_ASSUMPTION_TYPES = _assumption_types()


def _assumption(name: str, v: object, path: str) -> AssumptionValue:
    kind = _ASSUMPTION_TYPES.get(name)
    if v is None:
        return None
    if kind is date:
        return _date(v, path)
    if kind is Decimal:
        return _decimal(v, path)
    if kind is bool:
        return _bool(v, path)
    if kind is int:
        return _int(v, path)
    if kind is str:
        return _str(v, path)
    # a name this version does not know (an older or newer evaluation): as written
    if isinstance(v, str | bool | int):
        return v
    if isinstance(v, float):
        return _decimal(v, path)
    raise EvaluationFormatError(path, f"not a value: {v!r}")


# --- the parts ---------------------------------------------------------------------------------------

def _day(d: Mapping[str, Any], path: str) -> DayRecord:
    return DayRecord(
        periode=_periode(d.get("from"), d.get("to"), path),
        stonadsdager=_int(d.get("stonadsdager"), f"{path}.stonadsdager") or 0,
        g=_decimal(d.get("G"), f"{path}.G"),
        g_source=_str(d.get("G_source"), f"{path}.G_source"),
        factor=_decimal(d.get("factor"), f"{path}.factor"),
        under_25=bool(_bool(d.get("under_25"), f"{path}.under_25")),
        annual_amount=_decimal(d.get("annual_amount"), f"{path}.annual_amount"),
        day_rate=_decimal(d.get("day_rate"), f"{path}.day_rate"),
        children=_int(d.get("children"), f"{path}.children") or 0,
        barnetillegg_rate=_decimal(d.get("barnetillegg_rate"), f"{path}.barnetillegg_rate"),
        day_barnetillegg=_decimal(d.get("day_barnetillegg"), f"{path}.day_barnetillegg"),
        gross_base=_decimal(d.get("gross_base"), f"{path}.gross_base"),
        barnetillegg=_decimal(d.get("barnetillegg"), f"{path}.barnetillegg"),
    )


def _reduction(r: Mapping[str, Any], path: str) -> ReductionRecord:
    return ReductionRecord(kind=_str(r.get("kind"), f"{path}.kind") or "",
                           provision=_str(r.get("provision"), f"{path}.provision") or "",
                           amount=_decimal(r.get("amount"), f"{path}.amount"),
                           inputs=_map(r.get("inputs"), f"{path}.inputs"))


def _period(p: Mapping[str, Any], path: str) -> PeriodRecord:
    def dec(key: str) -> Decimal | None:
        return _decimal(p.get(key), f"{path}.{key}")

    trace = _map(p.get("trace"), f"{path}.trace")
    net = dec("net")
    written = p.get("status") or ("computed" if net is not None else "parameter-missing")
    status: Status
    if written == "computed":
        status = "computed"
    elif written == "parameter-missing":
        status = "parameter-missing"
    else:
        raise EvaluationFormatError(f"{path}.status", f"unknown status {written!r}")
    alternatives = _map(p.get("alternatives"), f"{path}.alternatives")
    return PeriodRecord(
        periode=_periode(p.get("from"), p.get("to"), path),
        status=status,
        stonadsdager=_int(p.get("stonadsdager"), f"{path}.stonadsdager") or 0,
        gross=dec("gross"), gross_base=dec("gross_base"), barnetillegg=dec("barnetillegg"),
        absence=dec("absence"), work=dec("work"), work_hours=dec("work_hours"), samordning=dec("samordning"),
        net_unrounded=dec("net_unrounded"), net=net, nav_net=dec("nav_net"), nav_gross=dec("nav_gross"),
        nav_deductions=tuple(
            NavDeductionRecord(kind=_str(d.get("kind"), f"{path}.nav_deductions[{i}].kind") or "",
                               amount=_decimal(d.get("amount"), f"{path}.nav_deductions[{i}].amount") or Decimal(0),
                               hjemmel=_str(d.get("hjemmel"), f"{path}.nav_deductions[{i}].hjemmel"),
                               note=_str(d.get("note"), f"{path}.nav_deductions[{i}].note"))
            for i, d in enumerate(_list(p.get("nav_deductions"), f"{path}.nav_deductions"))),
        difference=dec("difference"),
        flags=_texts_of(p.get("flags"), f"{path}.flags"),
        missing_parameters=tuple(_map(m, f"{path}.missing_parameters[{i}]")
                                 for i, m in enumerate(_list(p.get("missing_parameters"), f"{path}.missing_parameters"))),
        alternatives={str(k): _decimal(v, f"{path}.alternatives.{k}") for k, v in alternatives.items()},
        notes=_texts_of(p.get("notes"), f"{path}.notes"),
        days=tuple(_day(_map(d, f"{path}.trace.days[{i}]"), f"{path}.trace.days[{i}]")
                   for i, d in enumerate(_list(trace.get("days"), f"{path}.trace.days"))),
        reductions=tuple(_reduction(_map(r, f"{path}.trace.reductions[{i}]"), f"{path}.trace.reductions[{i}]")
                         for i, r in enumerate(_list(trace.get("reductions"), f"{path}.trace.reductions"))),
        trace=trace,
    )


def _discrepancy(d: Mapping[str, Any], path: str) -> DiscrepancyRecord:
    period = _str(d.get("period"), f"{path}.period")
    periode = None
    if period:
        fra, sep, til = period.partition("/")
        if not sep:
            raise EvaluationFormatError(f"{path}.period", f"not a period: {period!r}")
        periode = _periode(fra, til, f"{path}.period")
    return DiscrepancyRecord(
        code=_str(d.get("code"), f"{path}.code") or "",
        periode=periode,
        hjemmel=_str(d.get("hjemmel"), f"{path}.hjemmel") or "",
        component=_str(d.get("component"), f"{path}.component"),
        nav=_amount_or_text(d.get("nav"), f"{path}.nav"),
        correct=_amount_or_text(d.get("correct"), f"{path}.correct"),
        category=_str(d.get("category"), f"{path}.category") or "",
        explanation=_str(d.get("explanation"), f"{path}.explanation") or "",
    )


def _total(t: Mapping[str, Any]) -> TotalRecord:
    return TotalRecord(
        net=_decimal(t.get("net"), "total.net"),
        nav_net=_decimal(t.get("nav_net"), "total.nav_net"),
        difference=_decimal(t.get("difference"), "total.difference"),
        complete=_bool(t.get("complete"), "total.complete"),
        computed_periods=_int(t.get("computed_periods"), "total.computed_periods"),
        net_computed_periods=_decimal(t.get("net_computed_periods"), "total.net_computed_periods"),
        nav_net_computed_periods=_decimal(t.get("nav_net_computed_periods"), "total.nav_net_computed_periods"),
    )


def _admissibility(a: Mapping[str, Any]) -> AdmissibilityRecord:
    p = "admissibility"
    return AdmissibilityRecord(
        deadline=_date(a.get("deadline"), f"{p}.deadline"),
        timely=_bool(a.get("timely"), f"{p}.timely"),
        days_late=_int(a.get("days_late"), f"{p}.days_late"),
        days_since_decision=_int(a.get("days_since_decision"), f"{p}.days_since_decision"),
        over_one_year=bool(_bool(a.get("over_one_year"), f"{p}.over_one_year")),
        notice_received=_date(a.get("notice_received"), f"{p}.notice_received"),
        original_deadline=_date(a.get("original_deadline"), f"{p}.original_deadline"),
        interrupted_by_request_for_reasons=bool(_bool(a.get("interrupted_by_request_for_reasons"),
                                                      f"{p}.interrupted_by_request_for_reasons")),
        hjemmel=_str(a.get("hjemmel"), f"{p}.hjemmel"),
        notes=_texts_of(a.get("notes"), f"{p}.notes"),
    )


_VALUES = ("G", "factor", "barnetillegg_per_day")


def _parameters(prm: Mapping[str, Any]) -> ParametersRecord:
    ps = prm.get("parameter_set")
    ps_map = _map(ps, "parameters.parameter_set")
    return ParametersRecord(
        g=_values(prm.get("G"), "parameters.G"),
        factor=_values(prm.get("factor"), "parameters.factor"),
        barnetillegg_per_day=_values(prm.get("barnetillegg_per_day"), "parameters.barnetillegg_per_day"),
        assumptions={str(k): _assumption(str(k), v, f"parameters.{k}") for k, v in prm.items()
                     if k not in _VALUES and k != "parameter_set"},
        parameter_set=None if ps is None else ParameterSetRecord(
            id=_str(ps_map.get("id"), "parameters.parameter_set.id"),
            name=_str(ps_map.get("name"), "parameters.parameter_set.name"),
            known_on=_date(ps_map.get("known_on"), "parameters.parameter_set.known_on")),
    )


def _assumption_entry(a: Mapping[str, Any], path: str) -> AssumptionRecord:
    name = _str(a.get("name"), f"{path}.name") or ""
    return AssumptionRecord(name=name, value=_assumption(name, a.get("value"), f"{path}.value"),
                            default=_assumption(name, a.get("default"), f"{path}.default"),
                            status=_str(a.get("status"), f"{path}.status"), rule=_str(a.get("rule"), f"{path}.rule"),
                            source=_str(a.get("source"), f"{path}.source"))


def read_evaluation(data: Mapping[str, Any]) -> EvaluationRecord:
    """The evaluation JSON (:func:`evaluation_to_json`, as stored or served) as an :class:`EvaluationRecord`.
    Raises :class:`EvaluationFormatError` for a value of the wrong shape."""
    adm = data.get("admissibility")
    return EvaluationRecord(
        format=_str(data.get("format"), "format"),
        case=_str(data.get("case"), "case"),
        evaluated_on=_date(data.get("evaluated_on"), "evaluated_on"),
        periods=tuple(_period(_map(p, f"periods[{i}]"), f"periods[{i}]")
                      for i, p in enumerate(_list(data.get("periods"), "periods"))),
        total=_total(_map(data.get("total"), "total")),
        discrepancies=tuple(_discrepancy(_map(d, f"discrepancies[{i}]"), f"discrepancies[{i}]")
                            for i, d in enumerate(_list(data.get("discrepancies"), "discrepancies"))),
        taxonomy=_str(data.get("taxonomy"), "taxonomy"),
        admissibility=None if adm is None else _admissibility(_map(adm, "admissibility")),
        flags=_texts_of(data.get("flags"), "flags"),
        discretion=tuple(_map(x, f"discretion[{i}]") for i, x in enumerate(_list(data.get("discretion"), "discretion"))),
        parameters=_parameters(_map(data.get("parameters"), "parameters")),
        assumptions=tuple(_assumption_entry(_map(a, f"assumptions[{i}]"), f"assumptions[{i}]")
                          for i, a in enumerate(_list(data.get("assumptions"), "assumptions"))),
        parameter_tables=_map(data.get("parameter_tables"), "parameter_tables"),
        notes=_texts_of(data.get("notes"), "notes"),
    )


def total_json(total: TotalRecord) -> dict[str, Any]:
    """The ``total`` block as the evaluation JSON has it (the ⚖ points show it as their input)."""
    def k(d: Decimal | None) -> str | None:
        return None if d is None else str(d)

    return {"net": k(total.net), "nav_net": k(total.nav_net), "difference": k(total.difference),
            "complete": total.complete, "computed_periods": total.computed_periods,
            "net_computed_periods": k(total.net_computed_periods),
            "nav_net_computed_periods": k(total.nav_net_computed_periods)}
