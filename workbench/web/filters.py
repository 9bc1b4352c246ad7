"""Jinja filters: Norwegian dates and amounts (the one formatter, ``workbench.texts.formatting``, in its page
style), labels for codes."""

from __future__ import annotations

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
    "review.recorded": "Vurdering registrert",
    "review.argument_answered": "Anførsel besvart",
    "review.fact_corrected": "Faktum rettet",
    "letter.created": "Vedtaksbrev opprettet",
    "letter.saved": "Vedtaksbrev lagret",
    "letter.sendt_til_godkjenning": "Vedtaksbrev sendt til godkjenning",
    "letter.godkjent": "Vedtaksbrev godkjent av leder",
    "letter.returnert": "Vedtaksbrev returnert med kommentar",
    "letter.ferdigstilt": "Vedtaksbrev ferdigstilt",
    "letter.frozen": "Vedtaksbrev frosset (PDF/A med sjekksum)",
    "archive.archived": "Saken arkivert (sjekksum kontrollert)",
    "archive.checksum_mismatch": "Arkivering avvist: sjekksummen stemmer ikke",
    "archive.exported": "Arkivpakke eksportert",
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


def init_app(app: Flask) -> None:
    app.jinja_env.autoescape = True  # every template, whatever its extension
    for name, fn in {"kr": kr, "kr_whole": kr_whole, "signed_kr_whole": signed_kr_whole,
                     "nodate": nodate, "nodatetime": nodatetime, "number": number,
                     "status_label": status_label, "role_label": role_label, "label": label,
                     "flag_label": flag_label, "yesno": yesno,
                     "audit_label": audit_label}.items():
        app.jinja_env.filters[name] = fn

    from workbench.web import access

    @app.context_processor
    def _inject():
        return {"access": access, "STATUS_LABELS": STATUS_LABELS}
