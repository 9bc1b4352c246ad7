from urllib.parse import urlsplit

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from workbench.web.auth import session_glue
from workbench.web.auth.forms import LoginForm, LogoutForm
from workbench.db.session import db_session
from workbench.services import login_throttle
from workbench.web.access import home_for

bp = Blueprint("auth", __name__, url_prefix="/auth")

WRONG = "Feil brukernavn eller passord."


def _safe_next(target: str | None) -> str | None:
    if not target:
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return None
    return target


def _throttled_message(seconds: int) -> str:
    return (f"For mange mislykkede innloggingsforsøk. Vent {login_throttle.wait_text(seconds)} "
            "og prøv igjen.")


@bp.route("/login", methods=["GET", "POST"])
def login():
    if current_user.is_authenticated:
        return redirect(home_for(current_user))
    form = LoginForm()
    error, status, retry_after = None, 200, None
    if form.validate_on_submit():
        result = session_glue.log_in(db_session(), form.username.data or "", form.password.data or "")
        if result.user is not None:
            return redirect(_safe_next(request.args.get("next")) or home_for(result.user))
        retry_after = result.retry_after
        error, status = (_throttled_message(retry_after), 429) if retry_after else (WRONG, 401)
    response = current_app.make_response((render_template("auth/login.html", form=form, error=error),
                                           status))
    if retry_after:
        response.headers["Retry-After"] = str(retry_after)
    return response


@bp.post("/logout")
@login_required
def logout():
    form = LogoutForm()
    if form.validate_on_submit():
        session_glue.finish(db_session(), current_user.id, "logout")
        flash("Du er logget ut.", "info")
    return redirect(url_for("auth.login"))
