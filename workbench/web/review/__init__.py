"""The appeal review (issue 5, «See what Nav got wrong»): admissibility, Nav ↔ loven, discrepancies,
discretion (⚖), the outcome, the claimant's arguments and fact corrections. Routes and forms only;
storage in ``workbench.services.review_store``, the law in ``workbench.rules``."""

from workbench.web.review.routes import bp

__all__ = ["bp"]
