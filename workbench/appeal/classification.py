"""Classifying what Nav got wrong, the admissibility summary, and the four review topics.

Pure Python. The case page and the letter display what these functions return; the jurist decides.

* **Taxonomy** (domain ``appeals.md`` §4): Kabal's quality-assessment taxonomy v3 — ``faktum``,
  ``lovtolkning``, ``rettsanvendelse``, ``saksbehandling`` (with its fvl. §) — plus ``rounding``
  (information). The rules engine's ``discrepancies`` propose a category; ``reclassify`` lets the jurist
  change it, with a reason (required).
* **Nav ↔ loven** (issue 5): per payment period and component, Nav's figure, the computed figure, the
  difference and the provision with its Lovdata link, and — where the figures allow — which reading of
  the provision explains Nav's figure (``diagnosis``). Hints only: the jurist decides the category.
* **Admissibility** (``appeals.md`` §2, ``rules.md`` R18–R22): klagerett, form, klagefrist with the
  computed deadline and *how* it was computed, late appeal (fvl. § 31 ⚖), the one-year limit.
* **Procedural checks** A-01 … A-10 (``appeals.md`` §9) that can be derived from the import, and the
  R22 underinstans check.
* **Review topics** (``appeals.md`` §3): facts, procedure, law, discretion.
"""

from __future__ import annotations

from workbench.law.money import decimal_or_none

import calendar
import copy
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any, Iterable, Mapping

from workbench.law.lovdata import lovdata_url
from workbench.law.fvl_klagefrist import one_year_after
from workbench.law.model import DecisionKind, NavDecision

# --------------------------------------------------------------------------------------------------
# Taxonomy (appeals.md §4; Kabal kvalitetsvurdering v3)

TAXONOMY_VERSION = "kabal-kvalitetsvurdering-v3"

FAKTUM = "faktum"
LOVTOLKNING = "lovtolkning"
RETTSANVENDELSE = "rettsanvendelse"
SAKSBEHANDLING = "saksbehandling"
ROUNDING = "rounding"

CATEGORIES: dict[str, dict[str, str]] = {
    FAKTUM: {
        "label_nb": "Feil faktum",
        "label_nn": "Feil faktum",
        "kabal": "Det er lagt til grunn feil faktum",
        "meaning": "wrong or unproven facts (number of children, hours, benefit rights, dates)",
    },
    LOVTOLKNING: {
        "label_nb": "Feil hjemmel eller lovtolkning",
        "label_nn": "Feil heimel eller lovtolking",
        "kabal": "Loven er tolket eller anvendt feil → feil hjemmel eller lovtolkning",
        "meaning": "wrong legal basis or wrong reading of the rule (e.g. omsorgsstønad under § 38)",
    },
    RETTSANVENDELSE: {
        "label_nb": "Feil konkret rettsanvendelse eller skjønnsutøvelse",
        "label_nn": "Feil konkret rettsbruk eller skjønnsutøving",
        "kabal": "Loven er tolket eller anvendt feil → feil konkret rettsanvendelse eller skjønnsutøvelse",
        "meaning": "the right rule applied wrongly to the facts (wrong G, wrong method, arithmetic)",
    },
    SAKSBEHANDLING: {
        "label_nb": "Saksbehandlingsfeil",
        "label_nn": "Sakshandsamingsfeil",
        "kabal": "Saksbehandlingsreglene",
        "meaning": "a procedural error; the fvl. provision is recorded",
    },
    ROUNDING: {
        "label_nb": "Avrunding (informasjon)",
        "label_nn": "Avrunding (informasjon)",
        "kabal": "—",
        "meaning": "a ±1 kr difference from the rounding convention (R13); information, not an error",
    },
}

#: The procedural rules a ``saksbehandling`` discrepancy must name (appeals.md §4, Kabal v3).
SAKSBEHANDLING_PROVISIONS: dict[str, dict[str, str]] = {
    "fvl. § 11": {"label_nb": "Veiledningsplikt", "label_nn": "Rettleiingsplikt"},
    "fvl. § 16": {"label_nb": "Forhåndsvarsling", "label_nn": "Førehandsvarsling"},
    "fvl. § 17": {"label_nb": "Utredningsplikt", "label_nn": "Utgreiingsplikt"},
    "fvl. §§ 17–19": {"label_nb": "Foreleggelse for uttalelse", "label_nn": "Førelegging for fråsegn"},
    "fvl. §§ 24–25": {"label_nb": "Begrunnelsesplikt", "label_nn": "Grunngjevingsplikt"},
    "fvl. §§ 28–33": {"label_nb": "Klage og klageforberedelse", "label_nn": "Klage og klagebuing"},
    "fvl. § 35": {"label_nb": "Omgjøring", "label_nn": "Omgjering"},
    "arkivloven §§ 5–6": {"label_nb": "Journalføringsplikt", "label_nn": "Journalføringsplikt"},
    "språklova § 9": {"label_nb": "Klart språk", "label_nn": "Klart språk"},
}

#: fvl. §§ 24–25 has three sub-points in Kabal v3 (appeals.md §4).
BEGRUNNELSE_SUBPOINTS = (
    "siterer ikke reglene",
    "gjengir ikke faktum",
    "nevner ikke avgjørende hensyn",
)


class ClassificationError(ValueError):
    """A reclassification was refused. ``errors`` is a list of ``(field, reason)``."""

    def __init__(self, errors: list[tuple[str, str]]):
        self.errors = errors
        super().__init__("; ".join(f"{f}: {r}" for f, r in errors))


def category_label(code: str | None, lang: str = "nb") -> str | None:
    if code is None or code not in CATEGORIES:
        return None
    return CATEGORIES[code]["label_nn" if lang == "nn" else "label_nb"]


def reclassify(
    discrepancy: Mapping[str, Any],
    category: str,
    reason: str,
    *,
    fvl_provision: str | None = None,
    by: str | None = None,
) -> dict:
    """The jurist's reclassification of one discrepancy (appeals.md §4: «the engine proposes, the
    jurist may reclassify with a reason»).

    Returns a new dict: the discrepancy with ``category`` replaced, ``proposed_category`` keeping the
    engine's proposal, and ``reclassification`` = ``{from, to, reason, fvl_provision, by,
    taxonomy_version}``. Raises :class:`ClassificationError` listing every problem at once:
    unknown category, empty reason, a ``saksbehandling`` category without a known fvl. provision.
    Re-classifying to the same category is allowed (a confirmation with reasons).
    """
    errors: list[tuple[str, str]] = []
    if category not in CATEGORIES:
        errors.append(("category", f"ukjent kategori «{category}»; gyldige: {', '.join(CATEGORIES)}"))
    if not reason or not reason.strip():
        errors.append(("reason", "begrunnelse for omklassifisering mangler"))
    if category == SAKSBEHANDLING:
        if not fvl_provision:
            errors.append(("fvl_provision", "saksbehandlingsfeil krever hvilken regel som er brutt "
                           f"({', '.join(SAKSBEHANDLING_PROVISIONS)})"))
        elif fvl_provision not in SAKSBEHANDLING_PROVISIONS:
            errors.append(("fvl_provision", f"ukjent saksbehandlingsregel «{fvl_provision}»"))
    elif fvl_provision:
        errors.append(("fvl_provision", "bare en saksbehandlingsfeil har en fvl.-regel"))
    if errors:
        raise ClassificationError(errors)
    out = copy.deepcopy(dict(discrepancy))
    proposed = discrepancy.get("proposed_category", discrepancy.get("category"))
    out["proposed_category"] = proposed
    out["category"] = category
    out["category_label_nb"] = category_label(category, "nb")
    out["category_label_nn"] = category_label(category, "nn")
    out["reclassification"] = {
        "from": discrepancy.get("category"),
        "to": category,
        "reason": reason.strip(),
        "fvl_provision": fvl_provision,
        "fvl_url": lovdata_url(fvl_provision) if fvl_provision else None,
        "by": by,
        "taxonomy_version": TAXONOMY_VERSION,
    }
    return out


def label_discrepancies(discrepancies: Iterable[Mapping[str, Any]]) -> list[dict]:
    """The engine's discrepancies with category labels (nb/nn) and Lovdata links added."""
    out = []
    for d in discrepancies or ():
        row = dict(d)
        row.setdefault("proposed_category", d.get("category"))
        row["category_label_nb"] = category_label(d.get("category"), "nb")
        row["category_label_nn"] = category_label(d.get("category"), "nn")
        row["lovdata_url"] = lovdata_url(d.get("hjemmel"))
        out.append(row)
    return out


# --------------------------------------------------------------------------------------------------
# Small helpers


_dec = decimal_or_none  # one reader of amounts, in rules.money


def _date(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def add_months(d: date, months: int) -> date:
    """Calendar months; a day that does not exist is clamped to the month's last day
    (31 Nov → 30 Nov) [ASSUMPTION: the usual reading of «innen 3 måneder»]."""
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def _fmt(d: date | None) -> str | None:
    return d.strftime("%d.%m.%Y") if d else None


_WEEKDAYS_NB = ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag")
_WEEKDAYS_NN = ("måndag", "tysdag", "onsdag", "torsdag", "fredag", "laurdag", "sundag")

# Norwegian names for the 12 holidays `holidays` lists for NO (law.md §5.2).
_HOLIDAY_NB = {
    "New Year's Day": "1. nyttårsdag",
    "Maundy Thursday": "skjærtorsdag",
    "Good Friday": "langfredag",
    "Easter Sunday": "1. påskedag",
    "Easter Monday": "2. påskedag",
    "Labor Day": "1. mai",
    "Labour Day": "1. mai",
    "Constitution Day": "17. mai",
    "Ascension Day": "Kristi himmelfartsdag",
    "Pentecost": "1. pinsedag",
    "Whit Sunday": "1. pinsedag",
    "Pentecost Monday": "2. pinsedag",
    "Whit Monday": "2. pinsedag",
    "Christmas Day": "1. juledag",
    "Second Day of Christmas": "2. juledag",
}


def _holidays(years: Iterable[int]):
    import holidays  # noqa: PLC0415 — pinned dependency; imported lazily to keep module import cheap

    return holidays.country_holidays("NO", years=sorted(set(years)))


def non_working_reason(d: date) -> str | None:
    """Why ``d`` is not a working day (``NON_WORKING_DAYS`` [ASSUMPTION], law.md §5.2), or None.
    Note: ``holidays`` lists Sundays of Easter/Pentecost too; a weekday name wins for those."""
    hol = _holidays([d.year]).get(d)
    if hol:
        names = [_HOLIDAY_NB.get(n.strip(), n.strip()) for n in str(hol).split(";")]
        return " / ".join(names)
    if d.weekday() == 5:
        return "lørdag"
    if d.weekday() == 6:
        return "søndag"
    return None


# --------------------------------------------------------------------------------------------------
# Klagefrist — R19, R20 (the computation shown)

KLAGEFRIST_DAYS = 21  # fvl. § 29: «tre uker» [V law.md §5.2]


@dataclass(frozen=True, slots=True)
class KlagefristComputation:
    start: date | None
    start_basis: str  # "notice_received" | "reasons_received" | "unknown"
    raw_deadline: date | None
    deadline: date | None
    moved_over: tuple[tuple[date, str], ...]
    sent: date
    timely: bool | None
    days_late: int | None
    decision_date: date
    one_year_limit: date
    days_since_decision: int
    over_one_year: bool
    original_deadline: date | None = None  # the first deadline, shown while requested reasons are awaited (S-09)

    def as_dict(self) -> dict:
        return {
            "start": self.start.isoformat() if self.start else None,
            "start_basis": self.start_basis,
            "raw_deadline": self.raw_deadline.isoformat() if self.raw_deadline else None,
            "deadline": self.deadline.isoformat() if self.deadline else None,
            "moved_over": [{"date": d.isoformat(), "why": why} for d, why in self.moved_over],
            "sent": self.sent.isoformat(),
            "timely": self.timely,
            "days_late": self.days_late,
            "decision_date": self.decision_date.isoformat(),
            "one_year_limit": self.one_year_limit.isoformat(),
            "days_since_decision": self.days_since_decision,
            "over_one_year": self.over_one_year,
            "original_deadline": self.original_deadline.isoformat() if self.original_deadline else None,
        }


def compute_klagefrist(decision: NavDecision, *, notice_received: date | None = None) -> KlagefristComputation:
    """R19/R20 with every step kept, so the page can say *how* the deadline was computed.

    * start = ``decision.notice_received`` (a fact ⚖; ``notice_received`` here = the date the jurist
      established when the import has none); a request for begrunnelse made within the deadline and
      answered (``appeal.reasons_received``) restarts the 3 weeks from the reasons [S Narvik];
    * + 21 days; a Saturday, Sunday or public holiday moves the deadline to the next working day
      [ASSUMPTION ``KLAGEFRIST_EXTENSION``, domstolloven § 149 by analogy; new fvl § 63(4) V];
    * timely if ``appeal.sent`` ≤ deadline [S «postlagt innen fristens utløp»];
    * over one year: ``appeal.sent`` later than the day one year after ``decision.date``, counted by
      domstolloven § 148 second paragraph (rules.md §8 S-04; :func:`klage.one_year_after`).
    """
    dec = decision.decision
    appeal = decision.appeal
    start = notice_received or dec.notice_received
    basis = "notice_received" if start else "unknown"
    raw = deadline = original = None
    moved: list[tuple[date, str]] = []
    if start:
        raw, deadline, moved = _deadline_from(start)
        if (
            appeal.sent > deadline
            and appeal.requested_reasons
            and appeal.requested_reasons <= deadline
        ):
            if appeal.reasons_received:
                start, basis = appeal.reasons_received, "reasons_received"
                raw, deadline, moved = _deadline_from(start)
            else:  # interrupted, but the new start is an unknown fact (⚖); S-09: keep the first deadline
                original = deadline
                start, basis, raw, deadline, moved = None, "reasons_received_unknown", None, None, []
    timely = days_late = None
    if deadline:
        timely = appeal.sent <= deadline
        days_late = max(0, (appeal.sent - deadline).days)
    limit = one_year_after(dec.date)  # fvl § 31 third paragraph by domstolloven § 148 (S-04)
    return KlagefristComputation(
        start=start,
        start_basis=basis,
        raw_deadline=raw,
        deadline=deadline,
        moved_over=tuple(moved),
        sent=appeal.sent,
        timely=timely,
        days_late=days_late,
        decision_date=dec.date,
        one_year_limit=limit,
        days_since_decision=(appeal.sent - dec.date).days,
        over_one_year=appeal.sent > limit,
        original_deadline=original,
    )


def _deadline_from(start: date) -> tuple[date, date, list[tuple[date, str]]]:
    raw = start + timedelta(days=KLAGEFRIST_DAYS)
    d = raw
    moved: list[tuple[date, str]] = []
    while (why := non_working_reason(d)) is not None:
        moved.append((d, why))
        d += timedelta(days=1)
    return raw, d, moved


def explain_klagefrist(comp: KlagefristComputation, lang: str = "nb") -> list[str]:
    """The computation in words, step by step (bokmål or nynorsk [INF])."""
    nn = lang == "nn"
    wd = _WEEKDAYS_NN if nn else _WEEKDAYS_NB
    lines: list[str] = []
    if comp.start is None and comp.start_basis == "reasons_received_unknown":
        first = _fmt(comp.original_deadline)
        lines.append(
            f"Parten bad om grunngjeving innan den opphavlege fristen {first}. Fristen byrjar å gå på nytt "
            "når grunngjevinga er komen fram; den datoen er ukjend (⚖), så ny frist kan ikkje reknast ut enno."
            if nn else
            f"Parten ba om begrunnelse innen den opprinnelige fristen {first}. Fristen begynner å løpe på nytt "
            "når begrunnelsen er kommet frem; den datoen er ukjent (⚖), så ny frist kan ikke beregnes ennå."
        )
    elif comp.start is None:
        lines.append(
            "Datoen vedtaket kom fram til parten er ukjend. Juristen må fastsetje han før klagefristen kan reknast ut (fvl. § 29)."
            if nn else
            "Datoen vedtaket kom frem til parten er ukjent. Juristen må fastsette den før klagefristen kan beregnes (fvl. § 29)."
        )
    else:
        what = {
            "notice_received": ("vedtaket kom fram" if nn else "vedtaket kom frem"),
            "reasons_received": ("grunngjevinga kom fram (ny frist etter kravet om grunngjeving)"
                                 if nn else "begrunnelsen kom frem (ny frist etter krav om begrunnelse)"),
        }[comp.start_basis]
        lines.append(
            f"{'Dato' if nn else 'Dato'} {what}: {wd[comp.start.weekday()]} {_fmt(comp.start)}."
        )
        lines.append(
            f"+ 21 dagar (tre veker, fvl. § 29) = {wd[comp.raw_deadline.weekday()]} {_fmt(comp.raw_deadline)}."
            if nn else
            f"+ 21 dager (tre uker, fvl. § 29) = {wd[comp.raw_deadline.weekday()]} {_fmt(comp.raw_deadline)}."
        )
        if comp.moved_over:
            over = ", ".join(f"{_fmt(d)} ({why})" for d, why in comp.moved_over)
            lines.append(
                (f"Fristen flyttar seg over {over} til neste arbeidsdag: {wd[comp.deadline.weekday()]} {_fmt(comp.deadline)} "
                 "(domstollova § 149 analogisk [FØRESETNAD]).")
                if nn else
                (f"Fristen flyttes over {over} til neste arbeidsdag: {wd[comp.deadline.weekday()]} {_fmt(comp.deadline)} "
                 "(domstolloven § 149 analogisk [FORUTSETNING]).")
            )
        else:
            lines.append(("Det er ein arbeidsdag; fristen står." if nn else "Det er en arbeidsdag; fristen står."))
        if comp.timely:
            lines.append(
                f"Klaga vart send {_fmt(comp.sent)}, innan fristen." if nn
                else f"Klagen ble sendt {_fmt(comp.sent)}, innen fristen."
            )
        else:
            lines.append(
                f"Klaga vart send {_fmt(comp.sent)}, {comp.days_late} dagar etter fristen: for sein. "
                "Statsforvaltaren avgjer om ho likevel skal handsamast (fvl. § 31) ⚖."
                if nn else
                f"Klagen ble sendt {_fmt(comp.sent)}, {comp.days_late} dager etter fristen: for sent. "
                "Statsforvalteren avgjør om den likevel skal behandles (fvl. § 31) ⚖."
            )
    lines.append(
        (f"Vedtaksdato {_fmt(comp.decision_date)}; eittårsgrensa er {_fmt(comp.one_year_limit)}; "
         f"{comp.days_since_decision} dagar frå vedtaket til klaga vart send.")
        if nn else
        (f"Vedtaksdato {_fmt(comp.decision_date)}; ettårsgrensen er {_fmt(comp.one_year_limit)}; "
         f"{comp.days_since_decision} dager fra vedtaket til klagen ble sendt.")
    )
    if comp.over_one_year:
        lines.append(
            "Det har gått meir enn eitt år sidan vedtaket: klaga skal avvisast (fvl. § 31)."
            if nn else
            "Det har gått mer enn ett år siden vedtaket: klagen skal avvises (fvl. § 31)."
        )
    return lines


# --------------------------------------------------------------------------------------------------
# Admissibility summary (appeals.md §2): each condition tri-state oppfylt / ikke_oppfylt / ikke_vurdert

OPPFYLT = "oppfylt"
IKKE_OPPFYLT = "ikke_oppfylt"
IKKE_VURDERT = "ikke_vurdert"


def _condition(code, title_nb, title_nn, status, hjemmel, detail, *, consequence=None, jurist=False, **extra):
    row = {
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
    evaluation: Mapping[str, Any] | None = None,
    *,
    notice_received: date | None = None,
    late_appeal_admitted: bool | None = None,
) -> dict:
    """Admissibility first (issue 5; appeals.md §2; R18–R21).

    Returns ``{"conditions": [...], "klagefrist": {... computation ..., "explanation_nb": [...],
    "explanation_nn": [...]}, "engine_admissibility": <evaluation["admissibility"]>, "mismatch": [...],
    "avvisning_ground": str | None, "open_questions": [...]}``. ``notice_received`` /
    ``late_appeal_admitted`` are what the jurist recorded (None = not recorded). The engine never
    decides a late appeal; it decides nothing at all except the hard one-year limit (R20 [V]).
    """
    appeal = decision.appeal
    comp = compute_klagefrist(decision, notice_received=notice_received)
    conditions = []

    # Enkeltvedtak under sotjl ch. 4 (appeals.md §2, first row).
    conditions.append(_condition(
        "enkeltvedtak", "Vedtaket er et enkeltvedtak etter sosialtjenesteloven kapittel 4",
        "Vedtaket er eit enkeltvedtak etter sosialtenestelova kapittel 4",
        OPPFYLT if decision.decision.kind in set(DecisionKind) else IKKE_VURDERT,
        "sosialtjenesteloven § 47",
        f"Nav-vedtak {decision.decision.reference} ({decision.decision.kind}) av {_fmt(decision.decision.date)}.",
    ))

    # Klagerett (R18).
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
        detail = "Klagen er oppgitt å være fra en fullmektig, men importen har ingen fullmektig: fastsett hvem og fullmakten."
    conditions.append(_condition(
        "klagerett", "Klagerett (part eller fullmektig)", "Klagerett (part eller fullmektig)",
        status, "forvaltningsloven § 28", detail, consequence="avvise hvis ikke oppfylt", jurist=jurist,
        by=by, representative=(None if decision.representative is None else {
            "name": decision.representative.name, "kind": str(decision.representative.kind)}),
    ))

    # Form (R21).
    if appeal.signed is False:
        status, detail = IKKE_OPPFYLT, ("Klagen er ikke underskrevet. Sett en kort frist for å rette mangelen; "
                                        "avvis bare hvis den ikke rettes (fvl. § 32; ny fvl. § 66 fjerde ledd).")
    elif not appeal.arguments:
        status, detail = IKKE_OPPFYLT, "Klagen angir ingen grunner eller endring."
    else:
        status, detail = OPPFYLT, (f"Underskrevet; {len(appeal.arguments)} anførsel(er). Klagen er registrert mot "
                                   f"vedtak {decision.decision.reference}; juristen bekrefter at den nevner vedtaket.")
    conditions.append(_condition(
        "form", "Form: skriftlig, underskrevet, nevner vedtaket og endringen", "Form: skriftleg, underskriven, nemner vedtaket og endringa",
        status, "forvaltningsloven § 32", detail, consequence="frist for retting; avvise hvis ikke rettet",
        signed=appeal.signed, arguments=len(appeal.arguments),
    ))

    # Klagefrist (R19) and late appeal (R20).
    if comp.timely is None:
        status, jurist = IKKE_VURDERT, True
        detail = "Datoen vedtaket kom frem er ukjent (notice-date-unknown): juristen må fastsette den."
    elif comp.timely:
        status, jurist, detail = OPPFYLT, False, f"Frist {_fmt(comp.deadline)}; klagen sendt {_fmt(comp.sent)}."
    else:
        status, jurist = IKKE_OPPFYLT, True
        detail = (f"Frist {_fmt(comp.deadline)}; klagen sendt {_fmt(comp.sent)}, {comp.days_late} dager for sent. "
                  "Kan likevel behandles hvis parten ikke kan lastes eller særlige grunner taler for det ⚖.")
    conditions.append(_condition(
        "klagefrist", "Klagefrist (tre uker)", "Klagefrist (tre veker)", status, "forvaltningsloven § 29",
        detail, consequence="for sen klage → fvl. § 31", jurist=jurist,
    ))
    if comp.timely is False and not comp.over_one_year:
        if late_appeal_admitted is None:
            st = IKKE_VURDERT
        else:
            st = OPPFYLT if late_appeal_admitted else IKKE_OPPFYLT
        conditions.append(_condition(
            "oversittelse", "For sen klage: skal den likevel behandles?", "For sein klage: skal ho likevel handsamast?",
            st, "forvaltningsloven § 31",
            "Juristen avgjør (⚖): parten kan ikke lastes, eller særlige grunner; Nav «skal strekke seg langt» [V].",
            consequence="avvise hvis ikke tatt under behandling", jurist=True, recorded=late_appeal_admitted,
        ))
    conditions.append(_condition(
        "ett_ar", "Ikke mer enn ett år siden vedtaket", "Ikkje meir enn eitt år sidan vedtaket",
        IKKE_OPPFYLT if comp.over_one_year else OPPFYLT, "forvaltningsloven § 31",
        f"{comp.days_since_decision} dager fra vedtaket ({_fmt(comp.decision_date)}) til klagen ble sendt; grense {_fmt(comp.one_year_limit)}.",
        consequence="avvise, alltid [V]",
    ))

    # Cross-check with the engine's own admissibility block (rules engineer's klage.py).
    engine = dict((evaluation or {}).get("admissibility") or {})
    mismatch = []
    mine = comp.as_dict()
    for key in ("deadline", "timely", "days_late", "days_since_decision", "over_one_year"):
        if key in engine and engine[key] is not None and mine.get(key) is not None and str(engine[key]) != str(mine[key]):
            mismatch.append({"field": key, "engine": engine[key], "explanation": mine[key]})

    ground = None
    if comp.over_one_year:
        ground = "Mer enn ett år siden vedtaket (fvl. § 31)."
    elif comp.timely is False and late_appeal_admitted is False:
        ground = "For sen klage som ikke tas under behandling (fvl. § 31)."

    open_q = [c["code"] for c in conditions if c["status"] == IKKE_VURDERT]
    return {
        "conditions": conditions,
        "klagefrist": {
            **mine,
            "explanation_nb": explain_klagefrist(comp, "nb"),
            "explanation_nn": explain_klagefrist(comp, "nn"),
            "parameters": {
                "klagefrist_days": KLAGEFRIST_DAYS,
                "non_working_days": "lørdag, søndag, helligdager (holidays NO) [FORUTSETNING]",
                "klagefrist_extension": "neste arbeidsdag (domstolloven § 149 analogisk) [FORUTSETNING]",
                "one_year_reference": "appeal.sent mot decision.date + 1 år [FORUTSETNING]",
            },
        },
        "engine_admissibility": engine or None,
        "mismatch": mismatch,
        "avvisning_ground": ground,
        "open_questions": open_q,
    }


# --------------------------------------------------------------------------------------------------
# Nav ↔ loven: per period and component

COMPONENTS = (
    # key in evaluation period, Nav deduction kind, label nb, label nn, hjemmel
    ("gross", None, "Brutto (stønadsdager × dagsats + barnetillegg)", "Brutto (stønadsdagar × dagsats + barnetillegg)",
     "sosialtjenesteloven § 35"),
    ("absence", "fravaer", "Trekk for fravær", "Trekk for fråvær", "sosialtjenesteloven § 36"),
    ("work", "arbeid", "Reduksjon for inntektsgivende arbeid", "Reduksjon for inntektsgjevande arbeid",
     "sosialtjenesteloven § 37"),
    ("samordning", "samordning", "Samordning med andre ytelser", "Samordning med andre ytingar",
     "sosialtjenesteloven § 38"),
    ("annen", "annen", "Annet trekk", "Anna trekk", None),
    ("net", None, "Til utbetaling (netto)", "Til utbetaling (netto)", "sosialtjenesteloven §§ 35–38"),
)

COMPONENT_TOLERANCE = Decimal("0.01")  # components are compared to øre
NET_TOLERANCE = Decimal("1")  # ROUNDING_TOLERANCE [ASSUMPTION] (R13)


def _payment_for(decision: NavDecision, frm: date, to: date):
    for p in decision.payments:
        if p.periode.fra == frm and p.periode.til == to:
            return p
    return None


def nav_vs_law(decision: NavDecision, evaluation: Mapping[str, Any]) -> list[dict]:
    """Per payment period: one row per component with Nav's figure, the computed figure, the
    difference (computed − Nav), the provision and its Lovdata link, and ``diagnosis`` hints
    (provision + reading that explains Nav's figure; support only, the jurist classifies).

    Nav's component figures come from ``payments[].gross`` / ``deductions[]`` (by the ``kind`` Nav
    used); where Nav gave no figure the row has ``nav: None`` and ``differs: None``.
    """
    out = []
    for per in evaluation.get("periods") or ():
        frm, to = _date(per["from"]), _date(per["to"])
        payment = _payment_for(decision, frm, to)
        nav_by_kind: dict[str, Decimal] = {}
        if payment is not None:
            for ded in payment.deductions:
                nav_by_kind[str(ded.kind)] = nav_by_kind.get(str(ded.kind), Decimal(0)) + ded.amount
        rows = []
        for key, kind, nb, nn, hjemmel in COMPONENTS:
            computed = _dec(per.get(key))
            if key == "gross":
                nav = payment.gross if payment is not None else None
            elif key == "net":
                nav = _dec(per.get("nav_net"))
                if nav is None and payment is not None:
                    nav = payment.net
            else:
                if payment is None:
                    nav = None
                elif payment.gross is None and not payment.deductions:
                    nav = None  # Nav stated only the net amount
                else:
                    nav = nav_by_kind.get(kind, Decimal(0))
                if key == "annen" and computed is None:
                    computed = Decimal(0)
            if key == "annen" and not nav and not computed:
                continue
            diff = differs = None
            if nav is not None and computed is not None:
                diff = computed - nav
                tol = NET_TOLERANCE if key == "net" else COMPONENT_TOLERANCE
                differs = abs(diff) > tol if key == "net" else abs(diff) >= tol
            rows.append({
                "component": key,
                "label_nb": nb,
                "label_nn": nn,
                "nav": None if nav is None else f"{nav:.2f}",
                "computed": None if computed is None else f"{computed:.2f}",
                "difference": None if diff is None else f"{diff:.2f}",
                "differs": differs,
                "hjemmel": hjemmel,
                "lovdata_url": lovdata_url(hjemmel),
                "diagnosis": [],
            })
        _diagnose(decision, per, payment, rows)
        out.append({
            "period": f"{frm.isoformat()}/{to.isoformat()}",
            "from": frm.isoformat(),
            "to": to.isoformat(),
            "stonadsdager": per.get("stonadsdager"),
            "rows": rows,
            "provisions": sorted({h for r in rows if r["differs"] for h in _row_provisions(r)}),
            "trace": per.get("trace"),
            "days": per.get("days"),
        })
    return out


def _row_provisions(row: Mapping[str, Any]) -> list[str]:
    hs = [d["hjemmel"] for d in row["diagnosis"]]
    if row["component"] != "net" and row["hjemmel"]:
        hs.append(row["hjemmel"])
    return hs


def _diag(code, hjemmel, nb, nn, status):
    return {"code": code, "hjemmel": hjemmel, "lovdata_url": lovdata_url(hjemmel),
            "explanation_nb": nb, "explanation_nn": nn, "status": status}


def _age_on(birth: date, d: date) -> int:
    return d.year - birth.year - ((d.month, d.day) < (birth.month, birth.day))


def _rate_on(decision: NavDecision, d: date, ps) -> Decimal | None:
    """Daily basic rate on ``d`` (R4–R5) from the rules engineer's parameter tables, for a hint only."""
    g = ps.g.row_on(d)
    f = ps.factor_row(d)
    if g is None or f is None:
        return None
    rate = f.value * g.value / 260
    if _age_on(decision.participant.birth_date, d) < 25:
        rate = rate * ps.under_25_factor
    return Decimal(rate.numerator) / Decimal(rate.denominator)


def _confirm_single_rate(decision: NavDecision, per: Mapping[str, Any], row: dict) -> None:
    """Test the hypothesis «Nav used one day rate for every day of the period» (the rate of the last
    or the first day). If it reproduces Nav's gross to the øre, the hint is marked ``confirmed`` and the
    hints it explains (G change, under-25 switch) move first; the barnetillegg hint is dropped."""
    try:
        from workbench.law.parameters import default_parameters  # noqa: PLC0415
        ps = default_parameters()
    except Exception:  # noqa: BLE001 — the parameter tables are the rules engine's; a hint is optional
        return
    frm, to = _date(per["from"]), _date(per["to"])
    days = per.get("stonadsdager")
    bt = _dec(per.get("barnetillegg")) or Decimal(0)
    nav = _dec(row["nav"])
    if not days or nav is None:
        return
    for which, d in (("last", to), ("first", frm)):
        rate = _rate_on(decision, d, ps)
        if rate is None:
            continue
        if abs(rate * days + bt - nav) <= Decimal("0.05"):
            for hint in row["diagnosis"]:
                if hint["code"] in ("g-change-in-period", "under-25", "factor-change-in-period"):
                    hint["confirmed"] = True
                    hint["explanation_nb"] += (f" Navs brutto er gjengitt med dagsatsen for {_fmt(d)} på alle "
                                               f"{days} stønadsdager.")
                    hint["explanation_nn"] += (f" Nav sin brutto er attgjeven med dagsatsen for {_fmt(d)} på alle "
                                               f"{days} stønadsdagane.")
            if any(h.get("confirmed") for h in row["diagnosis"]):
                row["diagnosis"] = sorted(
                    (h for h in row["diagnosis"] if h["code"] != "barnetillegg"),
                    key=lambda h: not h.get("confirmed"))
            return


def _diagnose(decision: NavDecision, per: Mapping[str, Any], payment, rows: list[dict]) -> None:
    """Hints for the jurist: which provision (and which reading of it) explains Nav's figure."""
    by = {r["component"]: r for r in rows}
    frm, to = _date(per["from"]), _date(per["to"])
    gross = _dec(per.get("gross"))
    gross_base = _dec(per.get("gross_base"))

    g = by.get("gross")
    if g and g["differs"]:
        birth = decision.participant.birth_date
        if _age_on(birth, frm) < 25 or _age_on(birth, to) < 25:
            g["diagnosis"].append(_diag(
                "under-25", "sosialtjenesteloven § 35 andre ledd",
                "Deltakeren er under 25 år i (deler av) perioden: «Deltaker under 25 år mottar 2/3 stønad» "
                "[V]; full sats fra 25-årsdagen [FORUTSETNING U25_SWITCH].",
                "Deltakaren er under 25 år i (delar av) perioden: 2/3 stønad [V]; full sats frå 25-årsdagen [FØRESETNAD].",
                "[V]"))
        for year in range(frm.year, to.year + 1):
            may1 = date(year, 5, 1)
            if frm < may1 <= to:
                g["diagnosis"].append(_diag(
                    "g-change-in-period", "sosialtjenesteloven § 35 andre ledd",
                    f"Perioden krysser 1. mai {year}: nytt grunnbeløp (G, T1) bare for dagene fra 1. mai (R12).",
                    f"Perioden kryssar 1. mai {year}: nytt grunnbeløp (G, T1) berre for dagane frå 1. mai (R12).",
                    "[V]/[S] T1"))
        if frm < date(2024, 7, 1) <= to:
            g["diagnosis"].append(_diag(
                "factor-change-in-period", "sosialtjenesteloven § 35 andre ledd",
                "Perioden krysser 1. juli 2024: 2 G før, 2,041 G fra (LOV-2023-12-20-95).",
                "Perioden kryssar 1. juli 2024: 2 G før, 2,041 G frå (LOV-2023-12-20-95).", "[V]"))
        if decision.children:
            g["diagnosis"].append(_diag(
                "barnetillegg", "sosialtjenesteloven § 35 fjerde ledd; forskrift § 3",
                "Barnetillegg inngår i brutto: sats per barn per stønadsdag (forskrift § 3, AAP-forskriften § 8) og antall barn.",
                "Barnetillegg inngår i brutto: sats per barn per stønadsdag og tal på barn.", "[V]"))
        _confirm_single_rate(decision, per, g)
        if not g["diagnosis"]:
            g["diagnosis"].append(_diag(
                "stonadsdager", "sosialtjenesteloven § 35 tredje ledd",
                "Sjekk stønadsdagene og dagsatsen (1/260 av årsbeløpet, R2, R5).",
                "Sjekk stønadsdagane og dagsatsen (1/260 av årsbeløpet).", "[V]"))

    w = by.get("work")
    if w and w["differs"] and w["nav"] is not None and gross and gross_base is not None:
        nav_w, comp_w = Decimal(w["nav"]), Decimal(w["computed"])
        if comp_w > 0 and gross > 0:
            share = comp_w / gross
            base_only = share * gross_base
            if gross_base != gross and abs(base_only - nav_w) <= Decimal("0.05"):
                w["diagnosis"].append(_diag(
                    "work-excluding-barnetillegg", "sosialtjenesteloven § 37",
                    "Navs reduksjon tilsvarer timeandelen av grunnstønaden alene. § 37: «reduseres stønaden "
                    "inkludert barnetillegg tilsvarende» [V].",
                    "Nav si reduksjon svarar til timedelen av grunnstønaden åleine. § 37: «stønaden inkludert barnetillegg» [V].",
                    "[V]"))
        kinds = {str(x.kind) for x in decision.work}
        if not w["diagnosis"]:
            if "omsorgsstonad" in kinds:
                w["diagnosis"].append(_diag(
                    "wrong-reduction-method", "sosialtjenesteloven § 37",
                    "Omsorgsstønad er inntektsgivende arbeid; reduksjonen beregnes «i forhold til antall timer», "
                    "ikke etter beløpet som er utbetalt [V § 37; 2025-brevet].",
                    "Omsorgsstønad er inntektsgjevande arbeid; reduksjonen skal reknast etter talet på timar, "
                    "ikkje etter utbetalt beløp [V § 37; 2025-brevet].", "[V]"))
            elif "fosterhjem" in kinds and nav_w > 0:
                w["diagnosis"].append(_diag(
                    "non-coordinable-benefit-deducted", "sosialtjenesteloven § 37",
                    "Fosterhjemsgodtgjøring er ikke inntektsgivende arbeid og reduserer ikke stønaden [V direktoratet 2018].",
                    "Fosterheimsgodtgjersle er ikkje inntektsgjevande arbeid [V direktoratet 2018].", "[V]"))
            else:
                w["diagnosis"].append(_diag(
                    "wrong-reduction-method", "sosialtjenesteloven § 37",
                    "Reduksjonen skal være timeandelen (timer / 7,5 × stønadsdager) av brutto inkludert barnetillegg.",
                    "Reduksjonen skal vere timedelen av brutto inkludert barnetillegg.", "[V]/[INF]"))

    a = by.get("absence")
    if a and a["differs"] and a["nav"] is not None:
        nav_a = Decimal(a["nav"])
        days = [x for x in decision.absence if not x.valid and frm <= x.date <= to]
        stdager = per.get("stonadsdager") or 0
        if gross_base and stdager:
            day_rate = gross_base / Decimal(stdager)
            if days and abs(day_rate * len(days) - nav_a) <= Decimal("0.05"):
                a["diagnosis"].append(_diag(
                    "absence-whole-days", "sosialtjenesteloven § 36",
                    f"Nav har trukket {len(days)} hele dager, også for fravær under en hel dag. § 36: «reduseres "
                    "tilsvarende» — trekk per time [FORUTSETNING ABSENCE_METHOD=hours].",
                    f"Nav har trekt {len(days)} heile dagar, også for fråvær under ein heil dag; trekk per time [FØRESETNAD].",
                    "[V]/[ASSUMPTION]"))
        if not a["diagnosis"]:
            a["diagnosis"].append(_diag(
                "absence", "sosialtjenesteloven § 36",
                "Trekket for ugyldig fravær avviker: timer / 7,5 av dagsatsen for grunnstønaden [FORUTSETNING].",
                "Trekket for ugyldig fråvær avvik: timar / 7,5 av dagsatsen [FØRESETNAD].", "[V]/[ASSUMPTION]"))

    s = by.get("samordning")
    if s and s["differs"] and s["nav"] is not None and Decimal(s["nav"]) > Decimal(s["computed"] or 0):
        coordinable = any(str(b.kind) in ("dagpenger", "sykepenger", "foreldrepenger")
                          and b.periode.fra <= to and frm <= b.periode.til for b in decision.benefits)
        if not coordinable:
            s["diagnosis"].append(_diag(
                "non-coordinable-benefit-deducted", "sosialtjenesteloven § 38",
                "Nav har samordnet uten at dagpenger, sykepenger eller foreldrepenger ligger bak; listen i § 38 "
                "er uttømmende [V].",
                "Nav har samordna utan at dagpengar, sjukepengar eller foreldrepengar ligg bak; lista i § 38 er uttømmande [V].",
                "[V]"))
            if any(str(x.kind) == "omsorgsstonad" for x in decision.work):
                s["diagnosis"].append(_diag(
                    "wrong-hjemmel", "sosialtjenesteloven § 37",
                    "Omsorgsstønad er inntektsgivende arbeid etter § 37 (reduksjon etter timer), ikke en ytelse etter "
                    "§ 38 [V 2025-brevet].",
                    "Omsorgsstønad er inntektsgjevande arbeid etter § 37 (reduksjon etter timar), ikkje ei yting etter § 38 [V 2025-brevet].",
                    "[V]"))


# --------------------------------------------------------------------------------------------------
# Procedural checks A-01 … A-10 (+ R22) derived from the import

def _check(check_id, code, status, title_nb, title_nn, hjemmel, detail, *, category=None, fvl=None):
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
    evaluation: Mapping[str, Any] | None = None,
    *,
    today: date,
    foreløpig_svar_sent: date | None = None,
) -> list[dict]:
    """The checks of appeals.md §9 that the import allows, each with a status; support only."""
    ev = evaluation or {}
    flags = set(ev.get("flags") or ())
    dec = decision.decision
    appeal = decision.appeal
    checks: list[dict] = []

    # age 18–67 from 2019 (lower limit 19 before).
    start = decision.programme.periode.fra
    age = _age_on(decision.participant.birth_date, start)
    if dec.kind == DecisionKind.AVSLAG and dec.date >= date(2019, 1, 1) and age == 18:
        checks.append(_check("A-01", "age-18", "flag", "Aldersgrense 18 år fra 2019",
                             "Aldersgrense 18 år frå 2019", "sosialtjenesteloven § 29",
                             "Avslag etter 2019 for en 18-åring: avslag med grunnlag «under 19» er feil.",
                             category=LOVTOLKNING))
    elif age < 18 or age >= 67:
        checks.append(_check("A-01", "age-outside-18-67", "question", "Alder utenfor 18–67 år",
                             "Alder utanfor 18–67 år", "sosialtjenesteloven § 29",
                             f"Deltakeren er {age} år ved programstart {_fmt(start)}; vilkåret må vurderes (flagg, ikke avslag)."))

    # duration.
    first = decision.programme.first_start
    if first is not None:
        years = (decision.programme.periode.til - first).days / 365.25
        if years > 3:
            checks.append(_check("A-02", "duration-over-3-years", "error", "Programmet varer mer enn tre år",
                                 "Programmet varer meir enn tre år", "sosialtjenesteloven § 32",
                                 f"Fra {_fmt(first)} til {_fmt(decision.programme.periode.til)} (godkjent permisjon og avbrudd ikke trukket fra: sjekk).",
                                 category=LOVTOLKNING))
        elif years > 2:
            checks.append(_check("A-02", "duration-over-2-years", "question", "Forlengelse ut over to år ⚖",
                                 "Forlenging ut over to år ⚖", "sosialtjenesteloven § 32",
                                 "«Når særlige grunner tilsier det, kan programmet forlenges med inntil ett år» (F11)."))
    if decision.programme.periode.antall_dager > 366:
        checks.append(_check("A-02", "vedtak-period-over-one-year", "flag", "Vedtaksperioden er lengre enn ett år",
                             "Vedtaksperioden er lengre enn eitt år", "forskrift § 2",
                             "«Et vedtak om kvalifiseringsprogram fattes for inntil ett år om gangen» [V].",
                             category=LOVTOLKNING))

    # full time.
    if "below-full-time" in flags:
        checks.append(_check("A-03", "below-full-time", "flag", "Arbeid og aktiviteter under full tid",
                             "Arbeid og aktivitetar under full tid", "sosialtjenesteloven § 30",
                             "Summen skal «minst utgjøre full tid» (37,5 t/uke, forskrift § 1)."))

    # covid absence.
    covid = [a for a in decision.absence if date(2020, 3, 16) <= a.date <= date(2020, 12, 31)]
    if covid:
        checks.append(_check("A-04", "covid-absence", "question", "Fravær i koronaperioden ⚖",
                             "Fråvær i koronaperioden ⚖", "forskrift § 17a",
                             f"{len(covid)} fraværsdag(er) 16.03.–31.12.2020: koronareglene (ikke trekk; egenmelding 16 dager) må vurderes; regelen vises, ikke beregnes."))

    # A-05 / R8: absence deduction and the reservation in the grant decision.
    deducted = any(str(d.kind) == "fravaer" for p in decision.payments for d in p.deductions)
    invalid = any(not a.valid for a in decision.absence)
    if deducted or invalid:
        if dec.absence_reservation is False:
            checks.append(_check("A-05", "absence-without-reservation", "error",
                                 "Trekk for fravær uten forbehold i innvilgelsesvedtaket",
                                 "Trekk for fråvær utan atterhald i innvilgingsvedtaket", "forvaltningsloven §§ 24–25",
                                 "Innvilgelsesvedtaket hadde ikke forbehold om trekk for ugyldig fravær: trekket er da selv et "
                                 "enkeltvedtak som må begrunnes og kan påklages [S nav-kommune-old; R8].",
                                 category=SAKSBEHANDLING, fvl="fvl. §§ 24–25"))
        elif dec.absence_reservation is None:
            checks.append(_check("A-05", "absence-reservation-unknown", "question",
                                 "Hadde innvilgelsesvedtaket forbehold om trekk for fravær?",
                                 "Hadde innvilgingsvedtaket atterhald om trekk for fråvær?", "sosialtjenesteloven § 36",
                                 "Ukjent i importen. Uten forbehold er trekket et eget enkeltvedtak (fvl. §§ 24–25) (R8)."))
        else:
            checks.append(_check("A-05", "absence-reservation", "ok", "Forbehold om fraværstrekk i innvilgelsesvedtaket",
                                 "Atterhald om fråværstrekk i innvilgingsvedtaket", "sosialtjenesteloven § 36",
                                 "Trekket gjennomfører innvilgelsesvedtaket."))

    # klagefrist (details in admissibility).
    if "late-appeal" in flags or "over-one-year" in flags:
        checks.append(_check("A-07", "late-appeal" if "over-one-year" not in flags else "over-one-year",
                             "error" if "over-one-year" in flags else "question",
                             "Klagefrist", "Klagefrist", "forvaltningsloven § 31",
                             "Se kravene til å behandle klagen (frist og ettårsgrense)."))
    if "notice-date-unknown" in flags or dec.notice_received is None:
        checks.append(_check("A-07", "notice-date-unknown", "question", "Når kom vedtaket frem?",
                             "Når kom vedtaket fram?", "forvaltningsloven § 29",
                             "Datoen er et faktum juristen må fastsette; klagefristen kan ellers ikke beregnes."))

    # R21 form.
    if appeal.signed is False:
        checks.append(_check("R21", "appeal-unsigned", "flag", "Klagen er ikke underskrevet",
                             "Klaga er ikkje underskriven", "forvaltningsloven § 32",
                             "Mangelfull klage: sett en kort frist for retting (fvl. § 32; ny § 66 fjerde ledd).",
                             category=SAKSBEHANDLING, fvl="fvl. §§ 28–33"))

    # R22 / A-08 underinstans.
    if appeal.forwarded is None:
        checks.append(_check("R22", "not-forwarded", "question", "Oversendelsesdato mangler",
                             "Oversendingsdato manglar", "forvaltningsloven § 33",
                             "Nav-kontoret skal vurdere klagen og sende saken med sin uttalelse (oversendelse)."))
    if not appeal.nav_statement:
        checks.append(_check("R22", "nav-statement-missing", "flag", "Navs uttalelse (innstilling) mangler",
                             "Nav si fråsegn (innstilling) manglar", "forvaltningsloven § 33",
                             "Underinstansen skal gi en uttalelse som sendes parten i kopi [S/V ny § 67].",
                             category=SAKSBEHANDLING, fvl="fvl. §§ 28–33"))
    # Dates in order (appeals.md §8 item 13).
    seq = [("decision.date", dec.date), ("decision.notice_received", dec.notice_received),
           ("appeal.sent", appeal.sent), ("appeal.received", appeal.received), ("appeal.forwarded", appeal.forwarded),
           ("appeal.statsforvalteren_received", appeal.statsforvalteren_received)]
    known = [(n, d) for n, d in seq if d is not None]
    for (n1, d1), (n2, d2) in zip(known, known[1:]):
        if d1 > d2:
            checks.append(_check("A-13", "dates-out-of-order", "flag", "Datoene står i feil rekkefølge",
                                 "Datoane står i feil rekkjefølgje", None, f"{n1} {_fmt(d1)} er etter {n2} {_fmt(d2)}."))
    for n, d in known:
        if d > today:
            checks.append(_check("A-13", "date-in-future", "flag", "Dato i framtiden", "Dato i framtida", None,
                                 f"{n} {_fmt(d)} er etter i dag."))

    # A-10 processing time.
    arrived = appeal.statsforvalteren_received or appeal.forwarded
    if arrived is not None and arrived <= today:
        age_days = (today - arrived).days
        if today > add_months(arrived, 3):
            checks.append(_check("A-10", "processing-over-3-months", "flag", "Saken er eldre enn tre måneder",
                                 "Saka er eldre enn tre månader", None,
                                 f"Mottatt {_fmt(arrived)} ({age_days} dager). Mål: minst 90 % innen tre måneder [S]."))
        if today > add_months(arrived, 1) and foreløpig_svar_sent is None:
            checks.append(_check("A-10", "forelopig-svar-due", "flag", "Send foreløpig svar",
                                 "Send førebels svar", "forvaltningsloven § 11 a",
                                 f"Mottatt {_fmt(arrived)}; svar tar mer enn én måned (kobling til fvl. § 11 a [INF])."))
    return checks


# --------------------------------------------------------------------------------------------------
# The four review topics (appeals.md §3)

REVIEW_TOPICS = (
    ("faktum", "Faktum og utredning", "Faktum og utgreiing", "forvaltningsloven § 17", "full prøving"),
    ("saksbehandling", "Saksbehandling", "Sakshandsaming", "forvaltningsloven § 34", "full prøving"),
    ("rettsanvendelse", "Lovtolkning og rettsanvendelse", "Lovtolking og rettsbruk", "sosialtjenesteloven § 48",
     "full prøving; beregningen kan erstatte Navs"),
    ("skjonn", "Fritt skjønn", "Fritt skjønn", "sosialtjenesteloven § 48",
     "endres bare hvis skjønnet er «åpenbart urimelig»; ellers stadfeste eller oppheve"),
)


def review_topics(
    decision: NavDecision,
    evaluation: Mapping[str, Any],
    *,
    discretion: Iterable[Mapping[str, Any]] | None = None,
    checks: Iterable[Mapping[str, Any]] | None = None,
    comparison: Iterable[Mapping[str, Any]] | None = None,
) -> list[dict]:
    """Sort the findings under the four review topics (guide 8.2): each topic gets its items
    (discrepancies by category, procedural checks, ⚖ points by kind, the claimant's arguments under
    the topic the jurist files them — arguments are listed once under ``arguments``)."""
    discretion = list(discretion or ())
    checks = list(checks or ())
    discrepancies = list(evaluation.get("discrepancies") or ())
    items: dict[str, list[dict]] = {t[0]: [] for t in REVIEW_TOPICS}
    for d in discrepancies:
        cat = d.get("category")
        topic = {FAKTUM: "faktum", SAKSBEHANDLING: "saksbehandling"}.get(cat, "rettsanvendelse")
        if cat in (ROUNDING, "information"):
            continue
        items[topic].append({"source": "discrepancy", "code": d.get("code"), "period": d.get("period"),
                             "hjemmel": d.get("hjemmel"), "lovdata_url": lovdata_url(d.get("hjemmel")),
                             "category": cat})
    if not discrepancies and comparison is not None:
        for per in comparison:
            for row in per["rows"]:
                if row["differs"] and row["component"] != "net":
                    items["rettsanvendelse"].append({
                        "source": "comparison", "code": row["component"], "period": per["period"],
                        "hjemmel": row["hjemmel"], "lovdata_url": row["lovdata_url"],
                        "diagnosis": [x["code"] for x in row["diagnosis"]]})
    for c in checks:
        if c["status"] == "ok":
            continue
        topic = "saksbehandling" if c.get("proposed_category") == SAKSBEHANDLING or c["id"] in ("R21", "R22", "A-10", "A-13", "A-07") else (
            "faktum" if c["status"] == "question" else "rettsanvendelse")
        items[topic].append({"source": "check", "code": c["code"], "id": c["id"], "hjemmel": c["hjemmel"],
                             "lovdata_url": c["lovdata_url"], "status": c["status"]})
    for p in discretion:
        topic = {"faktum": "faktum", "fritt_skjonn": "skjonn"}.get(p["kind"], "rettsanvendelse")
        items[topic].append({"source": "discretion", "code": p["code"], "hjemmel": p["hjemmel"],
                             "lovdata_url": p["lovdata_url"], "kind": p["kind"]})
    out = []
    for code, nb, nn, hjemmel, scope in REVIEW_TOPICS:
        out.append({"code": code, "title_nb": nb, "title_nn": nn, "hjemmel": hjemmel,
                    "lovdata_url": lovdata_url(hjemmel), "scope": scope, "items": items[code]})
    return out
