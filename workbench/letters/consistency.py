"""Finalize-time consistency: the PDF must say what the record says.

The extracted text (pypdf) must state the outcome, each period's dates and amounts, the claimant, the
references and our date — exactly the ``Letter.checks`` pairs that ``build_letter`` recorded from the
evaluation and the case. A mismatch is returned as (field, reason) and blocks finalising.
"""

from __future__ import annotations

import re

from workbench.letters.model import Letter
from workbench.letters.pdfa import extract_text, normalise


def check_consistency(pdf_bytes: bytes, letter: Letter, *, text: str | None = None) -> list[tuple[str, str]]:
    """(field, reason) for every recorded fact the PDF's text does not state."""
    if text is None:
        try:
            text = extract_text(pdf_bytes)
        except Exception as exc:  # noqa: BLE001
            return [("pdf", f"the text could not be extracted: {exc}")]
    # compare without whitespace: a line break may fall inside «06.10.2025–19.10.2025» or «kr 6 797»
    squeezed = "".join(normalise(text).split())
    problems: list[tuple[str, str]] = []
    if not letter.checks:
        problems.append(("letter", "the letter records no facts to check"))
    for field, expected in letter.checks:
        want = normalise(expected)
        if not want:
            problems.append((field, "the record has no value to state"))
        elif not re.search(r"(?<![0-9])" + re.escape("".join(want.split())) + r"(?![0-9])", squeezed):
            problems.append((field, f"the PDF does not state «{want}»"))
    return problems
