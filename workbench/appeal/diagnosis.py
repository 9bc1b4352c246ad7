"""The one diagnosis of Nav's errors: Nav's figures against the law's, per payment period (rules.md §2
step 7; docs/appeals.md §4).

:func:`period_discrepancies` compares what Nav itemised in one payment period — its gross, its deductions by
kind, its net — with the exact result of the law (:class:`workbench.law.result.PeriodResult`), and names
each difference: ``{code, period, hjemmel, component, nav, correct, category, explanation}``. The codes and
categories are those of :mod:`workbench.appeal.taxonomy` (Kabal kvalitetsvurdering v3, plus ``rounding``
and ``information``); the category is a proposal the jurist may change. Everything downstream reads these:
the evaluation JSON, the review's Nav ↔ loven rows (:mod:`workbench.appeal.comparison`), the review
topics, the letter.

Per provision:

* sotjl § 38 — «Listen i § 38 første ledd (dagpenger, sykepenger, foreldrepenger) er uttømmende»: a
  samordning with no such benefit behind it, or more than the benefit on the stønadsdager, is
  ``non-coordinable-benefit-deducted`` (and where counted work lies behind it, ``wrong-hjemmel``: work
  reduces under § 37); otherwise a samordning other than the krone-for-krone deduction per stønadsdag — or
  none where the law has one — is ``wrong-samordning``.
* sotjl § 37 — «reduseres stønaden inkludert barnetillegg tilsvarende» the share of the hours: a reduction
  of the basic stønad alone, by the amount of omsorgsstønad paid, or none at all, is
  ``wrong-reduction-method``; a reduction for fosterhjemsgodtgjøring is ``non-coordinable-benefit-deducted``
  (direktoratet 2018; rules.md §8 S-11).
* sotjl § 36 — «reduseres tilsvarende» for invalid absence, per hour [ASSUMPTION ``absence_method``]: whole
  days, another amount or no deduction is ``wrong-absence-reduction``; a deduction the grant decision made
  no reservation for is its own enkeltvedtak (fvl §§ 24–25; R8), ``absence-without-reservation``.
* sotjl §§ 36–38 — a deduction of any other kind has no hjemmel: ``deduction-without-legal-basis``.
* sotjl § 35 — Nav's gross (or, where Nav gave none and nothing else explains it, its net) is tested
  against counterfactual recomputations, each one named error: the G known on Nav's decision date
  (``g-regulated-after-decision``, information: rules.md T1 [INF]), one G for all days, the neighbouring
  year's G, the other factor (T2), one age for all days (§ 35 andre ledd: «Deltaker under 25 år mottar 2/3
  stønad»), the month method instead of 1/260 per stønadsdag (R5), another number of children or another
  barnetillegg rate (§ 35 fjerde ledd; forskrift § 3). A match within the rounding tolerance names it.
* R13 — a net within ±1 kr is ``rounding`` (information, not an error).

Flags raised here (docs/import-format.md): ``non-coordinable-benefit-deducted``, and ``til-ugunst`` for a
period where the law gives less than Nav paid. The diagnosis never changes the result.
"""

from __future__ import annotations

from decimal import Decimal
from workbench.law.money import Fraction
from typing import Any

from workbench.appeal.taxonomy import (
    FAKTUM,
    INFORMATION,
    LOVTOLKNING,
    RETTSANVENDELSE,
    ROUNDING,
    SAKSBEHANDLING,
)
from workbench.law import sotjl_35
from workbench.law.model import DeductionKind, WorkKind
from workbench.law.money import ZERO, exact, fmt, fmt_kroner
from workbench.law.parameters import ParameterSet
from workbench.law.pipeline import Context, Variant, diagnosis_value
from workbench.law.result import PeriodResult

#: A named error: (code, category, hjemmel, explanation).
Finding = tuple[str, str, str, str]


def _d(x: Fraction | Decimal | None, whole: bool = False) -> str | None:
    """An amount as the evaluation JSON writes it: øre, or whole kroner for a net (R13)."""
    return fmt_kroner(x) if whole else fmt(x)


def _known(x: Fraction | None) -> Fraction:
    """A figure of a computed period: never None there (the type allows None for an uncomputed one)."""
    assert x is not None
    return x


def _close(a: Fraction, b: Fraction, tol: Fraction) -> bool:
    return bool(abs(a - b) <= tol)


def period_discrepancies(ctx: Context, pr: PeriodResult) -> list[dict[str, Any]]:
    """The discrepancies between Nav's figures and the law's in the payment period ``pr`` (see the module
    docstring), in a stable order: § 38, § 37, § 36, other deductions, § 35, the net."""
    if not pr.computed:
        return _uncomputed_period_flags(ctx, pr)
    pay = pr.payment
    if not pay.deductions and pay.gross is None and pr.net == pr.nav_net:
        # Nav's net is the law's and Nav itemised nothing: no check below can find a discrepancy
        # (each one starts from a Nav deduction, Nav's gross or a difference in the net).
        return []
    ps = ctx.ps
    tol = exact(ps.assumptions.rounding_tolerance)
    gross, gross_base = _known(pr.gross), _known(pr.gross_base)
    absence, work, samordning = _known(pr.absence), _known(pr.work), _known(pr.samordning)
    net, difference = pr.net, pr.difference
    assert net is not None and difference is not None
    # Nav itemised the period (a gross or deductions): a deduction it did not make is then a figure of 0.
    itemised = pay.gross is not None or bool(pay.deductions)
    period = str(pr.periode)
    out: list[dict[str, Any]] = []

    def add(code: str, category: str, hjemmel: str, component: str, nav: str | None,
            correct: str | None, explanation: str) -> None:
        out.append({"code": code, "period": period, "hjemmel": hjemmel, "component": component,
                    "nav": nav, "correct": correct, "category": category,
                    "explanation": explanation})

    by_kind: dict[DeductionKind, Fraction] = {}
    for ded in pay.deductions:
        by_kind[ded.kind] = by_kind.get(ded.kind, ZERO) + exact(ded.amount)
    nav_38 = by_kind.get(DeductionKind.SAMORDNING)
    nav_work = by_kind.get(DeductionKind.ARBEID)
    nav_abs = by_kind.get(DeductionKind.FRAVAER)
    nav_other = by_kind.get(DeductionKind.ANNEN)
    explained_net = False
    work_deducted_under_38 = False

    # -- § 38: samordning ----------------------------------------------------------------------
    if nav_38:
        if pr.y_total == 0 or nav_38 > pr.y_total + tol:
            pr.flags.append("non-coordinable-benefit-deducted")
            behind = ("ingen dagpenger, sykepenger eller foreldrepenger i perioden" if pr.y_total == 0
                      else f"mer enn ytelsene på stønadsdagene utgjør ({_d(pr.y_total)})")
            add("non-coordinable-benefit-deducted", LOVTOLKNING, "sosialtjenesteloven § 38",
                "samordning", _d(nav_38), _d(samordning),
                f"Nav har samordnet {_d(nav_38)} kr etter § 38, men {behind}. Listen i § 38 første ledd "
                "(dagpenger, sykepenger, foreldrepenger) er uttømmende.")
            counted_work = [w for w in pr.work_shares if w.counted and w.hours_in_period > 0]
            if counted_work and (nav_work or ZERO) + tol < work:
                # What Nav deducted under § 38 is (partly) work: the § 37 reduction Nav did not make.
                kinds = sorted({w.work.kind.value for w in counted_work})
                oms = WorkKind.OMSORGSSTONAD.value in kinds
                add("wrong-hjemmel", LOVTOLKNING, "sosialtjenesteloven §§ 37–38", "samordning",
                    "sosialtjenesteloven § 38", "sosialtjenesteloven § 37",
                    ("Omsorgsstønad er inntektsgivende arbeid etter § 37 (direktoratets brev 2025: "
                     "«omfattes av begrepet «inntektsgivende arbeid» i sosialtjenesteloven § 37»), "
                     "ikke en ytelse etter § 38." if oms else
                     "Inntektsgivende arbeid reduserer stønaden etter § 37, ikke etter § 38."))
                add("wrong-reduction-method", RETTSANVENDELSE, "sosialtjenesteloven § 37", "net",
                    _d(pr.nav_net, True), _d(net, True),
                    f"Nav trakk beløpet krone for krone; § 37 reduserer «stønaden inkludert barnetillegg» "
                    f"etter antall timer: {_d(pr.work_hours)} t / (7,5 t × {pr.stonadsdager} stønadsdager) "
                    f"× {_d(gross)} = {_d(work)} kr.")
                explained_net = work_deducted_under_38 = True
        elif not _close(nav_38, samordning, tol):
            add("wrong-samordning", RETTSANVENDELSE, "sosialtjenesteloven § 38", "samordning",
                _d(nav_38), _d(samordning),
                "Samordningen avviker fra krone-for-krone-trekket per stønadsdag (ytelsen dagene med rett, "
                "begrenset til det som er igjen av dagen etter fravær og arbeid).")
    elif samordning and pay.deductions:
        add("wrong-samordning", RETTSANVENDELSE, "sosialtjenesteloven § 38", "samordning",
            "0.00", _d(samordning),
            "Nav har ikke samordnet dagpenger/sykepenger/foreldrepenger som deltakeren har rett til.")

    # -- § 37: work ----------------------------------------------------------------------------
    if nav_work:
        # S-11 (rules.md §8): fosterhjem hours in the period and Nav's § 37 deduction above the reduction
        # the counted hours give — whether or not counted work exists beside them.
        if _has_foster_hours(pr) and nav_work > work + tol:
            pr.flags.append("non-coordinable-benefit-deducted")
            counted = (f" Bare de {_d(pr.work_hours)} timene som teller, gir reduksjon: {_d(work)} kr."
                       if pr.work_hours else "")
            add("non-coordinable-benefit-deducted", LOVTOLKNING, "sosialtjenesteloven § 37", "work",
                _d(nav_work), _d(work),
                "Fosterhjemsgodtgjøring er ikke inntektsgivende arbeid etter § 37 (direktoratet 2018: "
                "«kvalifiseringsstønad skal ikkje avkortast mot fosterheimsgodtgjersle»)." + counted)
        elif not _close(nav_work, work, tol):
            base_only = pr.work_factor * gross_base
            if pr.gross_bt and _close(nav_work, base_only, tol):
                why = ("Nav tok § 37-reduksjonen bare av grunnstønaden; loven reduserer «stønaden inkludert "
                       f"barnetillegg»: {_d(pr.work_factor * 100)} % av {_d(gross)} = {_d(work)} kr.")
            elif any(w.work.kind == WorkKind.OMSORGSSTONAD for w in pr.work_shares):
                why = ("Nav trakk utbetalt omsorgsstønad (beløpet); § 37 regner «i forhold til antall timer»: "
                       f"{_d(pr.work_hours)} t / (7,5 t × {pr.stonadsdager}) × {_d(gross)} = {_d(work)} kr.")
            else:
                why = (f"§ 37-reduksjonen etter timer er {_d(pr.work_hours)} t / (7,5 t × {pr.stonadsdager}) "
                       f"× {_d(gross)} = {_d(work)} kr.")
            add("wrong-reduction-method", RETTSANVENDELSE, "sosialtjenesteloven § 37", "work",
                _d(nav_work), _d(work), why)
            explained_net = True
    elif itemised and work > tol and not work_deducted_under_38:
        # Nav itemised the period but made no § 37 reduction although counted hours give one.
        add("wrong-reduction-method", RETTSANVENDELSE, "sosialtjenesteloven § 37", "work",
            "0.00", _d(work),
            "Nav har ikke redusert stønaden for inntektsgivende arbeid; § 37 reduserer «stønaden inkludert "
            f"barnetillegg» etter antall timer: {_d(pr.work_hours)} t / (7,5 t × {pr.stonadsdager}) "
            f"× {_d(gross)} = {_d(work)} kr.")
        explained_net = True

    # -- § 36: absence -------------------------------------------------------------------------
    if nav_abs:
        if ctx.decision.decision.absence_reservation is False:
            add("absence-without-reservation", SAKSBEHANDLING,
                "forvaltningsloven §§ 24–25; sosialtjenesteloven § 36", "absence", _d(nav_abs), None,
                "Innvilgelsesvedtaket tok ikke forbehold om trekk for ugyldig fravær; trekket er da et eget "
                "enkeltvedtak som må begrunnes (R8).")
        if not _close(nav_abs, absence, tol):
            whole = sum((_known(sg.b) * sg.stonadsdager for sg in pr.segments if sg.absence_hours), ZERO)
            if _close(nav_abs, whole, tol):
                why = ("Nav trakk hele dager også for fravær under 7,5 timer; § 36 «reduseres … tilsvarende», "
                       "beregnet per time [ASSUMPTION absence_method=hours]: "
                       f"{_d(absence)} kr.")
            else:
                why = f"Fraværstrekket etter § 36 per time er {_d(absence)} kr."
            add("wrong-absence-reduction", RETTSANVENDELSE, "sosialtjenesteloven § 36", "absence",
                _d(nav_abs), _d(absence), why)
            explained_net = True
    elif itemised and absence > tol:
        # Nav itemised the period but deducted nothing for the invalid absence § 36 reduces for.
        add("wrong-absence-reduction", RETTSANVENDELSE, "sosialtjenesteloven § 36", "absence",
            "0.00", _d(absence),
            f"Nav har ikke trukket for ugyldig fravær; § 36 «reduseres … tilsvarende», per time: {_d(absence)} kr.")
        explained_net = True
    if nav_other:
        add("deduction-without-legal-basis", LOVTOLKNING, "sosialtjenesteloven §§ 36–38", "annen",
            _d(nav_other), "0.00",
            "Trekk som ikke er fravær (§ 36), arbeid (§ 37) eller samordning (§ 38) har ikke hjemmel; "
            "listen i § 38 er uttømmende.")
        explained_net = True

    # -- § 35: gross (or the net when Nav gave no gross) --------------------------------------------
    target = None
    component = "gross"
    if pay.gross is not None and not _close(exact(pay.gross), gross, tol):
        target = exact(pay.gross)
    elif pay.gross is None and not explained_net and abs(difference) > tol:
        target, component = exact(pr.nav_net), "net"
    if target is not None:
        found = _diagnose_gross(ctx, pr, target, component, tol)
        if found:
            code, category, hjemmel, why = found
        else:
            code, category, hjemmel, why = (
                "wrong-gross" if component == "gross" else "wrong-net", RETTSANVENDELSE,
                "sosialtjenesteloven § 35",
                f"Beregnet {'brutto' if component == 'gross' else 'netto'} etter § 35 (1/260 per "
                "stønadsdag) avviker fra Navs tall.")
        correct = gross if component == "gross" else exact(net)
        add(code, category, hjemmel, component, _d(target, component == "net"),
            _d(correct, component == "net"), why)
        explained_net = True

    # -- net ------------------------------------------------------------------------------------
    if difference and abs(difference) <= ps.assumptions.rounding_tolerance:
        add("rounding", ROUNDING, "rules.md R13", "net", _d(pr.nav_net, True), _d(net, True),
            "Avvik på ±1 kr som skyldes avrundingen (netto avrundes én gang per periode, halv opp).")
    elif difference and not out:
        add("wrong-net", RETTSANVENDELSE, "sosialtjenesteloven §§ 35–38", "net", _d(pr.nav_net, True),
            _d(net, True), "Netto utbetalt avviker fra beregnet netto.")
    if difference < -ps.assumptions.rounding_tolerance:
        pr.flags.append("til-ugunst")
    return out


def _has_foster_hours(pr: PeriodResult) -> bool:
    return any(w.work.kind == WorkKind.FOSTERHJEM and w.hours_in_period > 0 for w in pr.work_shares)


def _uncomputed_period_flags(ctx: Context, pr: PeriodResult) -> list[dict[str, Any]]:
    """S-02 (rules.md §8): a period with a missing parameter (G, barnetillegg) is not computed, but
    ``non-coordinable-benefit-deducted`` needs no G where it rests on facts alone: a § 38 deduction with
    no (or too little) dagpenger, sykepenger or foreldrepenger behind it, or a § 37 deduction where only
    fosterhjem hours lie behind it (no counted work, so the § 37 reduction is 0 whatever G is).
    The reason is said in words; no amount is given as «correct»."""
    pay = pr.payment
    tol = exact(ctx.ps.assumptions.rounding_tolerance)
    nav_38 = sum((exact(d.amount) for d in pay.deductions if d.kind == DeductionKind.SAMORDNING), ZERO)
    nav_work = sum((exact(d.amount) for d in pay.deductions if d.kind == DeductionKind.ARBEID), ZERO)
    out: list[dict[str, Any]] = []
    period = str(pr.periode)
    note = ("Perioden er ikke beregnet fordi en parameter mangler; dette avviket avhenger ikke av "
            "grunnbeløpet og er derfor vurdert likevel (rules.md §8 S-02).")
    if nav_38 and (pr.y_total == 0 or nav_38 > pr.y_total + tol):
        behind = ("ingen dagpenger, sykepenger eller foreldrepenger i perioden" if pr.y_total == 0
                  else f"mer enn ytelsene på stønadsdagene utgjør ({_d(pr.y_total)})")
        pr.flags.append("non-coordinable-benefit-deducted")
        out.append({"code": "non-coordinable-benefit-deducted", "period": period,
                    "hjemmel": "sosialtjenesteloven § 38", "component": "samordning", "nav": _d(nav_38),
                    "correct": None, "category": LOVTOLKNING,
                    "explanation": f"Nav har samordnet {_d(nav_38)} kr etter § 38, men {behind}. Listen i "
                                   f"§ 38 første ledd er uttømmende. {note}"})
    if nav_work > tol and _has_foster_hours(pr) and pr.work_hours == 0:
        pr.flags.append("non-coordinable-benefit-deducted")
        out.append({"code": "non-coordinable-benefit-deducted", "period": period,
                    "hjemmel": "sosialtjenesteloven § 37", "component": "work", "nav": _d(nav_work),
                    "correct": "0.00", "category": LOVTOLKNING,
                    "explanation": "Fosterhjemsgodtgjøring er ikke inntektsgivende arbeid etter § 37, og "
                                   f"ingen andre timer teller i perioden. {note}"})
    return out


def _diagnose_gross(ctx: Context, pr: PeriodResult, target: Fraction, component: str,
                    tol: Fraction) -> Finding | None:
    """Which single, named error reproduces Nav's gross (or net) ``target``? None if none does.

    Each candidate is the period recomputed under one counterfactual (:func:`workbench.law.pipeline.
    diagnosis_value`); the first that lands within ``tol`` of Nav's figure names the error."""
    ps = ctx.ps
    gross_base, gross_bt = _known(pr.gross_base), _known(pr.gross_bt)

    def value(v: Variant | None = None, other: ParameterSet | None = None) -> Fraction | None:
        return diagnosis_value(ctx, pr, other, v, gross_only=component == "gross")

    def hit(x: Fraction | None) -> bool:
        return x is not None and _close(x, target, tol)

    g_rows = {sg.g_text: sg for sg in pr.segments}
    # G regulated after Nav's decision: the G known on the decision date reproduces Nav (T1 [INF]).
    known = ctx.known_on_decision_date()
    if len(known.g.rows) != len(ps.g.rows) and hit(value(None, known)):
        return ("g-regulated-after-decision", INFORMATION, "sosialtjenesteloven § 35; T1",
                "Nav brukte G som var kjent på vedtaksdagen; ny G ble fastsatt senere med virkning fra "
                "1. mai. Ikke en feil hos Nav, men stønaden skal beregnes med ny G.")
    if len(g_rows) > 1:
        rows = {r.fra: r for r in (ps.g.row_on(sg.fra) for sg in pr.segments) if r is not None}
        for row in rows.values():
            if hit(value(Variant(g_row=row))):
                return ("g-applied-before-1-may", RETTSANVENDELSE, "sosialtjenesteloven § 35; T1",
                        f"Nav brukte G = {row.text} for alle dagene i perioden; G reguleres fra 1. mai, og "
                        "dagene før 1. mai skal ha forrige G.")
    elif pr.segments:
        # the neighbouring years' G (last year's or next year's) — the plausible mistakes
        i = next((k for k, r in enumerate(ps.g.rows) if r.text == pr.segments[0].g_text), None)
        near = [] if i is None else [ps.g.rows[k] for k in (i - 1, i + 1) if 0 <= k < len(ps.g.rows)]
        for row in near:
            if hit(value(Variant(g_row=row))):
                return ("wrong-g", RETTSANVENDELSE, "sosialtjenesteloven § 35; T1",
                        f"Nav brukte G = {row.text}; G i perioden er {pr.segments[0].g_text}.")
    for ftext in ("2", "2.041"):
        if any(sg.factor_text != ftext for sg in pr.segments) and hit(
                value(Variant(factor=exact(ftext), factor_text=ftext))):
            return ("wrong-factor", RETTSANVENDELSE, "sosialtjenesteloven § 35; T2",
                    f"Nav brukte faktor {ftext} for hele perioden; faktoren er 2 G til 30.06.2024 og "
                    "2,041 G fra 01.07.2024.")
    for u25 in (False, True):
        if any(sg.under_25 != u25 for sg in pr.segments) and hit(value(Variant(under_25=u25))):
            return ("wrong-under-25", RETTSANVENDELSE, "sosialtjenesteloven § 35 andre ledd",
                    ("Nav ga full sats for hele perioden; deltakeren var under 25 år på noen av dagene "
                     "(«Deltaker under 25 år mottar 2/3 stønad»)." if not u25 else
                     "Nav ga 2/3-sats for hele perioden; deltakeren fylte 25 år i perioden."))
    if component != "gross" or not pr.segments or not pr.stonadsdager:
        return None
    # Month method (A/12) instead of 1/260 per stønadsdag (R5, examples.md D1 contrast).
    p = pr.periode
    if p.fra.day == 1 and (p.til + sotjl_35.ONE_DAY).day == 1 and p.fra.month == p.til.month:
        sg = pr.segments[0]
        if len({x.annual for x in pr.segments}) == 1 and hit(_known(sg.annual) / 12 + gross_bt):
            return ("wrong-stonadsdager", RETTSANVENDELSE, "sosialtjenesteloven § 35 tredje ledd",
                    "Nav brukte månedsmetoden (årsbeløp / 12); stønaden er 1/260 av årsbeløpet per "
                    "stønadsdag.")
    # Barnetillegg: Nav's gross minus the (correct) basic stønad, per stønadsdag.
    nav_bt_day = (target - gross_base) / pr.stonadsdager
    rates = {sg.bt_rate for sg in pr.segments if sg.bt_rate} or {
        r.value for r in [ps.barnetillegg.row_on(pr.segments[0].fra)] if r is not None}
    children = {sg.children for sg in pr.segments}
    if nav_bt_day >= 0 and len(rates) == 1 and len(children) == 1:
        rate = _known(next(iter(rates)))
        n = next(iter(children))
        k = nav_bt_day / rate
        if k.denominator == 1 and k != n and _close(k * rate * pr.stonadsdager + gross_base, target, tol):
            return ("wrong-barnetillegg", FAKTUM,
                    "sosialtjenesteloven § 35 fjerde ledd; forskrift om kvalifiseringsprogram § 3",
                    f"Nav ga barnetillegg for {k} barn; deltakeren forsørger {n} barn som teller i perioden.")
        if n:
            for row in ps.barnetillegg.rows:
                if row.value != rate and _close(n * row.value * pr.stonadsdager + gross_base, target, tol):
                    return ("wrong-barnetillegg", RETTSANVENDELSE,
                            "forskrift om kvalifiseringsprogram § 3; forskrift om arbeidsavklaringspenger § 8",
                            f"Nav brukte barnetilleggssats {row.text} kr; satsen i perioden er "
                            f"{_d(rate)} kr per barn per stønadsdag.")
    return None
