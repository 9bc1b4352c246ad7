"""Periode — an inclusive date range, the unit every rule reasons in.

Modelled on navikt tiltakspenger-libs' ``Periode``: immutable, ``fra <= til`` enforced at
construction, both ends inclusive (import-format.md: «Periods are inclusive»).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from collections.abc import Iterator


@dataclass(frozen=True, slots=True, order=True)
class Periode:
    fra: date
    til: date

    def __post_init__(self) -> None:
        if not isinstance(self.fra, date) or not isinstance(self.til, date):
            raise TypeError("Periode needs two dates")
        if self.fra > self.til:
            raise ValueError(f"Periode: fra {self.fra} is after til {self.til}")

    @property
    def antall_dager(self) -> int:
        return (self.til - self.fra).days + 1

    def inneholder(self, d: date) -> bool:
        return self.fra <= d <= self.til

    def overlapper(self, other: Periode) -> bool:
        return self.fra <= other.til and other.fra <= self.til

    def overlapp(self, other: Periode) -> Periode | None:
        """The common part of two periods, or None."""
        if not self.overlapper(other):
            return None
        return Periode(max(self.fra, other.fra), min(self.til, other.til))

    def dager(self) -> Iterator[date]:
        d = self.fra
        while d <= self.til:
            yield d
            d += timedelta(days=1)

    def __str__(self) -> str:  # the form used in the output contract: "2025-10-06/2025-10-19"
        return f"{self.fra.isoformat()}/{self.til.isoformat()}"
