"""Who may use the archive (README «Roles»): arkivar and leder search, archive and download; a
saksbehandler does not (the case pages give them what their work needs); admin sees no case data;
anonymous visitors get the login page. The archive knows finished cases only."""

from __future__ import annotations

import pytest
from vedtak_support import fresh

from workbench.db.models import Case
from workbench.services import archive_search


@pytest.fixture
def ferdigstilt(db, import_case):
    case = import_case("D06.json")
    row = db.get(Case, case.id)
    row.status = "ferdigstilt"
    db.add(row)
    archive_search.put(db, row)  # as finalisation indexes it
    db.commit()
    return fresh(db, case)


@pytest.mark.parametrize("role,allowed", [("arkivar", True), ("leder", True),
                                          ("saksbehandler", False), ("admin", False)])
def test_archive_routes_by_role(role, allowed, ferdigstilt, client_as):
    client = client_as(role)
    pid = ferdigstilt.public_id
    responses = [client.get("/arkivering/"), client.post("/arkivering/", data={"name": "Marte"}),
                 client.post(f"/arkivering/{pid}/eksport"),
                 client.post(f"/arkivering/{pid}/arkiver", data={"version": ferdigstilt.version})]
    for r in responses:
        assert (r.status_code != 403) if allowed else (r.status_code == 403), (role, r.request.path)
    if allowed:
        assert "2025/5544" in responses[0].get_data(as_text=True)


def test_anonymous_gets_the_login_page(ferdigstilt, client):
    for r in (client.get("/arkivering/"), client.post("/arkivering/"),
              client.post(f"/arkivering/{ferdigstilt.public_id}/eksport")):
        assert r.status_code == 302 and r.location.startswith("/auth/login")


def test_open_cases_are_not_in_the_archive(db, import_case, client_as):
    case = import_case("D08.json")
    arkivar = client_as("arkivar")
    assert arkivar.post(f"/arkivering/{case.public_id}/eksport").status_code == 404
    assert arkivar.post(f"/arkivering/{case.public_id}/arkiver", data={"version": 1}).status_code == 404
    assert fresh(db, case).status == "mottatt"


def test_a_case_without_a_finalised_letter_is_neither_archived_nor_exported(db, ferdigstilt, client_as):
    arkivar = client_as("arkivar")
    r = arkivar.post(f"/arkivering/{ferdigstilt.public_id}/arkiver",
                     data={"version": ferdigstilt.version, "confirm": "y"}, follow_redirects=True)
    assert "ikke et ferdigstilt vedtaksbrev" in r.get_data(as_text=True)
    assert fresh(db, ferdigstilt).status == "ferdigstilt"
    r = arkivar.post(f"/arkivering/{ferdigstilt.public_id}/eksport", follow_redirects=True)
    assert r.mimetype == "text/html" and "ikke et ferdigstilt vedtaksbrev" in r.get_data(as_text=True)


def test_posts_need_the_csrf_token(make_app, make_user, ferdigstilt):
    import re

    app = make_app(WTF_CSRF_ENABLED=True)
    client = app.test_client()
    user = make_user("arkivar")
    page = client.get("/auth/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page).group(1)
    r = client.post("/auth/login", data={"username": user.username, "password": "riktig-passord-123",
                                         "csrf_token": token})
    assert r.status_code == 302 and not r.location.startswith("/auth/login")
    page = client.get("/arkivering/")
    assert page.status_code == 200
    assert client.post("/arkivering/", data={"name": "Marte"}).status_code == 400
    assert client.post(f"/arkivering/{ferdigstilt.public_id}/eksport").status_code == 400
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page.get_data(as_text=True)).group(1)
    assert client.post("/arkivering/", data={"name": "Marte", "csrf_token": token}).status_code == 200
