"""Thin views over ``workbench.services.side_letters``.

Who may do what (workbench/web/access.py):
  saksbehandler, leder — the list, each form, a draft PDF, «Lag og journalfør», downloads
  arkivar              — the list and the downloads of a ferdigstilt/arkivert case only
  admin                — nothing
"""

from __future__ import annotations

from flask import Blueprint, Response, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from workbench.db.session import db_session
from workbench.letters.render import PdfACheckError
from workbench.services import clock, deadlines
from workbench.services import cases as case_service
from workbench.services import side_letters as service
from workbench.web.access import CASE_READERS, CASE_WORKERS, roles_required
from workbench.web.helpers import current_actor, readable_case_or_abort
from workbench.web.side_letters.forms import FIELDS, form_for

bp = Blueprint("side_letters", __name__)

#: The kinds as they appear in the address (Norwegian words, never the code's underscores).
SLUGS = {"forelopig-svar": "forelopig_svar", "forsinkelsesmelding": "forsinkelsesmelding",
         "dokumentanmodning": "dokumentanmodning", "varsel-ugunst": "varsel_ugunst"}
SLUG_OF = {kind: slug for slug, kind in SLUGS.items()}
#: What a problem that is not about one field is about, by the name the jurist knows.
OTHER_LABELS = {"case": "Saken", "pdf": "PDF/A", "kind": "Brevtype", "version": "Skjemaet"}


def _kind(slug: str) -> str:
    kind = SLUGS.get(slug)
    if kind is None:
        abort(404)
    return kind


def _label(form, field: str) -> str:
    if field in OTHER_LABELS or field not in form:
        return OTHER_LABELS.get(field, "Brevet")
    return form[field].label.text


def _request(kind: str, form) -> service.Request:
    return service.Request(kind=kind, promised=form.promised.data, reply=form.reply.data,
                           reason=form.reason.data or "", documents=form.documents.data or "")


@bp.get("/saker/<public_id>/brev")
@roles_required(CASE_READERS)
def index(public_id: str):
    case = readable_case_or_abort(public_id)
    s = db_session()
    today = clock.today()
    may_work = current_user.role in CASE_WORKERS
    rows = service.letters_for(s, case)
    offered = []
    if may_work and case.status not in case_service.CLOSED:
        status = service.reformatio(s, case, today=today)
        for kind in FIELDS:
            if kind == "varsel_ugunst" and status is None:
                continue  # offered only for a case the review finds til ugunst
            offered.append((kind, SLUG_OF[kind], service.unavailable(s, case, kind, today=today, status=status)))
    return render_template(
        "side_letters/index.html", case=case, rows=rows, offered=offered, labels=service.KIND_LABELS,
        dl=deadlines.for_case(case, today=today), promised=service.promised_date(s, case),
        overdue=service.overdue(s, case, today), names=case_service.user_names(s), may_work=may_work)


def _render_form(case, kind: str, form, *, problems=None, status: int = 200):
    s = db_session()
    today = clock.today()
    # the § 34 varsel only for a case the review finds til ugunst: otherwise the page says why, with no form
    reformatio = service.reformatio(s, case, today=today) if kind == "varsel_ugunst" else None
    unavailable = service.unavailable(s, case, kind, today=today, status=reformatio)
    shown = [] if unavailable else problems or []
    if problems and unavailable:
        shown = [("case", unavailable)]
    return render_template(
        "side_letters/form.html", case=case, kind=kind, slug=SLUG_OF[kind], label=service.KIND_LABELS[kind],
        form=form, fields=FIELDS[kind], problems=[(f, _label(form, f), m) for f, m in shown],
        unavailable=unavailable, reformatio=reformatio, dl=deadlines.for_case(case, today=today),
        promised=service.promised_date(s, case)), status


@bp.get("/saker/<public_id>/brev/<slug>")
@roles_required(CASE_WORKERS)
def new(public_id: str, slug: str):
    kind = _kind(slug)
    case = readable_case_or_abort(public_id)
    data = service.defaults(db_session(), case, kind, today=clock.today())
    data["version"] = case.version
    return _render_form(case, kind, form_for(kind, data=data))


def _checked(public_id: str, slug: str):
    """(case, kind, form, response): ``response`` is the page with the errors when the form is not valid."""
    kind = _kind(slug)
    case = readable_case_or_abort(public_id)
    form = form_for(kind, formdata=request.form)
    if not form.validate_on_submit():
        problems = [(f.short_name, e) for f in form if f.short_name in (*FIELDS[kind], "version") for e in f.errors]
        return case, kind, form, _render_form(case, kind, form, problems=problems or [("case", "Ugyldig skjema.")],
                                              status=400)
    return case, kind, form, None


@bp.post("/saker/<public_id>/brev/<slug>/utkast.pdf")
@roles_required(CASE_WORKERS)
def preview(public_id: str, slug: str):
    """The letter as a draft PDF (UTKAST), nothing journalled."""
    case, kind, form, refused = _checked(public_id, slug)
    if refused is not None:
        return refused
    try:
        pdf = service.preview_pdf(db_session(), case, _request(kind, form), today=clock.today(), actor=current_actor())
    except service.SideLetterRefused as exc:
        return _render_form(case, kind, form, problems=exc.problems, status=422)
    resp = Response(pdf, mimetype="application/pdf")
    resp.headers["Content-Disposition"] = f'inline; filename="utkast-{slug}.pdf"'
    return resp


@bp.post("/saker/<public_id>/brev/<slug>")
@roles_required(CASE_WORKERS)
def create(public_id: str, slug: str):
    """«Lag og journalfør»: the final PDF/A, journalled."""
    case, kind, form, refused = _checked(public_id, slug)
    if refused is not None:
        return refused
    s = db_session()
    try:
        service.create(s, case, _request(kind, form), today=clock.today(), actor=current_actor(),
                       expected_version=form.version.data)
    except service.SideLetterRefused as exc:
        return _render_form(case, kind, form, problems=exc.problems, status=422)
    except PdfACheckError as exc:
        return _render_form(case, kind, form, problems=[("pdf", p) for p in exc.problems], status=422)
    except case_service.StaleCase as exc:
        s.expire_all()
        return _render_form(readable_case_or_abort(public_id), kind, form,
                            problems=[("case", f"{exc} Brevet er ikke laget; teksten står fortsatt i skjemaet.")],
                            status=409)
    flash(f"{service.KIND_LABELS[kind]} er laget og journalført.", "success")
    return redirect(url_for("side_letters.index", public_id=public_id))


@bp.get("/saker/<public_id>/brev/journal/<int:letter_id>.pdf")
@roles_required(CASE_READERS)
def download(public_id: str, letter_id: int):
    case = readable_case_or_abort(public_id)  # arkivar: only a ferdigstilt or arkivert case
    row = service.download(db_session(), case, letter_id, actor=current_actor())
    if row is None:
        abort(404)
    resp = Response(row.pdf, mimetype="application/pdf")
    resp.headers["Content-Disposition"] = f'attachment; filename="{service.pdf_filename(row, case)}"'
    return resp
