"""Login and logout (Flask-Login sessions, argon2 hashes)."""

from flask import Blueprint

bp = Blueprint("auth", __name__, url_prefix="/auth")

from workbench.web.auth import routes  # noqa: E402,F401
