"""Issue 16, the papers as input: upload Nav's PDFs, the hand-entry form prefilled with what the reader found
(page and line beside each field), nothing imported before the jurist confirms, the documents kept with the case
and where each field came from shown on the case page. Real letters from the generator (``nav_letters``)."""

from __future__ import annotations

import io
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

EXTRACTION = str(Path(__file__).resolve().parents[1] / "extraction")
if EXTRACTION not in sys.path:  # the generator of Nav letters, by module name (never ``tests.…``)
    sys.path.insert(0, EXTRACTION)

SEED = 1  # a «stans» letter of two pages (the appeal on page 2), fødselsnummer and payments found


@pytest.fixture(scope="module")
def letter() -> tuple[bytes, dict]:
    import nav_letters  # type: ignore[import-not-found]

    return nav_letters.render_letter(SEED)


class _Form(HTMLParser):
    """The fields of the page's import form (``form.doc-form``) as a browser would post them."""

    def __init__(self) -> None:
        super().__init__()
        self.inside = False
        self.fields: dict[str, str] = {}
        self._select: str | None = None
        self._textarea: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.inside = "doc-form" in (a.get("class") or "")
        if not self.inside:
            return
        if tag == "input" and a.get("name") and a.get("type") not in ("checkbox", "file", "submit"):
            self.fields[a["name"]] = a.get("value") or ""
        elif tag == "select" and a.get("name"):
            self._select = a["name"]
            self.fields.setdefault(a["name"], "")
        elif tag == "option" and self._select and "selected" in a:
            self.fields[self._select] = a.get("value") or ""
        elif tag == "textarea" and a.get("name"):
            self._textarea = a["name"]
            self.fields[a["name"]] = ""

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None
        elif tag == "form":
            self.inside = False

    def handle_data(self, data):
        if self._textarea:
            self.fields[self._textarea] += data


def form_fields(html: str) -> dict[str, str]:
    parser = _Form()
    parser.feed(html)
    return {k: v for k, v in parser.fields.items() if "ROWINDEX" not in k and "SUBINDEX" not in k}


def upload(client, *files: tuple[bytes, str]):
    return client.post("/import/dokumenter", data={"documents": [(io.BytesIO(b), n) for b, n in files]},
                       content_type="multipart/form-data")


def stored(app) -> dict[str, int]:
    from sqlmodel import func, select

    from workbench.db.document_models import CaseDocument
    from workbench.db.models import Case
    from workbench.db.session import session_for

    with session_for(app) as s:
        return {"documents": s.exec(select(func.count()).select_from(CaseDocument)).one(),
                "cases": s.exec(select(func.count()).select_from(Case)).one()}


def test_upload_prefills_the_form_with_page_and_line_and_imports_only_when_confirmed(app, client_as, letter,
                                                                                     serve_embete):
    from workbench.db.session import session_for
    from workbench.services import case_documents

    pdf, truth = letter
    serve_embete(truth)
    c = client_as("saksbehandler")

    r = upload(c, (pdf, "Vedtak om stans.pdf"), (b"%PDF-" + pdf[5:], "../../klage\x00.pdf"))
    assert r.status_code == 302, r.get_data(as_text=True)[:2000]
    page = c.get(r.headers["Location"])
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    # the decision's facts in the form, each with where it was read; unfound fields marked
    fields = form_fields(html)
    assert fields["nav_office.name"] == "Nav Tromsø"
    assert fields["decision.date"] == "18.09.2025"
    assert fields["payments[0].gross"] == "5594,48"
    assert re.search(r'id="f-nav-office-name-hint">.*Fra vedtaket, side 1, linje 1', html)
    assert re.search(r'id="f-decision-date-hint">dd\.mm\.åååå · .*Fra vedtaket, side \d, linje \d+', html)
    assert re.search(r'id="f-appeal-received-hint">.*Ikke funnet – fyll inn', html)
    assert "Vedtak om stans.pdf" in html and "klage.pdf" in html  # the names as stored: sanitised

    # the highlighted page: the PNG rendered by the server, the line as a box over it
    link = re.search(r'href="(/import/dokument/[0-9a-f]{32}/side/1\?linje=1)"', html)
    assert link
    view = c.get(link.group(1).replace("&amp;", "&"))
    assert view.status_code == 200 and 'id="line-mark"' in view.get_data(as_text=True)
    png = c.get(re.search(r'href="(/import/dokument/[0-9a-f]{32}/side/1\.png)"', view.get_data(as_text=True)).group(1))
    assert png.status_code == 200 and png.data[:8] == b"\x89PNG\r\n\x1a\n"

    # the jurist corrects one field and types one the reader did not find
    fields["participant.address.street"] = "Storgata 1"
    fields["appeal.received"] = "29.09.2025"
    fields["appeal.by"] = "part"
    fields["appeal.statsforvalteren_received"] = "10.10.2025"
    form_url = r.headers["Location"]

    refused = c.post(form_url, data=fields)  # without «Jeg har kontrollert …»
    text = refused.get_data(as_text=True)
    assert refused.status_code == 422
    assert re.search(r'id="f-confirmed">\s*<p class="error-message" id="confirmed-error">Kontroller hvert felt', text)
    assert stored(app)["cases"] == 0

    done = c.post(form_url, data={**fields, "confirmed": "ja"})
    assert done.status_code == 302, done.get_data(as_text=True)[:3000]
    case_url = done.headers["Location"]
    with session_for(app) as s:
        from workbench.services import cases as case_service

        case = case_service.get_case(s, case_url.rstrip("/").rsplit("/", 1)[-1])
        docs = case_documents.documents_for_case(s, case.id)
        fields_stored = case_documents.provenance_for_case(s, case.id).fields
    assert [(d.filename, d.doc_class) for d in docs] == [("Vedtak om stans.pdf", "vedtak"), ("klage.pdf", "vedtak")]
    assert fields_stored["nav_office.name"]["source"] == "extracted"
    assert fields_stored["nav_office.name"]["document"] == docs[0].public_id
    assert (fields_stored["nav_office.name"]["page"], fields_stored["nav_office.name"]["line"]) == (1, 1)
    assert fields_stored["payments[0].gross"]["source"] == "extracted"
    assert fields_stored["participant.address.street"] == {
        "source": "corrected", "document": docs[0].public_id, "page": 1, "line": 5, "extracted": "Skolegata 49"}
    assert fields_stored["appeal.received"] == {"source": "typed"}

    # the case page: the documents, and where the facts came from
    show = c.get(case_url).get_data(as_text=True)
    assert "Dokumenter i saken" in show and "Vedtak om stans.pdf" in show
    assert "Hvor opplysningene kommer fra" in show
    assert re.search(r'data-path="participant.address.street" data-source="corrected">.*?Rettet av saksbehandler.*?«Skolegata 49»',
                     show, re.S)
    assert re.search(r'data-path="appeal.received" data-source="typed">.*?Skrevet inn av saksbehandler', show, re.S)
    assert re.search(r'data-path="nav_office.name" data-source="extracted">.*?side 1, linje 1', show, re.S)

    # the upload is spent: a second submit imports nothing more
    again = c.post(form_url, data={**fields, "confirmed": "ja"})
    assert again.status_code == 404 and stored(app)["cases"] == 1


def test_the_class_can_be_corrected(app, client_as, letter):
    c = client_as("saksbehandler")
    r = upload(c, (letter[0], "brev.pdf"))
    url = r.headers["Location"]
    intake = url.rstrip("/").rsplit("/", 1)[-1]
    doc_id = re.search(r'name="document" value="([0-9a-f]{32})"', c.get(url).get_data(as_text=True)).group(1)
    changed = c.post(f"/import/dokumenter/{intake}/type", data={"document": doc_id, "doc_class": "klage"})
    assert changed.status_code == 302
    html = c.get(url).get_data(as_text=True)
    assert "Ingen av dokumentene er gjenkjent som vedtaket" in html
    assert 'value="klage" selected' in html
    assert form_fields(html)["nav_office.name"] == ""  # no vedtak: nothing prefilled


@pytest.mark.parametrize(("data", "name", "message"), [
    (b"<html>not a pdf</html>", "vedtak.pdf", "filen er ikke en PDF"),
    (b"%PDF-1.4\n" + b"0" * (10 * 1024 * 1024), "stor.pdf", "filen er for stor"),
    (b"%PDF-1.4\n%broken", "skadet.pdf", "PDF-en er skadet"),
])
def test_hostile_or_too_large_files_are_refused_at_the_field_and_nothing_is_stored(app, client_as, letter, data, name,
                                                                                  message):
    c = client_as("saksbehandler")
    r = upload(c, (letter[0], "vedtak.pdf"), (data, name))  # one good file with it: still nothing stored
    html = r.get_data(as_text=True)
    assert r.status_code == 422
    assert re.search(rf'<p class="error-message" id="documents-error" role="alert">{re.escape(name)}: {message}', html)
    assert 'aria-invalid="true"' in html
    assert stored(app) == {"documents": 0, "cases": 0}


def test_nothing_chosen_is_refused_at_the_field(app, client_as):
    r = client_as("saksbehandler").post("/import/dokumenter", data={}, content_type="multipart/form-data")
    assert r.status_code == 422 and "Velg minst én PDF." in r.get_data(as_text=True)


def test_a_document_downloads_for_a_saksbehandler_by_opaque_id_and_not_for_admin(app, client_as, make_user, login,
                                                                                letter, serve_embete):
    pdf, truth = letter
    serve_embete(truth)
    owner = client_as("saksbehandler")
    url = upload(owner, (pdf, "vedtak.pdf")).headers["Location"]
    doc_id = re.search(r'/import/dokument/([0-9a-f]{32})"', owner.get(url).get_data(as_text=True)).group(1)

    # before the case exists, only the jurist who uploaded it sees it
    other = client_as("saksbehandler")
    assert other.get(f"/import/dokument/{doc_id}").status_code == 404
    assert other.get(url).status_code == 404

    got = owner.get(f"/import/dokument/{doc_id}")
    assert got.status_code == 200 and got.data == pdf
    assert got.headers["Content-Type"] == "application/pdf"
    assert "attachment" in got.headers["Content-Disposition"] and got.headers["Cache-Control"] == "no-store"
    assert client_as("admin").get(f"/import/dokument/{doc_id}").status_code == 403

    from workbench.db.models import AuditEvent
    from workbench.db.session import session_for
    from sqlmodel import select

    with session_for(app) as s:
        reads = [e.detail for e in s.exec(select(AuditEvent).where(AuditEvent.action == "document.read"))]
    assert reads == [f"document={doc_id} download"]
