"""The archive: search ferdigstilt/arkivert cases, archive a ferdigstilt case, download its package
(``workbench/services/archive.py``). arkivar and leder only; search terms travel by POST."""

from flask import Blueprint

bp = Blueprint("archive", __name__, url_prefix="/arkivering")

from workbench.web.archive import routes  # noqa: E402,F401
