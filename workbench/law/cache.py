"""The engine's one cache: values that depend on a parameter set alone, kept so the same computation is not
repeated for every run of days of every period of every case.

The law's modules compute; they keep nothing. The pipeline asks this object for what recurs — the day rate
of a G, a factor and an age (R4–R5), the reduction of a day with so many hours of absence (R8), a parameter
set with other assumptions (R8's alternatives) — and the object asks the law the first time. A key holds
every value the computation reads, so two parameter sets share an entry only where they agree; the store is
bounded (cleared when full), so a process evaluating any number of cases stays flat in memory. A test checks
that a cold and a warm evaluation give the same result."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from workbench.law.money import Fraction
from typing import TypeVar

from workbench.law import sotjl_35, sotjl_36
from workbench.law.parameters import ParameterSet

MAX_ENTRIES = 4096
T = TypeVar("T")


class EngineCache:
    def __init__(self, max_entries: int = MAX_ENTRIES) -> None:
        self.max_entries = max_entries
        self._values: dict[Hashable, object] = {}

    def day_rate(self, ps: ParameterSet, g: Fraction, factor: Fraction, under_25: bool) -> tuple[Fraction, Fraction]:
        """:func:`sotjl_35.day_rate`, remembered by everything it reads."""
        key = ("day rate", g, factor, under_25, ps.under_25_factor, ps.assumptions.divisor)
        return self.remember(key, lambda: sotjl_35.day_rate(ps, g, factor, under_25))

    def day_reduction(self, ps: ParameterSet, hours: Fraction, b: Fraction, t: Fraction) -> tuple[Fraction, Fraction]:
        """:func:`sotjl_36.day_reduction`, remembered by everything it reads."""
        a = ps.assumptions
        key = ("absence day", hours, b, t, ps.hours_per_day, a.absence_method, a.abs_reduces_bt, a.r38_includes_bt)
        return self.remember(key, lambda: sotjl_36.day_reduction(hours, b, t, ps))

    def with_assumptions(self, ps: ParameterSet, **overrides: object) -> ParameterSet:
        """:meth:`ParameterSet.with_assumptions` (a new set and its fingerprint), remembered."""
        key = ("parameter set", ps.id, tuple(sorted(overrides.items())))
        return self.remember(key, lambda: ps.with_assumptions(**overrides))

    def remember(self, key: Hashable, compute: Callable[[], T]) -> T:
        """A value that depends on ``key`` alone (e.g. the display texts of a rate in the evaluation JSON),
        computed once; ``key`` must name what it is for (its first element a label)."""
        if key in self._values:
            return self._values[key]  # type: ignore[return-value]
        if len(self._values) >= self.max_entries:
            self._values.clear()
        value = self._values[key] = compute()
        return value

    def clear(self) -> None:
        self._values.clear()

    def __len__(self) -> int:
        return len(self._values)


#: The process's cache (the pipeline's default; a test may pass its own).
ENGINE_CACHE = EngineCache()
