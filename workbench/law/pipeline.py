"""The pipeline (rules.md §2): a contested decision → per payment period result + trace.

For each payment period P (one ``payments[]`` entry):

1. S(P) and the per-day parameters, split at every change date (R1–R3, T2, T3, R12) — days with identical
   parameters are grouped into :class:`~workbench.law.sotjl_35.Segment` s, arithmetic stays exact;
2. GROSS_BASE, GROSS_BT, GROSS (R7);
3. R_ABS (R8, :mod:`sotjl_36`); 4. R_WORK (R9, :mod:`sotjl_37`);
5. R_38 (R10, :mod:`sotjl_38`), capped per day by what absence and work left;
6. NET = max(0, GROSS − R_ABS − R_WORK − R_38), rounded once, half up (R13, :func:`money.round_half_up`);
7. comparison with Nav's figures (:mod:`discrepancies`); 8. checks and flags; 9. the parameters used.

A period with a day that needs a parameter the tables do not have (G from 2027-05-01; barnetillegg from
2027-01-01 when a child counts) is not computed: ``net`` is None and ``missing`` names the parameter
(flag ``parameter-missing``, §0.5). The other periods are still evaluated.
"""

from __future__ import annotations

import bisect
from math import gcd
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from workbench.law.money import Fraction
from typing import Any

from workbench.law import fvl_klagefrist, sotjl_35, sotjl_36, sotjl_37, sotjl_38
from workbench.law.money import round_half_up
from workbench.law.model import NavDecision, Payment
from workbench.law.parameters import DatedValue, ParameterSet, default_parameters
from workbench.law.periode import Periode
from workbench.law.sotjl_35 import ONE_DAY, Calendar, Segment

ZERO = Fraction(0)
G_2026 = Fraction(136549)
G_2026_FROM = date(2026, 5, 1)
G_2026_NOTE = (
    "G 2026 = 136 549 (FOR-2026-05-22-869 § 1); a later amendment (FOR-2026-06-23-1239) is not verified"
)


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
    """What one decision contributes to every period: calendar, birthdays, children, absence, benefits."""

    decision: NavDecision
    ps: ParameterSet
    calendar: Calendar
    full_rate_from: date
    child_ranges: list[tuple[date, date]]
    absence_hours: dict[date, Fraction]
    benefits38: list
    breaks: list[date]
    derived: dict = field(default_factory=dict)  # parameter sets for alternatives, built once
    benefit_fracs: list = field(default_factory=list)  # (from, to, daily amount) of § 38 benefits
    work_entries: list = field(default_factory=list)  # sotjl_37.work_entries, once per decision
    work_by_period: dict = field(default_factory=dict)  # (from, to) → (shares, H, H of the 50 % kinds)
    activity_hours: Fraction = ZERO  # programme hours a week (None → 37.5), exact
    absence_on_ferie: list[date] = field(default_factory=list)  # invalid absence on ferie days (S-12)

    def alt(self, **overrides) -> ParameterSet:
        return self.ps.with_assumptions(**overrides)  # cached on the (immutable) parameter set

    def known_on_decision_date(self) -> ParameterSet:
        return self.ps.as_known_on(self.decision.decision.date)  # cached on the parameter set

    @classmethod
    def build(cls, decision: NavDecision, ps: ParameterSet) -> "Context":
        a = ps.assumptions
        cal = Calendar(decision.programme.periode, decision.leave_without_stonad, a)
        frf = sotjl_35.full_rate_from(decision.participant, a)
        children = [sotjl_35.child_counts(c, a) for c in decision.children]
        children = [(f, t) for f, t in children if t is not None and f <= t]
        absence = sotjl_36.invalid_hours_by_day(decision.absence, ps.hours_per_day, decision.ferie)
        b38 = sotjl_38.coordinable(decision.benefits)
        breaks: set[date] = set(ps.g.change_dates())
        breaks.update(ps.factor_change_dates())
        breaks.update(ps.barnetillegg.change_dates())
        breaks.add(frf)
        for f, t in children:
            breaks.add(f)
            breaks.add(t + ONE_DAY)
        for la, lb in cal.leave:
            breaks.add(la)
            breaks.add(lb + ONE_DAY)
        for d in absence:
            breaks.add(d)
            breaks.add(d + ONE_DAY)
        for b in b38:
            breaks.add(b.periode.fra)
            breaks.add(b.periode.til + ONE_DAY)
        fr = [(b.periode.fra, b.periode.til, Fraction(b.daily_amount)) for b in b38]
        hpw = decision.programme.hours_per_week
        activity = Fraction(hpw if hpw is not None else Decimal("37.5"))
        return cls(decision, ps, cal, frf, children, absence, b38, sorted(breaks), benefit_fracs=fr,
                   activity_hours=activity, work_entries=sotjl_37.work_entries(decision.work, cal),
                   absence_on_ferie=sotjl_36.absence_on_ferie(decision.absence, decision.ferie))


@dataclass(slots=True)
class PeriodResult:
    payment: Payment
    periode: Periode
    stonadsdager: int = 0
    segments: list[Segment] = field(default_factory=list)
    excluded: list[dict[str, str]] = field(default_factory=list)
    missing: list[dict[str, str]] = field(default_factory=list)
    gross_base: Fraction | None = None
    gross_bt: Fraction | None = None
    gross: Fraction | None = None
    absence: Fraction | None = None
    work: Fraction | None = None
    samordning: Fraction | None = None
    net_exact: Fraction | None = None
    net: Decimal | None = None
    work_hours: Fraction = ZERO
    work_hours_50: Fraction = ZERO
    work_factor: Fraction = ZERO
    work_shares: list = field(default_factory=list)
    y_total: Fraction = ZERO
    flags: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    alternatives: dict[str, Decimal | None] = field(default_factory=dict)
    discrepancies: list[dict[str, Any]] = field(default_factory=list)

    @property
    def computed(self) -> bool:
        return self.net is not None

    @property
    def nav_net(self) -> Decimal:
        """Nav's net rounded half up to whole kroner (rules.md §8 S-05, R13's rounding); the import keeps
        Nav's figure as given (``payment.net``), the comparison uses this."""
        return round_half_up(self.payment.net, 0)

    @property
    def difference(self) -> Decimal | None:
        """``net − nav_net`` of the rounded figures, so the identity always holds (S-05)."""
        return None if self.net is None else self.net - self.nav_net


def compute_period(ctx: Context, payment: Payment, ps: ParameterSet | None = None,
                   variant: Variant | None = None, *, gross_only: bool = False) -> PeriodResult:
    """Steps 1–6 of the pipeline for one payment period (pure; ``ps``/``variant`` for alternatives;
    ``gross_only`` stops after R7, for diagnosing Nav's gross)."""
    ps = ps or ctx.ps
    a = ps.assumptions
    P = payment.periode
    prog = ctx.decision.programme.periode
    res = PeriodResult(payment, P)
    lo, hi = max(P.fra, prog.fra), min(P.til, prog.til)
    # R2 [V § 35 first paragraph]: no stønad before the programme starts or after it ends.
    if P.fra < prog.fra:
        res.excluded.append({"from": P.fra.isoformat(),
                             "to": min(P.til, prog.fra - ONE_DAY).isoformat(),
                             "reason": "utenfor programperioden (sotjl § 35 første ledd)"})
    if P.til > prog.til:
        res.excluded.append({"from": max(P.fra, prog.til + ONE_DAY).isoformat(),
                             "to": P.til.isoformat(),
                             "reason": "utenfor programperioden (sotjl § 35 første ledd)"})
    if lo > hi:
        # S-08 (rules.md §8): a payment period wholly outside the programme is valid input — no
        # stønadsdager, net 0; where Nav paid, the evaluation is til ugunst (tilbakekreving).
        _zero(res)
        res.notes.append(
            f"Utbetalingsperioden {_no_date(P.fra)}–{_no_date(P.til)} ligger helt utenfor programperioden "
            f"{_no_date(prog.fra)}–{_no_date(prog.til)}: ingen stønadsdager og netto 0 kr "
            "(sosialtjenesteloven § 35 første ledd).")
        return res

    cal = ctx.calendar
    for d in ctx.absence_on_ferie:
        if lo <= d <= hi and not gross_only and variant is None and ps is ctx.ps:
            res.notes.append(
                f"Ugyldig fravær registrert {_no_date(d)} er ikke trukket: dagen er ferie fastsatt av "
                "kommunen, og stønaden løper under ferien (forskrift om kvalifiseringsprogram § 17).")
    i = bisect.bisect_right(ctx.breaks, lo)
    j = bisect.bisect_right(ctx.breaks, hi)
    starts = [lo] + ctx.breaks[i:j]
    ends = [s - ONE_DAY for s in starts[1:]] + [hi]
    # what the loop reads for every segment, looked up once (the loop runs for every day range)
    rows_on, ps_memo, remember = ps.rows_on, ps._memo, ps.memo
    v_g = variant.g_row if variant is not None else None
    v_u25 = variant.under_25 if variant is not None else None
    v_factor = variant.factor if variant is not None else None
    full_rate_from = ctx.full_rate_from
    child_ranges = ctx.child_ranges
    absence_hours = ctx.absence_hours
    benefit_fracs = ctx.benefit_fracs if ctx.benefits38 else None
    any_leave = bool(cal.leave)
    segments = res.segments
    stonadsdager = 0
    for s, e in zip(starts, ends):
        n = cal.count(s, e)
        if any_leave and cal.in_leave(s):
            res.excluded.append({"from": s.isoformat(), "to": e.isoformat(),
                                 "reason": "fravær uten stønad / avbrudd (leave_without_stonad, R2)"})
            continue
        if n == 0:
            continue
        seg = Segment(s, e, n)
        g_row, f_row, bt_row = rows_on(s)  # T1–T3 in force on the day
        if v_g is not None:
            g_row = v_g
        seg.under_25 = v_u25 if v_u25 is not None else s < full_rate_from
        children = 0
        for cf, ct in child_ranges:
            if cf <= s <= ct:
                children += 1
        seg.children = children
        missing = []
        if g_row is None:
            missing.append("G")
        else:
            seg.g, seg.g_text, seg.g_source = g_row.value, g_row.text, g_row.source
        if v_factor is not None:
            seg.factor, seg.factor_text = v_factor, variant.factor_text
        elif f_row is None:
            missing.append("factor")
        else:
            seg.factor, seg.factor_text = f_row.value, f_row.text
        if children:
            if bt_row is None:
                missing.append("barnetillegg")
            else:
                seg.bt_rate, seg.bt_text = bt_row.value, bt_row.text
        if benefit_fracs is not None:  # § 38 benefit per day; needs no G (S-02)
            ys = [amt for bf, bt_, amt in benefit_fracs if bf <= s <= bt_]
            seg.y = ys[0] if len(ys) == 1 else sum(ys, ZERO)
        if missing:
            seg.missing = tuple(missing)
            for m in missing:
                res.missing.append(_missing(ps, m, s, e))
            segments.append(seg)
            stonadsdager += n
            continue
        # R4–R6 per stønadsdag, exact (memoised on the parameter set: the same G/factor/age recur in
        # every period and every case)
        rate = ps_memo.get(("rate", seg.g, seg.factor, seg.under_25))
        seg.annual, seg.b = rate if rate is not None else day_rate(ps, seg.g, seg.factor, seg.under_25)
        if children:  # R6: n(d) × BT(d), memoised like the day rate
            tkey = ("bt", children, seg.bt_rate)
            t = ps_memo.get(tkey)
            if t is None:
                t = remember(tkey, children * seg.bt_rate)
            seg.t = t
        else:
            seg.t = ZERO
        if s == e:  # absence and benefit days are their own segments (breaks at d and d+1)
            seg.absence_hours = absence_hours.get(s, ZERO)
        segments.append(seg)
        stonadsdager += n
    res.stonadsdager = stonadsdager
    if res.missing:
        res.flags.append("parameter-missing")
        _merge_missing(res)
        # S-02 (rules.md §8): the period is not computed, but the flags that need no G are still raised
        # (work-over-50-percent here; non-coordinable-benefit-deducted in discrepancies).
        _work_facts(ctx, res)
        res.y_total = _count_times_rate([(sg.stonadsdager, sg.y) for sg in res.segments if sg.y])
        _flag_work_over_50(res, ps)
        return res

    segs = res.segments
    # R7 — Σ stønadsdager × rate, summed exactly in integers over a common denominator
    gross_base = _count_times_rate([(sg.stonadsdager, sg.b) for sg in segs])
    gross_bt = _count_times_rate([(sg.stonadsdager, sg.t) for sg in segs])
    gross = gross_base + gross_bt
    res.gross_base, res.gross_bt, res.gross = gross_base, gross_bt, gross
    if gross_only:
        return res
    _work_facts(ctx, res)
    res.work_factor = sotjl_37.work_factor(res.work_hours, res.stonadsdager, ps.hours_per_day)
    r_abs, r_work, r38, y_total = reductions(ctx, res, ps, record=True)
    # R13 — net, floor at zero, one rounding
    net_exact = _net(gross, r_abs, r_work, r38)
    res.absence, res.work, res.samordning, res.y_total = r_abs, r_work, r38, y_total
    res.net_exact = net_exact
    res.net = round_half_up(net_exact, 0)
    S = res.stonadsdager
    _flag_work_over_50(res, ps)
    weekly_all = sotjl_37.weekly_hours(res.work_hours, S) or ZERO
    activity = ctx.activity_hours
    total_week = activity + weekly_all
    if S and total_week < ps.full_time_hours_week:
        res.flags.append("below-full-time")
    elif S and res.work_hours and total_week > ps.full_time_hours_week:
        res.notes.append(
            "Arbeid og aktiviteter overstiger full tid (37,5 t/uke): bare tillatt i spesielle situasjoner "
            "(sotjl § 30, direktoratets brev 2025) ⚖"
        )
    if hi >= G_2026_FROM and any(sg.g_text and sg.fra >= G_2026_FROM and sg.g == G_2026 for sg in segs):
        res.notes.append(G_2026_NOTE)
    return res


def _work_facts(ctx: Context, res: PeriodResult) -> None:
    """R9 inputs — the work hours in the period (sotjl § 37), the same for every variant of it."""
    P = res.periode
    work = ctx.work_by_period.get((P.fra, P.til))
    if work is None:
        shares = sotjl_37.work_in_period(ctx.work_entries, P, ctx.calendar)
        work = ctx.work_by_period[(P.fra, P.til)] = (
            shares,
            _sum([w.hours_in_period for w in shares if w.counted]),
            _sum([w.hours_in_period for w in shares if w.work.kind in sotjl_37.FIFTY_PERCENT_KINDS]))
    res.work_shares, res.work_hours, res.work_hours_50 = work


def _flag_work_over_50(res: PeriodResult, ps: ParameterSet) -> None:
    """R9 check (sotjl § 30 second paragraph): income-giving work over 18.75 hours a week; needs no G."""
    weekly50 = sotjl_37.weekly_hours(res.work_hours_50, res.stonadsdager)
    if weekly50 is not None and weekly50 > ps.max_work_hours_week:
        res.flags.append("work-over-50-percent")


def day_rate(ps: ParameterSet, g: Fraction, factor: Fraction, under_25: bool) -> tuple[Fraction, Fraction]:
    """R4–R5: (A, b) — the annual amount factor × G (× 2/3 under 25) and the day rate A / 260, exact;
    memoised on the parameter set (the same G, factor and age recur in every period and every case)."""
    annual = factor * g  # R4 [V sotjl § 35 second paragraph]
    if under_25:
        annual *= ps.under_25_factor  # «Deltaker under 25 år mottar 2/3 stønad»
    return ps.memo(("rate", g, factor, under_25), (annual, annual / ps.assumptions.divisor))  # R5: 1/260


def diagnosis_value(ctx: Context, base: PeriodResult, ps: ParameterSet | None = None,
                    variant: Variant | None = None, *, gross_only: bool = False) -> Fraction | None:
    """A computed period's gross (``gross_only``) or net under one named error — a :class:`Variant`
    (one G, one factor or one age for all days) or another parameter set's G table (the one known on
    Nav's decision date) — or None when a parameter is missing. For :mod:`discrepancies` only.

    The period's days, children, barnetillegg, absence, benefits and work are ``base``'s own; the
    variant changes only the day rates, so only R4–R5 are looked up again and R7–R13 run again. The
    figures are those of ``compute_period(ctx, base.payment, ps, variant)`` (a test compares them for
    every case), without recomputing the calendar."""
    ps = ps or ctx.ps
    v_g = variant.g_row if variant is not None else None
    v_factor = variant.factor if variant is not None else None
    v_u25 = variant.under_25 if variant is not None else None
    rows_on, ps_memo = ps.rows_on, ps._memo
    res = PeriodResult(base.payment, base.periode)
    res.stonadsdager = base.stonadsdager
    segments = res.segments
    for bs in base.segments:
        g_row, f_row, _ = rows_on(bs.fra)
        if v_g is not None:
            g_row = v_g
        if g_row is None or (v_factor is None and f_row is None):
            return None  # parameter-missing under this variant
        g = g_row.value
        factor = v_factor if v_factor is not None else f_row.value
        under_25 = v_u25 if v_u25 is not None else bs.under_25
        seg = Segment(bs.fra, bs.til, bs.stonadsdager, g=g, factor=factor, under_25=under_25,
                      children=bs.children, bt_rate=bs.bt_rate, t=bs.t, absence_hours=bs.absence_hours,
                      y=bs.y)
        rate = ps_memo.get(("rate", g, factor, under_25))
        seg.annual, seg.b = rate if rate is not None else day_rate(ps, g, factor, under_25)
        segments.append(seg)
    gross = (_count_times_rate([(sg.stonadsdager, sg.b) for sg in segments])
             + _count_times_rate([(sg.stonadsdager, sg.t) for sg in segments]))
    if gross_only:
        return gross
    res.gross = gross
    res.work_factor = sotjl_37.work_factor(base.work_hours, base.stonadsdager, ps.hours_per_day)
    r_abs, r_work, r38, _ = reductions(ctx, res, ps)
    return Fraction(round_half_up(_net(gross, r_abs, r_work, r38), 0))


def _sum(values: list[Fraction]) -> Fraction:
    """Σ values (ZERO for none); a single value is returned as it is (same value, no addition)."""
    if len(values) == 1:
        return values[0]
    return sum(values, ZERO)




def _count_times_rate(items: list[tuple[int, Fraction]]) -> Fraction:
    """Σ n × x exactly: integer numerators over a common denominator, one Fraction at the end (the
    same value as summing the Fractions one by one; a Fraction is always in lowest terms)."""
    num, den = 0, 1
    for n, x in items:
        xn, xd = x.numerator, x.denominator
        if xd == den:
            num += n * xn
        else:
            g = gcd(den, xd)
            lcm = den // g * xd
            num = num * (lcm // den) + n * xn * (lcm // xd)
            den = lcm
    return Fraction(num, den)


def _net(gross: Fraction, *deductions: Fraction) -> Fraction:
    """max(0, gross − Σ deductions), exact: integers over a common denominator, zeros skipped, one
    Fraction at the end (the same value as ``max(ZERO, gross - r_abs - r_work - r38)``)."""
    num, den = gross.numerator, gross.denominator
    for x in deductions:
        xn = x.numerator
        if xn:
            xd = x.denominator
            if xd == den:
                num -= xn
            else:
                g = gcd(den, xd)
                lcm = den // g * xd
                num = num * (lcm // den) - xn * (lcm // xd)
                den = lcm
    return Fraction(num, den) if num > 0 else ZERO


def reductions(ctx: Context, res: PeriodResult, ps: ParameterSet,
               *, record: bool = False) -> tuple[Fraction, Fraction, Fraction, Fraction]:
    """R8 → R9 → R10 on a period's segments: (R_ABS, R_WORK, R_38, Σy). ``record`` writes the per-day
    figures into the segments for the trace; alternatives (other assumptions) call it without."""
    a = ps.assumptions
    hpd = ps.hours_per_day
    f = res.work_factor
    bt_in_38 = a.abs_reduces_bt and a.r38_includes_bt
    # Σ n × per-day amount, summed in integers at the end (_count_times_rate): exact, fewer Fractions
    abs_items: list[tuple[int, Fraction]] = []
    y_items: list[tuple[int, Fraction]] = []
    rem_items: list[tuple[int, Fraction]] = []
    r38_items: list[tuple[int, Fraction]] = []
    ps_memo = ps._memo
    for sg in res.segments:
        # R8 — absence (sotjl § 36): a(d) = share × (b + (t if abs_reduces_bt))
        av = a38 = ZERO
        if sg.absence_hours:
            # memoised on the parameter set (its assumptions decide the method): the same hours and
            # rates recur in many periods and cases
            h = sg.absence_hours
            akey = ("abs", h, sg.b, sg.t)
            hit = ps_memo.get(akey)
            if hit is None:
                share = sotjl_36.share_of_day(h, a, hpd)
                av = sotjl_36.reduction_per_day(share, sg.b, sg.t, a)
                # a38 = share × (b + t) when § 38 includes bt and absence reduces bt; else share × b
                # (which is av itself when absence does not reduce bt)
                a38 = share * (sg.b + sg.t) if bt_in_38 else (share * sg.b if a.abs_reduces_bt else av)
                hit = ps.memo(akey, (av, a38))
            av, a38 = hit
            abs_items.append((sg.stonadsdager, av))
        # R10 — samordning (sotjl § 38), capped by what absence and work left of the day (R13 order)
        if sg.y:
            e38 = sg.b + sg.t if a.r38_includes_bt else sg.b
            rem = sotjl_38.remaining(e38, a38, f)
            day38 = min(sg.y, rem)
            n = sg.stonadsdager
            y_items.append((n, sg.y))
            rem_items.append((n, rem))
            r38_items.append((n, day38))
            if record:
                sg.rem, sg.r38 = rem, day38
        if record:
            sg.a, sg.a38 = av, a38
    r_abs = _count_times_rate(abs_items) if abs_items else ZERO
    sum_y = _count_times_rate(y_items) if y_items else ZERO
    sum_rem = _count_times_rate(rem_items) if rem_items else ZERO
    r38 = _count_times_rate(r38_items) if r38_items else ZERO
    if a.r38_netting == "per_period" and sum_y:
        r38 = min(sum_y, sum_rem)
    # R9 — work (sotjl § 37): f(P) × GROSS, «stønaden inkludert barnetillegg», from the unreduced gross
    r_work = f * res.gross
    return r_abs, r_work, r38, sum_y


def alternative_net(ctx: Context, res: PeriodResult, ps: ParameterSet) -> Decimal:
    """NET of an already computed period under other assumptions (R8: show the alternative)."""
    r_abs, r_work, r38, _ = reductions(ctx, res, ps)
    return round_half_up(_net(res.gross, r_abs, r_work, r38), 0)


def _no_date(d: date) -> str:
    return d.strftime("%d.%m.%Y")


def _zero(res: PeriodResult) -> None:
    res.gross_base = res.gross_bt = res.gross = ZERO
    res.absence = res.work = res.samordning = res.net_exact = ZERO
    res.net = Decimal(0)


def _missing(ps: ParameterSet, name: str, s: date, e: date) -> dict[str, str]:
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
    merged: dict[str, dict[str, str]] = {}
    for m in res.missing:
        cur = merged.get(m["parameter"])
        if cur is None:
            merged[m["parameter"]] = dict(m)
        else:
            cur["to"] = max(cur["to"], m["to"])
            cur["from"] = min(cur["from"], m["from"])
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
                pr.alternatives[name] = alternative_net(ctx, pr, alt_ps)
        periods.append(pr)
    return ctx, periods
