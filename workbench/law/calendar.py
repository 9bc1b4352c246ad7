"""The one holiday calendar: Norwegian public holidays (lov om helligdager og helligdagsfred § 2 and
lov om 1. og 17. mai som høgtidsdager), weekends and working days.

Every rule that asks «is this a working day?» or «how many weekdays?» asks here: the stønadsdager of
sotjl § 35 (R2: weekday public holidays count, ``count_holidays`` [INF]), the klagefrist that moves past a
Saturday, Sunday or public holiday (R19, domstolloven § 149 by analogy), and the deadlines of the case flow.
The dates come from the pinned ``holidays`` package (its ``NO`` calendar), the Norwegian names from the
table below (docs/law.md §5.2).
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

import holidays as _holidays_package

ONE_DAY = timedelta(days=1)

#: Norwegian names of the holidays the ``holidays`` package lists for NO (by its English names).
HOLIDAY_NAMES_NB: dict[str, str] = {
    "New Year's Day": "1. nyttårsdag",
    "Maundy Thursday": "skjærtorsdag",
    "Good Friday": "langfredag",
    "Easter Sunday": "1. påskedag",
    "Easter Monday": "2. påskedag",
    "Labor Day": "1. mai",
    "Labour Day": "1. mai",
    "Constitution Day": "17. mai",
    "Ascension Day": "Kristi himmelfartsdag",
    "Pentecost": "1. pinsedag",
    "Whit Sunday": "1. pinsedag",
    "Pentecost Monday": "2. pinsedag",
    "Whit Monday": "2. pinsedag",
    "Christmas Day": "1. juledag",
    "Second Day of Christmas": "2. juledag",
}

#: Weekday names, Monday first.
WEEKDAYS = {
    "nb": ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"),
    "nn": ("måndag", "tysdag", "onsdag", "torsdag", "fredag", "laurdag", "sundag"),
}


@lru_cache(maxsize=256)
def public_holidays(year: int) -> dict[date, str]:
    """The Norwegian public holidays of ``year`` with their Norwegian names (Sundays included)."""
    if not 1900 <= year <= 2200:  # outside the package's range: no holidays rather than an error
        return {}
    out: dict[date, str] = {}
    for d, name in _holidays_package.country_holidays("NO", years=year).items():
        names = [HOLIDAY_NAMES_NB.get(n.strip(), n.strip()) for n in str(name).split(";")]
        out[d] = " / ".join(dict.fromkeys(names))
    return out


@lru_cache(maxsize=256)
def weekday_holidays(year: int) -> tuple[date, ...]:
    """The public holidays of ``year`` that fall on Monday–Friday, sorted."""
    return tuple(sorted(d for d in public_holidays(year) if d.weekday() < 5))


def weekday_holidays_between(a: date, b: date) -> list[date]:
    """The weekday public holidays in [a, b]."""
    return [d for year in range(a.year, b.year + 1) for d in weekday_holidays(year) if a <= d <= b]


def non_working_reason(d: date) -> str | None:
    """Why ``d`` is not a working day («lørdag», «søndag», «1. juledag» …), or None for a working day.
    A public holiday's name wins over the weekday (1. påskedag is a Sunday)."""
    name = public_holidays(d.year).get(d)
    if name:
        return name
    if d.weekday() == 5:
        return "lørdag"
    if d.weekday() == 6:
        return "søndag"
    return None


def is_working_day(d: date) -> bool:
    return non_working_reason(d) is None


def next_working_day(d: date) -> date:
    """``d`` itself when it is a working day, else the first working day after it."""
    while not is_working_day(d):
        d += ONE_DAY
    return d


#: _EXTRA[w][r]: weekdays among r consecutive days starting on weekday w (0 = Monday).
_EXTRA = tuple(tuple(sum(1 for i in range(r) if (w + i) % 7 < 5) for r in range(7)) for w in range(7))


def count_weekdays(a: date, b: date) -> int:
    """Monday–Friday days in [a, b] (0 when a > b)."""
    if a > b:
        return 0
    weeks, rest = divmod((b - a).days + 1, 7)
    return weeks * 5 + _EXTRA[a.weekday()][rest]


def add_months(d: date, months: int) -> date:
    """``months`` calendar months later; a day the month lacks becomes its last day (31.01 + 1 → 28/29.02),
    as domstolloven § 148 second paragraph counts periods in months."""
    import calendar as _cal

    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    return date(year, month, min(d.day, _cal.monthrange(year, month)[1]))
