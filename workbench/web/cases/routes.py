from datetime import date

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_login import current_user

from workbench.web.cases.forms import ActionForm, ForelopigSvarForm, ReceivedForm, VersionedForm
from workbench.db.models import CaseStatus
from workbench.db.session import db_session
from workbench.formats.evaluation_json import EvaluationFormatError, EvaluationRecord, read_evaluation
from workbench.services import audit
from workbench.services import cases as case_service
from workbench.services import deadlines, review_store
from workbench.web.access import (
    ARCHIVE_STATUSES,
    CASE_READERS,
    CASE_WORKERS,
    may_change_status,
    roles_required,
)
from workbench.web.helpers import current_actor, readable_case_or_abort

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
    today = date.today()
    names = case_service.user_names(db_session())
    return [{"case": c, "saksbehandler": names.get(c.saksbehandler_id),
             "deadlines": deadlines.compute(c.received, today=today,
                                            closed=c.status in case_service.CLOSED,
                                            forelopig_svar_sent=c.forelopig_svar_sent)}
            for c in cases]


@bp.get("/mine")
@roles_required(CASE_WORKERS)
def my_cases():
    rows = _rows(case_service.list_cases(db_session(), saksbehandler_id=current_user.id))
    return render_template("cases/list.html", rows=rows, view="mine", title="Mine saker")


@bp.get("/alle")
@roles_required(CASE_WORKERS)
def all_cases():
    rows = _rows(case_service.list_cases(db_session()))
    return render_template("cases/list.html", rows=rows, view="alle", title="Alle saker")


@bp.get("/arkiv")
@roles_required(CASE_READERS)
def archive_list():
    rows = _rows(case_service.list_cases(db_session(), statuses=set(ARCHIVE_STATUSES)))
    return render_template("cases/list.html", rows=rows, view="arkiv", title="Ferdigstilte saker")


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


def _render_case(case, *, received_form=None, svar_form=None, status=200):
    s = db_session()
    imported = case_service.imported_for(s, case)
    evaluation = case_service.latest_evaluation(s, case)
    result, result_error = _read(evaluation)
    names = case_service.user_names(s)
    received_form = received_form or ReceivedForm(formdata=None, received=case.received,
                                                  version=case.version)
    svar_form = svar_form or ForelopigSvarForm(formdata=None, sent=case.forelopig_svar_sent,
                                               version=case.version)
    actions = [(to, lbl) for to, lbl in STATUS_ACTIONS.get(case.status, [])
               if may_change_status(current_user, case, to)]
    events = audit.events_for_case(s, case.id)
    return render_template(
        "cases/show.html", case=case, doc=imported.parsed, imported=imported,
        evaluation=evaluation, result=result, result_error=result_error,
        dl=deadlines.compute(case.received, today=date.today(),
                             closed=case.status in case_service.CLOSED,
                             forelopig_svar_sent=case.forelopig_svar_sent),
        saksbehandler=names.get(case.saksbehandler_id), names=names,
        received_form=received_form, svar_form=svar_form, action_form=ActionForm(formdata=None),
        assign_form=VersionedForm(formdata=None), actions=actions, events=events,
        may_work=current_user.role in CASE_WORKERS), status


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

