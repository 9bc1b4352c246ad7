"""Sotjl § 35 — kvalifiseringsstønad: stønadsdager, annual amount, day rate, barnetillegg (R1–R7, R12).

* R1 [V/S] G in force on the day (T1), regulated from 1 May; none from 2027-05-01 → refused.
* R2 [V § 35 first and third paragraphs; INF Mon–Fri] stønadsdager = Mon–Fri inside the payment period
  **and** the programme, minus ``leave_without_stonad`` (avbrudd, agreed «fravær uten
  kvalifiseringsstønad»); weekday public holidays count (``count_holidays`` [INF]); ferie fixed by the
  municipality is an ordinary stønadsdag (R15 [V forskrift § 17]).
* R3 [V 2/3; ASSUMPTION cut-over ``under_25_full_rate_from``] «Deltaker under 25 år mottar 2/3 stønad.»
* R4 [V] A(d) = factor(d) × G(d) × (2/3 if under 25) — never rounded here.
* R5 [V] b(d) = A(d) / 260 («stønaden per dag utgjør 1/260 av stønaden på årsbasis»).
* R6 [V forskrift § 3; ASSUMPTION ``child_age_limit``] t(d) = n(d) × BT(d), «for hvert barn for fem
  dager i uken».
* R7 GROSS = Σ (b(d) + t(d)).

Days with identical parameters are grouped (:class:`Segment`), keeping the arithmetic exact.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from datetime import date, timedelta
from workbench.law.money import Fraction


from workbench.law.money import weighted_sum
from workbench.law.calendar import count_weekdays, weekday_holidays_between
from workbench.law.model import Child, LeaveWithoutStonad, Participant
from workbench.law.parameters import Assumptions, ParameterSet
from workbench.law.periode import Periode

HJEMMEL = "sosialtjenesteloven § 35"
HJEMMEL_BT = "sosialtjenesteloven § 35 fjerde ledd; forskrift om kvalifiseringsprogram § 3"
ONE_DAY = timedelta(days=1)


# -- calendar (the one holiday calendar is workbench.law.calendar) ---------------------------------------
def add_years(d: date, years: int) -> date:
    """The same calendar day ``years`` later; 29 February → 1 March in a common year.

    [ASSUMPTION] for a 29 February birthday the anniversary in a common year is taken as 1 March
    (the day after 28 February, when the full year has run).
    """
    try:
        return d.replace(year=d.year + years)
    except ValueError:
        return date(d.year + years, 3, 1)


class Calendar:
    """Which days are stønadsdager (R2) for one decision: programme ∩ Mon–Fri − leave (− holidays)."""

    def __init__(
        self,
        programme: Periode,
        leave: tuple[LeaveWithoutStonad, ...],
        assumptions: Assumptions,
    ) -> None:
        self.programme = programme
        self.count_holidays = assumptions.count_holidays
        merged: list[list[date]] = []
        for lv in sorted(leave, key=lambda x: x.periode.fra):
            if merged and lv.periode.fra <= merged[-1][1] + ONE_DAY:
                merged[-1][1] = max(merged[-1][1], lv.periode.til)
            else:
                merged.append([lv.periode.fra, lv.periode.til])
        self.leave = [(a, b) for a, b in merged]
        self._leave_starts = [a for a, _ in self.leave]

    def in_leave(self, d: date) -> bool:
        i = bisect.bisect_right(self._leave_starts, d) - 1
        return i >= 0 and self.leave[i][0] <= d <= self.leave[i][1]

    def _count_plain(self, a: date, b: date) -> int:
        n = count_weekdays(a, b)
        if not self.count_holidays and n:
            n -= len(weekday_holidays_between(a, b))
        return n

    def count(self, a: date, b: date) -> int:
        """Stønadsdager in [a, b]."""
        prog = self.programme
        if a < prog.fra:
            a = prog.fra
        if b > prog.til:
            b = prog.til
        if a > b:
            return 0
        n = count_weekdays(a, b)
        if not self.count_holidays and n:
            n -= len(weekday_holidays_between(a, b))
        for la, lb in self.leave:
            lo = a if a > la else la
            hi = b if b < lb else lb
            if lo <= hi:
                n -= self._count_plain(lo, hi)
        return n

    def is_stonadsdag(self, d: date) -> bool:
        return self.count(d, d) == 1


# -- age and children ----------------------------------------------------------------------------
def full_rate_from(participant: Participant, assumptions: Assumptions) -> date:
    """First day of the full rate (R3). Before it the participant is «under 25 år» → 2/3.

    [ASSUMPTION ``under_25_full_rate_from``] ``birthday``: the 25th birthday itself; ``next_month``:
    the 1st of the month after the 25th birthday.
    """
    b25 = add_years(participant.birth_date, 25)
    if assumptions.under_25_full_rate_from == "next_month":
        return date(b25.year + (b25.month == 12), b25.month % 12 + 1, 1)
    return b25


def child_counts(child: Child, assumptions: Assumptions) -> tuple[date, date | None]:
    """[first, last] day the child counts for barnetillegg (R6).

    From birth (or ``from``) to the day before the ``child_age_limit`` birthday (default 18
    [ASSUMPTION]: forskrift § 3 says «barn» without an age), or ``to`` if earlier.
    """
    first = child.birth_date
    last = add_years(child.birth_date, assumptions.child_age_limit) - ONE_DAY
    if child.periode is not None:
        first = max(first, child.periode.fra)
        last = min(last, child.periode.til)
    return first, last


# -- grouped days --------------------------------------------------------------------------------
@dataclass(slots=True)
class Segment:
    """A run of consecutive calendar days with identical parameters (rules.md §0.2, R12).

    ``stonadsdager`` may be 0 (weekend, leave). Money fields are exact Fractions per stønadsdag.
    """

    fra: date
    til: date
    stonadsdager: int
    leave: bool = False
    g: Fraction | None = None
    g_text: str | None = None
    g_source: str | None = None
    g_note: str | None = None  # a note that comes with the G row (e.g. «not verified»)
    factor: Fraction | None = None
    factor_text: str | None = None
    under_25: bool = False
    children: int = 0
    bt_rate: Fraction | None = None
    bt_text: str | None = None
    missing: tuple[str, ...] = ()
    # per stønadsdag, filled by the pipeline
    annual: Fraction | None = None  # A(d), R4
    b: Fraction | None = None  # R5
    t: Fraction | None = None  # R6
    absence_hours: Fraction = Fraction(0)
    a: Fraction = Fraction(0)  # R8 per day
    a38: Fraction = Fraction(0)
    y: Fraction = Fraction(0)  # R10 benefit right per day
    rem: Fraction = Fraction(0)
    r38: Fraction = Fraction(0)  # per day

    def key(self) -> tuple[object, ...]:
        return (self.leave, self.g, self.factor, self.under_25, self.children, self.bt_rate,
                self.missing, self.absence_hours, self.y)


def day_rate(ps: ParameterSet, g: Fraction, factor: Fraction, under_25: bool) -> tuple[Fraction, Fraction]:
    """R4–R5, exact: ``(A, b)`` — the annual amount and the day rate.

    § 35 second paragraph: «Kvalifiseringsstønaden utgjør på årsbasis [2,041] ganger grunnbeløpet …
    Deltaker under 25 år mottar 2/3 stønad.» (R4; the 2/3 of the unrounded full amount, O3);
    § 35 third paragraph: «Stønaden per dag utgjør 1/260 av stønaden på årsbasis.» (R5)."""
    annual = factor * g
    if under_25:
        annual *= ps.under_25_factor
    return annual, annual / ps.assumptions.divisor


def barnetillegg_per_day(children: int, rate: Fraction | None) -> Fraction:
    """R6: t(d) = n(d) × BT(d) — forskrift § 3: barnetillegg «for hvert barn … for fem dager i uken»."""
    return children * rate if children and rate is not None else Fraction(0)


def gross(segments: list[Segment]) -> tuple[Fraction, Fraction]:
    """R7: (GROSS_BASE, GROSS_BT) = (Σ stønadsdager × b, Σ stønadsdager × t) over the period's days."""
    base = weighted_sum((sg.stonadsdager, sg.b) for sg in segments if sg.b is not None)
    bt = weighted_sum((sg.stonadsdager, sg.t) for sg in segments if sg.t is not None)
    return base, bt
