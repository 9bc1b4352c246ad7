"""Property: the klagefrist computation is a working day, explained step by step, and agrees with the
rules engine's klage.deadline_from."""

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.appeal.classification import _deadline_from, non_working_reason


@settings(max_examples=300, deadline=None)
@given(st.dates(min_value=date(2015, 1, 1), max_value=date(2030, 12, 1)))
def test_deadline_is_the_first_working_day_from_plus_21(start):
    raw, deadline, moved = _deadline_from(start)
    assert raw == start + timedelta(days=21)
    assert non_working_reason(deadline) is None
    assert [d for d, _ in moved] == [raw + timedelta(days=i) for i in range((deadline - raw).days)]
    assert all(why for _, why in moved)
    klage = pytest.importorskip("workbench.law.fvl_klagefrist")
    assert klage.deadline_from(start) == deadline
