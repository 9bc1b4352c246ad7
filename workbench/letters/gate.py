"""The finalize gate (appeals.md §8, corrected by §11): every reason the letter cannot be finalised, all at once.

``finalize_problems`` returns ``[(field, reason), …]``; empty means the letter may be finalised. Reasons are
bokmål for the jurist, and each ``field`` names what to fix. With ``pdf_bytes`` it also runs the structural
PDF/A check and the consistency check on the rendered letter.

What it refuses, besides the formal fields (language, reference, signers, the leder's approval, dates):
- an argument without a real answer (``workbench.appeal.answers.says_nothing``: empty, a placeholder, one word);
- no «Begrunnelse for utfallet» recorded on the review;
- a late appeal without the jurist's record (heard or not; when heard, the ground and the reasons);
- an avvisning without the record of fvl. § 28 third paragraph a/b (whether the dismissal may be appealed);
- an outcome that does not fit the figures, an over-one-year appeal not dismissed, a change to the claimant's
  detriment without the varsel of fvl. § 34;
- ⚖ points not answered, a § 48 point without the finding and the self-government reasons;
- a letter that would cite a provision of the new forvaltningsloven the project does not have (``acts``);
- engine words in the rendered letter ([ASSUMPTION], rule numbers, parameter keys) and, where the dictionaries
  are installed, words of the other written standard (``spelling``).
"""

from __future__ import annotations

import re
from datetime import date

from workbench.letters import acts
from workbench.letters.model import LANGS, OUTCOMES, TOPICS, LetterInput, build_letter, case_facts, direction_of
from workbench.letters.plaintext import as_plain, has_text

PLACEHOLDER = re.compile(
    r"\[\s*(?:fyll|skriv|sett inn|set inn|todo|xxx|\.\.\.|…)[^\]]*\]|\bTODO\b|\bXXX\b|\{\{|\}\}|<<|>>",
    re.IGNORECASE,
)
#: What the engine says to the jurist and never to the claimant (appeals.md §11 «Plain Norwegian»): status tags,
#: rule and check numbers, parameter keys, English engine words.
ENGINE_WORDS = re.compile(
    r"\[(?:ASSUMPTION|INF|NV|V|S)\b[^\]]*\]|\bR\d{1,2}\b|\bA-\d{2}\b|\bF\d{1,2}\b|\bS-\d{2}\b|\bT\d\b|"
    r"\b[a-z]+_[a-z_]+\b|\bholidays\.NO\b|\bNone\b|\bTrue\b|\bFalse\b|rules\.md|appeals\.md"
)


def _text_problems(field: str, text: str | None, *, required: bool) -> list[tuple[str, str]]:
    plain = as_plain(text)
    if not plain:
        return [(field, "tomt tekstfelt")] if required else []
    if PLACEHOLDER.search(plain):
        return [(field, "inneholder en plassholder som ikke er fylt ut")]
    return []


def _answer_problems(field: str, text: str | None) -> list[tuple[str, str]]:
    from workbench.appeal.answers import says_nothing  # the one rule for an answer that says nothing

    problems = _text_problems(field, text, required=True)
    if problems:
        return problems
    reason = says_nothing(as_plain(text))
    return [(field, reason)] if reason else []


def engine_words(text: str) -> list[str]:
    """The engine words found in a letter's text (none may reach the claimant)."""
    return sorted(set(m.group(0) for m in ENGINE_WORDS.finditer(text)))


def finalize_problems(inp: LetterInput, *, leader_approved: bool, today: date | None = None,
                      pdf_bytes: bytes | None = None, spelling: bool = True) -> list[tuple[str, str]]:
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

    # every argument answered, for real (appeals.md §6.1, §11)
    answers = list(inp.argument_answers)
    for i, _arg in enumerate(facts.arguments):
        problems += _answer_problems(f"argument_answers[{i}]", answers[i] if i < len(answers) else "")
    if len(answers) > len(facts.arguments):
        problems.append(("argument_answers", "flere svar enn anførsler"))

    merits = inp.outcome != "avvise"
    # the reasons for the outcome are written once, on the review page, and reach the letter from there
    if not has_text(inp.outcome_reasons):
        problems.append(("outcome_reasons", "begrunnelsen for utfallet er ikke skrevet på vurderingssiden"))
    else:
        problems += _text_problems("outcome_reasons", inp.outcome_reasons, required=True)
    for topic in TOPICS:  # the optional additions per review topic
        problems += _text_problems(f"assessment.{topic}", inp.assessment.get(topic), required=False)
    problems += _text_problems("conclusion", inp.conclusion, required=False)

    # timeliness (fvl. §§ 29–31): a late appeal needs the jurist's record; one year is its own rule
    adm = ev.admissibility
    if adm is not None and adm.timely is False and not adm.over_one_year:
        if inp.late_appeal_admitted is None:
            problems.append(("late_appeal_admitted", "klagen er for sen: registrer om den likevel skal behandles "
                                                     "(forvaltningsloven § 31)"))
        elif inp.late_appeal_admitted:
            if inp.late_appeal_ground not in ("ikke_lastes", "saerlige_grunner"):
                problems.append(("late_appeal_ground", "velg grunnlaget for å behandle den for sene klagen "
                                                       "(§ 31 første ledd bokstav a eller b)"))
            problems += _text_problems("late_appeal_reasons", inp.late_appeal_reasons, required=True)
            if not merits:
                problems.append(("outcome", "den for sene klagen er registrert som behandlet, men utfallet er avvisning"))
        elif merits:
            problems.append(("outcome", "den for sene klagen skal ikke behandles: utfallet må være avvisning"))
    if not merits and inp.avvisning_exception not in ("a", "b", "ingen"):
        problems.append(("avvisning_exception", "registrer om avvisningen kan påklages (forvaltningsloven § 28 "
                                                "tredje ledd bokstav a eller b, eller ingen av dem)"))

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
    if merits and any(p.net is None for p in ev.periods):
        problems.append(("evaluation.periods", "en periode mangler beregnet beløp (en sats mangler)"))
    if inp.outcome == "stadfeste" and direction == "til_gunst":
        problems.append(("outcome", "«stadfeste» er feil når riktig beløp er høyere enn Nav-kontorets: "
                                    "vedtaket er endret til gunst (appeals.md §5)"))
    if inp.outcome in ("omgjore", "omgjore_delvis"):
        if direction == "uendret":
            problems.append(("outcome", "endring uten differanse i beløp mellom Nav-kontoret og beregningen"))
        elif direction == "til_ugunst" and inp.reformatio_varsel is None:
            problems.append(("outcome", "endring til ugunst krever varsel til klageren innen tre måneder og "
                                        "overveiende hensyn (forvaltningsloven § 34); registrer varselet"))
    if adm is not None and adm.over_one_year and merits:
        problems.append(("outcome", "klagen er sendt mer enn ett år etter vedtaket og skal avvises "
                                    "(forvaltningsloven § 31 tredje ledd)"))

    # every discrepancy classified, with its legal basis (appeals.md §8 item 6)
    for i, dsc in enumerate(ev.discrepancies):
        if not dsc.category.strip():
            problems.append((f"discrepancies[{i}].category", "avviket mangler kategori"))
        if not dsc.hjemmel.strip():
            problems.append((f"discrepancies[{i}].hjemmel", "avviket mangler hjemmel"))

    # addressee and copy (item 11)
    if not facts.nav_office.strip():
        problems.append(("nav_office.name", "Nav-kontoret som skal ha kopi, mangler"))

    # law version (R27): the closing texts cite the act in force on our date; a provision the project lacks
    # for that act is refused, never guessed
    act = acts.act_for(inp.our_date, ev.parameters.assumptions.get("fvl_2025_in_force"))
    needed = {"final", "access", "costs", "reformatio", "self_government", "klagefrist", "sent_in_time"}
    if not merits:
        needed |= {"dismissal_appealable", "dismissal_final_a", "dismissal_final_b", "where_to_send", "one_year"}
    missing = acts.missing_provisions(needed, act)
    if missing:
        problems.append(("law_version", "ny forvaltningslov gjelder på vedtaksdatoen, og prosjektet har ikke "
                                        f"bestemmelsene for: {', '.join(missing)} (R27)"))

    # dates
    if inp.our_date > today:
        problems.append(("our_date", "vår dato ligger fram i tid"))
    chain = [("decision.date", facts.decision_date), ("decision.notice_received", facts.notice_received),
             ("appeal.sent", facts.appeal_sent), ("appeal.forwarded", facts.forwarded), ("our_date", inp.our_date)]
    known = [(n, d) for n, d in chain if d is not None]
    for (n1, d1), (n2, d2) in zip(known, known[1:]):
        if d1 > d2:
            problems.append((n2, f"datoen ligger før {n1}"))

    # the letter itself: builds and renders in validation mode (StrictUndefined fails on a gap), says nothing
    # in the engine's words, and keeps to its written standard
    letter = None
    try:
        letter = build_letter(inp)
        from workbench.letters.render import render_html, visible_text

        text = visible_text(render_html(letter))
        found = engine_words(text)
        if found:
            problems.append(("letter", "brevet inneholder ord fra beregningsmotoren: " + ", ".join(found[:10])))
        if spelling:
            problems += _spelling_problems(text, inp, facts)
    except Exception as exc:  # noqa: BLE001
        problems.append(("letter", f"brevet kan ikke lages: {exc}"))

    if pdf_bytes is not None and letter is not None:
        from workbench.letters.consistency import check_consistency
        from workbench.letters.pdfa import check_pdfa

        problems += [("pdf", p) for p in check_pdfa(pdf_bytes)]
        problems += check_consistency(pdf_bytes, letter)
    return problems


def _spelling_problems(text: str, inp: LetterInput, facts) -> list[tuple[str, str]]:
    """Words of the other written standard (and unknown words) in the letter, names and quoted text excepted."""
    from workbench.letters import spelling

    names = [facts.claimant_name, facts.representative_name or "", facts.nav_office, inp.office.name(inp.language),
             inp.signers.saksbehandler_name, inp.signers.leader_name, *facts.claimant_address,
             *facts.representative_address, inp.office.postal_address, inp.office.visiting_address]
    quoted = [*facts.arguments, facts.nav_statement or "", facts.nav_reasons or "",
              *[str(w["note"] or "") for w in facts.work], *[str(a["reason"] or "") for a in facts.absence],
              *[str(lv["reason"] or "") for lv in facts.leave]]
    return spelling.letter_words_problems(text, inp.language, names, quoted=quoted)
