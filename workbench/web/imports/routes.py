import io
from collections.abc import Callable
from typing import Any

from flask import Blueprint, abort, flash, redirect, render_template, request, send_file, url_for
from flask_login import current_user
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import HiddenField, SelectChoice, SelectField
from wtforms.validators import Optional

from workbench.db.document_models import DOCUMENT_CLASS_LABELS
from workbench.db.models import Case
from workbench.db.session import db_session
from workbench.extract.papers import MAX_FILE_BYTES, MAX_FILES, page_box, page_png
from workbench.extract.reader import UnreadablePdf
from workbench.web.imports.formdoc import ParsedForm, add_row, field_id, flatten, parse_form, row_counts
from workbench.web.imports.prefill import form_values, provenance, split
from workbench.services import case_documents
from workbench.services import cases as case_service
from workbench.web.access import CASE_READERS, IMPORTERS, may_read_case, roles_required
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

#: the check a form prefilled from the papers needs before anything is imported
CONFIRM_FIELD = "confirmed"
CONFIRM_LABEL = "Jeg har kontrollert alle feltene mot dokumentene"
CONFIRM_MISSING = "Kontroller hvert felt mot dokumentene og kryss av før vedtaket importeres."


def _problems(form_errors: dict[str, str], validation_errors) -> list[dict[str, str]]:
    """Every error for the page, by the Norwegian name of its field (never its path in the import document):
    the form's own reading (a date, an amount) first; the one validation's for the other fields, its
    messages in the page's words (``facts.message``: dates dd.mm.åååå, no advice about the JSON format)."""
    out = [{"path": p, "label": "Kontroll" if p == CONFIRM_FIELD else label_for_path(p), "message": m}
           for p, m in form_errors.items()]
    out += [{"path": e.path, "label": label_for_path(e.path), "message": message(e.message)}
            for e in validation_errors if e.path not in form_errors]
    return out


def _assignee():
    return current_user if current_user.role in IMPORTERS else None


@bp.get("/")
@roles_required(IMPORTERS)
def start():
    return render_template("imports/start.html", form=UploadForm(), papers_form=PapersForm(), errors=None)


@bp.post("/fil")
@roles_required(IMPORTERS)
def upload():
    form = UploadForm()
    if not form.validate_on_submit():
        return render_template("imports/start.html", form=form, papers_form=PapersForm(formdata=None), errors=None), 400
    upload = form.document.data
    if upload is None or not getattr(upload, "filename", ""):
        return render_template("imports/start.html", form=form, file_error="Velg en JSON-fil.",
                               papers_form=PapersForm(formdata=None), errors=None), 400
    data = upload.read()
    try:
        case = case_service.import_document(db_session(), data, origin="upload", actor=_actor(),
                                            filename=upload.filename, assign_to=_assignee(),
                                            language=form.language.data or None,
                                            received=form.received.data)
    except case_service.InvalidDocument as exc:
        return render_template("imports/start.html", form=form, errors=_problems({}, exc.errors),
                               papers_form=PapersForm(formdata=None),
                               file_error="Filen ble ikke importert. Rett feilene under og prøv igjen.",
                               filename=upload.filename), 422
    flash("Vedtaket er importert og vurdert.", "success")
    return redirect(url_for("cases.show", public_id=case.public_id))


@bp.route("/skjema", methods=["GET", "POST"])
@roles_required(IMPORTERS)
def manual():
    def save(raw: str, _parsed: ParsedForm):
        return case_service.import_document(db_session(), raw, origin="form", actor=_actor(), assign_to=_assignee())

    return _entry_page(save=save, form_action=url_for("imports.manual"), saved="Vedtaket er registrert og vurdert.")


def _entry_page(*, save: Callable[[str, ParsedForm], Any], form_action: str, saved: str, start: dict | None = None,
                confirm: bool = False, **context: Any):
    """The hand-entry form: shown (``start``: a prefilled document), a row added without JavaScript, or saved —
    ``save(raw, parsed)`` imports the document and returns the case. ``confirm``: the jurist must tick
    «Jeg har kontrollert alle feltene mot dokumentene» (a form prefilled from the papers)."""
    form = ManualForm()
    doc: dict = {}
    errors: list = []
    status = 200
    counts = None
    values: dict[str, str] = {}
    confirmed = False
    if request.method == "POST":
        parsed = parse_form(request.form)
        doc, values = parsed.document, parsed.typed  # shown back as typed, never reformatted
        action = request.form.get("action", "")
        confirmed = request.form.get(CONFIRM_FIELD) == "ja"
        own = dict(parsed.errors)
        if confirm and not confirmed:
            own[CONFIRM_FIELD] = CONFIRM_MISSING
        if not form.validate_on_submit():
            status = 400
        elif action not in ("", "save"):
            # «+ Legg til …» without JavaScript: show the form again with one more row in that
            # group; nothing is imported or stored, no validation errors. Unknown actions: the
            # same form again, unchanged.
            counts = add_row(row_counts(doc), request.form, doc, action)
            if counts is None:
                status = 400
        elif own:
            # a field the form could not read, or the check not confirmed: nothing is stored; the
            # validation names the other fields
            try:
                case_service.validate(case_service.dumps_document(doc))
                found: list = []
            except case_service.InvalidDocument as exc:
                found = exc.errors
            errors = _problems(own, found)
            status = 422
        else:
            try:
                case = save(case_service.dumps_document(doc), parsed)
            except case_service.InvalidDocument as exc:
                errors = _problems({}, exc.errors)
                status = 422
            else:
                flash(saved, "success")
                return redirect(url_for("cases.show", public_id=case.public_id))
    elif start:
        doc, values = start, form_values(start)
    values = values or flatten(doc)
    by_path: dict[str, list[str]] = {}
    for e in errors:
        by_path.setdefault(e["path"], []).append(e["message"])
    context.setdefault("sources", None)
    return render_template("imports/manual.html", form=form, values=values, errors=errors,
                           by_path=by_path, counts=counts or row_counts(doc), field_id=field_id,
                           form_action=form_action, confirm=confirm, confirmed=confirmed,
                           confirm_field=CONFIRM_FIELD, **context), status


# --- the papers Nav sends (issue 16) ---------------------------------------------------------------

#: the whole request of an upload of the oversendelse (every document has its own cap, extract.papers)
PAPERS_REQUEST_BYTES = MAX_FILES * MAX_FILE_BYTES + 1024 * 1024


@bp.url_value_preprocessor
def _papers_request_size(endpoint: str | None, _values: dict | None) -> None:
    """The app reads at most 2 MB a request (an import document is a few kB); an upload of PDFs may be larger.
    URL preprocessors run before every ``before_request`` (the CSRF check reads the form there)."""
    if endpoint == "imports.upload_papers":
        request.max_content_length = PAPERS_REQUEST_BYTES


class PapersForm(FlaskForm):
    """Only the CSRF token: the files are read from ``documents``."""


class ClassForm(FlaskForm):
    document = HiddenField()
    doc_class = SelectField("Type dokument", choices=[SelectChoice(k, v) for k, v in DOCUMENT_CLASS_LABELS.items()])


@bp.post("/dokumenter")
@roles_required(IMPORTERS)
def upload_papers():
    form = PapersForm()
    if not form.validate_on_submit():
        return render_template("imports/start.html", form=UploadForm(formdata=None), papers_form=form, errors=None), 400
    files = [f for f in request.files.getlist("documents") if f and f.filename]
    try:
        # each file read to one byte past its cap: a larger one is refused without holding more of it
        uploads = [case_documents.Upload(f.filename or "", f.read(MAX_FILE_BYTES + 1)) for f in files]
        intake = case_documents.store_intake(db_session(), uploads, actor=_actor())
    except case_documents.DocumentRefused as exc:
        return render_template("imports/start.html", form=UploadForm(formdata=None), papers_form=form, errors=None,
                               papers_error=str(exc)), 422
    return redirect(url_for("imports.papers", intake=intake))


def _intake_or_404(intake: str):
    documents = case_documents.intake_documents(db_session(), intake, current_user.id)
    if not documents:
        abort(404)
    return documents


@bp.route("/dokumenter/<intake>", methods=["GET", "POST"])
@roles_required(IMPORTERS)
def papers(intake: str):
    documents = _intake_or_404(intake)
    decision = case_documents.decision_document(documents)
    extracted, appeal_doc = case_documents.prefill(documents)
    start, sources = split(extracted)
    decisions = [d for d in documents if d.doc_class == "vedtak"]

    def save(raw: str, parsed: ParsedForm):
        fields = provenance(extracted, parsed.document, decision.public_id if decision else None,
                            appeal_doc.public_id if appeal_doc else None)
        return case_documents.import_from_papers(db_session(), raw, intake=intake, fields=fields, actor=_actor(),
                                                 assign_to=_assignee())

    try:
        return _entry_page(save=save, form_action=url_for("imports.papers", intake=intake), start=start, confirm=True,
                           saved="Vedtaket er importert fra dokumentene og vurdert.", sources=sources, documents=documents,
                           decision_doc=decision, appeal_doc=appeal_doc, several_decisions=len(decisions) > 1, intake=intake,
                           class_labels=DOCUMENT_CLASS_LABELS, class_form=ClassForm(formdata=None))
    except case_documents.IntakeGone as exc:
        flash(str(exc), "error")
        return redirect(url_for("imports.start"))


@bp.post("/dokumenter/<intake>/type")
@roles_required(IMPORTERS)
def change_class(intake: str):
    form = ClassForm()
    if not form.validate_on_submit():
        abort(400)
    doc = case_documents.set_class(db_session(), intake, form.document.data or "", form.doc_class.data or "",
                                   actor=_actor())
    if doc is None:
        abort(404)
    flash(f"{doc.filename} er nå registrert som {DOCUMENT_CLASS_LABELS[doc.doc_class].lower()}.", "success")
    return redirect(url_for("imports.papers", intake=intake))


def _readable_document(public_id: str):
    """The document with this opaque id: 404 when there is none (or it waits in another jurist's upload), 403
    when its case may not be read by this user."""
    s = db_session()
    doc = case_documents.get_document(s, public_id)
    if doc is None:
        abort(404)
    if doc.case_id is None:
        if doc.uploaded_by_id != current_user.id:
            abort(404)
        return doc
    case = s.get(Case, doc.case_id)
    if case is None or not may_read_case(current_user, case):
        abort(403)
    return doc


@bp.get("/dokument/<public_id>")
@roles_required(CASE_READERS)
def download(public_id: str):
    doc = _readable_document(public_id)
    case_documents.record_read(db_session(), doc, actor=_actor(), what="download")
    response = send_file(io.BytesIO(doc.data), mimetype="application/pdf", as_attachment=True,
                         download_name=doc.filename, max_age=0)
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.get("/dokument/<public_id>/side/<int:page>")
@roles_required(CASE_READERS)
def page_view(public_id: str, page: int):
    doc = _readable_document(public_id)
    if not 1 <= page <= doc.pages:
        abort(404)
    line = request.args.get("linje", type=int)
    try:
        box = page_box(doc.data, page, line if line and 0 < line < 1000 else None, case_documents.reading_of(doc))
    except UnreadablePdf:
        abort(404)
    back = url_for("imports.papers", intake=doc.intake) if doc.case_id is None else None
    return render_template("imports/page.html", doc=doc, page=page, line=line, box=box, back=back,
                           class_labels=DOCUMENT_CLASS_LABELS)


@bp.get("/dokument/<public_id>/side/<int:page>.png")
@roles_required(CASE_READERS)
def page_png_view(public_id: str, page: int):
    doc = _readable_document(public_id)
    if not 1 <= page <= doc.pages:
        abort(404)
    try:
        png = page_png(doc.data, page)
    except UnreadablePdf:
        abort(404)
    case_documents.record_read(db_session(), doc, actor=_actor(), what=f"page {page}")
    response = send_file(io.BytesIO(png), mimetype="image/png", max_age=0)
    response.headers["Cache-Control"] = "no-store"
    return response
