"""Processing time for the leder and Helsetilsynet (issue 17, «Oversight»: the first view).

Per month and per year of decision — the date of the vedtak (``letters.our_date``, «Vår dato» of the final
letter, the same date the letter's own «more than three months» apology is measured by):

- **cases decided** (the case's letter ferdigstilt: the case is ferdigstilt or arkivert);
- **the share decided within three months** of the day the case reached Statsforvalteren (``cases.received``):
  the target of appeals.md §7, Helsetilsynet's «at least 90 % within three months» — «within» as
  ``deadlines.add_months(received, TARGET_MONTHS)`` says it: decided on or before that day;
- **the median and the 90th percentile of processing days** (decision date − received date), interpolated
  linearly between the two nearest ranks (PostgreSQL's ``percentile_cont``, ``statistics.quantiles``'s
  «inclusive» method): a median of 10 and 21 days is 15,5;
- **foreløpig svar sent on time** (forvaltningsloven § 11 a; appeals.md §7): a case not decided within one month
  of its received date (``deadlines.FORELOPIG_SVAR_MONTHS``) needed one; it was on time when the registered
  ``cases.forelopig_svar_sent`` is on or before ``add_months(received, 1)`` — the day the case page starts saying
  «Foreløpig svar skal sendes» (``deadlines.compute``);
- **forsinkelsesmelding sent on time** (the same duty, fvl. § 11 a; ``side_letters``): every date promised the
  claimant (a foreløpig svar's or a forsinkelsesmelding's ``promised_date``) that the decision came after needed
  a forsinkelsesmelding, on time when a later promising letter was dated on or before the promised day (the day
  after it the case is «Over frist»: ``side_letters.overdue``).

A case without a received date is counted among the decided, and apart («uten mottaksdato»): it is in no share,
median or percentile, and no date is guessed for it (issue 13). **Open cases by age** (today − received: up to
one month, one to three months, over three months, and those without a received date) are counted as of today.

Everything is aggregated in the database, one year at a time, in one ``GROUP BY`` month and processing days:
a row per distinct day count of a month (a few hundred), never a row per case. The counts are summed from those
rows, and the percentiles read from them as from a histogram (SQLite has no percentile function; this is exact on
both databases, and needs no sort of the year's cases). The decided cases of a year are found through
``ix_letters_decided`` (status, our_date, case_id; migration 0013). «Within n months» is asked of the database
without date arithmetic, which the two databases do differently (SQLite's ``+3 months`` rolls 30 November over
into 2 March, ``add_months`` stops at 28 February): see :func:`within_months`.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date, timedelta
from fractions import Fraction
from typing import Any

from sqlalchemy import ColumnElement, Integer, and_, case, cast, exists, extract, func, or_
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import aliased
from sqlalchemy.sql.functions import FunctionElement
from sqlmodel import Session, col, select

from workbench.db.appeal_models import Letter, LetterStatus
from workbench.db.models import OPEN, Case
from workbench.db.side_letter_models import OutgoingLetter
from workbench.services import audit
from workbench.services.deadlines import FORELOPIG_SVAR_MONTHS, TARGET_MONTHS
from workbench.services.queues import latest_received
from workbench.services.side_letters import PROMISING
from workbench.services.transaction import transaction

#: Helsetilsynet's target: at least this share of appeals decided within three months (issue 17).
TARGET_SHARE = Fraction(9, 10)
MONTH_NAMES = ("januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober",
               "november", "desember")
MONTH_ABBREVIATIONS = ("jan", "feb", "mar", "apr", "mai", "jun", "jul", "aug", "sep", "okt", "nov", "des")


# ---------------------------------------------------------------------------------------------
# Date rules in SQL, the same on both databases
# ---------------------------------------------------------------------------------------------


class days_between(FunctionElement[int]):  # noqa: N801  (an SQL function, named like one)
    """``later − earlier`` in whole days, for two ``DATE`` columns."""

    type = Integer()
    inherit_cache = True


@compiles(days_between)
def _days_between_default(element: days_between, compiler: Any, **kw: Any) -> str:
    later, earlier = list(element.clauses)
    return f"({compiler.process(later, **kw)} - {compiler.process(earlier, **kw)})"


@compiles(days_between, "sqlite")
def _days_between_sqlite(element: days_between, compiler: Any, **kw: Any) -> str:
    later, earlier = list(element.clauses)
    return (f"CAST(julianday({compiler.process(later, **kw)}) - julianday({compiler.process(earlier, **kw)})"
            " AS INTEGER)")


def _part(name: str, day: Any) -> ColumnElement[int]:
    return cast(extract(name, day), Integer)


def _month_number(day: Any) -> ColumnElement[int]:
    return _part("year", day) * 12 + _part("month", day)


def _within(earlier_month: Any, earlier_day: Any, later_month: Any, later_day: Any, months: int) -> ColumnElement[bool]:
    """:func:`within_months` on the dates' month numbers (year·12 + month) and days of the month."""
    apart = later_month - earlier_month
    return or_(apart < months, and_(apart == months, later_day <= earlier_day))


def within_months(earlier: Any, later: Any, months: int) -> ColumnElement[bool]:
    """SQL: ``later <= deadlines.add_months(earlier, months)`` — the one rule of appeals.md §7 («within three
    months»; one month for the foreløpig svar, fvl. § 11 a), asked with year, month and day numbers only.

    ``add_months`` keeps the day of the month and stops at the target month's last day. So ``later`` is within
    when it lies fewer than ``months`` calendar months after ``earlier``, or exactly ``months`` and on a day of
    the month no later than ``earlier``'s: a day in the target month never passes that month's last day, so the
    stop at the month's end changes nothing (received 30.11, decided 28.02: within; 01.03: not).
    ``tests/oversight/test_oversight_rules.py`` checks it against ``add_months`` day by day on both databases."""
    return _within(_month_number(earlier), _part("day", earlier), _month_number(later), _part("day", later), months)


def _count_if(condition: ColumnElement[bool]) -> ColumnElement[int]:
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


# ---------------------------------------------------------------------------------------------
# The figures
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Figures:
    """One row of the table: a month (``month`` 1–12) or the whole year (``month`` None)."""

    year: int
    month: int | None
    decided: int = 0
    without_received: int = 0  # decided, but no received date registered: in no share, median or percentile
    within_target: int = 0  # decided within three months of the received date (appeals.md §7)
    median_days: Fraction | None = None
    p90_days: Fraction | None = None
    forelopig_needed: int = 0  # not decided within one month (fvl. § 11 a)
    forelopig_on_time: int = 0
    delay_needed: int = 0  # promised dates the decision came after (fvl. § 11 a)
    delay_on_time: int = 0

    @property
    def with_received(self) -> int:
        return self.decided - self.without_received

    @property
    def share_within(self) -> Fraction | None:
        """Decided within three months, of the decided cases with a received date; None without any."""
        return Fraction(self.within_target, self.with_received) if self.with_received else None

    @property
    def forelopig_share(self) -> Fraction | None:
        return Fraction(self.forelopig_on_time, self.forelopig_needed) if self.forelopig_needed else None

    @property
    def delay_share(self) -> Fraction | None:
        return Fraction(self.delay_on_time, self.delay_needed) if self.delay_needed else None

    @property
    def label(self) -> str:
        return f"Hele {self.year}" if self.month is None else MONTH_NAMES[self.month - 1]


@dataclass(frozen=True)
class OpenAges:
    """The open cases (mottatt, under behandling, til godkjenning) by the time since their received date."""

    today: date
    up_to_one_month: int = 0
    one_to_three_months: int = 0
    over_three_months: int = 0
    without_received: int = 0

    @property
    def total(self) -> int:
        return self.up_to_one_month + self.one_to_three_months + self.over_three_months + self.without_received


@dataclass(frozen=True)
class Report:
    year: int
    months: list[Figures]  # 1–12, a month without decisions with zeros
    total: Figures  # the whole year
    open_ages: OpenAges
    years: list[int] = field(default_factory=list)  # the years with decisions, newest first (the year filter)


def _decided_in(year: int) -> list[ColumnElement[bool]]:
    """The cases decided in ``year``: their letter ferdigstilt, dated in that year (``ix_letters_decided``)."""
    return [col(Letter.status) == LetterStatus.FERDIGSTILT.value,
            col(Letter.our_date) >= date(year, 1, 1), col(Letter.our_date) <= date(year, 12, 31)]


@dataclass
class _Month:
    decided: int = 0
    without_received: int = 0
    within_target: int = 0
    forelopig_needed: int = 0
    forelopig_on_time: int = 0
    #: processing days → how many cases took that many (a histogram: the percentiles are read from it)
    days: dict[int, int] = field(default_factory=dict)


def _months(session: Session, year: int) -> dict[int, _Month]:
    """Per month of decision: decided, without a received date, within three months, foreløpig svar needed and
    sent on time, and how many cases took each number of days — one ``GROUP BY`` month and days, so the database
    returns a row per distinct day count (a few hundred a month), never a row per case. Each decided case's dates
    are taken apart once (a ``MATERIALIZED`` table expression: SQLite would otherwise work out every date part
    again for each figure that uses it)."""
    received, decided_on, svar_sent = col(Case.received), col(Letter.our_date), col(Case.forelopig_svar_sent)
    parts = (select(_part("month", decided_on).label("month"),  # type: ignore[call-overload]
                    days_between(decided_on, received).label("days"),
                    _month_number(received).label("r_month"), _part("day", received).label("r_day"),
                    _month_number(decided_on).label("d_month"), _part("day", decided_on).label("d_day"),
                    _month_number(svar_sent).label("s_month"), _part("day", svar_sent).label("s_day"))
             .select_from(Letter).join(Case, col(Case.id) == col(Letter.case_id))
             .where(*_decided_in(year)).cte("decided").prefix_with("MATERIALIZED"))
    c = parts.c
    known = c.r_month.is_not(None)
    svar_needed = and_(known, ~_within(c.r_month, c.r_day, c.d_month, c.d_day, FORELOPIG_SVAR_MONTHS))
    stmt = (select(c.month, c.days, func.count(),  # type: ignore[call-overload]
                   _count_if(and_(known, _within(c.r_month, c.r_day, c.d_month, c.d_day, TARGET_MONTHS))),
                   _count_if(svar_needed),
                   _count_if(and_(svar_needed, c.s_month.is_not(None),
                                  _within(c.r_month, c.r_day, c.s_month, c.s_day, FORELOPIG_SVAR_MONTHS))))
            .group_by(c.month, c.days))
    out: dict[int, _Month] = {}
    for month, days, n, within, needed, on_time in session.exec(stmt):
        m = out.setdefault(int(month), _Month())
        m.decided += int(n)
        if days is None:
            m.without_received += int(n)
            continue
        m.days[int(days)] = int(n)
        m.within_target += int(within)
        m.forelopig_needed += int(needed)
        m.forelopig_on_time += int(on_time)
    return out


def _delay_counts(session: Session, year: int) -> dict[int, tuple[int, int]]:
    """Per month: the dates promised the claimant that the decision came after, and of them those followed by a
    later promising letter dated on or before the promised day (fvl. § 11 a)."""
    month = _part("month", col(Letter.our_date)).label("month")
    promise = OutgoingLetter
    later = aliased(OutgoingLetter)
    followed_in_time = exists().where(col(later.case_id) == col(promise.case_id), col(later.kind).in_(PROMISING),
                                      col(later.id) > col(promise.id),
                                      col(later.our_date) <= col(promise.promised_date))
    stmt = (select(month, func.count(), _count_if(followed_in_time))
            .select_from(Letter).join(promise, col(promise.case_id) == col(Letter.case_id))
            .where(*_decided_in(year), col(promise.kind).in_(PROMISING), col(promise.promised_date).is_not(None),
                   col(promise.promised_date) < col(Letter.our_date))
            .group_by(month))
    return {int(m): (int(n), int(ok)) for m, n, ok in session.exec(stmt)}


#: (numerator, denominator) of the percentiles shown: the median and the 90th percentile
MEDIAN = (1, 2)
P90 = (9, 10)


def percentile(histogram: dict[int, int], num: int, den: int) -> Fraction | None:
    """The ``num/den`` percentile of the values a histogram (value → how many) counts, interpolated linearly
    between the two nearest ranks: rank ``(n − 1)·p`` counted from 0 (PostgreSQL's ``percentile_cont``,
    ``statistics.quantiles(method="inclusive")``). None for no values."""
    n = sum(histogram.values())
    if n == 0:
        return None
    position = Fraction((n - 1) * num, den)
    floor = position.numerator // position.denominator
    ceiling = -(-position.numerator // position.denominator)
    at: dict[int, int] = {}
    seen = 0
    for value in sorted(histogram):
        for rank in (floor, ceiling):
            if seen <= rank < seen + histogram[value]:
                at[rank] = value
        seen += histogram[value]
    return at[floor] + (at[ceiling] - at[floor]) * (position - floor)


def open_ages(session: Session, *, today: date) -> OpenAges:
    """The open cases by age, counted in the database: over a month when ``add_months(received, 1) < today``,
    over three months when ``add_months(received, 3) < today`` (as ``deadlines.compute`` says «past»), turned
    into a comparison of ``received`` with the latest such date (``queues.latest_received``)."""
    received = col(Case.received)
    yesterday = today - timedelta(days=1)
    over_one = received <= latest_received(FORELOPIG_SVAR_MONTHS, yesterday)
    over_three = received <= latest_received(TARGET_MONTHS, yesterday)
    known = received.is_not(None)
    row = session.exec(select(
        _count_if(and_(known, ~over_one)), _count_if(and_(over_one, ~over_three)), _count_if(over_three),
        _count_if(received.is_(None))).where(col(Case.status).in_(OPEN))).one()
    return OpenAges(today, *(int(v) for v in row))


def years(session: Session) -> list[int]:
    """The years with decisions, newest first: from the first to the last decision date (two index lookups)."""
    first, last = session.exec(select(func.min(col(Letter.our_date)), func.max(col(Letter.our_date)))
                               .where(col(Letter.status) == LetterStatus.FERDIGSTILT.value)).one()
    if first is None or last is None:
        return []
    first, last = (d if isinstance(d, date) else date.fromisoformat(str(d)[:10]) for d in (first, last))
    return list(range(last.year, first.year - 1, -1))


def report(session: Session, year: int, *, today: date) -> Report:
    """The processing-time figures of ``year`` (months and the whole year) and the open cases as of ``today``.
    Reads only."""
    per_month = _months(session, year)
    delays = _delay_counts(session, year)
    months = []
    for m in range(1, 13):
        c = per_month.get(m, _Month())
        needed, on_time = delays.get(m, (0, 0))
        months.append(Figures(year, m, c.decided, c.without_received, c.within_target,
                              percentile(c.days, *MEDIAN), percentile(c.days, *P90), c.forelopig_needed,
                              c.forelopig_on_time, needed, on_time))
    whole_year: dict[int, int] = {}
    for c in per_month.values():
        for days, n in c.days.items():
            whole_year[days] = whole_year.get(days, 0) + n
    summed = {name: sum(getattr(f, name) for f in months)
              for name in ("decided", "without_received", "within_target", "forelopig_needed", "forelopig_on_time",
                           "delay_needed", "delay_on_time")}
    total = Figures(year, None, median_days=percentile(whole_year, *MEDIAN), p90_days=percentile(whole_year, *P90),
                    **summed)
    return Report(year, months, total, open_ages(session, today=today), years(session))


# ---------------------------------------------------------------------------------------------
# The CSV export
# ---------------------------------------------------------------------------------------------

CSV_COLUMNS = ("År", "Måned", "Avgjorte saker", "Uten mottaksdato", "Avgjort innen 3 måneder",
               "Andel innen 3 måneder (%)", "Median saksbehandlingstid (dager)", "90-persentil (dager)",
               "Foreløpig svar skulle sendes", "Foreløpig svar sendt i tide", "Forsinkelsesmelding skulle sendes",
               "Forsinkelsesmelding sendt i tide")


def decimal_comma(value: Fraction | None, decimals: int = 1) -> str:
    """``Fraction(31, 2) → "15,5"``: the figure rounded half up, with a decimal comma and no grouping (a
    spreadsheet with Norwegian settings reads it as a number); empty for no figure."""
    if value is None:
        return ""
    from workbench.texts.formatting import format_number

    return format_number(value, decimals).replace(" ", "")


def _csv_row(f: Figures) -> list[str]:
    share = f.share_within * 100 if f.share_within is not None else None
    return [str(f.year), "Hele året" if f.month is None else MONTH_NAMES[f.month - 1], str(f.decided),
            str(f.without_received), str(f.within_target), decimal_comma(share), decimal_comma(f.median_days),
            decimal_comma(f.p90_days), str(f.forelopig_needed), str(f.forelopig_on_time), str(f.delay_needed),
            str(f.delay_on_time)]


def csv_bytes(rep: Report) -> bytes:
    """The table as CSV: ``;``-separated, decimal comma, UTF-8 with a byte order mark (Excel with Norwegian
    settings opens it as numbers). No personal data: counts and days only."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for f in [*rep.months, rep.total]:
        writer.writerow(_csv_row(f))
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def export_csv(session: Session, year: int, *, today: date, actor: audit.Actor) -> bytes:
    """The CSV of ``year``, its export audited (``oversight.exported``, the year). Commits."""
    data = csv_bytes(report(session, year, today=today))
    with transaction(session):
        audit.record(session, actor, "oversight.exported", detail=f"saksbehandlingstid år={year}")
    return data


__all__ = ["CSV_COLUMNS", "Figures", "MONTH_ABBREVIATIONS", "MONTH_NAMES", "OpenAges", "Report", "TARGET_SHARE",
           "csv_bytes", "days_between", "decimal_comma", "export_csv", "open_ages", "report", "within_months",
           "years"]
