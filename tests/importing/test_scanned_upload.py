"""Issue 16, a scanned vedtak (no text layer): classed from its first page's OCR and read at upload — not left
«annet» until the jurist corrects the class — with each page OCR'd once. A real scan from the generator
(``nav_letters.scan``) and the real tesseract, counted through a wrapper on ``PATH``."""

from __future__ import annotations

import io
import os
import re
import shutil
import stat
import sys
from pathlib import Path

import pytest

EXTRACTION = str(Path(__file__).resolve().parents[1] / "extraction")
if EXTRACTION not in sys.path:  # the generator of Nav letters, by module name (never ``tests.…``)
    sys.path.insert(0, EXTRACTION)

pytestmark = pytest.mark.skipif(not shutil.which("tesseract"), reason="tesseract (tesseract-ocr-nor) not installed")


@pytest.fixture(scope="module")
def scanned():
    import nav_letters  # type: ignore[import-not-found]

    seed = next(s for s in range(100) if nav_letters.generate(s).style.scanned)
    return nav_letters.generate(seed)


@pytest.fixture
def tesseract_calls(tmp_path, monkeypatch) -> Path:
    """The real tesseract behind a wrapper that writes one line per run to the returned file."""
    log = tmp_path / "tesseract.log"
    wrapper = tmp_path / "bin" / "tesseract"
    wrapper.parent.mkdir()
    wrapper.write_text(f'#!/bin/sh\necho run >> "{log}"\nexec {shutil.which("tesseract")} "$@"\n')
    wrapper.chmod(wrapper.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", f"{wrapper.parent}{os.pathsep}{os.environ['PATH']}")
    return log


def test_a_scanned_vedtak_is_classed_and_read_at_upload_with_one_ocr_per_page(app, client_as, scanned,
                                                                             tesseract_calls):
    from sqlmodel import select

    from workbench.db.document_models import CaseDocument
    from workbench.db.session import session_for

    c = client_as("saksbehandler")
    r = c.post("/import/dokumenter", data={"documents": [(io.BytesIO(scanned.pdf), "skannet vedtak.pdf")]},
               content_type="multipart/form-data")
    assert r.status_code == 302, r.get_data(as_text=True)[:2000]
    with session_for(app) as s:
        doc = s.exec(select(CaseDocument)).one()
    assert doc.doc_class == "vedtak"
    assert doc.extracted and doc.extracted["decision"]["date"]["value"] == scanned.truth["decision"]["date"]
    assert tesseract_calls.read_text().count("run") == doc.pages  # page 1 for the class, read on from page 2
    html = c.get(r.headers["Location"]).get_data(as_text=True)
    assert re.search(r'id="f-decision-date-hint">dd\.mm\.åååå · .*Fra vedtaket, side \d, linje \d+', html)


def test_the_page_view_and_a_class_correction_of_a_scan_run_no_ocr(app, client_as, scanned, tesseract_calls):
    """What the reader found is kept at upload: the page view marks a line of the scan from it, and a class
    correction reads the document as its new class from it — neither runs tesseract again (up to 120 s each)."""
    c = client_as("saksbehandler")
    r = c.post("/import/dokumenter", data={"documents": [(io.BytesIO(scanned.pdf), "skannet vedtak.pdf")]},
               content_type="multipart/form-data")
    assert r.status_code == 302
    html = c.get(r.headers["Location"]).get_data(as_text=True)
    link = re.search(r'href="(/import/dokument/[0-9a-f]{32}/side/\d+\?linje=\d+)"', html)  # a field read from the scan
    assert link
    ran = tesseract_calls.read_text().count("run")

    view = c.get(link.group(1).replace("&amp;", "&"))
    assert view.status_code == 200 and 'id="line-mark"' in view.get_data(as_text=True)
    intake = r.headers["Location"].rstrip("/").rsplit("/", 1)[-1]
    doc_id = re.search(r'name="document" value="([0-9a-f]{32})"', html).group(1)
    changed = c.post(f"/import/dokumenter/{intake}/type", data={"document": doc_id, "doc_class": "klage"})
    assert changed.status_code == 302
    assert tesseract_calls.read_text().count("run") == ran
