"""The JSON API: bearer tokens per client (hashed at rest, scoped like the web roles: cases:read
reads finished cases only, cases:read-open every case), JSON errors with field path and reason, and
an OpenAPI document that matches the routes and names each operation's scopes."""

from __future__ import annotations

import json
import re
from pathlib import Path

CASES = Path(__file__).resolve().parents[2] / "docs" / "cases"


def _auth(token):
    return {"Authorization": f"Bearer {token}"}


def _set_status(app, case, status: str = "ferdigstilt") -> None:
    """Give the case a status directly (the letter flow and the archive are tested elsewhere)."""
    from workbench.db.models import Case
    from workbench.db.session import session_for

    with session_for(app) as s:
        row = s.get(Case, case.id)
        row.status = status
        s.add(row)
        s.commit()


def test_post_then_get_case_and_evaluation(client, api_token):
    token = api_token("cases:write", "cases:read-open")
    raw = (CASES / "demo-omsorgsstonad.json").read_bytes()
    r = client.post("/api/v1/cases", data=raw, headers=_auth(token), content_type="application/json")
    assert r.status_code == 201, r.get_json()
    body = r.get_json()
    assert re.fullmatch(r"[0-9a-f]{32}", body["id"])
    assert r.headers["Location"] == f"/api/v1/cases/{body['id']}"
    assert body["status"] == "mottatt" and body["version"] == 1
    assert "15507600333" not in r.headers["Location"]

    got = client.get(f"/api/v1/cases/{body['id']}", headers=_auth(token)).get_json()
    assert got["document"]["decision"]["reference"] == "2025/4711"
    ev = client.get(f"/api/v1/cases/{body['id']}/evaluation", headers=_auth(token))
    assert ev.status_code == 200
    assert ev.get_json()["evaluation"]["total"]["net"] == "6797"


def test_invalid_document_gives_field_errors_and_stores_nothing(client, api_token, row_counts):
    token = api_token("cases:write")
    doc = json.loads((CASES / "demo-omsorgsstonad.json").read_text())
    doc["payments"][0]["net"] = "12.345"
    doc["appeal"]["arguments"] = []
    before = row_counts()
    r = client.post("/api/v1/cases", json=doc, headers=_auth(token))
    assert r.status_code == 422
    err = r.get_json()["error"]
    assert err["code"] == "invalid_document"
    paths = {f["path"] for f in err["fields"]}
    assert "payments[0].net" in paths and "appeal.arguments" in paths
    assert all(f["message"] for f in err["fields"])
    assert row_counts() == before


def test_tokens_are_checked_and_scoped(app, client, api_token, import_case):
    case = import_case("D01.json")
    reader = api_token("cases:read")
    open_reader = api_token("cases:read-open")
    writer = api_token("cases:write")
    assert client.get(f"/api/v1/cases/{case.public_id}").status_code == 401
    r = client.get(f"/api/v1/cases/{case.public_id}", headers=_auth("kb_wrong"))
    assert r.status_code == 401 and r.get_json()["error"]["code"] == "unauthorized"
    assert client.get(f"/api/v1/cases/{case.public_id}", headers=_auth(writer)).status_code == 403
    assert client.post("/api/v1/cases", json={}, headers=_auth(reader)).status_code == 403
    assert client.post("/api/v1/cases", json={}, headers=_auth(open_reader)).status_code == 403
    assert client.get(f"/api/v1/cases/{case.public_id}", headers=_auth(open_reader)).status_code == 200
    assert client.get("/api/v1/cases/" + "0" * 32, headers=_auth(reader)).status_code == 404
    _set_status(app, case)
    assert client.get(f"/api/v1/cases/{case.public_id}", headers=_auth(reader)).status_code == 200


def test_cases_read_reads_finished_cases_only(app, client, api_token, import_case):
    """cases:read is the web arkivar's view: ferdigstilt and arkivert cases; an open case (and its
    evaluation) is refused, as the arkivar's case page is. cases:read-open reads every case."""
    from workbench.db.models import CaseStatus

    reader, open_reader = api_token("cases:read"), api_token("cases:read-open")
    both = api_token("cases:read", "cases:read-open")
    case = import_case("D01.json")
    for path in (f"/api/v1/cases/{case.public_id}", f"/api/v1/cases/{case.public_id}/evaluation"):
        r = client.get(path, headers=_auth(reader))
        assert r.status_code == 403, path
        err = r.get_json()["error"]
        assert err["code"] == "forbidden" and "cases:read-open" in err["message"]
        assert client.get(path, headers=_auth(open_reader)).status_code == 200, path
        assert client.get(path, headers=_auth(both)).status_code == 200, path
    assert client.get(f"/api/v1/cases/{case.public_id}/evaluation",
                      headers=_auth(open_reader)).get_json()["evaluation"]["total"]
    for status in (CaseStatus.FERDIGSTILT, CaseStatus.ARKIVERT):
        _set_status(app, case, status.value)
        for token in (reader, open_reader, both):
            for path in (f"/api/v1/cases/{case.public_id}", f"/api/v1/cases/{case.public_id}/evaluation"):
                r = client.get(path, headers=_auth(token))
                assert r.status_code == 200, (status, path)
        assert client.get(f"/api/v1/cases/{case.public_id}", headers=_auth(reader)).get_json()["status"] == status


def test_token_add_on_the_command_line_knows_every_scope(app, client, import_case, monkeypatch):
    from click.testing import CliRunner

    from workbench.cli import main
    from workbench.commands.app_commands import token_add
    from workbench.services import api_tokens

    choices = next(p for p in token_add.params if p.name == "scopes").type.choices
    assert list(choices) == list(api_tokens.SCOPES)
    monkeypatch.setenv("DATABASE_URL", app.config["DATABASE_URL"])
    monkeypatch.setenv("KLAGEBENK_MODE", "test")
    res = CliRunner().invoke(main, ["token", "add", "Navs saksbehandlingssystem", "--scope", "cases:read-open",
                                    "--scope", "cases:write"])
    assert res.exit_code == 0, res.output
    token = res.output.strip().splitlines()[-1]
    assert token.startswith("kb_")
    case = import_case("D01.json")  # open
    assert client.get(f"/api/v1/cases/{case.public_id}", headers=_auth(token)).status_code == 200
    res = CliRunner().invoke(main, ["token", "add", "X", "--scope", "cases:everything"])
    assert res.exit_code == 2


def test_tokens_are_hashed_at_rest_and_can_be_revoked(app, client, api_token, db):
    from sqlmodel import select

    from workbench.db.models import ApiToken
    from workbench.services import api_tokens, audit

    token = api_token("cases:read")
    row = db.exec(select(ApiToken)).one()
    assert token not in (row.token_hash, row.scopes) and len(row.token_hash) == 64
    assert client.get("/api/v1/openapi.json", headers=_auth(token)).status_code == 200
    api_tokens.revoke(db, row, actor=audit.Actor.cli())
    db.commit()
    assert client.get("/api/v1/openapi.json", headers=_auth(token)).status_code == 401


def test_a_session_cookie_does_not_open_the_api(client_as, import_case):
    case = import_case("D01.json")
    sb = client_as("saksbehandler")
    assert sb.get(f"/api/v1/cases/{case.public_id}").status_code == 401


def _doc_path_to_rule(path: str) -> str:
    return "/api/v1" + re.sub(r"\{(\w+)\}", r"<\1>", path)


def test_openapi_document_matches_the_routes(app, client, api_token):
    doc = client.get("/api/v1/openapi.json", headers=_auth(api_token("cases:read"))).get_json()
    assert doc["openapi"].startswith("3.")
    documented = {(_doc_path_to_rule(p), m.upper()) for p, ops in doc["paths"].items() for m in ops}
    routed = {(r.rule, m) for r in app.url_map.iter_rules() if r.rule.startswith("/api/")
              for m in r.methods - {"HEAD", "OPTIONS"}}
    assert documented == routed
    # every documented status is one the route can give; 401 everywhere
    for ops in doc["paths"].values():
        for op in ops.values():
            assert "401" in op["responses"]
    refs = re.findall(r'"\$ref": "#/components/schemas/(\w+)"', json.dumps(doc))
    assert set(refs) <= set(doc["components"]["schemas"])


def test_openapi_names_the_scopes_each_operation_needs(app, client, api_token):
    """Each operation's security requirements (alternatives) list exactly the scopes its route's
    ``token_required`` accepts; every scope is described."""
    from workbench.services import api_tokens

    doc = client.get("/api/v1/openapi.json", headers=_auth(api_token("cases:read"))).get_json()
    views = {(r.rule, m): app.view_functions[r.endpoint] for r in app.url_map.iter_rules()
             if r.rule.startswith("/api/") for m in r.methods - {"HEAD", "OPTIONS"}}
    for path, ops in doc["paths"].items():
        for method, op in ops.items():
            view = views[(_doc_path_to_rule(path), method.upper())]
            documented = {s for req in op["security"] for s in req["bearer"]}
            assert documented == set(view.required_scopes), (path, method)
            assert set(op["x-klagebenk-scopes"]) == documented
            for scope in documented:
                assert scope in op["description"], (path, method)
    assert doc["paths"]["/cases"]["post"]["security"] == [{"bearer": ["cases:write"]}]
    assert {s for req in doc["paths"]["/cases/{public_id}"]["get"]["security"] for s in req["bearer"]} == {
        "cases:read", "cases:read-open"}
    described = doc["components"]["securitySchemes"]["bearer"]["description"]
    assert all(scope in described for scope in api_tokens.SCOPES)


def test_api_errors_are_json(client, api_token):
    token = api_token("cases:read")
    r = client.get("/api/v1/nope", headers=_auth(token))
    assert r.status_code == 404 and r.is_json
    r = client.post("/api/v1/cases/abc", headers=_auth(token))
    assert r.status_code == 405 and r.is_json
