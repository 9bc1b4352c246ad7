"""The OpenAPI 3.1 document of the JSON API. ``tests/web/test_web_api.py`` checks that every route
under /api is in it and every path in it is a route, and that each operation's ``security`` names the
scopes its route requires.

Scopes are written as OpenAPI 3.1 allows for a non-OAuth scheme: the roles listed in a security
requirement (``{"bearer": ["cases:read"]}``); several requirements are alternatives — any one of the
scopes will do. ``x-klagebenk-scopes`` repeats them as one list for readers that ignore roles there.
"""

from __future__ import annotations

from workbench.formats.import_format.schema import import_document_schema
from workbench.services.api_tokens import READ_FINISHED, READ_OPEN, SCOPES, WRITE

_ERROR = {"$ref": "#/components/schemas/Error"}


def _needs(*scopes: str) -> dict:
    """``security`` (alternatives) and ``x-klagebenk-scopes`` for an operation needing any of ``scopes``."""
    return {"security": [{"bearer": [s]} for s in scopes] or [{"bearer": []}],
            "x-klagebenk-scopes": list(scopes)}


_READ_RULE = (f"Krever tilgangen {READ_FINISHED} eller {READ_OPEN}. Med {READ_FINISHED} bare ferdigstilte "
              f"og arkiverte saker (som arkivaren i nettleseren); en åpen sak gir 403. Med {READ_OPEN} alle "
              "saker (som saksbehandleren).")


def _err(description: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": _ERROR}}}


def openapi_document() -> dict:
    case_id = {"name": "public_id", "in": "path", "required": True,
               "description": "Sakens id (opak, aldri fødselsnummer eller navn)",
               "schema": {"type": "string", "pattern": "^[0-9a-f]{32}$"}}
    return {
        "openapi": "3.1.0",
        "info": {"title": "Klagebenk API", "version": "1",
                 "description": "Overlevering av klagesaker om kvalifiseringsstønad til "
                                "Statsforvalteren, og lesing av saker og vurderinger. Tilganger "
                                "(scopes) per API-nøkkel: "
                                + "; ".join(f"{k}: {v}" for k, v in SCOPES.items()) + "."},
        "servers": [{"url": "/api/v1"}],
        "security": [{"bearer": []}],
        "paths": {
            "/openapi.json": {"get": {
                "operationId": "openapi", "summary": "Dette dokumentet",
                "description": "Krever en gyldig API-nøkkel, med hvilken som helst tilgang.",
                **_needs(),
                "responses": {"200": {"description": "OpenAPI-dokumentet"},
                              "401": _err("Mangler eller ugyldig API-nøkkel")}}},
            "/cases": {"post": {
                "operationId": "createCase",
                "summary": "Opprett en sak fra et importdokument (klagebenk.nav-vedtak/1)",
                "description": f"Krever tilgangen {WRITE}. Dokumentet valideres som ved "
                               "opplasting; ved feil lagres ingenting.",
                **_needs(WRITE),
                "requestBody": {"required": True, "content": {"application/json": {
                    "schema": {"$ref": "#/components/schemas/ImportDocument"}}}},
                "responses": {
                    "201": {"description": "Saken er opprettet",
                            "headers": {"Location": {"schema": {"type": "string"}}},
                            "content": {"application/json": {
                                "schema": {"$ref": "#/components/schemas/Case"}}}},
                    "400": _err("Tom forespørsel"),
                    "401": _err("Mangler eller ugyldig API-nøkkel"),
                    "403": _err(f"API-nøkkelen mangler tilgangen {WRITE}"),
                    "422": _err("Dokumentet er ugyldig; error.fields har sti og grunn per felt"),
                }}},
            "/cases/{public_id}": {"get": {
                "operationId": "getCase", "summary": "Les en sak med importdokumentet",
                "description": _READ_RULE,
                **_needs(READ_FINISHED, READ_OPEN),
                "parameters": [case_id],
                "responses": {
                    "200": {"description": "Saken", "content": {"application/json": {
                        "schema": {"$ref": "#/components/schemas/CaseWithDocument"}}}},
                    "401": _err("Mangler eller ugyldig API-nøkkel"),
                    "403": _err(f"API-nøkkelen mangler tilgangen {READ_FINISHED} og "
                                f"{READ_OPEN}, eller har bare {READ_FINISHED} og saken er åpen"),
                    "404": _err("Ingen sak med denne id-en"),
                }}},
            "/cases/{public_id}/evaluation": {"get": {
                "operationId": "getEvaluation", "summary": "Les den nyeste vurderingen av saken",
                "description": _READ_RULE + " Formatet er «Output of an evaluation» i "
                                            "import-format.md.",
                **_needs(READ_FINISHED, READ_OPEN),
                "parameters": [case_id],
                "responses": {
                    "200": {"description": "Vurderingen", "content": {"application/json": {
                        "schema": {"$ref": "#/components/schemas/EvaluationEnvelope"}}}},
                    "401": _err("Mangler eller ugyldig API-nøkkel"),
                    "403": _err(f"API-nøkkelen mangler tilgangen {READ_FINISHED} og "
                                f"{READ_OPEN}, eller har bare {READ_FINISHED} og saken er åpen"),
                    "404": _err("Ingen sak med denne id-en"),
                    "409": _err("Saken er ikke vurdert"),
                }}},
        },
        "components": {
            "securitySchemes": {"bearer": {
                "type": "http", "scheme": "bearer",
                "description": "API-nøkkel per klient (kb_…), med én eller flere tilganger: "
                               + "; ".join(f"{k}: {v}" for k, v in SCOPES.items()) + "."}},
            "schemas": {
                "Error": {"type": "object", "required": ["error"], "properties": {"error": {
                    "type": "object", "required": ["code", "message"], "properties": {
                        "code": {"type": "string"}, "message": {"type": "string"},
                        "fields": {"type": "array", "items": {
                            "type": "object", "required": ["path", "message"],
                            "properties": {"path": {"type": "string",
                                                    "examples": ["payments[0].net"]},
                                           "message": {"type": "string"}}}}}}}},
                # the whole import format, built from the validation's own fields and limits
                "ImportDocument": import_document_schema(),
                "Case": {"type": "object", "required": ["id", "status", "version"], "properties": {
                    "id": {"type": "string"},
                    "status": {"enum": ["mottatt", "under_behandling", "til_godkjenning",
                                        "ferdigstilt", "arkivert"]},
                    "version": {"type": "integer"},
                    "nav_reference": {"type": "string"}, "nav_office": {"type": "string"},
                    "decision_date": {"type": "string", "format": "date"},
                    "decision_kind": {"type": "string"},
                    "received": {"type": ["string", "null"], "format": "date", "description": (
                        "Dagen saken kom inn hos Statsforvalteren; null til den er registrert (saken kan ikke "
                        "startes før)")},
                    "created_at": {"type": "string", "format": "date-time"},
                    "links": {"type": "object"}}},
                "CaseWithDocument": {"allOf": [{"$ref": "#/components/schemas/Case"}, {
                    "type": "object", "properties": {
                        "document": {"type": "object", "description": (
                            "Importdokumentet slik det ble lest (ImportDocument, med beløp og timer "
                            "som tekst)")}}}]},
                "EvaluationEnvelope": {"type": "object", "properties": {
                    "case_id": {"type": "string"},
                    "evaluated_on": {"type": "string", "format": "date"},
                    "evaluation": {"type": "object"}}},
            },
        },
    }
