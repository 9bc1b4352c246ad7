"""HTML and PDF/A rendering of a ``Letter`` with WeasyPrint 70.

- One long-lived Jinja ``Environment`` (autoescape for every template, ``StrictUndefined``), one
  ``FontConfiguration`` and one parsed stylesheet, shared by every letter in the process.
- ``LetterAssetFetcher`` (a ``weasyprint.urls.URLFetcher``) serves only files whose real path lies
  inside ``workbench/letters/templates/`` (the template, its stylesheet and the
  bundled fonts) and has an asset suffix; everything else — http(s), other files
  (``file:///etc/passwd``), data: URLs — is refused and recorded.
"""

from __future__ import annotations

import atexit
import gc
import mimetypes
import os
import threading
from pathlib import Path
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from workbench.letters.model import Letter

#: The letter's template, stylesheet and bundled fonts (package data: pyproject.toml)
LETTERS_DIR = (Path(__file__).resolve().parent / "templates").resolve()
TEMPLATE = "letter.html.j2"
STYLESHEET = LETTERS_DIR / "letter.css"
PDF_VARIANT = "pdf/a-2b"
ASSET_SUFFIXES = frozenset({".css", ".ttf", ".otf", ".png", ".jpg", ".jpeg"})

_env: Environment | None = None
_weasy = None  # (FontConfiguration, CSS) once built
_lock = threading.Lock()
_render_lock = threading.Lock()
_asset_cache: dict[str, bytes] = {}


def environment() -> Environment:
    """The one Jinja environment: autoescape on for *every* template name, undefined is an error."""
    global _env
    if _env is None:
        _env = Environment(
            loader=FileSystemLoader(str(LETTERS_DIR)),
            autoescape=True,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            auto_reload=False,
        )
    return _env


def render_html(letter: Letter, *, stylesheet_href: str | None = None) -> str:
    """The letter as HTML. For a browser preview pass ``stylesheet_href`` (an app URL serving
    ``templates/letter.css``, with ``templates/fonts/`` next to it); the PDF path passes the stylesheet
    to WeasyPrint directly and leaves it out."""
    return environment().get_template(TEMPLATE).render(letter=letter, stylesheet_href=stylesheet_href)


def visible_text(html_text: str) -> str:
    """What a reader sees of a rendered letter, as one line of text: the body's text, tags dropped, entities
    read, whitespace folded (the gate's engine-word and spelling checks read this)."""
    import html as html_lib
    import re

    body = html_text.split("<body", 1)[-1].split(">", 1)[-1]
    return re.sub(r"\s+", " ", html_lib.unescape(re.sub(r"<[^>]+>", " ", body))).strip()


# ---------------------------------------------------------------------------------------------
# The URL fetcher
# ---------------------------------------------------------------------------------------------




class RefusedURL(ValueError):
    pass


def make_fetcher(root: Path = LETTERS_DIR):
    """A fetcher instance that serves assets inside ``root`` and records every attempt."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class LetterAssetFetcher(URLFetcher):
        def __init__(self) -> None:
            super().__init__(allowed_protocols={"file"}, allow_redirects=False, fail_on_errors=False, timeout=1)
            self.root = str(Path(root).resolve())
            self.served: list[str] = []
            self.refused: list[str] = []

        def resolve(self, url: str) -> str | None:
            """The real path of ``url`` if it is an asset inside root, else None."""
            parts = urlsplit(url)
            if parts.scheme.lower() != "file" or parts.netloc not in ("", "localhost"):
                return None
            real = os.path.realpath(url2pathname(unquote(parts.path)))
            if os.path.commonpath([real, self.root]) != self.root:
                return None
            if Path(real).suffix.lower() not in ASSET_SUFFIXES or not os.path.isfile(real):
                return None
            return real

        def fetch(self, url, headers=None):  # noqa: ARG002 - WeasyPrint 70 signature
            real = self.resolve(url)
            if real is None:
                if len(self.refused) < 1000:
                    self.refused.append(url[:500])
                raise RefusedURL(f"refused by the letter fetcher: {url[:200]}")
            self.served.append(real)
            body = _asset_cache.get(real)
            if body is None:
                with open(real, "rb") as fh:
                    body = fh.read()
                _asset_cache[real] = body
            mime = mimetypes.guess_type(real)[0] or "application/octet-stream"
            return URLFetcherResponse(Path(real).as_uri(), body, {"Content-Type": mime})

    return LetterAssetFetcher()


def _release_weasy() -> None:
    global _weasy
    _weasy = None
    gc.collect()


def _weasy_shared():
    """(FontConfiguration, CSS) built once per process; fonts are registered once."""
    global _weasy
    if _weasy is None:
        with _lock:
            if _weasy is None:
                from weasyprint import CSS
                from weasyprint.text.fonts import FontConfiguration

                font_config = FontConfiguration()
                css = CSS(filename=str(STYLESHEET), font_config=font_config, url_fetcher=make_fetcher())
                _weasy = (font_config, css)
                # Let go of the fonts while the interpreter is still whole: otherwise
                # FontConfiguration.__del__ runs during shutdown, after the pango bindings it
                # calls are gone, and prints a TypeError at every process exit.
                atexit.register(_release_weasy)
    return _weasy


def html_to_pdf(html: str, *, fetcher=None) -> bytes:
    """The bare WeasyPrint step: HTML string → PDF/A bytes with the shared fonts and stylesheet."""
    from weasyprint import HTML

    font_config, css = _weasy_shared()
    fetcher = fetcher if fetcher is not None else make_fetcher()
    document = HTML(string=html, base_url=LETTERS_DIR.as_uri() + "/", url_fetcher=fetcher)
    # one render at a time per process: the shared FontConfiguration (fontconfig/pango) is not
    # documented as thread-safe, and the GIL leaves little to gain from parallel renders in threads
    with _render_lock:
        return document.write_pdf(
            stylesheets=[css],
            font_config=font_config,
            pdf_variant=PDF_VARIANT,
            uncompressed_pdf=False,
        )


class PdfACheckError(RuntimeError):
    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("PDF/A check failed: " + "; ".join(problems))


def render_pdf(letter: Letter, *, fetcher=None, check: bool = True) -> bytes:
    """The letter as PDF/A-2b bytes (title, author and lang from the HTML).

    Generation fails (``PdfACheckError``) if the structural PDF/A check finds a problem (archive.md §6);
    the check costs a few milliseconds."""
    pdf = html_to_pdf(render_html(letter), fetcher=fetcher)
    if check:
        from workbench.letters.pdfa import check_pdfa

        problems = check_pdfa(pdf)
        if problems:
            raise PdfACheckError(problems)
    return pdf
