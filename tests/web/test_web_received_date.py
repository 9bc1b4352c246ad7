"""Issue 13, «the clock»: one received date for every page, asked for at intake, never the import day by default.

The day the case reached Statsforvalteren starts the three-month target and the foreløpig svar after one month
(appeals.md §7; fvl. § 11 a). Where the import carries none and the jurist gives none at intake, the case waits in
«mottatt» until the date is registered; no page shows a deadline counted from a guess.
"""

from __future__ import annotations

import io
import re
from datetime import date, timedelta
from pathlib import Path

from sqlmodel import select

from workbench.db.models import Case, User
from workbench.services.deadlines import add_months

CASES = Path(__file__).resolve().parents[2] / "docs" / "cases"


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def _fresh(db, case) -> Case:
    db.expire_all()
    return db.exec(select(Case).where(Case.id == case.id)).one()


def _start(client, db, case):
    return client.post(f"/saker/{case.public_id}/status",
                       data={"version": _fresh(db, case).version, "to_status": "under_behandling"})


def test_a_case_imported_without_a_received_date_cannot_be_started_until_it_is_given(db, import_case, client_as):
    sb = client_as("saksbehandler")
    case = import_case("D06.json", assign_to=db.get(User, sb.user.id), received=None)
    assert _fresh(db, case).received is None
    page = _text(sb.get(f"/saker/{case.public_id}").get_data(as_text=True))
    assert "Mottatt hos Statsforvalteren Ikke registrert" in page
    assert "Saken bør være avgjort innen" not in page  # no deadline from a guess
    listing = _text(sb.get("/saker/alle").get_data(as_text=True))
    assert "Ikke registrert" in listing

    r = _start(sb, db, case)
    assert r.status_code == 422
    assert "Registrer datoen saken kom inn hos Statsforvalteren før saken startes" in _text(r.get_data(as_text=True))
    assert _fresh(db, case).status == "mottatt"

    received = date.today() - timedelta(days=3)
    r = sb.post(f"/saker/{case.public_id}/mottatt",
                data={"version": _fresh(db, case).version, "received": received.strftime("%d.%m.%Y")})
    assert r.status_code == 302, _text(r.get_data(as_text=True))[:1500]
    assert _fresh(db, case).received == received
    assert _start(sb, db, case).status_code == 302
    assert _fresh(db, case).status == "under_behandling"


def test_one_date_on_the_list_the_case_page_and_the_review_page(db, import_case, client_as):
    sb = client_as("saksbehandler")
    received = date.today() - timedelta(days=20)
    case = import_case("D06.json", assign_to=db.get(User, sb.user.id), received=received)
    target = add_months(received, 3).strftime("%d.%m.%Y")
    svar_due = add_months(received, 1)
    assert 8 <= (svar_due - date.today()).days <= 11  # «a foreløpig svar due in about ten days»

    listing = _text(sb.get("/saker/mine").get_data(as_text=True))
    row = listing[listing.index("Marte Dummy Olsen"):][:400]
    assert received.strftime("%d.%m.%Y") in row and target in row
    page = _text(sb.get(f"/saker/{case.public_id}").get_data(as_text=True))
    assert f"Saken bør være avgjort innen (3 måneder) {target}" in page
    assert f"Skal sendes innen {svar_due:%d.%m.%Y}" in page
    review = _text(sb.get(f"/saker/{case.public_id}/vurdering").get_data(as_text=True))
    assert f"Mottatt {received:%d.%m.%Y} · Bør være avgjort innen {target}" in review
    assert f"Foreløpig svar innen {svar_due:%d.%m.%Y}" in review
    # the review's own processing-time check counts from the same date: nothing is overdue yet
    assert "Saken er eldre enn tre måneder" not in review and "Send foreløpig svar" not in review


def test_the_review_flags_processing_time_from_the_cases_date_not_the_documents(db, import_case, client_as):
    """D06 was forwarded by Nav on 26.11.2025, more than three months ago; the case came in yesterday."""
    sb = client_as("saksbehandler")
    case = import_case("D06.json", assign_to=db.get(User, sb.user.id), received=date.today() - timedelta(days=1))
    review = _text(sb.get(f"/saker/{case.public_id}/vurdering").get_data(as_text=True))
    assert "Saken er eldre enn tre måneder" not in review


def test_the_upload_form_asks_for_the_received_date_and_checks_it(db, client_as):
    sb = client_as("saksbehandler")
    data = (CASES / "D06.json").read_bytes()
    r = sb.post("/import/fil", data={"document": (io.BytesIO(data), "D06.json"), "received": "31.02.2026"},
                content_type="multipart/form-data")
    assert r.status_code == 400
    page = _text(r.get_data(as_text=True))
    assert "Mottatt hos Statsforvalteren" in page and "Skriv en gyldig dato (dd.mm.åååå)" in page
    assert db.exec(select(Case)).all() == []

    r = sb.post("/import/fil", data={"document": (io.BytesIO(data), "D06.json"), "received": "16.11.2026"},
                content_type="multipart/form-data")
    assert r.status_code == 302
    case = db.exec(select(Case)).one()
    assert case.received == date(2026, 11, 16) and not case.received_from_document


def test_the_cli_takes_the_received_date_and_refuses_a_bad_one(db, database_url):
    from click.testing import CliRunner

    from workbench.cli import main as cli_main

    runner = CliRunner()
    env = {"DATABASE_URL": database_url, "KLAGEBENK_MODE": "test"}
    bad = runner.invoke(cli_main, ["import", str(CASES / "D06.json"), "--received", "2026-13-01"], env=env)
    assert bad.exit_code == 2 and "--received (mottatt hos Statsforvalteren)" in bad.output
    assert db.exec(select(Case)).all() == []
    good = runner.invoke(cli_main, ["import", str(CASES / "D06.json"), "--received", "16.11.2026"], env=env,
                         catch_exceptions=False)
    assert good.exit_code == 0, good.output
    db.expire_all()
    assert db.exec(select(Case)).one().received == date(2026, 11, 16)
