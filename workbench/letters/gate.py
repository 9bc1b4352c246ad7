"""The finalize gate (appeals.md §8): every reason the letter cannot be finalised, all at once.

``finalize_problems`` returns ``[(field, reason), …]``; empty means the letter may be finalised.
Reasons are bokmål for the jurist. With ``pdf_bytes`` it also runs the structural PDF/A check and the
consistency check on the rendered letter.
"""

from __future__ import annotations

import re
from datetime import date

from workbench.letters.model import LANGS, OUTCOMES, TOPICS, LetterInput, build_letter, case_facts, direction_of
from workbench.letters.sanitize import plain_text_of

PLACEHOLDER = re.compile(
    r"\[\s*(?:fyll|skriv|sett inn|set inn|todo|xxx|\.\.\.|…)[^\]]*\]|\bTODO\b|\bXXX\b|\{\{|\}\}|<<|>>",
    re.IGNORECASE,
)


def _text_problems(field: str, html: str | None, *, required: bool) -> list[tuple[str, str]]:
    text = plain_text_of(html)
    if not text:
        return [(field, "tomt tekstfelt")] if required else []
    if PLACEHOLDER.search(text):
        return [(field, "inneholder en plassholder som ikke er fylt ut")]
    return []


def finalize_problems(inp: LetterInput, *, leader_approved: bool, today: date | None = None,
                      pdf_bytes: bytes | None = None) -> list[tuple[str, str]]:
    today = today or date.today()
    problems: list[tuple[str, str]] = []
    if inp.language not in LANGS:
        problems.append(("language", "målform må være nb eller nn"))
    if inp.outcome not in OUTCOMES:
        problems.append(("outcome", f"ukjent utfall {inp.outcome!r}"))
    if not (inp.our_reference or "").strip():
        problems.append(("our_reference", "vår referanse mangler"))

    s = inp.signers
    if not (s.saksbehandler_name or "").strip():
        problems.append(("signers.saksbehandler_name", "saksbehandler mangler"))
    if not (s.saksbehandler_phone or "").strip():
        problems.append(("signers.saksbehandler_phone", "direkte telefon mangler"))
    if not (s.leader_name or "").strip():
        problems.append(("signers.leader_name", "den som signerer e.f. mangler"))
    elif s.leader_name.strip().casefold() == (s.saksbehandler_name or "").strip().casefold():
        problems.append(("signers.leader_name", "e.f.-signaturen må være en annen person enn saksbehandler"))
    if not leader_approved:
        problems.append(("leader_approval", "leder har ikke godkjent vedtaket"))

    facts = case_facts(inp.decision)
    ev = inp.evaluation
    if not facts.claimant_name.strip():
        problems.append(("participant.name", "klagerens navn mangler"))

    # every argument answered
    answers = list(inp.argument_answers)
    for i, _arg in enumerate(facts.arguments):
        problems += _text_problems(f"argument_answers[{i}]", answers[i] if i < len(answers) else "", required=True)
    if len(answers) > len(facts.arguments):
        problems.append(("argument_answers", "flere svar enn anførsler"))

    merits = inp.outcome != "avvise"
    if merits:
        for topic in TOPICS:
            problems += _text_problems(f"assessment.{topic}", inp.assessment.get(topic), required=True)
    else:
        problems += _text_problems("avvisning_ground", inp.avvisning_ground, required=True)
    problems += _text_problems("conclusion", inp.conclusion, required=False)

    # every discretion point addressed; § 48 finding and self-government where fritt skjønn
    points = list(ev.discretion)
    d_answers = list(inp.discretion_answers)
    for i, point in enumerate(points):
        field = f"discretion[{i}]"
        ans = d_answers[i] if i < len(d_answers) else None
        if ans is None:
            problems.append((field, "skjønnspunktet er ikke behandlet"))
            continue
        problems += _text_problems(f"{field}.text", ans.text, required=True)
        fritt = bool(point.get("limited_by_sotjl_48")) or ans.fritt_skjonn
        if fritt:
            if ans.apenbart_urimelig is None:
                problems.append((f"{field}.apenbart_urimelig",
                                 "fritt skjønn: standpunkt til «åpenbart urimelig» (sotjl. § 48) mangler"))
            problems += _text_problems(f"{field}.selvstyre", ans.selvstyre, required=True)

    # the outcome against the figures
    direction = direction_of(ev)
    adm = ev.admissibility
    if merits and any(p.net is None for p in ev.periods):
        problems.append(("evaluation.periods", "en periode mangler beregnet beløp (parameter mangler)"))
    if inp.outcome == "stadfeste" and direction == "til_gunst":
        problems.append(("outcome", "«stadfeste» er feil når riktig beløp er høyere enn Nav-kontorets: "
                                    "vedtaket er endret til gunst (appeals.md §5)"))
    if inp.outcome in ("omgjore", "omgjore_delvis"):
        if direction == "uendret":
            problems.append(("outcome", "endring uten differanse i beløp mellom Nav-kontoret og beregningen"))
        elif direction == "til_ugunst":
            problems.append(("outcome", "endring til ugunst krever vilkårene i R24 (fvl. § 34), "
                                        "som dette vedtaket ikke kan registrere"))
    if adm is not None and adm.over_one_year and inp.outcome != "avvise":
        problems.append(("outcome", "klagen er sendt mer enn ett år etter vedtaket og skal avvises (fvl. § 31)"))

    # every discrepancy classified, with its legal basis (appeals.md §8 item 6)
    for i, dsc in enumerate(ev.discrepancies):
        if not dsc.category.strip():
            problems.append((f"discrepancies[{i}].category", "avviket mangler kategori"))
        if not dsc.hjemmel.strip():
            problems.append((f"discrepancies[{i}].hjemmel", "avviket mangler hjemmel"))

    # addressee and copy (item 11)
    if not facts.nav_office.strip():
        problems.append(("nav_office.name", "Nav-kontoret som skal ha kopi, mangler"))

    # law version (R27): the letter's finality/access/costs texts are those of forvaltningsloven 1967
    in_force = ev.parameters.assumptions.get("fvl_2025_in_force")
    if in_force is not None:
        if not isinstance(in_force, date) or inp.our_date >= in_force:
            problems.append(("law_version", "ny forvaltningslov gjelder: brevets tekster om endelighet, innsyn og "
                                            "sakskostnader er skrevet for forvaltningsloven 1967 (R27)"))

    # dates
    if inp.our_date > today:
        problems.append(("our_date", "vår dato ligger fram i tid"))
    chain = [("decision.date", facts.decision_date), ("decision.notice_received", facts.notice_received),
             ("appeal.sent", facts.appeal_sent), ("appeal.forwarded", facts.forwarded), ("our_date", inp.our_date)]
    known = [(n, d) for n, d in chain if d is not None]
    for (n1, d1), (n2, d2) in zip(known, known[1:]):
        if d1 > d2:
            problems.append((n2, f"datoen ligger før {n1}"))

    # the letter itself: builds and renders in validation mode (StrictUndefined fails on a gap)
    letter = None
    try:
        letter = build_letter(inp)
        from workbench.letters.render import render_html

        render_html(letter)
    except Exception as exc:  # noqa: BLE001
        problems.append(("letter", f"brevet kan ikke lages: {exc}"))

    if pdf_bytes is not None and letter is not None:
        from workbench.letters.consistency import check_consistency
        from workbench.letters.pdfa import check_pdfa

        problems += [("pdf", p) for p in check_pdfa(pdf_bytes)]
        problems += check_consistency(pdf_bytes, letter)
    return problems
