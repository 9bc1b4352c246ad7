"""A structural PDF/A check (pikepdf) and text extraction (pypdf) for the finished letter.

Not a replacement for veraPDF (archive.md §6): it checks what can go wrong in *our* pipeline —
the XMP identification, the OutputIntent with its ICC profile, the trailer /ID, embedded fonts, and the
absence of JavaScript, encryption, external references, launch/URI actions and embedded files.
"""

from __future__ import annotations

import io
import re
import unicodedata
from typing import cast

import pikepdf

_BAD_ACTIONS = {"/JavaScript", "/Launch", "/URI", "/GoToR", "/GoToE", "/ImportData", "/SubmitForm",
                "/ResetForm", "/Rendition", "/Sound", "/Movie"}
_FONT_FILES = ("/FontFile", "/FontFile2", "/FontFile3")


def _font_problems(font: pikepdf.Dictionary, where: str) -> list[str]:
    subtype = str(font.get("/Subtype", ""))
    name = str(font.get("/BaseFont", "?"))
    if subtype == "/Type3":
        return []  # glyphs are content streams in the file itself
    if subtype == "/Type0":
        out = []
        for desc in font.get("/DescendantFonts", []):
            out += _font_problems(cast(pikepdf.Dictionary, desc), where)
        return out
    fd = font.get("/FontDescriptor")
    if fd is None or not any(k in fd for k in _FONT_FILES):
        return [f"font {name} ({where}) is not embedded"]
    return []


def check_pdfa(pdf_bytes: bytes, *, part: str = "2", conformance: str = "B") -> list[str]:
    """Problems found (empty list = passes the structural check)."""
    problems: list[str] = []
    try:
        pdf = pikepdf.open(io.BytesIO(pdf_bytes))
    except pikepdf.PasswordError:
        return ["the PDF is encrypted"]
    except Exception as exc:  # noqa: BLE001
        return [f"not a readable PDF: {exc}"]
    with pdf:
        if pdf.is_encrypted or "/Encrypt" in pdf.trailer:
            problems.append("the PDF is encrypted")
        meta = pdf.open_metadata()
        got_part = meta.get("pdfaid:part")
        got_conf = meta.get("pdfaid:conformance")
        if str(got_part) != part:
            problems.append(f"XMP pdfaid:part is {got_part!r}, expected {part!r}")
        if str(got_conf).upper() != conformance.upper():
            problems.append(f"XMP pdfaid:conformance is {got_conf!r}, expected {conformance!r}")
        root = pdf.Root
        intents = root.get("/OutputIntents")
        if not intents:
            problems.append("no OutputIntent")
        else:
            ok = any(
                str(oi.get("/S", "")) == "/GTS_PDFA1" and isinstance(oi.get("/DestOutputProfile"), pikepdf.Stream)
                for oi in intents
            )
            if not ok:
                problems.append("no GTS_PDFA1 OutputIntent with an embedded ICC profile")
        if "/ID" not in pdf.trailer:
            problems.append("no document identifier (/ID) in the trailer")
        names = root.get("/Names")
        if names is not None:
            if "/JavaScript" in names:
                problems.append("document-level JavaScript (/Names /JavaScript)")
            if "/EmbeddedFiles" in names:
                problems.append("embedded files (/Names /EmbeddedFiles)")
        if "/AF" in root:
            problems.append("associated files (/AF) in the catalog")
        if "/AA" in root:
            problems.append("additional actions (/AA) in the catalog")
        open_action = root.get("/OpenAction")
        if isinstance(open_action, pikepdf.Dictionary) and str(open_action.get("/S", "")) in _BAD_ACTIONS:
            problems.append(f"OpenAction {open_action.get('/S')}")
        seen_fonts: set = set()
        for obj in pdf.objects:
            if not isinstance(obj, (pikepdf.Dictionary, pikepdf.Stream)):
                continue
            d = obj if isinstance(obj, pikepdf.Dictionary) else obj.stream_dict
            typ = str(d.get("/Type", ""))
            s = d.get("/S")
            if s is not None and str(s) in _BAD_ACTIONS:
                problems.append(f"action {s} (object {obj.objgen})")
            if "/JS" in d:
                problems.append(f"JavaScript (/JS) in object {obj.objgen}")
            if typ == "/Filespec" or "/EF" in d:
                problems.append(f"file specification / embedded file (object {obj.objgen})")
            if isinstance(obj, pikepdf.Stream) and "/F" in d:
                problems.append(f"external stream (object {obj.objgen})")
            if typ == "/Font" and obj.objgen not in seen_fonts:
                seen_fonts.add(obj.objgen)
                problems += _font_problems(d, f"object {obj.objgen}")
        for i, page in enumerate(pdf.pages, 1):
            for annot in page.get("/Annots", []) or []:
                a = annot.get("/A")
                if isinstance(a, pikepdf.Dictionary) and str(a.get("/S", "")) in _BAD_ACTIONS:
                    problems.append(f"page {i}: link annotation with {a.get('/S')}")
    return list(dict.fromkeys(problems))


_WS = re.compile(r"\s+")


def normalise(text: str) -> str:
    """NFKC (NBSP, U+202F → space), whitespace collapsed, soft hyphens removed."""
    text = unicodedata.normalize("NFKC", text).replace("\u00ad", "")
    return _WS.sub(" ", text).strip()


def extract_text(pdf_bytes: bytes) -> str:
    """All page text (pypdf), NFKC-normalised, whitespace collapsed to single spaces."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf_bytes))
    return normalise("\n".join(page.extract_text() or "" for page in reader.pages))
