"""Arkiv: search (GET shows the form and every finished case, POST searches), archive, export.

Search terms are posted and the result page is rendered in the response: a name or fødselsnummer
typed into the form never appears in a URL, a log line or a Referer header.

A case whose documents do not verify against the archive's signed hash chain
(``services/integrity.py``) is never handed out: the package export, like the final PDF download
(``vedtak/routes.py``), answers 409 with :func:`integrity_refused` (the refusal is audited by the
service that checked).
"""

from __future__ import annotations

from flask import Blueprint, Response, abort, flash, redirect, render_template, url_for

from workbench.web.archive.forms import DATE_MESSAGE, ExportForm, SearchForm, VersionedForm
from workbench.db.session import db_session
from workbench.services import archive as archive_service
from workbench.services import cases as case_service
from workbench.services import integrity
from workbench.web.access import ARCHIVISTS, roles_required  # arkivar and leder
from workbench.web.helpers import current_actor

bp = Blueprint("archive", __name__, url_prefix="/arkivering")


_actor = current_actor


def _render(form: SearchForm, rows, *, searched: bool, status: int = 200):
    return render_template("archive/search.html", form=form, rows=rows, searched=searched,
                           action_form=VersionedForm(formdata=None), export_form=ExportForm(formdata=None),
                           title="Arkiv"), status


@bp.route("/", methods=["GET", "POST"])
@roles_required(ARCHIVISTS)
def search():
    form = SearchForm()
    if not form.is_submitted():
        return _render(SearchForm(formdata=None), archive_service.search(db_session()), searched=False)
    if not form.validate():
        for fld in (form.date_from, form.date_to):
            if fld.errors and "Not a valid date value." in fld.errors:
                fld.errors = [DATE_MESSAGE]
        return _render(form, [], searched=False, status=400)
    query = archive_service.SearchQuery(
        reference=(form.reference.data or "").strip(), office=(form.office.data or "").strip(),
        name=(form.name.data or "").strip(), date_from=form.date_from.data, date_to=form.date_to.data,
        outcome=form.outcome.data or "")
    return _render(form, archive_service.search(db_session(), query), searched=True)


def _load(public_id: str):
    case = case_service.get_case(db_session(), public_id)
    if case is None:
        abort(404)
    if case.status not in archive_service.ARCHIVE_STATUSES:
        abort(404)  # the archive knows finished cases only
    return case


def integrity_refused(case, exc: integrity.IntegrityFailure, *, back_url: str | None = None):
    """The page that refuses a download because the case does not verify (409 Conflict: the stored
    documents conflict with what was sealed at finalisation)."""
    return render_template("archive/integrity_refused.html", case=case, message=str(exc),
                           back_url=back_url or url_for("index"),
                           title="Dokumentene kan ikke lastes ned"), 409


@bp.post("/<public_id>/arkiver")
@roles_required(ARCHIVISTS)
def archive(public_id: str):
    case = _load(public_id)
    form = VersionedForm()
    if not form.validate_on_submit():
        abort(400)
    try:
        archive_service.archive_case(db_session(), case, expected_version=form.version.data, actor=_actor())
        flash(f"Saken med Navs saksnummer {case.nav_reference} er arkivert.", "success")
    except case_service.StaleCase as exc:
        flash(str(exc), "error")
    except archive_service.ArchiveError as exc:
        flash(str(exc), "error")
    return redirect(url_for("archive.search"))


@bp.post("/<public_id>/eksport")
@roles_required(ARCHIVISTS)
def export(public_id: str):
    case = _load(public_id)
    if not ExportForm().validate_on_submit():
        abort(400)
    try:
        data = archive_service.export_package(db_session(), case, actor=_actor())
    except archive_service.ChecksumMismatch as exc:
        return integrity_refused(case, exc, back_url=url_for("archive.search"))
    except archive_service.ArchiveError as exc:
        flash(str(exc), "error")
        return redirect(url_for("archive.search"))
    return Response(data, mimetype="application/zip", headers={
        "Content-Disposition": f'attachment; filename="{archive_service.package_filename(case)}"'})
