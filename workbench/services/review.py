"""«See what Nav got wrong» (issue 5) — the structured review of one imported case.

``review_document(doc, *, today, recorded=None)`` joins the pure parts:

* the evaluation (``workbench.services.evaluation.evaluate_document``) with today's parameters, and
  **two dates, two answers**: again with the parameters *known on Nav's decision date*
  (``ParameterSet.as_known_on``: G rows fixed after that day are dropped [INF rules.md T1]); where the
  two differ the page shows both, and a difference caused only by a G fixed after the decision is
  *information*, not a discrepancy;
* Nav ↔ loven per period and component with the provision and Lovdata link, and the diagnosis hints
  (``workbench.appeal.comparison.nav_vs_law``, from the engine's discrepancies);
* the discrepancies with their proposed category (rules engine) and the jurist's reclassifications;
* admissibility with the klagefrist computation shown; procedural checks A-01…A-10;
* every ⚖ point (``workbench.appeal.discretion``), the four review topics;
* the outcome suggestion, the R24 reformatio status, and — when the jurist has chosen — the validation
  of that choice (``workbench.appeal.outcome``).

Pure: no Flask, no database. The web layer stores ``Recorded`` and calls this again after each edit.
"""

from __future__ import annotations

from datetime import date
from typing import Any
from collections.abc import Callable, Mapping

from workbench.appeal.admissibility import admissibility_summary
from workbench.appeal.checks import procedural_checks
from workbench.appeal.classification import ClassificationError, label_discrepancies, reclassify
from workbench.appeal.comparison import nav_vs_law
from workbench.appeal.review_topics import review_topics
from workbench.appeal.taxonomy import CATEGORIES, TAXONOMY_VERSION
from workbench.appeal.discretion import discretion_points
from workbench.formats.evaluation_json import EvaluationRecord, read_evaluation
from workbench.law.lovdata import lovdata_url
from workbench.law.model import NavDecision
from workbench.appeal.outcome import (
    OUTCOMES,
    Recorded,
    g_regulated_after_decision,
    reformatio_status,
    suggest_outcome,
    validate_chosen_outcome,
)

Evaluate = Callable[..., Mapping[str, Any]]  # the evaluation JSON (evaluate_document)
Parse = Callable[[dict], NavDecision]


def _default_parse() -> Parse:
    from workbench.formats.import_format import parse_document  # noqa: PLC0415

    return parse_document


def _default_evaluate() -> Evaluate:
    from workbench.services.evaluation import evaluate_document  # noqa: PLC0415

    return evaluate_document


def parameters_known_on(day: date, parameters: Any = None) -> Any:
    """The parameter set as known on ``day`` (the rules engineer's ``ParameterSet.as_known_on``), or
    None when the parameter module is not available."""
    try:
        from workbench.law.parameters import default_parameters  # noqa: PLC0415
    except ImportError:
        return None
    base = parameters if parameters is not None else default_parameters()
    return base.as_known_on(day) if hasattr(base, "as_known_on") else None


def two_dates(decision: NavDecision, at_decision: EvaluationRecord | None, now: EvaluationRecord) -> dict:
    """Compare the evaluation with the parameters known on Nav's decision date and with today's.

    ``{"decision_date", "available", "differ", "periods": [{"period", "net_known_on_decision_date",
    "net_today", "difference"}], "total": {...}, "parameters": {"decision_date": (G, …), "today": (G, …)},
    "information": [g-regulated-after-decision rows]}``; amounts ``Decimal`` (None: not computed).
    """
    out: dict[str, Any] = {"decision_date": decision.decision.date.isoformat(), "available": at_decision is not None,
                           "differ": False, "periods": [], "total": None, "parameters": None,
                           "information": g_regulated_after_decision(decision)}
    if at_decision is None:
        out["note"] = "Parametrene kjent på vedtaksdatoen er ikke tilgjengelige; bare dagens beregning vises."
        return out
    then = {p.periode: p for p in at_decision.periods}
    for p in now.periods:
        q = then.get(p.periode)
        a, b = q.net if q else None, p.net
        diff = (b - a) if a is not None and b is not None else None
        out["periods"].append({"period": str(p.periode), "net_known_on_decision_date": a, "net_today": b,
                               "difference": diff})
        if diff is None and (q is None or a != b):
            out["differ"] = True
        elif diff:
            out["differ"] = True
    out["total"] = {"net_known_on_decision_date": at_decision.total.net, "net_today": now.total.net,
                    "nav_net": now.total.nav_net}
    out["parameters"] = {"decision_date": at_decision.parameters.g, "today": now.parameters.g}
    if out["differ"]:
        out["explanation_nb"] = ("Beregningen med parametrene som var kjent da Nav fattet vedtaket, avviker fra beregningen med "
                                 "dagens parametre. En forskjell som bare skyldes G fastsatt etter vedtaket, er ikke en feil fra "
                                 "Nav (informasjon, ikke avvik) [INF].")
        out["explanation_nn"] = ("Utrekninga med parametrane som var kjende då Nav gjorde vedtaket, avvik frå utrekninga med "
                                 "dagens parametrar. Ein skilnad som berre kjem av G fastsett etter vedtaket, er ikkje ein feil frå "
                                 "Nav (informasjon, ikkje avvik) [INF].")
    return out


def _apply_reclassifications(discrepancies: list[dict], recorded: Recorded) -> tuple[list[dict], list[tuple[str, str]]]:
    errors: list[tuple[str, str]] = []
    out = list(discrepancies)
    for r in recorded.reclassifications:
        code, _, period = r.discrepancy.partition("@")
        idx = [i for i, d in enumerate(out) if d.get("code") == code and (not period or d.get("period") == period)]
        if not idx:
            errors.append((f"discrepancy.{r.discrepancy}", "Avviket finnes ikke i evalueringen."))
            continue
        for i in idx:
            try:
                out[i] = reclassify(out[i], r.category, r.reason, fvl_provision=r.fvl_provision)
            except ClassificationError as exc:
                errors.extend((f"discrepancy.{r.discrepancy}.{f}", m) for f, m in exc.errors)
    return out, errors


def _g_only_differences(discrepancies: list[dict], then: EvaluationRecord | None, now: EvaluationRecord) -> list[dict]:
    """Periods where the evaluation with the parameters known on Nav's decision date reproduces Nav's
    net (±1 kr) while today's does not: the whole difference comes from a G fixed after the decision.
    Their discrepancies are moved to information [INF rules.md T1]."""
    if not then:
        return []
    then_by = {p.periode: p for p in then.periods}
    out = []
    for p in now.periods:
        q = then_by.get(p.periode)
        a, nav, b = (q.net if q else None), p.nav_net, p.net
        if a is None or nav is None or b is None:
            continue
        if abs(a - nav) <= 1 and abs(b - nav) > 1:
            period = str(p.periode)
            out.append({
                "code": "g-regulated-after-decision-difference",
                "category": "information",
                "period": period,
                "net_known_on_decision_date": a,
                "net_today": b,
                "nav_net": nav,
                "status": "[INF]",
                "discrepancies": [d for d in discrepancies if d.get("period") == period],
                "explanation_nb": (f"Med parametrene kjent på vedtaksdatoen gir loven {a} kr, som Nav; med dagens G "
                                   f"{b} kr. Forskjellen er ikke en feil fra Nav."),
                "explanation_nn": (f"Med parametrane kjende på vedtaksdatoen gir lova {a} kr, som Nav; med dagens G "
                                   f"{b} kr. Skilnaden er ikkje ein feil frå Nav."),
            })
    return out


def review_decision(
    decision: NavDecision,
    evaluation: EvaluationRecord,
    *,
    today: date,
    recorded: Recorded | None = None,
    evaluation_known_on_decision_date: EvaluationRecord | None = None,
    received: date | None = None,
    forelopig_svar_sent: date | None = None,
) -> dict:
    """The review from a parsed decision and its evaluation(s) — everything but the evaluation call.
    ``received``/``forelopig_svar_sent``: the case's (processing time, check A-10)."""
    rec = recorded or Recorded()
    ev = evaluation
    discretion = discretion_points(decision, ev)
    comparison = nav_vs_law(decision, ev)
    discrepancies, reclass_errors = _apply_reclassifications(label_discrepancies(ev.discrepancies), rec)
    checks = procedural_checks(decision, ev, today=today, received=received,
                               foreløpig_svar_sent=forelopig_svar_sent)
    admissibility = admissibility_summary(decision, ev, notice_received=rec.notice_received,
                                          late_appeal_admitted=rec.late_appeal_admitted)
    topics = review_topics(decision, discrepancies, discretion=discretion, checks=checks, comparison=comparison)
    outcome = suggest_outcome(decision, ev, today=today, recorded=rec, discretion=discretion)
    validation = (validate_chosen_outcome(decision, ev, rec, today=today, discretion=discretion)
                  if rec.chosen_outcome is not None else [])
    info_rows = [d for d in discrepancies if d.get("category") == "information"]
    discrepancies = [d for d in discrepancies if d.get("category") != "information"]
    g_info = _g_only_differences(discrepancies, evaluation_known_on_decision_date, ev)
    if g_info:
        moved = {id(d) for row in g_info for d in row["discrepancies"]}
        discrepancies = [d for d in discrepancies if id(d) not in moved]
        outcome["information"] = list(outcome["information"]) + g_info
        outcome["reasons"].append("Forskjellen skyldes bare G fastsatt etter Navs vedtak: informasjon, ikke en feil fra Nav "
                                  "(rules.md T1 [INF]).")
    if info_rows:
        outcome["information"] = list(outcome["information"]) + info_rows
    g_periods = {row["period"] for row in g_info} | {d.get("period") for d in info_rows
                                                      if str(d.get("code", "")).startswith("g-regulated")}
    for per in comparison:
        per["g_regulated_after_decision"] = per["period"] in g_periods
    provisions = sorted({h for per in comparison if per["period"] not in g_periods for h in per["provisions"]}
                        | {d["hjemmel"] for d in discrepancies
                           if d.get("hjemmel") and d.get("category") not in ("rounding", "information")})
    return {
        "case": ev.case or decision.decision.reference,
        "evaluation": ev,
        "evaluation_known_on_decision_date": evaluation_known_on_decision_date,
        "two_dates": two_dates(decision, evaluation_known_on_decision_date, ev),
        "nav_vs_law": comparison,
        "provisions": [{"hjemmel": h, "lovdata_url": lovdata_url(h)} for h in provisions],
        "discrepancies": discrepancies,
        "reclassification_errors": reclass_errors,
        "admissibility": admissibility,
        "checks": checks,
        "discretion": discretion,
        "review_topics": topics,
        "outcome": outcome,
        "reformatio": reformatio_status(decision, today=today, recorded=rec) if outcome["direction"] == "til_ugunst" else None,
        "validation": [{"field": f, "reason": r} for f, r in validation],
        "information": outcome["information"],
        "arguments": [{"index": i, "text": a} for i, a in enumerate(decision.appeal.arguments)],
        "taxonomy": {"version": TAXONOMY_VERSION, "categories": CATEGORIES},
        "outcomes": OUTCOMES,
    }


def review_document(
    doc: dict,
    *,
    today: date,
    recorded: Recorded | None = None,
    parameters: Any = None,
    evaluate: Evaluate | None = None,
    parse: Parse | None = None,
    received: date | None = None,
    forelopig_svar_sent: date | None = None,
) -> dict:
    """``evaluate_document(doc)`` + discretion + classification/review topics + admissibility
    explanation + outcome suggestion + two dates, two answers. ``evaluate``/``parse`` may be injected
    (tests, or a re-evaluation after a corrected fact). The evaluation JSON is read once, here
    (:func:`~workbench.formats.evaluation_json.read_evaluation`); the review's ``evaluation`` is the record."""
    parse = parse or _default_parse()
    evaluate = evaluate or _default_evaluate()
    decision = parse(doc)
    now = read_evaluation(evaluate(doc, parameters=parameters, today=today))
    at_decision = None
    known = parameters_known_on(decision.decision.date, parameters)
    if known is not None:
        try:
            at_decision = read_evaluation(evaluate(doc, parameters=known, today=today))
        except TypeError:  # an evaluator that takes no parameter set
            at_decision = None
    return review_decision(decision, now, today=today, recorded=recorded,
                           evaluation_known_on_decision_date=at_decision, received=received,
                           forelopig_svar_sent=forelopig_svar_sent)
