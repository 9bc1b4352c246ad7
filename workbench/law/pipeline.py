"""The pipeline (rules.md §2): a contested decision → per payment period result + trace.

For each payment period P (one ``payments[]`` entry):

1. S(P) and the per-day parameters, split at every change date (R1–R3, T2, T3, R12) — days with identical
   parameters are grouped into :class:`~workbench.law.sotjl_35.Segment` s, arithmetic stays exact;
2. GROSS_BASE, GROSS_BT, GROSS (R7);
3. R_ABS (R8, :mod:`sotjl_36`); 4. R_WORK (R9, :mod:`sotjl_37`);
5. R_38 (R10, :mod:`sotjl_38`), capped per day by what absence and work left;
6. NET = max(0, GROSS − R_ABS − R_WORK − R_38), rounded once, half up (R13, :func:`money.round_half_up`);
7. the checks that need no Nav figure (§ 30: work over 50 %, below full time).

Nav's figures are compared with the result in :mod:`workbench.appeal.diagnosis`; the typed result is
:class:`workbench.law.result.PeriodResult`.

A period with a day that needs a parameter the tables do not have (G from 2027-05-01; barnetillegg from
2027-01-01 when a child counts) is not computed: ``net`` is None and ``missing`` names the parameter
(flag ``parameter-missing``, §0.5). The other periods are still evaluated.
"""

from __future__ import annotations

import bisect
import dataclasses
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from workbench.law.money import Fraction

from workbench.law import sotjl_35, sotjl_36, sotjl_37, sotjl_38
from workbench.law.cache import ENGINE_CACHE, EngineCache
from workbench.law.money import ZERO, round_half_up, weighted_sum
from workbench.law.model import NavDecision, Payment
from workbench.law.parameters import DatedValue, ParameterSet
from workbench.law.result import PeriodResult
from workbench.law.sotjl_35 import ONE_DAY, Calendar, Segment

OUTSIDE_PROGRAMME = "utenfor programperioden (sotjl § 35 første ledd)"
LEAVE = "fravær uten stønad / avbrudd (leave_without_stonad, R2)"


@dataclass(frozen=True, slots=True)
class Variant:
    """A counterfactual used only to diagnose Nav's figures (never the result): one G for all days,
    one factor for all days, the full or the reduced rate for all days."""

    g_row: DatedValue | None = None
    factor: Fraction | None = None
    factor_text: str | None = None
    under_25: bool | None = None


@dataclass(slots=True)
class Context:
    """What one decision contributes to every period: calendar, birthdays, children, absence, benefits,
    work, and the days on which any of them (or a parameter) changes."""

    decision: NavDecision
    ps: ParameterSet
    calendar: Calendar
    full_rate_from: date
    child_ranges: list[tuple[date, date]]
    absence_hours: dict[date, Fraction]
    benefits38: list[tuple[date, date, Fraction]]  # (from, to, daily amount) of the § 38 benefits
    breaks: list[date]
    work_entries: list[sotjl_37.WorkEntry] = field(default_factory=list)
    activity_hours: Fraction = ZERO  # programme hours a week (None → 37.5), exact
    absence_on_ferie: list[date] = field(default_factory=list)  # invalid absence on ferie days (S-12)
    cache: EngineCache = ENGINE_CACHE  # what recurs across periods and cases (workbench.law.cache)

    def alt(self, **overrides: object) -> ParameterSet:
        return self.cache.with_assumptions(self.ps, **overrides)

    def known_on_decision_date(self) -> ParameterSet:
        return self.ps.as_known_on(self.decision.decision.date)

    @classmethod
    def build(cls, decision: NavDecision, ps: ParameterSet) -> Context:
        a = ps.assumptions
        cal = Calendar(decision.programme.periode, decision.leave_without_stonad, a)
        frf = sotjl_35.full_rate_from(decision.participant, a)
        children = [sotjl_35.child_counts(c, a) for c in decision.children]
        child_ranges = [(f, t) for f, t in children if t is not None and f <= t]
        absence = sotjl_36.invalid_hours_by_day(decision.absence, ps.hours_per_day, decision.ferie)
        b38 = sotjl_38.coordinable(decision.benefits)
        # R12: a new run of equal days starts wherever a parameter, the age, a child, leave, an absence
        # day or a § 38 benefit changes
        breaks: set[date] = set(ps.g.change_dates())
        breaks.update(ps.factor_change_dates())
        breaks.update(ps.barnetillegg.change_dates())
        breaks.add(frf)
        for start, end in [*child_ranges, *cal.leave, *((d, d) for d in absence),
                           *((b.periode.fra, b.periode.til) for b in b38)]:
            breaks.add(start)
            if end < date.max:
                breaks.add(end + ONE_DAY)
        hpw = decision.programme.hours_per_week
        activity = Fraction(hpw if hpw is not None else Decimal("37.5"))
        benefits38 = [(b.periode.fra, b.periode.til, Fraction(b.daily_amount)) for b in b38]
        return cls(decision, ps, cal, frf, child_ranges, absence, benefits38, sorted(breaks),
                   work_entries=sotjl_37.work_entries(decision.work, cal), activity_hours=activity,
                   absence_on_ferie=sotjl_36.absence_on_ferie(decision.absence, decision.ferie))


def compute_period(ctx: Context, payment: Payment, ps: ParameterSet | None = None,
                   variant: Variant | None = None) -> PeriodResult:
    """Steps 1–7 of the pipeline for one payment period (pure; ``ps``/``variant`` for alternatives)."""
    ps = ps or ctx.ps
    P = payment.periode
    prog = ctx.decision.programme.periode
    res = PeriodResult(payment, P)
    lo, hi = max(P.fra, prog.fra), min(P.til, prog.til)
    # R2 [V § 35 first paragraph]: no stønad before the programme starts or after it ends.
    if P.fra < prog.fra:
        res.excluded.append({"from": P.fra.isoformat(), "to": min(P.til, prog.fra - ONE_DAY).isoformat(),
                             "reason": OUTSIDE_PROGRAMME})
    if P.til > prog.til:
        res.excluded.append({"from": max(P.fra, prog.til + ONE_DAY).isoformat(), "to": P.til.isoformat(),
                             "reason": OUTSIDE_PROGRAMME})
    if lo > hi:
        # S-08 (rules.md §8): a payment period wholly outside the programme is valid input — no
        # stønadsdager, net 0; where Nav paid, the evaluation is til ugunst (tilbakekreving).
        _zero(res)
        res.notes.append(
            f"Utbetalingsperioden {_no_date(P.fra)}–{_no_date(P.til)} ligger helt utenfor programperioden "
            f"{_no_date(prog.fra)}–{_no_date(prog.til)}: ingen stønadsdager og netto 0 kr "
            "(sosialtjenesteloven § 35 første ledd).")
        return res
    if variant is None and ps is ctx.ps:
        for d in ctx.absence_on_ferie:
            if lo <= d <= hi:
                res.notes.append(
                    f"Ugyldig fravær registrert {_no_date(d)} er ikke trukket: dagen er ferie fastsatt av "
                    "kommunen, og stønaden løper under ferien (forskrift om kvalifiseringsprogram § 17).")

    # 1. the period's runs of equal days (R1–R3, R6, R12)
    i, j = bisect.bisect_right(ctx.breaks, lo), bisect.bisect_right(ctx.breaks, hi)
    starts = [lo, *ctx.breaks[i:j]]
    ends = [s - ONE_DAY for s in starts[1:]] + [hi]
    for s, e in zip(starts, ends):
        n = ctx.calendar.count(s, e)
        if ctx.calendar.leave and ctx.calendar.in_leave(s):
            res.excluded.append({"from": s.isoformat(), "to": e.isoformat(), "reason": LEAVE})
            continue
        if n == 0:
            continue
        seg = _segment(ctx, ps, variant, s, e, n)
        for name in seg.missing:
            res.missing.append(_missing(ps, name, s, e))
        res.segments.append(seg)
        res.stonadsdager += n
    _work_facts(ctx, res)
    if res.missing:
        # §0.5: the period is not computed; S-02 (rules.md §8): the flags that need no G are still raised
        # (work-over-50-percent here; non-coordinable-benefit-deducted in the diagnosis)
        res.flags.append("parameter-missing")
        _merge_missing(res)
        res.y_total = weighted_sum((sg.stonadsdager, sg.y) for sg in res.segments)
        _check_work(ctx, res, ps)
        return res

    # 2. GROSS (R7, § 35)
    res.gross_base, res.gross_bt = sotjl_35.gross(res.segments)
    res.gross = res.gross_base + res.gross_bt
    # 3.–5. the reductions in the order of R13: § 36, § 37, § 38
    res.work_factor = sotjl_37.work_factor(res.work_hours, res.stonadsdager, ps.hours_per_day)
    res.absence, res.work, res.samordning, res.y_total = reductions(res, ps, record=True, cache=ctx.cache)
    # 6. NET, floored at zero, rounded once (R13)
    res.net_exact = net(res.gross, res.absence, res.work, res.samordning)
    res.net = round_half_up(res.net_exact, 0)
    # 7. checks (§ 30)
    _check_work(ctx, res, ps)
    for sg in res.segments:  # a note that comes with a parameter value (e.g. G 2026 not yet verified)
        if sg.g_note and sg.g_note not in res.notes:
            res.notes.append(sg.g_note)
    return res


def _segment(ctx: Context, ps: ParameterSet, variant: Variant | None, s: date, e: date, n: int) -> Segment:
    """One run of equal days [s, e] with ``n`` stønadsdager: its parameters (T1–T3 in force on ``s``) and
    exact rates per stønadsdag (R4–R6), or the names of the parameters the tables lack."""
    seg = Segment(s, e, n)
    g_row, f_row = ps.g.row_on(s), ps.factor_row(s)
    bt_row = ps.barnetillegg.row_on(s)
    if variant is not None and variant.g_row is not None:
        g_row = variant.g_row
    seg.under_25 = variant.under_25 if variant is not None and variant.under_25 is not None \
        else s < ctx.full_rate_from
    seg.children = sum(1 for cf, ct in ctx.child_ranges if cf <= s <= ct)
    missing = []
    if g_row is None:
        missing.append("G")
    else:
        seg.g, seg.g_text, seg.g_source, seg.g_note = g_row.value, g_row.text, g_row.source, g_row.note
    if variant is not None and variant.factor is not None:
        seg.factor, seg.factor_text = variant.factor, variant.factor_text
    elif f_row is None:
        missing.append("factor")
    else:
        seg.factor, seg.factor_text = f_row.value, f_row.text
    if seg.children:
        if bt_row is None:
            missing.append("barnetillegg")
        else:
            seg.bt_rate, seg.bt_text = bt_row.value, bt_row.text
    # § 38 benefit per day (y) needs no G (S-02)
    seg.y = sum((y for bf, bt, y in ctx.benefits38 if bf <= s <= bt), ZERO)
    if missing:
        seg.missing = tuple(missing)
        return seg
    if s == e:  # an absence day is a run of its own (R12 breaks at d and d + 1)
        seg.absence_hours = ctx.absence_hours.get(s, ZERO)
    assert seg.g is not None and seg.factor is not None
    seg.annual, seg.b = ctx.cache.day_rate(ps, seg.g, seg.factor, seg.under_25)
    seg.t = sotjl_35.barnetillegg_per_day(seg.children, seg.bt_rate)
    return seg


def _work_facts(ctx: Context, res: PeriodResult) -> None:
    """R9 inputs — the work hours in the period (sotjl § 37), for the reduction and the § 30 check."""
    shares = sotjl_37.work_in_period(ctx.work_entries, res.periode, ctx.calendar)
    res.work_shares = shares
    res.work_hours = sum((w.hours_in_period for w in shares if w.counted), ZERO)
    res.work_hours_50 = sum((w.hours_in_period for w in shares
                             if w.work.kind in sotjl_37.FIFTY_PERCENT_KINDS), ZERO)


def _check_work(ctx: Context, res: PeriodResult, ps: ParameterSet) -> None:
    """§ 30 second paragraph: work over 50 % (a flag, needs no G) and work + activities against full time
    (a flag below, a ⚖ note above)."""
    S = res.stonadsdager
    if sotjl_37.over_50_percent(res.work_hours_50, S, ps.max_work_hours_week):
        res.flags.append("work-over-50-percent")
    if res.missing:
        return
    total_week = ctx.activity_hours + (sotjl_37.weekly_hours(res.work_hours, S) or ZERO)
    if S and total_week < ps.full_time_hours_week:
        res.flags.append("below-full-time")
    elif S and res.work_hours and total_week > ps.full_time_hours_week:
        res.notes.append(
            "Arbeid og aktiviteter overstiger full tid (37,5 t/uke): bare tillatt i spesielle situasjoner "
            "(sotjl § 30, direktoratets brev 2025) ⚖"
        )


def reductions(res: PeriodResult, ps: ParameterSet, *, record: bool = False,
               cache: EngineCache = ENGINE_CACHE) -> tuple[Fraction, Fraction, Fraction, Fraction]:
    """R8 → R9 → R10 on a period's runs of days: ``(R_ABS, R_WORK, R_38, Σy)``. ``record`` keeps the
    per-day figures on the runs for the trace; alternatives (other assumptions) call it without."""
    assert res.gross is not None
    a = ps.assumptions
    absence: list[tuple[int, Fraction]] = []
    days38: list[tuple[int, Fraction, Fraction]] = []
    for sg in res.segments:
        assert sg.b is not None and sg.t is not None
        day_abs = a38 = ZERO
        if sg.absence_hours:  # § 36
            day_abs, a38 = cache.day_reduction(ps, sg.absence_hours, sg.b, sg.t)
            absence.append((sg.stonadsdager, day_abs))
        if sg.y:  # § 38, capped by what § 36 and § 37 left of the day (R13 order)
            e38 = sotjl_38.day_entitlement(sg.b, sg.t, a.r38_includes_bt)
            rem = sotjl_38.remaining(e38, a38, res.work_factor)
            days38.append((sg.stonadsdager, sg.y, rem))
            if record:
                sg.rem, sg.r38 = rem, min(sg.y, rem)
        if record:
            sg.a, sg.a38 = day_abs, a38
    r_abs = weighted_sum(absence)
    r_work = sotjl_37.reduction(res.work_factor, res.gross)  # § 37, from the unreduced gross
    r38, sum_y = sotjl_38.reduction(days38, a.r38_netting)
    return r_abs, r_work, r38, sum_y


def net(gross: Fraction, *deductions: Fraction) -> Fraction:
    """NET = max(0, GROSS − R_ABS − R_WORK − R_38), exact (R13; rounded once by the caller)."""
    return max(ZERO, gross - sum(deductions, ZERO))


def alternative_net(res: PeriodResult, ps: ParameterSet) -> Decimal:
    """NET of an already computed period under other assumptions (R8: show the alternative)."""
    assert res.gross is not None
    r_abs, r_work, r38, _ = reductions(res, ps)
    return round_half_up(net(res.gross, r_abs, r_work, r38), 0)


def diagnosis_value(ctx: Context, base: PeriodResult, ps: ParameterSet | None = None,
                    variant: Variant | None = None, *, gross_only: bool = False) -> Fraction | None:
    """A computed period's gross (``gross_only``) or rounded net under one named error — a :class:`Variant`
    (one G, one factor or one age for all days) or another parameter set's G table (the one known on Nav's
    decision date) — or None when a parameter is missing. For :mod:`workbench.appeal.diagnosis` only.

    The period's days, children, barnetillegg, absence, benefits and work are ``base``'s own; a variant
    changes only the day rates, so R4–R5 are looked up again and R7–R13 run again on the same runs of
    days (the figures of ``compute_period(ctx, base.payment, ps, variant)``; a test compares them)."""
    ps = ps or ctx.ps
    res = PeriodResult(base.payment, base.periode, stonadsdager=base.stonadsdager,
                       work_factor=sotjl_37.work_factor(base.work_hours, base.stonadsdager, ps.hours_per_day))
    for bs in base.segments:
        g_row = variant.g_row if variant is not None and variant.g_row is not None else ps.g.row_on(bs.fra)
        factor = variant.factor if variant is not None and variant.factor is not None else None
        if factor is None:
            f_row = ps.factor_row(bs.fra)
            factor = f_row.value if f_row is not None else None
        if g_row is None or factor is None:
            return None
        under_25 = variant.under_25 if variant is not None and variant.under_25 is not None else bs.under_25
        seg = dataclasses.replace(bs, g=g_row.value, factor=factor, under_25=under_25)
        seg.annual, seg.b = ctx.cache.day_rate(ps, g_row.value, factor, under_25)
        res.segments.append(seg)
    base_gross, bt_gross = sotjl_35.gross(res.segments)
    res.gross = base_gross + bt_gross
    if gross_only:
        return res.gross
    r_abs, r_work, r38, _ = reductions(res, ps)
    return Fraction(round_half_up(net(res.gross, r_abs, r_work, r38), 0))


def _no_date(d: date) -> str:
    return d.strftime("%d.%m.%Y")


def _zero(res: PeriodResult) -> None:
    res.gross_base = res.gross_bt = res.gross = ZERO
    res.absence = res.work = res.samordning = res.net_exact = ZERO
    res.net = Decimal(0)


def _missing(ps: ParameterSet, name: str, s: date, e: date) -> dict[str, str | None]:
    table = {"G": ps.g, "factor": ps.factor, "barnetillegg": ps.barnetillegg}[name]
    label = {"G": "grunnbeløp (G, T1)", "factor": "stønadsfaktor (T2)",
             "barnetillegg": "barnetilleggssats (T3)"}[name]
    until = table.known_until.isoformat() if table.known_until else None
    return {
        "parameter": name,
        "from": s.isoformat(),
        "to": e.isoformat(),
        "known_until": until,
        "message": (f"Ingen {label} er kjent for dager fra {s.isoformat()}"
                    + (f" (tabellen går til {until})" if until else "")
                    + ". Perioden beregnes ikke; verdien må legges inn med kilde (rules.md §0.5)."),
    }


def _merge_missing(res: PeriodResult) -> None:
    merged: dict[str, dict[str, str | None]] = {}
    for m in res.missing:
        cur = merged.get(str(m["parameter"]))
        if cur is None:
            merged[str(m["parameter"])] = dict(m)
        else:
            cur["to"] = max(str(cur["to"]), str(m["to"]))
            cur["from"] = min(str(cur["from"]), str(m["from"]))
    res.missing = list(merged.values())


# -- all the periods of a decision -----------------------------------------------------------------------
def evaluate_periods(decision: NavDecision, ps: ParameterSet) -> tuple[Context, list[PeriodResult]]:
    """Steps 1–6 for every payment period of ``decision``, with R8's alternatives where absence counts:
    «When absence is present, also show the result under this alternative» (the alternatives the chosen
    assumptions do not already give)."""
    ctx = Context.build(decision, ps)
    absence_alternatives = [
        (name, ctx.alt(**{key: value}), key == "abs_reduces_bt")
        for name, key, value in (("absence_method=whole_days", "absence_method", "whole_days"),
                                 ("abs_reduces_bt=true", "abs_reduces_bt", True))
        if getattr(ps.assumptions, key) != value
    ]
    periods: list[PeriodResult] = []
    for payment in decision.payments:
        pr = compute_period(ctx, payment)
        if pr.computed and absence_alternatives and any(sg.absence_hours for sg in pr.segments):
            for name, alt_ps, needs_bt in absence_alternatives:
                if needs_bt and not pr.gross_bt:
                    continue  # no barnetillegg: the alternative cannot differ
                pr.alternatives[name] = alternative_net(pr, alt_ps)
        periods.append(pr)
    return ctx, periods
