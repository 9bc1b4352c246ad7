"""Reading a PDF as positioned lines (issue 16): poppler's ``pdftotext -tsv`` gives every word with its box;
words on one baseline make a line, and a wide gap between words starts a new cell, so a table row reads as
``cell | cell | cell``. pdfplumber is not in the project's venv; poppler-utils already is a project
dependency (scripts/bootstrap.sh), and running it as a subprocess bounds its time.

A page without a text layer (a scan) is OCR'd with Debian's ``ocrmypdf`` (``tesseract-ocr-nor``) when it is
installed; otherwise it is reported unreadable and nothing is read from it.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

MAX_BYTES = 50 * 1024 * 1024
MAX_PAGES = 100
TIMEOUT = 60
CELL_GAP = 9.0  # points between two words that make them two cells (a space is about 3 pt)


class UnreadablePdf(ValueError):
    """The file is not a PDF this reader can open; the message is for the user (Norwegian)."""


@dataclass
class Line:
    page: int
    number: int
    cells: list[str]
    xs: list[float] = field(default_factory=list)  # where each cell starts (points from the left edge)
    top: float = 0.0
    height: float = 0.0

    @property
    def text(self) -> str:
        return " | ".join(self.cells)


@dataclass
class Document:
    lines: list[Line]
    pages: int
    unreadable_pages: list[int] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)


def read_pdf(data: bytes) -> Document:
    """The PDF's lines, page by page; raises ``UnreadablePdf`` for anything that is not a readable PDF."""
    pages = check_pdf(data)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "in.pdf"
        path.write_bytes(data)
        words = _words(path)
        empty = [p for p in range(1, pages + 1) if p not in words]
        if empty and shutil.which("ocrmypdf"):
            ocr = Path(tmp) / "ocr.pdf"
            if _ocr(path, ocr):
                words = _words(ocr)
                empty = [p for p in range(1, pages + 1) if p not in words]
    doc = Document(lines=_lines(words), pages=pages, unreadable_pages=empty)
    for p in empty:
        doc.messages.append(f"Side {p} har ingen lesbar tekst (skannet side uten tekstlag); "
                            "ingenting er hentet fra den. OCR krever ocrmypdf og tesseract-ocr-nor.")
    return doc


def check_pdf(data: bytes) -> int:
    """The number of pages, after the checks that give a clear message instead of a crash."""
    from pypdf import PdfReader

    if len(data) > MAX_BYTES:
        raise UnreadablePdf("Filen er for stor (over 50 MB).")
    if not data.lstrip()[:5] == b"%PDF-":
        raise UnreadablePdf("Filen er ikke en PDF.")
    try:
        import io

        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise UnreadablePdf("PDF-en er kryptert eller passordbeskyttet og kan ikke leses.")
        pages = len(reader.pages)
    except UnreadablePdf:
        raise
    except Exception as exc:  # pypdf raises many kinds for a broken file
        raise UnreadablePdf(f"PDF-en er skadet og kan ikke leses ({type(exc).__name__}).") from exc
    if pages == 0 or pages > MAX_PAGES:
        raise UnreadablePdf(f"PDF-en har {pages} sider; et vedtak kan ha 1–{MAX_PAGES}.")
    return pages


def _ocr(src: Path, dst: Path) -> bool:
    """OCR the pages without text (``--skip-text`` keeps the text layer of the others)."""
    try:
        done = subprocess.run(["ocrmypdf", "-l", "nor", "--skip-text", "--rotate-pages", "--deskew", str(src), str(dst)],
                              capture_output=True, timeout=TIMEOUT * 5)
    except subprocess.TimeoutExpired:
        return False
    return done.returncode == 0 and dst.exists()


def _words(path: Path) -> dict[int, list[tuple[float, float, float, float, str]]]:
    """page → words as (left, top, right, height, text), from ``pdftotext -tsv``."""
    try:
        done = subprocess.run(["pdftotext", "-tsv", "-enc", "UTF-8", str(path), "-"], capture_output=True,
                              timeout=TIMEOUT)
    except subprocess.TimeoutExpired as exc:
        raise UnreadablePdf("Det tok for lang tid å lese PDF-en.") from exc
    if done.returncode != 0:
        raise UnreadablePdf("PDF-en kan ikke leses (pdftotext feilet).")
    pages: dict[int, list[tuple[float, float, float, float, str]]] = {}
    for row in done.stdout.decode("utf-8", "replace").splitlines()[1:]:
        parts = row.split("\t")
        if len(parts) < 12 or parts[0] != "5" or not parts[11].strip():
            continue
        left, top, width, height = (float(x) for x in parts[6:10])
        text = parts[11].replace("\u00a0", " ").replace("\u202f", " ")
        pages.setdefault(int(parts[1]), []).append((left, top, left + width, height, text))
    return pages


def _lines(pages: dict[int, list[tuple[float, float, float, float, str]]]) -> list[Line]:
    """Words whose tops lie within half a word height make one line; lines numbered from 1 per page."""
    out: list[Line] = []
    for page in sorted(pages):
        rows: list[list[tuple[float, float, float, float, str]]] = []
        for w in sorted(pages[page], key=lambda w: (w[1], w[0])):
            if rows and abs(rows[-1][0][1] - w[1]) < w[3] / 2:
                rows[-1].append(w)
            else:
                rows.append([w])
        merged: list[Line] = []
        for n, row in enumerate(rows, start=1):
            cells, xs = _cells(sorted(row))
            line = Line(page, n, cells, xs, row[0][1], max(w[3] for w in row))
            if merged and _continues(merged[-1], line):
                merged[-1] = _append(merged[-1], line)
            else:
                merged.append(line)
        out += merged
    return out


def _continues(row: Line, line: Line) -> bool:
    """A table cell wrapped onto the next line: fewer cells, each under one of the row's, no paragraph gap."""
    if len(row.cells) < 2 or len(line.cells) >= len(row.cells) or line.top - row.top > 1.3 * row.height:
        return False
    return all(min(abs(x - rx) for rx in row.xs) <= 6 for x in line.xs)


def _append(row: Line, line: Line) -> Line:
    cells = list(row.cells)
    for text, x in zip(line.cells, line.xs):
        j = min(range(len(row.xs)), key=lambda k: abs(row.xs[k] - x))
        cells[j] += ("" if cells[j].endswith(("–", "-")) else " ") + text
    return Line(row.page, row.number, cells, row.xs, line.top, row.height)


def _cells(row: list[tuple[float, float, float, float, str]]) -> tuple[list[str], list[float]]:
    cells: list[list[str]] = []
    xs: list[float] = []
    right = None
    for left, _top, r, _h, text in row:
        if right is None or left - right > CELL_GAP:
            cells.append([])
            xs.append(left)
        cells[-1].append(text)
        right = r
    return [" ".join(c) for c in cells], xs
