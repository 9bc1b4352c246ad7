"""The JSON API: bearer tokens per client (hashed at rest, scoped), JSON errors with field path
and reason, and an OpenAPI document that matches the routes."""

from __future__ import annotations

import json
import re
from pathlib import Path

CASES = Path(__file__).resolve().parents[2] / "docs" / "cases"


def _auth(token):
    return {"Authorization": f"Bearer {token}"}


def test_post_then_get_case_and_evaluation(client, api_token):
    token = api_token("cases:write", "cases:read")
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


def test_tokens_are_checked_and_scoped(client, api_token, import_case):
    case = import_case("D01.json")
    reader = api_token("cases:read")
    writer = api_token("cases:write")
    assert client.get(f"/api/v1/cases/{case.public_id}").status_code == 401
    r = client.get(f"/api/v1/cases/{case.public_id}", headers=_auth("kb_wrong"))
    assert r.status_code == 401 and r.get_json()["error"]["code"] == "unauthorized"
    assert client.get(f"/api/v1/cases/{case.public_id}", headers=_auth(writer)).status_code == 403
    assert client.post("/api/v1/cases", json={}, headers=_auth(reader)).status_code == 403
    assert client.get(f"/api/v1/cases/{case.public_id}", headers=_auth(reader)).status_code == 200
    assert client.get("/api/v1/cases/" + "0" * 32, headers=_auth(reader)).status_code == 404


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


def test_api_errors_are_json(client, api_token):
    token = api_token("cases:read")
    r = client.get("/api/v1/nope", headers=_auth(token))
    assert r.status_code == 404 and r.is_json
    r = client.post("/api/v1/cases/abc", headers=_auth(token))
    assert r.status_code == 405 and r.is_json
