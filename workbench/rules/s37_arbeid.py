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
from fractions import Fraction

from workbench.rules.model import Work, WorkKind
from workbench.rules.periode import Periode
from workbench.rules.s35_stonad import Calendar

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


def work_in_period(work: tuple[Work, ...], periode: Periode, cal: Calendar,
                   cache: dict | None = None) -> list[WorkShare]:
    """Each work entry's share of ``periode``: hours × stønadsdager inside / stønadsdager of the entry."""
    out: list[WorkShare] = []
    for w in work:
        if w.periode.til < periode.fra or w.periode.fra > periode.til:
            continue
        overlap = w.periode.overlapp(periode)
        if cache is None:
            total = cal.count(w.periode.fra, w.periode.til)
        else:
            total = cache.get(w.periode)
            if total is None:
                total = cache[w.periode] = cal.count(w.periode.fra, w.periode.til)
        inside = cal.count(overlap.fra, overlap.til)
        hours = Fraction(w.hours) * inside / total if total else Fraction(0)
        out.append(WorkShare(w, total, inside, hours, w.kind in COUNTED_KINDS))
    return out


def work_factor(hours: Fraction, stonadsdager: int, hours_per_day: Fraction) -> Fraction:
    """f(P) = min(1, H / (7.5 × |S(P)|)); 0 without stønadsdager."""
    if stonadsdager <= 0 or hours <= 0:
        return Fraction(0)
    return min(Fraction(1), hours / (hours_per_day * stonadsdager))


def weekly_hours(hours: Fraction, stonadsdager: int) -> Fraction | None:
    """Average hours a week: H × 5 / |S(P)| (import-format.md flag definition)."""
    if stonadsdager <= 0:
        return None
    return hours * 5 / stonadsdager
