"""Import of a contested decision: JSON upload and the hand-entry form. Both build the import
document and go through the one validation in ``services.cases.import_document``."""

from flask import Blueprint

bp = Blueprint("imports", __name__, url_prefix="/import")

from workbench.web.imports import routes  # noqa: E402,F401
