"""Every route × every role and anonymous: anonymous gets the login page (the API: 401); each role
gets exactly what it may (README «Roles»; workbench/web/access.py)."""

from __future__ import annotations

import pytest

from workbench.db.models import CaseStatus

ROLES = ("saksbehandler", "leder", "arkivar", "admin")
WORKERS = {"saksbehandler", "leder"}
READERS = WORKERS | {"arkivar"}
ADMIN = {"admin"}
LEADER = {"leder"}
ARCHIVISTS = {"arkivar", "leder"}
ALL = set(ROLES)

# endpoint → [(method, path template, roles allowed)]
ACCESS = {
    "index": [("GET", "/", ALL)],
    "auth.logout": [("POST", "/auth/logout", ALL)],
    "cases.my_cases": [("GET", "/saker/mine", WORKERS)],
    "cases.all_cases": [("GET", "/saker/alle", WORKERS)],
    "cases.queue": [("GET", "/saker/ko/til_godkjenning", WORKERS), ("GET", "/saker/ko/over_frist", WORKERS)],
    "cases.waiting": [("POST", "/saker/{case}/vent", WORKERS)],
    "cases.receipt_check": [("POST", "/saker/{case}/mottakskontroll", WORKERS)],
    "cases.archive_list": [("GET", "/saker/arkiv", READERS)],
    "cases.show": [("GET", "/saker/{case}", READERS)],
    "cases.edit_received": [("POST", "/saker/{case}/mottatt", WORKERS)],
    "cases.forelopig_svar": [("POST", "/saker/{case}/forelopig-svar", WORKERS)],
    "cases.assign_to_me": [("POST", "/saker/{case}/tildel", WORKERS)],
    "cases.change_status": [("POST", "/saker/{case}/status", READERS)],
    "cases.reevaluate": [("POST", "/saker/{case}/vurder", WORKERS)],
    "cases.change_language": [("POST", "/saker/{case}/malform", WORKERS)],
    "cases.confirm_county": [("POST", "/saker/{case}/fylke", WORKERS)],
    "imports.start": [("GET", "/import/", WORKERS)],
    "imports.upload": [("POST", "/import/fil", WORKERS)],
    "imports.manual": [("GET", "/import/skjema", WORKERS), ("POST", "/import/skjema", WORKERS)],
    # issue 16: Nav's PDFs; {case} stands for an upload or document that does not exist (readers get 404)
    "imports.upload_papers": [("POST", "/import/dokumenter", WORKERS)],
    "imports.papers": [("GET", "/import/dokumenter/{case}", WORKERS), ("POST", "/import/dokumenter/{case}", WORKERS)],
    "imports.change_class": [("POST", "/import/dokumenter/{case}/type", WORKERS)],
    "imports.download": [("GET", "/import/dokument/{case}", READERS)],
    "imports.page_view": [("GET", "/import/dokument/{case}/side/1", READERS)],
    "imports.page_png_view": [("GET", "/import/dokument/{case}/side/1.png", READERS)],
    "admin.users": [("GET", "/admin/brukere", ADMIN), ("POST", "/admin/brukere", ADMIN)],
    "admin.toggle_active": [("POST", "/admin/brukere/{user}/aktiv", ADMIN)],
    "admin.tokens": [("GET", "/admin/api-nokler", ADMIN), ("POST", "/admin/api-nokler", ADMIN)],
    "admin.revoke_token": [("POST", "/admin/api-nokler/{token}/tilbakekall", ADMIN)],
    # the decision letter (issue 6): arkivar only the finalised letter of a ferdigstilt case
    "vedtak.edit": [("GET", "/saker/{case}/vedtak", READERS)],
    "vedtak.save": [("POST", "/saker/{case}/vedtak", WORKERS)],
    "vedtak.preview": [("POST", "/saker/{case}/vedtak/forhandsvis", WORKERS)],
    "vedtak.send": [("POST", "/saker/{case}/vedtak/send", WORKERS)],
    "vedtak.approve": [("POST", "/saker/{case}/vedtak/godkjenn", LEADER)],
    "vedtak.return_letter": [("POST", "/saker/{case}/vedtak/returner", LEADER)],
    "vedtak.recall": [("POST", "/saker/{case}/vedtak/trekk-tilbake", WORKERS)],
    "vedtak.finalize": [("POST", "/saker/{case}/vedtak/ferdigstill", WORKERS)],
    "vedtak.draft_pdf": [("GET", "/saker/{case}/vedtak/utkast.pdf", WORKERS)],
    "vedtak.final_pdf": [("GET", "/saker/{case}/vedtak/vedtak.pdf", READERS)],
    # «Ekspeder» (issue 13): recorded by the case workers; the copy marked KOPI read like the final PDF
    "vedtak.dispatch": [("POST", "/saker/{case}/vedtak/ekspeder", WORKERS)],
    "vedtak.copy_pdf": [("GET", "/saker/{case}/vedtak/kopi.pdf", READERS)],
    "vedtak.letter_asset": [("GET", "/vedtak/brevmal/letter.css", READERS)],
    # the appeal review (issue 5): case workers only; arkivar and admin see no case contents there
    "review.show": [("GET", "/saker/{case}/vurdering", WORKERS)],
    "review.admissibility": [("POST", "/saker/{case}/vurdering/adgang", WORKERS)],
    "review.reclassify": [("POST", "/saker/{case}/vurdering/avvik", WORKERS)],
    "review.discretion": [("POST", "/saker/{case}/vurdering/skjonn", WORKERS)],
    "review.reformatio": [("POST", "/saker/{case}/vurdering/ugunst", WORKERS)],
    "review.outcome": [("POST", "/saker/{case}/vurdering/utfall", WORKERS)],
    "review.arguments": [("POST", "/saker/{case}/vurdering/anforsler", WORKERS)],
    "review.correct_fact": [("POST", "/saker/{case}/vurdering/faktum", WORKERS)],
    "review.varsel": [("GET", "/saker/{case}/vurdering/varsel", WORKERS)],
    # the archive: arkivar and leder (search, archive, package); not saksbehandler, not admin
    "archive.search": [("GET", "/arkivering/", ARCHIVISTS), ("POST", "/arkivering/", ARCHIVISTS)],
    "archive.archive": [("GET", "/arkivering/{case}/arkiver", ARCHIVISTS),
                        ("POST", "/arkivering/{case}/arkiver", ARCHIVISTS)],
    "archive.export": [("POST", "/arkivering/{case}/eksport", ARCHIVISTS)],
    # side letters (foreløpig svar, forsinkelsesmelding, request to Nav, § 34 varsel): made by the case
    # workers, read by the arkivar on finished cases
    "side_letters.index": [("GET", "/saker/{case}/brev", READERS)],
    "side_letters.new": [("GET", "/saker/{case}/brev/forelopig-svar", WORKERS)],
    "side_letters.create": [("POST", "/saker/{case}/brev/forelopig-svar", WORKERS)],
    "side_letters.preview": [("POST", "/saker/{case}/brev/forelopig-svar/utkast.pdf", WORKERS)],
    "side_letters.download": [("GET", "/saker/{case}/brev/journal/1.pdf", READERS)],
    # oversight (issue 17): the office's processing-time figures, leder only (counts, no personal data)
    "oversight.processing_time": [("GET", "/tilsyn/saksbehandlingstid", LEADER)],
    "oversight.processing_time_csv": [("GET", "/tilsyn/saksbehandlingstid.csv", LEADER)],
}
PUBLIC = {"auth.login", "static"}
MY_BLUEPRINTS = ("auth.", "cases.", "imports.", "admin.", "api.", "vedtak.", "review.", "archive.",
                 "side_letters.", "oversight.")


def test_every_route_of_these_blueprints_is_in_the_access_table(app):
    endpoints = {r.endpoint for r in app.url_map.iter_rules()
                 if r.endpoint == "index" or r.endpoint.startswith(MY_BLUEPRINTS)}
    api = {e for e in endpoints if e.startswith("api.")}  # token-based: tests/web/test_web_api.py
    assert endpoints - api - PUBLIC == set(ACCESS), "add the new route to ACCESS with its roles"


@pytest.fixture
def targets(app, import_case, make_user, api_token, db):
    """A ferdigstilt case (arkivar may read it), another user and a token to act on."""
    from workbench.db.models import Case

    case = import_case("demo-omsorgsstonad.json")
    row = db.get(Case, case.id)
    row.status = CaseStatus.FERDIGSTILT.value
    db.add(row)
    db.commit()
    other = make_user("saksbehandler")
    api_token("cases:read")
    from workbench.db.models import ApiToken
    from sqlmodel import select

    token_id = db.exec(select(ApiToken)).first().id
    return {"case": case.public_id, "user": other.id, "token": token_id}


def _requests(targets):
    out = []
    for endpoint, entries in ACCESS.items():
        for method, template, roles in entries:
            out.append((endpoint, method, template.format(**targets), roles))
    # log out last, so the client stays logged in for the others
    return sorted(out, key=lambda r: r[0] == "auth.logout")


def test_anonymous_gets_the_login_page_everywhere(app, targets):
    client = app.test_client()
    for endpoint, method, path, _roles in _requests(targets):
        response = client.open(path, method=method)
        assert response.status_code == 302, (endpoint, response.status_code)
        assert response.location.startswith("/auth/login"), (endpoint, response.location)
    assert client.get("/auth/login").status_code == 200


def test_anonymous_is_refused_on_every_route_in_the_app(app):
    """Including routes other areas add later: the access guard sends anonymous to login."""
    client = app.test_client()
    for rule in app.url_map.iter_rules():
        if rule.endpoint in PUBLIC:
            continue
        values = {arg: (1 if "int" in str(rule._converters.get(arg, "")).lower() else "x" * 32)
                  for arg in rule.arguments}
        from flask import url_for

        with app.test_request_context():
            path = url_for(rule.endpoint, **values)
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            response = client.open(path, method=method)
            if rule.rule.startswith("/api/"):
                assert response.status_code == 401, (rule.endpoint, method)
            else:
                assert response.status_code == 302, (rule.endpoint, method, response.status_code)
                assert response.location.startswith("/auth/login"), rule.endpoint


@pytest.mark.parametrize("role", ROLES)
def test_each_role_gets_exactly_what_it_may(app, targets, client_as, role):
    client = client_as(role)
    for endpoint, method, path, roles in _requests(targets):
        response = client.open(path, method=method)
        if role in roles:
            assert response.status_code not in (401, 403), (role, endpoint, method)
            assert not (response.status_code == 302 and response.location.startswith("/auth/login")
                        and endpoint != "auth.logout"), (role, endpoint)
        else:
            assert response.status_code == 403, (role, endpoint, method, response.status_code)


def test_arkivar_cannot_open_a_case_that_is_not_finished(app, import_case, client_as):
    case = import_case("demo-omsorgsstonad.json")
    arkivar = client_as("arkivar")
    assert arkivar.get(f"/saker/{case.public_id}").status_code == 403
    assert client_as("saksbehandler").get(f"/saker/{case.public_id}").status_code == 200


def test_home_page_depends_on_role(client_as):
    assert client_as("saksbehandler").get("/").location == "/saker/mine"
    assert client_as("leder").get("/").location == "/saker/mine"
    assert client_as("arkivar").get("/").location == "/saker/arkiv"
    assert client_as("admin").get("/").location == "/admin/brukere"


def test_the_status_buttons_never_skip_the_letter_gate_or_the_archive_checksum(
        app, import_case, client_as, db):
    """til_godkjenning and ferdigstilt are reached only through the letter flow (its gate and the
    leader's approval), arkivert only through the archive page (checksum verified); the plain status
    route refuses them for every role."""
    from workbench.db.models import Case

    case = import_case("demo-omsorgsstonad.json")
    row = db.get(Case, case.id)
    row.status = CaseStatus.TIL_GODKJENNING.value
    db.add(row)
    db.commit()
    sb = client_as("saksbehandler")
    r = sb.post(f"/saker/{case.public_id}/status", data={"version": 1, "to_status": "ferdigstilt"})
    assert r.status_code == 403
    leder = client_as("leder")
    r = leder.post(f"/saker/{case.public_id}/status", data={"version": 1, "to_status": "ferdigstilt"})
    assert r.status_code == 403
    db.expire_all()
    assert db.get(Case, case.id).status == "til_godkjenning"
    row = db.get(Case, case.id)
    row.status = CaseStatus.FERDIGSTILT.value
    row.version = 2
    db.add(row)
    db.commit()
    assert leder.post(f"/saker/{case.public_id}/status",
                      data={"version": 2, "to_status": "arkivert"}).status_code == 403
    arkivar = client_as("arkivar")
    assert arkivar.post(f"/saker/{case.public_id}/status",
                        data={"version": 2, "to_status": "arkivert"}).status_code == 403
    db.expire_all()
    assert db.get(Case, case.id).status == "ferdigstilt"


@pytest.mark.parametrize("role,scope", [("arkivar", "cases:read"), ("saksbehandler", "cases:read-open"),
                                        ("leder", "cases:read-open"), ("admin", "cases:write")])
def test_api_scopes_mirror_the_web_roles(app, import_case, client_as, api_token, db, role, scope):
    """A case a role may open in the browser is a case its API scope may read, in every status:
    cases:read is the arkivar (finished cases only), cases:read-open the saksbehandler and leder (every
    case), cases:write alone reads nothing, like admin (README «Roles», services/api_tokens.py)."""
    from workbench.db.models import Case

    case = import_case("demo-omsorgsstonad.json")
    web, api, token = client_as(role), app.test_client(), api_token(scope)
    for status in CaseStatus:
        row = db.get(Case, case.id)
        row.status = status.value
        db.add(row)
        db.commit()
        web_ok = web.get(f"/saker/{case.public_id}").status_code == 200
        for path in (f"/api/v1/cases/{case.public_id}", f"/api/v1/cases/{case.public_id}/evaluation"):
            response = api.get(path, headers={"Authorization": f"Bearer {token}"})
            assert (response.status_code == 200) == web_ok, (role, scope, status, path, response.status_code)
            assert response.status_code in (200, 403)
