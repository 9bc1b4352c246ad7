"""Admissibility first: may the appeal be heard at all? (docs/appeals.md §2; rules.md R18–R21)

Each condition is tri-state — ``oppfylt`` / ``ikke_oppfylt`` / ``ikke_vurdert`` — with its provision, what
the import says, the consequence if it fails, and whether the jurist must decide:

* the decision is an enkeltvedtak under sosialtjenesteloven chapter 4 (sotjl § 47: appeal to
  Statsforvalteren);
* klagerett, fvl § 28 (R18): the party, or a fullmektig whose fullmakt is on file (fvl § 12);
* form, fvl § 32 (R21): written, signed, naming the decision and the change wanted; a deficient appeal gets a
  short deadline to correct it;
* the klagefrist, fvl § 29 (R19), with the computation shown step by step
  (:func:`workbench.law.fvl_klagefrist.compute`, the one computation; :func:`explain_klagefrist` puts its
  steps into words);
* a late appeal, fvl § 31 (R20): the jurist decides (⚖) whether it is heard anyway; never after one year.

The engine decides nothing here but the hard one-year limit (R20 [V]).
"""

from __future__ import annotations

from datetime import date
from typing import Any, Final

from workbench.texts.formatting import format_date
from workbench.formats.evaluation_json import EvaluationRecord
from workbench.law.calendar import WEEKDAYS
from workbench.law import fvl_klagefrist
from workbench.law.fvl_klagefrist import KLAGEFRIST, KlagefristComputation
from workbench.law.lovdata import lovdata_url
from workbench.law.model import DecisionKind, NavDecision

OPPFYLT: Final = "oppfylt"
IKKE_OPPFYLT: Final = "ikke_oppfylt"
IKKE_VURDERT: Final = "ikke_vurdert"

#: The assumptions behind the computation, shown beside it on the page (rules.md T5).
KLAGEFRIST_ASSUMPTIONS: Final = {
    "klagefrist_days": KLAGEFRIST.days,
    "non_working_days": "lørdag, søndag, helligdager (holidays NO) [FORUTSETNING]",
    "klagefrist_extension": "neste arbeidsdag (domstolloven § 149 analogisk) [FORUTSETNING]",
    "one_year_reference": "appeal.sent mot decision.date + 1 år [FORUTSETNING]",
}

#: Fields of the evaluation's ``admissibility`` block compared with the computation shown (see
#: :func:`admissibility_summary`).
_COMPARED = ("deadline", "timely", "days_late", "days_since_decision", "over_one_year")


def _day(d: date, lang: str) -> str:
    """«torsdag 17.04.2025»: the weekday matters to a deadline that moves over weekends and holidays."""
    return f"{WEEKDAYS[lang][d.weekday()]} {format_date(d)}"


def explain_klagefrist(comp: KlagefristComputation, lang: str = "nb") -> list[str]:
    """The computation in words, step by step, in bokmål (``nb``) or nynorsk (``nn`` [INF]): the start
    (fvl § 29), the raw deadline, the days it moved over (domstolloven § 149 by analogy), whether the
    appeal was sent in time, and the one-year limit (fvl § 31, domstolloven § 148)."""
    nn = lang == "nn"
    lang = "nn" if nn else "nb"
    lines: list[str] = []
    if comp.current is None and comp.start_basis == "reasons_received_unknown":
        first = format_date(comp.original_deadline)
        lines.append(
            f"Parten bad om grunngjeving innan den opphavlege fristen {first}. Fristen byrjar å gå på nytt "
            "når grunngjevinga er komen fram; den datoen er ukjend (⚖), så ny frist kan ikkje reknast ut enno."
            if nn else
            f"Parten ba om begrunnelse innen den opprinnelige fristen {first}. Fristen begynner å løpe på nytt "
            "når begrunnelsen er kommet frem; den datoen er ukjent (⚖), så ny frist kan ikke beregnes ennå."
        )
    elif comp.current is None:
        lines.append(
            "Datoen vedtaket kom fram til parten er ukjend. Juristen må fastsetje han før klagefristen kan "
            "reknast ut (fvl. § 29)."
            if nn else
            "Datoen vedtaket kom frem til parten er ukjent. Juristen må fastsette den før klagefristen kan "
            "beregnes (fvl. § 29)."
        )
    else:
        cur = comp.current
        what = {
            "notice_received": "vedtaket kom fram" if nn else "vedtaket kom frem",
            "reasons_received": ("grunngjevinga kom fram (ny frist etter kravet om grunngjeving)"
                                 if nn else "begrunnelsen kom frem (ny frist etter krav om begrunnelse)"),
        }[comp.start_basis]
        lines.append(f"Dato {what}: {_day(cur.start, lang)}.")
        lines.append(
            f"+ 21 dagar (tre veker, fvl. § 29) = {_day(cur.raw, lang)}." if nn else
            f"+ 21 dager (tre uker, fvl. § 29) = {_day(cur.raw, lang)}."
        )
        if cur.moved_over:
            over = ", ".join(f"{format_date(d)} ({why})" for d, why in cur.moved_over)
            lines.append(
                f"Fristen flyttar seg over {over} til neste arbeidsdag: {_day(cur.deadline, lang)} "
                "(domstollova § 149 analogisk [FØRESETNAD])."
                if nn else
                f"Fristen flyttes over {over} til neste arbeidsdag: {_day(cur.deadline, lang)} "
                "(domstolloven § 149 analogisk [FORUTSETNING])."
            )
        else:
            lines.append("Det er ein arbeidsdag; fristen står." if nn else "Det er en arbeidsdag; fristen står.")
        if comp.timely:
            lines.append(
                f"Klaga vart send {format_date(comp.sent)}, innan fristen." if nn
                else f"Klagen ble sendt {format_date(comp.sent)}, innen fristen."
            )
        else:
            lines.append(
                f"Klaga vart send {format_date(comp.sent)}, {comp.days_late} dagar etter fristen: for sein. "
                "Statsforvaltaren avgjer om ho likevel skal handsamast (fvl. § 31) ⚖."
                if nn else
                f"Klagen ble sendt {format_date(comp.sent)}, {comp.days_late} dager etter fristen: for sent. "
                "Statsforvalteren avgjør om den likevel skal behandles (fvl. § 31) ⚖."
            )
    lines.append(
        f"Vedtaksdato {format_date(comp.decision_date)}; eittårsgrensa er {format_date(comp.one_year_limit)}; "
        f"{comp.days_since_decision} dagar frå vedtaket til klaga vart send."
        if nn else
        f"Vedtaksdato {format_date(comp.decision_date)}; ettårsgrensen er {format_date(comp.one_year_limit)}; "
        f"{comp.days_since_decision} dager fra vedtaket til klagen ble sendt."
    )
    if comp.over_one_year:
        lines.append(
            "Det har gått meir enn eitt år sidan vedtaket: klaga skal avvisast (fvl. § 31)."
            if nn else
            "Det har gått mer enn ett år siden vedtaket: klagen skal avvises (fvl. § 31)."
        )
    return lines


def _condition(code: str, title_nb: str, title_nn: str, status: str, hjemmel: str, detail: str, *,
               consequence: str | None = None, jurist: bool = False, **extra: Any) -> dict[str, Any]:
    row: dict[str, Any] = {
        "code": code,
        "title_nb": title_nb,
        "title_nn": title_nn,
        "status": status,
        "hjemmel": hjemmel,
        "lovdata_url": lovdata_url(hjemmel),
        "detail": detail,
        "consequence": consequence,
        "jurist_must_decide": jurist,
    }
    row.update(extra)
    return row


def admissibility_summary(
    decision: NavDecision,
    evaluation: EvaluationRecord | None = None,
    *,
    notice_received: date | None = None,
    late_appeal_admitted: bool | None = None,
) -> dict[str, Any]:
    """The admissibility conditions of ``decision`` (appeals.md §2; R18–R21), klagefrist shown.

    Returns ``{"conditions": [...], "klagefrist": {... the steps ..., "explanation_nb": [...],
    "explanation_nn": [...], "parameters": {...}}, "engine_admissibility": <evaluation.admissibility>,
    "mismatch": [...], "avvisning_ground": str | None, "open_questions": [...]}``. ``notice_received`` /
    ``late_appeal_admitted`` are what the jurist recorded (None = not recorded).
    """
    appeal = decision.appeal
    comp = fvl_klagefrist.compute(decision, notice_received=notice_received)
    conditions: list[dict[str, Any]] = []

    # sotjl § 47: an enkeltvedtak under chapter 4 may be appealed to Statsforvalteren.
    conditions.append(_condition(
        "enkeltvedtak", "Vedtaket er et enkeltvedtak etter sosialtjenesteloven kapittel 4",
        "Vedtaket er eit enkeltvedtak etter sosialtenestelova kapittel 4",
        OPPFYLT if decision.decision.kind in set(DecisionKind) else IKKE_VURDERT,
        "sosialtjenesteloven § 47",
        f"Nav-vedtak {decision.decision.reference} ({decision.decision.kind}) av "
        f"{format_date(decision.decision.date)}.",
    ))

    # fvl § 28 klagerett (R18); a fullmektig needs a fullmakt (fvl § 12), an advokat no written one [S].
    by = str(appeal.by)
    if by == "part":
        status, detail, jurist = OPPFYLT, "Klagen er fra parten selv.", False
    elif decision.representative is not None:
        status = IKKE_VURDERT
        detail = (f"Klagen er fra fullmektig {decision.representative.name} ({decision.representative.kind}). "
                  "Fullmakten må foreligge (fvl. § 12); for advokat kreves ikke skriftlig fullmakt [S].")
        jurist = True
    else:
        status, jurist = IKKE_VURDERT, True
        detail = ("Klagen er oppgitt å være fra en fullmektig, men importen har ingen fullmektig: fastsett hvem "
                  "og fullmakten.")
    conditions.append(_condition(
        "klagerett", "Klagerett (part eller fullmektig)", "Klagerett (part eller fullmektig)",
        status, "forvaltningsloven § 28", detail, consequence="avvise hvis ikke oppfylt", jurist=jurist,
        by=by, representative=(None if decision.representative is None else {
            "name": decision.representative.name, "kind": str(decision.representative.kind)}),
    ))

    # fvl § 32 form (R21): a deficient appeal gets a short deadline to be corrected (new fvl § 66(4)).
    if appeal.signed is False:
        status, detail = IKKE_OPPFYLT, ("Klagen er ikke underskrevet. Sett en kort frist for å rette mangelen; "
                                        "avvis bare hvis den ikke rettes (fvl. § 32; ny fvl. § 66 fjerde ledd).")
    elif not appeal.arguments:
        status, detail = IKKE_OPPFYLT, "Klagen angir ingen grunner eller endring."
    else:
        status, detail = OPPFYLT, (f"Underskrevet; {len(appeal.arguments)} anførsel(er). Klagen er registrert mot "
                                   f"vedtak {decision.decision.reference}; juristen bekrefter at den nevner vedtaket.")
    conditions.append(_condition(
        "form", "Form: skriftlig, underskrevet, nevner vedtaket og endringen",
        "Form: skriftleg, underskriven, nemner vedtaket og endringa",
        status, "forvaltningsloven § 32", detail, consequence="frist for retting; avvise hvis ikke rettet",
        signed=appeal.signed, arguments=len(appeal.arguments),
    ))

    # fvl § 29 klagefrist (R19) and fvl § 31 late appeal (R20).
    if comp.timely is None:
        status, jurist = IKKE_VURDERT, True
        detail = "Datoen vedtaket kom frem er ukjent (notice-date-unknown): juristen må fastsette den."
    elif comp.timely:
        status, jurist = OPPFYLT, False
        detail = f"Frist {format_date(comp.deadline)}; klagen sendt {format_date(comp.sent)}."
    else:
        status, jurist = IKKE_OPPFYLT, True
        detail = (f"Frist {format_date(comp.deadline)}; klagen sendt {format_date(comp.sent)}, {comp.days_late} "
                  "dager for sent. Kan likevel behandles hvis parten ikke kan lastes eller særlige grunner taler "
                  "for det ⚖.")
    conditions.append(_condition(
        "klagefrist", "Klagefrist (tre uker)", "Klagefrist (tre veker)", status, "forvaltningsloven § 29",
        detail, consequence="for sen klage → fvl. § 31", jurist=jurist,
    ))
    if comp.timely is False and not comp.over_one_year:
        late = IKKE_VURDERT if late_appeal_admitted is None else (
            OPPFYLT if late_appeal_admitted else IKKE_OPPFYLT)
        conditions.append(_condition(
            "oversittelse", "For sen klage: skal den likevel behandles?",
            "For sein klage: skal ho likevel handsamast?",
            late, "forvaltningsloven § 31",
            "Juristen avgjør (⚖): parten kan ikke lastes, eller særlige grunner; Nav «skal strekke seg langt» [V].",
            consequence="avvise hvis ikke tatt under behandling", jurist=True, recorded=late_appeal_admitted,
        ))
    conditions.append(_condition(
        "ett_ar", "Ikke mer enn ett år siden vedtaket", "Ikkje meir enn eitt år sidan vedtaket",
        IKKE_OPPFYLT if comp.over_one_year else OPPFYLT, "forvaltningsloven § 31",
        f"{comp.days_since_decision} dager fra vedtaket ({format_date(comp.decision_date)}) til klagen ble "
        f"sendt; grense {format_date(comp.one_year_limit)}.",
        consequence="avvise, alltid [V]",
    ))

    # The evaluation's own admissibility block comes from the same computation; it can differ only when it
    # was computed before a fact was corrected. Shown, so that a stale evaluation is noticed.
    engine = evaluation.admissibility if evaluation is not None else None
    steps = comp.as_dict()
    mismatch = []
    if engine is not None:
        for key in _COMPARED:
            theirs, ours = getattr(engine, key), getattr(comp, key)
            if theirs is not None and ours is not None and theirs != ours:
                mismatch.append({"field": key, "engine": theirs, "explanation": steps[key]})

    ground = None
    if comp.over_one_year:
        ground = "Mer enn ett år siden vedtaket (fvl. § 31)."
    elif comp.timely is False and late_appeal_admitted is False:
        ground = "For sen klage som ikke tas under behandling (fvl. § 31)."

    return {
        "conditions": conditions,
        "klagefrist": {
            **steps,
            "explanation_nb": explain_klagefrist(comp, "nb"),
            "explanation_nn": explain_klagefrist(comp, "nn"),
            "parameters": dict(KLAGEFRIST_ASSUMPTIONS),
        },
        "engine_admissibility": engine,
        "mismatch": mismatch,
        "avvisning_ground": ground,
        "open_questions": [c["code"] for c in conditions if c["status"] == IKKE_VURDERT],
    }
