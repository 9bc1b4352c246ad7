"""The one Norwegian formatter (workbench.texts.formatting): the CLI, the web pages, the appeal and the letter."""

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from babel.dates import format_date as babel_date
from babel.numbers import format_decimal as babel_decimal

from workbench.law.money import Fraction
from workbench.texts.formatting import (
    LETTER,
    PAGE,
    format_date,
    format_date_long,
    format_datetime,
    format_kr,
    format_number,
    format_plain_decimal,
    format_quantity,
)


def test_format_kr():
    assert format_kr(Decimal("1234.5")) == "kr 1 234,50"
    assert format_kr(Decimal("6797"), 0) == "kr 6 797"
    assert format_kr(Decimal("-148")) == "\u2212 kr 148,00"  # «− kr 148,00»: the sign before «kr» (appeals.md §11)
    assert format_kr(Decimal("1234567.891")) == "kr 1 234 567,89"
    assert format_kr(None) == ""
    assert format_kr(Decimal("1000"), nbsp=True) == "kr 1\u00a0000,00"
    assert format_kr(Decimal("1000"), 0, nbsp=True, nbsp_after_kr=True) == "kr\u00a01\u00a0000"


def test_format_number_half_up_and_exact():
    assert format_number(Decimal("0.005")) == "0,01"
    assert format_number(Decimal("-0.005")) == "-0,01"  # half away from zero, the one rounding
    assert format_number(Fraction(2, 3), 4) == "0,6667"  # an exact value, never through a float
    assert format_number("11327.56") == "11 327,56"
    with pytest.raises(TypeError):
        format_number(1.5)  # type: ignore[arg-type]


def test_format_dates():
    assert format_date(date(2025, 10, 6)) == "06.10.2025"
    assert format_date("2025-10-06") == "06.10.2025"
    assert format_date_long(date(2025, 10, 6)) == "6. oktober 2025"
    assert format_date_long(date(2025, 5, 17), "nn") == "17. mai 2025"
    assert format_datetime(datetime(2025, 10, 6, 12, 5, tzinfo=UTC)) == "06.10.2025 kl. 14.05"


def test_the_output_equals_babel_with_explicit_patterns():
    """Locale-independent: the same digits, separators and month names as CLDR's nb and nn."""
    for v in ("6797", "-145", "130160", "0"):
        assert LETTER.format_number(v) == babel_decimal(Decimal(v), format="#,##0", locale="nb_NO")
    for v in ("1234.50", "11327.56", "0.00"):
        assert LETTER.format_number(v, decimals=2) == babel_decimal(Decimal(v), format="#,##0.00", locale="nb_NO")
    d = date(2025, 10, 6)
    for lang, locale in (("nb", "nb_NO"), ("nn", "nn_NO")):
        for month in range(1, 13):
            day = date(2025, month, 6)
            assert format_date_long(day, lang) == babel_date(day, "d. MMMM y", locale=locale)
    assert format_date(d) == babel_date(d, "dd.MM.y", locale="nb_NO") == "06.10.2025"


def test_the_letter_style():
    assert LETTER.format_kr("6797") == "kr\u00a06\u00a0797"
    assert LETTER.format_kr("1234.5") == "kr\u00a01\u00a0234,50"
    assert LETTER.format_kr("1234", whole=False) == "kr\u00a01\u00a0234,00"
    assert LETTER.format_kr(None) == LETTER.format_kr("") == "–"
    assert LETTER.format_plain_decimal(Decimal("2.041")) == format_plain_decimal("2.041") == "2,041"
    assert LETTER.format_date("2025-10-06", "nn", long=True) == "6. oktober 2025"
    assert LETTER.format_period("2025-10-06", "2025-10-19") == "06.10.2025–19.10.2025"
    with pytest.raises(ValueError):
        LETTER.format_date("6.10.2025")  # the letter never prints a date as written


def test_the_page_style():
    assert PAGE.format_kr("1234.5", whole=False) == "kr 1\u00a0234,50"
    assert PAGE.format_kr("6797.00", whole=True) == "kr 6\u00a0797"
    assert PAGE.format_kr(None) == "–"
    assert PAGE.format_kr("1E+10000000") == "1E+10000000"  # stored before the import had bounds: as written
    assert PAGE.format_date("2025-10-06T10:00:00") == "06.10.2025"
    assert PAGE.format_date("ukjent") == "ukjent"
    assert PAGE.format_datetime(None) == "–"
    assert PAGE.format_quantity("37.50") == format_quantity("37.50") == "37,5"
    assert PAGE.format_quantity("1234") == "1\u00a0234"
