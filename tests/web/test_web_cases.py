"""Case list (Mine saker / Alle saker), processing-time flags, the case page, changes under the
optimistic lock, and no fødselsnummer or name in any URL."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import pytest

from workbench.services import deadlines

CASES = Path(__file__).resolve().parents[2] / "docs" / "cases"


def test_mine_and_alle_saker(client_as, import_case, db):
    sb = client_as("saksbehandler")
    from workbench.db.models import User

    me = db.get(User, sb.user.id)
    import_case("D01.json", assign_to=me)
    import_case("D02.json")
    mine = sb.get("/saker/mine").get_data(as_text=True)
    alle = sb.get("/saker/alle").get_data(as_text=True)
    assert mine.count("<tr>") == 2  # header + 1 case
    assert alle.count("<tr>") == 3
    assert "Ikke tildelt" in alle
    for page in (mine, alle):
        for label in ("Status", "Klager", "Nav-kontor", "Mottatt", "Frist 3 måneder"):
            assert label in page


def test_received_date_comes_from_the_document_or_the_registration_day(import_case, app):
    import json

    from workbench.db.session import session_for
    from workbench.services import audit
    from workbench.services import cases as case_service

    case = import_case("demo-omsorgsstonad.json")  # no statsforvalteren_received
    assert case.received == date.today() and not case.received_from_document
    doc = json.loads((CASES / "D06.json").read_text(encoding="utf-8"))
    doc["appeal"]["statsforvalteren_received"] = "2025-11-21"
    with session_for(app) as s:
        c2 = case_service.import_document(s, json.dumps(doc), origin="api", actor=audit.Actor.cli())
    assert c2.received == date(2025, 11, 21) and c2.received_from_document


@pytest.mark.parametrize("days_ago, target, svar", [
    (5, "ok", "not_yet"),
    (40, "ok", "due"),
    (80, "near", "due"),
    (100, "past", "due"),
])
def test_processing_time_flags(days_ago, target, svar):
    today = date(2026, 3, 15)
    dl = deadlines.compute(today - timedelta(days=days_ago), today=today)
    assert (dl.target_state, dl.forelopig_svar_state) == (target, svar)


def test_three_months_and_one_month_are_calendar_months():
    dl = deadlines.compute(date(2025, 11, 30), today=date(2025, 12, 1))
    assert dl.target == date(2026, 2, 28) and dl.forelopig_svar_due == date(2025, 12, 30)
    assert deadlines.compute(date(2025, 1, 1), today=date(2026, 1, 1), closed=True).target_state == "closed"


def test_old_case_is_flagged_in_the_list(client_as, import_case, db):
    from workbench.db.models import Case

    case = import_case("D01.json")
    row = db.get(Case, case.id)
    row.received = date.today() - timedelta(days=120)
    db.add(row)
    db.commit()
    page = client_as("leder").get("/saker/alle").get_data(as_text=True)
    assert "Over 3 måneder" in page and "Foreløpig svar skal sendes" in page


def test_edit_received_date_with_the_optimistic_lock(client_as, demo_case, db):
    from workbench.db.models import Case

    sb = client_as("saksbehandler")
    url = f"/saker/{demo_case.public_id}/mottatt"
    r = sb.post(url, data={"version": 1, "received": "01.12.2025"})
    assert r.status_code == 302
    db.expire_all()
    row = db.get(Case, demo_case.id)
    assert row.received == date(2025, 12, 1) and row.version == 2
    # a second change that read version 1 loses, and says so
    r = sb.post(url, data={"version": 1, "received": "02.12.2025"}, follow_redirects=True)
    assert "endret av noen andre" in r.get_data(as_text=True)
    db.expire_all()
    assert db.get(Case, demo_case.id).received == date(2025, 12, 1)
    # an invalid date is shown at the field
    r = sb.post(url, data={"version": 2, "received": "31.02.2025"})
    assert r.status_code == 400 and "received-error" in r.get_data(as_text=True)


def test_status_moves_forward_and_is_audited(client_as, demo_case, db):
    from workbench.db.models import Case
    from workbench.services import audit

    sb = client_as("saksbehandler")
    sb.post(f"/saker/{demo_case.public_id}/status", data={"version": 1, "to_status": "under_behandling"})
    db.expire_all()
    assert db.get(Case, demo_case.id).status == "under_behandling"
    r = sb.post(f"/saker/{demo_case.public_id}/status", data={"version": 2, "to_status": "arkivert"})
    assert r.status_code == 403
    actions = [e.action for e in audit.events_for_case(db, demo_case.id)]
    assert actions == ["case.imported", "case.status"]


def test_no_fodselsnummer_or_name_in_any_url(client_as, demo_case):
    sb = client_as("saksbehandler")
    pages = [sb.get(p).get_data(as_text=True) for p in ("/saker/mine", "/saker/alle",
                                                         f"/saker/{demo_case.public_id}")]
    for page in pages:
        for url in re.findall(r'(?:href|action|src)="([^"]*)"', page):
            assert not re.search(r"\d{11}", url), url
            assert "Kari" not in url and "Nordhus" not in url, url
    assert re.fullmatch(r"[0-9a-f]{32}", demo_case.public_id)


def test_audit_events_hold_no_personal_data(client_as, demo_case, db):
    from sqlmodel import select

    from workbench.db.models import AuditEvent
    from workbench.services import audit

    sb = client_as("saksbehandler")
    sb.post(f"/saker/{demo_case.public_id}/tildel", data={"version": 1})
    for e in db.exec(select(AuditEvent)):
        text = f"{e.action} {e.detail or ''}"
        assert "15507600333" not in text and "Kari" not in text
    with pytest.raises(ValueError):
        audit.record(db, audit.Actor.cli(), "x", detail="fnr 15507600333")


def test_case_page_shows_the_facts_in_norwegian(client_as, demo_case):
    page = client_as("leder").get(f"/saker/{demo_case.public_id}").get_data(as_text=True)
    for text in ("22.10.2025", "06.10.2025", "kr 11\u00a0327,56", "kr 6\u00a0000,00", "Omsorgsstønad",
                 "Nav Bergenhus", "Nav har trukket hele omsorgsstønaden", "Klagefristen gikk ut",
                 "14.11.2025", "Nav opprettholder vedtaket"):
        assert text in page, text


def test_opaque_ids_never_look_like_a_fodselsnummer():
    from workbench.db.models import new_public_id

    for _ in range(5000):
        pid = new_public_id()
        assert re.fullmatch(r"[0-9a-f]{32}", pid) and not re.search(r"\d{7}", pid)
