"""The calculation annex in plain Norwegian (appeals.md §11): per payment period the days, the deductions and
the net; then only the rates and rules that affected this case, with where each comes from.

No engine tags ([ASSUMPTION], [INF]), rule numbers or parameter keys reach the claimant: the jurist sees every
assumption, with its status, on the review page; the annex names the reading of the law the figure rests on
(«Statsforvalterens forståelse av sosialtjenesteloven § 36»). Day rates have two decimals; a day without
stønad (permisjon) keeps its row.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from workbench.formats.evaluation_json import EvaluationRecord, PeriodRecord
from workbench.letters.sections import Block, Section
from workbench.texts import text as t
from workbench.texts.formatting import LETTER as fmt


def _kr(v: Decimal | int | None, whole: bool = False) -> str:
    return fmt.format_kr(v, whole=whole)


def _day_rows(p: PeriodRecord, leave: list[tuple[date, date]], lang: str) -> list[list[str]]:
    rows: list[tuple[date, list[str]]] = []
    for d in p.days:
        annual = t("d_annual_value", lang, g=fmt.format_kr(d.g), factor=fmt.format_plain_decimal(d.factor))
        if d.under_25:
            annual += " " + t("d_u25", lang)
        bt = (t("d_bt_value", lang, n=str(d.children), rate=_kr(d.barnetillegg_rate or 0))
              if d.children else "–")
        total = (d.gross_base or Decimal(0)) + (d.barnetillegg or Decimal(0))
        rows.append((d.periode.fra, [fmt.format_period(d.periode.fra, d.periode.til, lang), str(d.stonadsdager),
                                     annual, _kr(d.day_rate), bt, _kr(total)]))
    for fra, til in leave:  # a day without stønad is still a day of the period: its row says why it is 0
        start, end = max(fra, p.periode.fra), min(til, p.periode.til)
        if start <= end:
            rows.append((start, [fmt.format_period(start, end, lang), "0", t("d_leave", lang), "–", "–", _kr(0)]))
    return [r for _, r in sorted(rows, key=lambda x: x[0])]


def _calc_rows(p: PeriodRecord, lang: str) -> list[list[str]]:
    rows = [[t("a_gross", lang), _kr(p.gross)]]
    for r in p.reductions:
        if not r.amount:
            continue  # only what affected this period
        if r.kind == "absence":
            label = t("a_absence", lang)
        elif r.kind == "work":
            hours, per_day, days = r.inputs.get("hours"), r.inputs.get("hours_per_day"), r.inputs.get("stonadsdager")
            if hours is not None and per_day is not None and days is not None:
                label = t("a_work", lang, hours=fmt.format_quantity(hours),
                          capacity=fmt.format_quantity(Decimal(str(per_day)) * int(days)))
            else:
                label = t("a_work_plain", lang)
        elif r.kind == "samordning":
            label = t("a_samordning", lang)
        else:
            label = t("a_reduction", lang)
        rows.append([label, _kr(-r.amount)])
    if p.net is None:
        rows.append([t("a_net", lang), t("a_missing", lang)])
    else:
        if p.net_unrounded is not None and p.net_unrounded != p.net:
            rows.append([t("a_net_unrounded", lang), _kr(p.net_unrounded)])
        rows.append([t("a_net", lang), _kr(p.net, whole=True)])
    rows.append([t("a_nav_net", lang), _kr(p.nav_net, whole=True)])
    rows.append([t("a_diff", lang), _kr(p.difference, whole=True)])
    return rows


def _parameter_rows(ev: EvaluationRecord, lang: str) -> list[list[str]]:
    """The rates and rules that affected this case, each with its source in words."""
    params = ev.parameters
    assumptions = params.assumptions
    days = [d for p in ev.periods for d in p.days]
    reductions = {r.kind for p in ev.periods for r in p.reductions if r.amount}
    reading = lambda law: t("src_reading", lang, law=law)  # noqa: E731
    law = "sosialtjenesteloven" if lang == "nb" else "sosialtenestelova"
    rows: list[list[str]] = []
    gs = sorted({d.g for d in days if d.g is not None}) or list(params.g)
    if gs:
        rows.append([t("p_g", lang), " / ".join(fmt.format_kr(g) for g in gs), t("src_g", lang)])
    factors = sorted({d.factor for d in days if d.factor is not None}) or list(params.factor)
    if factors:
        rows.append([t("p_factor", lang), " / ".join(fmt.format_plain_decimal(f) for f in factors), t("src_35", lang)])
    rows.append([t("p_divisor", lang), "260", t("src_35", lang)])
    rates = sorted({d.barnetillegg_rate for d in days if d.children and d.barnetillegg_rate})
    if rates:
        rows.append([t("p_bt", lang), " / ".join(_kr(r) for r in rates), t("src_bt", lang)])
    if any(d.under_25 for d in days):
        rows.append([t("p_u25", lang), t("p_u25_value", lang), reading(f"{law} § 35")])
    if reductions & {"absence", "work"}:
        rows.append([t("p_hours_per_day", lang), fmt.format_quantity(assumptions.get("hours_per_day") or Decimal("7.5")),
                     t("src_full_time", lang)])
    if "absence" in reductions:
        method = assumptions.get("absence_method")
        rows.append([t("p_absence_method", lang), t("p_absence_days" if method == "whole_days" else "p_absence_hours", lang),
                     reading(f"{law} § 36")])
    if "samordning" in reductions:
        rows.append([t("p_samordning", lang), t("p_samordning_value", lang), reading(f"{law} § 38")])
    rows.append([t("p_rounding", lang), t("p_rounding_value", lang), reading(law)])
    return rows


def annex_sections(ev: EvaluationRecord, decision_leave: list[tuple[date, date]], lang: str) -> list[Section]:
    """«Slik er stønaden beregnet / rekna ut»."""
    out = [Section("annex_lead", "", [Block("p", text=t("annex_lead", lang))], level=3)]
    for p in ev.periods:
        blocks: list[Block] = []
        day_rows = _day_rows(p, decision_leave, lang)
        if day_rows:
            blocks.append(Block("table", head=[t(k, lang) for k in ("d_range", "d_days", "d_annual", "d_rate", "d_bt",
                                                                     "d_sum")],
                                rows=day_rows, numeric=[False, True, True, True, True, True], css="days"))
        blocks.append(Block("table", rows=_calc_rows(p, lang), numeric=[False, True], css="calc"))
        out.append(Section(f"annex_{p.fra.isoformat()}",
                           t("annex_period", lang, period=fmt.format_period(p.fra, p.til, lang)), blocks, level=3))
    out.append(Section("annex_params", t("a_params", lang),
                       [Block("table", head=[t("a_param", lang), t("a_value", lang), t("a_source", lang)],
                              rows=_parameter_rows(ev, lang), numeric=[False, False, False], css="params")], level=3))
    return out


def leave_periods(facts_leave: list[dict[str, Any]]) -> list[tuple[date, date]]:
    return [lv["period"] for lv in facts_leave if lv["period"][0] and lv["period"][1]]
