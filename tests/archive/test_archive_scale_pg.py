"""Issue 15: the archive with more finished cases than PostgreSQL takes parameters in one statement (65 535).

Before issue 15 the archive search put one parameter per finished case into an ``IN (…)`` list: the archive page
answered 500 and ``workbench archive list`` exited 1 on PostgreSQL above 65 535 finished cases. Here 66 000
finished cases (and a few hundred open ones, which the archive must not count) are written in bulk — ``cases``
and their ``archive_search`` rows, as finalisation writes them (``archive_search.tokens`` of the name, Nav's
reference and office; the outcome; the outcome's label among the other words), executemany through
SQLAlchemy Core — and the archive is searched through the service, the web page and the command line. Every
total is checked against a count made here from the seeded rows, not by the search.

PostgreSQL only, and only in CI (``CI=true``): the seeding takes some seconds of a shared machine. The rows
are in ``cases``, ``archive_search`` and ``audit_events``, all emptied by the suite's per-test cleanup
(``TABLES_IN_DELETE_ORDER`` in tests/conftest.py).
"""

from __future__ import annotations

import os
import re
from datetime import UTC, date, datetime, timedelta

import pytest

FINISHED_N = 66_000  # > 65 535: PostgreSQL's limit on a statement's parameters
OPEN_N = 300
FIRST = ["Randi", "Åse", "Bjørn", "Kari", "Håkon", "Siv", "Ola"]
LAST = ["Ødegård", "Lunde", "Ærø", "Haugen", "Aas", "Bråten"]
OFFICES = ["Nav Kristiansand", "Nav Tromsø", "Nav Molde", "Nav Bærum", "Nav Øst-Finnmark", "Nav Ål"]

_URL = os.environ.get("DATABASE_URL", "")
pytestmark = [
    pytest.mark.postgres,
    pytest.mark.slow,
    pytest.mark.skipif(os.environ.get("CI") != "true",
                       reason="CI only (CI=true): seeds 66 000 finished cases on PostgreSQL"),
    pytest.mark.skipif(not _URL.startswith(("postgresql", "postgres:")),
                       reason="PostgreSQL only: DATABASE_URL names no PostgreSQL database"),
]


def _name(i: int) -> str:
    return f"{FIRST[i % len(FIRST)]} {LAST[(i // len(FIRST)) % len(LAST)]}"


@pytest.fixture
def archive_of_66000(app, db):
    """66 000 finished and 300 open cases, written in bulk; returns what was written, in Python."""
    from sqlalchemy import insert, text

    from workbench.db.models import AuditEvent, Case, new_public_id
    from workbench.db.search_models import ArchiveSearch
    from workbench.services.archive_search import OUTCOME_LABELS, tokens

    outcomes = list(OUTCOME_LABELS)
    now = datetime.now(UTC)
    first_day = date(2024, 1, 1)
    cases, seeded = [], []
    for i in range(FINISHED_N + OPEN_N):
        finished = i < FINISHED_N
        decided = first_day + timedelta(days=i % 700)
        cases.append({
            "public_id": new_public_id(), "status": ("ferdigstilt", "arkivert")[i % 2] if finished else "mottatt",
            "nav_reference": f"{decided.year}/{i + 1:06d}", "nav_office": OFFICES[i % len(OFFICES)],
            "claimant_name": _name(i), "decision_date": decided, "decision_kind": "utbetaling",
            "received": decided + timedelta(days=30), "received_from_document": True, "created_at": now,
            "updated_at": now, "version": 1, "language": "nb"})
        if finished:
            seeded.append({"name": _name(i), "outcome": outcomes[i % len(outcomes)]})
    db.execute(insert(Case.__table__), cases)
    id_of = dict(db.execute(text("SELECT nav_reference, id FROM cases")).all())
    ids = [id_of[c["nav_reference"]] for c in cases]
    rows, events = [], []
    for i, (case, case_id) in enumerate(zip(cases[:FINISHED_N], ids)):
        outcome = seeded[i]["outcome"]
        rows.append({
            "case_id": case_id, "decision_date": case["decision_date"], "finalized_at": now, "outcome": outcome,
            "our_reference": f"2026/{i + 1:06d}", "fnr": None, "name_tokens": " ".join(tokens(case["claimant_name"])),
            "reference_tokens": " ".join(tokens(case["nav_reference"])),
            "office_tokens": " ".join(tokens(case["nav_office"])),
            "text_tokens": " ".join(sorted(set(tokens(OUTCOME_LABELS[outcome]) + ["kvalifiseringsstønad", "vedtak"])))})
        if case["status"] == "arkivert" and i % 100 == 1:  # some «arkivert» dates for the page's column
            events.append({"at": now, "action": "archive.archived", "case_id": case_id, "detail": None})
    db.execute(insert(ArchiveSearch.__table__), rows)
    db.execute(insert(AuditEvent.__table__), events)
    db.commit()
    db.execute(text("ANALYZE cases"))  # what autovacuum does after a bulk load
    db.execute(text("ANALYZE archive_search"))
    db.commit()
    return seeded


def test_the_archive_of_more_than_65535_finished_cases_on_postgresql(app, db, archive_of_66000, client_as,
                                                                      monkeypatch):
    from click.testing import CliRunner
    from sqlalchemy import text

    from workbench.cli import main
    from workbench.services import archive_search
    from workbench.services.archive_search import SearchQuery
    from workbench.web.filters import number

    seeded = archive_of_66000
    # counted here, from what was written
    finished = len(seeded)
    oedegaard = sum(1 for s in seeded if "Ødegård" in s["name"].split())
    randi_oedegaard = sum(1 for s in seeded if s["name"] == "Randi Ødegård")
    oppheve = sum(1 for s in seeded if s["outcome"] == "oppheve")
    assert finished > 65_535 and 0 < randi_oedegaard < oedegaard < finished and 0 < oppheve < finished
    assert db.execute(text("SELECT count(*) FROM cases WHERE status IN ('ferdigstilt', 'arkivert')")).scalar() \
        == finished

    # the service: no terms, a name part («ødeg»: the start of a word, folded), two name parts, an outcome
    for query, expected in ((SearchQuery(), finished), (SearchQuery(name="ØDEG"), oedegaard),
                            (SearchQuery(name="ødegård randi"), randi_oedegaard),
                            (SearchQuery(outcome="oppheve"), oppheve)):
        page = archive_search.search(db, query)
        # a search with terms is counted up to MAX_COUNTED («over 1 000 treff»); the whole archive exactly
        cap = archive_search.MAX_COUNTED if not query.empty else expected
        assert (page.total, page.capped, len(page), page.number) == (
            min(expected, cap), expected > cap, min(50, expected), 1), query
    last = archive_search.search(db, page=10**6)  # past the end: the last page
    assert last.number == last.pages == -(-finished // 50) and len(last) == finished - 50 * (last.pages - 1)

    # the web page, as the arkivar sees it: 50 rows and the total
    arkivar = client_as("arkivar")
    r = arkivar.get("/arkivering/")
    html = r.get_data(as_text=True)
    assert r.status_code == 200
    assert f"Alle ferdigstilte saker ({number(finished)})" in html
    assert len(re.findall(r'<th scope="row">', html)) == 50
    r = arkivar.post("/arkivering/", data={"name": "Ødegård"})
    html = r.get_data(as_text=True)
    assert r.status_code == 200
    shown = (f"over {number(archive_search.MAX_COUNTED)}" if oedegaard > archive_search.MAX_COUNTED
             else number(oedegaard))
    assert f"Treff: {shown}" in html
    assert len(re.findall(r'<th scope="row">', html)) == 50

    # the command line: every finished case, one line each
    monkeypatch.setenv("DATABASE_URL", app.config["DATABASE_URL"])
    monkeypatch.setenv("KLAGEBENK_MODE", "test")
    result = CliRunner().invoke(main, ["archive", "list"])
    assert result.exit_code == 0, result.output[-2000:]
    assert len(result.stdout.splitlines()) == finished
