"""Arkiv: search (GET shows the form and every finished case, POST searches), archive, export.

Search terms are posted and the result page is rendered in the response: a name or fødselsnummer
typed into the form never appears in a URL, a log line or a Referer header. Every term travels in
the one posted form (the other terms too: a search by Nav reference plus a name is still a name). A
search for a person is audited by the service, without the terms. A form that does not validate is
answered 400 with an error summary naming each field by its label, the typed values kept.

«Arkiver» asks first (:class:`ArchiveForm`): the row's button opens a page showing the case with
a box to tick; only a POST with the box ticked archives the case.

A case whose documents do not verify against the archive's signed hash chain
(``services/integrity.py``) is never handed out: the package export, like the final PDF download
(``vedtak/routes.py``), answers 409 with :func:`integrity_refused` (the refusal is audited by the
service that checked).
"""

from __future__ import annotations

from flask import Blueprint, Response, abort, flash, redirect, render_template, request, url_for

from workbench.web.archive.forms import ArchiveForm, ExportForm, SearchForm
from workbench.db.models import CaseStatus
from workbench.db.session import db_session
from workbench.services import archive as archive_service
from workbench.services import archive_search
from workbench.services import cases as case_service
from workbench.services import integrity
from workbench.web.access import ARCHIVISTS, roles_required  # arkivar and leder
from workbench.services.paging import page_number
from workbench.web.helpers import current_actor

bp = Blueprint("archive", __name__, url_prefix="/arkivering")


_actor = current_actor


def field_errors(form) -> list[tuple[str, str, str]]:
    """(field id, label, message) of every field error, in the form's order, for the error summary:
    each error named by the label the user sees. The CSRF token is not a field the user can fix
    (``CSRFProtect`` answers a missing one before the view)."""
    return [(f.id, f.label.text, e) for f in form if f.name != "csrf_token" for e in f.errors]


def _render(form: SearchForm, rows, *, searched: bool, status: int = 200):
    return render_template("archive/search.html", form=form, rows=rows, searched=searched,
                           errors=field_errors(form), export_form=ExportForm(formdata=None),
                           title="Arkiv"), status


@bp.route("/", methods=["GET", "POST"])
@roles_required(ARCHIVISTS)
def search():
    form = SearchForm()
    if not form.is_submitted():
        return _render(SearchForm(formdata=None),
                       archive_search.search(db_session(), page=page_number(request.args.get("side"))),
                       searched=False)
    if not form.validate():
        return _render(form, [], searched=False, status=400)
    query = archive_search.SearchQuery(
        reference=(form.reference.data or "").strip(), our_reference=(form.our_reference.data or "").strip(),
        office=(form.office.data or "").strip(), name=(form.name.data or "").strip(),
        fnr=form.fnr.data or "", date_from=form.date_from.data, date_to=form.date_to.data,
        outcome=form.outcome.data or "", words=(form.words.data or "").strip())
    found = archive_search.search(db_session(), query, page=page_number(request.form.get("side")), actor=_actor())
    return _render(form, found, searched=True)


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


def _confirm_page(case, form: ArchiveForm, *, status: int = 200):
    return render_template("archive/confirm.html", case=case, form=form, errors=field_errors(form),
                           row=archive_search.row_of(db_session(), case), title="Arkiver saken"), status


@bp.route("/<public_id>/arkiver", methods=["GET", "POST"])
@roles_required(ARCHIVISTS)
def archive(public_id: str):
    """GET: the case and the box «Jeg bekrefter at saken skal arkiveres». POST: archive it, but only
    with the box ticked; without it the page comes back (400) with the error at the box and nothing
    changes."""
    case = _load(public_id)
    if request.method == "GET":
        if case.status == CaseStatus.ARKIVERT.value:
            flash(f"Saken med Navs saksnummer {case.nav_reference} er allerede arkivert.", "info")
            return redirect(url_for("archive.search"))
        return _confirm_page(case, ArchiveForm(formdata=None, version=case.version))
    form = ArchiveForm()
    if not form.validate_on_submit():
        if form.version.errors:
            abort(400)  # a tampered form, not something the user can fix on the page
        return _confirm_page(case, form, status=400)
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
