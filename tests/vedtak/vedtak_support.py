"""Helpers for the letter web-flow tests: record the review (issue 5) and fill the letter blocks."""

from __future__ import annotations

from datetime import date

from sqlmodel import select

from workbench.db.models import Case

TOPIC_TEXT = {
    "nb": {"faktum": "<p>Faktum er tilstrekkelig opplyst.</p>",
           "saksbehandling": "<p>Statsforvalteren har ikke funnet saksbehandlingsfeil av betydning.</p>",
           "lov": "<p>Beregningen skal følge reglene som er gjengitt <em>ovenfor</em>.</p>",
           "skjonn": "<ul><li>Skjønnspunktene er vurdert nedenfor.</li></ul>"},
    "nn": {"faktum": "<p>Faktum er tilstrekkeleg opplyst.</p>",
           "saksbehandling": "<p>Statsforvaltaren har ikkje funne sakshandsamingsfeil som har betydning.</p>",
           "lov": "<p>Utrekninga skal følgje reglane som er gjevne att <em>ovanfor</em>.</p>",
           "skjonn": "<ul><li>Skjønnspunkta er vurderte nedanfor.</li></ul>"},
}
ANSWER = {"nb": "Statsforvalteren har vurdert anførselen.", "nn": "Statsforvaltaren har vurdert påstanden."}


def fresh(session, case) -> Case:
    session.expire_all()
    return session.exec(select(Case).where(Case.id == case.id)).one()


def record_review(session, case, *, lang: str = "nb", today: date, outcome: str | None = "suggested",
                  answer_arguments: bool = True, answer_points: bool = True, skip_point: int | None = None,
                  actor=None):
    """Record what the jurist decides on the review page: outcome (the engine's suggestion unless
    given), every argument answered, every ⚖ point answered, § 48 findings, admission of a late appeal."""
    from workbench.appeal.outcome import DiscretionAnswer, Recorded, S48Finding
    from workbench.services import audit
    from workbench.services.letters import review_view

    actor = actor or audit.Actor.cli()
    case = fresh(session, case)
    view = review_view(session, case, today=today)
    review = view.review
    chosen = review["outcome"]["code"] if outcome == "suggested" else outcome
    points = review["discretion"]
    answers, findings = [], []
    seen = set()
    for i, p in enumerate(points):
        if not answer_points or i == skip_point or p["code"] in seen:
            continue
        seen.add(p["code"])
        answers.append(DiscretionAnswer(code=p["code"], answer=f"Vurdert: {p['topic']}",
                                        reasons="Begrunnelse: opplysningene i saken er tilstrekkelige."))
        if p.get("limited_by_sotjl_48"):
            findings.append(S48Finding(code=p["code"], apenbart_urimelig=False,
                                       reasons="Skjønnet er ikke åpenbart urimelig.",
                                       self_government="Det kommunale selvstyret er tillagt stor vekt."))
    late = any(r["field"] == "admissibility.late_appeal" for r in review["outcome"]["requires"])
    recorded = Recorded(chosen_outcome=chosen, outcome_reasons="Som beregningen viser.",
                        discretion_answers=tuple(answers), s48_findings=tuple(findings),
                        late_appeal_admitted=True if late else None,
                        late_appeal_reasons="Klageren kan ikke lastes for forsinkelsen." if late else None)
    n_args = len(review["arguments"])
    arg_answers = {i: ANSWER[lang] for i in range(n_args)} if answer_arguments else {}
    _store(session, case, recorded, arg_answers, actor)
    return recorded


def _store(session, case, recorded, arg_answers, actor):
    """Through the review store (issue 5), as its page does: each write under the case's lock."""
    from workbench.services import review_store

    case = fresh(session, case)
    review_store.save_recorded(session, case, recorded, expected_version=case.version, actor=actor)
    case = fresh(session, case)
    review_store.save_argument_answers(session, case, arg_answers, expected_version=case.version, actor=actor)
