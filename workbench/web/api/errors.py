"""The API's error body, one shape for every error (also the app's handlers for /api/ paths):
``{"error": {"code", "message", "fields": [{"path", "message"}]}}``."""

from flask import Response, jsonify


def json_error(status: int, code: str, message: str, fields: list[dict] | None = None,
               headers: dict | None = None) -> Response:
    """A JSON error response: ``status``, a machine ``code``, a Norwegian ``message``, and the
    field errors when there are any."""
    body: dict = {"error": {"code": code, "message": message}}
    if fields is not None:
        body["error"]["fields"] = fields
    response = jsonify(body)
    response.status_code = status
    for k, v in (headers or {}).items():
        response.headers[k] = v
    return response
