"""Jinja filters: Norwegian dates and amounts (the one formatter, ``workbench.texts.formatting``, in its page
style), labels for codes, and the engine's texts in the user's words (:func:`user_text`)."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from flask import Flask

from workbench.db.models import ROLE_LABELS, STATUS_LABELS, CaseStatus, Role
from workbench.texts.formatting import PAGE, as_written, formattable, to_decimal


def kr(value) -> str:
    """«kr 1 234,50» (the digits kept together); «–» for no figure."""
    return PAGE.format_kr(value, whole=False)


def kr_whole(value) -> str:
    """Whole kroner (the rounded net amounts of an evaluation): «kr 6 797»."""
    return PAGE.format_kr(value, whole=True)


def signed_kr_whole(value) -> str:
    """«+kr 1 234» for a positive difference."""
    d = to_decimal(value)
    if d is None:
        return PAGE.missing
    if not formattable(d):
        return as_written(value)
    return ("+" if d > 0 else "") + kr_whole(d)


def nodate(value) -> str:
    """«06.10.2025» (a date, a datetime or an ISO string); a string that is no date as written."""
    return PAGE.format_date(value)


def nodatetime(value) -> str:
    """«06.10.2025 kl. 14.05», Oslo time."""
    return PAGE.format_datetime(value)


def number(value) -> str:
    """«37,5»: hours and the like."""
    return PAGE.format_quantity(value)


def status_label(value: str) -> str:
    try:
        return STATUS_LABELS[CaseStatus(value)]
    except ValueError:
        return value


def role_label(value: str) -> str:
    try:
        return ROLE_LABELS[Role(value)]
    except ValueError:
        return value


LABELS = {
    # decision kinds
    "innvilgelse": "Innvilgelse", "avslag": "Avslag", "endring": "Endring", "stans": "Stans",
    "utbetaling": "Utbetaling", "tilbakekreving": "Tilbakekreving",
    # work kinds
    "arbeid": "Inntektsgivende arbeid", "omsorgsstonad": "Omsorgsstønad",
    "laerling": "Lærlingelønn", "fosterhjem": "Fosterhjemsgodtgjøring",
    # deductions
    "fravaer": "Fravær", "samordning": "Samordning", "annen": "Annen",
    # benefits
    "dagpenger": "Dagpenger", "sykepenger": "Sykepenger", "foreldrepenger": "Foreldrepenger",
    "aap": "Arbeidsavklaringspenger", "uforetrygd": "Uføretrygd", "barnepensjon": "Barnepensjon",
    "overgangsstonad": "Overgangsstønad", "bostotte": "Bostøtte", "barnetrygd": "Barnetrygd",
    "kontantstotte": "Kontantstøtte", "barnebidrag": "Barnebidrag", "stipend": "Stipend",
    "tilleggsstonad": "Tilleggsstønad",
    # appeal
    "part": "Parten selv", "fullmektig": "Fullmektig", "advokat": "Advokat",
    # leave
    "avtalt": "Avtalt fravær uten stønad", "avbrudd": "Avbrudd i programmet",
    # languages
    "nb": "Bokmål", "nn": "Nynorsk",
}

FLAG_LABELS = {
    "til-ugunst": "Riktig beløp er lavere enn Navs – en endring vil være til ugunst for klageren",
    "work-over-50-percent": "Inntektsgivende arbeid over 50 % (mer enn 18,75 timer i uken)",
    "non-coordinable-benefit-deducted": "Nav har samordnet en ytelse som ikke kan samordnes etter § 38",
    "late-appeal": "Klagen er sendt etter klagefristen",
    "over-one-year": "Klagen er sendt mer enn ett år etter vedtaket",
    "notice-date-unknown": "Ukjent når vedtaket kom fram – klagefristen må vurderes",
    "parameter-missing": "En parameter mangler for en eller flere dager",
}


AUDIT_LABELS = {
    "case.imported": "Vedtaket importert og vurdert",
    "case.evaluated": "Vurdert på nytt",
    "case.status": "Status endret",
    "case.assigned": "Saken tildelt",
    "case.received_changed": "Mottaksdato endret",
    "case.forelopig_svar": "Foreløpig svar registrert",
    "case.language": "Målform endret",
    "case.office_county": "Nav-kontorets fylke bekreftet",
    "review.recorded": "Vurdering registrert",
    "review.argument_answered": "Anførsel besvart",
    "review.fact_corrected": "Faktum rettet",
    "letter.created": "Vedtaksbrev opprettet",
    "letter.saved": "Vedtaksbrev lagret",
    "letter.sendt_til_godkjenning": "Vedtaksbrev sendt til godkjenning",
    "letter.godkjent": "Vedtaksbrev godkjent av leder",
    "letter.returnert": "Vedtaksbrev returnert med kommentar",
    "letter.tilbakekalt": "Leders godkjenning tilbakekalt (endret etter godkjenning)",
    "letter.trukket_tilbake": "Vedtaksbrev trukket tilbake fra godkjenning",
    "letter.ferdigstilt": "Vedtaksbrev ferdigstilt",
    "letter.frozen": "Vedtaksbrev frosset (PDF/A med sjekksum)",
    "archive.archived": "Saken arkivert (sjekksum kontrollert)",
    "archive.checksum_mismatch": "Arkivering avvist: sjekksummen stemmer ikke",
    "archive.exported": "Arkivpakke eksportert",
    "oversight.exported": "Saksbehandlingstid eksportert (CSV)",
    "archive.searched": "Søk i arkivet etter en person (søkeordet lagres ikke)",
    "dispatch.recorded": "Vedtaket registrert som ekspedert (mottaker, kopi, kanal, dato)",
    "dispatch.copy_downloaded": "Kopi av vedtaket (merket KOPI) lastet ned",
    "case.receipt_checked": "Mottakskontroll registrert",
    "document.uploaded": "Dokument fra Nav lastet opp",
    "document.class_changed": "Dokumenttype rettet",
    "document.read": "Dokument fra Nav lest",
    "case.documents_attached": "Dokumentene fra Nav lagt til saken",
    "side_letter.forelopig_svar": "Foreløpig svar laget og journalført",
    "side_letter.forsinkelsesmelding": "Forsinkelsesmelding laget og journalført",
    "side_letter.dokumentanmodning": "Anmodning om dokumenter til Nav-kontoret laget og journalført",
    "side_letter.varsel_ugunst": "Varsel om endring til ugunst laget og journalført",
    "side_letter.previewed": "Utkast til brev forhåndsvist",
    "side_letter.downloaded": "Journalført brev lastet ned",
    "case.waiting": "Satt på vent",
    "case.waiting_ended": "Ikke lenger på vent",
}


def audit_label(action: str) -> str:
    return AUDIT_LABELS.get(action, action)


def label(value) -> str:
    if value is None:
        return "–"
    return LABELS.get(str(value), str(value))


def flag_label(code: str) -> str:
    return FLAG_LABELS.get(code, code)


def yesno(value) -> str:
    if value is None:
        return "Ukjent"
    return "Ja" if value else "Nei"


# --- the engine's texts, shown to the user -----------------------------------------------------------------
#
# The engine writes for the project (docs/README.md): source markers ([V], [NV] …), rule and check codes (R8,
# A-09), ISO dates and dot decimals. Its JSON keeps them (tests/rules and tests/appeal assert it); a page shows
# the text through ``user_text``, which keeps what the jurist needs and drops the rest.

#: A marker's weight, where the jurist needs it: a point resting on an unverified or inferred source, or on an
#: assumption, is weaker than the statute's text. [V] (verified text) and [S] (official secondary source, named
#: in the text itself) say nothing the sentence does not — dropped.
_MARKER_WORDS = {"NV": " (ikke verifisert)", "INF": " (utledet)", "ASSUMPTION": " (forutsetning)",
                 "FORUTSETNING": " (forutsetning)", "V": "", "S": ""}
_MARKER = re.compile(r"\s*\[(NV|INF|ASSUMPTION|FORUTSETNING|V|S)\b[^\]]*\]")
#: rule, check and table codes of the project's specs (R24, A-09, F14, T1, «R24-reformatio»)
_CODE = r"(?:R\d{1,2}|A-\d\d|F\d\d|T\d)(?:-[a-z]+(?:-[a-z]+)*)?"
_CODE_ALONE = re.compile(rf"^\s*{_CODE}\s*$")
_PARENS = re.compile(r"\s*\(([^()]*)\)")
_CODE_AFTER = re.compile(rf"\s*;\s*{_CODE}\b")  # «§ 35; T1 – periode»
_PROJECT_FILES = re.compile(r"\s*\((?:docs/|holidays)[^)]*\)")  # «(docs/law.md §7)», «(holidays NO)»
_ISO_PERIOD = re.compile(r"\b(\d{4}-\d\d-\d\d)/(\d{4}-\d\d-\d\d)\b")
_ISO_DATE = re.compile(r"\b\d{4}-\d\d-\d\d\b")
_KR_AFTER = re.compile(r"(?<![\d.,])(-?\d+\.\d\d)\s*kr\b")  # «4531.02 kr» (never «6 000 kr», already Norwegian)
_KR_BEFORE = re.compile(r"\bkr\s*(-?\d+\.\d+)(?![\d.])")  # «kr 11700.00»
_QUANTITY = re.compile(r"(?<![\d.,])(\d+\.\d+)(?=\s*(?:t\b|timer\b|%))")  # «30.00 t», «20.00 %»
#: «11327.56»; never a date «06.10.2025» or a time «kl. 14.05»
_DOT_DECIMAL = re.compile(r"(?<!kl\. )(?<![\d.,])\d+\.\d+(?![\d.])")


def _without_codes(match: re.Match) -> str:
    """«(fvl. § 34; R24)» → «(fvl. § 34)»; «(R8)» → nothing."""
    parts = [p for p in match.group(1).split(";") if not _CODE_ALONE.match(p)]
    return f" ({';'.join(parts).strip()})" if parts and "".join(parts).strip() else ""


def user_text(text: Any) -> str:
    """An engine text as the page shows it: markers turned into their weight or dropped, codes dropped,
    dates dd.mm.åååå (a period «06.10.2025–19.10.2025»), amounts «kr 4 531,02», decimals with a comma."""
    out = str(text or "")
    out = _MARKER.sub(lambda m: _MARKER_WORDS[m.group(1)], out)
    out = _PROJECT_FILES.sub("", out)
    out = _PARENS.sub(_without_codes, out)
    out = _CODE_AFTER.sub("", out)
    out = _ISO_PERIOD.sub(lambda m: PAGE.format_period(m.group(1), m.group(2)), out)
    out = _ISO_DATE.sub(lambda m: PAGE.format_date(m.group(0)), out)
    out = _KR_AFTER.sub(lambda m: PAGE.format_kr(m.group(1), whole=None), out)
    out = _KR_BEFORE.sub(lambda m: PAGE.format_kr(m.group(1), whole=None), out)
    out = _QUANTITY.sub(lambda m: PAGE.format_quantity(m.group(1)), out)
    out = _DOT_DECIMAL.sub(lambda m: PAGE.format_plain_decimal(m.group(0)), out)
    return out.strip()


#: The keys of the engine's JSON a page shows — the calculation's parameters (``result.parameters``) and the
#: facts a ⚖ point rests on (its ``inputs``) — by their meaning; a value that is a word of the spec is named in
#: ``PARAMETER_VALUES``. (The import document's own paths are named by ``workbench.web.review.facts``.)
KEY_LABELS = {
    "g": "Grunnbeløpet (G)", "factor": "Faktor × G (sosialtjenesteloven § 35)",
    "barnetillegg_per_day": "Barnetillegg per dag (kr)",
    "t_2041": "Faktor 2,041 × G fra", "stonadsdager_per_week": "Stønadsdager per uke",
    "count_holidays": "Helligdager på hverdager telles som stønadsdager", "divisor": "Årsbeløpet deles på",
    "under_25_full_rate_from": "Full sats fra", "child_age_limit": "Barnetillegg til barnet fyller",
    "absence_method": "Trekk for ugyldig fravær", "abs_reduces_bt": "Fravær reduserer barnetillegget",
    "hours_per_day": "Timer per dag", "work_hours_split": "Arbeidstimer fordeles over",
    "r38_netting": "Samordning etter § 38 regnes", "y_is_gross": "Ytelsen trekkes med bruttobeløpet",
    "r38_includes_bt": "Samordning etter § 38 omfatter barnetillegget", "benefit_days": "Ytelsesdager",
    "reduction_order": "Rekkefølgen for trekk", "non_working_days": "Fridager (ikke arbeidsdager)",
    "klagefrist_extension": "Klagefrist som ender på en fridag", "one_year_reference": "Ettårsgrensen regnes fra",
    "fvl_2025_in_force": "Ny forvaltningslov i kraft", "parameter_set": "Parametersett",
    "rounding": "Avrunding", "rounding_tolerance": "Avrundingstoleranse (kr)", "holiday_treatment": "Helligdager på hverdager regnes som",
    # the inputs of a ⚖ point
    "mentions": "Nevnt i klagen", "total": "Totalt", "foster_children": "Fosterbarn", "decision_kind": "Type vedtak",
    "work": "Inntektsgivende arbeid", "children": "Barn", "absence": "Fravær", "benefits": "Andre ytelser",
    "weekdays_per_year": "Hverdager per år", "period": "Periode", "kind": "Type", "from": "Fra", "to": "Til",
    "first_start": "Første programstart", "decision_date": "Vedtaksdato", "deadline": "Frist", "date": "Dato",
    "birth_date": "Fødselsdato", "avbrudd": "Avbrudd i programmet", "appeal_sent": "Klagen sendt",
    "amount": "Beløp", "absence_reservation": "Forbehold om trekk for fravær",
    "activities_hours_per_week": "Programaktiviteter per uke (timer)", "work_hours_per_week": "Arbeid per uke (timer)",
    "weekly_hours": "Timer per uke", "reason": "Årsak", "valid": "Gyldig fravær", "sent": "Sendt",
    "programme_to": "Programmet til", "over_limit": "Over grensen", "note": "Merknad", "hours": "Timer",
    "full_time": "Full tid (timer per uke)", "first_day": "Første dag", "days_since_decision": "Dager siden vedtaket",
    "appeal_received": "Klagen mottatt av Nav-kontoret", "foster": "Fosterbarn", "points": "Skjønnspunkter",
    "daily_amount": "Beløp per dag", "net": "beregnet netto", "nav_net": "Navs netto", "difference": "differanse",
    "complete": "fullstendig", "computed_periods": "beregnede perioder",
    "net_computed_periods": "beregnet netto i de beregnede periodene",
    "nav_net_computed_periods": "Navs netto i de beregnede periodene",
}
#: keys whose value is an amount in kroner
_MONEY_KEYS = {"net", "nav_net", "difference", "net_computed_periods", "nav_net_computed_periods", "amount",
               "daily_amount"}
PARAMETER_VALUES = {
    "birthday": "25-årsdagen", "hours": "per time", "days": "per hele dag", "stonadsdager": "stønadsdager",
    "per_day": "per dag", "next_working_day": "flyttes til neste arbeidsdag",
    "decision_date_plus_one_calendar_year": "vedtaksdatoen, ett kalenderår",
    "net_per_period_half_up": "nettobeløpet per periode, halvt opp til hele kroner",
    "absence, work, samordning": "fravær, arbeid, samordning",
    "saturday, sunday, Norwegian public holidays (holidays.NO)": "lørdag, søndag og helligdager",
}


def key_label(key: str) -> str:
    """A key of the engine's JSON by its meaning; an unlisted one in words, never with underscores."""
    return KEY_LABELS.get(key, key.replace("_", " ").capitalize())


def user_value(value: Any) -> str:
    """A value of the engine's JSON in words: Ja/Nei, «ikke fastsatt», dates and decimals the Norwegian way,
    the spec's words named, a list joined."""
    if value is None:
        return "ikke fastsatt"
    if isinstance(value, bool):
        return "Ja" if value else "Nei"
    if isinstance(value, (int, Decimal)):
        return PAGE.format_plain_decimal(value)
    if isinstance(value, (list, tuple)):  # G before / after a change inside the period; the items of a list
        return ("; " if any(isinstance(v, dict) for v in value) else " / ").join(user_value(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{key_label(k)[:1].lower() + key_label(k)[1:]} "
                         f"{PAGE.format_kr(v) if k in _MONEY_KEYS else user_value(v)}"
                         for k, v in value.items() if v is not None)
    text = str(value)
    return PARAMETER_VALUES.get(text) or LABELS.get(text) or user_text(text)


def review_item_label(item: dict, review: dict) -> str:
    """An item of a review topic (``workbench.appeal.review_topics``) by its name on the review page — a ⚖
    point by its topic, a check by its title, a discrepancy by its name — never by its code (R24, F14)."""
    from workbench.appeal.taxonomy import code_label

    code = item.get("code")
    if item.get("source") == "discretion":
        found = next((p.get("topic") for p in review.get("discretion") or () if p.get("code") == code), None)
    elif item.get("source") == "check":
        found = next((c.get("title_nb") for c in review.get("checks") or ()
                      if c.get("id") == item.get("id") or c.get("code") == code), None)
    else:
        found = code_label(code) or (KEY_LABELS.get(str(code)) if code else None)
    return user_text(found or item.get("hjemmel") or "et punkt i vurderingen")


def init_app(app: Flask) -> None:
    app.jinja_env.autoescape = True  # every template, whatever its extension
    for name, fn in {"kr": kr, "kr_whole": kr_whole, "signed_kr_whole": signed_kr_whole,
                     "nodate": nodate, "nodatetime": nodatetime, "number": number,
                     "status_label": status_label, "role_label": role_label, "label": label,
                     "flag_label": flag_label, "yesno": yesno,
                     "audit_label": audit_label, "user_text": user_text, "user_value": user_value,
                     "key_label": key_label, "review_item_label": review_item_label}.items():
        app.jinja_env.filters[name] = fn

    from workbench.web import access

    @app.context_processor
    def _inject():
        return {"access": access, "STATUS_LABELS": STATUS_LABELS}
