"""Jinja filters: Norwegian dates and amounts (``workbench.formatting``), labels for codes."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from flask import Flask

from workbench.db.models import ROLE_LABELS, STATUS_LABELS, CaseStatus, Role

from workbench.formatting import format_date as _format_date
from workbench.formatting import format_kr as _format_kr
from workbench.law.money import decimal_or_none


# an amount from the evaluation JSON as Decimal (None for no figure): the one helper in rules.money
to_decimal = decimal_or_none


def _formattable(d: Decimal) -> bool:
    """A stored number a page can format: finite and of sane size (below 10^15, no exponent below
    −20). Anything else (``1E+10000000`` stored before the import had bounds) is shown as written:
    formatting it would take seconds, or fail."""
    return d.is_finite() and (not d or -20 < d.adjusted() < 15)


def _as_written(value) -> str:
    text = str(value)
    return text if len(text) <= 40 else text[:40] + "…"


def kr(value) -> str:
    """«kr 1 234,50» (no line break inside the amount)."""
    d = to_decimal(value)
    if d is None:
        return "–"
    return _format_kr(d, 2, nbsp=True) if _formattable(d) else _as_written(value)


def kr_whole(value) -> str:
    """Whole kroner (the rounded net amounts of an evaluation): «kr 6 797»."""
    d = to_decimal(value)
    if d is None:
        return "–"
    return _format_kr(d, 0, nbsp=True) if _formattable(d) else _as_written(value)


def signed_kr_whole(value) -> str:
    d = to_decimal(value)
    if d is None:
        return "–"
    if not _formattable(d):
        return _as_written(value)
    return ("+" if d > 0 else "") + kr_whole(d)


def nodate(value) -> str:
    if value in (None, ""):
        return "–"
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value[:10])
        except ValueError:
            return value
    if isinstance(value, datetime):
        value = value.date()
    return _format_date(value)


def nodatetime(value) -> str:
    if value is None:
        return "–"
    from zoneinfo import ZoneInfo

    local = value.astimezone(ZoneInfo("Europe/Oslo"))
    return local.strftime("%d.%m.%Y kl. %H.%M")


def number(value) -> str:
    d = to_decimal(value)
    if d is None:
        return "–"
    if not _formattable(d):
        return _as_written(value)
    from babel.numbers import format_decimal

    return format_decimal(d, format="#,##0.##", locale="nb_NO")


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
