"""Login and logout (Flask-Login sessions, argon2 hashes)."""

from workbench.web.auth.routes import bp

__all__ = ["bp"]
