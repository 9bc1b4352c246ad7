"""Administration: users and API tokens. Only the admin role; no case data here."""

from workbench.web.admin.routes import bp

__all__ = ["bp"]
