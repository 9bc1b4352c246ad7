from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_login import current_user
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import SelectField
from wtforms.validators import Optional

from workbench.db.session import db_session
from workbench.web.imports.formdoc import add_row, field_id, flatten, parse_form, row_counts
from workbench.services import cases as case_service
from workbench.web.access import IMPORTERS, roles_required
from workbench.web.forms import NorwegianDateField
from workbench.web.helpers import current_actor
from workbench.web.review.facts import label_for_path, message


bp = Blueprint("imports", __name__, url_prefix="/import")


class UploadForm(FlaskForm):
    document = FileField("JSON-fil med vedtaket")
    #: The written standard of the case, chosen when it starts; empty: the document's participant.language.
    language = SelectField("Målform", choices=[("", "Som i dokumentet (ellers bokmål)"), ("nb", "Bokmål"),
                                               ("nn", "Nynorsk")], default="")
    #: The day the case reached Statsforvalteren, confirmed at intake (issue 13): every deadline counts from it.
    #: Empty: the document's appeal.statsforvalteren_received; without that, it is registered on the case
    #: before the case can be started — never the import day by default.
    received = NorwegianDateField("Mottatt hos Statsforvalteren", validators=[Optional()])


class ManualForm(FlaskForm):
    """Only the CSRF token: the fields are named by document path and read by ``build_document``."""


_actor = current_actor


def _problems(form_errors: dict[str, str], validation_errors) -> list[dict[str, str]]:
    """Every error for the page, by the Norwegian name of its field (never its path in the import document):
    the form's own reading (a date, an amount) first; the one validation's for the other fields, its
    messages in the page's words (``facts.message``: dates dd.mm.åååå, no advice about the JSON format)."""
    out = [{"path": p, "label": label_for_path(p), "message": m} for p, m in form_errors.items()]
    out += [{"path": e.path, "label": label_for_path(e.path), "message": message(e.message)}
            for e in validation_errors if e.path not in form_errors]
    return out


def _assignee():
    return current_user if current_user.role in IMPORTERS else None


@bp.get("/")
@roles_required(IMPORTERS)
def start():
    return render_template("imports/start.html", form=UploadForm(), errors=None)


@bp.post("/fil")
@roles_required(IMPORTERS)
def upload():
    form = UploadForm()
    if not form.validate_on_submit():
        return render_template("imports/start.html", form=form, errors=None), 400
    upload = form.document.data
    if upload is None or not getattr(upload, "filename", ""):
        return render_template("imports/start.html", form=form, file_error="Velg en JSON-fil.",
                               errors=None), 400
    data = upload.read()
    try:
        case = case_service.import_document(db_session(), data, origin="upload", actor=_actor(),
                                            filename=upload.filename, assign_to=_assignee(),
                                            language=form.language.data or None,
                                            received=form.received.data)
    except case_service.InvalidDocument as exc:
        return render_template("imports/start.html", form=form, errors=_problems({}, exc.errors),
                               file_error="Filen ble ikke importert. Rett feilene under og prøv igjen.",
                               filename=upload.filename), 422
    flash("Vedtaket er importert og vurdert.", "success")
    return redirect(url_for("cases.show", public_id=case.public_id))


@bp.route("/skjema", methods=["GET", "POST"])
@roles_required(IMPORTERS)
def manual():
    form = ManualForm()
    doc: dict = {}
    errors: list = []
    status = 200
    counts = None
    values: dict[str, str] = {}
    if request.method == "POST":
        parsed = parse_form(request.form)
        doc, values = parsed.document, parsed.typed  # shown back as typed, never reformatted
        action = request.form.get("action", "")
        if not form.validate_on_submit():
            status = 400
        elif action not in ("", "save"):
            # «+ Legg til …» without JavaScript: show the form again with one more row in that
            # group; nothing is imported or stored, no validation errors. Unknown actions: the
            # same form again, unchanged.
            counts = add_row(row_counts(doc), request.form, doc, action)
            if counts is None:
                status = 400
        elif parsed.errors:
            # a field the form could not read: nothing is stored; the validation names the other fields
            try:
                case_service.validate(case_service.dumps_document(doc))
                found: list = []
            except case_service.InvalidDocument as exc:
                found = exc.errors
            errors = _problems(parsed.errors, found)
            status = 422
        else:
            raw = case_service.dumps_document(doc)
            try:
                case = case_service.import_document(db_session(), raw, origin="form",
                                                    actor=_actor(), assign_to=_assignee())
            except case_service.InvalidDocument as exc:
                errors = _problems({}, exc.errors)
                status = 422
            else:
                flash("Vedtaket er registrert og vurdert.", "success")
                return redirect(url_for("cases.show", public_id=case.public_id))
    values = values or flatten(doc)
    by_path: dict[str, list[str]] = {}
    for e in errors:
        by_path.setdefault(e["path"], []).append(e["message"])
    return render_template("imports/manual.html", form=form, values=values, errors=errors,
                           by_path=by_path, counts=counts or row_counts(doc), field_id=field_id), status
