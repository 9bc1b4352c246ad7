"""Processing time (appeals.md §7): decide «helst innen tre måneder» from the day the case reached
Statsforvalteren; a foreløpig svar when an answer takes more than one month [S].

The "near" window (14 days before the target) is a UI choice, not law.

Whatever day is stored (a date near year 9999 from before the import had bounds), the arithmetic here
never overflows: a deadline past the calendar's end is ``date.max``, one before its start ``date.min``.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

NEAR_DAYS = 14
TARGET_MONTHS = 3
FORELOPIG_SVAR_MONTHS = 1


def add_months(d: date, months: int) -> date:
    month = d.month - 1 + months
    year = d.year + month // 12
    month = month % 12 + 1
    if year > date.max.year:
        return date.max
    if year < date.min.year:
        return date.min
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def _minus_days(d: date, days: int) -> date:
    return d - timedelta(days=days) if d.toordinal() > days else date.min


@dataclass(frozen=True)
class Deadlines:
    received: date
    target: date  # 3 months
    forelopig_svar_due: date  # 1 month
    target_state: str  # "ok", "near", "past", "closed"
    forelopig_svar_state: str  # "not_yet", "due", "sent", "closed"
    days_open: int
    #: the date promised the claimant (foreløpig svar, forsinkelsesmelding) has passed without a new one:
    #: known only to the side-letter journal (``side_letters.overdue``), set by the page that shows it
    promise_passed: bool = False

    @property
    def target_label(self) -> str:
        return {"ok": "", "near": "Nærmer seg 3 måneder", "past": "Over 3 måneder",
                "closed": ""}[self.target_state]

    @property
    def forelopig_svar_label(self) -> str:
        return {"not_yet": "", "due": "Foreløpig svar skal sendes", "sent": "Foreløpig svar sendt",
                "closed": ""}[self.forelopig_svar_state]


def compute(received: date, *, today: date, closed: bool = False,
            forelopig_svar_sent: date | None = None) -> Deadlines:
    target = add_months(received, TARGET_MONTHS)
    svar_due = add_months(received, FORELOPIG_SVAR_MONTHS)
    if closed:
        target_state = "closed"
    elif today > target:
        target_state = "past"
    elif today >= _minus_days(target, NEAR_DAYS):
        target_state = "near"
    else:
        target_state = "ok"
    if closed:
        svar_state = "closed"
    elif forelopig_svar_sent is not None:
        svar_state = "sent"
    elif today >= svar_due:
        svar_state = "due"
    else:
        svar_state = "not_yet"
    return Deadlines(received, target, svar_due, target_state, svar_state,
                     max(0, (today - received).days))


def for_case(case, *, today: date) -> Deadlines | None:
    """The case's deadlines, counted from the day it reached Statsforvalteren (``case.received``) — the one
    date every page (lists, case page, review page, letters) uses. None while that day is unknown: no
    deadline is shown from a guess (issue 13)."""
    from workbench.services.cases import CLOSED

    if case.received is None:
        return None
    return compute(case.received, today=today, closed=case.status in CLOSED,
                   forelopig_svar_sent=case.forelopig_svar_sent)
