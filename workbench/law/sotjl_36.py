"""Sotjl § 36 — reduction for invalid absence (R8).

[V] sotjl § 36: «Ved fravær reduseres kvalifiseringsstønaden tilsvarende. Det gjelder ikke ved fravær
som skyldes sykdom eller andre tvingende velferdsgrunner, og som det er gitt tillatelse til.»

* Only ``valid: false`` entries on a stønadsdag count; hours per day are capped at 7.5
  (``hours_per_day`` [INF]). Whether an absence is valid is ⚖ (F4): the engine takes ``valid`` as given.
* [ASSUMPTION ``absence_method``] ``hours``: a(d) = h/7.5 × day rate; ``whole_days``: only days with a
  full 7.5 hours of invalid absence are deducted.
* [ASSUMPTION ``abs_reduces_bt``] default false: § 36 names «kvalifiseringsstønaden» only, whereas
  § 37 says «stønaden inkludert barnetillegg».
* Leave without stønad (avbrudd, agreed leave) is not absence: those days are not stønadsdager (R2).
"""

from __future__ import annotations

from datetime import date
from workbench.law.money import Fraction

from workbench.law.model import Absence, Ferie
from workbench.law.parameters import Assumptions, ParameterSet

HJEMMEL = "sosialtjenesteloven § 36"


def invalid_hours_by_day(absence: tuple[Absence, ...], hours_per_day: Fraction,
                        ferie: tuple[Ferie, ...] = ()) -> dict[date, Fraction]:
    """Invalid absence hours per calendar day, summed and capped at one full day (7.5 h).

    Days of ferie fixed by the municipality are left out (rules.md §8 S-12): forskrift § 17 gives
    stønad during ferie «whatever else is recorded on that day» — see :func:`absence_on_ferie`."""
    out: dict[date, Fraction] = {}
    for a in absence:
        if a.valid:
            continue  # valid absence with stønad: no reduction (§ 36 first paragraph second sentence)
        if any(f.periode.inneholder(a.date) for f in ferie):
            continue  # S-12: ferie carries stønad (forskrift § 17)
        out[a.date] = out.get(a.date, Fraction(0)) + Fraction(a.hours)
    return {d: min(h, hours_per_day) for d, h in out.items()}


def absence_on_ferie(absence: tuple[Absence, ...], ferie: tuple[Ferie, ...]) -> list[date]:
    """The days with invalid absence recorded on a ferie day — not deducted (S-12, forskrift § 17)."""
    return sorted({a.date for a in absence
                   if not a.valid and any(f.periode.inneholder(a.date) for f in ferie)})


def share_of_day(hours: Fraction, assumptions: Assumptions, hours_per_day: Fraction) -> Fraction:
    """The part of the day's stønad lost: h/7.5 (``hours``) or 0/1 (``whole_days``)."""
    if hours <= 0:
        return Fraction(0)
    if assumptions.absence_method == "whole_days":
        return Fraction(1) if hours >= hours_per_day else Fraction(0)
    return hours / hours_per_day


def reduction_per_day(share: Fraction, b: Fraction, t: Fraction, assumptions: Assumptions) -> Fraction:
    """a(d) = share × (b(d) + (t(d) if abs_reduces_bt else 0))."""
    return share * (b + t) if assumptions.abs_reduces_bt else share * b


def day_reduction(hours: Fraction, b: Fraction, t: Fraction, ps: ParameterSet) -> tuple[Fraction, Fraction]:
    """R8 for one stønadsdag with ``hours`` of invalid absence: ``(a, a38)``.

    ``a`` is what § 36 takes from the day: share × (b + (t if ``abs_reduces_bt``)). ``a38`` is the part of
    the day's § 38 entitlement (e38, :func:`workbench.law.sotjl_38.day_entitlement`) that absence has
    already taken — the same share of the same base, so § 38 never deducts what § 36 took (R13 order)."""
    a = ps.assumptions
    share = share_of_day(hours, a, ps.hours_per_day)
    day = reduction_per_day(share, b, t, a)
    a38 = share * (b + t) if a.abs_reduces_bt and a.r38_includes_bt else share * b
    return day, a38
