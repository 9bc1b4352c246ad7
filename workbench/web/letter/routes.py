"""Thin views over ``workbench.services.letters``.

Who may do what (workbench/web/access.py; README «Roles»):
  saksbehandler, leder — read the letter page, edit, preview, send to approval, finalize, draft PDF
  leder               — approve / return with a comment (never a letter they are saksbehandler for)
  arkivar             — only the finalised document (page and PDF) of a ferdigstilt/arkivert case
  admin               — nothing
"""

from __future__ import annotations

from pathlib import Path

from flask import Blueprint, Response, abort, current_app, flash, redirect, render_template, request, send_file, url_for
from flask_login import current_user

from workbench.db.appeal_models import LetterStatus
from workbench.db.models import Role
from workbench.db.session import db_session
from workbench.services import clock
from workbench.services import cases as case_service
from workbench.services import letters as letter_service
from workbench.web.letter.forms import LetterForm, ReturnForm, VersionedForm
from workbench.web.access import CASE_READERS, CASE_WORKERS, roles_required
from workbench.web.helpers import current_actor, readable_case_or_abort

bp = Blueprint("vedtak", __name__)

LEADERS = frozenset({Role.LEDER.value})
LETTER_ASSETS = {"letter.css"}  # plus fonts/*.ttf: what the preview frame may load
PREVIEW_CSP = ("sandbox; default-src 'none'; style-src 'self'; font-src 'self'; img-src 'self' data:; "
               "base-uri 'none'; form-action 'none'")


_actor = current_actor


# the same clock as the review page (tests can pin it), so the letter and the review agree on "today"
_today = clock.today


_load = readable_case_or_abort


def _page_url(case, anchor: str = "") -> str:
    return url_for("vedtak.edit", public_id=case.public_id) + anchor


def _review_url(case) -> str:
    """The issue-5 review page of the case when it is there, else the case page."""
    for rule in current_app.url_map.iter_rules():
        if (rule.endpoint.startswith("review.") and "GET" in (rule.methods or ()) and rule.arguments == {"public_id"}
                and rule.rule.endswith("/vurdering")):
            return url_for(rule.endpoint, public_id=case.public_id)
    return url_for("cases.show", public_id=case.public_id)


REVIEW_FIELDS = ("argument_answers", "discretion", "outcome", "admissibility", "reformatio", "decision.",
                 "appeal.", "discrepancy", "evaluation")


def field_anchor(field: str) -> str:
    """Where on the letter page a (field, reason) of the gate is fixed."""
    if field.startswith("assessment."):
        return "#f-block_" + field.split(".", 1)[1]
    if field in ("avvisning_ground", "conclusion"):
        return "#f-block_" + field
    if field == "comment":
        return "#f-comment"
    if field.startswith("block_"):
        return "#f-" + field
    if field == "language":
        return "#f-language-0"
    if field == "our_reference":
        return "#f-our_reference"
    if field.startswith(("leader_approval", "signers")):
        return "#godkjenning"
    if field.startswith(REVIEW_FIELDS):
        return "#fra-vurderingen"
    return "#forhandsvisning"


def _letter_form(row, case, formdata=None) -> LetterForm:
    data = {"language": row.language, "our_reference": row.our_reference or "", "version": case.version}
    for key in letter_service.BLOCK_KEYS:
        data[f"block_{key}"] = (row.blocks or {}).get(key, "")
    form = LetterForm(formdata=formdata, data=data) if formdata is not None else LetterForm(formdata=None, data=data)
    for fld in form:
        if fld.id and not fld.id.startswith("f-"):
            fld.id = f"f-{fld.id}"
    return form


def _overrides(form: LetterForm) -> dict:
    blocks = {key: getattr(form, f"block_{key}").data or "" for key in letter_service.BLOCK_KEYS}
    lang = form.language.data if form.language.data in letter_service.LANGS else None
    return {"blocks": blocks, "language": lang, "our_reference": form.our_reference.data}


def _stylesheet_url() -> str:
    return url_for("vedtak.letter_asset", filename="letter.css")


def _preview_stylesheet_url() -> str:
    """Screen-only: the A4 sheet scaled to the preview frame's width (never in the PDF)."""
    return url_for("static", filename="css/letter-preview.css")


def _render(case, *, form=None, return_form=None, problems=None, overrides=None, status=200, conflict=None):
    s = db_session()
    today = _today()
    row = letter_service.letter_for(s, case)
    may_work = current_user.role in CASE_WORKERS
    if row is None and may_work and case.status not in case_service.CLOSED:
        row = letter_service.get_or_create_letter(s, case, actor=_actor())
    ctx = {"case": case, "row": row, "may_work": may_work, "is_leader": current_user.role == Role.LEDER.value,
           "problems": problems or [], "field_anchor": field_anchor, "conflict": conflict,
           "status_labels": letter_service.STATUS_LABELS, "action_labels": letter_service.ACTION_LABELS,
           "review_url": _review_url(case), "LetterStatus": LetterStatus}
    if row is None:
        return render_template("vedtak/letter.html", **ctx), status
    names = case_service.user_names(s)
    ctx["names"] = names
    ctx["events"] = letter_service.events(s, case)
    frozen = letter_service.is_frozen(row)
    ctx["frozen"] = frozen
    if frozen:
        ctx["approval"] = next((e for e in reversed(ctx["events"]) if e.action == "godkjent"), None)
        return render_template("vedtak/letter.html", **ctx), status
    if not may_work:  # arkivar sees finalised documents only
        abort(403)
    built = letter_service.build_input(s, case, today=today, draft=None, **(overrides or {}))
    ctx["built"] = built
    ctx["review"] = built.view.review
    ctx["editable"] = row.status in letter_service.EDITABLE
    ctx["form"] = form or _letter_form(row, case)
    ctx["return_form"] = return_form or ReturnForm(formdata=None, data={"version": case.version})
    ctx["action_form"] = VersionedForm(formdata=None, data={"version": case.version})
    if ctx["return_form"].comment.id == "comment":
        ctx["return_form"].comment.id = "f-comment"
    ctx["preview"] = letter_service.preview_html(s, case, today=today, stylesheet_url=_stylesheet_url(),
                                                 preview_stylesheet_url=_preview_stylesheet_url(), built=built)
    # the checklist is about the stored letter, not unsaved text in the form
    saved = letter_service.build_input(s, case, today=today) if overrides else built
    ctx["checklist"] = letter_service.gate_problems(s, case, today=today, built=saved)
    ctx["authors"] = letter_service.author_ids(s, case)
    ctx["approval"] = built.approval
    return render_template("vedtak/letter.html", **ctx), status


@bp.get("/saker/<public_id>/vedtak")
@roles_required(CASE_READERS)
def edit(public_id: str):
    return _render(_load(public_id))


def _conflict_message(exc) -> str:
    return f"{exc} Teksten din er ikke lagret; den står fortsatt i skjemaet."


@bp.post("/saker/<public_id>/vedtak")
@roles_required(CASE_WORKERS)
def save(public_id: str):
    case = _load(public_id)
    s = db_session()
    row = letter_service.letter_for(s, case)
    if row is None and case.status in case_service.CLOSED:
        flash("Saken er avsluttet; vedtaksbrevet kan ikke endres.", "error")
        return redirect(_page_url(case))
    row = row or letter_service.get_or_create_letter(s, case, actor=_actor())
    form = _letter_form(row, case, formdata=request.form)
    if letter_service.is_frozen(row):
        flash("Vedtaket er ferdigstilt og kan ikke endres.", "error")
        return redirect(_page_url(case))
    if not form.validate_on_submit():
        problems = [(f.name, e) for f in form for e in f.errors]
        return _render(case, form=form, problems=problems, status=400)
    try:
        letter_service.save_blocks(s, case, _overrides(form)["blocks"], expected_version=form.version.data,
                                   actor=_actor(), language=form.language.data,
                                   our_reference=form.our_reference.data or "")
    except letter_service.StaleCase as exc:
        s.expire_all()
        return _render(_load(public_id), form=form, overrides=_overrides(form), status=409,
                       conflict=_conflict_message(exc))
    except letter_service.LetterError as exc:
        flash(exc.message, "error")
        return redirect(_page_url(case))
    flash("Vedtaksbrevet er lagret.", "success")
    return redirect(_page_url(case))


@bp.post("/saker/<public_id>/vedtak/forhandsvis")
@roles_required(CASE_WORKERS)
def preview(public_id: str):
    """With ``X-Preview: 1`` (the page's script): only the letter HTML, for the sandboxed frame.
    Without (no JS, the «Forhåndsvis» button): the page with the unsaved text and its preview."""
    case = _load(public_id)
    s = db_session()
    row = letter_service.letter_for(s, case)
    if row is None or letter_service.is_frozen(row):
        abort(409)
    form = _letter_form(row, case, formdata=request.form)
    form.validate()
    overrides = _overrides(form)
    if request.headers.get("X-Preview") == "1":
        html = letter_service.preview_html(s, case, today=_today(), stylesheet_url=_stylesheet_url(),
                                           preview_stylesheet_url=_preview_stylesheet_url(), **overrides)
        resp = Response(html, mimetype="text/html")
        resp.headers["Content-Security-Policy"] = PREVIEW_CSP
        return resp
    return _render(case, form=form, overrides=overrides)


@bp.post("/saker/<public_id>/vedtak/send")
@roles_required(CASE_WORKERS)
def send(public_id: str):
    """«Send til godkjenning»: saves the text in the form (when sent with it), then sends."""
    case = _load(public_id)
    s = db_session()
    row = letter_service.letter_for(s, case)
    if row is None or letter_service.is_frozen(row):
        flash("Vedtaksbrevet kan ikke sendes til godkjenning nå.", "error")
        return redirect(_page_url(case))
    with_text = "language" in request.form
    form = _letter_form(row, case, formdata=request.form) if with_text else VersionedForm()
    if not form.validate_on_submit():
        problems = [(f.name, e) for f in form for e in f.errors]
        return _render(case, form=form if with_text else None, problems=problems, status=400)
    try:
        version = form.version.data
        if with_text:
            letter_service.save_blocks(s, case, _overrides(form)["blocks"], expected_version=version,
                                       actor=_actor(), language=form.language.data,
                                       our_reference=form.our_reference.data or "")
            version += 1
        letter_service.send_to_leader(s, case, expected_version=version, actor=_actor())
    except letter_service.StaleCase as exc:
        s.expire_all()
        return _render(_load(public_id), form=form if with_text else None,
                       overrides=_overrides(form) if with_text else None, status=409,
                       conflict=_conflict_message(exc))
    except letter_service.LetterError as exc:
        flash(exc.message, "error")
        return redirect(_page_url(case))
    flash("Vedtaket er sendt til godkjenning hos leder.", "success")
    return redirect(_page_url(case))


@bp.post("/saker/<public_id>/vedtak/godkjenn")
@roles_required(LEADERS)
def approve(public_id: str):
    case = _load(public_id)
    form = VersionedForm()
    if not form.validate_on_submit():
        abort(400)
    s = db_session()
    try:
        letter_service.approve(s, case, expected_version=form.version.data, actor=_actor())
    except letter_service.StaleCase as exc:
        flash(str(exc), "error")
        return redirect(_page_url(case))
    except letter_service.LetterError as exc:
        return _render(_load(public_id), problems=[(exc.field, exc.message)], status=409)
    flash("Vedtaket er godkjent.", "success")
    return redirect(_page_url(case))


@bp.post("/saker/<public_id>/vedtak/returner")
@roles_required(LEADERS)
def return_letter(public_id: str):
    case = _load(public_id)
    form = ReturnForm()
    form.comment.id = "f-comment"
    s = db_session()
    if not form.validate_on_submit():
        problems = [("comment", e) for e in form.comment.errors] or [("comment", "Ugyldig skjema.")]
        return _render(case, return_form=form, problems=problems, status=400)
    try:
        letter_service.return_with_comment(s, case, form.comment.data, expected_version=form.version.data,
                                           actor=_actor())
    except letter_service.StaleCase as exc:
        flash(str(exc), "error")
        return redirect(_page_url(case))
    except letter_service.LetterError as exc:
        return _render(_load(public_id), return_form=form, problems=[(exc.field, exc.message)], status=409)
    flash("Vedtaket er returnert til saksbehandleren med kommentar.", "success")
    return redirect(_page_url(case))


@bp.post("/saker/<public_id>/vedtak/ferdigstill")
@roles_required(CASE_WORKERS)
def finalize(public_id: str):
    case = _load(public_id)
    form = VersionedForm()
    if not form.validate_on_submit():
        abort(400)
    s = db_session()
    try:
        letter_service.finalize(s, case, expected_version=form.version.data, actor=_actor(), today=_today())
    except letter_service.StaleCase as exc:
        flash(str(exc), "error")
        return redirect(_page_url(case))
    except letter_service.FinalizeBlocked as exc:
        return _render(_load(public_id), problems=exc.problems, status=422)
    except letter_service.LetterError as exc:
        flash(exc.message, "error")
        return redirect(_page_url(case))
    flash("Vedtaket er ferdigstilt og låst.", "success")
    return redirect(_page_url(case))


def _pdf_response(data: bytes, filename: str) -> Response:
    resp = Response(data, mimetype="application/pdf")
    resp.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return resp


@bp.get("/saker/<public_id>/vedtak/utkast.pdf")
@roles_required(CASE_WORKERS)
def draft_pdf(public_id: str):
    case = _load(public_id)
    s = db_session()
    row = letter_service.letter_for(s, case)
    if row is None:
        abort(404)
    if letter_service.is_frozen(row):
        return redirect(url_for("vedtak.final_pdf", public_id=public_id))
    data = letter_service.download_draft_pdf(s, case, actor=_actor(), today=_today())
    return _pdf_response(data, letter_service.pdf_filename(case, row.language, draft=True))


@bp.get("/saker/<public_id>/vedtak/vedtak.pdf")
@roles_required(CASE_READERS)
def final_pdf(public_id: str):
    case = _load(public_id)
    s = db_session()
    row = letter_service.letter_for(s, case)
    if row is None or not letter_service.is_frozen(row) or not row.pdf:
        abort(404)
    from workbench.web.archive.routes import integrity_refused
    from workbench.services import integrity

    try:  # the bytes against the signed archive chain first: a forged PDF is never served
        data = letter_service.download_final_pdf(s, case, row, actor=_actor())
    except integrity.IntegrityFailure as exc:
        return integrity_refused(case, exc, back_url=_page_url(case))
    return _pdf_response(data, letter_service.pdf_filename(case, row.language))


@bp.get("/vedtak/brevmal/<path:filename>")
@roles_required(CASE_READERS)
def letter_asset(filename: str):
    """The letter's stylesheet and bundled fonts, for the preview frame (nothing else in
    workbench/letters/templates/)."""
    from workbench.letters.render import LETTERS_DIR

    ok = filename in LETTER_ASSETS or (filename.startswith("fonts/") and filename.count("/") == 1
                                       and filename.endswith(".ttf"))
    path = (LETTERS_DIR / filename).resolve()
    if not ok or LETTERS_DIR not in path.parents or not path.is_file():
        abort(404)
    resp = send_file(Path(path), max_age=3600)
    resp.headers["Cache-Control"] = "private, max-age=3600"
    return resp
