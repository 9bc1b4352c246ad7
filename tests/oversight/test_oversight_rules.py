"""The SQL forms of the date rules (``oversight.within_months``, ``days_between``) against ``deadlines.add_months``
and Python's date arithmetic, day by day over a leap year's month ends, on the suite's database."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import Date, literal
from sqlmodel import select

from workbench.services.deadlines import add_months


def _pairs():
    start = date(2023, 10, 25)
    for r in (start + timedelta(days=i) for i in range(0, 470, 1)):
        for months in (1, 3):
            target = add_months(r, months)
            for offset in (-2, -1, 0, 1, 2):
                yield r, target + timedelta(days=offset), months


@pytest.mark.parametrize("chunk", range(0, 5))
def test_within_months_is_add_months(app, db, chunk):
    from workbench.services.oversight import days_between, within_months

    pairs = list(_pairs())[chunk::5]
    for i in range(0, len(pairs), 200):
        batch = pairs[i:i + 200]
        columns = []
        for r, d, months in batch:
            a, b = literal(r, Date), literal(d, Date)
            columns += [within_months(a, b, months), days_between(b, a)]
        row = db.exec(select(*columns)).one()
        for k, (r, d, months) in enumerate(batch):
            assert bool(row[2 * k]) == (d <= add_months(r, months)), (r, d, months)
            assert int(row[2 * k + 1]) == (d - r).days, (r, d)
