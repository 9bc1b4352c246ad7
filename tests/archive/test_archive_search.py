"""Search the archive: by Nav reference, office, claimant name (any case, ÆØÅ included), decision
dates and outcome; on SQLite and PostgreSQL alike (the words folded by the project, matched by the database's
full-text index). Only ferdigstilt/arkivert cases are found, and search terms travel by POST: never in a URL."""

from __future__ import annotations

from datetime import date

import pytest
from vedtak_support import fresh, record_review

from workbench.db.models import Case
from workbench.services import archive_search
from workbench.services.archive_search import SearchQuery


def finish(db, case, status="ferdigstilt", outcome="suggested"):
    """A finished case for searching, indexed as finalisation indexes it (the letter is not needed to search;
    see the export tests and test_our_reference_from_a_finalised_letter for the real pipeline)."""
    record_review(db, case, today=date.today(), outcome=outcome)
    row = db.get(Case, case.id)
    row.status = status
    db.add(row)
    archive_search.put(db, row)
    db.commit()
    return fresh(db, case)


@pytest.fixture
def cases(db, import_case):
    d01 = finish(db, import_case("D01.json"), outcome="avvise")          # Tor Prøvesen Aas, Nav Molde
    d02 = finish(db, import_case("D02.json"), status="arkivert", outcome="stadfeste")  # Nav Tromsø
    d06 = finish(db, import_case("D06.json"), outcome="omgjore")         # Marte Dummy Olsen, Kristiansand
    open_case = import_case("D08.json")                                   # Kjell Testvik: not finished
    return {"d01": d01, "d02": d02, "d06": d06, "open": open_case}


def _refs(page):
    return sorted(r.case.nav_reference for r in page.items)


def test_search_in_the_service(db, cases):
    assert _refs(archive_search.search(db)) == ["2023/1187", "2025/0412", "2025/5544"]
    assert _refs(archive_search.search(db, SearchQuery(reference="5544"))) == ["2025/5544"]
    assert _refs(archive_search.search(db, SearchQuery(office="kristiansand"))) == ["2025/5544"]
    assert _refs(archive_search.search(db, SearchQuery(office="TROMSØ"))) == ["2025/0412"]
    assert _refs(archive_search.search(db, SearchQuery(name="prøvesen"))) == ["2023/1187"]
    assert _refs(archive_search.search(db, SearchQuery(name="PRØVESEN  aas"))) == ["2023/1187"]
    assert _refs(archive_search.search(db, SearchQuery(name="marte dummy"))) == ["2025/5544"]
    assert archive_search.search(db, SearchQuery(name="Kjell")).total == 0  # not finished: not in the archive
    assert archive_search.search(db, SearchQuery(name="%")).total == 0  # no wildcards
    assert _refs(archive_search.search(db, SearchQuery(outcome="stadfeste"))) == ["2025/0412"]
    assert _refs(archive_search.search(db, SearchQuery(date_from=date(2025, 4, 3),
                                                        date_to=date(2025, 10, 23)))) == ["2025/0412", "2025/5544"]
    assert _refs(archive_search.search(db, SearchQuery(date_to=date(2024, 1, 1)))) == ["2023/1187"]
    rows = archive_search.search(db, SearchQuery(reference="0412"))
    assert rows[0].status_label == "Arkivert" and rows[0].outcome_label == "Stadfestet"


def test_search_page_posts_and_never_puts_the_name_in_a_url(db, cases, client_as):
    arkivar = client_as("arkivar")
    page = arkivar.get("/arkivering/").get_data(as_text=True)
    assert 'method="post"' in page and "2025/5544" in page and "2025/0871" not in page
    r = arkivar.post("/arkivering/", data={"name": "marte"})
    assert r.status_code == 200 and r.location is None  # rendered, not redirected to a URL with terms
    html = r.get_data(as_text=True)
    assert "2025/5544" in html and "2023/1187" not in html and "Treff: 1" in html
    for href in [part.split('"', 1)[0] for part in html.split('href="')[1:]] + \
                [part.split('"', 1)[0] for part in html.split('action="')[1:]]:
        assert "marte" not in href.lower() and "?" not in href, href
    assert 'value="marte"' in html  # the term is kept in the form, in the page body only
    # terms in a URL are not read at all
    html = arkivar.get("/arkivering/?name=marte").get_data(as_text=True)
    assert "2023/1187" in html and "2025/5544" in html


def test_search_page_by_reference_office_outcome_and_dates(db, cases, client_as):
    leder = client_as("leder")
    html = leder.post("/arkivering/", data={"office": "nav molde"}).get_data(as_text=True)
    assert "2023/1187" in html and "2025/5544" not in html
    html = leder.post("/arkivering/", data={"reference": "2025/04"}).get_data(as_text=True)
    assert "2025/0412" in html and "2023/1187" not in html
    html = leder.post("/arkivering/", data={"outcome": "omgjore"}).get_data(as_text=True)
    assert "2025/5544" in html and "2025/0412" not in html
    html = leder.post("/arkivering/", data={"date_from": "01.01.2025", "date_to": "31.05.2025"}).get_data(as_text=True)
    assert "2025/0412" in html and "2025/5544" not in html and "2023/1187" not in html


def test_invalid_dates_are_explained_at_the_field(db, cases, client_as):
    arkivar = client_as("arkivar")
    r = arkivar.post("/arkivering/", data={"date_from": "32.13.2025"})
    assert r.status_code == 400 and "Skriv en gyldig dato" in r.get_data(as_text=True)
    r = arkivar.post("/arkivering/", data={"date_from": "01.06.2025", "date_to": "01.01.2025"})
    assert r.status_code == 400 and "Til-datoen kan ikke være før fra-datoen" in r.get_data(as_text=True)
