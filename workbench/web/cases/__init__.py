"""Case list (Mine saker / Alle saker / Til arkiv) and the case page."""

from flask import Blueprint

bp = Blueprint("cases", __name__, url_prefix="/saker")

from workbench.web.cases import routes  # noqa: E402,F401
