"""Sotjl § 37 — reduction for income-giving work, by hours, including barnetillegg (R9).

[V] sotjl § 37: «I den utstrekning en deltaker i kvalifiseringsprogram har inntektsgivende arbeid eller
lærlingelønn, reduseres stønaden inkludert barnetillegg tilsvarende, beregnet i forhold til antall timer
med inntektsgivende arbeid eller gjennomføring av læretid. Stønaden reduseres ikke på grunn av mottatte
barnebidrag.»

* Counted kinds: ``arbeid``, ``laerling`` and ``omsorgsstonad`` — omsorgsstønad is «inntektsgivende
  arbeid» [V direktorat 2018; V the 2025 letter, ``sources/000_3a2eecde3e53da8d.txt``].
  ``fosterhjem`` never reduces the stønad [V direktorat 2018: «kvalifiseringsstønad skal ikkje avkortast
  mot fosterheimsgodtgjersle»].
* The amount earned is irrelevant: only hours count («beregnet i forhold til antall timer»).
* f(P) = min(1, H(P) / (7.5 × |S(P)|)) [INF 7.5 h per stønadsdag from 37.5 h/week, forskrift § 1];
  R_WORK = f(P) × GROSS, from the unreduced GROSS (it does not compound with R_ABS).
* [ASSUMPTION ``work_hours_split``] an entry's hours are spread evenly over the stønadsdager of its own
  period; an entry crossing a payment-period boundary is split in proportion.
* Check [V sotjl § 30 second paragraph] «Inntil 50 prosent stilling …»: ``arbeid`` + ``omsorgsstonad``
  over 18.75 h/week → flag ``work-over-50-percent`` (``laerling`` not held against it [INF]).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from workbench.law.money import Fraction

from workbench.law.model import Work, WorkKind
from workbench.law.periode import Periode
from workbench.law.sotjl_35 import Calendar

HJEMMEL = "sosialtjenesteloven § 37"
HJEMMEL_50 = "sosialtjenesteloven § 30 andre ledd"

COUNTED_KINDS = frozenset({WorkKind.ARBEID, WorkKind.LAERLING, WorkKind.OMSORGSSTONAD})
#: Kinds held against the 50 % limit of § 30 (læretid is the alternative to the 50 % position [INF]).
FIFTY_PERCENT_KINDS = frozenset({WorkKind.ARBEID, WorkKind.OMSORGSSTONAD})


@dataclass(slots=True)
class WorkShare:
    """One work entry's share of a payment period (for the trace)."""

    work: Work
    entry_stonadsdager: int
    stonadsdager_in_period: int
    hours_in_period: Fraction
    counted: bool


_ZERO = Fraction(0)
_ONE = Fraction(1)


#: (from, to, the entry, stønadsdager of the entry, exact hours, counted?) — see :func:`work_entries`
WorkEntry = tuple[date, date, Work, int, Fraction, bool]


def work_entries(work: tuple[Work, ...], cal: Calendar) -> list[WorkEntry]:
    """Each work entry with what every period needs of it, computed once per decision:
    (from, to, entry, stønadsdager of the entry, exact hours, counted?)."""
    return [(w.periode.fra, w.periode.til, w, cal.count(w.periode.fra, w.periode.til), Fraction(w.hours),
             w.kind in COUNTED_KINDS) for w in work]


def work_in_period(entries: list[WorkEntry], periode: Periode, cal: Calendar) -> list[WorkShare]:
    """Each work entry's share of ``periode``: hours × stønadsdager inside / stønadsdager of the entry
    ([ASSUMPTION ``work_hours_split``]); ``entries`` from :func:`work_entries`."""
    out: list[WorkShare] = []
    pf, pt = periode.fra, periode.til
    for wf, wt, w, total, hours, counted in entries:
        if wt < pf or wf > pt:
            continue
        inside = cal.count(wf if wf > pf else pf, wt if wt < pt else pt)
        # hours × inside / total, built in one step (same exact value)
        share = Fraction(hours.numerator * inside, hours.denominator * total) if total else _ZERO
        out.append(WorkShare(w, total, inside, share, counted))
    return out


def work_factor(hours: Fraction, stonadsdager: int, hours_per_day: Fraction) -> Fraction:
    """f(P) = min(1, H / (7.5 × |S(P)|)); 0 without stønadsdager."""
    if stonadsdager <= 0 or hours <= 0:
        return _ZERO
    num = hours.numerator * hours_per_day.denominator
    den = hours.denominator * hours_per_day.numerator * stonadsdager
    return Fraction(num, den) if num < den else _ONE


def weekly_hours(hours: Fraction, stonadsdager: int) -> Fraction | None:
    """Average hours a week: H × 5 / |S(P)| (import-format.md flag definition)."""
    if stonadsdager <= 0:
        return None
    return Fraction(hours.numerator * 5, hours.denominator * stonadsdager)


def reduction(factor: Fraction, gross: Fraction) -> Fraction:
    """R9: R_WORK = f(P) × GROSS — «reduseres stønaden inkludert barnetillegg tilsvarende», taken from the
    unreduced gross (it does not compound with § 36's reduction)."""
    return factor * gross


def over_50_percent(hours_50: Fraction, stonadsdager: int, max_hours_week: Fraction) -> bool:
    """§ 30 second paragraph «Inntil 50 prosent stilling»: ``arbeid`` + ``omsorgsstonad`` over 18.75 hours a
    week on average in the period (flag ``work-over-50-percent``); needs no G (rules.md §8 S-02)."""
    weekly = weekly_hours(hours_50, stonadsdager)
    return weekly is not None and weekly > max_hours_week
