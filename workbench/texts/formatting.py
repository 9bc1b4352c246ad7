"""Figures for a Norwegian reader: amounts, numbers and dates. Presentation only — never used in a calculation.

The one formatter of the application: the CLI, the web pages (``workbench.web.filters``), the appeal's
explanations and the letter all format here.

* :func:`format_number` ``(Decimal("1234.5")) -> "1 234,50"`` — digit groups separated by a space (a
  no-break space U+00A0 with ``nbsp=True``), decimal comma; rounded half up through the one rounding,
  :func:`workbench.law.money.round_half_up` (values arrive already rounded by the law; a value with more
  decimals is shown half up, as display);
* :func:`format_kr` ``(Decimal("1234.5")) -> "kr 1 234,50"``; :func:`format_plain_decimal` ``("2.041") ->
  "2,041"`` (as many decimals as given); :func:`format_quantity` ``("37.50") -> "37,5"`` (hours and the like);
* :func:`format_date` ``(date(2025, 10, 6)) -> "06.10.2025"``; :func:`format_date_long`
  ``(date(2025, 10, 6), "nn") -> "6. oktober 2025"``; :func:`format_period`; :func:`format_datetime`
  ``-> "06.10.2025 kl. 14.05"`` (Oslo time).

These return ``""`` for no value. A medium that shows figures its own way uses a :class:`Style` — the same
functions, with its spacing and its mark for no figure: :data:`LETTER` (no line break inside an amount, «–»
for no figure) and :data:`PAGE` (the web pages: «–», and a stored value too large to format shown as written).

Babel (CLDR ``nb``/``nn``) gives the same output for the explicit patterns ``#,##0.00`` and ``d. MMMM y``;
``tests/texts/test_formatting.py`` checks that, so the output never depends on the server's locale.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Final, TypeAlias

from workbench.law.money import Fraction, decimal_or_none, round_half_up

NBSP = "\u00a0"
MINUS = "-"
SIGN_MINUS = "\u2212"  # «−», the minus sign before an amount in «− kr 9 360»
MONTHS = {
    "nb": ("januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september",
           "oktober", "november", "desember"),
    "nn": ("januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september",
           "oktober", "november", "desember"),
}

#: What may be formatted as an amount: exact values from the law, Decimals, whole numbers, or their text.
Number: TypeAlias = Decimal | Fraction | int | str

#: An amount from the evaluation JSON (a string such as ``"6797"``) as Decimal, None for no figure.
to_decimal = decimal_or_none


def _exact(amount: Number) -> Decimal | Fraction | int:
    if isinstance(amount, float):
        raise TypeError("float is never money")
    if isinstance(amount, str):
        try:
            return Decimal(amount)
        except InvalidOperation as exc:
            raise ValueError(f"{amount!r} is not an amount") from exc
    return amount


def format_number(amount: Number, decimals: int = 2, *, nbsp: bool = False) -> str:
    """``1234.5 -> "1 234,50"`` (Norwegian grouping and decimal comma, half up to ``decimals``)."""
    d = round_half_up(_exact(amount), decimals)
    sign = MINUS if d < 0 else ""
    text = f"{abs(d):,.{decimals}f}"
    whole, _, frac = text.partition(".")
    whole = whole.replace(",", NBSP if nbsp else " ")
    return sign + whole + ("," + frac if decimals else "")


def format_kr(amount: Number | None, decimals: int = 2, *, nbsp: bool = False, nbsp_after_kr: bool = False) -> str:
    """``Decimal("1234.50") -> "kr 1 234,50"``; None → ``""``. ``nbsp``: no-break spaces between the digit
    groups; ``nbsp_after_kr``: and after «kr», so the amount is never broken over two lines."""
    if amount is None or amount == "":
        return ""
    space = NBSP if nbsp_after_kr else " "
    exact = _exact(amount)
    if exact < 0:  # «− kr 9 360» (appeals.md §11): the sign before «kr», a real minus sign
        return SIGN_MINUS + space + "kr" + space + format_number(-exact, decimals, nbsp=nbsp)
    return "kr" + space + format_number(amount, decimals, nbsp=nbsp)


#: How many, in words, where the letter counts things (appeals.md §11: «to barn»); neuter forms, nb / nn.
_COUNT_WORDS: Final = {
    "nb": ("null", "ett", "to", "tre", "fire", "fem", "seks", "sju", "åtte", "ni"),
    "nn": ("null", "eitt", "to", "tre", "fire", "fem", "seks", "sju", "åtte", "ni"),
}


def count_in_words(n: int, lang: str = "nb") -> str:
    """A count under ten in words («tre»), from ten on in digits («12»): Språkrådet's rule for counted things
    (neuter, as in «ett barn» / «eitt barn»)."""
    return _COUNT_WORDS["nn" if lang == "nn" else "nb"][n] if 0 <= n < 10 else str(n)


def format_plain_decimal(value: object, *, nbsp: bool = True) -> str:
    """A parameter such as 2.041 → «2,041»: as many decimals as the value has; not a number → as written."""
    d = decimal_or_none(value)
    if d is None:
        return str(value)
    exponent = d.as_tuple().exponent
    return format_number(d, -exponent if isinstance(exponent, int) and exponent < 0 else 0, nbsp=nbsp)


def format_quantity(value: Decimal | int | str) -> str:
    """Hours and the like: at most two decimals, trailing zeros dropped — «7,5», «37,5», «1 234»
    (babel's ``#,##0.##`` for ``nb_NO``)."""
    from babel.numbers import format_decimal

    return format_decimal(value if isinstance(value, Decimal) else Decimal(value), format="#,##0.##", locale="nb_NO")


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


def format_datetime(value: datetime | None) -> str:
    """A moment as Oslo time: ``"06.10.2025 kl. 14.05"``; None → ``""``."""
    if value is None:
        return ""
    from zoneinfo import ZoneInfo

    return value.astimezone(ZoneInfo("Europe/Oslo")).strftime("%d.%m.%Y kl. %H.%M")


def formattable(d: Decimal) -> bool:
    """A stored number that can be formatted: finite and of sane size (below 10^15, no exponent below −20).
    Anything else (``1E+10000000`` stored before the import had bounds) would take seconds, or fail."""
    return d.is_finite() and (not d or -20 < d.adjusted() < 15)


def as_written(value: object) -> str:
    """A stored value shown as it was written, cut at 40 characters."""
    text = str(value)
    return text if len(text) <= 40 else text[:40] + "…"


@dataclass(frozen=True, slots=True)
class Style:
    """How one medium shows figures: the functions above, with no-break spaces between digit groups, the
    medium's space after «kr», its mark for no figure and, where ``as_written``, a stored value that cannot be
    formatted (a number out of range, a date that is not one) shown as written instead of an error."""

    nbsp_after_kr: bool
    missing: str
    as_written: bool

    to_decimal = staticmethod(decimal_or_none)

    def _number(self, value: object) -> Decimal | str:
        """The Decimal to format, or the text to show instead (missing, or the value as written)."""
        d = decimal_or_none(value)
        if d is None:
            return self.missing
        if self.as_written and not formattable(d):
            return as_written(value)
        return d

    def format_number(self, value: object, *, decimals: int = 0) -> str:
        """«6 797», «1 234,50»."""
        d = self._number(value)
        return d if isinstance(d, str) else format_number(d, decimals, nbsp=True)

    def format_plain_decimal(self, value: object) -> str:
        """«2,041»: as many decimals as given."""
        return format_plain_decimal(value)

    def format_kr(self, value: object, *, whole: bool | None = None) -> str:
        """«kr 6 797» with ``whole``, «kr 1 234,50» without; None: whole kroner where the value is whole."""
        d = self._number(value)
        if isinstance(d, str):
            return d
        if whole is None:
            whole = d == d.to_integral_value()
        return format_kr(d, 0 if whole else 2, nbsp=True, nbsp_after_kr=self.nbsp_after_kr)

    def format_quantity(self, value: object) -> str:
        """«37,5» (hours and the like)."""
        d = self._number(value)
        return d if isinstance(d, str) else format_quantity(d)

    def format_date(self, value: date | str | None, lang: str = "nb", *, long: bool = False) -> str:
        """«06.10.2025», or «6. oktober 2025» with ``long``; a datetime or an ISO timestamp gives its date."""
        if value is None or value == "":
            return self.missing
        if isinstance(value, str):
            try:
                day = date.fromisoformat(value[:10])
            except ValueError:
                if self.as_written:
                    return value
                raise
        else:
            day = value.date() if isinstance(value, datetime) else value
        return format_date_long(day, lang) if long else format_date(day)

    def format_period(self, start: date | str | None, end: date | str | None, lang: str = "nb") -> str:
        """«06.10.2025–19.10.2025»."""
        return f"{self.format_date(start, lang)}–{self.format_date(end, lang)}"

    def format_datetime(self, value: datetime | None) -> str:
        """«06.10.2025 kl. 14.05» (Oslo time)."""
        return self.missing if value is None else format_datetime(value)


#: The letter: never a line break inside an amount, «–» for no figure; a value that cannot be formatted is an
#: error (the finalize gate reports it), never printed as written.
LETTER = Style(nbsp_after_kr=True, missing="–", as_written=False)
#: The web pages: «kr 1 234,50» with its digits kept together, «–» for no figure, a stored value out of range
#: shown as written.
PAGE = Style(nbsp_after_kr=False, missing="–", as_written=True)

__all__ = ["LETTER", "MONTHS", "SIGN_MINUS", "count_in_words",
           "PAGE", "Style", "as_written", "format_date", "format_date_long", "format_datetime",
           "format_kr", "format_number", "format_period", "format_plain_decimal", "format_quantity", "formattable",
           "to_decimal"]
