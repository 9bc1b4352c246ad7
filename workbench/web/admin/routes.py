from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_wtf import FlaskForm
from wtforms import PasswordField, SelectChoice, SelectField, SelectMultipleField, StringField
from wtforms.validators import DataRequired, Length
from wtforms.widgets import CheckboxInput, ListWidget

from workbench.db.models import ROLE_LABELS
from workbench.db.session import db_session
from workbench.services import api_tokens, users
from workbench.web.access import ADMINS, roles_required
from workbench.web.helpers import current_actor

bp = Blueprint("admin", __name__, url_prefix="/admin")


class UserForm(FlaskForm):
    username = StringField("Brukernavn", validators=[DataRequired("Skriv et brukernavn."), Length(max=64)])
    display_name = StringField("Fullt navn", validators=[DataRequired("Skriv navnet."), Length(max=200)])
    role = SelectField("Rolle", choices=[SelectChoice(r.value, label) for r, label in ROLE_LABELS.items()])
    password = PasswordField("Passord", validators=[DataRequired("Skriv et passord.")],
                             description="Minst 10 tegn og vanskelig å gjette: gjerne tre–fire ord "
                                         "som ikke hører sammen. Vanlige passord avvises.")


class TokenForm(FlaskForm):
    client = StringField("Klientsystem", validators=[DataRequired("Skriv navnet på systemet."),
                                                     Length(max=100)])
    scopes = SelectMultipleField("Tilganger", choices=[SelectChoice(k, v) for k, v in api_tokens.SCOPES.items()],
                                 option_widget=CheckboxInput(), widget=ListWidget(prefix_label=False),
                                 validators=[DataRequired("Velg minst én tilgang.")])


class PlainForm(FlaskForm):
    pass


_actor = current_actor


@bp.route("/brukere", methods=["GET", "POST"], endpoint="users")
@roles_required(ADMINS)
def users_page():
    form = UserForm()
    status = 200
    if form.validate_on_submit():
        try:
            user = users.create_user(db_session(), form.username.data or "", form.password.data or "",
                                     form.role.data or "", display_name=form.display_name.data, actor=_actor())
        except users.UserError as exc:
            getattr(form, exc.field).errors.append(exc.message)
            status = 400
        else:
            flash(f"Brukeren {user.username} er opprettet.", "success")
            return redirect(url_for("admin.users"))
    elif form.is_submitted():
        status = 400
    return render_template("admin/users.html", form=form, users=users.list_users(db_session()),
                           toggle_form=PlainForm()), status


@bp.post("/brukere/<int:user_id>/aktiv")
@roles_required(ADMINS)
def toggle_active(user_id: int):
    form = PlainForm()
    if not form.validate_on_submit():
        abort(400)
    s = db_session()
    user = users.get_user(s, user_id)
    if user is None:
        abort(404)
    try:
        users.set_active(s, user, not user.active, actor=_actor())  # deactivating ends their sessions
    except users.UserError as exc:
        flash(exc.message, "error")
        return redirect(url_for("admin.users"))
    flash(f"Brukeren {user.username} er {'aktivert' if user.active else 'deaktivert'}.", "success")
    return redirect(url_for("admin.users"))


@bp.route("/api-nokler", methods=["GET", "POST"])
@roles_required(ADMINS)
def tokens():
    form = TokenForm()
    new_token = None
    status = 200
    if form.validate_on_submit():
        _row, new_token = api_tokens.create_token(db_session(), form.client.data or "", form.scopes.data or [],
                                                  actor=_actor())
        form = TokenForm(formdata=None)
    elif form.is_submitted():
        status = 400
    return render_template("admin/tokens.html", form=form, tokens=api_tokens.list_tokens(db_session()),
                           new_token=new_token, revoke_form=PlainForm(),
                           scope_labels=api_tokens.SCOPES), status


@bp.post("/api-nokler/<int:token_id>/tilbakekall")
@roles_required(ADMINS)
def revoke_token(token_id: int):
    form = PlainForm()
    if not form.validate_on_submit():
        abort(400)
    s = db_session()
    row = api_tokens.get_token(s, token_id)
    if row is None:
        abort(404)
    api_tokens.revoke(s, row, actor=_actor())
    flash(f"API-nøkkelen for {row.client} er tilbakekalt.", "success")
    return redirect(url_for("admin.tokens"))
