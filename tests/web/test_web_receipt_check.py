"""Issue 13, intake: the receipt check (mottakskontroll) — documents complete, hastesak, utsatt iverksetting
(forvaltningsloven § 42) — answered on the case page, each question by its label, audited."""

from __future__ import annotations

import re

from sqlmodel import select

from workbench.db.models import Case, User
from workbench.services.audit import events_for_case


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_the_receipt_check_is_asked_answered_and_shown(db, import_case, client_as):
    sb = client_as("saksbehandler")
    case = import_case("D06.json", assign_to=db.get(User, sb.user.id))
    page = _text(sb.get(f"/saker/{case.public_id}").get_data(as_text=True))
    assert "Mottakskontroll Ikke gjort" in page
    assert "Hastesak" not in _text(sb.get("/saker/mine").get_data(as_text=True))
    version = lambda: db.exec(select(Case.version).where(Case.id == case.id)).one()  # noqa: E731

    r = sb.post(f"/saker/{case.public_id}/mottakskontroll", data={"version": version(), "urgent": "ja"})
    assert r.status_code == 400
    page = _text(r.get_data(as_text=True))
    assert page.count("Svar ja eller nei.") == 2  # the two left unanswered, at their questions
    db.expire_all()
    assert db.get(Case, case.id).receipt_checked_at is None  # nothing stored

    r = sb.post(f"/saker/{case.public_id}/mottakskontroll",
                data={"version": version(), "documents_complete": "nei", "urgent": "ja",
                      "deferred_execution_requested": "nei"})
    assert r.status_code == 302
    db.expire_all()
    row = db.get(Case, case.id)
    assert (row.documents_complete, row.urgent, row.deferred_execution_requested) == (False, True, False)
    assert row.receipt_checked_by_id == sb.user.id
    page = _text(sb.get(f"/saker/{case.public_id}").get_data(as_text=True))
    assert "Mottakskontroll Dokumentene er ikke komplette · Hastesak" in page
    assert "Utsatt iverksetting begjært" not in page
    assert "case.receipt_checked" in [e.action for e in events_for_case(db, case.id)]
    mine = _text(sb.get("/saker/mine").get_data(as_text=True))  # a hastesak is tagged in the lists
    assert "Hastesak" in mine.split("Marte Dummy Olsen", 1)[1][:80]
