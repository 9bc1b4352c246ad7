"""Properties of the one klagefrist computation (workbench.law.fvl_klagefrist): the deadline is a working
day, every day it moved over is named, and the evaluation's admissibility (``assess``) and the page's steps
(``compute``) are the same figures."""

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from appeal_support import parse_any, variant
from workbench.law.calendar import next_working_day, non_working_reason
from workbench.law.fvl_klagefrist import assess, compute, deadline_from, three_weeks_from

DAYS = st.dates(min_value=date(2015, 1, 1), max_value=date(2030, 12, 1))


@settings(max_examples=300, deadline=None)
@given(DAYS)
def test_deadline_is_the_first_working_day_from_plus_21(start):
    d = three_weeks_from(start)
    assert d.raw == start + timedelta(days=21)
    assert non_working_reason(d.deadline) is None and d.deadline == next_working_day(d.raw)
    assert [day for day, _ in d.moved_over] == [d.raw + timedelta(days=i) for i in range((d.deadline - d.raw).days)]
    assert all(why for _, why in d.moved_over)
    assert deadline_from(start) == d.deadline


@settings(max_examples=150, deadline=None)
@given(notice=st.one_of(st.none(), DAYS), sent_after=st.integers(0, 500),
       requested=st.one_of(st.none(), st.integers(0, 40)), received=st.one_of(st.none(), st.integers(0, 60)))
def test_assess_is_derived_from_compute(notice, sent_after, requested, received):
    decided = (notice or date(2025, 3, 3)) - timedelta(days=2)
    base = notice or decided
    doc = variant("D02", **{
        "decision.date": decided.isoformat(),
        "decision.notice_received": notice.isoformat() if notice else None,
        "appeal.sent": (base + timedelta(days=sent_after)).isoformat(),
        "appeal.requested_reasons": None if requested is None else (base + timedelta(days=requested)).isoformat(),
        "appeal.reasons_received": (None if requested is None or received is None
                                    else (base + timedelta(days=requested + received)).isoformat()),
    })
    decision = parse_any(doc)
    k, a = compute(decision), assess(decision)
    assert (a.deadline, a.timely, a.days_late, a.days_since_decision, a.over_one_year) == (
        k.deadline, k.timely, k.days_late, k.days_since_decision, k.over_one_year)
    assert a.interrupted is k.interrupted
    assert a.original_deadline == (k.first.deadline if k.first else None)
    if k.start_basis == "reasons_received_unknown":  # S-09: no deadline, the first one kept beside it
        assert k.deadline is None and k.original_deadline == a.original_deadline is not None
    assert ("late-appeal" in a.flags) is (k.timely is False)
    assert ("over-one-year" in a.flags) is k.over_one_year
    assert ("notice-date-unknown" in a.flags) is (notice is None)
