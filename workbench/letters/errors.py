"""Nav's errors as the letter tells them: per error, what Nav did, what the law requires, the figure each gives,
and the provision — read from the trace, the right way round (appeals.md §11 «Describe each error the right
way round»).

The diagnosis (``workbench.appeal.diagnosis.period_discrepancies``) may report one mistake as several
discrepancies: treating omsorgsstønad as a § 38 benefit shows as a wrong hjemmel, a non-coordinable deduction
and a wrong net. The claimant reads one error, so the discrepancies of a period are grouped here: a consequence
(a wrong net, a wrong method where the hjemmel was wrong) joins the error that caused it.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any
from collections.abc import Callable, Sequence

from workbench.appeal.taxonomy import NOT_ERRORS
from workbench.formats.evaluation_json import DiscrepancyRecord, EvaluationRecord, PeriodRecord
from workbench.texts import has, law_names
from workbench.texts import text as t
from workbench.texts.formatting import LETTER as fmt

#: The components a discrepancy can carry, each named in the catalogue as ``what_<component>``.
COMPONENTS = ("gross", "gross_base", "barnetillegg", "net", "work", "absence", "samordning", "stonadsdager")
#: Codes that are consequences of another error in the same period, never told on their own when it is there.
_CONSEQUENCES = frozenset({"wrong-net", "wrong-gross"})


@dataclass(frozen=True, slots=True)
class ErrorText:
    """One error as the letter tells it: the period and its sentences (plain text)."""

    period: str
    sentences: tuple[str, ...]
    codes: tuple[str, ...]


def _provision(text: str | None, lang: str) -> str:
    """A provision from the engine in the letter's words: no internal references («; T1»), the act's name in
    the written standard."""
    text = (text or "").split(";")[0].strip()
    return law_names(text.replace("§ ", "§\u00a0"), lang)


def _amount(value: Decimal | str | None, component: str | None) -> str:
    if value is None or isinstance(value, str):
        return str(value or "–")
    if component == "stonadsdager":
        return fmt.format_number(value)
    return fmt.format_kr(value)


def _figures(d: DiscrepancyRecord, lang: str) -> str | None:
    if d.component is None or isinstance(d.nav, str) or isinstance(d.correct, str):
        return None
    what = t(f"what_{d.component}" if has(f"what_{d.component}") else "what_other", lang)
    return t("err_figures", lang, what=what, nav=_amount(d.nav, d.component), correct=_amount(d.correct, d.component),
             provision=_provision(d.hjemmel, lang))


def _work_computation(p: PeriodRecord | None, lang: str) -> str | None:
    """«60 of 150 hours» (sotjl § 37): the computation in the body where it decides the case."""
    if p is None:
        return None
    work = next((r for r in p.reductions if r.kind == "work"), None)
    if work is None or not work.inputs or work.amount is None:
        return None
    inputs = work.inputs
    try:
        hours = Decimal(str(inputs["hours"]))
        per_day = Decimal(str(inputs["hours_per_day"]))
        days = int(inputs["stonadsdager"])
        gross = Decimal(str(inputs["gross"]))
    except (KeyError, ValueError, ArithmeticError):
        return None
    if not hours:
        return None
    return t("err_work_computation", lang, hours=fmt.format_quantity(hours), per_day=fmt.format_quantity(per_day),
             days=str(days), capacity=fmt.format_quantity(per_day * days), gross=fmt.format_kr(gross),
             amount=fmt.format_kr(work.amount))


def _lead(d: DiscrepancyRecord, lang: str, decision: Any) -> str:
    """What Nav did and what the law requires, for one discrepancy code, the right way round."""
    code = d.code
    nav = d.nav if isinstance(d.nav, Decimal) else None
    correct = d.correct if isinstance(d.correct, Decimal) else None
    higher = nav is not None and correct is not None and nav > correct
    if code == "g-applied-before-1-may":
        # Nav's figure above the law's: the new (higher) G was used before 1 May; below: the old G after it.
        return t("err_g_new_before_may" if higher else "err_g_old_after_may", lang)
    if code == "wrong-under-25":
        return t("err_u25_full" if higher else "err_u25_reduced", lang)
    if code == "wrong-reduction-method" and d.component == "work":
        return t("err_work_method", lang)
    key = f"err_{code}"
    return t(key, lang) if has(key) else t("err_other", lang)


def _omsorg_as_38(group: Sequence[DiscrepancyRecord], p: PeriodRecord | None, lang: str) -> str | None:
    """Omsorgsstønad handled as a § 38 benefit: one error, told once (appeals.md §11; the 2025 letter)."""
    codes = {d.code for d in group}
    if "wrong-hjemmel" not in codes and "non-coordinable-benefit-deducted" not in codes:
        return None
    if p is None or not any(r.kind == "work" and r.amount for r in p.reductions):
        return None
    nav_samordning = sum((n.amount for n in p.nav_deductions if n.kind == "samordning"), Decimal(0))
    if not nav_samordning:
        return None
    return t("err_omsorg_as_38", lang, nav_amount=fmt.format_kr(nav_samordning))


def error_texts(ev: EvaluationRecord, lang: str, decision: Any = None,
                period_text: Callable[[Any], str] | None = None) -> list[ErrorText]:
    """Every error of Nav's decision, grouped per period, each told once (see the module docstring).
    Information (a G regulated after the decision) and rounding are not errors and are left out here."""
    periods = {p.periode: p for p in ev.periods}
    by_period: dict[Any, list[DiscrepancyRecord]] = {}
    for d in ev.discrepancies:
        if d.category in NOT_ERRORS or d.code in ("rounding", "g-regulated-after-decision"):
            continue
        by_period.setdefault(d.periode, []).append(d)
    out: list[ErrorText] = []
    for periode, group in by_period.items():
        p = periods.get(periode)
        label = period_text(periode) if (period_text and periode is not None) else ""
        sentences: list[str] = []
        omsorg = _omsorg_as_38(group, p, lang)
        told: set[str] = set()
        if omsorg:
            sentences.append(omsorg)
            computation = _work_computation(p, lang)
            if computation:
                sentences.append(computation)
            told |= {"wrong-hjemmel", "non-coordinable-benefit-deducted", "wrong-reduction-method"}
        main = [d for d in group if d.code not in told]
        if len(main) > 1 or told:
            main = [d for d in main if d.code not in _CONSEQUENCES]
        for d in main:
            if d.code == "wrong-hjemmel":
                sentences.append(t("err_hjemmel", lang, nav=_provision(str(d.nav), lang),
                                   correct=_provision(str(d.correct), lang)))
                continue
            sentences.append(_lead(d, lang, decision))
            if d.code == "wrong-reduction-method" and d.component == "work":
                computation = _work_computation(p, lang)
                if computation:
                    sentences.append(computation)
                    continue
            figures = _figures(d, lang)
            if figures:
                sentences.append(figures)
        if omsorg and p is not None and p.net is not None and p.nav_net is not None:
            sentences.append(t("err_figures", lang, what=t("what_net", lang), nav=fmt.format_kr(p.nav_net),
                               correct=fmt.format_kr(p.net), provision=_provision("sosialtjenesteloven § 37", lang)))
        out.append(ErrorText(label, tuple(dict.fromkeys(sentences)), tuple(d.code for d in group)))
    return out


def has_information(ev: EvaluationRecord) -> bool:
    """A G regulated after Nav's decision: told as information, not as an error (rules.md T1 [INF])."""
    return any(d.code == "g-regulated-after-decision" for d in ev.discrepancies)
