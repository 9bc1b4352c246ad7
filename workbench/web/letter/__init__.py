"""The decision letter pages (issue 6): edit with live preview, two-person approval, finalize, PDFs."""

from flask import Blueprint

bp = Blueprint("vedtak", __name__)

from workbench.web.letter import routes  # noqa: E402,F401
