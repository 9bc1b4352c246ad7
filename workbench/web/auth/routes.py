from urllib.parse import urlsplit

from flask import current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from workbench.web.auth import bp, session_glue
from workbench.web.auth.forms import LoginForm, LogoutForm
from workbench.db.session import db_session
from workbench.services import audit, login_throttle, users
from workbench.web.access import home_for

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
        s = db_session()
        keys = login_throttle.keys(current_app.config["SECRET_KEY"], form.username.data,
                                   request.remote_addr)
        locks = login_throttle.locks(s, keys)
        if locks:
            # Refused before the password is looked at: the same for every username, and no
            # hash work for someone hammering the form.
            retry_after = max(lock.seconds for lock in locks)
            audit.record(s, audit.Actor.cli(), "user.login_throttled",
                         detail=_target(s, form.username.data)
                         + f" scope={'+'.join(lock.scope for lock in locks)} retry_after={retry_after}")
            s.commit()
            error, status = _throttled_message(retry_after), 429
        else:
            user = users.authenticate(s, form.username.data, form.password.data)
            if user is None:
                s.rollback()
                new_locks = login_throttle.record_failure(s, keys)
                target = _target(s, form.username.data)
                audit.record(s, audit.Actor.cli(), "user.login_failed", detail=target)
                for lock in new_locks:
                    audit.record(s, audit.Actor.cli(), "user.login_locked",
                                 detail=f"{target} scope={lock.scope} seconds={lock.seconds}")
                s.commit()
                if new_locks:
                    retry_after = max(lock.seconds for lock in new_locks)
                    error, status = _throttled_message(retry_after), 429
                else:
                    error, status = WRONG, 401
            else:
                login_throttle.record_success(s, keys)
                session_glue.begin(s, user)
                audit.record(s, audit.Actor(user_id=user.id), "user.login")
                s.commit()
                return redirect(_safe_next(request.args.get("next")) or home_for(user))
    response = current_app.make_response((render_template("auth/login.html", form=form, error=error),
                                           status))
    if retry_after:
        response.headers["Retry-After"] = str(retry_after)
    return response


def _target(s, username: str | None) -> str:
    """Whose account a failed login aimed at, for the audit trail: the user's id, never the name
    typed (it may be a password typed in the wrong field)."""
    user = users.get_by_username(s, username or "")
    if user is None:
        return "target=unknown"
    return f"target_user_id={user.id}" + ("" if user.active else " inactive")


@bp.post("/logout")
@login_required
def logout():
    form = LogoutForm()
    if form.validate_on_submit():
        s = db_session()
        audit.record(s, audit.Actor(user_id=current_user.id), "user.logout")
        session_glue.finish(s, "logout")
        s.commit()
        flash("Du er logget ut.", "info")
    return redirect(url_for("auth.login"))
