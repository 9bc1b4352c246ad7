"""Norwegian formatting for humans (workbench.formatting), used by the CLI summary, web and letters."""

from datetime import date
from decimal import Decimal

from workbench.formatting import format_date, format_date_long, format_kr, format_number


def test_format_kr():
    assert format_kr(Decimal("1234.5")) == "kr 1 234,50"
    assert format_kr(Decimal("6797"), 0) == "kr 6 797"
    assert format_kr(Decimal("-148")) == "kr -148,00"
    assert format_kr(Decimal("1234567.891")) == "kr 1 234 567,89"
    assert format_kr(None) == ""
    assert format_kr(Decimal("1000"), nbsp=True) == "kr 1\u00a0000,00"


def test_format_number_half_up():
    assert format_number(Decimal("0.005")) == "0,01"


def test_format_dates():
    assert format_date(date(2025, 10, 6)) == "06.10.2025"
    assert format_date("2025-10-06") == "06.10.2025"
    assert format_date_long(date(2025, 10, 6)) == "6. oktober 2025"
    assert format_date_long(date(2025, 5, 17), "nn") == "17. mai 2025"
