from dataclasses import replace

from flask import Blueprint, abort, flash, g, redirect, render_template, request, url_for
from flask_login import current_user

from workbench.web.cases.forms import (
    ActionForm,
    CountyForm,
    ForelopigSvarForm,
    LanguageForm,
    ReceiptForm,
    ReceivedForm,
    VersionedForm,
    WaitingForm,
)
from workbench.db.models import CaseStatus
from workbench.db.session import db_session
from workbench.formats.evaluation_json import EvaluationFormatError, EvaluationRecord, read_evaluation
from workbench.services import audit
from workbench.services import case_documents
from workbench.services import cases as case_service
from workbench.services import competence as competence_service
from workbench.services import clock, deadlines, queues, review_store, side_letters
from workbench.services.paging import page_number
from workbench.web.access import (
    CASE_READERS,
    CASE_WORKERS,
    may_change_status,
    roles_required,
)
from workbench.web.helpers import current_actor, readable_case_or_abort
from workbench.web.imports.prefill import provenance_rows

bp = Blueprint("cases", __name__, url_prefix="/saker")

STATUS_ACTIONS = {
    # from status: [(to status, button label)]
    CaseStatus.MOTTATT.value: [(CaseStatus.UNDER_BEHANDLING.value, "Start behandling")],
    # til_godkjenning and ferdigstilt are reached only through the decision letter (vedtak
    # blueprint): sending, the leader's approval and the finalize gate live there, so no button
    # here may skip the gate.
    # arkivert is reached only through the archive page (/arkivering), which verifies the letter's
    # checksum first (services.archive.archive_case).
}


_actor = current_actor


def _rows(cases):
    today = clock.today()
    s = db_session()
    names = case_service.user_names(s)
    # a promise to the claimant passed: flagged in every list (asked for the cases on this page only)
    broken = side_letters.overdue_case_ids(s, today, among=[c.id for c in cases])
    rows = []
    for c in cases:
        dl = deadlines.for_case(c, today=today)
        if dl is not None and c.id in broken:
            dl = replace(dl, promise_passed=True)
        rows.append({"case": c, "saksbehandler": names.get(c.saksbehandler_id), "deadlines": dl})
    return rows


def _list_page(page, *, view: str, title: str, empty: str | None = None):
    return render_template("cases/list.html", rows=_rows(page.items), page=page, view=view, title=title,
                           empty=empty)


def _case_deadlines(s, case):
    """The case page's deadlines, with the side-letter journal's broken promise."""
    today = clock.today()
    dl = deadlines.for_case(case, today=today)
    if dl is not None and side_letters.overdue(s, case, today):
        dl = replace(dl, promise_passed=True)
    return dl


@bp.app_context_processor
def _queue_counts():
    """``queue_counts()`` for the menu and the queue tabs: computed once per request, only where shown."""
    def queue_counts() -> dict[str, int]:
        if "queue_counts" not in g:
            g.queue_counts = queues.counts(db_session(), user_id=current_user.id, today=clock.today())
        return g.queue_counts
    return {"queue_counts": queue_counts, "QUEUES": queues.QUEUES}


def _queue_page(key: str):
    queue = queues.BY_KEY[key]
    found = queues.cases_in(db_session(), key, user_id=current_user.id, today=clock.today(),
                            page=page_number(request.args.get("side")))
    return _list_page(found, view=key, title=queue.label, empty=queue.empty)


@bp.get("/mine")
@roles_required(CASE_WORKERS)
def my_cases():
    """The open cases assigned to me (finished ones are in «Ferdigstilte saker»)."""
    return _queue_page("mine")


@bp.get("/ko/<key>")
@roles_required(CASE_WORKERS)
def queue(key: str):
    if key not in queues.BY_KEY or key == "mine":
        abort(404)
    return _queue_page(key)


@bp.get("/alle")
@roles_required(CASE_WORKERS)
def all_cases():
    """The open cases; the finished ones are in «Ferdigstilte saker»."""
    found = queues.all_open(db_session(), page=page_number(request.args.get("side")))
    return _list_page(found, view="alle", title="Alle saker")


@bp.get("/arkiv")
@roles_required(CASE_READERS)
def archive_list():
    found = case_service.finished_cases(db_session(), page=page_number(request.args.get("side")))
    return _list_page(found, view="arkiv", title="Ferdigstilte saker")


_load = readable_case_or_abort


@bp.get("/<public_id>")
@roles_required(CASE_READERS)
def show(public_id: str):
    case = _load(public_id)
    return _render_case(case)


def _read(evaluation) -> tuple[EvaluationRecord | None, str | None]:
    """The stored evaluation JSON read once (:func:`read_evaluation`), or why it cannot be read."""
    if evaluation is None or evaluation.result is None:
        return None, None
    try:
        return read_evaluation(evaluation.result), None
    except EvaluationFormatError as exc:
        return None, f"Den lagrede vurderingen kan ikke leses ({exc}). Vurder saken på nytt."


def _render_case(case, *, received_form=None, svar_form=None, language_form=None, county_form=None,
                 waiting_form=None, receipt_form=None, status=200):
    s = db_session()
    competence = competence_service.case_view(s, case)
    language_form = language_form or LanguageForm(formdata=None, language=case.language, version=case.version)
    county_form = (county_form or CountyForm(formdata=None, county=case.office_county or "",
                                             version=case.version)).with_choices(competence.choices)
    imported = case_service.imported_for(s, case)
    evaluation = case_service.latest_evaluation(s, case)
    result, result_error = _read(evaluation)
    names = case_service.user_names(s)
    received_form = received_form or ReceivedForm(formdata=None, received=case.received,
                                                  version=case.version)
    svar_form = svar_form or ForelopigSvarForm(formdata=None, sent=case.forelopig_svar_sent,
                                               version=case.version)
    def _yes_no(value):
        return None if value is None else ("ja" if value else "nei")
    receipt_form = receipt_form or ReceiptForm(
        formdata=None, version=case.version, documents_complete=_yes_no(case.documents_complete),
        urgent=_yes_no(case.urgent), deferred_execution_requested=_yes_no(case.deferred_execution_requested))
    waiting_form = waiting_form or WaitingForm(formdata=None, reason=case.waiting_reason,
                                               until=case.waiting_until, version=case.version)
    actions = [(to, lbl) for to, lbl in STATUS_ACTIONS.get(case.status, [])
               if may_change_status(current_user, case, to)]
    events = audit.events_for_case(s, case.id)
    documents = case_documents.documents_for_case(s, case.id)  # the papers the case was imported from (issue 16)
    provenance = case_documents.provenance_for_case(s, case.id)
    return render_template(
        "cases/show.html", case=case, doc=imported.parsed, imported=imported,
        evaluation=evaluation, result=result, result_error=result_error,
        dl=_case_deadlines(s, case),
        saksbehandler=names.get(case.saksbehandler_id), names=names,
        received_form=received_form, svar_form=svar_form, action_form=ActionForm(formdata=None),
        waiting_form=waiting_form, receipt_form=receipt_form, today=clock.today(),
        assign_form=VersionedForm(formdata=None), actions=actions, events=events,
        competence=competence, language_form=language_form, county_form=county_form,
        languages=case_service.LANGUAGES,
        may_work=current_user.role in CASE_WORKERS, documents=documents,
        provenance=provenance_rows(provenance.fields) if provenance else None,
        document_names={d.public_id: d.filename for d in documents}), status


def _stale(exc):
    flash(str(exc), "error")


@bp.post("/<public_id>/mottatt")
@roles_required(CASE_WORKERS)
def edit_received(public_id: str):
    case = _load(public_id)
    form = ReceivedForm()
    if not form.validate_on_submit():
        return _render_case(case, received_form=form, status=400)
    try:
        case_service.set_received(db_session(), case, form.received.data,
                                  expected_version=form.version.data, actor=_actor())
        flash("Mottaksdatoen er endret.", "success")
    except case_service.StaleCase as exc:
        _stale(exc)
    return redirect(url_for("cases.show", public_id=public_id))


@bp.post("/<public_id>/forelopig-svar")
@roles_required(CASE_WORKERS)
def forelopig_svar(public_id: str):
    case = _load(public_id)
    form = ForelopigSvarForm()
    if not form.validate_on_submit():
        return _render_case(case, svar_form=form, status=400)
    try:
        case_service.set_forelopig_svar_sent(db_session(), case, form.sent.data,
                                             expected_version=form.version.data, actor=_actor())
        flash("Foreløpig svar er registrert.", "success")
    except case_service.StaleCase as exc:
        _stale(exc)
    return redirect(url_for("cases.show", public_id=public_id))


@bp.post("/<public_id>/mottakskontroll")
@roles_required(CASE_WORKERS)
def receipt_check(public_id: str):
    """The receipt check at intake: documents complete, hastesak, utsatt iverksetting."""
    case = _load(public_id)
    form = ReceiptForm()
    if not form.validate_on_submit():
        return _render_case(case, receipt_form=form, status=400)
    try:
        case_service.record_receipt_check(
            db_session(), case, documents_complete=form.documents_complete.data == "ja",
            urgent=form.urgent.data == "ja", deferred_execution_requested=form.deferred_execution_requested.data == "ja",
            expected_version=form.version.data, actor=_actor())
        flash("Mottakskontrollen er registrert.", "success")
    except case_service.StaleCase as exc:
        _stale(exc)
    return redirect(url_for("cases.show", public_id=public_id) + "#mottakskontroll")


@bp.post("/<public_id>/vent")
@roles_required(CASE_WORKERS)
def waiting(public_id: str):
    """Put the case «på vent» (the «Venter på svar» queue) or take it off."""
    case = _load(public_id)
    form = WaitingForm()
    if not form.validate_on_submit():
        return _render_case(case, waiting_form=form, status=400)
    ending = bool(form.end.data)
    try:
        case_service.set_waiting(db_session(), case, None if ending else form.reason.data, form.until.data,
                                 expected_version=form.version.data, actor=_actor())
        flash("Saken venter ikke lenger." if ending else "Saken er satt på vent.", "success")
    except case_service.StaleCase as exc:
        _stale(exc)
    except ValueError as exc:
        form.reason.errors = [str(exc)]
        return _render_case(case, waiting_form=form, status=400)
    return redirect(url_for("cases.show", public_id=public_id))


@bp.post("/<public_id>/malform")
@roles_required(CASE_WORKERS)
def change_language(public_id: str):
    """The written standard of the case (chosen at intake), changed before the letter goes to the leder."""
    case = _load(public_id)
    form = LanguageForm()
    if not form.validate_on_submit():
        return _render_case(case, language_form=form, status=400)
    try:
        case_service.set_language(db_session(), case, form.language.data, expected_version=form.version.data,
                                  actor=_actor())
        flash(f"Målformen er endret til {case_service.LANGUAGES[form.language.data].lower()}.", "success")
    except case_service.StaleCase as exc:
        _stale(exc)
    except case_service.LanguageLocked as exc:
        flash(str(exc), "error")
    return redirect(url_for("cases.show", public_id=public_id))


@bp.post("/<public_id>/fylke")
@roles_required(CASE_WORKERS)
def confirm_county(public_id: str):
    """The Nav office's county, confirmed by the jurist where the import has no unit number."""
    case = _load(public_id)
    form = CountyForm().with_choices(competence_service.case_view(db_session(), case).choices)
    if not form.validate_on_submit():
        return _render_case(case, county_form=form, status=400)
    try:
        competence_service.confirm_office_county(db_session(), case, form.county.data,
                                                 expected_version=form.version.data, actor=_actor())
        flash("Nav-kontorets fylke er bekreftet.", "success")
    except case_service.StaleCase as exc:
        _stale(exc)
    except competence_service.NotACounty as exc:
        flash(str(exc), "error")
    return redirect(url_for("cases.show", public_id=public_id))


@bp.post("/<public_id>/tildel")
@roles_required(CASE_WORKERS)
def assign_to_me(public_id: str):
    case = _load(public_id)
    form = VersionedForm()
    if not form.validate_on_submit():
        abort(400)
    try:
        case_service.assign(db_session(), case, current_user, expected_version=form.version.data,
                            actor=_actor())
        flash("Saken er tildelt deg.", "success")
    except case_service.StaleCase as exc:
        _stale(exc)
    return redirect(url_for("cases.show", public_id=public_id))


@bp.post("/<public_id>/status")
@roles_required(CASE_READERS)
def change_status(public_id: str):
    case = _load(public_id)
    form = ActionForm()
    if not form.validate_on_submit():
        abort(400)
    to_status = form.to_status.data or ""
    if not may_change_status(current_user, case, to_status):
        abort(403)
    try:
        case_service.transition(db_session(), case, to_status, expected_version=form.version.data,
                                actor=_actor())
        flash("Status er endret.", "success")
    except case_service.StaleCase as exc:
        _stale(exc)
    except case_service.ReceivedUnknown:
        # the date is asked for where it is typed: the received-date field, with its own error
        received_form = ReceivedForm(formdata=None, version=case.version)
        received_form.received.errors = ["Registrer datoen saken kom inn hos Statsforvalteren før saken startes; "
                                         "fristene regnes fra den."]
        return _render_case(_load(public_id), received_form=received_form, status=422)
    except case_service.TransitionNotAllowed as exc:
        flash(str(exc), "error")
    return redirect(url_for("cases.show", public_id=public_id))


@bp.post("/<public_id>/vurder")
@roles_required(CASE_WORKERS)
def reevaluate(public_id: str):
    case = _load(public_id)
    form = VersionedForm()
    if not form.validate_on_submit():
        abort(400)
    try:
        review_store.reevaluate(db_session(), case, actor=_actor())
    except case_service.StaleCase as exc:
        _stale(exc)
        return redirect(url_for("cases.show", public_id=public_id))
    flash("Saken er vurdert på nytt.", "success")
    return redirect(url_for("cases.show", public_id=public_id) + "#vurdering")

