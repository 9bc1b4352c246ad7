"""Case list (Mine saker / Alle saker / Til arkiv) and the case page."""

from workbench.web.cases.routes import bp

__all__ = ["bp"]
