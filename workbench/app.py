"""The application factory, made of small ``register_*`` steps.

Templates live in the top-level ``templates/`` folder and static files in ``workbench/static``;
both are found from the package's location, never from the working directory.
"""

from __future__ import annotations

import logging
from pathlib import Path

from flask import Flask, redirect, render_template, request
from flask_login import current_user

from workbench import config as config_module
from workbench.extensions import csrf, login_manager

PACKAGE_DIR = Path(__file__).resolve().parent
ROOT_DIR = PACKAGE_DIR.parent
TEMPLATES_DIR = ROOT_DIR / "templates"
STATIC_DIR = PACKAGE_DIR / "static"

#: Endpoints reachable without a session. Everything else needs a login (or, under /api, a token).
PUBLIC_ENDPOINTS = {"auth.login", "static"}


def create_app(config: dict | None = None) -> Flask:
    app = Flask("workbench", template_folder=str(TEMPLATES_DIR), static_folder=str(STATIC_DIR),
                instance_relative_config=True)
    register_config(app, config)
    register_logging(app)
    register_passwords(app)
    register_database(app)
    register_extensions(app)
    register_blueprints(app)
    register_access_guard(app)
    register_security_headers(app)
    register_template_helpers(app)
    register_errorhandlers(app)
    return app


def warm_up(app: Flask) -> int:
    """Compile every page template and the letter's templates, and load the spelling dictionaries, once, in
    the process that will fork the workers (gunicorn's master with ``preload_app``,
    ``gunicorn.conf.when_ready``): each worker then starts with them, instead of spending its first requests
    on it (0.4–0.6 s a template, ≈ 9 s for the dictionaries, measured by benchmarks/load.py: the first
    letter pages waited 25 s). Returns how many templates were compiled."""
    from workbench.letters import spelling
    from workbench.letters.render import environment

    if spelling.installed():  # the letter's spelling check: ≈ 9 s to load nb and nn, once, not per worker
        spelling.load()
    names = [n for n in app.jinja_env.list_templates() if n.endswith(".html")]
    for name in names:
        app.jinja_env.get_template(name)
    letters = environment()
    letter_names = [n for n in letters.list_templates() if n.endswith(".j2")]
    for name in letter_names:
        letters.get_template(name)
    return len(names) + len(letter_names)


def _serving() -> bool:
    """False for CLI commands that never serve a page (they need no SECRET_KEY)."""
    import click

    ctx = click.get_current_context(silent=True)
    if ctx is None:
        return True  # a WSGI server importing the app
    return ctx.command.name in {"run", "demo", "serve"}


def register_config(app: Flask, overrides: dict | None) -> None:
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    serving = _serving()
    app.config.update(config_module.from_environment(app.instance_path, overrides, serving=serving))
    if app.debug and serving and app.config["KLAGEBENK_MODE"] == "production":
        # from_environment refuses FLASK_DEBUG; this catches debug switched on any other way
        raise config_module.ConfigError(
            "FLASK_DEBUG is set: production never serves in debug mode. Unset FLASK_DEBUG.")
    proxies = app.config.get("KLAGEBENK_PROXY_COUNT", 0)
    if proxies:
        # The client's address (login throttling) and scheme come from the proxies' headers, and
        # only from as many hops as are ours: anything further left could be forged by the client.
        from werkzeug.middleware.proxy_fix import ProxyFix

        # Flask's documented way to wrap the WSGI app in middleware (mypy sees a method being replaced)
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies, x_host=0)  # type: ignore[method-assign]


def register_passwords(app: Flask) -> None:
    from workbench.services import passwords

    passwords.configure("test" if app.config["KLAGEBENK_MODE"] == "test" else "default")


def register_logging(app: Flask) -> None:
    # Request lines carry opaque ids only; never log documents, names or fødselsnumre.
    if not app.debug and not app.testing:
        app.logger.setLevel(logging.INFO)


def register_database(app: Flask) -> None:
    from workbench.db import session as db_session_module

    db_session_module.init_app(app)


def register_extensions(app: Flask) -> None:
    from workbench.web.auth import session_glue

    csrf.init_app(app)
    login_manager.init_app(app)
    # A session lives on the server (user_sessions): logout, idle timeout and absolute lifetime
    # end it there, so a saved cookie is worthless afterwards (workbench/web/auth/session_glue.py).
    login_manager.user_loader(session_glue.load_user)
    login_manager.unauthorized_handler(session_glue.unauthorized)


def register_blueprints(app: Flask) -> None:
    from workbench.web.admin import bp as admin_bp
    from workbench.web.api import bp as api_bp
    from workbench.web.archive import bp as archive_bp
    from workbench.web.auth import bp as auth_bp
    from workbench.web.cases import bp as cases_bp
    from workbench.web.imports import bp as imports_bp
    from workbench.web.review import bp as review_bp
    from workbench.web.letter import bp as vedtak_bp
    from workbench.web.oversight import bp as oversight_bp
    from workbench.web.side_letters import bp as side_letters_bp

    app.register_blueprint(auth_bp)
    app.register_blueprint(cases_bp)
    app.register_blueprint(imports_bp)
    app.register_blueprint(admin_bp)
    app.register_blueprint(api_bp)
    app.register_blueprint(review_bp)
    app.register_blueprint(vedtak_bp)
    app.register_blueprint(archive_bp)
    app.register_blueprint(side_letters_bp)
    app.register_blueprint(oversight_bp)
    csrf.exempt(api_bp)  # bearer tokens, no cookies

    @app.get("/")
    def index():
        from workbench.web.access import home_for

        return redirect(home_for(current_user))


def register_access_guard(app: Flask) -> None:
    """Defence in depth: every page but the login page needs a session, whatever a view forgets."""

    @app.before_request
    def _require_login():
        endpoint = request.endpoint or ""
        if endpoint in PUBLIC_ENDPOINTS or request.path.startswith("/api/"):
            return None
        if not current_user.is_authenticated:
            return login_manager.unauthorized()
        return None


def register_security_headers(app: Flask) -> None:
    @app.after_request
    def _headers(response):
        response.headers.setdefault(
            "Content-Security-Policy",
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
            "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'")
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        response.headers.setdefault("X-Frame-Options", "DENY")
        if request.endpoint != "static":
            response.headers.setdefault("Cache-Control", "no-store")
        return response


def register_template_helpers(app: Flask) -> None:
    from workbench.web import filters

    filters.init_app(app)


def register_errorhandlers(app: Flask) -> None:
    from werkzeug.exceptions import HTTPException

    from workbench.web.api.errors import json_error

    titles = {400: "Ugyldig forespørsel", 403: "Ingen tilgang", 404: "Fant ikke siden",
              405: "Metoden er ikke tillatt", 409: "Konflikt", 413: "Filen er for stor",
              500: "Noe gikk galt"}

    @app.errorhandler(HTTPException)
    def _http_error(exc: HTTPException):
        if request.path.startswith("/api/"):
            message = ("Forespørselen er for stor (høyst 2 MB)." if exc.code == 413
                       else exc.description or exc.name)
            return json_error(exc.code or 500, exc.name.lower().replace(" ", "_"), message)
        title = titles.get(exc.code or 500, exc.name)
        return render_template("errors/error.html", code=exc.code, title=title), exc.code

    @app.errorhandler(Exception)
    def _unexpected(exc: Exception):
        if app.testing:
            raise exc
        app.logger.exception("unhandled error on %s %s", request.method, request.endpoint)
        if request.path.startswith("/api/"):
            return json_error(500, "internal_error", "Intern feil.")
        return render_template("errors/error.html", code=500, title=titles[500]), 500
