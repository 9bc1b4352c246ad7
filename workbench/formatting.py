"""Formatting for humans (Norwegian): amounts and dates. Presentation only — never used in a calculation.

* :func:`format_kr` ``(Decimal("1234.5")) -> "kr 1 234,50"`` — thousands separated by a space (a
  no-break space U+00A0 with ``nbsp=True``), decimal comma; ``decimals=0`` for whole kroner.
* :func:`format_date` ``(date(2025, 10, 6)) -> "06.10.2025"``;
  :func:`format_date_long` ``(date(2025, 10, 6), "nn") -> "6. oktober 2025"``.

Values arrive already rounded by the rules (``workbench.law.money``); a value with more decimals is
shown half up, as display.
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from numbers import Rational

MONTHS = {
    "nb": ("januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september",
           "oktober", "november", "desember"),
    "nn": ("januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september",
           "oktober", "november", "desember"),
}
MINUS = "-"


def _to_decimal(amount) -> Decimal:
    if isinstance(amount, float):
        raise TypeError("float is never money")
    if isinstance(amount, Rational):
        return Decimal(amount.numerator) / Decimal(amount.denominator)
    try:
        return Decimal(str(amount)) if not isinstance(amount, Decimal) else amount
    except InvalidOperation as exc:
        raise ValueError(f"{amount!r} is not an amount") from exc


def format_number(amount, decimals: int = 2, *, nbsp: bool = False) -> str:
    """``1234.5 -> "1 234,50"`` (Norwegian grouping and decimal comma)."""
    d = _to_decimal(amount).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    sign = MINUS if d < 0 else ""
    text = f"{abs(d):,.{decimals}f}"
    whole, _, frac = text.partition(".")
    whole = whole.replace(",", "\u00a0" if nbsp else " ")
    return sign + whole + ("," + frac if decimals else "")


def format_kr(amount, decimals: int = 2, *, nbsp: bool = False) -> str:
    """``Decimal("1234.50") -> "kr 1 234,50"``; None → ``""``."""
    if amount is None or amount == "":
        return ""
    return "kr " + format_number(amount, decimals, nbsp=nbsp)


def format_date(d: date | str | None) -> str:
    """``date(2025, 10, 6) -> "06.10.2025"`` (an ISO string is accepted); None → ``""``."""
    if d is None or d == "":
        return ""
    if isinstance(d, str):
        d = date.fromisoformat(d)
    return f"{d.day:02d}.{d.month:02d}.{d.year:04d}"


def format_date_long(d: date | str | None, lang: str = "nb") -> str:
    """``date(2025, 10, 6) -> "6. oktober 2025"`` (bokmål ``nb`` or nynorsk ``nn``)."""
    if d is None or d == "":
        return ""
    if isinstance(d, str):
        d = date.fromisoformat(d)
    return f"{d.day}. {MONTHS.get(lang, MONTHS['nb'])[d.month - 1]} {d.year}"


def format_period(fra: date | str, til: date | str) -> str:
    """``"06.10.2025–19.10.2025"``."""
    return f"{format_date(fra)}–{format_date(til)}"


__all__ = ["format_kr", "format_number", "format_date", "format_date_long", "format_period", "MONTHS"]
