"""The PDFs of an oversendelse as the intake sees them (issue 16): the checks an upload passes before anything is
stored, the class of a document from its title words, and one page as a PNG with where a line stands on it.

Pure: no app, no database. Every outside program (poppler's ``pdftotext``/``pdftoppm``) runs as a subprocess
with a time and memory limit (``reader.run_limited``), on a file that has passed :func:`check_upload`.
"""

from __future__ import annotations

import io
import re
import subprocess
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from workbench.extract.reader import Document, UnreadablePdf, check_pdf, read_pdf, run_limited

MAX_FILE_BYTES = 10 * 1024 * 1024  # one document of the oversendelse
MAX_FILES = 8
MAX_PAGES = 50
TIMEOUT = 30
PAGE_PIXELS = 1400  # the longer side of a rendered page
TITLE_LINES = 15  # the top of the first page, where a letter says what it is

_OVERSENDELSE = re.compile(r"\boversend(?:else|ing|t)\b|\boversending av klage", re.IGNORECASE)
_KLAGE = re.compile(r"^\s*klage\b", re.IGNORECASE)
_VEDTAK = re.compile(r"\bvedtak\b", re.IGNORECASE)


def check_upload(filename: str, data: bytes) -> int:
    """The number of pages of an uploaded document; ``UnreadablePdf`` with a message for the jurist for anything
    that is too large, not a PDF, encrypted, broken or too long."""
    if len(data) > MAX_FILE_BYTES:
        raise UnreadablePdf(f"{filename}: filen er for stor (over {MAX_FILE_BYTES // (1024 * 1024)} MB).")
    if not data.lstrip()[:5] == b"%PDF-":
        raise UnreadablePdf(f"{filename}: filen er ikke en PDF.")
    try:
        return check_pdf(data, max_pages=MAX_PAGES, kind="et dokument i oversendelsen")
    except UnreadablePdf as exc:
        raise UnreadablePdf(f"{filename}: {exc}") from None


def safe_filename(name: str | None) -> str:
    """The uploaded file's name as it may be shown and offered for download: the last path part, letters
    (Norwegian ones too), digits and ``._-()`` and spaces only, at most 120 characters, ending in ``.pdf``."""
    base = unicodedata.normalize("NFC", (name or "").replace("\\", "/").rsplit("/", 1)[-1])
    cleaned = re.sub(r"[^\w.() -]+", "_", base, flags=re.UNICODE)
    cleaned = re.sub(r"\s+", " ", cleaned).strip(" ._") or "dokument"
    stem = cleaned[:-4] if cleaned.lower().endswith(".pdf") else cleaned
    return stem[:116].rstrip(" ._") + ".pdf"


def first_page_text(data: bytes) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "in.pdf"
        path.write_bytes(data)
        try:
            done = run_limited(["pdftotext", "-f", "1", "-l", "1", "-enc", "UTF-8", str(path), "-"], TIMEOUT)
        except subprocess.TimeoutExpired:
            return ""
    return done.stdout.decode("utf-8", "replace") if done.returncode == 0 else ""


def classify(data: bytes) -> tuple[str, Document | None]:
    """vedtak | klage | oversendelsesbrev | annet (:func:`class_of`), from the first page's text layer; and, for a
    first page without one (a scan), the reader's OCR of that page alone (``read_pdf(upto=1)``: the reader's time
    and memory limits), so a scanned vedtak or klage is classed — and read — at upload rather than only once the
    jurist corrects its class. That read is returned (else None) for the extraction to go on from: one OCR per page."""
    text = first_page_text(data)
    if text.strip():
        return class_of(text.splitlines()), None
    try:
        first = read_pdf(data, upto=1)
    except UnreadablePdf:
        return "annet", None
    return class_of([" ".join(line.cells) for line in first.lines if line.page == 1]), first


def class_of(lines: list[str]) -> str:
    """The class from the title words at the top of the first page: a letter about sending the case over names
    the oversendelse; an appeal starts with «Klage»; a decision says «vedtak»; a page that says none of these (or
    nothing readable) is «annet» and the jurist sets the class."""
    top = [line.strip() for line in lines if line.strip()][:TITLE_LINES]
    if any(_OVERSENDELSE.search(line) for line in top):
        return "oversendelsesbrev"
    if any(_KLAGE.match(line) for line in top):
        return "klage"
    if any(_VEDTAK.search(line) for line in top):
        return "vedtak"
    return "annet"


def page_png(data: bytes, page: int) -> bytes:
    """Page ``page`` (from 1) as a PNG, its longer side :data:`PAGE_PIXELS`; ``UnreadablePdf`` if it cannot
    be drawn."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "in.pdf"
        path.write_bytes(data)
        try:
            done = run_limited(["pdftoppm", "-png", "-f", str(page), "-l", str(page), "-singlefile",
                                "-scale-to", str(PAGE_PIXELS), str(path), str(Path(tmp) / "page")], TIMEOUT)
        except subprocess.TimeoutExpired as exc:
            raise UnreadablePdf("Det tok for lang tid å tegne siden.") from exc
        out = Path(tmp) / "page.png"
        if done.returncode != 0 or not out.exists():
            raise UnreadablePdf("Siden kan ikke vises.")
        return out.read_bytes()


@dataclass(frozen=True)
class PageBox:
    """A page's size and, when asked and found, where one line stands on it (all in points, top-left origin)."""

    width: float
    height: float
    line_top: float | None = None
    line_height: float | None = None


def page_box(data: bytes, page: int, line: int | None = None, reading: Document | None = None) -> PageBox:
    """The size of page ``page`` and the box of line ``line`` as the reader numbers lines
    (``workbench.extract.reader``: the numbers an extraction's leaves carry), from ``reading`` — the read kept
    at upload — when it covers the page. Viewing a page never runs OCR (up to ``reader.OCR_BUDGET`` seconds):
    without a kept read only the text layer is read, and a line on a scanned page is then not marked."""
    from pypdf import PdfReader

    box = PdfReader(io.BytesIO(data)).pages[page - 1].mediabox
    width, height = float(box.width), float(box.height)
    if line is None:
        return PageBox(width, height)
    lines = reading.lines if reading and reading.read_to >= page else read_pdf(data, ocr=False).lines
    found = next((x for x in lines if x.page == page and x.number == line), None)
    if found is None:
        return PageBox(width, height)
    return PageBox(width, height, found.top, found.height)
