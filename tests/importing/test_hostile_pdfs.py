"""Hostile PDFs (issue 16, acceptance): encrypted, a broken cross-reference table, thousands of pages, a
compression bomb, JavaScript run on opening, a non-PDF renamed .pdf. Each, through the upload form and through
``workbench extract``, gives a clear Norwegian message naming the file, in bounded time (the command runs under a
timeout) and memory (under an address-space limit), and stores nothing. The files are built here with pikepdf."""

from __future__ import annotations

import io
import re
import resource
import subprocess
import sys
import zlib
from collections.abc import Callable
from pathlib import Path

import pikepdf
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))  # this folder's helpers by module name (never ``tests.…``)
from test_import_papers import SEED, stored, upload  # type: ignore[import-not-found]  # noqa: E402

WORKBENCH = Path(sys.executable).parent / "workbench"
MEMORY = 2 * 1024 * 1024 * 1024  # address space for the whole command: far below what a bomb unpacks to


def _blank(pages: int = 1) -> pikepdf.Pdf:
    pdf = pikepdf.new()
    for _ in range(pages):
        pdf.add_blank_page()
    return pdf


def _save(pdf: pikepdf.Pdf, **options) -> bytes:
    out = io.BytesIO()
    pdf.save(out, **options)
    return out.getvalue()


def encrypted() -> bytes:
    return _save(_blank(), encryption=pikepdf.Encryption(owner="eier", user="bruker"))


def broken_xref() -> bytes:
    data = _save(_blank())
    cut = data.rindex(b"xref")
    return data[:cut] + b"xref\n0 9\nikke en tabell\ntrailer\n<<>>\nstartxref\n999999\n%%EOF\n"


def thousands_of_pages() -> bytes:
    return _save(_blank(5000))


def compression_bomb() -> bytes:
    """A page whose content unpacks from ≈ 200 kB to 300 MB."""
    pdf = _blank()
    packed = zlib.compressobj(9)
    chunk = b"0" * (1024 * 1024)
    raw = b"".join(packed.compress(chunk) for _ in range(300)) + packed.flush()
    content = pikepdf.Stream(pdf, raw)
    content["/Filter"] = pikepdf.Name.FlateDecode
    pdf.pages[0].obj["/Contents"] = pdf.make_indirect(content)
    return _save(pdf, compress_streams=False, stream_decode_level=pikepdf.StreamDecodeLevel.none)


def javascript() -> bytes:
    pdf = _blank()
    pdf.Root["/OpenAction"] = pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS=pikepdf.String("app.alert('hei')"))
    return _save(pdf)


def renamed() -> bytes:
    return b"PK\x03\x04" + b"\x00" * 200  # a ZIP file named .pdf


HOSTILE: list[tuple[str, Callable[[], bytes], str]] = [
    ("kryptert.pdf", encrypted, "PDF-en er kryptert eller passordbeskyttet"),
    ("skadet-xref.pdf", broken_xref, "PDF-en er skadet (kryssreferansetabellen er ødelagt)"),
    ("tusenvis.pdf", thousands_of_pages, "PDF-en har 5000 sider"),
    ("bombe.pdf", compression_bomb, "PDF-en pakker seg ut til over 200 MB"),
    ("skript.pdf", javascript, "PDF-en inneholder JavaScript eller handlinger som kjøres når den åpnes"),
    ("arkiv.pdf", renamed, "filen er ikke en PDF"),
]


@pytest.fixture(scope="module")
def letter() -> bytes:
    import nav_letters  # type: ignore[import-not-found]  # on sys.path through test_import_papers

    return bytes(nav_letters.render_letter(SEED)[0])


@pytest.mark.parametrize(("name", "build", "message"), HOSTILE, ids=[h[0] for h in HOSTILE])
def test_the_upload_refuses_it_naming_the_file_and_stores_nothing(app, client_as, letter, name, build, message):
    c = client_as("saksbehandler")
    before = stored(app)
    r = upload(c, (letter, "vedtak.pdf"), (build(), name))  # a good file with it: still nothing stored
    html = r.get_data(as_text=True)
    assert r.status_code == 422
    assert re.search(rf'id="documents-error" role="alert">{re.escape(name)}: {re.escape(message)}', html, re.IGNORECASE)
    assert stored(app) == before == {"documents": 0, "cases": 0}


def test_the_page_limit_names_the_kind_of_document(app, client_as, letter):
    """Any document of the oversendelse is held to the upload's limit, and the message says so — not «et vedtak»,
    which is the limit of ``workbench extract`` reading a decision letter."""
    from workbench.extract.papers import MAX_PAGES
    from workbench.extract.reader import MAX_PAGES as LETTER_PAGES
    from workbench.extract.reader import UnreadablePdf, check_pdf

    html = upload(client_as("saksbehandler"), (letter, "vedtak.pdf"), (thousands_of_pages(), "vedlegg.pdf")).get_data(as_text=True)
    assert f"vedlegg.pdf: PDF-en har 5000 sider; et dokument i oversendelsen kan ha 1–{MAX_PAGES}." in html
    with pytest.raises(UnreadablePdf, match=f"PDF-en har 5000 sider; et vedtak kan ha 1–{LETTER_PAGES}."):
        check_pdf(thousands_of_pages())


def _limit() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


@pytest.mark.parametrize(("name", "build", "message"), HOSTILE, ids=[h[0] for h in HOSTILE])
def test_workbench_extract_refuses_it_naming_the_file(tmp_path, name, build, message):
    path = tmp_path / name
    path.write_bytes(build())
    done = subprocess.run([str(WORKBENCH), "extract", str(path), "--json"], capture_output=True, text=True,
                          timeout=60, preexec_fn=_limit)
    assert done.returncode == 2, done.stderr
    assert done.stdout == ""
    assert done.stderr.startswith(f"{path}: ") and message.lower() in done.stderr.lower()
