"""The jurist's plain text → the letter's paragraphs and lists (issue 12: «The jurist writes plain text
(paragraphs, lists), never markup»).

A blank line separates paragraphs; lines that start with «- », «– » or «* » form a bullet list. Everything
typed is escaped here, so hostile text reaches WeasyPrint as text, never as markup; the result is the only
``Markup`` the jurist's words become.
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape

_BULLET = re.compile(r"^\s*[-–*•]\s+")


def as_plain(text: str | None) -> str:
    """Text as the jurist typed it, line ends normalised. Whatever looks like markup stays characters."""
    return (text or "").replace("\r\n", "\n").strip()


def paragraphs(text: str | None) -> Markup:
    """``<p>`` per paragraph, ``<ul><li>`` for bullet lines; every character of the text escaped."""
    out: list[str] = []
    for para in re.split(r"\n\s*\n", as_plain(text)):
        lines = [line for line in para.split("\n") if line.strip()]
        if not lines:
            continue
        bullets = [bool(_BULLET.match(line)) for line in lines]
        if all(bullets):
            out.append("<ul>" + "".join(f"<li>{escape(_BULLET.sub('', line).strip())}</li>" for line in lines)
                       + "</ul>")
        elif any(bullets):
            lead = [line for line, b in zip(lines, bullets) if not b]
            items = [line for line, b in zip(lines, bullets) if b]
            out.append("<p>" + "<br>".join(str(escape(line.strip())) for line in lead) + "</p>")
            out.append("<ul>" + "".join(f"<li>{escape(_BULLET.sub('', line).strip())}</li>" for line in items)
                       + "</ul>")
        else:
            out.append("<p>" + "<br>".join(str(escape(line.strip())) for line in lines) + "</p>")
    return Markup("".join(out))


def has_text(text: str | None) -> bool:
    return bool(as_plain(text))
