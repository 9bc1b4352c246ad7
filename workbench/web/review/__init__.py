"""The appeal review (issue 5, «See what Nav got wrong»): admissibility, Nav ↔ loven, discrepancies,
discretion (⚖), the outcome, the claimant's arguments and fact corrections. Routes and forms only;
storage in ``workbench.services.review_store``, the law in ``workbench.rules``."""

from flask import Blueprint

bp = Blueprint("review", __name__, url_prefix="/saker")

from workbench.web.review import routes  # noqa: E402,F401
