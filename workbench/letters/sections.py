"""The letter's building blocks: a ``Section`` of ``Block``s, one model for both written standards
(``workbench.letters.model`` builds them, the template ``letter.html.j2`` draws them)."""

from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup


@dataclass(slots=True)
class Block:
    """One block of a section. ``kind`` ∈ p, rich, quote, ol, ul, h3, qa, table."""

    kind: str
    text: str = ""  # plain text (escaped by the template)
    html: Markup = Markup("")  # the jurist's text as paragraphs (``plaintext.paragraphs``; kind "rich", "qa")
    items: list = field(default_factory=list)  # ol/ul: plain strings
    head: list[str] = field(default_factory=list)  # table header
    rows: list[list[str]] = field(default_factory=list)  # table body (plain strings)
    foot: list[str] = field(default_factory=list)  # table footer row
    numeric: list[bool] = field(default_factory=list)  # right-aligned columns
    css: str = ""  # a fixed class name chosen here (never user text)


@dataclass(slots=True)
class Section:
    key: str
    heading: str
    blocks: list[Block] = field(default_factory=list)
    level: int = 2
