"""The law's typed result for one payment period — exact Fractions and Decimals, dates, never text.

The evaluation JSON (docs/import-format.md's output contract) is written from these at the edge
(:mod:`workbench.formats.evaluation_json`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from workbench.law.money import Fraction
from typing import Any

from workbench.law.money import ZERO, round_half_up
from workbench.law.model import Payment
from workbench.law.periode import Periode
from workbench.law.sotjl_35 import Segment
from workbench.law.sotjl_37 import WorkShare


@dataclass(slots=True)
class PeriodResult:
    """One payment period: the runs of equal days with their rates, GROSS (R7), the reductions of §§ 36–38,
    NET (R13), the law's flags and notes — and, once diagnosed, Nav's discrepancies."""

    payment: Payment
    periode: Periode
    stonadsdager: int = 0
    segments: list[Segment] = field(default_factory=list)
    excluded: list[dict[str, str]] = field(default_factory=list)
    missing: list[dict[str, str | None]] = field(default_factory=list)
    gross_base: Fraction | None = None
    gross_bt: Fraction | None = None
    gross: Fraction | None = None
    absence: Fraction | None = None
    work: Fraction | None = None
    samordning: Fraction | None = None
    net_exact: Fraction | None = None
    net: Decimal | None = None
    work_hours: Fraction = ZERO
    work_hours_50: Fraction = ZERO
    work_factor: Fraction = ZERO
    work_shares: list[WorkShare] = field(default_factory=list)
    y_total: Fraction = ZERO
    flags: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    alternatives: dict[str, Decimal | None] = field(default_factory=dict)
    discrepancies: list[dict[str, Any]] = field(default_factory=list)

    @property
    def computed(self) -> bool:
        return self.net is not None

    @property
    def nav_net(self) -> Decimal:
        """Nav's net rounded half up to whole kroner (rules.md §8 S-05, R13's rounding); the import keeps
        Nav's figure as given (``payment.net``), the comparison uses this."""
        return round_half_up(self.payment.net, 0)

    @property
    def difference(self) -> Decimal | None:
        """``net − nav_net`` of the rounded figures, so the identity always holds (S-05)."""
        return None if self.net is None else self.net - self.nav_net
