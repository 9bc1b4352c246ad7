"""Locale-independent Norwegian formatting for letters.

Amounts and dates go through the app's one formatter, ``workbench.formatting`` (NBSP grouping), so a
letter and a web page show the same «kr 6 797» and «6. oktober 2025». Month names for nynorsk are the
same as for bokmål. ``tests/letters`` checks that the output equals babel's with explicit patterns
(``#,##0.00`` / ``d. MMMM y``), so the result never depends on the server locale.
"""

from __future__ import annotations

from datetime import date

from babel.dates import format_date as _babel_date
from babel.numbers import format_decimal as _babel_decimal

from workbench import formatting as _app_fmt
from workbench.law.money import decimal_or_none

_LOCALE = {"nb": "nb_NO", "nn": "nn_NO"}


# an amount from the evaluation JSON as Decimal (None for no figure): the one helper in rules.money
to_decimal = decimal_or_none


def format_number(value, *, decimals: int = 0) -> str:
    """«6 797», «2,041», «1 234,50» (NBSP as group separator, comma as decimal mark)."""
    d = to_decimal(value)
    if d is None:
        return "–"
    return _app_fmt.format_number(d, decimals, nbsp=True)


def babel_number(value, *, decimals: int = 0) -> str:
    """The same with babel and an explicit pattern (the reference the tests compare with)."""
    pattern = "#,##0" if decimals == 0 else "#,##0." + "0" * decimals
    return _babel_decimal(to_decimal(value), format=pattern, locale="nb_NO")


def format_plain_decimal(value) -> str:
    """A parameter such as 2.041 → «2,041» (as many decimals as given, no grouping beyond)."""
    d = to_decimal(value)
    if d is None:
        return str(value)
    exp = -d.as_tuple().exponent if d.as_tuple().exponent < 0 else 0
    return format_number(d, decimals=exp)


def format_kr(value, *, whole: bool | None = None) -> str:
    """«kr 6 797» for whole kroner, «kr 1 234,50» otherwise (whole=None: decide from the value)."""
    d = to_decimal(value)
    if d is None:
        return "–"
    if whole is None:
        whole = d == d.to_integral_value()
    return "kr\u00a0" + format_number(d, decimals=0 if whole else 2)


def format_date(value, lang: str = "nb", *, long: bool = False) -> str:
    """06.10.2025, or «6. oktober 2025» with long=True (nb and nn month names)."""
    if value is None or value == "":
        return "–"
    if isinstance(value, str):
        value = date.fromisoformat(value)
    if long:
        return _app_fmt.format_date_long(value, lang)
    return _app_fmt.format_date(value)


def babel_date(value: date, lang: str = "nb", *, long: bool = False) -> str:
    if long:
        return _babel_date(value, "d. MMMM y", locale=_LOCALE.get(lang, "nb_NO"))
    return _babel_date(value, "dd.MM.y", locale="nb_NO")


def format_period(start, end, lang: str = "nb") -> str:
    return f"{format_date(start, lang)}–{format_date(end, lang)}"
