from urllib.parse import urlsplit

from flask import flash, redirect, render_template, request, session, url_for
from flask_login import current_user, login_required, login_user, logout_user

from workbench.auth import bp
from workbench.auth.forms import LoginForm, LogoutForm
from workbench.db.session import db_session
from workbench.services import audit, users
from workbench.web.access import home_for


def _safe_next(target: str | None) -> str | None:
    if not target:
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return None
    return target


@bp.route("/login", methods=["GET", "POST"])
def login():
    if current_user.is_authenticated:
        return redirect(home_for(current_user))
    form = LoginForm()
    error = None
    if form.validate_on_submit():
        s = db_session()
        user = users.authenticate(s, form.username.data, form.password.data)
        if user is None:
            error = "Feil brukernavn eller passord."
            s.rollback()
        else:
            session.clear()
            login_user(user)
            audit.record(s, audit.Actor(user_id=user.id), "user.login")
            s.commit()
            return redirect(_safe_next(request.args.get("next")) or home_for(user))
    status = 401 if error else 200
    return render_template("auth/login.html", form=form, error=error), status


@bp.post("/logout")
@login_required
def logout():
    form = LogoutForm()
    if form.validate_on_submit():
        s = db_session()
        audit.record(s, audit.Actor(user_id=current_user.id), "user.logout")
        s.commit()
        logout_user()
        session.clear()
        flash("Du er logget ut.", "info")
    return redirect(url_for("auth.login"))
