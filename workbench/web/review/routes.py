"""The review page of a case: ``/saker/<public_id>/vurdering`` and the forms posting to it.

Thin: each POST reads one form, changes the jurist's ``Recorded`` (or the argument answers, or one
fact) through ``services.review_store`` under the case lock, and redirects back to the section. A
form with errors, or a conflict with someone else's edit, re-renders the page with what was typed.
"""

from __future__ import annotations

import dataclasses
import re

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from workbench.db.session import db_session
from workbench.web.review import facts
from workbench.web.review.forms import (
    AdmissibilityForm,
    FactForm,
    OutcomeForm,
    ReclassifyForm,
    ReformatioForm,
    VersionedForm,
)
from workbench.appeal.outcome import AVVISE, DiscretionAnswer, Reclassification, S48Finding, open_discretion_points
from workbench.services import approval, audit, clock, deadlines, review_store
from workbench.web.filters import user_text
from workbench.services import cases as case_service
from workbench.services import letters as letter_service
from workbench.web.access import CASE_WORKERS, roles_required
from workbench.web.helpers import current_actor, readable_case_or_abort

bp = Blueprint("review", __name__, url_prefix="/saker")

#: the jurist's admissibility confirmations, stored as answers with these codes in ``Recorded``
ADM_PREFIX = "adm-"
ADM_KLAGERETT = "adm-klagerett"  # fullmakt / klagerett assessed (fvl. §§ 12, 28)
ADM_FORM = "adm-form"  # the appeal names the decision and the change sought (fvl. § 32)

CONFLICT = ("Saken er endret av noen andre siden du åpnet den. Det du skrev er ikke lagret – det står "
            "fortsatt i skjemaet. Se over det som nå er registrert, og lagre på nytt.")
MAX_TEXT = 10000


_actor = current_actor


_load = readable_case_or_abort


CLOSED_MESSAGE = "Saken er ferdigstilt: vurderingen kan ikke endres lenger."


def _load_open(public_id: str):
    """The case for a change; a ferdigstilt or arkivert case is read-only (None → the caller redirects)."""
    case = _load(public_id)
    if case.status in case_service.CLOSED:
        flash(CLOSED_MESSAGE, "error")
        return case, redirect(url_for("review.show", public_id=case.public_id))
    return case, None


def _back(case, anchor: str):
    return redirect(url_for("review.show", public_id=case.public_id) + f"#{anchor}")


def _key(d: dict) -> str:
    return f"{d['code']}@{d['period']}" if d.get("period") else d["code"]



AUDIT_LABELS = {
    "review.recorded": "Vurdering registrert",
    "review.argument_answered": "Svar på anførsler registrert",
    "review.fact_corrected": "Faktum rettet og saken beregnet på nytt",
}


@bp.app_template_filter("review_audit_label")
def review_audit_label(action: str) -> str:
    return AUDIT_LABELS.get(action, action)


FIELD_LABELS = {
    "late_appeal_admitted": "for sen klage", "late_appeal_reasons": "begrunnelse for sen klage",
    "notice_received": "dato vedtaket kom fram", "appeal_received": "dato Nav mottok klagen",
    "reformatio_interests": "overordnede interesser", "reformatio_varsel": "varsel om endring til ugunst",
    "s48_findings": "vurdering etter § 48", "chosen_outcome": "utfall", "outcome_reasons": "begrunnelse for utfall",
    "reclassifications": "klassifisering av avvik", "discretion_answers": "skjønnsvurderinger",
    "avvisning_exception": "om avvisningen kan påklages", "late_appeal_ground": "grunnlag for å behandle sen klage",
}


@bp.app_template_filter("review_audit_detail")
def review_audit_detail(event) -> str:
    detail = event.detail or ""
    if event.action == "review.recorded" and detail.startswith("fields="):
        return ", ".join(FIELD_LABELS.get(f, f) for f in detail[len("fields="):].split(","))
    if event.action == "review.fact_corrected":
        return facts.audit_summary(detail)  # the field in words, never the import path
    if event.action == "review.argument_answered" and detail.startswith("indexes="):
        return "anførsel " + ", ".join(str(int(i) + 1) for i in detail[len("indexes="):].split(",") if i.isdigit())
    return ""


def _unique_points(points: list[dict]) -> list[dict]:
    """One entry per ⚖ code (the form has one set of fields per code); where a code repeats, the
    entry limited by sotjl § 48 wins."""
    out: dict[str, dict] = {}
    for p in points:
        c = p["code"]
        if c not in out or (p.get("limited_by_sotjl_48") and not out[c].get("limited_by_sotjl_48")):
            out[c] = p
    return list(out.values())


def _letter_language(s, case, document) -> str:
    """The standard the letter is written in (nb | nn): the case's, the letter's, else the participant's."""
    lang = getattr(case, "language", None)
    if lang in ("nb", "nn"):
        return lang
    row = letter_service.letter_for(s, case)
    return row.language if row is not None and row.language in ("nb", "nn") else letter_service.default_language(document)


def _render(case, *, status: int = 200, conflict: bool = False, forms: dict | None = None,
            discretion_values: dict | None = None, discretion_errors: dict | None = None,
            argument_values: dict | None = None, reclassify_errors: dict | None = None,
            argument_errors: dict | None = None, fact_add: dict | None = None):
    s = db_session()
    today = clock.today()
    state = review_store.load_review(s, case)
    review = review_store.current_review(s, case, today=today)
    rec = state.recorded
    forms = dict(forms or {})
    decision_doc = state.document
    adm_kf = review["admissibility"]["klagefrist"]
    forms.setdefault("admissibility", AdmissibilityForm(
        formdata=None, notice_received=rec.notice_received, appeal_received=rec.appeal_received,
        late_appeal_admitted={True: "ja", False: "nei", None: ""}[rec.late_appeal_admitted],
        late_appeal_ground=rec.late_appeal_ground, late_appeal_reasons=rec.late_appeal_reasons,
        klagerett_assessment=(klagerett.answer if (klagerett := rec.answer(ADM_KLAGERETT)) else ""),
        form_confirmed=rec.answer(ADM_FORM) is not None))
    forms.setdefault("reformatio", ReformatioForm(
        formdata=None, appeal_received=rec.appeal_received, interests=rec.reformatio_interests,
        varsel=rec.reformatio_varsel))
    forms.setdefault("outcome", OutcomeForm(formdata=None, outcome=rec.chosen_outcome,
                                            reasons=rec.outcome_reasons, avvisning_exception=rec.avvisning_exception))
    forms.setdefault("fact", FactForm(formdata=None))
    forms.setdefault("plain", VersionedForm(formdata=None))
    reclass = {r.discrepancy: r for r in rec.reclassifications}
    reclassify_forms = {}
    for d in review["discrepancies"]:
        k = _key(d)
        if forms.get("reclassify") is not None and forms["reclassify"].discrepancy.data == k:
            reclassify_forms[k] = forms["reclassify"]
            continue
        r = reclass.get(k)
        reclassify_forms[k] = ReclassifyForm(
            formdata=None, discrepancy=k, category=(r.category if r else d.get("category")),
            fvl_provision=(r.fvl_provision if r else "") or "", reason=(r.reason if r else ""),
            prefix=f"rc{len(reclassify_forms)}")
    if discretion_values is None:
        discretion_values = {}
        for p in review["discretion"]:
            a, f = rec.answer(p["code"]), rec.finding(p["code"])
            discretion_values[p["code"]] = {
                "answer": a.answer if a else "", "reasons": a.reasons if a else "",
                "s48": ("" if f is None else ("ja" if f.apenbart_urimelig else "nei")),
                "s48_reasons": f.reasons if f else "", "s48_self": f.self_government if f else ""}
    groups: dict[str, list[dict]] = {}
    for p in _unique_points(review["discretion"]):
        groups.setdefault(p.get("kind_label_nb") or p.get("kind") or "Annet", []).append(p)
    # the engine's proposed answers: prefilled where nothing is recorded yet, marked until the jurist saves
    proposals = {p.index: p for p in review_store.argument_proposals(
        state, review["evaluation"], lang=_letter_language(s, case, decision_doc))}
    if argument_values is None:
        argument_values = dict(state.argument_answers)
        for i, p in proposals.items():
            if p.text and i not in argument_values:
                argument_values[i] = p.text
    proposed_shown = {i for i, p in proposals.items()
                      if p.text and i not in state.argument_answers and argument_values.get(i) == p.text}
    blocked = {b["option"]: b for b in review["outcome"]["blocked"] if ":" not in b["option"]}
    point_blocks = [b for b in review["outcome"]["blocked"] if ":" in b["option"]]
    names = case_service.user_names(s)
    events = [e for e in audit.events_for_case(s, case.id) if e.action.startswith("review.")]
    periods = {(p.fra.isoformat(), p.til.isoformat()): p for p in review["evaluation"].periods}
    return render_template(
        "review/show.html", case=case, state=state, review=review, rec=rec, today=today, forms=forms,
        reclassify_forms=reclassify_forms, reclassify_errors=reclassify_errors or {}, key=_key,
        discretion_groups=groups, discretion_values=discretion_values,
        discretion_errors=discretion_errors or {}, argument_values=argument_values,
        argument_errors=argument_errors or {}, proposals=proposals, proposed_shown=proposed_shown,
        blocked=blocked, point_blocks=point_blocks, names=names, events=events, periods=periods,
        kf=adm_kf, doc=decision_doc, conflict=conflict, adm_klagerett=rec.answer(ADM_KLAGERETT),
        adm_form=rec.answer(ADM_FORM),
        open_points=open_discretion_points(review["discretion"], rec),
        missing_answers=review_store.missing_argument_answers(state),
        fact_choices=facts.change_choices(decision_doc), fact_add_targets=facts.add_targets(decision_doc),
        fact_rows=_fact_rows(state), fact_add=fact_add or {},
        dl=deadlines.for_case(case, today=today)), status  # the case's clock, as on the list and the case page


@bp.get("/<public_id>/vurdering")
@roles_required(CASE_WORKERS)
def show(public_id: str):
    return _render(_load(public_id))


def _conflict(case, **kwargs):
    return _render(case, status=409, conflict=True, **kwargs)


WITHDRAWN_NOTICE = ("Leders godkjenning av vedtaket er tilbakekalt fordi vurderingen er endret. Vedtaket må sendes "
                    "til godkjenning på nytt.")


def _awaiting_approval(case, exc, **typed):
    """The letter lies with the leder: nothing is stored; say why, and keep what was typed."""
    flash(str(exc), "error")
    return _render(case, status=409, **typed)


def _note_withdrawal(case, was_approved: bool) -> None:
    """Say so when this change withdrew the leader's approval of the letter."""
    if was_approved and not approval.is_approved(db_session(), case):
        flash(WITHDRAWN_NOTICE, "warning")


def _save(case, recorded, version: int, anchor: str, message: str, **on_conflict):
    was_approved = approval.is_approved(db_session(), case)
    try:
        review_store.save_recorded(db_session(), case, recorded, expected_version=version, actor=_actor())
    except approval.AwaitingApproval as exc:
        return _awaiting_approval(case, exc, **on_conflict)
    except case_service.StaleCase:
        return _conflict(case, **on_conflict)
    flash(message, "success")
    _note_withdrawal(case, was_approved)
    return _back(case, anchor)


# --- admissibility ---------------------------------------------------------------------------------

@bp.post("/<public_id>/vurdering/adgang")
@roles_required(CASE_WORKERS)
def admissibility(public_id: str):
    case, closed = _load_open(public_id)
    if closed:
        return closed
    form = AdmissibilityForm()
    if not form.validate_on_submit():
        return _render(case, status=400, forms={"admissibility": form})
    rec = review_store.load_review(db_session(), case).recorded
    admitted = {"ja": True, "nei": False}.get(form.late_appeal_admitted.data or "")
    adm_answers = []
    if (form.klagerett_assessment.data or "").strip():
        adm_answers.append(DiscretionAnswer(code=ADM_KLAGERETT, answer=form.klagerett_assessment.data.strip()))
    if form.form_confirmed.data:
        adm_answers.append(DiscretionAnswer(code=ADM_FORM, answer="bekreftet"))
    others = tuple(a for a in rec.discretion_answers if not a.code.startswith(ADM_PREFIX))
    new = dataclasses.replace(rec, notice_received=form.notice_received.data,
                              appeal_received=form.appeal_received.data, late_appeal_admitted=admitted,
                              late_appeal_ground=(form.late_appeal_ground.data or None) if admitted else None,
                              late_appeal_reasons=(form.late_appeal_reasons.data or "").strip() or None,
                              discretion_answers=others + tuple(adm_answers))
    return _save(case, new, form.version.data, "adgang", "Vurderingen av om klagen kan behandles er lagret.",
                 forms={"admissibility": form})


# --- discrepancies ---------------------------------------------------------------------------------

@bp.post("/<public_id>/vurdering/avvik")
@roles_required(CASE_WORKERS)
def reclassify(public_id: str):
    case, closed = _load_open(public_id)
    if closed:
        return closed
    prefix = request.form.get("prefix", "")
    if not re.fullmatch(r"rc\d{1,3}", prefix):
        abort(400)
    form = ReclassifyForm(prefix=prefix)
    if not form.validate_on_submit():
        return _render(case, status=400, forms={"reclassify": form})
    rec = review_store.load_review(db_session(), case).recorded
    key = form.discrepancy.data
    others = tuple(r for r in rec.reclassifications if r.discrepancy != key)
    new_r = Reclassification(discrepancy=key, category=form.category.data, reason=form.reason.data.strip(),
                             fvl_provision=(form.fvl_provision.data or None) if form.category.data == "saksbehandling" else None)
    new = dataclasses.replace(rec, reclassifications=(*others, new_r))
    review = review_store.current_review(db_session(), case, today=clock.today())
    if key not in {_key(d) for d in review["discrepancies"]}:
        abort(400)
    return _save(case, new, form.version.data, "avvik", "Klassifiseringen av avviket er lagret.",
                 forms={"reclassify": form})


# --- discretion --------------------------------------------------------------------------------------

@bp.post("/<public_id>/vurdering/skjonn")
@roles_required(CASE_WORKERS)
def discretion(public_id: str):
    case, closed = _load_open(public_id)
    if closed:
        return closed
    form = VersionedForm()
    if not form.validate_on_submit():
        abort(400)
    s = db_session()
    rec = review_store.load_review(s, case).recorded
    points = _unique_points(review_store.current_review(s, case, today=clock.today())["discretion"])
    values, errors = {}, {}
    answers, findings = [], []
    for p in points:
        c = p["code"]
        v = {k: (request.form.get(f"{k}-{c}") or "").strip()[:MAX_TEXT]
             for k in ("answer", "reasons", "s48", "s48_reasons", "s48_self")}
        values[c] = v
        err: dict[str, str] = {}
        if v["reasons"] and not v["answer"]:
            err["answer"] = "Skriv hva du har kommet fram til."
        if v["answer"] and not v["reasons"]:
            err["reasons"] = "Begrunn avgjørelsen."
        if v["answer"]:
            answers.append(DiscretionAnswer(code=c, answer=v["answer"], reasons=v["reasons"]))
        if p.get("limited_by_sotjl_48"):
            if v["s48"] not in ("", "ja", "nei"):
                abort(400)
            if v["s48"]:
                if not v["s48_reasons"]:
                    err["s48_reasons"] = "Begrunn vurderingen etter sosialtjenesteloven § 48."
                if v["s48"] == "ja" and not v["s48_self"]:
                    err["s48_self"] = "Vis hvordan det kommunale selvstyret er vektlagt."
                findings.append(S48Finding(code=c, apenbart_urimelig=v["s48"] == "ja", reasons=v["s48_reasons"],
                                           self_government=v["s48_self"]))
        if err:
            errors[c] = err
    if errors:
        return _render(case, status=400, discretion_values=values, discretion_errors=errors)
    kept = tuple(a for a in rec.discretion_answers if a.code.startswith(ADM_PREFIX))  # admissibility, own form
    new = dataclasses.replace(rec, discretion_answers=kept + tuple(answers), s48_findings=tuple(findings))
    return _save(case, new, form.version.data, "skjonn", "Skjønnsvurderingene er lagret.",
                 discretion_values=values)


# --- til ugunst (reformatio in peius) ---------------------------------------------------------------

@bp.post("/<public_id>/vurdering/ugunst")
@roles_required(CASE_WORKERS)
def reformatio(public_id: str):
    case, closed = _load_open(public_id)
    if closed:
        return closed
    form = ReformatioForm()
    ok = form.validate_on_submit()
    if ok and form.varsel.data and form.varsel.data > clock.today():
        form.varsel.errors = ["Varseldatoen kan ikke være i framtiden: registrer den når varselet er sendt."]
        ok = False
    if not ok:
        return _render(case, status=400, forms={"reformatio": form})
    rec = review_store.load_review(db_session(), case).recorded
    new = dataclasses.replace(rec, reformatio_interests=(form.interests.data or "").strip() or None,
                              reformatio_varsel=form.varsel.data,
                              appeal_received=form.appeal_received.data or rec.appeal_received)
    return _save(case, new, form.version.data, "utfall", "Vilkårene for endring til ugunst er lagret.",
                 forms={"reformatio": form})


# --- outcome --------------------------------------------------------------------------------------------

@bp.post("/<public_id>/vurdering/utfall")
@roles_required(CASE_WORKERS)
def outcome(public_id: str):
    case, closed = _load_open(public_id)
    if closed:
        return closed
    form = OutcomeForm()
    ok = form.validate_on_submit()
    if ok:
        review = review_store.current_review(db_session(), case, today=clock.today())
        block = next((b for b in review["outcome"]["blocked"] if b["option"] == form.outcome.data), None)
        if block:
            form.outcome.errors = [f"Dette utfallet er sperret: {user_text(block['reason'])}"]
            ok = False
    if not ok:
        return _render(case, status=400, forms={"outcome": form})
    rec = review_store.load_review(db_session(), case).recorded
    new = dataclasses.replace(rec, chosen_outcome=form.outcome.data, outcome_reasons=form.reasons.data.strip(),
                              avvisning_exception=(form.avvisning_exception.data or None)
                              if form.outcome.data == AVVISE else None)
    return _save(case, new, form.version.data, "utfall", "Utfallet er lagret.", forms={"outcome": form})


# --- the claimant's arguments ------------------------------------------------------------------------------

def _plain_text(value: str) -> str:
    """An answer as typed: plain text with «\\n» line breaks, each line trimmed at its end (paragraphs are separated
    by a blank line, a line starting with «- » is a list item); never markup — the letter escapes it."""
    lines = value.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(line.rstrip() for line in lines).strip()


@bp.post("/<public_id>/vurdering/anforsler")
@roles_required(CASE_WORKERS)
def arguments(public_id: str):
    case, closed = _load_open(public_id)
    if closed:
        return closed
    form = VersionedForm()
    if not form.validate_on_submit():
        abort(400)
    state = review_store.load_review(db_session(), case)
    n = len((state.document.get("appeal") or {}).get("arguments") or [])
    answers = {i: _plain_text(request.form.get(f"argument-{i}") or "")[:MAX_TEXT] for i in range(n)}
    refused = review_store.refused_answers(answers)  # an answer that says nothing, named as the page names it
    if refused:
        return _render(case, status=400, argument_values=answers, argument_errors=refused)
    was_approved = approval.is_approved(db_session(), case)
    try:
        review_store.save_argument_answers(db_session(), case, answers, expected_version=form.version.data,
                                           actor=_actor())
    except approval.AwaitingApproval as exc:
        return _awaiting_approval(case, exc, argument_values=answers)
    except case_service.StaleCase:
        return _conflict(case, argument_values=answers)
    except review_store.AnswersRefused as exc:
        return _render(case, status=400, argument_values=answers, argument_errors=exc.problems)
    flash("Svarene på klagerens anførsler er lagret.", "success")
    _note_withdrawal(case, was_approved)
    return _back(case, "anforsler")


# --- correcting a fact ---------------------------------------------------------------------------------------
# «Rette faktum» (issue 13): change a field, remove an item, or add an item (a child born, hours of work, an
# absence, a benefit, a payment period) — chosen by its Norwegian label, typed the Norwegian way, validated by
# the one import validation, stored as a correction with who, when, why and the source; the import stays.

def _fact_rows(state) -> list[dict]:
    """The stored corrections as the page lists them: label, old → new formatted, source."""
    rows = []
    for ch in review_store.fact_changes(state):
        shown = facts.describe(ch.op, ch.path, ch.old, ch.new)
        rows.append({"change": ch, "label": shown.label, "old": shown.old, "new": shown.new})
    return rows


def _typed_value(form: FactForm, choice: facts.Choice):
    """The new value of a change as typed, or None with the error set at «Ny verdi» (named by its label).
    «ukjent» empties an optional fact; returns ``(ok, value)``."""
    spec = facts.field_spec(choice.path)
    label = facts.label_for_path(choice.path)
    text = (form.value.data or "").strip()
    if spec is None:  # pragma: no cover - every offered change has a spec
        form.value.errors = [*form.value.errors, f"{label} kan ikke rettes her."]
        return False, None
    if not text:
        form.value.errors = [*form.value.errors, f"{label}: skriv den nye verdien"
                             + ("." if spec.required else f" (eller «{facts.UNKNOWN_WORD}» hvis den ikke er kjent).")]
        return False, None
    if text.lower() == facts.UNKNOWN_WORD:
        if spec.required:
            form.value.errors = [*form.value.errors, f"{label} må ha en verdi – den kan ikke være ukjent."]
            return False, None
        return True, None
    try:
        return True, facts.parse_typed(spec, text)
    except ValueError as exc:
        form.value.errors = [*form.value.errors, f"{label}: {exc}"]
        return False, None


@bp.post("/<public_id>/vurdering/faktum")
@roles_required(CASE_WORKERS)
def correct_fact(public_id: str):
    case, closed = _load_open(public_id)
    if closed:
        return closed
    target = (request.form.get("path") or "").strip()
    if target.startswith("+"):
        return _add_fact(case, target[1:])
    form = FactForm()
    if not form.validate_on_submit():
        return _render(case, status=400, forms={"fact": form})
    s = db_session()
    state = review_store.load_review(s, case)
    choice = facts.find_choice(state.document, target)
    if choice is None:
        form.path.errors = ["Det du valgte, finnes ikke i saken (lenger). Velg i listen."]
        return _render(case, status=400, forms={"fact": form})
    if choice.op == "change":
        ok, value = _typed_value(form, choice)
        if not ok:
            return _render(case, status=400, forms={"fact": form})
    was_approved = approval.is_approved(s, case)
    try:
        if choice.op == "remove":
            review_store.remove_fact(s, case, choice.path, form.reason.data, source=form.source.data,
                                     expected_version=form.version.data, actor=_actor(), today=clock.today())
        else:
            review_store.correct_fact(s, case, choice.path, value, form.reason.data, source=form.source.data,
                                      expected_version=form.version.data, actor=_actor(), today=clock.today())
    except approval.AwaitingApproval as exc:
        return _awaiting_approval(case, exc, forms={"fact": form})
    except case_service.InvalidDocument as exc:
        # each error at its field, named by the label the jurist sees (never the import path)
        at_value = form.path if choice.op == "remove" else form.value
        for e in exc.errors:
            field = {"path": form.path, "reason": form.reason, "source": form.source}.get(e.path)
            if field is not None:
                field.errors = [*field.errors, e.message]
            else:
                at_value.errors = [*at_value.errors, facts.error_text(e.path, e.message)]
        return _render(case, status=400, forms={"fact": form})
    except case_service.StaleCase:
        return _conflict(case, forms={"fact": form})
    label = facts.label_for_path(choice.path)
    flash(f"{label} er fjernet, og saken er beregnet på nytt." if choice.op == "remove"
          else f"{label} er rettet, og saken er beregnet på nytt.", "success")
    _note_withdrawal(case, was_approved)
    return _back(case, "faktum")


def _add_fact(case, list_path: str):
    """«Legg til barn» and the like: the item's fields (``item-<key>``) read the Norwegian way, then the one
    import validation on the whole document; errors at the item's fields by their labels."""
    version_form = VersionedForm()
    if not version_form.validate_on_submit():
        abort(400)
    s = db_session()
    state = review_store.load_review(s, case)
    target = facts.find_add_target(state.document, list_path)
    if target is None:
        flash("Det du ville legge til, finnes ikke i saken (lenger). Velg på nytt.", "error")
        return _render(case, status=400)
    spec = target.spec
    typed = {f.key: (request.form.get(f"item-{f.key}") or "").strip()[:2000] for f in spec.fields}
    reason = (request.form.get("reason") or "").strip()[:MAX_TEXT]
    source = (request.form.get("source") or "").strip()[:2000]
    errors: dict[str, str] = {}
    general: list[str] = []
    added = {"target": list_path, "values": {**typed, "reason": reason, "source": source},
             "errors": errors, "general": general}
    item = {}
    for f in spec.fields:
        if typed[f.key]:  # an empty field is left out; the validation names a required one
            try:
                item[f.key] = facts.parse_form_value(f, typed[f.key])
            except ValueError as exc:
                errors[f.key] = f"{f.title}: {exc}"
    if not item and not errors:
        general.append(f"Fyll ut opplysningene om det som skal legges til ({spec.add}).")
    if not reason:
        errors["reason"] = "Skriv hvorfor faktum legges til (f.eks. hva klageren har sendt inn)."
    if len(source) > review_store.MAX_SOURCE:
        errors["source"] = f"Kilden kan være høyst {review_store.MAX_SOURCE} tegn."
    if errors or general:
        return _render(case, status=400, fact_add=added)
    items, _found = review_store.value_at(state.document, review_store.parse_path(list_path))
    prefix = f"{list_path}[{len(items) if isinstance(items, list) else 0}]"  # where the new item will stand
    was_approved = approval.is_approved(s, case)
    try:
        review_store.add_fact(s, case, list_path, item, reason, source=source,
                              expected_version=version_form.version.data, actor=_actor(), today=clock.today())
    except approval.AwaitingApproval as exc:
        return _awaiting_approval(case, exc, fact_add=added)
    except case_service.InvalidDocument as exc:
        for e in exc.errors:
            key = e.path[len(prefix) + 1:] if e.path.startswith(prefix + ".") else None
            if e.path in ("reason", "source"):
                errors[e.path] = e.message
            elif key is not None and (field := spec.field(key)) is not None:
                errors[key] = f"{field.title}: {facts.message(e.message)}"
            else:
                general.append(facts.error_text(e.path, e.message))
        return _render(case, status=400, fact_add=added)
    except case_service.StaleCase:
        return _conflict(case, fact_add=added)
    flash(f"{facts.label_for_path(prefix)} er lagt til, og saken er beregnet på nytt.", "success")
    _note_withdrawal(case, was_approved)
    return _back(case, "faktum")


# --- the warning letter (varsel om endring til ugunst), a draft ----------------------------------------------

@bp.get("/<public_id>/vurdering/varsel")
@roles_required(CASE_WORKERS)
def varsel(public_id: str):
    case = _load(public_id)
    s = db_session()
    today = clock.today()
    state = review_store.load_review(s, case)
    review = review_store.current_review(s, case, today=today)
    if review["outcome"]["direction"] != "til_ugunst":
        flash("Varsel om endring til ugunst er bare aktuelt når beregningen er til ugunst for klageren.", "info")
        return _back(case, "utfall")
    doc = state.document
    total = review["evaluation"].total
    return render_template("review/varsel.html", case=case, doc=doc, review=review, today=today,
                           reformatio=review["reformatio"], total=total,
                           difference=abs(total.difference or 0),
                           rec=state.recorded, user=current_user)
