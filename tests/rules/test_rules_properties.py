"""Property tests (hypothesis): splitting, monotonicity in work hours, the floor at zero."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workbench.formats.import_format import parse_document
from workbench.appeal.evaluation import evaluate
from workbench.law.pipeline import Context, compute_period
from workbench.law.model import Payment
from workbench.law.parameters import default_parameters
from workbench.law.periode import Periode

from rules_support import base_doc  # type: ignore[import-not-found]

START = date(2024, 3, 4)
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _decision(length, born, kids, absence, benefits, work_hours):
    fra, til = START, START + timedelta(days=length - 1)
    doc = base_doc(period=(fra.isoformat(), til.isoformat()), programme=("2024-01-01", "2026-12-31"),
                   born=born.isoformat())
    doc["children"] = [{"birth_date": k.isoformat()} for k in kids]
    doc["absence"] = [{"date": (START + timedelta(days=o)).isoformat(), "hours": h, "valid": False}
                      for o, h in absence if o < length]
    doc["benefits"] = [{"kind": "dagpenger", "from": (START + timedelta(days=o)).isoformat(),
                        "to": (START + timedelta(days=o + n)).isoformat(), "daily_amount": str(a)}
                       for o, n, a in benefits]
    if work_hours is not None:
        doc["work"] = [{"from": fra.isoformat(), "to": til.isoformat(), "hours": work_hours,
                        "kind": "arbeid"}]
    return parse_document(doc)


cases = st.fixed_dictionaries({
    "length": st.integers(2, 120),
    "born": st.dates(date(1960, 1, 1), date(2004, 12, 31)),
    "kids": st.lists(st.dates(date(2005, 1, 1), date(2024, 1, 1)), max_size=3),
    "absence": st.lists(st.tuples(st.integers(0, 119), st.sampled_from([1, 3, 7.5, 8])), max_size=4),
    "benefits": st.lists(st.tuples(st.integers(0, 100), st.integers(0, 20),
                                   st.integers(0, 1500)), max_size=2),
    "work_hours": st.one_of(st.none(), st.integers(0, 400)),
})


def _exact(ctx, fra, til):
    return compute_period(ctx, Payment(Periode(fra, til), Decimal(0)))


def _halves(P, cut):
    """P split after its ``cut``-th day (at least one day on each side)."""
    mid = P.fra + timedelta(days=min(cut, P.antall_dager - 1) - 1)
    return (P.fra, mid), (mid + timedelta(days=1), P.til)


def _whole_and_halves(ctx, P, cut):
    first, second = _halves(P, cut)
    return _exact(ctx, P.fra, P.til), _exact(ctx, *first), _exact(ctx, *second)


@SETTINGS
@given(c=cases, cut=st.integers(1, 119))
def test_splitting_a_period_never_changes_the_unrounded_total_without_work(c, cut):
    """Without work (f(P) is per period), the per-day rules make the total additive over any split."""
    c = dict(c, work_hours=None)
    dec = _decision(**c)
    ctx = Context.build(dec, default_parameters())
    P = dec.payments[0].periode
    whole, a, b = _whole_and_halves(ctx, P, cut)
    assert a.net_exact + b.net_exact == whole.net_exact
    assert a.gross + b.gross == whole.gross


@SETTINGS
@given(c=cases, cut=st.integers(1, 119))
def test_splitting_keeps_the_total_when_each_work_entry_covers_its_whole_period(c, cut):
    """Work given per payment period, each entry covering its whole period, with hours proportional
    to the stønadsdager (the same weekly rate): the unrounded total does not change."""
    c = dict(c, absence=[], benefits=[], work_hours=None)
    dec = _decision(**c)
    ps = default_parameters()
    P = dec.payments[0].periode
    ctx0 = Context.build(dec, ps)
    parts = _halves(P, cut)
    weekly = Fraction(10)  # hours per week
    from dataclasses import replace
    from workbench.law.model import Work, WorkKind

    def with_work(entries):
        d = replace(dec, work=tuple(Work(Periode(f, t), Decimal(h.numerator) / Decimal(h.denominator),
                                         WorkKind.ARBEID) for f, t, h in entries))
        return Context.build(d, ps)

    hours = [(f, t, weekly * ctx0.calendar.count(f, t) / 5) for f, t in parts]
    ctx_split = with_work(hours)
    split_total = sum(_exact(ctx_split, f, t).net_exact for f, t in parts)
    ctx_whole = with_work([(P.fra, P.til, sum(h for _, _, h in hours))])
    assert split_total == _exact(ctx_whole, P.fra, P.til).net_exact


@SETTINGS
@given(c=cases, extra=st.integers(1, 300))
def test_more_work_hours_never_raise_the_net(c, extra):
    base = c["work_hours"] or 0
    low = evaluate(_decision(**dict(c, work_hours=base))).periods[0]
    high = evaluate(_decision(**dict(c, work_hours=base + extra))).periods[0]
    assert high.net_exact <= low.net_exact
    assert high.net <= low.net


@SETTINGS
@given(c=cases)
def test_no_reduction_takes_the_net_below_zero(c):
    c = dict(c, work_hours=(c["work_hours"] or 0) * 3)
    pr = evaluate(_decision(**c)).periods[0]
    assert pr.net_exact >= 0 and pr.net >= 0
    assert pr.samordning <= pr.gross
    for sg in pr.segments:
        assert sg.rem >= 0 and sg.r38 <= sg.rem


@SETTINGS
@given(c=cases, cut=st.integers(1, 119))
def test_splitting_a_period_with_a_work_entry_over_the_whole_period_keeps_the_unrounded_total(c, cut):
    """The issue's property as stated: one work entry covering the whole payment period; the payment
    period is split in two. The entry's hours are split in proportion to the stønadsdager
    (``work_hours_split``), so f(P) is the same on both sides and every component is additive —
    with absence and § 38 benefits too."""
    dec = _decision(**dict(c, work_hours=c["work_hours"] if c["work_hours"] is not None else 37))
    ctx = Context.build(dec, default_parameters())
    P = dec.payments[0].periode
    whole, a, b = _whole_and_halves(ctx, P, cut)
    def raw(r):  # the total before the floor at zero (R13)
        return r.gross - r.absence - r.work - r.samordning

    assert raw(a) + raw(b) == raw(whole)
    assert a.work + b.work == whole.work
    assert a.samordning + b.samordning == whole.samordning
    if a.net_exact > 0 and b.net_exact > 0:
        assert a.net_exact + b.net_exact == whole.net_exact
