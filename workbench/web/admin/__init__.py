"""Administration: users and API tokens. Only the admin role; no case data here."""

from flask import Blueprint

bp = Blueprint("admin", __name__, url_prefix="/admin")

from workbench.web.admin import routes  # noqa: E402,F401
