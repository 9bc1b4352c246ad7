from functools import wraps

from flask import Blueprint, g, jsonify, request, url_for

from workbench.web.api.errors import json_error
from workbench.web.api.openapi import openapi_document
from workbench.db.session import db_session
from workbench.services import api_tokens, audit
from workbench.services import cases as case_service

bp = Blueprint("api", __name__, url_prefix="/api/v1")

WWW_AUTH = {"WWW-Authenticate": 'Bearer realm="klagebenk"'}


def token_required(*scopes: str):
    """A valid bearer token; with ``scopes``, one that carries at least one of them. Which cases a
    read scope opens is decided per case (``api_tokens.may_read``, in ``_load``)."""

    def decorator(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            header = request.headers.get("Authorization", "")
            kind, _, token = header.partition(" ")
            if kind.lower() != "bearer" or not token.strip():
                return json_error(401, "unauthorized", "Mangler API-nøkkel (Authorization: Bearer …).",
                                  headers=WWW_AUTH)
            s = db_session()
            row = api_tokens.find_active(s, token.strip())
            if row is None:
                return json_error(401, "unauthorized", "Ugyldig eller tilbakekalt API-nøkkel.",
                                  headers=WWW_AUTH)
            if scopes and not set(scopes) & set(row.scope_list):
                return json_error(403, "forbidden",
                                  f"API-nøkkelen mangler tilgangen {' eller '.join(scopes)}.")
            api_tokens.touch(s, row)
            g.api_token = row
            return view(*args, **kwargs)

        wrapped.required_scopes = frozenset(scopes)  # any one of them; the OpenAPI test reads this
        return wrapped

    return decorator


def _case_json(case, evaluation=None) -> dict:
    body = {
        "id": case.public_id,
        "status": case.status,
        "version": case.version,
        "nav_reference": case.nav_reference,
        "nav_office": case.nav_office,
        "decision_date": case.decision_date.isoformat(),
        "decision_kind": case.decision_kind,
        "received": case.received.isoformat() if case.received else None,
        "created_at": case.created_at.isoformat(),
        "links": {
            "self": url_for("api.get_case", public_id=case.public_id),
            "evaluation": url_for("api.get_evaluation", public_id=case.public_id),
        },
    }
    return body


@bp.get("/openapi.json")
@token_required()
def openapi():
    return jsonify(openapi_document())


@bp.post("/cases")
@token_required(api_tokens.WRITE)
def create_case():
    data = request.get_data(cache=False)
    if not data:
        return json_error(400, "invalid_document", "Tom forespørsel: send et importdokument som JSON.",
                          fields=[{"path": "", "message": "Dokumentet mangler."}])
    try:
        case = case_service.import_document(db_session(), data, origin="api",
                                            actor=audit.Actor(api_token_id=g.api_token.id))
    except case_service.InvalidDocument as exc:
        return json_error(422, "invalid_document", "Dokumentet er ugyldig.",
                          fields=[{"path": e.path, "message": e.message} for e in exc.errors])
    response = jsonify(_case_json(case))
    response.status_code = 201
    response.headers["Location"] = url_for("api.get_case", public_id=case.public_id)
    return response


def _load(public_id: str):
    """The case, if this token's scopes may read it: ``cases:read`` finished cases only (like the
    web arkivar), ``cases:read-open`` every case (like a saksbehandler). 403 otherwise, as the web
    gives the arkivar on an open case."""
    case = case_service.get_case(db_session(), public_id)
    if case is None:
        return None, json_error(404, "not_found", "Fant ingen sak med denne id-en.")
    if not api_tokens.may_read(g.api_token.scope_list, case.status):
        return None, json_error(403, "forbidden", "Saken er ikke ferdigstilt. API-nøkkelen gir bare tilgang "
                                                  f"til ferdigstilte saker ({api_tokens.READ_FINISHED}); åpne "
                                                  f"saker krever tilgangen {api_tokens.READ_OPEN}.")
    return case, None


@bp.get("/cases/<public_id>")
@token_required(api_tokens.READ_FINISHED, api_tokens.READ_OPEN)
def get_case(public_id: str):
    case, err = _load(public_id)
    if err:
        return err
    body = _case_json(case)
    body["document"] = case_service.imported_for(db_session(), case).parsed
    return jsonify(body)


@bp.get("/cases/<public_id>/evaluation")
@token_required(api_tokens.READ_FINISHED, api_tokens.READ_OPEN)
def get_evaluation(public_id: str):
    case, err = _load(public_id)
    if err:
        return err
    ev = case_service.latest_evaluation(db_session(), case)
    if ev is None or ev.result is None:
        return json_error(409, "not_evaluated", ev.error if ev and ev.error else
                          "Saken er ikke vurdert.")
    return jsonify({"case_id": case.public_id, "evaluated_on": ev.evaluated_on.isoformat(),
                    "evaluation": ev.result})
