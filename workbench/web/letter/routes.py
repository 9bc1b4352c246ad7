"""Thin views over ``workbench.services.letters``.

Who may do what (workbench/web/access.py; README «Roles»):
  saksbehandler, leder — read the letter page, edit, preview, send to approval (and take it back),
                         finalize, draft PDF
  leder               — approve / return with a comment (never a letter whose letter or review they
                         wrote or edited: ``letters.contributors``)
  arkivar             — only the finalised document (page and PDF) of a ferdigstilt/arkivert case
  admin               — nothing
"""

from __future__ import annotations

import re

from pathlib import Path

from flask import Blueprint, Response, abort, current_app, flash, redirect, render_template, request, send_file, url_for
from flask_login import current_user

from workbench.db.appeal_models import LetterStatus
from workbench.db.models import Role
from workbench.db.session import db_session
from workbench.services import approval, clock
from workbench.services import cases as case_service
from workbench.services import dispatch as dispatch_service
from workbench.services import letters as letter_service
from workbench.web.letter.forms import DispatchForm, LetterForm, ReturnForm, VersionedForm
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
                 "appeal.", "discrepancy", "evaluation", "late_appeal", "avvisning_exception", "outcome_reasons")


#: The gate's fields as the jurist knows them (issue 12: an error names the field as the user sees it).
FIELD_LABELS = {
    "outcome": "Utfall", "outcome_reasons": "Begrunnelse for utfallet",
    "late_appeal_admitted": "For sen klage – behandles likevel?",
    "late_appeal_ground": "Grunnlag for å behandle den for sene klagen",
    "late_appeal_reasons": "Begrunnelse for å behandle den for sene klagen",
    "avvisning_exception": "Kan avvisningen påklages?", "leader_approval": "Godkjenning av leder",
    "spelling": "Rettskriving", "letter": "Brevet", "pdf": "PDF/A", "competence": "Kompetanse",
    "law_version": "Forvaltningsloven som gjelder", "our_reference": "Vår referanse", "our_date": "Vår dato",
    "language": "Målform", "evaluation.periods": "Beregningen", "conclusion": "Tillegg til konklusjonen",
    "participant.name": "Klagerens navn", "nav_office.name": "Nav-kontoret", "comment": "Kommentar",
    "received": "Mottatt hos Statsforvalteren",
}


def field_label(field: str) -> str:
    """A (field, reason) of the gate or a form, labelled in Norwegian, never a code."""
    if field in FIELD_LABELS:
        return FIELD_LABELS[field]
    if m := re.match(r"argument_answers\[(\d+)\]", field):
        return f"Svar på anførsel {int(m.group(1)) + 1}"
    if m := re.match(r"discretion\[(\d+)\]", field):
        return f"Skjønnspunkt {int(m.group(1)) + 1}"
    if m := re.match(r"discrepancies\[(\d+)\]", field):
        return f"Avvik {int(m.group(1)) + 1}"
    if field.startswith("assessment."):
        return letter_service.BLOCK_LABELS.get(field.split(".", 1)[1], "Tekst i brevet")
    if field.startswith("block_"):
        return letter_service.BLOCK_LABELS.get(field[len("block_"):], "Tekst i brevet")
    if field.startswith("signers"):
        return "Signatur"
    if field.startswith(("decision.", "appeal.")):
        return "Datoene i saken"
    if field.startswith(("admissibility", "discretion.")):
        return "Vurderingen av om klagen kan behandles" if field.startswith("admissibility") else "Skjønnspunkt"
    return "Vedtaket"


def field_anchor(field: str) -> str:
    """Where on the letter page a (field, reason) of the gate is fixed."""
    if field.startswith("assessment."):
        return "#f-block_" + field.split(".", 1)[1]
    if field == "conclusion":
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


def _render(case, *, form=None, return_form=None, problems=None, overrides=None, status=200, conflict=None,
            dispatch_form=None, dispatch_problems=None):
    s = db_session()
    today = _today()
    row = letter_service.letter_for(s, case)
    may_work = current_user.role in CASE_WORKERS
    if row is None and may_work and case.status not in case_service.CLOSED:
        row = letter_service.get_or_create_letter(s, case, actor=_actor())
    ctx = {"case": case, "row": row, "may_work": may_work, "is_leader": current_user.role == Role.LEDER.value,
           "problems": problems or [], "field_anchor": field_anchor, "field_label": field_label, "conflict": conflict,
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
        ctx.update(_dispatch_context(s, case, may_work, dispatch_form, dispatch_problems))
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
    ctx["approver_problem"] = (letter_service.approver_problem(s, case, current_user.id)
                               if ctx["is_leader"] else None)
    ctx["approval"] = built.approval
    ctx["withdrawn"] = approval.withdrawn_approval(s, case)
    if ctx["withdrawn"] is not None and row.status == LetterStatus.UTKAST.value:
        ctx["status_labels"] = {**ctx["status_labels"], row.status: "Endret etter godkjenning"}
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
            approved_before = row.status == LetterStatus.GODKJENT.value
            letter_service.save_blocks(s, case, _overrides(form)["blocks"], expected_version=version,
                                       actor=_actor(), language=form.language.data,
                                       our_reference=form.our_reference.data or "")
            # our own save took one version, and one more when it withdrew the leader's approval
            version += 2 if approved_before and not approval.is_approved(s, case) else 1
        letter_service.send_to_leader(s, case, expected_version=version, actor=_actor(), today=_today())
    except letter_service.FinalizeBlocked as exc:
        return _render(_load(public_id), form=form if with_text else None, problems=exc.problems, status=422)
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
        letter_service.approve(s, case, expected_version=form.version.data, actor=_actor(), today=_today())
    except letter_service.StaleCase as exc:
        flash(str(exc), "error")
        return redirect(_page_url(case))
    except letter_service.FinalizeBlocked as exc:
        return _render(_load(public_id), problems=exc.problems, status=422)
    except letter_service.LetterError as exc:
        return _render(_load(public_id), problems=[(exc.field, exc.message)], status=409)
    flash("Vedtaket er godkjent.", "success")
    return redirect(_page_url(case))


@bp.post("/saker/<public_id>/vedtak/trekk-tilbake")
@roles_required(CASE_WORKERS)
def recall(public_id: str):
    """«Trekk tilbake fra godkjenning»: the letter back from the leder, to change it or the review."""
    case = _load(public_id)
    form = VersionedForm()
    if not form.validate_on_submit():
        abort(400)
    try:
        letter_service.recall_from_leader(db_session(), case, expected_version=form.version.data, actor=_actor())
    except letter_service.StaleCase as exc:
        flash(str(exc), "error")
        return redirect(_page_url(case))
    except letter_service.LetterError as exc:
        flash(exc.message, "error")
        return redirect(_page_url(case))
    flash("Vedtaket er trukket tilbake fra godkjenning. Send det til godkjenning på nytt når du er ferdig.", "success")
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


# ---------------------------------------------------------------------------------------------
# «Ekspeder»: the finalised decision sent to the parties (forvaltningsloven § 27; services/dispatch.py)
# ---------------------------------------------------------------------------------------------

def _dispatch_form(case, formdata=None) -> DispatchForm:
    if formdata is not None:
        return DispatchForm(formdata=formdata)
    return DispatchForm(formdata=None, data=dispatch_service.defaults(db_session(), case, today=_today()))


def _dispatch_context(s, case, may_work: bool, form, problems) -> dict:
    """What the letter page's «Ekspedering» section shows: the recorded dispatch, or (for a case worker) the
    form; the recipient's and the copy's PDFs either way (the jurist downloads them to send them)."""
    recorded = dispatch_service.view(s, case)
    form = form if form is not None else (_dispatch_form(case) if may_work and recorded is None else None)
    labels = {f.name: f.label.text for f in form} if form is not None else {}
    return {"dispatch": recorded, "dispatch_rows": recorded.labelled() if recorded else [],
            "dispatch_form": form, "dispatch_claimant": dispatch_service.claimant(s, case),
            "dispatch_nav_office": dispatch_service.nav_office(s, case),
            "dispatch_problems": [(name, labels.get(name, "Ekspedering"), reason)
                                  for name, reason in (problems or [])]}


def _dispatch_request(form: DispatchForm) -> dispatch_service.Request:
    rep = dispatch_service.Party(*(str(getattr(form, f"representative_{k}").data or "").strip()
                                   for k in ("name", "street", "postcode", "city")))
    return dispatch_service.Request(recipient=form.recipient.data or "", channel=form.channel.data or "",
                                    sent_on=form.sent_on.data, copy_to_nav=bool(form.copy_to_nav.data),
                                    nav_channel=form.nav_channel.data or "",
                                    copy_to_claimant=bool(form.copy_to_claimant.data), representative=rep)


@bp.post("/saker/<public_id>/vedtak/ekspeder")
@roles_required(CASE_WORKERS)
def dispatch(public_id: str):
    """«Ekspeder»: record to whom, how and when the finalised decision was sent. Every problem is named at its
    field by the label the jurist sees (the form's own checks and the service's together); nothing is stored
    unless there is none."""
    case = _load(public_id)
    s = db_session()
    row = letter_service.letter_for(s, case)
    if row is None or not letter_service.is_frozen(row):
        flash("Vedtaket kan ekspederes først når det er ferdigstilt.", "error")
        return redirect(_page_url(case))
    form = _dispatch_form(case, formdata=request.form)
    form.validate()
    csrf = getattr(form, "csrf_token", None)  # absent where CSRF is off (the tests' app)
    if csrf is not None and csrf.errors:
        abort(400)  # a stale or forged form, not something the jurist can fix at a field
    problems = [(f.name, e) for f in form for e in f.errors]
    in_error = {name for name, _ in problems}
    problems += [(name, reason) for name, reason in
                 dispatch_service.problems(s, case, _dispatch_request(form), today=_today()) if name not in in_error]
    if not problems:
        try:
            dispatch_service.record(s, case, _dispatch_request(form), today=_today(), actor=_actor())
        except dispatch_service.DispatchRefused as exc:
            problems = exc.problems
    if problems:
        for name, reason in problems:
            fld = getattr(form, name, None)
            if fld is not None and reason not in fld.errors:
                fld.errors = [*fld.errors, reason]
        status = 409 if any(name == "dispatch" for name, _ in problems) else 400
        return _render(_load(public_id), dispatch_form=form, dispatch_problems=problems, status=status)
    flash(f"Vedtaket er registrert som ekspedert {form.sent_on.data:%d.%m.%Y}.", "success")
    return redirect(_page_url(case, "#ekspedering"))


@bp.get("/saker/<public_id>/vedtak/kopi.pdf")
@roles_required(CASE_READERS)
def copy_pdf(public_id: str):
    """The copy (Nav office, claimant) of the finalised letter, stamped «KOPI»; the archived bytes unchanged."""
    case = _load(public_id)
    s = db_session()
    row = letter_service.letter_for(s, case)
    if row is None or not letter_service.is_frozen(row) or not row.pdf:
        abort(404)
    from workbench.web.archive.routes import integrity_refused
    from workbench.services import integrity

    try:  # verified against the signed archive chain first, as the original's download is
        data = dispatch_service.copy_pdf(s, case, actor=_actor())
    except integrity.IntegrityFailure as exc:
        return integrity_refused(case, exc, back_url=_page_url(case))
    return _pdf_response(data, dispatch_service.copy_filename(letter_service.pdf_filename(case, row.language)))


@bp.app_context_processor
def _dispatch_helpers() -> dict:
    """``dispatched_on(case)`` for every template: the case page shows «Ekspedert dd.mm.åååå» with it."""
    return {"dispatched_on": lambda case: dispatch_service.dispatched_on(db_session(), case)}


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
