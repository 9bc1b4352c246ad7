"""The evaluation as JSON (import-format.md «Output of an evaluation», plus the trace).

Amounts are strings: components with two decimals (``"11327.56"``, display of exact values), ``net``,
``nav_net`` and ``difference`` whole kroner (``"6797"``). ``None`` → JSON null (a period not computed).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from datetime import date
from workbench.law.money import Fraction
from typing import TYPE_CHECKING, Any

from workbench.law import sotjl_35, sotjl_36, sotjl_37, sotjl_38
from workbench.law.cache import ENGINE_CACHE
from workbench.law.money import fmt, fmt_kroner, round_half_up
from workbench.law.model import SAMORDNING_BENEFITS

if TYPE_CHECKING:  # pragma: no cover
    from workbench.appeal.evaluation import Evaluation
    from workbench.law.result import PeriodResult
    from workbench.law.sotjl_35 import Segment

FORMAT = "klagebenk.evaluation/1"


_s = fmt  # fmt(x, places=2): display of an exact amount


def _frac(x: Fraction | None) -> str | None:
    """An exact rational as text (``"20/75"``), for the trace."""
    if x is None:
        return None
    return str(x.numerator) if x.denominator == 1 else f"{x.numerator}/{x.denominator}"


def _k(x) -> str | None:
    return None if x is None else fmt_kroner(x)


def _iso(d: date) -> str:
    return d.isoformat()


def period_json(ev: Evaluation, pr: PeriodResult, memo: dict | None = None) -> dict[str, Any]:
    pay = pr.payment
    # the period's figures as display strings, formatted once (the trace repeats them)
    tx = (_s(pr.gross), _s(pr.gross_base), _s(pr.gross_bt), _s(pr.absence), _s(pr.work),
          _s(pr.work_hours), _s(pr.samordning), _s(pr.net_exact), _k(pr.net))
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


def _decision_texts(ev: Evaluation, memo: dict) -> tuple:
    """What every period's trace repeats of the decision, formatted once per evaluation: the absences
    sorted by date (a bisect finds a period's) with their place in the import, each benefit's fixed part,
    each work entry's fixed part, the full-rate date and the hours per day."""
    hit = memo.get("decision")
    if hit is not None and hit[0] is ev:
        return hit
    dec = ev.decision
    a = ev.parameters.assumptions
    absences = sorted(((ab.date, i, ab) for i, ab in enumerate(dec.absence)), key=lambda x: (x[0], x[1]))
    abs_dates = [d for d, _, _ in absences]
    abs_rows = [(i, ab, ab.date.isoformat(), str(ab.hours)) for _, i, ab in absences]
    benefits = []
    for b in dec.benefits:
        entry = {"kind": b.kind.value, "from": _iso(b.periode.fra), "to": _iso(b.periode.til),
                 "daily_amount": str(b.daily_amount), "coordinated": b.kind in SAMORDNING_BENEFITS}
        if b.kind not in SAMORDNING_BENEFITS:
            entry["reason"] = sotjl_38.not_coordinated_note(b.kind.value)
        benefits.append((b.periode.fra, b.periode.til, entry))
    work = {id(w): (w, _iso(w.periode.fra), _iso(w.periode.til), w.kind.value, str(w.hours))
            for w in dec.work}
    hit = memo["decision"] = (ev, abs_dates, abs_rows, benefits, work,
                              sotjl_35.full_rate_from(dec.participant, a).isoformat(), str(a.hours_per_day))
    return hit


_NOT_COUNTED = "fosterhjemsgodtgjøring reduserer ikke stønaden (direktoratet 2018)"


def trace_json(ev: Evaluation, pr: PeriodResult, memo: dict | None = None,
               tx: tuple | None = None) -> dict[str, Any]:
    ps = ev.parameters
    a = ps.assumptions
    if memo is None:
        memo = {}
    if tx is None:
        tx = (_s(pr.gross), _s(pr.gross_base), _s(pr.gross_bt), _s(pr.absence), _s(pr.work),
              _s(pr.work_hours), _s(pr.samordning), _s(pr.net_exact), _k(pr.net))
    gross, gross_base_text, gross_bt, absence, work, work_hours, samordning, net_unrounded, net = tx
    _, abs_dates, abs_rows, benefit_rows, work_rows, full_rate_text, hours_per_day_text = \
        _decision_texts(ev, memo)
    days = []
    abs_texts: dict[date, tuple[str, str]] = {}  # an absence day → (hours, amount): the trace shows both twice
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
    for w in pr.work_shares:
        _, w_from, w_to, w_kind, w_hours = work_rows[id(w.work)]
        hip = w.hours_in_period  # one counted entry: the very object of the period's hours, already shown
        entry = {"from": w_from, "to": w_to, "kind": w_kind, "hours": w_hours,
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


def _joined(values: list[str]) -> str:
    return " / ".join(dict.fromkeys(v for v in values if v))


def parameters_json(ev: Evaluation) -> dict[str, Any]:
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


def assumptions_json(ev: Evaluation) -> list[dict[str, Any]]:
    ps = ev.parameters
    values = ps.assumptions.as_output()
    out = []
    for name, meta in ps.register.items():
        out.append({"name": name, "value": values.get(name), "default": _plain(meta.get("default")),
                    "status": meta.get("status"), "rule": meta.get("rule"), "source": meta.get("source")})
    return out


def _plain(v):
    return v.isoformat() if isinstance(v, date) else v


def evaluation_to_json(ev: Evaluation) -> dict[str, Any]:
    dec = ev.decision
    memo: dict = {}
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
            "net_computed_periods": _k(sum((p.net for p in computed), 0)),
            "nav_net_computed_periods": _k(sum((p.nav_net for p in computed), 0)),
        },
        "discrepancies": ev.discrepancies,
        "taxonomy": "kabal-kvalitetsvurdering-v3",
        "admissibility": ev.admissibility.to_json(),
        "flags": list(ev.flags),
        "discretion": [],
        "parameters": parameters_json(ev),
        "assumptions": assumptions_json(ev),
        "parameter_tables": ps_tables(ev),
        "notes": list(ev.notes),
    }


def ps_tables(ev: Evaluation) -> dict[str, Any]:
    return ev.parameters.table_output()
