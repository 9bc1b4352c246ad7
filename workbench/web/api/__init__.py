"""JSON API for systems that hand cases over (Nav's case system, the archive).

Bearer tokens per client (``Authorization: Bearer kb_…``), hashed at rest, scoped like the web
roles (``services/api_tokens.py``): ``cases:write`` hands a case over, ``cases:read`` reads finished
cases only (the arkivar's view), ``cases:read-open`` every case (a saksbehandler's). Errors:
``{"error": {"code", "message", "fields": [{"path", "message"}]}}``. The OpenAPI document is served at
``/api/v1/openapi.json`` and kept true by a test.
"""

from workbench.web.api.errors import json_error
from workbench.web.api.routes import bp

__all__ = ["bp", "json_error"]
