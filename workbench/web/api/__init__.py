"""JSON API for systems that hand cases over (Nav's case system, the archive).

Bearer tokens per client (``Authorization: Bearer kb_…``), hashed at rest, scoped like the web
roles (``services/api_tokens.py``): ``cases:write`` hands a case over, ``cases:read`` reads finished
cases only (the arkivar's view), ``cases:read-open`` every case (a saksbehandler's). Errors:
``{"error": {"code", "message", "fields": [{"path", "message"}]}}``. The OpenAPI document is served at
``/api/v1/openapi.json`` and kept true by a test.
"""

from flask import Blueprint, jsonify

bp = Blueprint("api", __name__, url_prefix="/api/v1")


def json_error(status: int, code: str, message: str, fields: list[dict] | None = None,
               headers: dict | None = None):
    body: dict = {"error": {"code": code, "message": message}}
    if fields is not None:
        body["error"]["fields"] = fields
    response = jsonify(body)
    response.status_code = status
    for k, v in (headers or {}).items():
        response.headers[k] = v
    return response


from workbench.web.api import routes  # noqa: E402,F401
