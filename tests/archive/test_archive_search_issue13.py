"""The archive searched as an arkivar and a jurist do (issue 13): by fødselsnummer (posted, audited
without the number), by Statsforvalteren's own reference (the letter's «Vår referanse», exact), by
name parts in any order (case and accents folded, æ/ø/å kept as letters); an invalid term answered at
its field, by its label; and «Arkiver» only after the user has confirmed it."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import event
from sqlmodel import select
from test_archive_search import finish
from vedtak_support import fresh

from workbench.db.appeal_models import Letter
from workbench.db.models import AuditEvent, Case
from workbench.services import archive_search
from workbench.services.archive_search import SearchQuery, fold

FNR_D06 = "11448940189"  # Marte Dummy Olsen (docs/cases/D06.json), a synthetic number
FNR_D08 = "19497932222"  # Kjell Testvik: his case is not finished


@pytest.fixture
def cases(db, import_case):
    """Three finished cases, one open; D01's claimant renamed «Randi Marie Lunde», and D02's letter
    carrying the reference as the jurist typed it (spaces around)."""
    d01 = import_case("D01.json")
    row = db.get(Case, d01.id)
    row.claimant_name = "Randi Marie Lunde"
    db.add(row)
    db.commit()
    d01 = finish(db, d01)
    d02 = import_case("D02.json")
    db.add(Letter(case_id=d02.id, our_reference=" 2026/17 ", status="ferdigstilt"))
    db.commit()
    d02 = finish(db, d02, status="arkivert")
    d06 = finish(db, import_case("D06.json"))
    return {"d01": fresh(db, d01), "d02": fresh(db, d02), "d06": d06, "open": import_case("D08.json")}


def _refs(page):
    return sorted(r.case.nav_reference for r in page.items)


def _urls(html: str) -> list[str]:
    return re.findall(r'(?:href|action)="([^"]*)"', html)


def test_one_folding_for_the_term_and_the_stored_name():
    assert fold("  Bélanger\tMÜLLER ") == "belanger muller"
    assert fold("ØDEGÅRD Ærlig") == "ødegård ærlig"
    assert fold("A\u030asen") == fold("Åsen") == "åsen"  # å typed as a + ring is still å
    assert fold("Ødegård") != fold("Odegard")  # ø and å are letters of their own, not accented o and a


@pytest.mark.parametrize("term,found", [
    ("Randi Lunde", True), ("lunde randi", True), ("ran lun", True), ("MARIE", True), ("RANDI  marie lunde", True),
    ("and und", False),  # a part is the start of a word, not any piece of it
    ("Randi Hansen", False), ("Randi Lunde Hansen", False), ("randilunde", False), ("%", False), ("*", False),
])
def test_name_parts_in_any_order(db, cases, term, found):
    assert (_refs(archive_search.search(db, SearchQuery(name=term))) == ["2023/1187"]) is found


def test_names_with_accents_and_norwegian_letters(db, import_case):
    case = import_case("D06.json")
    row = db.get(Case, case.id)
    row.claimant_name = "Anne Ødegård Bélanger"
    db.add(row)
    db.commit()
    finish(db, case)
    assert archive_search.search(db, SearchQuery(name="belanger ødegård")).total == 1
    assert archive_search.search(db, SearchQuery(name="BÉLANGER Ødeg")).total == 1
    assert archive_search.search(db, SearchQuery(name="odegard")).total == 0


def test_search_service_by_name_our_reference_and_fnr(db, cases):
    assert _refs(archive_search.search(db, SearchQuery(name="Randi Lunde"))) == ["2023/1187"]
    assert _refs(archive_search.search(db, SearchQuery(name="lunde RANDI"))) == ["2023/1187"]
    assert archive_search.search(db, SearchQuery(name="Randi Olsen")).total == 0
    # our reference: exact, trimmed on both sides; a part of it is not a match
    assert _refs(archive_search.search(db, SearchQuery(our_reference="2026/17"))) == ["2025/0412"]
    assert _refs(archive_search.search(db, SearchQuery(our_reference=" 2026/17  "))) == ["2025/0412"]
    assert archive_search.search(db, SearchQuery(our_reference="2026/1")).total == 0
    rows = archive_search.search(db, SearchQuery(fnr=FNR_D06))
    assert _refs(rows) == ["2025/5544"]
    assert archive_search.search(db, SearchQuery(fnr=FNR_D08)).total == 0  # not finished: not in the archive
    assert archive_search.search(db, SearchQuery(fnr=FNR_D06, name="Randi")).total == 0  # every term must match
    assert [r.our_reference for r in archive_search.search(db, SearchQuery(reference="0412"))] == ["2026/17"]


def test_search_reads_neither_the_pdf_nor_the_raw_import(db, cases):
    """A search reads the index and one page of cases: never a letter, a review or an import document."""
    statements: list[str] = []

    def seen(conn, cursor, statement, *args):
        statements.append(statement)

    engine = db.get_bind()
    event.listen(engine, "before_cursor_execute", seen)
    try:
        assert _refs(archive_search.search(db, SearchQuery(fnr=FNR_D06))) == ["2025/5544"]
        assert len(archive_search.search(db)) == 3
    finally:
        event.remove(engine, "before_cursor_execute", seen)
    selects = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
    assert [s for s in selects if "FROM archive_search" in s]
    for table in ("letters", "case_reviews", "imported_decisions", "evaluations"):
        assert not [s for s in selects if re.search(rf"\b{table}\b", s)], table


def test_search_by_fnr_is_posted_audited_without_the_number_and_not_logged(db, cases, client_as, caplog):
    arkivar = client_as("arkivar")
    caplog.set_level("DEBUG")
    r = arkivar.post("/arkivering/", data={"fnr": "114489 40189"})
    html = r.get_data(as_text=True)
    assert r.status_code == 200 and "Treff: 1" in html and "2025/5544" in html and "2023/1187" not in html
    assert not [u for u in _urls(html) if "11448940189" in u or "?" in u]
    assert FNR_D06 not in caplog.text
    events = db.exec(select(AuditEvent).where(AuditEvent.action == "archive.searched")).all()
    assert len(events) == 1 and events[0].case_id is None and events[0].user_id == arkivar.user.id
    assert events[0].detail == "terms=fnr hits=1"
    # a number in the URL is not read: every finished case is listed, and nothing is audited
    html = arkivar.get(f"/arkivering/?fnr={FNR_D06}").get_data(as_text=True)
    assert "2023/1187" in html and "2025/5544" in html
    assert len(db.exec(select(AuditEvent).where(AuditEvent.action == "archive.searched")).all()) == 1


def test_a_name_search_is_audited_too_but_a_reference_search_is_not(db, cases, client_as):
    leder = client_as("leder")
    assert "2023/1187" in leder.post("/arkivering/", data={"name": "lunde randi"}).get_data(as_text=True)
    html = leder.post("/arkivering/", data={"our_reference": "2026/17"}).get_data(as_text=True)
    assert "Treff: 1" in html and "2025/0412" in html and "2026/17" in html
    details = [e.detail for e in db.exec(select(AuditEvent).where(AuditEvent.action == "archive.searched"))]
    assert details == ["terms=name hits=1"]


@pytest.mark.parametrize("typed,message", [
    ("1234", "Skriv de 11 sifrene i fødselsnummeret eller D-nummeret."),
    ("12345678901", "Ikke gyldig – kontrollsifrene stemmer ikke (mod 11)."),
    ("1144894018x", "Skriv de 11 sifrene i fødselsnummeret eller D-nummeret."),
])
def test_an_invalid_fnr_is_named_at_its_field(db, cases, client_as, typed, message):
    r = client_as("arkivar").post("/arkivering/", data={"fnr": typed})
    html = r.get_data(as_text=True)
    assert r.status_code == 400
    assert f"Fødselsnummer: {message}" in html  # the error summary names the field by its label
    assert f'id="fnr-error">{message}' in html and 'aria-invalid="true"' in html
    assert f'value="{typed}"' in html  # what was typed stays in the field
    assert "Ingen ferdigstilte saker" not in html and "Treff" not in html
    assert not db.exec(select(AuditEvent).where(AuditEvent.action == "archive.searched")).all()


def test_an_invalid_date_is_a_400_with_the_error_at_the_field(db, cases, client_as):
    r = client_as("arkivar").post("/arkivering/", data={"date_from": "31.02.2025", "name": "Randi"})
    html = r.get_data(as_text=True)
    assert r.status_code == 400
    assert 'id="error-summary"' in html and "Søket ble ikke gjort – rett 1 feil" in html
    assert '<a href="#date_from">Vedtaksdato fra: Skriv en gyldig dato (dd.mm.åååå).</a>' in html
    assert 'id="date_from-error"' in html
    assert 'value="31.02.2025"' in html and 'value="Randi"' in html
    assert "Ingen ferdigstilte saker" not in html and "Ingen saker passer" not in html


def test_arkiver_asks_for_confirmation_first(db, finalised, client_as):
    case = finalised("D06")
    arkivar = client_as("arkivar")
    listing = arkivar.get("/arkivering/").get_data(as_text=True)
    confirm_url = f"/arkivering/{case.public_id}/arkiver"
    assert f'href="{confirm_url}"' in listing and "2026/4711" in listing  # a link to the confirmation step
    page = arkivar.get(confirm_url)
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and "Jeg bekrefter at saken skal arkiveres" in html and "2026/4711" in html
    assert fresh(db, case).status == "ferdigstilt"  # looking at the page changes nothing

    r = arkivar.post(confirm_url, data={"version": fresh(db, case).version})
    html = r.get_data(as_text=True)
    assert r.status_code == 400
    assert "Saken ble ikke arkivert – rett 1 feil" in html
    assert ("Jeg bekrefter at saken skal arkiveres: Kryss av for at du bekrefter at saken skal arkiveres."
            in html)
    assert 'id="confirm-error"' in html
    assert fresh(db, case).status == "ferdigstilt"
    assert not db.exec(select(AuditEvent).where(AuditEvent.action == "archive.archived")).all()

    r = arkivar.post(confirm_url, data={"version": fresh(db, case).version, "confirm": "y"})
    assert r.status_code == 302 and r.location == "/arkivering/"
    assert fresh(db, case).status == "arkivert"
    # an archived case has nothing left to confirm
    r = arkivar.get(confirm_url)
    assert r.status_code == 302 and r.location == "/arkivering/"


def test_our_reference_from_a_finalised_letter(db, finalised, client_as):
    """The reference the jurist typed on the letter page, through the real pipeline."""
    case = finalised("D06")
    html = client_as("leder").post("/arkivering/", data={"our_reference": "2026/4711"}).get_data(as_text=True)
    assert "Treff: 1" in html and case.nav_reference in html
    html = client_as("leder").post("/arkivering/", data={"our_reference": "4711"}).get_data(as_text=True)
    assert "Treff: 0" in html
