"""Reading a PDF as positioned lines (issue 16): poppler's ``pdftotext -tsv`` gives every word with its box;
words on one baseline make a line, and a wide gap between words starts a new cell, so a table row reads as
``cell | cell | cell``. pdfplumber is not in the project's venv; poppler-utils already is a project
dependency (scripts/bootstrap.sh), and running it as a subprocess bounds its time.

A page without a text layer (a scan) is drawn at 300 dpi by ``pdftoppm`` and read by Debian's ``tesseract``
(``tesseract-ocr-nor``) as TSV, which gives every word its confidence. A word tesseract is not sure of
(:data:`MIN_CONFIDENCE`) is kept as :data:`UNSURE` — a mark no pattern of the finders matches — so a value that
contains it is not found rather than misread (issue 16: a wrong value is worse than an empty one). The page's
skew is measured from tesseract's own lines and taken out of the word positions before lines and cells are built.
Without tesseract the page is reported unreadable and nothing is read from it. Every outside program runs with a
time limit and, on Linux, a memory limit (:func:`run_limited`); OCR stops after :data:`OCR_BUDGET` seconds, the
pages left reported unread.
"""

from __future__ import annotations

import io
import math
import resource
import shutil
import statistics
import subprocess
import tempfile
import time
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

MAX_BYTES = 50 * 1024 * 1024
MAX_PAGES = 100
TIMEOUT = 60
CELL_GAP = 9.0  # points between two words that make them two cells (a space is about 3 pt)
OCR_DPI = 300
MIN_CONFIDENCE = 90.0  # tesseract's word confidence (0–100) below which a word is not trusted
UNSURE = "\ufffd"  # stands for a word OCR was not sure of
OCR_BUDGET = 120  # seconds of OCR per document; the pages after are left unread
MAX_STREAM_BYTES = 200 * 1024 * 1024  # what a document's compressed streams may unpack to, together
ACTIVE_KEYS = {"/JS", "/JavaScript", "/OpenAction", "/AA", "/Launch"}  # code or actions run on opening
ACTIVE_ACTIONS = {"/JavaScript", "/Launch", "/ImportData", "/SubmitForm", "/RichMediaExecute"}
MEMORY_LIMIT = 1024 * 1024 * 1024  # bytes of address space for one outside program

Word = tuple[float, float, float, float, str]  # left, top, right, height (points), text


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
    ocr_pages: list[int] = field(default_factory=list)
    read_to: int = 0  # the last page read (``pages`` once read through; 1 when only the first page was read)

    def as_json(self) -> dict[str, Any]:
        """What the reader found, kept with the uploaded document: extraction again (a class correction) and the
        page view's line boxes then need no second read — on a scan, no second OCR."""
        return {"pages": self.pages, "read_to": self.read_to, "unreadable_pages": self.unreadable_pages,
                "messages": self.messages, "ocr_pages": self.ocr_pages,
                "lines": [[x.page, x.number, x.cells, x.xs, x.top, x.height] for x in self.lines]}

    @classmethod
    def from_json(cls, stored: dict[str, Any]) -> Document:
        return cls(lines=[Line(p, n, list(cells), list(xs), top, height) for p, n, cells, xs, top, height in stored["lines"]],
                   pages=stored["pages"], unreadable_pages=list(stored["unreadable_pages"]),
                   messages=list(stored["messages"]), ocr_pages=list(stored["ocr_pages"]), read_to=stored["read_to"])


def read_pdf(data: bytes, *, upto: int | None = None, known: Document | None = None, ocr: bool = True) -> Document:
    """The PDF's lines, page by page; raises ``UnreadablePdf`` for anything that is not a readable PDF.

    ``upto``: read no further than this page (the intake classes a scan from its first page alone). ``known``: a
    read of the first pages already made — its pages are taken as they are and only the rest is read, so a scanned
    page is OCR'd once per document. ``ocr=False``: the text layer only (never seconds of OCR, e.g. for a view)."""
    pages = check_pdf(data)
    last = min(upto or pages, pages)
    start = known.read_to + 1 if known else 1
    words: dict[int, list[Word]] = {}
    empty: list[int] = []
    ocr_pages: list[int] = []
    if start <= last:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "in.pdf"
            path.write_bytes(data)
            words = _words(path, start, last)
            empty = [p for p in range(start, last + 1) if p not in words]
            if empty and ocr and shutil.which("tesseract"):
                deadline = time.monotonic() + OCR_BUDGET
                for p in empty:
                    if time.monotonic() > deadline:
                        break
                    read = _ocr_page(path, p, Path(tmp))
                    if read:
                        words[p] = read
                        ocr_pages.append(p)
                empty = [p for p in empty if p not in words]
    if known:
        empty, ocr_pages = known.unreadable_pages + empty, known.ocr_pages + ocr_pages
    doc = Document(lines=(known.lines if known else []) + _lines(words), pages=pages, unreadable_pages=empty,
                   ocr_pages=ocr_pages, read_to=max(last, known.read_to if known else 0))
    for p in empty:
        doc.messages.append(f"Side {p} har ingen lesbar tekst (skannet side uten tekstlag); "
                            "ingenting er hentet fra den. OCR krever tesseract med tesseract-ocr-nor.")
    if ocr_pages:
        doc.messages.append("Skannet (lest med OCR): " + ", ".join(f"side {p}" for p in ocr_pages)
                            + ". Ord OCR var usikker på er ikke brukt; feltene der står tomme.")
    return doc


def _limit_memory() -> None:  # pragma: no cover - runs in the child
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run_limited(args: list[str], timeout: float) -> subprocess.CompletedProcess[bytes]:
    """Run an outside program (poppler, tesseract) on an untrusted file: captured output, at most ``timeout``
    seconds (``subprocess.TimeoutExpired``, the program killed) and :data:`MEMORY_LIMIT` of address space."""
    return subprocess.run(args, capture_output=True, timeout=timeout, preexec_fn=_limit_memory)


def check_pdf(data: bytes, *, max_pages: int = MAX_PAGES, kind: str = "et vedtak") -> int:
    """The number of pages, after the checks that give a clear message instead of a crash, a hang or a risk
    (issue 16, hostile PDFs): too large, not a PDF, encrypted, a damaged cross-reference table (qpdf would have
    to rebuild it: the file is not what was sent), too many pages, a compressed stream that unpacks past
    :data:`MAX_STREAM_BYTES` (a compression bomb), or JavaScript and actions that run when the file is opened.
    ``max_pages`` and ``kind`` (Norwegian, «et vedtak»): the page limit and what the message says it is for — the
    intake checks every document of an oversendelse, not only the decision letter, against its own limit."""
    import pikepdf

    if len(data) > MAX_BYTES:
        raise UnreadablePdf("Filen er for stor (over 50 MB).")
    if not data.lstrip()[:5] == b"%PDF-":
        raise UnreadablePdf("Filen er ikke en PDF.")
    try:
        with pikepdf.open(io.BytesIO(data)) as pdf:
            if pdf.is_encrypted:
                raise UnreadablePdf("PDF-en er kryptert eller passordbeskyttet og kan ikke leses.")
            if any("xref" in w or "reconstruct" in w for w in pdf.get_warnings()):
                raise UnreadablePdf("PDF-en er skadet (kryssreferansetabellen er ødelagt). Be om en ny kopi av dokumentet.")
            pages = len(pdf.pages)
            if pages == 0 or pages > max_pages:
                raise UnreadablePdf(f"PDF-en har {pages} sider; {kind} kan ha 1–{max_pages}.")
            _screen_objects(pdf)
    except pikepdf.PasswordError as exc:
        raise UnreadablePdf("PDF-en er kryptert eller passordbeskyttet og kan ikke leses.") from exc
    except UnreadablePdf:
        raise
    except Exception as exc:  # qpdf raises many kinds for a broken file
        raise UnreadablePdf(f"PDF-en er skadet og kan ikke leses ({type(exc).__name__}).") from exc
    return pages


def _screen_objects(pdf: Any) -> None:
    """Every object once: actions that run code or programs, and what each Flate stream unpacks to (bounded)."""
    import pikepdf

    unpacked = 0
    for obj in pdf.objects:
        if not isinstance(obj, (pikepdf.Dictionary, pikepdf.Stream)):
            continue
        keys = set(obj.keys())
        if keys & ACTIVE_KEYS or obj.get("/S") in ACTIVE_ACTIONS:
            raise UnreadablePdf("PDF-en inneholder JavaScript eller handlinger som kjøres når den åpnes, "
                                "og tas ikke imot. Be om en ny kopi av dokumentet.")
        if isinstance(obj, pikepdf.Stream) and obj.get("/Filter") in (pikepdf.Name.FlateDecode, pikepdf.Array([pikepdf.Name.FlateDecode])):
            unpacked += _unpacked_size(obj.read_raw_bytes(), MAX_STREAM_BYTES - unpacked)
            if unpacked >= MAX_STREAM_BYTES:
                raise UnreadablePdf(f"PDF-en pakker seg ut til over {MAX_STREAM_BYTES // (1024 * 1024)} MB "
                                    "(en komprimeringsbombe?) og tas ikke imot.")


def _unpacked_size(raw: bytes, limit: int) -> int:
    """How many bytes ``raw`` inflates to, counting no further than ``limit`` (never holding more than a chunk)."""
    d = zlib.decompressobj()
    size, data = 0, raw
    try:
        while data and size < limit:
            size += len(d.decompress(data, 1024 * 1024))
            data = d.unconsumed_tail
    except zlib.error:
        return size
    return size


def _ocr_page(pdf: Path, page: int, tmp: Path) -> list[Word]:
    """One page read by tesseract (TSV with word confidences): words in points, unsure ones as :data:`UNSURE`,
    the skew taken out. Empty if the page cannot be drawn or read in time."""
    image = tmp / f"ocr-{page}"
    try:
        drawn = run_limited(["pdftoppm", "-r", str(OCR_DPI), "-gray", "-png", "-f", str(page), "-l", str(page),
                             "-singlefile", str(pdf), str(image)], TIMEOUT)
        if drawn.returncode != 0:
            return []
        done = run_limited(["tesseract", str(image) + ".png", "stdout", "-l", "nor", "--psm", "3", "tsv"], TIMEOUT)
    except subprocess.TimeoutExpired:
        return []
    if done.returncode != 0:
        return []
    scale = 72 / OCR_DPI
    words: list[Word] = []
    lines: dict[tuple[str, str, str], list[Word]] = {}
    for row in done.stdout.decode("utf-8", "replace").splitlines()[1:]:
        parts = row.split("\t")
        if len(parts) < 12 or parts[0] != "5" or not parts[11].strip():
            continue
        left, top, width, height = (float(x) * scale for x in parts[6:10])
        text = parts[11].strip() if float(parts[10]) >= MIN_CONFIDENCE else UNSURE
        word = (left, top, left + width, height, text)
        words.append(word)
        lines.setdefault((parts[2], parts[3], parts[4]), []).append(word)
    return _unskew(words, lines.values())


def _unskew(words: list[Word], lines) -> list[Word]:
    """The words turned back by the page's skew: the median slope of tesseract's lines of three words or more."""
    slopes = [(ws[-1][1] + ws[-1][3] - ws[0][1] - ws[0][3]) / (ws[-1][0] - ws[0][0])
              for ws in lines if len(ws) >= 3 and ws[-1][0] - ws[0][0] > 50]
    if not slopes:
        return words
    a = -math.atan(statistics.median(slopes))
    cos, sin = math.cos(a), math.sin(a)
    out = []
    for left, top, right, height, text in words:
        x, y = left * cos - (top + height) * sin, left * sin + (top + height) * cos
        out.append((x, y - height, x + right - left, height, text))
    return out


def _words(path: Path, first: int, last: int) -> dict[int, list[Word]]:
    """page → words as (left, top, right, height, text) of pages ``first``–``last``, from ``pdftotext -tsv``."""
    try:
        done = run_limited(["pdftotext", "-tsv", "-f", str(first), "-l", str(last), "-enc", "UTF-8", str(path), "-"],
                           TIMEOUT)
    except subprocess.TimeoutExpired as exc:
        raise UnreadablePdf("Det tok for lang tid å lese PDF-en.") from exc
    if done.returncode != 0:
        raise UnreadablePdf("PDF-en kan ikke leses (pdftotext feilet).")
    pages: dict[int, list[Word]] = {}
    for row in done.stdout.decode("utf-8", "replace").splitlines()[1:]:
        parts = row.split("\t")
        if len(parts) < 12 or parts[0] != "5" or not parts[11].strip():
            continue
        left, top, width, height = (float(x) for x in parts[6:10])
        text = parts[11].replace("\u00a0", " ").replace("\u202f", " ")
        pages.setdefault(int(parts[1]), []).append((left, top, left + width, height, text))
    return pages


def _lines(pages: dict[int, list[Word]]) -> list[Line]:
    """Words whose tops lie within half a word height make one line; lines numbered from 1 per page."""
    out: list[Line] = []
    for page in sorted(pages):
        rows: list[list[Word]] = []
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


def _cells(row: list[Word]) -> tuple[list[str], list[float]]:
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
