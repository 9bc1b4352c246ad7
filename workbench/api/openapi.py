"""The OpenAPI 3.1 document of the JSON API. ``tests/web/test_web_api.py`` checks that every route
under /api is in it and every path in it is a route."""

from __future__ import annotations

_ERROR = {"$ref": "#/components/schemas/Error"}


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
                                "Statsforvalteren, og lesing av saker og vurderinger."},
        "servers": [{"url": "/api/v1"}],
        "security": [{"bearer": []}],
        "paths": {
            "/openapi.json": {"get": {
                "operationId": "openapi", "summary": "Dette dokumentet",
                "responses": {"200": {"description": "OpenAPI-dokumentet"},
                              "401": _err("Mangler eller ugyldig API-nøkkel")}}},
            "/cases": {"post": {
                "operationId": "createCase",
                "summary": "Opprett en sak fra et importdokument (klagebenk.nav-vedtak/1)",
                "description": "Krever tilgangen cases:write. Dokumentet valideres som ved "
                               "opplasting; ved feil lagres ingenting.",
                "requestBody": {"required": True, "content": {"application/json": {
                    "schema": {"$ref": "#/components/schemas/ImportDocument"}}}},
                "responses": {
                    "201": {"description": "Saken er opprettet",
                            "headers": {"Location": {"schema": {"type": "string"}}},
                            "content": {"application/json": {
                                "schema": {"$ref": "#/components/schemas/Case"}}}},
                    "400": _err("Tom forespørsel"),
                    "401": _err("Mangler eller ugyldig API-nøkkel"),
                    "403": _err("API-nøkkelen mangler tilgangen cases:write"),
                    "422": _err("Dokumentet er ugyldig; error.fields har sti og grunn per felt"),
                }}},
            "/cases/{public_id}": {"get": {
                "operationId": "getCase", "summary": "Les en sak med importdokumentet",
                "description": "Krever tilgangen cases:read.",
                "parameters": [case_id],
                "responses": {
                    "200": {"description": "Saken", "content": {"application/json": {
                        "schema": {"$ref": "#/components/schemas/CaseWithDocument"}}}},
                    "401": _err("Mangler eller ugyldig API-nøkkel"),
                    "403": _err("API-nøkkelen mangler tilgangen cases:read"),
                    "404": _err("Ingen sak med denne id-en"),
                }}},
            "/cases/{public_id}/evaluation": {"get": {
                "operationId": "getEvaluation", "summary": "Les den nyeste vurderingen av saken",
                "description": "Krever tilgangen cases:read. Formatet er «Output of an "
                               "evaluation» i import-format.md.",
                "parameters": [case_id],
                "responses": {
                    "200": {"description": "Vurderingen", "content": {"application/json": {
                        "schema": {"$ref": "#/components/schemas/EvaluationEnvelope"}}}},
                    "401": _err("Mangler eller ugyldig API-nøkkel"),
                    "403": _err("API-nøkkelen mangler tilgangen cases:read"),
                    "404": _err("Ingen sak med denne id-en"),
                    "409": _err("Saken er ikke vurdert"),
                }}},
        },
        "components": {
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer",
                                           "description": "API-nøkkel per klient (kb_…)"}},
            "schemas": {
                "Error": {"type": "object", "required": ["error"], "properties": {"error": {
                    "type": "object", "required": ["code", "message"], "properties": {
                        "code": {"type": "string"}, "message": {"type": "string"},
                        "fields": {"type": "array", "items": {
                            "type": "object", "required": ["path", "message"],
                            "properties": {"path": {"type": "string",
                                                    "examples": ["payments[0].net"]},
                                           "message": {"type": "string"}}}}}}}},
                "ImportDocument": {"type": "object", "required": [
                    "format", "nav_office", "decision", "participant", "programme", "appeal"],
                    "properties": {"format": {"const": "klagebenk.nav-vedtak/1"}},
                    "description": "Se import-format.md"},
                "Case": {"type": "object", "required": ["id", "status", "version"], "properties": {
                    "id": {"type": "string"},
                    "status": {"enum": ["mottatt", "under_behandling", "til_godkjenning",
                                        "ferdigstilt", "arkivert"]},
                    "version": {"type": "integer"},
                    "nav_reference": {"type": "string"}, "nav_office": {"type": "string"},
                    "decision_date": {"type": "string", "format": "date"},
                    "decision_kind": {"type": "string"},
                    "received": {"type": "string", "format": "date"},
                    "created_at": {"type": "string", "format": "date-time"},
                    "links": {"type": "object"}}},
                "CaseWithDocument": {"allOf": [{"$ref": "#/components/schemas/Case"}, {
                    "type": "object", "properties": {
                        "document": {"$ref": "#/components/schemas/ImportDocument"}}}]},
                "EvaluationEnvelope": {"type": "object", "properties": {
                    "case_id": {"type": "string"},
                    "evaluated_on": {"type": "string", "format": "date"},
                    "evaluation": {"type": "object"}}},
            },
        },
    }
