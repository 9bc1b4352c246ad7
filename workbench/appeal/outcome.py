"""The outcome: the engine's suggestion, the blocks the jurist's choice must pass, reformatio in peius.

Domain: ``appeals.md`` §2 (avvisning), §5 (outcome types and the labelling rule), §8 (finalize gate
items 1–3 and 5); ``rules.md`` R20, R24, R25; ``law.md`` §5.4.

* **avvise** — always when the appeal was sent more than one year after the decision [V fvl. § 31 via
  Troms og Finnmark; ``ONE_YEAR_REFERENCE`` ASSUMPTION]; when late and the jurist has recorded that it is
  *not* taken under consideration (fvl. § 31 ⚖). Late and not yet assessed → the suggestion on the merits
  is given, and ``requires`` says the jurist must decide admission first.
* **til_gunst** (computed total higher than Nav's beyond ±1 kr [ASSUMPTION ``ROUNDING_TOLERANCE``]) →
  ``omgjore`` (``omgjore_delvis`` when periods go both ways). «stadfeste» is blocked: a change in the
  claimant's favour is never labelled «stadfestet» [S Sivilombudet; appeals.md §5, A-09].
* **uendret** (within the tolerance) → ``stadfeste``; a ±1 kr difference is rounding (R13).
* **til_ugunst** → ``stadfeste`` with a warning; «endre til ugunst» is blocked unless the jurist has
  recorded overriding interests **and** a varsel sent within 3 months after the Nav office received the
  appeal (``appeal.received``; unknown → the jurist must establish it) [V old fvl. § 34 via jusinfo; V new
  § 68(4); rules.md R24].
* **fritt skjønn** (Nav's, ``limited_by_sotjl_48``) — «endre» on that point only with a recorded finding
  that the skjønn is «åpenbart urimelig», with reasons and the self-government weighing [V sotjl § 48;
  R25; F15]; otherwise stadfeste or oppheve og sende tilbake.
* **G regulated after the decision** [INF rules.md T1] — information, not a discrepancy.

The engine suggests; the jurist decides. Nothing here writes anything.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any
from collections.abc import Iterable, Mapping

from workbench.appeal.classification import reclassification_errors
from workbench.appeal.discretion import direction, discretion_points
from workbench.appeal.taxonomy import INFORMATION
from workbench.formats.evaluation_json import EvaluationRecord
from workbench.law import fvl_klagefrist
from workbench.law.calendar import add_months
from workbench.law.lovdata import lovdata_url
from workbench.law.model import NavDecision

STADFESTE = "stadfeste"
OMGJORE = "omgjore"
OMGJORE_DELVIS = "omgjore_delvis"
OPPHEVE = "oppheve"
AVVISE = "avvise"

#: Outcomes as data with a stable id (appeals.md §5: persist the id, not the label). nn is [INF].
OUTCOMES: dict[str, dict[str, str]] = {
    STADFESTE: {"label_nb": "Stadfeste", "label_nn": "Stadfeste", "kabal": "STADFESTELSE",
                "letter_nb": "Statsforvalteren stadfester vedtaket.",
                "letter_nn": "Statsforvaltaren stadfestar vedtaket.",
                "past_nb": "stadfestet", "past_nn": "stadfesta"},
    OMGJORE: {"label_nb": "Endre (omgjøre)", "label_nn": "Endre (omgjere)", "kabal": "MEDHOLD / UGUNST",
              "letter_nb": "Statsforvalteren endrer vedtaket.",
              "letter_nn": "Statsforvaltaren endrar vedtaket.",
              "past_nb": "endret", "past_nn": "endra"},
    OMGJORE_DELVIS: {"label_nb": "Endre delvis", "label_nn": "Endre delvis", "kabal": "DELVIS_MEDHOLD",
                     "letter_nb": "Statsforvalteren endrer vedtaket delvis.",
                     "letter_nn": "Statsforvaltaren endrar vedtaket delvis.",
                     "past_nb": "delvis endret", "past_nn": "delvis endra"},
    OPPHEVE: {"label_nb": "Oppheve og sende tilbake", "label_nn": "Oppheve og sende tilbake", "kabal": "OPPHEVET",
              "letter_nb": "Statsforvalteren opphever vedtaket og sender saken tilbake til Nav-kontoret for ny behandling.",
              "letter_nn": "Statsforvaltaren opphevar vedtaket og sender saka tilbake til Nav-kontoret for ny behandling.",
              "past_nb": "opphevet", "past_nn": "oppheva"},
    AVVISE: {"label_nb": "Avvise", "label_nn": "Avvise", "kabal": "AVVIST",
             "letter_nb": "Statsforvalteren avviser klagen.",
             "letter_nn": "Statsforvaltaren avviser klaga.",
             "past_nb": "avvist", "past_nn": "avvist"},
}
ENDRE = (OMGJORE, OMGJORE_DELVIS)

#: fvl. § 28 third paragraph: «Klageinstansens vedtak om å avvise klagen kan likevel påklages, unntatt a) når også
#: underinstansen traff vedtak om å avvise klagen, b) når underinstansen har prøvd avvisningsspørsmålet og kommet
#: til at vilkårene for realitetsbehandling er til stede» (c and d never apply here) [S Ot.prp. nr. 83 (2002–2003);
#: appeals.md §11]. The jurist records which applies; «ingen»: the dismissal may be appealed.
AVVISNING_EXCEPTIONS: dict[str, str] = {
    "a": "Nav-kontoret avviste også klagen (unntak a): avvisningen er endelig",
    "b": "Nav-kontoret vurderte om klagen kunne behandles, og kom til at den kunne det (unntak b): avvisningen er endelig",
    "ingen": "Ingen av delene: klageren kan klage på avvisningen",
}
#: fvl. § 31 first paragraph: a late appeal may be heard when «a) parten eller hans fullmektig ikke kan lastes for å
#: ha oversittet fristen …, eller b) det av særlige grunner er rimelig at klagen blir prøvd» (⚖; appeals.md §11).
LATE_APPEAL_GROUNDS: dict[str, str] = {
    "ikke_lastes": "Klageren kan ikke lastes for at klagen kom for sent (§ 31 første ledd bokstav a)",
    "saerlige_grunner": "Særlige grunner gjør det rimelig at klagen blir prøvd (§ 31 første ledd bokstav b)",
}
TOLERANCE = Decimal("1")  # ROUNDING_TOLERANCE [ASSUMPTION] (R13)
REFORMATIO_MONTHS = 3  # fvl. § 34 «innen 3 måneder etter at underinstansen mottok klagen» [V jusinfo-34]


# --------------------------------------------------------------------------------------------------
# What the jurist recorded


@dataclass(frozen=True, slots=True)
class S48Finding:
    """The jurist's sotjl § 48 assessment of one fritt-skjønn point (F15)."""

    code: str  # the discretion code, e.g. "F14"
    apenbart_urimelig: bool
    reasons: str = ""
    self_government: str = ""  # how municipal self-government was weighed (fvl. § 34; Prop. 64 L)


@dataclass(frozen=True, slots=True)
class DiscretionAnswer:
    """The jurist's answer to one ⚖ point (any kind): what was decided and why (appeals.md §8 item 5)."""

    code: str
    answer: str
    reasons: str = ""


@dataclass(frozen=True, slots=True)
class Reclassification:
    discrepancy: str  # discrepancy code (and period, "code@from/to", when the code repeats)
    category: str
    reason: str
    fvl_provision: str | None = None


@dataclass(frozen=True, slots=True)
class Recorded:
    """What the jurist has recorded on the case page (None = not recorded)."""

    late_appeal_admitted: bool | None = None  # fvl. § 31 ⚖
    late_appeal_reasons: str | None = None
    notice_received: date | None = None  # established by the jurist where the import has none
    appeal_received: date | None = None  # ditto, for the R24 three months
    reformatio_interests: str | None = None  # the overriding public/private interests (R24)
    reformatio_varsel: date | None = None  # the day the varsel om endring til ugunst was sent
    s48_findings: tuple[S48Finding, ...] = ()
    chosen_outcome: str | None = None
    outcome_reasons: str | None = None
    reclassifications: tuple[Reclassification, ...] = field(default_factory=tuple)
    discretion_answers: tuple[DiscretionAnswer, ...] = ()
    #: fvl. § 28 third paragraph: may the dismissal be appealed? (AVVISNING_EXCEPTIONS; appeals.md §11)
    avvisning_exception: str | None = None
    #: fvl. § 31 first paragraph: why a late appeal is heard anyway (LATE_APPEAL_GROUNDS; appeals.md §11)
    late_appeal_ground: str | None = None

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict (dates ISO) for storage; :meth:`from_json` reads it back."""
        def iso(d: date | None) -> str | None:
            return d.isoformat() if d else None

        return {
            "late_appeal_admitted": self.late_appeal_admitted,
            "late_appeal_reasons": self.late_appeal_reasons,
            "notice_received": iso(self.notice_received),
            "appeal_received": iso(self.appeal_received),
            "reformatio_interests": self.reformatio_interests,
            "reformatio_varsel": iso(self.reformatio_varsel),
            "s48_findings": [{"code": f.code, "apenbart_urimelig": f.apenbart_urimelig, "reasons": f.reasons,
                              "self_government": f.self_government} for f in self.s48_findings],
            "chosen_outcome": self.chosen_outcome,
            "outcome_reasons": self.outcome_reasons,
            "reclassifications": [{"discrepancy": r.discrepancy, "category": r.category, "reason": r.reason,
                                   "fvl_provision": r.fvl_provision} for r in self.reclassifications],
            "discretion_answers": [{"code": a.code, "answer": a.answer, "reasons": a.reasons}
                                   for a in self.discretion_answers],
            "avvisning_exception": self.avvisning_exception,
            "late_appeal_ground": self.late_appeal_ground,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any] | None) -> Recorded:
        data = data or {}

        def d(v: Any) -> date | None:
            return date.fromisoformat(v) if v else None

        return cls(
            late_appeal_admitted=data.get("late_appeal_admitted"),
            late_appeal_reasons=data.get("late_appeal_reasons"),
            notice_received=d(data.get("notice_received")),
            appeal_received=d(data.get("appeal_received")),
            reformatio_interests=data.get("reformatio_interests"),
            reformatio_varsel=d(data.get("reformatio_varsel")),
            s48_findings=tuple(S48Finding(**f) for f in data.get("s48_findings") or ()),
            chosen_outcome=data.get("chosen_outcome"),
            outcome_reasons=data.get("outcome_reasons"),
            reclassifications=tuple(Reclassification(**r) for r in data.get("reclassifications") or ()),
            discretion_answers=tuple(DiscretionAnswer(**a) for a in data.get("discretion_answers") or ()),
            avvisning_exception=data.get("avvisning_exception"),  # absent in JSON stored before issue 12: None
            late_appeal_ground=data.get("late_appeal_ground"),
        )

    def answer(self, code: str) -> DiscretionAnswer | None:
        for a in self.discretion_answers:
            if a.code == code:
                return a
        return None

    def finding(self, code: str) -> S48Finding | None:
        for f in self.s48_findings:
            if f.code == code:
                return f
        return None


# --------------------------------------------------------------------------------------------------
# Reformatio in peius (R24)


def reformatio_deadline(decision: NavDecision, *, recorded: Recorded | None = None) -> date | None:
    """``appeal.received`` + 3 months (or the date the jurist established); None when unknown."""
    received = decision.appeal.received or (recorded.appeal_received if recorded else None)
    return add_months(received, REFORMATIO_MONTHS) if received else None


def reformatio_status(decision: NavDecision, *, today: date, recorded: Recorded | None = None) -> dict[str, Any]:
    """Whether «endre til ugunst» is unlocked, and why not.

    ``{"received", "received_source", "deadline", "today_within", "days_left", "varsel",
    "varsel_within", "interests_recorded", "unlocked", "missing": [(field, reason)], "hjemmel",
    "lovdata_url"}``
    """
    rec = recorded or Recorded()
    received = decision.appeal.received or rec.appeal_received
    source = "import" if decision.appeal.received else ("jurist" if rec.appeal_received else None)
    deadline = add_months(received, REFORMATIO_MONTHS) if received else None
    missing: list[tuple[str, str]] = []
    interests = bool(rec.reformatio_interests and rec.reformatio_interests.strip())
    if not interests:
        missing.append(("reformatio.interests",
                        "Juristen har ikke registrert hvilke private eller offentlige interesser klagerens interesser "
                        "må vike for (fvl. § 34)."))
    if deadline is None:
        missing.append(("appeal.received",
                        "Datoen Nav-kontoret mottok klagen er ukjent: juristen må fastsette den før tremånedersfristen kan beregnes."))
    varsel = rec.reformatio_varsel
    varsel_within = None
    if varsel is None:
        if deadline is not None and today > deadline:
            missing.append(("reformatio.varsel",
                            f"Fristen for varsel om endring til ugunst gikk ut {deadline.isoformat()} "
                            "(3 måneder etter at Nav-kontoret mottok klagen)."))
        else:
            missing.append(("reformatio.varsel",
                            "Varsel om endring til ugunst er ikke registrert sendt"
                            + (f"; det må sendes senest {deadline.isoformat()}." if deadline else ".")))
    else:
        if varsel > today:
            missing.append(("reformatio.varsel", f"Varseldatoen {varsel.isoformat()} er i framtiden: registrer den når varselet er sendt."))
        if deadline is not None:
            varsel_within = varsel <= deadline
            if not varsel_within:
                missing.append(("reformatio.varsel",
                                f"Varselet ({varsel.isoformat()}) er sendt etter fristen {deadline.isoformat()} "
                                "(3 måneder etter mottak av klagen)."))
        if varsel < decision.appeal.sent:
            missing.append(("reformatio.varsel", "Varseldatoen er før klagen ble sendt."))
    return {
        "received": received.isoformat() if received else None,
        "received_source": source,
        "deadline": deadline.isoformat() if deadline else None,
        "today_within": (today <= deadline) if deadline else None,
        "days_left": (deadline - today).days if deadline else None,
        "varsel": varsel.isoformat() if varsel else None,
        "varsel_within": varsel_within,
        "interests_recorded": interests,
        "unlocked": not missing,
        "missing": missing,
        "hjemmel": "forvaltningsloven § 34",
        "lovdata_url": lovdata_url("forvaltningsloven § 34"),
    }


# --------------------------------------------------------------------------------------------------
# G regulated after the decision (T1 [INF]) — information


def g_regulated_after_decision(decision: NavDecision, parameters: Any = None) -> list[dict[str, Any]]:
    """G rows in force on some payment day but fixed (``fixed`` in the G table) after Nav's decision.

    [INF rules.md T1] «If Nav's decision was made before the new G was fixed, a difference caused only
    by the new G is not an error by Nav. Report it as "G regulated after the decision" (category:
    information), not as a discrepancy.» Rows without a known fixing day are not reported.
    """
    if parameters is None:
        try:
            from workbench.law.parameters import default_parameters  # noqa: PLC0415
        except ImportError:
            return []
        parameters = default_parameters()
    if not decision.payments:
        return []
    last = max(p.periode.til for p in decision.payments)
    first = min(p.periode.fra for p in decision.payments)
    out = []
    rows = list(parameters.g.rows)
    for i, row in enumerate(rows):
        end = rows[i + 1].fra if i + 1 < len(rows) else None
        in_force = row.fra <= last and (end is None or end > first)
        if in_force and row.fixed is not None and row.fixed > decision.decision.date:
            out.append({
                "code": "g-regulated-after-decision",
                "category": INFORMATION,
                "g_from": row.fra.isoformat(),
                "g_value": row.text,
                "fixed": row.fixed.isoformat(),
                "decision_date": decision.decision.date.isoformat(),
                "status": "[INF]",
                "hjemmel": "sosialtjenesteloven § 35",
                "lovdata_url": lovdata_url("sosialtjenesteloven § 35"),
                "explanation_nb": (f"G fra {row.fra.isoformat()} ({row.text} kr) ble fastsatt {row.fixed.isoformat()}, etter Navs vedtak "
                                   f"{decision.decision.date.isoformat()}. En forskjell som bare skyldes ny G er ikke en feil fra Nav "
                                   "(informasjon, ikke avvik)."),
                "explanation_nn": (f"G frå {row.fra.isoformat()} ({row.text} kr) vart fastsett {row.fixed.isoformat()}, "
                                   "etter vedtaket til Nav "
                                   f"{decision.decision.date.isoformat()}. Ein skilnad som berre kjem av ny G er ikkje ein feil frå Nav."),
            })
    return out


# --------------------------------------------------------------------------------------------------
# The suggestion


def _period_directions(evaluation: EvaluationRecord) -> set[str]:
    out = set()
    for p in evaluation.periods:
        d = p.difference
        if d is None:
            continue
        out.add("til_gunst" if d > TOLERANCE else "til_ugunst" if d < -TOLERANCE else "uendret")
    return out


def _block(option: str, reason: str, hjemmel: str | None) -> dict[str, Any]:
    return {"option": option, "reason": reason, "hjemmel": hjemmel, "lovdata_url": lovdata_url(hjemmel)}


def _labelled(code: str | None) -> dict[str, Any]:
    meta = OUTCOMES.get(code or "", {})
    return {"code": code, "label_nb": meta.get("label_nb"), "label_nn": meta.get("label_nn"),
            "letter_nb": meta.get("letter_nb"), "letter_nn": meta.get("letter_nn")}


def suggest_outcome(
    decision: NavDecision,
    evaluation: EvaluationRecord,
    *,
    today: date,
    recorded: Recorded | None = None,
    discretion: Iterable[Mapping[str, Any]] | None = None,
) -> dict[str, Any]:
    """The engine's suggestion (never a decision).

    Returns ``{"code", "label_nb", "label_nn", "letter_nb", "letter_nn", "direction",
    "difference", "reasons": [str], "warnings": [str], "requires": [{"field", "reason"}],
    "blocked": [{"option", "reason", "hjemmel", "lovdata_url"}], "alternatives": [{"code", "when"}],
    "reformatio": dict | None, "information": [dict], "sakskostnader": bool}``.
    ``code`` is None only when the total could not be computed (parameter-missing).
    """
    rec = recorded or Recorded()
    points = list(discretion) if discretion is not None else discretion_points(decision, evaluation)
    comp = fvl_klagefrist.compute(decision, notice_received=rec.notice_received)
    reasons: list[str] = []
    warnings: list[str] = []
    requires: list[dict[str, Any]] = []
    blocked: list[dict[str, Any]] = []
    alternatives: list[dict[str, Any]] = []
    info = g_regulated_after_decision(decision)
    direc = direction(evaluation)
    total = evaluation.total

    def result(code: str | None, **extra: Any) -> dict[str, Any]:
        out = _labelled(code)
        out.update({
            "direction": extra.get("direction", direc),
            "difference": total.difference,
            "reasons": reasons, "warnings": warnings, "requires": requires, "blocked": blocked,
            "alternatives": alternatives, "reformatio": extra.get("reformatio"), "information": info,
            "sakskostnader": extra.get("direction", direc) == "til_gunst" and code in ENDRE,
        })
        return out

    # 1. Admissibility before the merits (appeals.md §2).
    if comp.over_one_year:
        reasons.append(f"Klagen ble sendt {comp.sent.isoformat()}, mer enn ett år etter vedtaket {comp.decision_date.isoformat()} "
                       f"(grense {comp.one_year_limit.isoformat()}): den skal avvises (fvl. § 31) [V].")
        for opt in (STADFESTE, OMGJORE, OMGJORE_DELVIS, OPPHEVE):
            blocked.append(_block(opt, "Klagen kan ikke tas under behandling når det har gått mer enn ett år siden vedtaket.",
                                  "forvaltningsloven § 31"))
        return result(AVVISE, direction=None)
    if comp.timely is False:
        assert comp.deadline is not None  # a deadline was missed, so it is known
        if rec.late_appeal_admitted is False:
            reasons.append(f"Klagen kom {comp.days_late} dager for sent (frist {comp.deadline.isoformat()}), og juristen har "
                           "registrert at den ikke tas under behandling (fvl. § 31).")
            return result(AVVISE, direction=None)
        if rec.late_appeal_admitted is None:
            requires.append({"field": "admissibility.late_appeal",
                             "reason": (f"Klagen kom {comp.days_late} dager for sent (frist {comp.deadline.isoformat()}). Juristen må "
                                        "avgjøre om den likevel tas under behandling (fvl. § 31 ⚖); hvis ikke: avvise. Forslaget under "
                                        "gjelder realiteten dersom klagen tas under behandling.")})
            alternatives.append({"code": AVVISE, "when": "hvis den for sene klagen ikke tas under behandling (fvl. § 31)"})
        else:
            reasons.append("Den for sene klagen er tatt under behandling etter fvl. § 31 (registrert av juristen).")
    elif comp.timely is None:
        requires.append({"field": "decision.notice_received",
                         "reason": "Datoen vedtaket kom frem er ukjent: juristen må fastsette den før fristen kan vurderes (fvl. § 29)."})

    # 2. Merits by direction.
    diff = total.difference
    dirs = _period_directions(evaluation)
    reform = None
    if direc is None:
        reasons.append("Totalen kunne ikke beregnes (manglende parameter): motoren foreslår ikke et utfall; juristen avgjør.")
        code = None
    elif direc == "til_gunst":
        code = OMGJORE_DELVIS if "til_ugunst" in dirs else OMGJORE
        reasons.append(f"Riktig beløp etter loven er {total.net} kr mot Navs {total.nav_net} kr "
                       f"(+{diff} kr i klagerens favør): vedtaket endres.")
        if code == OMGJORE_DELVIS:
            reasons.append("Noen perioder går i klagerens favør og andre ikke: delvis endring; endring til ugunst i de andre "
                           "periodene krever vilkårene i fvl. § 34 (R24).")
        blocked.append(_block(STADFESTE, "En endring i klagerens favør kalles aldri «stadfestet» (Sivilombudet; A-09).",
                              "forvaltningsloven § 34"))
    elif direc == "uendret":
        code = STADFESTE
        if diff is not None and diff != 0:
            reasons.append(f"Forskjellen ({diff} kr) ligger innenfor avrundingstoleransen på 1 kr (R13): avrunding, ikke feil.")
        else:
            reasons.append("Navs beløp stemmer med beregningen etter loven.")
    else:  # til_ugunst
        reform = reformatio_status(decision, today=today, recorded=rec)
        if reform["unlocked"]:
            code = OMGJORE
            reasons.append(f"Riktig beløp er {total.net} kr mot Navs {total.nav_net} kr ({diff} kr). Juristen har "
                           f"registrert overordnede interesser og varsel {reform['varsel']} innen fristen {reform['deadline']}: "
                           "endring til ugunst er mulig (fvl. § 34).")
            warnings.append("Endring til ugunst for klageren (reformatio in peius): begrunn hvorfor klagerens interesser må vike.")
        else:
            code = STADFESTE
            reasons.append(f"Loven gir {total.net} kr, mindre enn Navs {total.nav_net} kr ({diff} kr).")
            warnings.append("Beregningen er til ugunst for klageren. Vedtaket kan ikke endres til skade for klageren uten "
                            "overordnede interesser og varsel innen 3 måneder etter at Nav-kontoret mottok klagen (fvl. § 34; R24). "
                            "Utfallet er derfor høyst «stadfeste».")
            why = " ".join(reason for _, reason in reform["missing"])
            for opt in ENDRE:
                blocked.append(_block(opt, f"Endring til ugunst er sperret: {why}", "forvaltningsloven § 34"))
            if reform["today_within"] and reform["varsel"] is None:
                alternatives.append({"code": OMGJORE,
                                     "when": f"hvis overordnede interesser registreres og varsel sendes senest {reform['deadline']}"})

    # 3. Fritt skjønn (sotjl § 48).
    for p in points:
        if not p.get("limited_by_sotjl_48"):
            continue
        f = rec.finding(p["code"])
        if f is None or not f.apenbart_urimelig:
            blocked.append(_block(f"{OMGJORE}:{p['code']}",
                                  f"«{p['topic']}» er Nav-kontorets frie skjønn: det kan bare endres når skjønnet er «åpenbart urimelig», "
                                  "og den vurderingen er ikke registrert" + (" (vurdert: ikke åpenbart urimelig)" if f else "") +
                                  ". Ellers stadfeste, eller oppheve og sende tilbake hvis skjønnet bygger på feil faktum, "
                                  "mangelfull utredning eller saksbehandlingsfeil.", "sosialtjenesteloven § 48"))
            alternatives.append({"code": OPPHEVE,
                                 "when": f"hvis skjønnet om «{p['topic']}» bygger på feil faktum, mangelfull utredning (fvl. § 17) "
                                         "eller en saksbehandlingsfeil"})
        else:
            reasons.append(f"Juristen har funnet Navs skjønn om «{p['topic']}» åpenbart urimelig (sotjl § 48): det kan endres.")

    # 4. Procedural errors that may call for oppheve.
    if decision.decision.absence_reservation is False and any(
            str(d.kind) == "fravaer" for pay in decision.payments for d in pay.deductions):
        alternatives.append({"code": OPPHEVE, "when": "fraværstrekket er et eget enkeltvedtak uten begrunnelse (fvl. §§ 24–25; R8)"})
    if direc == "til_gunst":
        reasons.append("Klageren får medhold: opplys om sakskostnader (fvl. § 36).")

    # de-duplicate alternatives
    seen, alts = set(), []
    for a in alternatives:
        key = (a["code"], a["when"])
        if key not in seen:
            seen.add(key)
            alts.append(a)
    alternatives[:] = alts
    return result(code, reformatio=reform)


# --------------------------------------------------------------------------------------------------
# Validation of the jurist's choice (the blocks the page shows "why")


def validate_chosen_outcome(
    decision: NavDecision,
    evaluation: EvaluationRecord,
    recorded: Recorded,
    *,
    today: date,
    discretion: Iterable[Mapping[str, Any]] | None = None,
) -> list[tuple[str, str]]:
    """Every reason the jurist's recorded outcome cannot stand, as ``(field, reason)`` — all at once
    (appeals.md §8 items 1–3, 5, 6). Empty list = the choice is consistent with the law and the record."""
    errors: list[tuple[str, str]] = []
    chosen = recorded.chosen_outcome
    points = list(discretion) if discretion is not None else discretion_points(decision, evaluation)
    comp = fvl_klagefrist.compute(decision, notice_received=recorded.notice_received)
    direc = direction(evaluation)

    if chosen is None:
        errors.append(("outcome", "Utfall er ikke valgt."))
    elif chosen not in OUTCOMES:
        errors.append(("outcome", f"Ukjent utfall «{chosen}»; gyldige: {', '.join(OUTCOMES)}."))
        chosen = None

    # Admissibility (item 1).
    if comp.over_one_year and chosen not in (None, AVVISE):
        errors.append(("outcome", "Klagen ble sendt mer enn ett år etter vedtaket: den skal avvises (fvl. § 31)."))
    if comp.timely is None and chosen is not None:
        errors.append(("decision.notice_received", "Datoen vedtaket kom frem er ikke fastsatt; klagefristen er ikke vurdert (fvl. § 29)."))
    if comp.timely is False and not comp.over_one_year:
        if recorded.late_appeal_admitted is None:
            errors.append(("admissibility.late_appeal", "Klagen kom for sent: registrer om den tas under behandling (fvl. § 31 ⚖)."))
        elif recorded.late_appeal_admitted is False and chosen not in (None, AVVISE):
            errors.append(("outcome", "Den for sene klagen er ikke tatt under behandling: utfallet er avvise (fvl. § 31)."))
        elif recorded.late_appeal_admitted and not (recorded.late_appeal_reasons or "").strip():
            errors.append(("admissibility.late_appeal_reasons", "Begrunn hvorfor den for sene klagen tas under behandling (fvl. § 31)."))
        if recorded.late_appeal_admitted and recorded.late_appeal_ground is None:
            errors.append(("admissibility.late_appeal_ground",
                           "Registrer grunnlaget for å behandle den for sene klagen: klageren kan ikke lastes, eller særlige "
                           "grunner gjør det rimelig (fvl. § 31 første ledd)."))
    if recorded.late_appeal_ground is not None and recorded.late_appeal_ground not in LATE_APPEAL_GROUNDS:
        errors.append(("admissibility.late_appeal_ground",
                       f"Ukjent grunnlag «{recorded.late_appeal_ground}»; gyldige: {', '.join(LATE_APPEAL_GROUNDS)}."))
    if chosen == AVVISE and not comp.over_one_year and not (comp.timely is False and recorded.late_appeal_admitted is False):
        errors.append(("outcome", "Avvisning krever et registrert avvisningsgrunnlag (over ett år, eller for sen klage "
                                   "som ikke tas under behandling)."))
    if chosen == AVVISE and recorded.avvisning_exception is None:
        errors.append(("outcome.avvisning_exception",
                       "Registrer om avvisningen kan påklages: Nav-kontoret avviste også klagen (a), Nav-kontoret kom til at "
                       "klagen kunne behandles (b), eller ingen av delene (fvl. § 28 tredje ledd)."))
    if recorded.avvisning_exception is not None and recorded.avvisning_exception not in AVVISNING_EXCEPTIONS:
        errors.append(("outcome.avvisning_exception",
                       f"Ukjent valg «{recorded.avvisning_exception}»; gyldige: {', '.join(AVVISNING_EXCEPTIONS)}."))

    # Direction (items 2–3).
    if chosen == STADFESTE and direc == "til_gunst":
        errors.append(("outcome", "Beregningen gir klageren mer enn Nav: en endring i klagerens favør kalles aldri «stadfestet» (A-09)."))
    if chosen in ENDRE and direc == "til_ugunst":
        for f, reason in reformatio_status(decision, today=today, recorded=recorded)["missing"]:
            errors.append((f, reason))
    fritt = [p for p in points if p.get("limited_by_sotjl_48")]
    if chosen in ENDRE and direc == "uendret" and not any(
            (finding := recorded.finding(p["code"])) is not None and finding.apenbart_urimelig
            for p in fritt):
        errors.append(("outcome", "Beregningen stemmer med Navs beløp (innenfor 1 kr), og ingen skjønnsvurdering er funnet åpenbart "
                                  "urimelig: det er ingenting å endre."))

    # Fritt skjønn (item 5, sotjl § 48).
    if chosen in ENDRE:
        for p in fritt:
            f = recorded.finding(p["code"])
            fld = f"discretion.{p['code']}"
            if f is None:
                errors.append((fld, f"Registrer om Navs skjønn om «{p['topic']}» er åpenbart urimelig (sotjl § 48), med begrunnelse."))
                continue
            if not f.reasons.strip():
                errors.append((fld, "Vurderingen etter sotjl § 48 mangler begrunnelse."))
            if f.apenbart_urimelig and not f.self_government.strip():
                errors.append((fld, "Endring på et punkt med fritt skjønn: vis hvordan det kommunale selvstyret er vektlagt (fvl. § 34)."))
    for f in recorded.s48_findings:
        if f.code not in {p["code"] for p in fritt}:
            errors.append((f"discretion.{f.code}", "Funnet gjelder ikke et punkt med Navs frie skjønn i denne saken."))

    # Reclassifications (item 6: a category and, for saksbehandling, the fvl. provision).
    for r in recorded.reclassifications:
        errors.extend((f"discrepancy.{r.discrepancy}", reason)
                      for _, reason in reclassification_errors(r.category, r.reason, r.fvl_provision))
    if chosen is not None and not (recorded.outcome_reasons or "").strip():
        errors.append(("outcome_reasons", "Begrunnelsen for utfallet mangler."))
    return errors


def open_discretion_points(points: Iterable[Mapping[str, Any]], recorded: Recorded) -> list[tuple[str, str]]:
    """⚖ points without a recorded decision and reasons (finalize gate, appeals.md §8 item 5).
    A fritt-skjønn point of Nav's counts as answered by its § 48 finding (with reasons)."""
    out: list[tuple[str, str]] = []
    for p in points:
        code = p["code"]
        a = recorded.answer(code)
        f = recorded.finding(code) if p.get("limited_by_sotjl_48") else None
        if f is not None and f.reasons.strip():
            continue
        if a is None or not a.answer.strip():
            out.append((f"discretion.{code}", f"⚖ «{p['topic']}»: juristens avgjørelse er ikke registrert."))
        elif not a.reasons.strip():
            out.append((f"discretion.{code}", f"⚖ «{p['topic']}»: begrunnelse mangler."))
    return out
