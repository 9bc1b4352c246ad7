"""The document as one searchable text with provenance: lines joined by newlines (cells by `` | ``), so a
pattern may run across a wrapped line, and any match offset maps back to its page and line. Also the
parsers for Norwegian dates, amounts and provisions as letters write them."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from workbench.extract.reader import Line

MONTHS = ("januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober",
          "november", "desember")
DATE = r"(?:\d{1,2}\.\d{1,2}\.\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}\.\s(?:" + "|".join(MONTHS) + r")\s\d{4})"
RANGE = rf"(?:(?:fra|frå)\s(?:og\smed\s)?)?({DATE})\s*(?:–|-|til(?:\sog\smed)?)\s*({DATE})"
AMOUNT = r"(?:kr\.?\s?)?(\d{1,3}(?:\s\d{3})+|\d+)(,\d{2}|,-)(?:\s?kr\b)?"
HJEMMEL = r"sosialtjenesteloven\s+§\s*\d+|forskrift\s+om\s+kvalifiseringsprogram\s+og\s+kvalifiseringsstønad(?:\s+§\s*\d+)?"
NAME = r"[A-ZÆØÅ][\wæøåÆØÅ'-]*(?:\s[A-ZÆØÅ][\wæøåÆØÅ'-]*){1,4}"


@dataclass(frozen=True)
class Leaf:
    """An extracted value and where it stands (page and line, both from 1)."""

    value: object
    page: int
    line: int

    def as_json(self) -> dict:
        return {"value": self.value, "page": self.page, "line": self.line}


class Text:
    def __init__(self, lines: list[Line]) -> None:
        self.lines = lines
        self.starts: list[int] = []
        parts: list[str] = []
        pos = 0
        for line in lines:
            self.starts.append(pos)
            parts.append(line.text)
            pos += len(line.text) + 1
        self.text = "\n".join(parts)

    def leaf(self, value: object, offset: int) -> Leaf:
        """``value`` found at ``offset`` of the text, with the page and line it stands on."""
        i = max(0, bisect.bisect_right(self.starts, offset) - 1)
        return Leaf(value, self.lines[i].page, self.lines[i].number)

    def find(self, pattern: str, flags: int = 0) -> list[re.Match[str]]:
        return list(re.finditer(pattern, self.text, flags | re.MULTILINE))


def parse_date(text: str) -> str | None:
    """ISO date from 04.06.2025, 2025-06-04 or «4. juni 2025»; None for a day that does not exist."""
    text = " ".join(text.split())
    try:
        if m := re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", text):
            d = date(int(m[3]), int(m[2]), int(m[1]))
        elif m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text):
            d = date(int(m[1]), int(m[2]), int(m[3]))
        elif m := re.fullmatch(r"(\d{1,2})\. (\w+) (\d{4})", text):
            d = date(int(m[3]), MONTHS.index(m[2].lower()) + 1, int(m[1]))
        else:
            return None
    except ValueError:
        return None
    return d.isoformat() if 2000 <= d.year <= 2099 or d.year >= 1900 else None


def parse_amount(whole: str, fraction: str) -> str:
    """``1 234`` + ``,50`` → ``"1234.50"``; ``,-`` means whole kroner (money as text, import-format.md)."""
    cents = "00" if fraction == ",-" else fraction[1:]
    return str(Decimal(re.sub(r"\s", "", whole) + "." + cents))


def join_lines(text: str) -> str:
    """Text read across line breaks as one line: a break after a hyphen keeps the hyphen and adds no space
    (letters are not hyphenated by the typesetter, so a hyphen there is the writer's)."""
    return " ".join(re.sub(r"-\n", "-", text).split())


def norm_hjemmel(text: str) -> str:
    return re.sub(r"§\s*", "§ ", " ".join(text.split()))


def parse_range(m: re.Match[str], first_group: int) -> tuple[str, str] | None:
    """A period from two date groups, None unless both parse and from ≤ to (import-format.md «Periods»)."""
    a, b = parse_date(m[first_group]), parse_date(m[first_group + 1])
    if a is None or b is None or a > b:
        return None
    return a, b
