"""Parameters as dated data (rules.md §0.3, T1–T5).

The tables live in YAML next to this module — ``grunnbelop.yaml`` (T1), ``faktor.yaml`` (T2),
``barnetillegg.yaml`` (T3), ``constants.yaml`` (T4) and ``assumptions.yaml`` (T5) — each value with
its status mark and source key. An operator adds a new G or barnetillegg rate as data (with its source)
and moves ``known_until``; no code changes. Nothing is extrapolated past ``known_until`` (§0.5): a day
after it is refused with ``parameter-missing``.

Every evaluation records the :attr:`ParameterSet.id` (a SHA-256 over the tables and the assumption
values actually used), so an archived decision can be recomputed exactly as it was.
"""

from __future__ import annotations

import bisect
import dataclasses
import hashlib
import json
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from workbench.law.money import Fraction

from workbench.law.money import exact
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

PARAMETER_DIR = Path(__file__).resolve().parent
_TWO = Fraction(2)


class ParameterError(ValueError):
    """A parameter file or an assumption override is invalid."""


@dataclass(frozen=True, slots=True)
class DatedValue:
    """One row of a dated table: valid from ``fra`` until the next row (or the table's ``known_until``)."""

    fra: date
    value: Fraction
    text: str  # the value as written in the table ("130160"), for output
    status: str
    source: str
    fixed: date | None = None  # G only: the day the value was fixed (known)
    citation: str | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class DatedTable:
    name: str
    rows: tuple[DatedValue, ...]
    known_until: date | None  # inclusive; None = no end (statute)
    _ordinals: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_ordinals", tuple(r.fra.toordinal() for r in self.rows))

    def row_on(self, d: date) -> DatedValue | None:
        """The row in force on ``d`` (latest ``from ≤ d``), or None if the table has no value for d."""
        if self.known_until is not None and d > self.known_until:
            return None
        i = bisect.bisect_right(self._ordinals, d.toordinal()) - 1
        return self.rows[i] if i >= 0 else None

    def change_dates(self) -> list[date]:
        """Every day on which the value (or its availability) changes."""
        out = [r.fra for r in self.rows]
        if self.known_until is not None:
            out.append(self.known_until + timedelta(days=1))
        return out

    def first_missing_from(self, d: date) -> date:
        """For a day without a value: the first day of the gap (for the ``parameter-missing`` message)."""
        if self.known_until is not None and d > self.known_until:
            return self.known_until + timedelta(days=1)
        return date.min


#: Names of the assumption register as written in the output (rules.md T5, lower case).
@dataclass(frozen=True, slots=True)
class Assumptions:
    """Every [ASSUMPTION] and [INF] value of rules.md T5 that the engine uses, by its output name.

    Defaults come from ``assumptions.yaml``; :meth:`ParameterSet.with_assumptions` overrides them.
    """

    t_2041: date = date(2024, 7, 1)
    stonadsdager_per_week: int = 5
    count_holidays: bool = True
    divisor: int = 260
    under_25_full_rate_from: str = "birthday"  # | "next_month"
    child_age_limit: int = 18
    absence_method: str = "hours"  # | "whole_days"
    abs_reduces_bt: bool = False
    hours_per_day: Decimal = Decimal("7.5")
    work_hours_split: str = "stonadsdager"
    r38_netting: str = "per_day"  # | "per_period"
    y_is_gross: bool = True
    r38_includes_bt: bool = True
    benefit_days: str = "stonadsdager"
    reduction_order: str = "absence, work, samordning"
    rounding: str = "net_per_period_half_up"
    rounding_tolerance: Decimal = Decimal("1")
    holiday_treatment: str = "stonadsdager"
    non_working_days: str = "saturday, sunday, Norwegian public holidays (holidays.NO)"
    klagefrist_extension: str = "next_working_day"
    one_year_reference: str = "decision_date_plus_one_calendar_year"
    fvl_2025_in_force: date | None = None

    CHOICES = {
        "under_25_full_rate_from": ("birthday", "next_month"),
        "absence_method": ("hours", "whole_days"),
        "r38_netting": ("per_day", "per_period"),
    }

    def validate(self) -> None:
        for name, allowed in self.CHOICES.items():
            if getattr(self, name) not in allowed:
                raise ParameterError(f"{name}: {getattr(self, name)!r} is not one of {allowed}")
        if self.divisor != 260:
            # [V] sotjl § 35 third paragraph; the month method may be shown for comparison only.
            raise ParameterError("divisor: 260 is fixed by sotjl § 35 third paragraph")
        if self.stonadsdager_per_week != 5:
            raise ParameterError("stonadsdager_per_week: only 5 (Mon–Fri) is supported")
        if self.hours_per_day <= 0 or self.child_age_limit <= 0:
            raise ParameterError("hours_per_day and child_age_limit must be positive")

    def as_output(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in dataclasses.fields(self):
            v = getattr(self, f.name)
            if isinstance(v, date):
                v = v.isoformat()
            elif isinstance(v, Decimal):
                v = str(v)
            out[f.name] = v
        return out




@dataclass(frozen=True, slots=True)
class ParameterSet:
    """T1–T4 tables and the T5 assumption values used by one evaluation (immutable)."""

    g: DatedTable
    factor: DatedTable
    barnetillegg: DatedTable
    constants: dict[str, dict[str, Any]]
    assumptions: Assumptions
    register: dict[str, dict[str, Any]]  # the T5 metadata (status, rule, source, default)
    name: str = "klagebenk-default"
    known_on: date | None = None  # set by as_known_on()
    # derived once (the set is immutable)
    under_25_factor: Fraction = field(init=False, repr=False, compare=False)
    hours_per_day: Fraction = field(init=False, repr=False, compare=False)
    full_time_hours_week: Fraction = field(init=False, repr=False, compare=False)
    max_work_hours_week: Fraction = field(init=False, repr=False, compare=False)
    #: the fingerprint of the tables and assumption values (recorded with every evaluation)
    id: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        c = self.constants
        object.__setattr__(self, "under_25_factor", exact(str(c["under_25_factor"]["value"])))
        object.__setattr__(self, "hours_per_day", Fraction(self.assumptions.hours_per_day))
        object.__setattr__(self, "full_time_hours_week", exact(str(c["full_time_hours_week"]["value"])))
        object.__setattr__(self, "max_work_hours_week", exact(str(c["max_work_share_hours_week"]["value"])))
        object.__setattr__(self, "id", _fingerprint(self))

    def factor_row(self, d: date) -> DatedValue | None:
        # T_2041 is configurable (t_2041): the 2.041 row starts on it.
        row = self.factor.row_on(d)
        if row is None:
            return None
        if row.value != _TWO and d < self.assumptions.t_2041:
            return self.factor.rows[0]
        if row.value == _TWO and d >= self.assumptions.t_2041 and len(self.factor.rows) > 1:
            return self.factor.rows[1]
        return row

    def factor_change_dates(self) -> list[date]:
        return [self.factor.rows[0].fra, self.assumptions.t_2041]

    def with_assumptions(self, **overrides: Any) -> ParameterSet:
        """A copy with some assumption values changed (names as in the output, e.g. ``absence_method``)."""
        unknown = set(overrides) - {f.name for f in dataclasses.fields(Assumptions)}
        if unknown:
            raise ParameterError(f"unknown assumption(s): {', '.join(sorted(unknown))}")
        coerced = {k: _coerce(k, v) for k, v in overrides.items()}
        new = dataclasses.replace(self.assumptions, **coerced)
        new.validate()
        return dataclasses.replace(self, assumptions=new)

    def as_known_on(self, day: date) -> ParameterSet:
        """The parameters as known on ``day`` (e.g. Nav's decision date): G rows fixed after it dropped.

        Only rows with a verified ``fixed`` date can be dropped; rows whose fixing day is not in the
        project (``fixed: null``) count as known from their effective date. The previous G then simply
        continues (that is what a Nav office could lawfully apply before the new G was fixed; rules.md T1 [INF]).
        """
        rows = tuple(r for r in self.g.rows if r.fixed is None or r.fixed <= day)
        g = DatedTable(self.g.name, rows, self.g.known_until)
        return dataclasses.replace(self, g=g, known_on=day)

    def table_output(self) -> dict[str, Any]:
        def rows(t: DatedTable) -> list[dict[str, Any]]:
            return [
                {"from": r.fra.isoformat(), "value": r.text, "status": r.status, "source": r.source}
                | ({"fixed": r.fixed.isoformat()} if r.fixed else {})
                for r in t.rows
            ]

        return {
            "G": {"rows": rows(self.g), "known_until": _iso(self.g.known_until)},
            "factor": {"rows": rows(self.factor), "known_until": _iso(self.factor.known_until)},
            "barnetillegg": {
                "rows": rows(self.barnetillegg),
                "known_until": _iso(self.barnetillegg.known_until),
            },
        }


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _coerce(name: str, value: Any) -> Any:
    f = {f.name: f for f in dataclasses.fields(Assumptions)}[name]
    default = f.default
    if isinstance(default, bool):
        if isinstance(value, str):
            return value.strip().lower() in ("1", "true", "yes", "ja")
        return bool(value)
    if isinstance(default, date) or name == "fvl_2025_in_force":
        if value is None or isinstance(value, date):
            return value
        return date.fromisoformat(str(value))
    if isinstance(default, Decimal):
        return Decimal(str(value))
    if isinstance(default, int):
        return int(value)
    return value


def _fingerprint(ps: ParameterSet) -> str:
    payload = {
        "tables": ps.table_output(),
        "constants": {k: str(v.get("value")) for k, v in ps.constants.items()},
        "assumptions": ps.assumptions.as_output(),
        "known_on": _iso(ps.known_on),
    }
    raw = json.dumps(payload, sort_keys=True, ensure_ascii=False).encode()
    return "sha256:" + hashlib.sha256(raw).hexdigest()[:16]


def _date(v: Any, where: str) -> date | None:
    if v is None:
        return None
    if isinstance(v, date):
        return v
    try:
        return date.fromisoformat(str(v))
    except ValueError as exc:
        raise ParameterError(f"{where}: {v!r} is not a date") from exc


def _table(path: Path) -> DatedTable:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    rows = []
    for i, r in enumerate(data["rows"]):
        where = f"{path.name} rows[{i}]"
        for key in ("from", "value", "status", "source"):
            if key not in r:
                raise ParameterError(f"{where}: '{key}' is required (every value carries its source)")
        text = str(r["value"])
        try:
            value = exact(text)
        except (ValueError, ZeroDivisionError):
            raise ParameterError(f"{where}: value {text!r} is not a number (write e.g. 136549, 2.041 "
                                 "or 2/3, with a point, no spaces in the digits)") from None
        fra = _date(r["from"], where)
        if fra is None:
            raise ParameterError(f"{where}: 'from' is required (the day the value takes effect)")
        rows.append(
            DatedValue(
                fra=fra,
                value=value,
                text=text,
                status=str(r["status"]),
                source=str(r["source"]),
                fixed=_date(r.get("fixed"), where),
                citation=r.get("citation"),
                note=r.get("note"),
            )
        )
    rows.sort(key=lambda r: r.fra)
    return DatedTable(data["name"], tuple(rows), _date(data.get("known_until"), path.name))


def load_parameters(directory: str | Path | None = None, **overrides: Any) -> ParameterSet:
    """Load T1–T5 from ``directory`` (default: this package) and apply assumption overrides."""
    d = Path(directory) if directory else PARAMETER_DIR
    register = yaml.safe_load((d / "assumptions.yaml").read_text(encoding="utf-8"))
    defaults = {k: v.get("default") for k, v in register.items()}
    known = {f.name for f in dataclasses.fields(Assumptions)}
    unknown = set(defaults) - known
    if unknown:
        raise ParameterError(f"assumptions.yaml: unknown parameter(s) {sorted(unknown)}")
    assumptions = Assumptions(**{k: _coerce(k, v) for k, v in defaults.items()})
    assumptions.validate()
    ps = ParameterSet(
        g=_table(d / "grunnbelop.yaml"),
        factor=_table(d / "faktor.yaml"),
        barnetillegg=_table(d / "barnetillegg.yaml"),
        constants=yaml.safe_load((d / "constants.yaml").read_text(encoding="utf-8")),
        assumptions=assumptions,
        register=register,
    )
    return ps.with_assumptions(**overrides) if overrides else ps


@lru_cache(maxsize=1)
def default_parameters() -> ParameterSet:
    """The shipped parameter set (cached; ParameterSet is immutable)."""
    return load_parameters()


__all__ = [
    "Assumptions",
    "DatedTable",
    "DatedValue",
    "ParameterError",
    "ParameterSet",
    "default_parameters",
    "load_parameters",
]
