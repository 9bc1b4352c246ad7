"""Bounds on import input (issue #14: no input stalls or breaks the workbench).

Every way in (upload, hand-entry form, API, CLI) goes through ``validate.load_document`` and
``validate.parse_document``; these limits are checked there, each with a Norwegian message at the
field's path. They are far above anything a real decision holds and far below anything that costs
noticeable time or breaks a page, a deadline or a database column:

* the document: at most :data:`MAX_DOCUMENT_BYTES` (the app's ``MAX_CONTENT_LENGTH`` too) and nested
  at most :data:`MAX_DEPTH` levels (a valid document has 5);
* numbers: a JSON number is looked at as *text* before it is converted (:func:`json_int`,
  :func:`json_float`): more than :data:`MAX_NUMERAL_CHARS` characters or an exponent beyond
  ±:data:`MAX_EXPONENT` is never computed (``1e10000000`` would cost seconds in every later
  conversion) but kept as a :class:`BigNumber` that every field parser rejects; then amounts are at most
  :data:`MAX_AMOUNT`, a daily rate at most :data:`MAX_DAILY_AMOUNT`, hours at most :data:`MAX_HOURS`;
* dates: :data:`DATE_MIN`–:data:`DATE_MAX`; birth dates from :data:`BIRTH_DATE_MIN` (participants of
  67 and their grown children). Every deadline computed from them stays far from year 9999;
* text: at most :data:`MAX_TEXT` characters, or the column's size where it is stored in one
  (:data:`COLUMN_LENGTHS`, the sizes in ``workbench/db/models.py``; a test keeps them equal); no lone
  surrogate (``\\ud800``: not encodable, neither as UTF-8 nor in PostgreSQL) and no control character
  other than tab and line breaks (PostgreSQL refuses NUL);
* lists: at most :data:`MAX_ITEMS` elements each.

Pure Python, no Flask or database: the CLI's ``evaluate`` uses it too.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import Any

MAX_DOCUMENT_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 16

MAX_NUMERAL_CHARS = 30  # characters of one JSON number as written (sign, digits, point, exponent)
MAX_EXPONENT = 30  # |e| of a JSON number written with an exponent
MAX_AMOUNT = Decimal("10000000")  # kr, any amount of a payment period or deduction
MAX_DAILY_AMOUNT = Decimal("100000")  # kr per day, another benefit's daily amount
MAX_HOURS = Decimal("10000")  # hours of one work entry (a full-time year is ≈ 1 950)

DATE_MIN = date(2000, 1, 1)
DATE_MAX = date(2099, 12, 31)
BIRTH_DATE_MIN = date(1900, 1, 1)

MAX_TEXT = 10_000
#: Text stored in a column of ``cases`` (``workbench/db/models.py`` ``Case``): at most its size.
COLUMN_LENGTHS = {"decision.reference": 100, "nav_office.name": 200, "participant.name": 200}

#: Elements per list, by the list's key. A contested decision covers a few payment periods (ten years of
#: monthly ones is 120) and at most a few hundred days of absence; the evaluation's time and size grow
#: with these (the largest valid document within them evaluates in well under a second).
MAX_ITEMS = {"payments": 120, "deductions": 20, "children": 20, "work": 600, "absence": 1500,
             "leave_without_stonad": 300, "ferie": 150, "benefits": 300, "hjemler": 50,
             "arguments": 100}
MAX_ITEMS_DEFAULT = 100


def _kr(d: Decimal) -> str:
    return f"{int(d):,}".replace(",", " ")


class BigNumber:
    """A JSON number too long, or with too large an exponent, to be converted. Only its first
    characters and its length are kept; every field parser rejects it naming the field."""

    __slots__ = ("head", "length")

    def __init__(self, text: str) -> None:
        self.head = text[:24]
        self.length = len(text)

    def show(self) -> str:
        if self.length <= 24:
            return f"tallet «{self.head}»"
        return f"tallet «{self.head}…» ({self.length} tegn)"

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"BigNumber({self.head!r}, {self.length})"


def json_int(text: str) -> int | BigNumber:
    """``parse_int`` for ``json.loads``: the text is ``-?\\d+``; long ones are never converted."""
    if len(text) > MAX_NUMERAL_CHARS:
        return BigNumber(text)
    return int(text)


def json_float(text: str) -> Decimal | BigNumber:
    """``parse_float`` for ``json.loads`` (``-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?``): a Decimal, unless
    the numeral is long or its exponent large — then it is never converted."""
    if len(text) > MAX_NUMERAL_CHARS:
        return BigNumber(text)
    mantissa, e, exponent = text.lower().partition("e")
    if e and abs(int(exponent)) > MAX_EXPONENT:  # at most 30 characters: int() is cheap
        return BigNumber(text)
    return Decimal(text)


def too_deep(doc: Any, limit: int = MAX_DEPTH) -> bool:
    """Is any container in ``doc`` nested deeper than ``limit``? Iterative; looks at containers
    only, and stops at the first one too deep."""
    if not isinstance(doc, (dict, list)):
        return False
    stack = [(doc, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > limit:
            return True
        children = node.values() if isinstance(node, dict) else node
        for child in children:
            if isinstance(child, (dict, list)):
                stack.append((child, depth + 1))
    return False


# Control characters other than tab, LF and CR, and lone surrogates (U+D800–U+DFFF).
_BAD_CHAR = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff]")


def text_problem(s: str, max_length: int = MAX_TEXT) -> str | None:
    """Why ``s`` cannot be stored (a Norwegian message), or None."""
    if len(s) > max_length:
        return f"teksten er for lang ({len(s)} tegn, høyst {max_length})"
    if s.isascii() and s.isprintable():  # the common case: nothing more to look at
        return None
    bad = _BAD_CHAR.search(s)
    if bad is None:
        return None
    c = bad.group()
    if "\ud800" <= c <= "\udfff":
        return (f"inneholder et ugyldig Unicode-tegn (U+{ord(c):04X}, en enslig surrogat) ved tegn "
                f"{bad.start() + 1}; det kan ikke lagres")
    return f"inneholder et kontrolltegn (U+{ord(c):04X}) ved tegn {bad.start() + 1}; det er ikke tillatt"


def printable(s: str, limit: int = 60) -> str:
    """``s`` safe to show in a message: at most ``limit`` characters, lone surrogates and control
    characters escaped (a message is written to HTML, JSON and a terminal)."""
    cut = s[:limit]
    if not (cut.isascii() and cut.isprintable()):
        cut = _BAD_CHAR.sub(lambda m: f"\\u{ord(m.group()):04x}", cut)
    return cut + ("…" if len(s) > limit else "")


def date_problem(d: date, *, earliest: date = DATE_MIN) -> str | None:
    if earliest <= d <= DATE_MAX:
        return None
    return (f"{d.isoformat()} er utenfor tillatt tidsrom ({earliest.isoformat()} til "
            f"{DATE_MAX.isoformat()})")


def amount_problem(d: Decimal, maximum: Decimal = MAX_AMOUNT, unit: str = "kr") -> str | None:
    """A finite Decimal above ``maximum``: checked on the exponent first, so a huge value is never
    expanded."""
    if d.adjusted() > maximum.adjusted() or d > maximum:
        return f"beløpet er for stort (høyst {_kr(maximum)} {unit})"
    return None


def hours_problem(d: Decimal, maximum: Decimal = MAX_HOURS) -> str | None:
    if d.adjusted() > maximum.adjusted() or d > maximum:
        return f"for mange timer (høyst {_kr(maximum)})"
    return None


def too_many_digits(what: str, maximum: Decimal) -> str:
    return (f"har for mange sifre eller for stor eksponent til å være {what} (høyst {_kr(maximum)}, "
            "med høyst 2 desimaler)")
