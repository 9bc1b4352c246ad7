"""Helpers for the letter web-flow tests: record the review (issue 5) and fill the letter blocks."""

from __future__ import annotations

from datetime import date

from sqlmodel import select

from workbench.db.models import Case

#: The jurist's optional additions per review topic on the letter page: plain text (paragraphs, «- » lists).
TOPIC_TEXT = {
    "nb": {"faktum": "Faktum er tilstrekkelig opplyst.",
           "saksbehandling": "Statsforvalteren har ikke funnet saksbehandlingsfeil av betydning.",
           "lov": "Beregningen skal følge reglene som er gjengitt ovenfor.",
           "skjonn": "- Skjønnspunktene er vurdert ovenfor."},
    "nn": {"faktum": "Faktum er tilstrekkeleg opplyst.",
           "saksbehandling": "Statsforvaltaren har ikkje funne feil i sakshandsaminga som har noko å seie.",
           "lov": "Utrekninga skal følgje reglane som er gjevne att ovanfor.",
           "skjonn": "- Skjønnspunkta er vurderte ovanfor."},
}
ANSWER = {"nb": "Statsforvalteren har vurdert anførselen ut fra reglene i sosialtjenesteloven.",
          "nn": "Statsforvaltaren har vurdert påstanden ut frå reglane i sosialtenestelova."}
#: What the jurist records on the review page, in the case's written standard (it reaches the letter as written).
RECORDED_TEXT = {
    "nb": {"point": "Opplysningene i saken er tilstrekkelige til å avgjøre punktet.",
           "s48": "Skjønnet er ikke åpenbart urimelig.",
           "self_government": "Det kommunale selvstyret er tillagt stor vekt.",
           "outcome": "Utfallet følger av beregningen, som er kontrollert dag for dag.",
           "late": "Klageren var syk og kan ikke lastes for forsinkelsen."},
    "nn": {"point": "Opplysningane i saka er tilstrekkelege til å avgjere punktet.",
           "s48": "Skjønnet er ikkje openbert urimeleg.",
           "self_government": "Det kommunale sjølvstyret er tillagt stor vekt.",
           "outcome": "Utfallet følgjer av utrekninga, som er kontrollert dag for dag.",
           "late": "Klagaren var sjuk og kan ikkje lastast for at klaga kom for seint."},
}


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
                                        reasons=RECORDED_TEXT[lang]["point"]))
        if p.get("limited_by_sotjl_48"):
            findings.append(S48Finding(code=p["code"], apenbart_urimelig=False,
                                       reasons=RECORDED_TEXT[lang]["s48"],
                                       self_government=RECORDED_TEXT[lang]["self_government"]))
    late = any(r["field"] == "admissibility.late_appeal" for r in review["outcome"]["requires"])
    recorded = Recorded(chosen_outcome=chosen, outcome_reasons=RECORDED_TEXT[lang]["outcome"],
                        discretion_answers=tuple(answers), s48_findings=tuple(findings),
                        late_appeal_admitted=True if late else None,
                        late_appeal_reasons=RECORDED_TEXT[lang]["late"] if late else None,
                        late_appeal_ground="ikke_lastes" if late else None,  # fvl. § 31 first paragraph a
                        avvisning_exception="ingen" if chosen == "avvise" else None)  # fvl. § 28 third paragraph
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
