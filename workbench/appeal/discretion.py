"""Every ⚖ point a case touches — shown, never answered by the engine.

Domain: ``rules.md`` §6 (summary and the flags F1–F16 the primary text requires), the ⚖ notes of R6, R8,
R9, R11, R16, R19, R20, R24; ``appeals.md`` §3 (which points are fritt skjønn).

Each entry::

    {"code", "topic" (bokmål), "topic_nn" (nynorsk [INF]), "hjemmel", "lovdata_url",
     "why" (why the engine does not decide), "inputs" (the facts it shows), "kind",
     "limited_by_sotjl_48", "status", "trigger", "source"}

``kind`` is one of

* ``fritt_skjonn`` — a «kan»-choice. **Only where it is Nav's fritt skjønn** (``limited_by_sotjl_48``
  True) does sotjl § 48 limit Statsforvalteren to changing the decision when the skjønn is «åpenbart
  urimelig» [V sotjl § 48 first paragraph]; otherwise stadfeste or oppheve og sende tilbake (R23, R25).
  Statsforvalteren's own choices (admitting a late appeal, midlertidige tiltak) are fritt skjønn of the
  appeal body itself and are not limited by § 48 (``limited_by_sotjl_48`` False);
* ``rettsanvendelsesskjonn`` — a legal standard resting on an assessment (e.g. «svært begrensede
  ytelser», «tvingende velferdsgrunner»): fully reviewable [V § 48 «alle sider»; INF classification];
* ``faktum`` — a fact the jurist must establish (dates, hours, residence, forsørging).

The engine never fills in an answer: every entry is a question for the jurist, whose recorded decision
and reasons feed the letter (``appeals.md`` §8 item 5).
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any
from collections.abc import Iterable, Mapping

from workbench.appeal.dates import age_on
from workbench.formats.evaluation_json import EvaluationRecord, total_json
from workbench.law.calendar import count_weekdays
from workbench.law.lovdata import lovdata_url
from workbench.law.model import BenefitKind, DecisionKind, LeaveKind, NavDecision, WorkKind

FRITT_SKJONN = "fritt_skjonn"
RETTSANVENDELSESSKJONN = "rettsanvendelsesskjonn"
FAKTUM = "faktum"
KINDS = (FRITT_SKJONN, RETTSANVENDELSESSKJONN, FAKTUM)

KIND_LABELS = {
    FRITT_SKJONN: ("Fritt skjønn", "Fritt skjønn"),
    RETTSANVENDELSESSKJONN: ("Rettsanvendelsesskjønn (full prøving)", "Rettsbruksskjønn (full prøving)"),
    FAKTUM: ("Faktum juristen må fastsette", "Faktum juristen må fastsetje"),
}

FULL_TIME = Decimal("37.5")  # forskrift § 1 second paragraph [V]
HALF_TIME = Decimal("18.75")  # sotjl § 30 second paragraph [V]
R11_ENTRY_CONDITION_KINDS = frozenset({
    BenefitKind.AAP, BenefitKind.UFORETRYGD, BenefitKind.BARNEPENSJON, BenefitKind.OVERGANGSSTONAD,
    BenefitKind.ANNEN,
})
R11_NEVER_DEDUCTED = frozenset({
    BenefitKind.BOSTOTTE, BenefitKind.BARNETRYGD, BenefitKind.KONTANTSTOTTE, BenefitKind.BARNEBIDRAG,
    BenefitKind.STIPEND, BenefitKind.TILLEGGSSTONAD,
})


def _point(code: str, topic: str, topic_nn: str, hjemmel: str, why: str, inputs: Mapping[str, Any], kind: str,
           *, limited: bool | None = None, status: str = "[V]", trigger: str = "",
           source: str = "rules.md §6") -> dict[str, Any]:
    assert kind in KINDS
    if limited is None:
        limited = kind == FRITT_SKJONN
    return {
        "code": code,
        "topic": topic,
        "topic_nn": topic_nn,
        "hjemmel": hjemmel,
        "lovdata_url": lovdata_url(hjemmel),
        "why": why,
        "inputs": inputs,
        "kind": kind,
        "kind_label_nb": KIND_LABELS[kind][0],
        "kind_label_nn": KIND_LABELS[kind][1],
        "limited_by_sotjl_48": limited,
        "status": status,
        "trigger": trigger,
        "source": source,
    }


def _text(decision: NavDecision) -> str:
    parts = [decision.decision.reasons or "", decision.appeal.nav_statement or "", *decision.appeal.arguments]
    parts += [w.note or "" for w in decision.work]
    parts += [a.reason or "" for a in decision.absence]
    parts += [d.note or "" for p in decision.payments for d in p.deductions]
    return " ".join(parts).lower()


def _mentions(text: str, *words: str) -> list[str]:
    return [w for w in words if w in text]


def direction(evaluation: EvaluationRecord, tolerance: Decimal = Decimal("1")) -> str | None:
    """``til_gunst`` / ``uendret`` / ``til_ugunst`` from the total difference (computed − Nav),
    ±1 kr ``ROUNDING_TOLERANCE`` [ASSUMPTION]; None when the total could not be computed."""
    total = evaluation.total
    diff = total.difference
    if diff is None:
        if total.net is None or total.nav_net is None:
            return None
        diff = total.net - total.nav_net
    if diff > tolerance:
        return "til_gunst"
    if diff < -tolerance:
        return "til_ugunst"
    return "uendret"


def _work_weeks(decision: NavDecision) -> list[dict[str, Any]]:
    """Weekly hours per work entry (hours × 5 / weekdays of its period) — shown as an input."""
    out = []
    for w in decision.work:
        wd = count_weekdays(w.periode.fra, w.periode.til)
        weekly = (w.hours * 5 / wd) if wd else Decimal(0)
        out.append({"kind": str(w.kind), "from": w.periode.fra.isoformat(), "to": w.periode.til.isoformat(),
                    "hours": str(w.hours), "weekly_hours": f"{weekly:.2f}", "note": w.note})
    return out


def discretion_points(decision: NavDecision, evaluation: EvaluationRecord | None = None) -> list[dict[str, Any]]:
    """Every ⚖ point this case touches (rules.md §6 F1–F16 and the R-notes), in a stable order."""
    ev = evaluation
    flags = set(ev.flags) if ev is not None else set()
    text = _text(decision)
    dec = decision.decision
    appeal = decision.appeal
    pts: list[dict[str, Any]] = []
    periods = ev.periods if ev is not None else ()
    first_day = min((p.periode.fra for p in decision.payments), default=decision.programme.periode.fra)

    # --- Admissibility (R19, R20) -----------------------------------------------------------------
    adm = ev.admissibility if ev is not None else None
    if dec.notice_received is None or "notice-date-unknown" in flags:
        pts.append(_point(
            "R19-notice-received", "Når kom vedtaket frem til parten?", "Når kom vedtaket fram til parten?",
            "forvaltningsloven § 29",
            "Klagefristen løper fra vedtaket kom frem; det er et faktum. Motoren bruker ikke brevdatoen i stedet.",
            {"decision_date": dec.date.isoformat(), "appeal_sent": appeal.sent.isoformat()}, FAKTUM,
            trigger="notice_received is null"))
    if adm is not None and adm.timely is False and not adm.over_one_year:
        pts.append(_point(
            "R20-late-appeal", "Skal den for sene klagen likevel behandles?", "Skal den for seine klaga likevel handsamast?",
            "forvaltningsloven § 31",
            "Loven gir adgang («kan») når parten ikke kan lastes eller særlige grunner taler for det; Nav «skal strekke seg langt» [V]. "
            "Statsforvalterens eget skjønn, ikke motorens.",
            {"deadline": adm.deadline.isoformat() if adm.deadline else None, "sent": appeal.sent.isoformat(),
             "days_late": adm.days_late, "days_since_decision": adm.days_since_decision,
             "claimant_says": [a for a in appeal.arguments
                              if any(k in a.lower() for k in ("for sen", "for sein", "frist", "syk", "sjuk", "ferie"))]},
            FRITT_SKJONN, limited=False, trigger="late-appeal, under one year"))

    # --- Entry conditions (F13, R11, R16) -------------------------------------------------------
    entry_words = _mentions(text, "§ 29", "inngangsvilkår", "vesentlig nedsatt", "svært begrensede", "arbeidsevnevurdering",
                            "hensiktsmessig og nødvendig", "uforholdsmessig byrdefullt")
    if dec.kind == DecisionKind.AVSLAG or entry_words:
        pts.append(_point(
            "F13", "Inngangsvilkårene (§ 29)", "Inngangsvilkåra (§ 29)", "sosialtjenesteloven § 29",
            "Rettslige standarder som hviler på en vurdering («vesentlig nedsatt», «svært begrensede ytelser», "
            "«hensiktsmessig og nødvendig», «uforholdsmessig byrdefullt»): full prøving, men faktatungt.",
            {"decision_kind": str(dec.kind), "mentions": entry_words}, RETTSANVENDELSESSKJONN, trigger="avslag or § 29 contested"))
    other_income = [b for b in decision.benefits if b.kind in R11_ENTRY_CONDITION_KINDS]
    if other_income:
        pts.append(_point(
            "R11-other-income", "Annen inntekt: er ytelsene «svært begrensede» (§ 29)?",
            "Anna inntekt: er ytingane «svært avgrensa» (§ 29)?", "sosialtjenesteloven § 29",
            "Slike ytelser kan ikke samordnes etter § 38 (listen er uttømmende) og trekkes aldri; de reiser i stedet et spørsmål om "
            "inngangsvilkåret «ingen eller svært begrensede ytelser til livsopphold» [V § 29; R11].",
            {"benefits": [{"kind": str(b.kind), "from": b.periode.fra.isoformat(), "to": b.periode.til.isoformat(),
                           "daily_amount": str(b.daily_amount)} for b in other_income]},
            RETTSANVENDELSESSKJONN, trigger="benefits of another kind (R11)"))
    if any(b.kind == BenefitKind.UFORETRYGD for b in decision.benefits) or _mentions(text, "refusjon", "etterbetal"):
        pts.append(_point(
            "F8", "Refusjon av etterbetalt ytelse", "Refusjon av etterbetalt yting", "sosialtjenesteloven § 38",
            "«kan kommunen kreve hel eller delvis refusjon» (§ 38 andre ledd): kommunens frie skjønn. Motoren sjekker bare samme "
            "tidsrom og at kravet ikke overstiger utleggene.",
            {"benefits": [str(b.kind) for b in decision.benefits], "mentions": _mentions(text, "refusjon", "etterbetal")},
            FRITT_SKJONN, trigger="uføretrygd / back-payment / refund"))

    # --- Children (F1, F2, F3, R6) --------------------------------------------------------------
    children = [{"birth_date": c.birth_date.isoformat(), "foster": c.foster,
                 "from": c.periode.fra.isoformat() if c.periode and c.periode.fra != date.min else None,
                 "to": c.periode.til.isoformat() if c.periode and c.periode.til != date.max else None}
                for c in decision.children]
    residence_words = _mentions(text, "bosatt", "utlandet", "utenlands", "opphold i", "flyttet til")
    if residence_words and (decision.children or "barnetillegg" in text):
        pts.append(_point(
            "F1", "Barnets bosted og opphold i Norge", "Bustaden til barnet og opphald i Noreg", "forskrift § 3",
            "«bosatt og oppholder seg lovlig i Norge»; 90 dager i tolv måneder; medlemskap etter ftrl. § 2-5 er faktum. "
            "Importen har ikke barnets bosted.", {"children": children, "mentions": residence_words}, FAKTUM,
            trigger="residence / stay abroad contested"))
    fosters = [c for c in children if c["foster"]]
    if fosters or "fosterbarn" in text:
        pts.append(_point(
            "F2", "Fosterbarn: forsørget de to siste årene?", "Fosterbarn: forsørgt dei to siste åra?", "forskrift § 3",
            "Fosterbarn regnes som barn «hvis programdeltakeren har forsørget fosterbarnet i de to siste årene»: et faktum.",
            {"foster_children": fosters}, FAKTUM, trigger="foster child"))
        pts.append(_point(
            "F2-fravik", "Fosterbarn: fravike toårskravet?", "Fosterbarn: fråvike toårskravet?", "forskrift § 3",
            "Kommunen «kan fravike» toårskravet når fosterhjemsordningen «har en varig karakter»: fritt skjønn.",
            {"foster_children": fosters}, FRITT_SKJONN, trigger="foster child"))
    forsorger_words = _mentions(text, "samvær", "delt bosted", "bor hos", "barnetillegg for", "forsørger ham",
                               "forsørger henne", "forsørger barnet", "forsørger ikke")
    if forsorger_words:
        pts.append(_point(
            "F3", "Forsørger deltakeren barnet?", "Forsørgjer deltakaren barnet?", "sosialtjenesteloven § 35",
            "Om deltakeren «forsørger» barn (delt omsorg, samvær, barn som bor andre steder) er faktum og jus. Motoren tar "
            "barna i importen som gitt og viser dem.",
            {"children": children, "mentions": forsorger_words}, RETTSANVENDELSESSKJONN, trigger="forsørger contested"))
    if decision.children and first_day < date(2024, 1, 1):
        pts.append(_point(
            "R6-child-income", "Har barnet inntekt over G eller barnepensjon (før 2024)?",
            "Har barnet inntekt over G eller barnepensjon (før 2024)?", "forskrift § 3",
            "Forskrift § 3 fjerde ledd (opphevet fra 2024-01-01) utelukket barnetillegg i slike tilfeller [INF]; importen har "
            "ikke barnets inntekt.", {"children": children, "first_day": first_day.isoformat()}, FAKTUM,
            status="[INF]", trigger="barnetillegg for days before 2024-01-01"))

    # --- Absence (F4, F5, F6, R8, A-04) -----------------------------------------------------------
    invalid = [a for a in decision.absence if not a.valid]
    deducted = [d for p in decision.payments for d in p.deductions if str(d.kind) == "fravaer"]
    if invalid or deducted:
        pts.append(_point(
            "F4", "Er fraværet gyldig, og var det gitt tillatelse?", "Er fråværet gyldig, og var det gitt løyve?",
            "sosialtjenesteloven § 36",
            "Om fraværet «skyldes sykdom eller andre tvingende velferdsgrunner, og som det er gitt tillatelse til» avgjøres på "
            "dokumentasjon (egenmelding/legeerklæring) og tillatelse; motoren viser bare «valid»-flagget og hvor det kom fra.",
            {"absence": [{"date": a.date.isoformat(), "hours": str(a.hours), "valid": a.valid, "reason": a.reason}
                         for a in decision.absence],
             "nav_deductions": [{"amount": str(d.amount), "note": d.note} for d in deducted],
             "absence_method": ev.parameters.assumptions.get("absence_method") if ev is not None else None},
            RETTSANVENDELSESSKJONN, trigger="absence deduction"))
        if dec.absence_reservation is None:
            pts.append(_point(
                "R8-reservation", "Hadde innvilgelsesvedtaket forbehold om trekk for ugyldig fravær?",
                "Hadde innvilgingsvedtaket atterhald om trekk for ugyldig fråvær?", "sosialtjenesteloven § 36",
                "Uten forbehold er trekket selv et enkeltvedtak som må begrunnes (fvl. §§ 24–25) [S]; importen sier ikke om "
                "forbeholdet fantes.", {"absence_reservation": None}, FAKTUM, status="[S]", trigger="absence_reservation unknown"))
    egen = _mentions(text, "egenmelding", "legeerklæring")
    if egen:
        pts.append(_point(
            "F5", "Egenmelding og legeerklæring", "Eigenmelding og legeerklæring", "forskrift § 6",
            "«kan kreve legeerklæring»; «kan … bestemme»; «kan beslutte»; «rimelig grunn til å anta» (forskrift §§ 6–8, 10).",
            {"mentions": egen}, FRITT_SKJONN, trigger="egenmelding"))
    if _mentions(text, "velferdspermisjon", "velferdsgrunn"):
        pts.append(_point(
            "F6", "Velferdspermisjon", "Velferdspermisjon", "forskrift § 15",
            "Kommunen «kan … innvilge» permisjon med stønad inntil ti virkedager ved «viktige velferdsgrunner».",
            {"mentions": _mentions(text, "velferdspermisjon", "velferdsgrunn")}, FRITT_SKJONN, trigger="velferdspermisjon"))
    covid = [a for a in decision.absence if date(2020, 3, 16) <= a.date <= date(2020, 12, 31)]
    if covid:
        pts.append(_point(
            "A-04-covid", "Fravær i koronaperioden", "Fråvær i koronaperioden", "forskrift § 17a",
            "Koronareglene (ingen reduksjon, egenmelding i 16 dager) gjaldt fra 2020-03-16; den midlertidige forskriftens egne regler er "
            "[NV]. Regelen vises, den beregnes ikke.", {"absence": [a.date.isoformat() for a in covid]}, FAKTUM,
            status="[V]/[NV]", trigger="absence 2020-03-16 … 2020-12-31"))

    # --- Holiday (F7) ---------------------------------------------------------------------------------
    per_year: dict[int, int] = {}
    for f in decision.ferie:
        d = f.periode.fra
        while d <= f.periode.til:
            if d.weekday() < 5:
                per_year[d.year] = per_year.get(d.year, 0) + 1
            d += timedelta(days=1)
    over = {y: n for y, n in per_year.items()
            if n > (30 if age_on(decision.participant.birth_date, date(y, 12, 31)) >= 60 else 25)}
    if over or _mentions(text, "ferie"):
        pts.append(_point(
            "F7", "Ferie: antall dager og når den tas", "Ferie: tal på dagar og når han vert teken", "forskrift § 17",
            "Kommunen bestemmer når ferien avvikles; dager ut over 25 (30 over 60 år) krever et annet grunnlag. «Over 60 år» fra "
            "60-årsdagen er ikke avklart: året flagges.", {"weekdays_per_year": per_year, "over_limit": over},
            FRITT_SKJONN, trigger="ferie"))

    # --- Overpayment, recovery (F9, F10) -----------------------------------------------------------
    if dec.kind == DecisionKind.TILBAKEKREVING or _mentions(
            text, "framtidig stønad", "fremtidig stønad", "feilutbetal", "for mye utbetalt"):
        pts.append(_point(
            "F9", "Trekk av for mye utbetalt i framtidig stønad", "Trekk av for mykje utbetalt i framtidig stønad",
            "sosialtjenesteloven § 40",
            "«kan det overskytende trekkes»: beløpet som er for mye utbetalt er et rettsspørsmål, trekket er kommunens skjønn.",
            {"decision_kind": str(dec.kind)}, FRITT_SKJONN, trigger="overpayment"))
    if _mentions(text, "uriktige opplysninger"):
        pts.append(_point(
            "F10", "Uriktige opplysninger", "Urette opplysningar", "sosialtjenesteloven § 40",
            "§ 40 andre ledd viser til § 23, hvis tekst ikke finnes i prosjektet [NV]; faktum må fastsettes.",
            {}, FAKTUM, status="[V]/[NV]", trigger="uriktige opplysninger"))

    # --- Programme (F11, F12, F14, R9, R16) -----------------------------------------------------
    prog = decision.programme
    if prog.first_start and (prog.periode.til - prog.first_start).days > 730 or _mentions(text, "forleng"):
        pts.append(_point(
            "F11", "Forlengelse ut over to år", "Forlenging ut over to år", "sosialtjenesteloven § 32",
            "«Når særlige grunner tilsier det, kan programmet forlenges med inntil ett år»; vilkår i forskrift § 2 andre ledd.",
            {"first_start": prog.first_start.isoformat() if prog.first_start else None, "programme_to": prog.periode.til.isoformat()},
            FRITT_SKJONN, trigger="duration > 2 years or extension"))
    avbrudd = [x for x in decision.leave_without_stonad if x.kind == LeaveKind.AVBRUDD]
    if avbrudd or dec.kind == DecisionKind.STANS or _mentions(text, "avbrudd", "avbrutt", "avslutt"):
        pts.append(_point(
            "F12", "Avbrudd eller avslutning av programmet", "Avbrot eller avslutting av programmet", "sosialtjenesteloven § 34",
            "«saklig begrunnet i forhold ved deltakeren»; «sannsynlig» at deltakeren ikke vil gjenoppta. Avslutning for fravær "
            "knyttet til arbeid, fødsel eller adopsjon det første året er derimot en feil (lovtolkning).",
            {"avbrudd": [{"from": x.periode.fra.isoformat(), "to": x.periode.til.isoformat(), "reason": x.reason} for x in avbrudd]},
            FRITT_SKJONN, trigger="avbrudd / stans"))

    activities = prog.hours_per_week if prog.hours_per_week is not None else FULL_TIME
    work_rows = _work_weeks(decision)
    for per in periods:
        days = per.stonadsdager
        wh = per.work_hours
        if not days or wh is None:
            continue
        weekly = wh * 5 / Decimal(days)
        total = activities + weekly
        label = str(per.periode)
        inputs = {"period": label, "activities_hours_per_week": str(activities), "work_hours_per_week": f"{weekly:.2f}",
                  "sum_per_week": f"{total:.2f}", "full_time": str(FULL_TIME)}
        if total > FULL_TIME:
            pts.append(_point(
                "F14", "Arbeid og aktiviteter ut over full tid", "Arbeid og aktivitetar ut over full tid", "sosialtjenesteloven § 30",
                "Summen skal være «minst» full tid; 2025-brevet: «Det er i spesielle situasjoner at arbeid og andre aktiviteter i "
                "programmet kan strekke seg ut over full tid». Ikke en feil; programinnholdet er kommunens skjønn.",
                inputs, FRITT_SKJONN, trigger="work + activities > 37.5 h/week"))
        elif total < FULL_TIME:
            pts.append(_point(
                "R9-below-full-time", "Arbeid og aktiviteter under full tid", "Arbeid og aktivitetar under full tid",
                "sosialtjenesteloven § 30",
                "«Summen av inntektsgivende arbeid og andre aktiviteter innenfor programmet skal minst utgjøre full tid» [V]. "
                "Om programmet er lovlig utformet, og hva det betyr for saken, avgjør juristen.",
                inputs, RETTSANVENDELSESSKJONN, trigger="below-full-time"))
    for w in work_rows:
        weekly = Decimal(w["weekly_hours"])
        if w["kind"] == WorkKind.LAERLING and weekly > HALF_TIME:
            pts.append(_point(
                "F14-laretid", "Læretid over 50 %", "Læretid over 50 %", "sosialtjenesteloven § 30",
                "«Inntil 50 prosent stilling eller gjennomføring av læretid kan kombineres»: læretid nevnes som alternativ og holdes "
                "ikke mot 50 %-grensen [INF], men omfanget må vurderes.", w, FRITT_SKJONN, status="[V]/[INF]",
                trigger="laerling > 18.75 h/week"))
    if "work-over-50-percent" in flags:
        pts.append(_point(
            "R9-work-over-50", "Inntektsgivende arbeid over 50 %", "Inntektsgjevande arbeid over 50 %", "sosialtjenesteloven § 30",
            "«Inntil 50 prosent stilling … kan kombineres med fortsatt deltakelse» [V]. Hva det betyr for deltakelsen, avgjøres "
            "ikke av motoren.", {"work": work_rows}, RETTSANVENDELSESSKJONN, trigger="work-over-50-percent"))
    omsorg = [w for w in work_rows if w["kind"] == WorkKind.OMSORGSSTONAD]
    if omsorg:
        pts.append(_point(
            "R9-omsorg-timer", "Hvor mange timer omsorgsstønad skal telle?", "Kor mange timar omsorgsstønad skal telje?",
            "sosialtjenesteloven § 37",
            "Timene i det kommunale vedtaket om omsorgsstønad eller timene faktisk arbeidet: et faktum som kommer inn i importen, "
            "ikke noe motoren beregner [NV].", {"work": omsorg}, FAKTUM, status="[V]/[NV]", trigger="omsorgsstonad hours"))
        pts.append(_point(
            "R9-omsorg-forutsetninger", "Hvordan påvirker omsorgsarbeidet forutsetningene for å delta?",
            "Korleis påverkar omsorgsarbeidet føresetnadene for å delta?", "sosialtjenesteloven § 29",
            "2025-brevet: «Kommunen må da vurdere hvordan omsorgsarbeidet påvirker forutsetningene for å delta i et "
            "kvalifiseringsprogram og om vilkårene for deltakelse er oppfylt» [V for brevet].",
            {"work": omsorg, "activities_hours_per_week": str(activities)}, RETTSANVENDELSESSKJONN,
            source="2025-brevet; rules.md R9, R16", trigger="omsorgsstonad hours"))

    # --- The outcome (R24, F15, F16) ----------------------------------------------------------------
    direc = direction(ev) if ev is not None else None
    total_shown = total_json(ev.total) if ev is not None else None
    if direc == "til_ugunst":
        pts.append(_point(
            "R24-reformatio", "Endring til ugunst: må klagerens interesser vike?",
            "Endring til ugunst: må interessene til klagaren vike?", "forvaltningsloven § 34",
            "Vedtaket kan ikke endres til skade for klageren med mindre «dennes interesser finnes å måtte vike for omsynet til andre "
            "privatpersoner eller offentlige interesser», og melding er sendt innen 3 måneder etter at Nav-kontoret mottok klagen.",
            {"total": total_shown, "appeal_received": appeal.received.isoformat() if appeal.received else None},
            RETTSANVENDELSESSKJONN, limited=False, trigger="til-ugunst"))
        if appeal.received is None:
            pts.append(_point(
                "R24-received", "Når mottok Nav-kontoret klagen?", "Når tok Nav-kontoret imot klaga?", "forvaltningsloven § 34",
                "Tremånedersfristen for varsel om endring til ugunst løper fra Nav-kontoret mottok klagen; datoen er ukjent.",
                {"appeal_sent": appeal.sent.isoformat()}, FAKTUM, trigger="til-ugunst, appeal.received unknown"))
    if direc == "til_gunst":
        pts.append(_point(
            "F16", "Midlertidige tiltak hvis medholdet ikke kan settes i verk straks",
            "Mellombelse tiltak dersom medhaldet ikkje kan setjast i verk straks", "sosialtjenesteloven § 48",
            "«kan statsforvalteren bestemme at det straks skal settes i verk midlertidige tiltak» (§ 48 andre ledd): "
            "Statsforvalterens eget skjønn.", {"total": total_shown}, FRITT_SKJONN, limited=False,
            trigger="til_gunst"))

    # Engine-raised discretion entries not already covered.
    have = {p["code"] for p in pts}
    for e in ev.discretion if ev is not None else ():
        code = e.get("code") or e.get("flag") or e.get("topic")
        if code in have:
            continue
        kind = str(e.get("kind")) if e.get("kind") in KINDS else RETTSANVENDELSESSKJONN
        pts.append(_point(str(code), e.get("topic", ""), e.get("topic_nn", e.get("topic", "")), e.get("hjemmel") or "",
                          e.get("why", ""), e.get("inputs", {}), kind, status=e.get("status", ""),
                          trigger="engine", source="evaluation"))
        have.add(code)

    navs = [p["code"] for p in pts if p["limited_by_sotjl_48"]]
    if navs:
        pts.append(_point(
            "F15", "Er Navs frie skjønn «åpenbart urimelig»?", "Er det frie skjønnet til Nav «openbert urimeleg»?",
            "sosialtjenesteloven § 48",
            "Statsforvalteren kan prøve alle sider, men på punkter med fritt skjønn «bare endre vedtaket når skjønnet er åpenbart "
            "urimelig». Juristen registrerer vurderingen med begrunnelse og hvordan det kommunale selvstyret er vektlagt; ellers "
            "stadfeste eller oppheve og sende tilbake.", {"points": navs}, FRITT_SKJONN, limited=False,
            trigger="fritt-skjønn points present"))
    return pts


def fritt_skjonn_codes(points: Iterable[Mapping[str, Any]]) -> list[str]:
    """The codes of Nav's fritt-skjønn points — those sotjl § 48 limits."""
    return [p["code"] for p in points if p.get("limited_by_sotjl_48")]
