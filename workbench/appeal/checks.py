"""The procedural checks the import allows: A-01 … A-13 of docs/appeals.md §9, R21 (form) and R22
(underinstans). Support only: each check has a status and says why; the jurist decides.

Statuses: ``ok`` (checked, nothing to note), ``flag`` (worth a look), ``error`` (the law is not followed),
``question`` (a fact the jurist must establish), ``info``. A check that points at Nav's error proposes a
category of :mod:`workbench.appeal.taxonomy` (for ``saksbehandling`` with the fvl. provision).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from workbench.appeal.dates import age_on
from workbench.appeal.taxonomy import LOVTOLKNING, SAKSBEHANDLING
from workbench.formats.evaluation_json import EvaluationRecord
from workbench.texts.formatting import format_date
from workbench.law.calendar import add_months
from workbench.law.lovdata import lovdata_url
from workbench.law.model import DecisionKind, NavDecision

#: A-04: the covid rules of forskrift § 17a applied to absence in this span [V/NV].
COVID_FROM = date(2020, 3, 16)
COVID_TO = date(2020, 12, 31)
#: A-01: the lower age limit of sotjl § 29 is 18 from 01.01.2019 (19 before) [V LOV-2018-12-20-98].
AGE_18_FROM = date(2019, 1, 1)


def _check(check_id: str, code: str, status: str, title_nb: str, title_nn: str, hjemmel: str | None,
           detail: str, *, category: str | None = None, fvl: str | None = None) -> dict[str, Any]:
    return {
        "id": check_id,
        "code": code,
        "status": status,  # "ok" | "flag" | "error" | "question" | "info"
        "title_nb": title_nb,
        "title_nn": title_nn,
        "hjemmel": hjemmel,
        "lovdata_url": lovdata_url(hjemmel),
        "detail": detail,
        "proposed_category": category,
        "fvl_provision": fvl,
    }


def procedural_checks(
    decision: NavDecision,
    evaluation: EvaluationRecord | None = None,
    *,
    today: date,
    received: date | None = None,
    foreløpig_svar_sent: date | None = None,
) -> list[dict[str, Any]]:
    """The checks of appeals.md §9 that the import allows, in a stable order, each with a status.

    ``received``: the day the case reached Statsforvalteren as the case holds it (``cases.received``) — the
    one date the lists, the case page and this review count processing time from; None: not registered."""
    flags = set(evaluation.flags) if evaluation is not None else set()
    dec = decision.decision
    appeal = decision.appeal
    checks: list[dict[str, Any]] = []

    # A-01, sotjl § 29: 18–67 år; 18 from 2019 (19 before).
    start = decision.programme.periode.fra
    age = age_on(decision.participant.birth_date, start)
    if dec.kind == DecisionKind.AVSLAG and dec.date >= AGE_18_FROM and age == 18:
        checks.append(_check("A-01", "age-18", "flag", "Aldersgrense 18 år fra 2019",
                             "Aldersgrense 18 år frå 2019", "sosialtjenesteloven § 29",
                             "Avslag etter 2019 for en 18-åring: avslag med grunnlag «under 19» er feil.",
                             category=LOVTOLKNING))
    elif age < 18 or age >= 67:
        checks.append(_check("A-01", "age-outside-18-67", "question", "Alder utenfor 18–67 år",
                             "Alder utanfor 18–67 år", "sosialtjenesteloven § 29",
                             f"Deltakeren er {age} år ved programstart {format_date(start)}; vilkåret må vurderes "
                             "(flagg, ikke avslag)."))

    # A-02, sotjl § 32: two years, extended by up to one «når særlige grunner tilsier det»; forskrift § 2:
    # a decision covers «inntil ett år om gangen».
    first = decision.programme.first_start
    if first is not None:
        years = (decision.programme.periode.til - first).days / 365.25
        if years > 3:
            checks.append(_check("A-02", "duration-over-3-years", "error", "Programmet varer mer enn tre år",
                                 "Programmet varer meir enn tre år", "sosialtjenesteloven § 32",
                                 f"Fra {format_date(first)} til {format_date(decision.programme.periode.til)} "
                                 "(godkjent permisjon og avbrudd ikke trukket fra: sjekk).",
                                 category=LOVTOLKNING))
        elif years > 2:
            checks.append(_check("A-02", "duration-over-2-years", "question", "Forlengelse ut over to år ⚖",
                                 "Forlenging ut over to år ⚖", "sosialtjenesteloven § 32",
                                 "«Når særlige grunner tilsier det, kan programmet forlenges med inntil ett år» "
                                 "(F11)."))
    if decision.programme.periode.antall_dager > 366:
        checks.append(_check("A-02", "vedtak-period-over-one-year", "flag", "Vedtaksperioden er lengre enn ett år",
                             "Vedtaksperioden er lengre enn eitt år", "forskrift § 2",
                             "«Et vedtak om kvalifiseringsprogram fattes for inntil ett år om gangen» [V].",
                             category=LOVTOLKNING))

    # A-03, sotjl § 30: work and activities «minst utgjøre full tid».
    if "below-full-time" in flags:
        checks.append(_check("A-03", "below-full-time", "flag", "Arbeid og aktiviteter under full tid",
                             "Arbeid og aktivitetar under full tid", "sosialtjenesteloven § 30",
                             "Summen skal «minst utgjøre full tid» (37,5 t/uke, forskrift § 1)."))

    # A-04, forskrift § 17a: covid absence.
    covid = [a for a in decision.absence if COVID_FROM <= a.date <= COVID_TO]
    if covid:
        checks.append(_check("A-04", "covid-absence", "question", "Fravær i koronaperioden ⚖",
                             "Fråvær i koronaperioden ⚖", "forskrift § 17a",
                             f"{len(covid)} fraværsdag(er) 16.03.–31.12.2020: koronareglene (ikke trekk; egenmelding "
                             "16 dager) må vurderes; regelen vises, ikke beregnes."))

    # A-05 / R8, sotjl § 36: without a reservation in the grant decision the deduction is an enkeltvedtak of
    # its own, which must be reasoned (fvl §§ 24–25).
    deducted = any(str(d.kind) == "fravaer" for p in decision.payments for d in p.deductions)
    invalid = any(not a.valid for a in decision.absence)
    if deducted or invalid:
        if dec.absence_reservation is False:
            checks.append(_check("A-05", "absence-without-reservation", "error",
                                 "Trekk for fravær uten forbehold i innvilgelsesvedtaket",
                                 "Trekk for fråvær utan atterhald i innvilgingsvedtaket", "forvaltningsloven §§ 24–25",
                                 "Innvilgelsesvedtaket hadde ikke forbehold om trekk for ugyldig fravær: trekket er "
                                 "da selv et enkeltvedtak som må begrunnes og kan påklages [S nav-kommune-old; R8].",
                                 category=SAKSBEHANDLING, fvl="fvl. §§ 24–25"))
        elif dec.absence_reservation is None:
            checks.append(_check("A-05", "absence-reservation-unknown", "question",
                                 "Hadde innvilgelsesvedtaket forbehold om trekk for fravær?",
                                 "Hadde innvilgingsvedtaket atterhald om trekk for fråvær?", "sosialtjenesteloven § 36",
                                 "Ukjent i importen. Uten forbehold er trekket et eget enkeltvedtak (fvl. §§ 24–25) "
                                 "(R8)."))
        else:
            checks.append(_check("A-05", "absence-reservation", "ok",
                                 "Forbehold om fraværstrekk i innvilgelsesvedtaket",
                                 "Atterhald om fråværstrekk i innvilgingsvedtaket", "sosialtjenesteloven § 36",
                                 "Trekket gjennomfører innvilgelsesvedtaket."))

    # A-07, fvl §§ 29, 31: the klagefrist (the computation is on the admissibility part of the page).
    if "late-appeal" in flags or "over-one-year" in flags:
        checks.append(_check("A-07", "late-appeal" if "over-one-year" not in flags else "over-one-year",
                             "error" if "over-one-year" in flags else "question",
                             "Klagefrist", "Klagefrist", "forvaltningsloven § 31",
                             "Se kravene til å behandle klagen (frist og ettårsgrense)."))
    if "notice-date-unknown" in flags or dec.notice_received is None:
        checks.append(_check("A-07", "notice-date-unknown", "question", "Når kom vedtaket frem?",
                             "Når kom vedtaket fram?", "forvaltningsloven § 29",
                             "Datoen er et faktum juristen må fastsette; klagefristen kan ellers ikke beregnes."))

    # R21, fvl § 32: form.
    if appeal.signed is False:
        checks.append(_check("R21", "appeal-unsigned", "flag", "Klagen er ikke underskrevet",
                             "Klaga er ikkje underskriven", "forvaltningsloven § 32",
                             "Mangelfull klage: sett en kort frist for retting (fvl. § 32; ny § 66 fjerde ledd).",
                             category=SAKSBEHANDLING, fvl="fvl. §§ 28–33"))

    # R22 / A-08, fvl § 33: the underinstans reviews the appeal and forwards it with its statement.
    if appeal.forwarded is None:
        checks.append(_check("R22", "not-forwarded", "question", "Oversendelsesdato mangler",
                             "Oversendingsdato manglar", "forvaltningsloven § 33",
                             "Nav-kontoret skal vurdere klagen og sende saken med sin uttalelse (oversendelse)."))
    if not appeal.nav_statement:
        checks.append(_check("R22", "nav-statement-missing", "flag", "Navs uttalelse (innstilling) mangler",
                             "Nav si fråsegn (innstilling) manglar", "forvaltningsloven § 33",
                             "Underinstansen skal gi en uttalelse som sendes parten i kopi [S/V ny § 67].",
                             category=SAKSBEHANDLING, fvl="fvl. §§ 28–33"))

    # A-13 (appeals.md §8 item 13): the dates in the order the case went.
    seq = [("decision.date", dec.date), ("decision.notice_received", dec.notice_received),
           ("appeal.sent", appeal.sent), ("appeal.received", appeal.received), ("appeal.forwarded", appeal.forwarded),
           ("appeal.statsforvalteren_received", appeal.statsforvalteren_received)]
    known = [(n, d) for n, d in seq if d is not None]
    for (n1, d1), (n2, d2) in zip(known, known[1:]):
        if d1 > d2:
            checks.append(_check("A-13", "dates-out-of-order", "flag", "Datoene står i feil rekkefølge",
                                 "Datoane står i feil rekkjefølgje", None,
                                 f"{n1} {format_date(d1)} er etter {n2} {format_date(d2)}."))
    for n, d in known:
        if d > today:
            checks.append(_check("A-13", "date-in-future", "flag", "Dato i framtiden", "Dato i framtida", None,
                                 f"{n} {format_date(d)} er etter i dag."))

    # processing time — the target of three months, a foreløpig svar after one (fvl § 11 a [INF]),
    # counted from the case's received date, never from a date of the document the case page does not use.
    arrived = received
    if arrived is None:
        checks.append(_check("A-10", "received-unknown", "flag", "Mottaksdatoen er ikke registrert",
                             "Mottaksdatoen er ikkje registrert", None,
                             "Registrer dagen saken kom inn hos Statsforvalteren på saken; fristene regnes fra den."))
    elif arrived <= today:
        age_days = (today - arrived).days
        if today > add_months(arrived, 3):
            checks.append(_check("A-10", "processing-over-3-months", "flag", "Saken er eldre enn tre måneder",
                                 "Saka er eldre enn tre månader", None,
                                 f"Mottatt {format_date(arrived)} ({age_days} dager). Mål: minst 90 % innen tre "
                                 "måneder [S]."))
        if today > add_months(arrived, 1) and foreløpig_svar_sent is None:
            checks.append(_check("A-10", "forelopig-svar-due", "flag", "Send foreløpig svar",
                                 "Send førebels svar", "forvaltningsloven § 11 a",
                                 f"Mottatt {format_date(arrived)}; svar tar mer enn én måned (kobling til fvl. § 11 a "
                                 "[INF])."))
    return checks
