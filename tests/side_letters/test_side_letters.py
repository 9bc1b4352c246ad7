"""The side letters of an appeal case (issue 13): produced from the decision letter's pipeline (PDF/A,
bokmål/nynorsk), journalled in ``outgoing_letters``, and tracked.

- foreløpig svar and forsinkelsesmelding: forvaltningsloven § 11 a (an answer that takes time: why, and when
  it can be expected); a promised date that passes without a new letter makes the case overdue;
- the varsel before a change to the claimant's detriment: forvaltningsloven § 34 second paragraph (within
  three months of Nav receiving the appeal), only for a case the review finds til ugunst;
- the request to Nav for documents.
"""

from __future__ import annotations

import hashlib
import re
from datetime import date

import pytest
from sqlmodel import select

from workbench.db.models import AuditEvent, Case, CaseStatus
from workbench.db.side_letter_models import OutgoingLetter
from workbench.letters.pdfa import check_pdfa, extract_text

RECEIVED = date(2025, 12, 1)  # the day D10 reached Statsforvalteren (the worked cases carry none)
TODAY = "2026-01-10"  # inside D10's § 34 window: Nav received the appeal 13.11.2025, so notice by 13.02.2026
CLAIMANT = "Lars Testersen Dahl"  # D10's claimant


def _letters(db, case) -> list[OutgoingLetter]:
    db.expire_all()
    return list(db.exec(select(OutgoingLetter).where(OutgoingLetter.case_id == case.id).order_by(OutgoingLetter.id)))


def _summary(response) -> str:
    """The page's error summary (what the jurist is told), for an assertion's message."""
    body = response.get_data(as_text=True)
    return re.sub(r"<[^>]+>|\s+", " ", body.split('id="error-summary"', 1)[-1].split("</div>", 1)[0])


def _text(pdf: bytes) -> str:
    return re.sub(r"\s+", " ", extract_text(pdf))


@pytest.fixture
def d10(import_case, pin_today):
    pin_today(TODAY)
    return import_case("D10.json", received=RECEIVED)


# ---- foreløpig svar (fvl. § 11 a) ----------------------------------------------------------------------------

def test_a_forelopig_svar_is_made_journalled_and_sets_the_case_field(d10, client_as, post_letter, db):
    sb = client_as("saksbehandler")
    page = sb.get(f"/saker/{d10.public_id}/brev/forelopig-svar")
    assert page.status_code == 200
    # the default promise is the three-month target from the day the case came in
    assert 'value="01.03.2026"' in page.get_data(as_text=True)
    response = post_letter(sb, d10, "forelopig-svar", promised="01.03.2026",
                           reason="Vi har mange saker til behandling.")
    assert response.status_code == 302, _summary(response)

    [row] = _letters(db, d10)
    assert (row.kind, row.language, row.our_date, row.promised_date) == ("forelopig_svar", "nb", date(2026, 1, 10),
                                                                        date(2026, 3, 1))
    assert row.recipient == CLAIMANT and row.copy_to == "Nav Lillestrøm"
    assert row.created_by_id == sb.user.id
    assert row.pdf_sha256 == hashlib.sha256(row.pdf).hexdigest()
    assert check_pdfa(row.pdf) == []
    text = _text(row.pdf)
    assert "Foreløpig svar" in text
    assert "Vi regner med å avgjøre saken innen 1. mars 2026." in text  # «d. måned åååå»
    assert "Statsforvalteren mottok saken 1. desember 2025." in text
    assert "Vi har mange saker til behandling." in text
    assert "forvaltningsloven § 11 a" in text.replace("\u00a0", " ")
    assert "UTKAST" not in text
    assert db.get(Case, d10.id).forelopig_svar_sent == date(2026, 1, 10)  # the deadline display follows

    events = [e for e in db.exec(select(AuditEvent).where(AuditEvent.case_id == d10.id))
              if e.action.startswith(("side_letter.", "case.forelopig_svar"))]
    assert {e.action for e in events} == {"side_letter.forelopig_svar", "case.forelopig_svar"}
    assert all(CLAIMANT not in (e.detail or "") and "Lillestrøm" not in (e.detail or "") for e in events)

    # the list shows it; the download is the journalled bytes under a name without personal data
    listing = sb.get(f"/saker/{d10.public_id}/brev").get_data(as_text=True)
    assert "01.03.2026" in listing and "Foreløpig svar" in listing
    pdf = sb.get(f"/saker/{d10.public_id}/brev/journal/{row.id}.pdf")
    assert pdf.status_code == 200 and pdf.data == row.pdf
    disposition = pdf.headers["Content-Disposition"]
    assert "forelopig-svar" in disposition and "Dahl" not in disposition and "Lars" not in disposition

    # a second foreløpig svar is refused: the next letter is a forsinkelsesmelding
    again = post_letter(sb, d10, "forelopig-svar", promised="01.04.2026")
    assert again.status_code == 422
    assert "forsinkelsesmelding" in again.get_data(as_text=True)
    assert len(_letters(db, d10)) == 1


def test_the_preview_is_a_draft_and_journals_nothing(d10, client_as, post_letter, db):
    response = post_letter(client_as("leder"), d10, "forelopig-svar", preview=True, promised="01.03.2026")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    assert "UTKAST" in _text(response.data)
    assert "seksjonsleder" in _text(response.data)  # signed by the leder who made it, with no co-signer
    assert _letters(db, d10) == []
    assert db.get(Case, d10.id).forelopig_svar_sent is None


def test_no_forelopig_svar_without_a_received_date(import_case, pin_today, client_as, post_letter, db):
    pin_today(TODAY)
    case = import_case("D10.json", received=None)
    sb = client_as("saksbehandler")
    page = sb.get(f"/saker/{case.public_id}/brev/forelopig-svar").get_data(as_text=True)
    assert "Datoen saken kom inn til Statsforvalteren er ikke registrert" in page
    response = post_letter(sb, case, "forelopig-svar", promised="01.03.2026")
    assert response.status_code == 422
    assert "ikke registrert" in response.get_data(as_text=True)
    assert _letters(db, case) == []


def test_a_malformed_or_past_date_is_named_by_its_label(d10, client_as, post_letter, db):
    sb = client_as("saksbehandler")
    bad = post_letter(sb, d10, "forelopig-svar", promised="31.02.2026")
    assert bad.status_code == 400
    body = bad.get_data(as_text=True)
    assert "Vi regner med å avgjøre saken innen: Skriv en gyldig dato (dd.mm.åååå)." in body
    past = post_letter(sb, d10, "forelopig-svar", promised="09.01.2026")
    assert past.status_code == 422
    assert "Vi regner med å avgjøre saken innen: Datoen må være etter i dag." in past.get_data(as_text=True)
    assert _letters(db, d10) == []


# ---- forsinkelsesmelding and overdue ----------------------------------------------------------------------------

def test_a_forsinkelsesmelding_needs_a_date_after_the_old_promise(d10, client_as, post_letter, pin_today, db):
    sb = client_as("saksbehandler")
    none_yet = post_letter(sb, d10, "forsinkelsesmelding", promised="01.04.2026", reason="Vi venter på Nav.")
    assert none_yet.status_code == 422 and "Send et foreløpig svar først" in none_yet.get_data(as_text=True)
    assert post_letter(sb, d10, "forelopig-svar", promised="01.03.2026").status_code == 302

    pin_today("2026-02-20")
    same = post_letter(sb, d10, "forsinkelsesmelding", promised="01.03.2026", reason="Vi venter på Nav.")
    assert same.status_code == 422
    assert "Den nye datoen må være etter datoen klageren fikk sist, 01.03.2026." in same.get_data(as_text=True)
    no_reason = post_letter(sb, d10, "forsinkelsesmelding", promised="01.04.2026", reason=" ")
    assert no_reason.status_code == 422
    assert "Hvorfor saken tar lengre tid: Skriv hvorfor" in no_reason.get_data(as_text=True)

    ok = post_letter(sb, d10, "forsinkelsesmelding", promised="15.04.2026", reason="Vi venter på dokumenter fra Nav.")
    assert ok.status_code == 302
    row = _letters(db, d10)[-1]
    assert (row.kind, row.promised_date) == ("forsinkelsesmelding", date(2026, 4, 15))
    text = _text(row.pdf)
    assert check_pdfa(row.pdf) == []
    assert "Vi regner nå med å avgjøre den innen 15. april 2026." in text
    assert "brevet vårt datert 10. januar 2026" in text and "innen 1. mars 2026" in text
    assert "Vi venter på dokumenter fra Nav." in text


def test_overdue_when_the_promised_date_passes_without_a_new_letter(d10, client_as, post_letter, pin_today, db):
    from workbench.services import side_letters

    sb = client_as("saksbehandler")
    assert not side_letters.overdue(db, d10, date(2026, 6, 1))  # nothing promised, nothing overdue
    assert post_letter(sb, d10, "forelopig-svar", promised="01.03.2026").status_code == 302
    case = db.get(Case, d10.id)
    assert not side_letters.overdue(db, case, date(2026, 3, 1))  # the promised day itself is still kept
    assert side_letters.overdue(db, case, date(2026, 3, 2))
    assert side_letters.overdue_case_ids(db, date(2026, 3, 2)) == {case.id}
    assert side_letters.overdue_case_ids(db, date(2026, 3, 1)) == set()

    pin_today("2026-03-02")  # late, but a new date still ends it
    assert "Datoen er passert" in sb.get(f"/saker/{d10.public_id}/brev").get_data(as_text=True)
    assert post_letter(sb, d10, "forsinkelsesmelding", promised="01.05.2026", reason="Saken er omfattende.").status_code == 302
    db.expire_all()
    assert not side_letters.overdue(db, case, date(2026, 3, 2))
    assert side_letters.overdue(db, case, date(2026, 5, 2))
    # a decided case is not overdue, whatever was promised
    case.status = CaseStatus.FERDIGSTILT.value
    db.add(case)
    db.commit()
    assert not side_letters.overdue(db, case, date(2026, 5, 2))
    assert side_letters.overdue_case_ids(db, date(2026, 5, 2)) == set()


def test_a_newer_promise_in_another_case_does_not_hide_a_broken_one(d10, import_case, client_as, post_letter, db):
    """The queue's SQL asks «a newer promise in the same case»: a foreløpig svar sent later in another case, with
    a date still ahead, leaves this case's passed promise in «Over frist»."""
    from workbench.services import queues, side_letters

    sb = client_as("saksbehandler")
    other = import_case("D06.json", received=RECEIVED)
    assert post_letter(sb, d10, "forelopig-svar", promised="01.03.2026").status_code == 302
    assert post_letter(sb, other, "forelopig-svar", promised="01.05.2026").status_code == 302  # newer, ahead
    assert side_letters.overdue_case_ids(db, date(2026, 3, 2)) == {d10.id}
    over = {c.id for c in queues.cases_in(db, "over_frist", user_id=sb.user.id, today=date(2026, 3, 2))}
    assert d10.id in over


# ---- nynorsk ----------------------------------------------------------------------------------------------------

def test_a_nynorsk_case_gets_a_nynorsk_letter(d10, client_as, post_letter, db):
    from workbench.services import audit
    from workbench.services import cases as case_service

    case = db.get(Case, d10.id)
    case_service.set_language(db, case, "nn", expected_version=case.version, actor=audit.Actor.cli())
    sb = client_as("saksbehandler")
    assert post_letter(sb, d10, "forelopig-svar", promised="01.03.2026", reason="Mange saker.").status_code == 302
    [row] = _letters(db, d10)
    assert row.language == "nn"
    text = _text(row.pdf)
    assert check_pdfa(row.pdf) == []
    assert "Førebels svar" in text
    assert "Vi reknar med å avgjere saka innan 1. mars 2026." in text
    assert "Statsforvaltaren tok imot saka 1. desember 2025." in text
    assert "Med helsing" in text and "rådgjevar" in text
    assert "Vi regner med" not in text and "Med hilsen" not in text


# ---- request to Nav ------------------------------------------------------------------------------------------------

def test_a_request_to_nav_names_the_documents_and_the_reply_date(d10, client_as, post_letter, db):
    sb = client_as("saksbehandler")
    missing = post_letter(sb, d10, "dokumentanmodning", documents="\n \n", reply="24.01.2026")
    assert missing.status_code == 422
    assert "Dokumenter vi trenger: Skriv hvilke dokumenter" in missing.get_data(as_text=True)
    ok = post_letter(sb, d10, "dokumentanmodning", reply="24.01.2026",
                     documents="- Timelister for oktober 2025\n- Legeerklæring 08.10.2025")
    assert ok.status_code == 302
    [row] = _letters(db, d10)
    assert (row.kind, row.recipient, row.copy_to, row.reply_date) == (
        "dokumentanmodning", "Nav Lillestrøm", CLAIMANT, date(2026, 1, 24))
    text = _text(row.pdf)
    assert "Timelister for oktober 2025" in text and "Legeerklæring 08.10.2025" in text
    assert "innen 24. januar 2026" in text
    assert db.get(Case, d10.id).forelopig_svar_sent is None  # only the foreløpig svar sets it


# ---- the § 34 varsel ----------------------------------------------------------------------------------------------

def test_the_s34_varsel_within_its_window_and_refused_after_it(d10, client_as, post_letter, pin_today, db):
    sb = client_as("saksbehandler")
    assert "Varsel om endring til ugunst" in sb.get(f"/saker/{d10.public_id}/brev").get_data(as_text=True)
    no_reason = post_letter(sb, d10, "varsel-ugunst", reply="24.01.2026", reason="")
    assert no_reason.status_code == 422
    ok = post_letter(sb, d10, "varsel-ugunst", reply="24.01.2026",
                     reason="Stønaden er utbetalt med et for høyt beløp av offentlige midler.")
    assert ok.status_code == 302, _summary(ok)
    [row] = _letters(db, d10)
    assert (row.kind, row.recipient, row.copy_to) == ("varsel_ugunst", CLAIMANT, "Nav Lillestrøm")
    text = _text(row.pdf)
    assert check_pdfa(row.pdf) == []
    assert "Nav-kontoret mottok klagen 13. november 2025." in text
    assert "Send uttalelsen din innen 24. januar 2026" in text
    assert "forvaltningsloven § 34 andre ledd" in text.replace("\u00a0", " ")
    assert "Stønaden er utbetalt med et for høyt beløp av offentlige midler." in text
    # nothing meant for the jurist reaches the claimant
    for note in ("[frist]", "Registrer", "vurderingssiden", "UTKAST", "Skriv ut"):
        assert note not in text

    pin_today("2026-02-14")  # the day after the window closed
    late = post_letter(sb, d10, "varsel-ugunst", reply="28.02.2026", reason="Offentlige midler.")
    assert late.status_code == 422
    body = late.get_data(as_text=True)
    assert "gikk ut 13.02.2026" in body and "13.11.2025" in body
    assert len(_letters(db, d10)) == 1
    assert "gikk ut 13.02.2026" in sb.get(f"/saker/{d10.public_id}/brev/varsel-ugunst").get_data(as_text=True)


def test_no_s34_varsel_for_a_case_that_is_not_til_ugunst(import_case, pin_today, client_as, post_letter, db):
    pin_today("2025-12-01")
    case = import_case("D06.json", received=date(2025, 11, 20))  # til gunst
    sb = client_as("saksbehandler")
    assert "Varsel om endring til ugunst" not in sb.get(f"/saker/{case.public_id}/brev").get_data(as_text=True)
    response = post_letter(sb, case, "varsel-ugunst", reply="20.12.2025", reason="Offentlige midler.")
    assert response.status_code == 422
    assert "Beregningen gir ikke et lavere beløp" in response.get_data(as_text=True)
    assert _letters(db, case) == []


# ---- hostile text --------------------------------------------------------------------------------------------------

HOSTILE = ('<img src="http://127.0.0.1:9/x.png"><script>alert(1)</script>'
           '<link rel="stylesheet" href="file:///etc/passwd"> & «sitat»')


def test_hostile_text_is_printed_as_characters(d10, app, make_user, db):
    from workbench.letters.render import html_to_pdf, make_fetcher, render_html
    from workbench.services import side_letters

    request = side_letters.Request(kind="forelopig_svar", promised=date(2026, 3, 1), reason=HOSTILE)
    with app.app_context():  # the configured office's letterhead
        built = side_letters.build(db, db.get(Case, d10.id), request, today=date(2026, 1, 10),
                                   user=make_user("saksbehandler"), draft=True)
    html = render_html(built.letter)
    body = html.split("<body", 1)[1]
    assert "<script" not in body and "<img" not in body and "<link" not in body  # no element from the text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    fetcher = make_fetcher()
    pdf = html_to_pdf(html, fetcher=fetcher)
    assert fetcher.refused == []  # WeasyPrint was never asked to fetch what the text names
    assert check_pdfa(pdf) == []
    text = _text(pdf)
    assert "<script>alert(1)</script>" in text and 'src="http://127.0.0.1:9/x.png"' in text and "& «sitat»" in text


# ---- who may ----------------------------------------------------------------------------------------------------------

def test_who_may_see_make_and_download(d10, client_as, post_letter, db):
    sb = client_as("saksbehandler")
    assert post_letter(sb, d10, "forelopig-svar", promised="01.03.2026").status_code == 302
    [row] = _letters(db, d10)
    pages = (f"/saker/{d10.public_id}/brev", f"/saker/{d10.public_id}/brev/journal/{row.id}.pdf")

    admin = client_as("admin")
    for path in pages:
        assert admin.get(path).status_code == 403
    assert post_letter(admin, d10, "forsinkelsesmelding", promised="01.04.2026", reason="x").status_code == 403

    arkivar = client_as("arkivar")
    for path in pages:  # the case is not decided: the arkivar sees nothing of it
        assert arkivar.get(path).status_code == 403
    assert post_letter(arkivar, d10, "forsinkelsesmelding", promised="01.04.2026", reason="x").status_code == 403
    assert arkivar.get(f"/saker/{d10.public_id}/brev/forsinkelsesmelding").status_code == 403

    case = db.get(Case, d10.id)
    case.status = CaseStatus.FERDIGSTILT.value
    db.add(case)
    db.commit()
    listing = arkivar.get(pages[0])
    assert listing.status_code == 200 and "Lag et nytt brev" not in listing.get_data(as_text=True)
    assert arkivar.get(pages[1]).data == row.pdf
    # a decided case takes no new letter, even from a case worker
    refused = post_letter(sb, d10, "forsinkelsesmelding", promised="01.04.2026", reason="x")
    assert refused.status_code == 422 and len(_letters(db, d10)) == 1

    # another case's letter is not found through this case
    other = client_as("saksbehandler")
    assert other.get(f"/saker/{d10.public_id}/brev/journal/{row.id + 1000}.pdf").status_code == 404
    assert other.get(f"/saker/{d10.public_id}/brev/ukjent-brev").status_code == 404
