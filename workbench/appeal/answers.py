"""Real answers to the claimant's arguments (issue 12; docs/appeals.md §6.1 and §11 «Every argument gets a real
answer drawn from the law where the law answers it»).

* :func:`propose_answers` ``(decision, evaluation, lang) -> list[Proposal]`` — one proposal per
  ``decision.appeal.arguments[i]``: the answer in plain Norwegian (``nb`` or ``nn``; «du»; full sentences;
  paragraphs separated by a blank line; no markup, no engine codes) and the provision it rests on, or an
  empty text and ``provision=None`` where the law gives no answer the engine can propose (the jurist writes it).
  The engine proposes; the jurist edits and confirms on the review page, and only the confirmed text is stored.
* :func:`says_nothing` ``(text) -> str | None`` — why an answer says nothing (empty, a placeholder, one word,
  too short), for the save and the finalize gate.

How a proposal is made: the argument's *theme* is recognised from its words (:func:`theme_of`), then checked
against the case — the facts of the import (children, work, absence, ferie, benefits, dates) and the
evaluation (its days, reductions and discrepancies) — so the answer is true for this case. Where the evaluation
finds an error of Nav's in the claimant's favour on the component the argument is about, the answer says
«Statsforvalteren er enig med deg» and gives the new amount. An appeal that is not heard on the merits (more
than one year, fvl. § 31 third paragraph; late and not admitted, § 31 first paragraph) gets that answer for every
argument on the merits.

The provision of each rule is cited beside the code that applies it. The texts are in the one catalogue
(``workbench/texts/answers.py``, keys ``ans_*``); figures are formatted by ``workbench.texts.formatting``.
``Proposal.basis`` is the engine's note to the jurist (bokmål, the review page only): what it checked, and what
is the jurist's to decide (⚖) — it never goes into the letter.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from workbench.appeal.outcome import TOLERANCE, Recorded
from workbench.formats.evaluation_json import DayRecord, EvaluationRecord, PeriodRecord
from workbench.law import fvl_klagefrist
from workbench.law.lovdata import lovdata_url
from workbench.law.model import SAMORDNING_BENEFITS, Absence, NavDecision, WorkKind
from workbench.texts import LANGS, has, law_names, text
from workbench.texts.formatting import LETTER, MONTHS, format_date_long, format_period, format_plain_decimal, format_quantity

__all__ = ["Proposal", "THEMES", "propose_answers", "says_nothing", "theme_of"]


@dataclass(frozen=True, slots=True)
class Proposal:
    """The engine's answer to ``decision.appeal.arguments[index]``, for the jurist to edit and confirm.

    ``text`` is plain text (paragraphs separated by a blank line) in the letter's language, or ``""`` where the
    law gives no answer the engine can propose; ``provision`` is the rule it rests on («forskrift om
    kvalifiseringsprogram § 3 tredje ledd»), None with an empty text; ``basis`` is the engine's note to the
    jurist (what it checked, what is theirs to decide); ``theme`` the argument's theme (:data:`THEMES`)."""

    index: int
    text: str
    provision: str | None
    basis: str
    theme: str | None = None

    @property
    def provision_url(self) -> str | None:
        return lovdata_url(self.provision)


# --------------------------------------------------------------------------------------------------
# Themes: what an argument is about, from its words (bokmål and nynorsk forms)

#: (theme, pattern), the first match wins: the more specific first (a late appeal «because I was ill» is about
#: the klagefrist; «sykepengene» is a benefit, not sickness; omsorgsstønad before work in general).
THEMES: tuple[tuple[str, str], ...] = (
    ("late", r"for sent|for seint|klagefrist|fristen|\bfrist\b|oversitt"),
    ("omsorg", r"omsorgsstønad|omsorgsstonad|omsorgslønn|omsorgsløn"),
    ("fosterhjem", r"fosterhjemsgodtgj|fosterheimsgodtgj"),
    ("stepchild", r"stebarn|stesønn|stedatter|særkull|bonusbarn"
                  r"|\b(?:samboer|sambuar|ektefelle|kone|mann|kjæreste|partner)\w*\s+(?:sønn|son|datter|dotter|barn|gutt|jente)"
                  r"|\b(?:sønn|son|datter|dotter|barn|gutt|jente)\w*\s+(?:til|av)\s+(?:min|mi|mitt)?\s*"
                  r"(?:samboer|sambuar|ektefelle|kone|mann|kjæreste|partner)"),
    ("foster", r"fosterbarn|fostersønn|fosterson|fosterdatter|fosterdotter|fosterhjem|fosterheim"),
    ("samvaer", r"samvær|annenhver uke|annakvar veke|delt bosted|delt bustad"
                r"|bor hos (?:mor|far|moren|faren|den andre)|bur hos (?:mor|far|mora|faren|den andre)"),
    ("under_25", r"under 25|25 år|2/3|to tredjedel|tredjedels|ungdomssats"),
    ("g", r"grunnbeløp|\bg\b|(?<!\d)1\. mai|regulering|regulert"),
    ("samordning", r"dagpeng|sykepeng|sjukepeng|foreldrepeng|samordn|uføre|arbeidsavklaringspeng|\baap\b|barnepensjon"
                   r"|bostøtte|bustøtte|overgangsstønad|barnebidrag|ytelse|yting|trygd"),
    ("work", r"jobb|arbeid|lønn|\bløn\b|deltid|lærling|inntekt"),
    ("ferie", r"ferie"),
    ("sick", r"\bsyk(?!epeng)|sykdom|sykmeld|sykemeld|egenmeld|eigenmeld|\blege|\bsjuk(?!epeng)|tannlege|sykehus"),
    ("absence", r"fravær|fråvær|borte|trukket for|trekt for|hel dag|heil dag|møtte ikke|møtte ikkje"),
    ("too_little", r"for lite|leve av|klarer meg ikke|klarar meg ikkje|ikke nok|ikkje nok|for lav|for låg|dekker ikke"
                   r"|dekkjer ikkje|råd til|strekker ikke|strekk ikkje|livsopphold|livsopphald"),
    ("per_day", r"tolvdel|1/12|lik hver måned|lik kvar månad|likt hver|samme beløp hver|same beløp kvar|høyere enn for"
                r"|høgare enn for|lavere enn for|lågare enn for|varierer|forskjellig fra måned"),
    ("calculation", r"beregning|utrekning|regnet|rekna|kontroller|feil beløp|regnestykk"),
)
_THEMES = tuple((name, re.compile(pattern)) for name, pattern in THEMES)


def theme_of(argument: str) -> str | None:
    """The theme of an argument (:data:`THEMES`), or None when the engine does not recognise it."""
    low = " ".join((argument or "").lower().split())
    return next((name for name, rx in _THEMES if rx.search(low)), None)


# --------------------------------------------------------------------------------------------------
# Provisions (bokmål, as the engine writes them; nynorsk act names through texts.law_names)

P_CHILDREN = "sosialtjenesteloven § 35 fjerde ledd og forskrift om kvalifiseringsprogram § 3 første ledd"
P_OWN_OR_FOSTER = "forskrift om kvalifiseringsprogram § 3 tredje ledd"
P_TOO_LITTLE = "sosialtjenesteloven §§ 35 og 18"
P_PER_DAY = "sosialtjenesteloven § 35 tredje ledd"
P_AMOUNT = "sosialtjenesteloven § 35 andre ledd"
P_FERIE = "forskrift om kvalifiseringsprogram § 17"
P_SICK = "sosialtjenesteloven § 36 og forskrift om kvalifiseringsprogram §§ 5–8"
P_ABSENCE = "sosialtjenesteloven § 36 første ledd"
P_WORK = "sosialtjenesteloven § 37"
P_WORK_NOT_38 = "sosialtjenesteloven §§ 37 og 38"
P_SAMORDNING = "sosialtjenesteloven § 38 første ledd"
P_CALC = "sosialtjenesteloven §§ 35–38"
P_DEADLINE = "forvaltningsloven § 29"
P_LATE = "forvaltningsloven § 31 første ledd"
P_ONE_YEAR = "forvaltningsloven § 31 tredje ledd"

#: reductions: Nav is wrong in the claimant's favour when it deducted *more* than the law
_REDUCTIONS = frozenset({"absence", "work", "samordning"})


# --------------------------------------------------------------------------------------------------
# The case as the answers read it


@dataclass(frozen=True, slots=True)
class _Case:
    decision: NavDecision
    evaluation: EvaluationRecord
    lang: str
    recorded: Recorded

    def text(self, key: str, **values: object) -> str:
        """The catalogue's text in the case's language (``text(key, lang, **values)``)."""
        return text(key, self.lang, **values)

    @property
    def periods(self) -> list[PeriodRecord]:
        """The computed payment periods (a period with a missing parameter has no figures to give)."""
        return [p for p in self.evaluation.periods if p.computed]

    @property
    def days(self) -> list[DayRecord]:
        return [d for p in self.periods for d in p.days]

    @property
    def children(self) -> int:
        return max((d.children for d in self.days), default=0)

    def provision(self, provision: str) -> str:
        return law_names(provision, self.lang)


@dataclass(frozen=True, slots=True)
class _Answer:
    paragraphs: list[str]
    provision: str
    basis: str


def _kr(amount: Decimal | None) -> str:
    """«kr 6 797», «kr 4 531,02» (the letter's spacing: never broken over two lines)."""
    return LETTER.format_kr(amount)


def _kr2(amount: Decimal | None) -> str:
    """A day rate, always with øre: «kr 1 021,76»."""
    return LETTER.format_kr(amount, whole=False)


def _long(d: date, lang: str) -> str:
    return format_date_long(d, lang)


def _count(n: int, case: _Case, *, neuter: bool = False) -> str:
    """Numbers under ten in words where they count things («to barn», «ett barn»; appeals.md §11)."""
    if 0 <= n < 10:
        return case.text("ans_numbers_neuter" if neuter else "ans_numbers").split(",")[n]
    return str(n)


def _hours(value: Decimal, case: _Case) -> str:
    """Hours: «tre» for a whole number from two to nine, else «7,5», «20»."""
    if value == value.to_integral_value() and 2 <= value < 10:
        return _count(int(value), case)
    return format_quantity(value)


def _days(n: int, case: _Case) -> str:
    return case.text("ans_day_one") if n == 1 else case.text("ans_days", n=_count(n, case))


def _join(items: Sequence[str], case: _Case) -> str:
    """«a», «a og b», «a, b og c»."""
    items = list(dict.fromkeys(items))
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {case.text('ans_and')} " + items[-1]


def _sentences(*parts: str) -> str:
    return " ".join(p for p in parts if p)


def _period_text(p: PeriodRecord) -> str:
    return format_period(p.fra, p.til)


def _close(a: Decimal | None, b: Decimal | None) -> bool:
    return a is not None and b is not None and abs(a - b) <= TOLERANCE


def _nav_deducted(p: PeriodRecord, *kinds: str) -> Decimal:
    return sum((d.amount for d in p.nav_deductions if d.kind in kinds), Decimal(0))


def _favour(case: _Case, codes: Iterable[str], components: Iterable[str] | None = None) -> list[PeriodRecord]:
    """The periods where the evaluation found an error of Nav's (one of ``codes``, on one of ``components``) in
    the claimant's favour: the period's difference is above the rounding tolerance (R13), and the discrepancy
    itself points that way (Nav deducted more, or gave less, than the law)."""
    codes, comps = set(codes), set(components) if components is not None else None
    out: list[PeriodRecord] = []
    for d in case.evaluation.discrepancies:
        if d.code not in codes or (comps is not None and d.component not in comps) or d.periode is None:
            continue
        p = case.evaluation.period(d.periode)
        if p is None or p.difference is None or p.difference <= TOLERANCE:
            continue
        if isinstance(d.nav, Decimal) and isinstance(d.correct, Decimal):
            favours = d.nav > d.correct if d.component in _REDUCTIONS else d.correct > d.nav
            if not favours:
                continue
        if p not in out:
            out.append(p)
    return out


def _new_amounts(case: _Case, periods: Iterable[PeriodRecord]) -> list[str]:
    """«Riktig utbetaling for perioden … er kr …, det vil si kr … mer enn Nav-kontoret utbetalte.»"""
    return [case.text("ans_new_amount", period=_period_text(p), net=_kr(p.net), diff=_kr(p.difference))
            for p in periods if p.difference is not None and p.difference > TOLERANCE]


def _same_amounts(case: _Case) -> list[str]:
    return [case.text("ans_same_amount", period=_period_text(p), net=_kr(p.net))
            for p in case.periods if _close(p.net, p.nav_net)]


def _day_month(day_month: tuple[int, int], case: _Case) -> str:
    """A date the claimant named without its year: «8. oktober»."""
    day, month = day_month
    return f"{day}. {MONTHS[case.lang][month - 1]}"


def _argument_dates(argument: str, case: _Case) -> set[tuple[int, int]]:
    """(day, month) of the dates an argument names: «8. oktober», «11. februar 2025», «08.10.2025», «8.10»."""
    low = (argument or "").lower()
    months = {name: i + 1 for lang in LANGS for i, name in enumerate(MONTHS[lang])}
    out = {(int(m.group(1)), months[m.group(2)])
           for m in re.finditer(r"(\d{1,2})\.\s*(" + "|".join(months) + r")\b", low)}
    out |= {(int(m.group(1)), int(m.group(2))) for m in re.finditer(r"\b(\d{1,2})\.(\d{1,2})(?:\.\d{2,4})?\b", low)
            if 1 <= int(m.group(2)) <= 12}
    return out


def _absences(case: _Case, argument: str) -> tuple[list[Absence], set[tuple[int, int]]]:
    """The absences the argument is about: those on the dates it names, else every absence in the payment periods."""
    dates = _argument_dates(argument, case)
    inside = [a for a in case.decision.absence if any(p.periode.inneholder(a.date) for p in case.evaluation.periods)]
    if dates:
        return [a for a in inside if (a.date.day, a.date.month) in dates], dates
    return inside, dates


def _trace_absence(case: _Case) -> tuple[dict[date, tuple[Decimal, Decimal]], dict[date, str]]:
    """From the evaluation's trace (§ 36): each deducted absence day → (hours, amount), and each absence not
    deducted → why (valid; ferie under forskrift § 17, rules.md §8 S-12; not a stønadsdag)."""
    deducted: dict[date, tuple[Decimal, Decimal]] = {}
    ignored: dict[date, str] = {}
    for p in case.periods:
        for r in p.reductions:
            if r.kind != "absence":
                continue
            inputs: Any = r.inputs or {}
            for d in inputs.get("days") or ():
                deducted[date.fromisoformat(d["date"])] = (Decimal(str(d["hours"])), Decimal(str(d["amount"])))
            for d in inputs.get("ignored") or ():
                ignored[date.fromisoformat(d["date"])] = str(d.get("reason") or "")
    return deducted, ignored


def _hours_per_day(case: _Case) -> Decimal:
    value = case.evaluation.parameters.assumptions.get("hours_per_day")
    return value if isinstance(value, Decimal) else Decimal("7.5")


# --------------------------------------------------------------------------------------------------
# One builder per theme: (paragraphs, provision, basis)


def _late(case: _Case, argument: str) -> _Answer:
    """fvl. § 29 (three weeks from notice), § 30 (sent in time is enough), § 31 first paragraph (a late appeal may
    be heard: «ikke kan lastes» (a) or «særlige grunner» (b) ⚖), § 31 third paragraph (never after one year)."""
    rec = case.recorded
    comp = fvl_klagefrist.compute(case.decision, notice_received=rec.notice_received)
    lang = case.lang
    if comp.over_one_year:
        unaware = re.search(r"visste ikke|visste ikkje|kjente ikke|kjende ikkje|ikke klar over|ikkje klar over"
                            r"|ikke informert|ikkje informert|ikke fått beskjed|ikkje fått beskjed|ikke kjent|ikkje kjent",
                            argument.lower())
        return _Answer([_sentences(case.text("ans_one_year", sent=_long(comp.sent, lang), decided=_long(comp.decision_date, lang)),
                                   case.text("ans_one_year_unaware") if unaware else "")],
                       P_ONE_YEAR,
                       f"Klagen er sendt mer enn ett år etter vedtaket (grense {comp.one_year_limit:%d.%m.%Y}): den skal "
                       "avvises uten skjønn (fvl. § 31 tredje ledd). Avvisningsvedtaket kan påklages med mindre unntak a "
                       "eller b i fvl. § 28 tredje ledd gjelder – registreres under utfall.")
    if comp.timely is None or comp.deadline is None:
        return _Answer([case.text("ans_late_unknown")], P_DEADLINE,
                       "Datoen vedtaket kom fram er ukjent: fastsett den under «Kan klagen behandles?», så beregnes fristen.")
    notice = comp.notice_received or comp.decision_date
    if comp.timely:
        return _Answer([case.text("ans_timely", notice=_long(notice, lang), deadline=_long(comp.deadline, lang),
                               sent=_long(comp.sent, lang))], P_DEADLINE,
                       "Klagen er sendt innen fristen (fvl. §§ 29–30).")
    days_late = comp.days_late or 0
    paragraphs = [case.text("ans_late_deadline", notice=_long(notice, lang), deadline=_long(comp.deadline, lang),
                         sent=_long(comp.sent, lang), late=_days(days_late, case)),
                  case.text("ans_late_rule")]
    if rec.late_appeal_admitted is True and rec.late_appeal_ground == "ikke_lastes":
        paragraphs.append(case.text("ans_late_ikke_lastes"))  # § 31 første ledd bokstav a
    elif rec.late_appeal_admitted is True and rec.late_appeal_ground == "saerlige_grunner":
        paragraphs.append(case.text("ans_late_saerlige_grunner"))  # § 31 første ledd bokstav b
    elif rec.late_appeal_admitted is False:
        paragraphs.append(case.text("ans_late_refused"))
    decided = rec.late_appeal_admitted is not None and (rec.late_appeal_admitted is False or rec.late_appeal_ground)
    return _Answer(paragraphs, P_LATE,
                   f"Klagen kom {days_late} dager for sent. ⚖ Juristen avgjør om den likevel behandles, og på hvilket "
                   "grunnlag («ikke kan lastes» eller «særlige grunner»), under «Kan klagen behandles?»"
                   + ("; konklusjonen er tatt med slik den er registrert." if decided
                      else "; skriv konklusjonen og grunnene inn i svaret, eller registrer dem først."))


def _stepchild(case: _Case, argument: str) -> _Answer:
    """Forskrift § 3 third paragraph: «Som barn regnes egne barn og fosterbarn» — a stepchild (a samboer's or
    spouse's child) is neither, whatever the household; sotjl § 35 fourth paragraph and forskrift § 3 first
    paragraph: barnetillegg for each child the participant «forsørger»."""
    n, found, count = _barnetillegg_found(case)
    foster = sum(1 for c in case.decision.children if c.foster)
    if found:
        paragraphs = _agree_on_barnetillegg(case, found, count)
    else:
        paragraphs = [case.text("ans_stepchild_rule"),
                      _sentences(count, case.text("ans_foster_count", n=_count(foster, case, neuter=True)) if foster else "",
                                 case.text("ans_no_more_children") if n else "")]
    return _Answer(paragraphs, P_OWN_OR_FOSTER,
                   f"Tema: barn som ikke er klagerens eget (stebarn, særkullsbarn). Beregningen har barnetillegg for {n} "
                   f"barn, {foster} av dem registrert som fosterbarn; "
                   + ("avvik i klagerens favør på barnetillegget." if found else "ingen avvik i klagerens favør på barnetillegget.")
                   + " Er barnet fosterbarn etter barnevernloven § 4-22, gjelder toårskravet i forskriften § 3 tredje ledd (⚖).")


def _barnetillegg_found(case: _Case) -> tuple[int, Sequence[PeriodRecord], str]:
    """The children with barnetillegg, the periods where the barnetillegg is wrong in the claimant's favour, and
    the sentence that counts the children (for the answers about whose child it is)."""
    n = case.children
    count = case.text("ans_children_count", n=_count(n, case, neuter=True)) if n else case.text("ans_children_none")
    return n, _favour(case, {"wrong-barnetillegg"}), count


def _agree_on_barnetillegg(case: _Case, found: Sequence[PeriodRecord], count: str) -> list[str]:
    """The claimant is right about the barnetillegg: agree, show Nav's and the correct amount, the new amounts."""
    return [_sentences(case.text("ans_agree"), count), *_barnetillegg_comparison(case, found),
            _sentences(*_new_amounts(case, found))]


def _barnetillegg_comparison(case: _Case, periods: Sequence[PeriodRecord]) -> list[str]:
    out = []
    for d in case.evaluation.discrepancies:
        if d.code == "wrong-barnetillegg" and isinstance(d.nav, Decimal) and isinstance(d.correct, Decimal) \
                and any(d.periode == p.periode for p in periods):
            period = format_period(d.periode.fra, d.periode.til) if d.periode else ""
            out.append(case.text("ans_amount_nav_correct", nav=_kr(d.nav), period=period, correct=_kr(d.correct)))
    return out


def _samvaer(case: _Case, argument: str) -> _Answer:
    """Sotjl § 35 fourth paragraph, forskrift § 3 first paragraph: barnetillegg for each child the participant
    «forsørger» — not the amount of samvær; forskrift § 4 presupposes barnetillegg for a child the participant pays
    child support for. Whether the participant forsørger the child is ⚖ (rules.md F3)."""
    n, found, count = _barnetillegg_found(case)
    if found:
        paragraphs = _agree_on_barnetillegg(case, found, count)
    else:
        paragraphs = [case.text("ans_samvaer_rule"), _sentences(count, case.text("ans_no_more_children"))]
    return _Answer(paragraphs, P_CHILDREN,
                   f"Tema: samværsbarn / hvem som forsørger barnet. Importen har {n} barn med barnetillegg. ⚖ Om klageren "
                   "forsørger et barn (delt bosted, samvær, bidrag) er et faktum juristen fastsetter; forslaget følger "
                   "barna i importen. Rett faktum først hvis dokumentene viser et annet barn.")


def _foster(case: _Case, argument: str) -> _Answer:
    """Forskrift § 3 third paragraph: a foster child counts when the participant has provided for it the last two
    years before the claim; the municipality «kan fravike» that when the arrangement «har en varig karakter» (⚖ F2)."""
    n = case.children
    foster = sum(1 for c in case.decision.children if c.foster)
    found = _favour(case, {"wrong-barnetillegg"})
    count = case.text("ans_children_count", n=_count(n, case, neuter=True)) if n else case.text("ans_children_none")
    paragraphs = [case.text("ans_foster_rule"),
                  _sentences(count, case.text("ans_foster_count", n=_count(foster, case, neuter=True)) if foster else "")]
    if found:
        paragraphs = [case.text("ans_agree"), *paragraphs, *_barnetillegg_comparison(case, found),
                      _sentences(*_new_amounts(case, found))]
    return _Answer(paragraphs, P_OWN_OR_FOSTER,
                   f"Tema: fosterbarn. Importen har {foster} fosterbarn av {n} barn med barnetillegg. ⚖ Toårskravet og "
                   "kommunens adgang til å fravike det (forskriften § 3 tredje ledd) er juristens vurdering.")


def _under_25(case: _Case, argument: str) -> _Answer:
    """Sotjl § 35 second paragraph: «Deltaker under 25 år mottar 2/3 stønad» — no exception, also not for a
    participant who provides for children, who gets barnetillegg instead (§ 35 fourth paragraph; forskrift § 3).
    The day the full rate starts is the evaluation's (rules.md T5 ``under_25_full_rate_from``)."""
    lang = case.lang
    days = case.days
    under = [d for d in days if d.under_25]
    full = [d for d in days if not d.under_25]
    found = _favour(case, {"wrong-under-25"})
    facts: list[str] = []
    if under and full:
        born = case.decision.participant.birth_date
        try:
            birthday = born.replace(year=born.year + 25)
        except ValueError:  # born 29 February
            birthday = date(born.year + 25, 3, 1)
        facts.append(case.text("ans_u25_birthday", birthday=_long(birthday, lang),
                            full_from=_long(min(d.periode.fra for d in full), lang)))
    else:
        key_periods = [_period_text(p) for p in case.periods]
        if under:
            facts.append(case.text("ans_u25_whole", period=_join(key_periods, case)))
        elif full:
            facts.append(case.text("ans_u25_over", period=_join(key_periods, case)))
    n = case.children
    if n and re.search(r"\bbarn", argument.lower()):
        facts.append(case.text("ans_u25_children", n=_count(n, case, neuter=True),
                            amount=_kr(sum((p.barnetillegg or Decimal(0) for p in case.periods), Decimal(0)))))
    paragraphs = [case.text("ans_u25_rule"), *facts]
    if found:
        paragraphs = [case.text("ans_agree"), *paragraphs, _sentences(*_new_amounts(case, found))]
    return _Answer(paragraphs, P_AMOUNT,
                   f"Tema: under 25 år. {len(under)} dagrekke(r) med 2/3 sats og {len(full)} med full sats i beregningen; "
                   + ("avvik i klagerens favør (feil alderssats)." if found else "ingen avvik i klagerens favør på alderssatsen."))


def _per_day(case: _Case, argument: str) -> _Answer:
    """Sotjl § 35 third paragraph: «Antall stønadsdager hvert år settes til 260, slik at stønaden per dag utgjør
    1/260 av stønaden på årsbasis» — a month's payment follows its weekdays; never A/12 (rules.md R5)."""
    facts = []
    for p in case.periods:
        rates = {d.day_rate for d in p.days if d.day_rate is not None}
        if len(rates) == 1:
            facts.append(case.text("ans_per_day_period", period=_period_text(p), days=p.stonadsdager, rate=_kr2(rates.pop())))
        else:
            facts.append(case.text("ans_per_day_days", period=_period_text(p), days=p.stonadsdager))
    found = _favour(case, {"wrong-stonadsdager"})
    if found:
        paragraphs = [case.text("ans_agree"), case.text("ans_per_day_rule"), _sentences(*facts),
                      _sentences(*_new_amounts(case, found))]
    else:
        tail = _same_amounts(case) or ([case.text("ans_calc_lower")] if _direction(case) == "til_ugunst" else [])
        paragraphs = [case.text("ans_per_day_rule"), _sentences(*facts), _sentences(*tail)]
    return _Answer(paragraphs, P_PER_DAY,
                   "Tema: stønaden per dag (1/260) og ulike månedsbeløp. "
                   + ("Avvik i klagerens favør på stønadsdagene." if found else "Ingen avvik i klagerens favør på stønadsdagene."))


def _g(case: _Case, argument: str) -> _Answer:
    """Sotjl § 35 second paragraph (× G); G is regulated from 1 May each year (rules.md T1): days from 1 May use the
    new G, days before it the previous one."""
    facts = []
    for p in case.periods:
        runs: dict[Decimal, list[DayRecord]] = {}
        for d in p.days:
            if d.g is not None:
                runs.setdefault(d.g, []).append(d)
        for g, ds in runs.items():
            span = format_period(min(d.periode.fra for d in ds), max(d.periode.til for d in ds))
            facts.append(case.text("ans_g_days", days=span, g=_kr(g)))
    found = _favour(case, {"wrong-g", "g-applied-before-1-may", "wrong-factor"})
    if found:
        comparisons = [case.text("ans_amount_nav_correct", nav=_kr(d.nav), period=format_period(d.periode.fra, d.periode.til),
                              correct=_kr(d.correct))
                       for d in case.evaluation.discrepancies
                       if d.code in ("wrong-g", "g-applied-before-1-may", "wrong-factor") and d.periode is not None
                       and isinstance(d.nav, Decimal) and isinstance(d.correct, Decimal)
                       and any(p.periode == d.periode for p in found)]
        paragraphs = [case.text("ans_agree"), case.text("ans_g_rule"), _sentences(*facts, *comparisons),
                      _sentences(*_new_amounts(case, found))]
    else:
        paragraphs = [case.text("ans_g_rule"), _sentences(*facts), _sentences(*_same_amounts(case))]
    return _Answer(paragraphs, P_AMOUNT,
                   "Tema: grunnbeløpet og reguleringen 1. mai. "
                   + ("Avvik i klagerens favør på G eller faktor." if found else "Ingen avvik i klagerens favør på G eller faktor.")
                   + " G fastsatt etter Navs vedtak er informasjon, ikke en feil fra Nav (rules.md T1).")


def _too_little(case: _Case, argument: str) -> _Answer:
    """Sotjl § 35 second paragraph: the stønad is a fixed amount, 2.041 G a year (2 G before 1 July 2024), 2/3 under
    25; neither Nav nor Statsforvalteren may give more. Økonomisk stønad under sotjl § 18 is applied for at the Nav
    office (docs/appeals.md §11)."""
    factors = case.evaluation.parameters.factor
    factor = format_plain_decimal(factors[-1] if factors else Decimal("2.041"))
    paragraphs = [case.text("ans_too_little", factor=factor), case.text("ans_too_little_18")]
    more = _new_amounts(case, case.periods)
    if more:
        paragraphs.append(_sentences(*more))
    return _Answer(paragraphs, P_TOO_LITTLE,
                   "Tema: stønaden er for lav til å leve av. Beløpet følger av loven; økonomisk stønad (sotjl § 18) er "
                   "en egen søknad til Nav-kontoret, ikke en del av denne klagesaken."
                   + (" Beregningen gir klageren mer enn Nav: det nye beløpet er nevnt." if more else ""))


def _ferie(case: _Case, argument: str) -> _Answer:
    """Forskrift § 17: up to 25 virkedager ferie a year, fixed by the municipality, with stønad; an invalid absence
    recorded on a ferie day is not deducted (rules.md §8 S-12)."""
    lang = case.lang
    ferie = [f for f in case.decision.ferie if any(p.periode.fra <= f.periode.til and f.periode.fra <= p.periode.til
                                                   for p in case.evaluation.periods)]
    _, ignored = _trace_absence(case)
    on_ferie = sorted(d for d, why in ignored.items() if "§ 17" in why)
    paragraphs = [case.text("ans_ferie_rule")]
    if ferie:
        paragraphs.append(_sentences(
            case.text("ans_ferie_fixed", periods=_join([format_period(f.periode.fra, f.periode.til) for f in ferie], case)),
            case.text("ans_ferie_ignored", dates=_join([_long(d, lang) for d in on_ferie], case)) if on_ferie else ""))
    else:
        paragraphs.append(case.text("ans_ferie_none", period=_join([_period_text(p) for p in case.evaluation.periods], case)))
    found = _favour(case, {"wrong-absence-reduction"}, {"absence"})
    if found:
        paragraphs = [case.text("ans_agree"), *paragraphs, *_deduction_comparison(case, found, "absence", "fravaer"),
                      _sentences(*_new_amounts(case, found))]
    return _Answer(paragraphs, P_FERIE,
                   f"Tema: ferie. Importen har {len(ferie)} ferieperiode(r) i utbetalingsperiodene; {len(on_ferie)} "
                   "fraværsdag(er) på feriedager er ikke trukket (rules.md §8 S-12). Når ferien er lagt, er kommunens "
                   "avgjørelse (forskriften § 17).")


def _deduction_comparison(case: _Case, periods: Iterable[PeriodRecord], component: str, *nav_kinds: str) -> list[str]:
    """«Nav-kontoret trakk kr … i perioden …, men riktig trekk etter loven er kr ….» per period, the law's figure
    from the period's reduction of that kind."""
    out = []
    for p in periods:
        law = {"absence": p.absence, "work": p.work, "samordning": p.samordning}[component]
        nav = _nav_deducted(p, *nav_kinds)
        if law is not None and not _close(nav, law):
            out.append(case.text("ans_deduction_nav_correct", nav=_kr(nav), period=_period_text(p), correct=_kr(law)))
    return out


def _sick(case: _Case, argument: str) -> _Answer:
    """Sotjl § 36 first paragraph: absence reduces the stønad «tilsvarende», not absence «som skyldes sykdom eller
    andre tvingende velferdsgrunner, og som det er gitt tillatelse til»; forskrift §§ 5–8: own sickness keeps the
    stønad on egenmelding or legeerklæring. Whether the absence was valid and permitted is ⚖ (rules.md F4); the
    proposal follows the import's ``valid``."""
    lang = case.lang
    absences, dates = _absences(case, argument)
    deducted, ignored = _trace_absence(case)
    valid = [a for a in absences if a.valid]
    invalid = [a for a in absences if not a.valid]
    facts: list[str] = []
    if valid:
        facts.append(case.text("ans_absence_valid", dates=_join([_long(a.date, lang) for a in valid], case)))
    if invalid:
        amount = sum((deducted[a.date][1] for a in invalid if a.date in deducted), Decimal(0))
        on_ferie = [a for a in invalid if "§ 17" in ignored.get(a.date, "")]
        facts.append(case.text("ans_absence_invalid", dates=_join([_long(a.date, lang) for a in invalid], case), amount=_kr(amount)))
        if on_ferie:
            facts.append(case.text("ans_ferie_ignored", dates=_join([_long(a.date, lang) for a in on_ferie], case)))
    if not absences:
        facts.append(_no_absence_registered(case, dates))
    found = _favour(case, {"wrong-absence-reduction"}, {"absence"})
    if found:
        paragraphs = [case.text("ans_agree"), case.text("ans_sick_rule"), _sentences(*facts),
                      _sentences(*_deduction_comparison(case, found, "absence", "fravaer"), *_new_amounts(case, found))]
    else:
        paragraphs = [case.text("ans_sick_rule"), _sentences(*facts, case.text("ans_absence_not_sick") if invalid else "")]
    return _Answer(paragraphs, P_SICK,
                   f"Tema: fravær på grunn av sykdom. {len(valid)} gyldig(e) og {len(invalid)} ugyldig(e) fravær på "
                   "dagene anførselen gjelder. ⚖ Om fraværet var gyldig og om det var gitt tillatelse, avgjør juristen; "
                   "forslaget følger registreringen i importen. Viser dokumentene noe annet, rett faktum (absence[n].valid).")


def _no_absence_registered(case: _Case, dates: set[tuple[int, int]]) -> str:
    """No absence is registered on the days the argument names (or on any day, when it names none)."""
    named = sorted(dates, key=lambda dm: (dm[1], dm[0]))
    return (case.text("ans_absence_none_dates", dates=_join([_day_month(dm, case) for dm in named], case))
            if named else case.text("ans_absence_none"))


def _absence(case: _Case, argument: str) -> _Answer:
    """Sotjl § 36 first paragraph: «Ved fravær reduseres kvalifiseringsstønaden tilsvarende» — per hour of absence
    [ASSUMPTION ``absence_method`` = hours, rules.md T5], 7.5 hours a full day."""
    lang = case.lang
    method = case.evaluation.parameters.assumptions.get("absence_method")
    per_day = format_quantity(_hours_per_day(case))
    rule = case.text("ans_absence_rule_hours", per_day=per_day) if method in (None, "hours") else case.text("ans_absence_rule_days")
    absences, dates = _absences(case, argument)
    deducted, _ = _trace_absence(case)
    facts = [case.text("ans_absence_day", hours=_hours(deducted[a.date][0], case), date=_long(a.date, lang),
                    amount=_kr(deducted[a.date][1]))
             for a in absences if a.date in deducted]
    valid = [a for a in absences if a.valid]
    if valid:
        facts.append(case.text("ans_absence_valid", dates=_join([_long(a.date, lang) for a in valid], case)))
    if not absences:
        facts.append(_no_absence_registered(case, dates))
    found = _favour(case, {"wrong-absence-reduction"}, {"absence"})
    if found:
        paragraphs = [case.text("ans_agree"), rule, _sentences(*facts),
                      _sentences(*_deduction_comparison(case, found, "absence", "fravaer"), *_new_amounts(case, found))]
    else:
        same = all(_close(_nav_deducted(p, "fravaer"), p.absence) for p in case.periods)
        paragraphs = [rule, _sentences(*facts, case.text("ans_same_deduction") if same and facts else "")]
    return _Answer(paragraphs, P_ABSENCE,
                   "Tema: trekk for fravær. I beregningen trekkes fravær "
                   + ("per time" if method in (None, "hours") else "bare for hele dager") + " (forutsetning i rules.md T5). "
                   + ("Avvik i klagerens favør på fraværstrekket." if found else "Ingen avvik i klagerens favør på fraværstrekket.")
                   + " ⚖ Om fraværet var gyldig, avgjør juristen (F4).")


def _work_facts(case: _Case, *, kinds: Iterable[WorkKind] | None = None) -> list[str]:
    """The § 37 reduction per period, as the evaluation counted it: hours / (hours a day × stønadsdager) of the
    gross including barnetillegg."""
    hpd = _hours_per_day(case)
    facts = []
    for p in case.periods:
        if not p.work_hours:
            continue
        facts.append(case.text("ans_work_fact", period=_period_text(p), hours=format_quantity(p.work_hours),
                            full=format_quantity(hpd * p.stonadsdager), per_day=format_quantity(hpd), amount=_kr(p.work)))
    return facts


def _work(case: _Case, argument: str) -> _Answer:
    """Sotjl § 37: «I den utstrekning en deltaker … har inntektsgivende arbeid …, reduseres stønaden inkludert
    barnetillegg tilsvarende, beregnet i forhold til antall timer» — the hours the evaluation counted (R9)."""
    facts = _work_facts(case)
    if not facts:
        facts = [case.text("ans_work_none", period=_join([_period_text(p) for p in case.periods], case))]
    found = _favour(case, {"wrong-reduction-method", "wrong-hjemmel", "non-coordinable-benefit-deducted"},
                    {"work", "samordning", "net"})
    rule = _sentences(case.text("ans_work_rule"), case.text("ans_work_bt") if "barnetillegg" in argument.lower() else "")
    if found:
        paragraphs = [case.text("ans_agree"), rule, _sentences(*facts),
                      _sentences(*_deduction_comparison(case, found, "work", "arbeid", "samordning"),
                                 *_new_amounts(case, found))]
    else:
        same = bool(_work_facts(case)) and all(_close(_nav_deducted(p, "arbeid"), p.work) for p in case.periods)
        paragraphs = [rule, _sentences(*facts, case.text("ans_same_deduction") if same else "")]
    hours = sum((p.work_hours or Decimal(0) for p in case.periods), Decimal(0))
    return _Answer(paragraphs, P_WORK,
                   f"Tema: inntektsgivende arbeid. Beregningen har talt {format_quantity(hours)} timer. "
                   + ("Avvik i klagerens favør på § 37-reduksjonen." if found else "Ingen avvik i klagerens favør på § 37-reduksjonen."))


def _fosterhjem(case: _Case, argument: str) -> _Answer:
    """Fosterhjemsgodtgjøring is not «inntektsgivende arbeid» under § 37 and never reduces the stønad [V the
    directorate's letter of 12 July 2018, the administration's view; rules.md §8 S-11]."""
    found = _favour(case, {"non-coordinable-benefit-deducted", "wrong-reduction-method"}, {"work", "samordning", "net"})
    paragraphs = [case.text("ans_fosterhjem")]
    if found:
        paragraphs = [case.text("ans_agree"), *paragraphs,
                      _sentences(*_deduction_comparison(case, found, "work", "arbeid", "samordning"),
                                 *_new_amounts(case, found))]
    return _Answer(paragraphs, P_WORK,
                   "Tema: fosterhjemsgodtgjøring. Direktoratets brev 12.07.2018 er forvaltningens tolkning og siteres "
                   "som det, ved siden av loven.")


def _omsorg(case: _Case, argument: str) -> _Answer:
    """Omsorgsstønad is «inntektsgivende arbeid» under sotjl § 37 (reduced by hours), not a § 38 benefit (whose list —
    dagpenger, sykepenger, foreldrepenger — is exhaustive). The directorate's 2025 letter says so: cited as the
    administration's view, by sender, never as statute (docs/appeals.md §11; its own date is not in the text,
    docs/law.md §7)."""
    nav_38 = any(_nav_deducted(p, "samordning") for p in case.evaluation.periods)
    low = argument.lower()
    mention_38 = nav_38 or "38" in low or "samordn" in low
    letter = case.text("ans_direktorat_2025")
    rule = [case.text("ans_omsorg_38") if mention_38 else "", case.text("ans_omsorg_37", letter=letter)]
    facts = _work_facts(case)
    found = _favour(case, {"wrong-reduction-method", "wrong-hjemmel", "non-coordinable-benefit-deducted"},
                    {"work", "samordning", "net"})
    if found:
        paragraphs = [case.text("ans_agree"), _sentences(*rule), _sentences(*facts),
                      _sentences(*_deduction_comparison(case, found, "work", "arbeid", "samordning"),
                                 *_new_amounts(case, found))]
    else:
        same = bool(facts) and all(_close(_nav_deducted(p, "arbeid", "samordning"), p.work) for p in case.periods)
        paragraphs = [_sentences(*rule), _sentences(*facts, case.text("ans_same_deduction") if same else "")]
    return _Answer(paragraphs, P_WORK_NOT_38 if mention_38 else P_WORK,
                   "Tema: omsorgsstønad (§ 37, ikke § 38). Direktoratets brev fra 2025 er forvaltningens tolkning og "
                   "siteres som det; brevets egen dato står ikke i teksten (docs/law.md §7). ⚖ Hvor mange timer som "
                   "skal telle, avgjør juristen (R9). "
                   + ("Avvik i klagerens favør." if found else "Ingen avvik i klagerens favør."))


def _benefit_name(kind: str, case: _Case) -> str:
    return case.text(f"benefit_{kind}") if has(f"benefit_{kind}") else kind


def _samordning(case: _Case, argument: str) -> _Answer:
    """Sotjl § 38 first paragraph: «reduseres i den utstrekning vedkommende har rett til dagpenger …, sykepenger,
    eller foreldrepenger» — the days there is a right to the benefit, not the day it is paid (§ 38 second
    paragraph: a later payment may give the municipality a refund); the list is exhaustive."""
    lang = case.lang
    low = argument.lower()
    rule = _sentences(case.text("ans_samordning_rule"),
                      case.text("ans_samordning_own") if re.search(r"opptjent|egne|eigne|\bselv\b|sjølv|tent opp", low) else "",
                      case.text("ans_samordning_timing") if re.search(r"utbetalt|betalt ut|etterbetal|først i|senere|seinare", low)
                      else "")
    facts: list[str] = []
    for p in case.periods:
        here = [b for b in case.decision.benefits if b.periode.fra <= p.til and p.fra <= b.periode.til]
        listed = [b for b in here if b.kind in SAMORDNING_BENEFITS]
        for b in listed:
            name = _benefit_name(b.kind.value, case)
            facts.append(case.text("ans_benefit_fact", benefit=name[:1].lower() + name[1:], daily=_kr(b.daily_amount),
                                start=_long(b.periode.fra, lang), end=_long(b.periode.til, lang)))
        for b in here:
            if b.kind not in SAMORDNING_BENEFITS:
                facts.append(case.text("ans_samordning_not_listed", benefit=_benefit_name(b.kind.value, case)))
        if p.samordning:
            facts.append(case.text("ans_samordning_amount", amount=_kr(p.samordning), period=_period_text(p)))
        elif not listed:
            facts.append(case.text("ans_samordning_none", period=_period_text(p)))
    found = _favour(case, {"wrong-samordning", "non-coordinable-benefit-deducted"}, {"samordning"})
    if found:
        paragraphs = [case.text("ans_agree"), rule, _sentences(*facts),
                      _sentences(*_deduction_comparison(case, found, "samordning", "samordning"), *_new_amounts(case, found))]
    else:
        same = any(p.samordning for p in case.periods) and all(
            _close(_nav_deducted(p, "samordning"), p.samordning) for p in case.periods)
        paragraphs = [rule, _sentences(*facts, case.text("ans_same_deduction") if same else "")]
    return _Answer(paragraphs, P_SAMORDNING,
                   "Tema: samordning med andre ytelser (§ 38; listen er uttømmende). "
                   + ("Avvik i klagerens favør på samordningen." if found else "Ingen avvik i klagerens favør på samordningen.")
                   + " Refusjon ved etterbetaling (§ 38 andre ledd) er kommunens skjønn.")


def _direction(case: _Case) -> str | None:
    diff = case.evaluation.total.difference
    if diff is None:
        return None
    return "til_gunst" if diff > TOLERANCE else "til_ugunst" if diff < -TOLERANCE else "uendret"


def _calculation(case: _Case, argument: str) -> _Answer:
    """Sotjl §§ 35–38: the claimant asks for the calculation to be checked — the evaluation's result."""
    direc = _direction(case)
    if direc == "til_gunst":
        paragraphs = [case.text("ans_agree"), _sentences(*_new_amounts(case, case.periods))]
    elif direc == "uendret":
        paragraphs = [_sentences(*_same_amounts(case))]
    else:
        paragraphs = [_sentences(case.text("ans_calc_checked"), case.text("ans_calc_lower"))]
    return _Answer(paragraphs, P_CALC,
                   "Tema: kontroll av beregningen. Svaret gir resultatet; vis til vurderingen og vedlegget i brevet for "
                   "utregningen.")


_BUILDERS = {
    "late": _late, "omsorg": _omsorg, "fosterhjem": _fosterhjem, "stepchild": _stepchild, "foster": _foster,
    "samvaer": _samvaer, "under_25": _under_25, "g": _g, "samordning": _samordning, "work": _work, "ferie": _ferie,
    "sick": _sick, "absence": _absence, "too_little": _too_little, "per_day": _per_day, "calculation": _calculation,
}


# --------------------------------------------------------------------------------------------------
# The proposals


def _not_heard(case: _Case) -> _Answer | None:
    """An appeal not heard on the merits: more than one year (fvl. § 31 third paragraph, no discretion), or late and
    recorded as not admitted (§ 31 first paragraph ⚖). Arguments on the merits are then not decided."""
    comp = fvl_klagefrist.compute(case.decision, notice_received=case.recorded.notice_received)
    if comp.over_one_year:
        return _Answer([case.text("ans_not_examined_one_year")], P_ONE_YEAR,
                       "Klagen skal avvises (over ett år): anførsler om realiteten prøves ikke.")
    if comp.timely is False and case.recorded.late_appeal_admitted is False:
        return _Answer([case.text("ans_not_examined_late")], P_LATE,
                       "Juristen har registrert at den for sene klagen ikke behandles: anførsler om realiteten prøves ikke.")
    return None


def propose_answers(decision: NavDecision, evaluation: EvaluationRecord, lang: str, *,
                    recorded: Recorded | None = None) -> list[Proposal]:
    """One proposal per ``decision.appeal.arguments[i]``, in ``lang`` ("nb" | "nn"). ``recorded`` (what the jurist
    has recorded) lets the answer on a late appeal state the recorded conclusion and ground."""
    if lang not in LANGS:
        raise ValueError(f"language must be nb or nn, not {lang!r}")
    case = _Case(decision, evaluation, lang, recorded or Recorded())
    not_heard = _not_heard(case)
    out = []
    for i, argument in enumerate(decision.appeal.arguments):
        theme = theme_of(argument)
        if theme is None:
            out.append(Proposal(i, "", None, "Motoren kjenner ikke igjen hva anførselen gjelder, og foreslår ikke et "
                                             "svar: skriv svaret selv.", None))
            continue
        answer = not_heard if (not_heard is not None and theme != "late") else _BUILDERS[theme](case, argument)
        body = "\n\n".join(p for p in answer.paragraphs if p.strip())
        out.append(Proposal(i, body, case.provision(answer.provision), answer.basis, theme))
    return out


# --------------------------------------------------------------------------------------------------
# An answer that says nothing (the save and the finalize gate)

MIN_WORDS = 3
_PLACEHOLDER = re.compile(r"\[\s*fyll\s+inn[^\]]*\]|\[[^\]\n]*[a-zæøå][^\]\n]*\]|\b(?:todo|fixme|tbd|xxx+|lorem ipsum)\b",
                          re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*")


def says_nothing(text: str) -> str | None:
    """A Norwegian reason when an answer says nothing — empty, a placeholder («[fyll inn]», «TODO», «xxx», «…»), a
    single word («Nei.», «Ok», «Enig»), or fewer than three words — else None."""
    stripped = (text or "").strip()
    if not stripped:
        return "Svaret er tomt. Skriv et svar på anførselen."
    m = _PLACEHOLDER.search(stripped)
    if m:
        return f"Svaret inneholder en plassholder («{m.group(0)}»). Skriv det endelige svaret."
    words = _WORD.findall(stripped)
    if not words:
        return f"Svaret («{stripped[:20]}») inneholder ingen ord. Skriv et svar på anførselen."
    if len(words) == 1:
        return f"Svaret er bare ett ord («{stripped[:40]}»). Skriv et svar i hele setninger som forklarer hvorfor."
    if len(words) < MIN_WORDS:
        return "Svaret er for kort til å besvare anførselen. Skriv minst én hel setning som forklarer hvorfor."
    return None
