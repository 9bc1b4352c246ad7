"""Every figure of the processing-time view (issue 17) against a count made here, in plain Python over the
seeded dates (``conftest.SEEDED``), on the suite's database (SQLite, or PostgreSQL with DATABASE_URL)."""

from __future__ import annotations

import statistics
from datetime import date, timedelta
from fractions import Fraction

import pytest

from oversight_seed import TODAY
from workbench.services.deadlines import add_months


def _within(start: date, end: date, months: int) -> bool:
    return end <= add_months(start, months)


def _expected_month(seeded, year: int, month: int | None) -> dict:
    decided = [s for s in seeded if s.decided and s.decided.year == year
               and (month is None or s.decided.month == month)]
    known = [s for s in decided if s.received is not None]
    days = sorted((s.decided - s.received).days for s in known)
    svar_needed = [s for s in known if not _within(s.received, s.decided, 1)]
    delay_needed = delay_on_time = 0
    for s in decided:
        for n, (_sent, promised) in enumerate(s.promises):
            if promised < s.decided:
                delay_needed += 1
                if any(sent <= promised for sent, _p in s.promises[n + 1:]):
                    delay_on_time += 1
    return {
        "decided": len(decided),
        "without_received": len(decided) - len(known),
        "within_target": sum(_within(s.received, s.decided, 3) for s in known),
        "median_days": statistics.median(days) if days else None,
        "p90_days": (statistics.quantiles(days, n=10, method="inclusive")[8] if len(days) > 1
                     else days[0] if days else None),
        "forelopig_needed": len(svar_needed),
        "forelopig_on_time": sum(s.forelopig_svar_sent is not None and _within(s.received, s.forelopig_svar_sent, 1)
                                 for s in svar_needed),
        "delay_needed": delay_needed,
        "delay_on_time": delay_on_time,
    }


def _check(figures, expected):
    for name in ("decided", "without_received", "within_target", "forelopig_needed", "forelopig_on_time",
                 "delay_needed", "delay_on_time"):
        assert getattr(figures, name) == expected[name], (figures.label, name)
    for name in ("median_days", "p90_days"):
        if expected[name] is None:
            assert getattr(figures, name) is None, (figures.label, name)
        else:
            assert float(getattr(figures, name)) == pytest.approx(expected[name]), (figures.label, name)


@pytest.mark.parametrize("year", [2025, 2026])
def test_every_monthly_and_yearly_figure_matches_an_independent_count(seeded, db, year):
    from workbench.services import oversight

    rep = oversight.report(db, year, today=TODAY)
    assert [f.month for f in rep.months] == list(range(1, 13))
    for f in rep.months:
        _check(f, _expected_month(seeded, year, f.month))
    _check(rep.total, _expected_month(seeded, year, None))
    expected_share = Fraction(_expected_month(seeded, year, None)["within_target"],
                              _expected_month(seeded, year, None)["decided"]
                              - _expected_month(seeded, year, None)["without_received"])
    assert rep.total.share_within == expected_share
    assert rep.years == [2026, 2025]


def test_the_seed_reaches_every_figure(seeded):
    """The seeded set is not trivial: each figure is non-zero somewhere, and not everything is within."""
    total = {k: 0 for k in ("within_target", "without_received", "forelopig_needed", "forelopig_on_time",
                            "delay_needed", "delay_on_time", "decided")}
    for year in (2025, 2026):
        e = _expected_month(seeded, year, None)
        for k in total:
            total[k] += e[k]
    assert all(total.values()), total
    assert total["within_target"] < total["decided"] - total["without_received"]
    assert total["forelopig_on_time"] < total["forelopig_needed"]
    assert total["delay_on_time"] < total["delay_needed"]


def test_the_edges_of_three_months_and_one_month(seeded, db):
    """Received 30.11.2025: decided 28.02.2026 is within, 01.03.2026 is not; a foreløpig svar on
    28.02 for a case received 31.01 is on time, on 01.03 it is not (fvl. § 11 a)."""
    from workbench.services import oversight

    rep = oversight.report(db, 2026, today=TODAY)
    february, march, april = rep.months[1], rep.months[2], rep.months[3]
    expected = _expected_month(seeded, 2026, 2)
    assert february.within_target == expected["within_target"]
    assert _within(date(2025, 11, 30), date(2026, 2, 28), 3) and not _within(date(2025, 11, 30), date(2026, 3, 1), 3)
    assert march.decided == _expected_month(seeded, 2026, 3)["decided"]
    assert april.forelopig_on_time == _expected_month(seeded, 2026, 4)["forelopig_on_time"]


def test_open_cases_by_age_as_of_today(seeded, db):
    from workbench.services import oversight

    ages = oversight.open_ages(db, today=TODAY)
    open_cases = [s for s in seeded if s.decided is None]
    known = [s for s in open_cases if s.received is not None]
    over_one = [s for s in known if add_months(s.received, 1) < TODAY]
    over_three = [s for s in known if add_months(s.received, 3) < TODAY]
    assert ages.over_three_months == len(over_three)
    assert ages.one_to_three_months == len(over_one) - len(over_three)
    assert ages.up_to_one_month == len(known) - len(over_one)
    assert ages.without_received == len(open_cases) - len(known)
    assert ages.total == len(open_cases)
    assert ages.over_three_months and ages.one_to_three_months and ages.up_to_one_month


def test_an_empty_year_has_no_figures(seeded, db):
    from workbench.services import oversight

    rep = oversight.report(db, 2019, today=TODAY)
    assert rep.total.decided == 0 and rep.total.median_days is None and rep.total.share_within is None
    assert all(f.decided == 0 for f in rep.months)


def test_one_decided_case_is_its_own_median_and_percentile(app, db):
    from workbench.db.appeal_models import Letter
    from workbench.db.models import Case
    from workbench.services import oversight

    case = Case(nav_reference="NAV-1", nav_office="Nav Bergenhus", claimant_name="Kari", decision_date=date(2025, 1, 1),
                decision_kind="innvilgelse", received=date(2024, 1, 10), status="ferdigstilt")
    db.add(case)
    db.flush()
    db.add(Letter(case_id=case.id, status="ferdigstilt", our_date=date(2024, 1, 10) + timedelta(days=45)))
    db.commit()
    rep = oversight.report(db, 2024, today=TODAY)
    assert rep.total.median_days == rep.total.p90_days == 45
    assert rep.months[1].decided == 1 and rep.months[1].within_target == 1
