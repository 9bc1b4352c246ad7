"""The decision letter as data: ``LetterInput`` (what the jurist decided) → ``Letter`` (the sections).

One section model for both written standards: ``build_letter`` takes every fixed text from
the catalogue (``workbench.texts``) in the input's language and every figure from the evaluation record
(``workbench.formats.evaluation_json.read_evaluation`` of ``evaluate_document``'s JSON: Decimal amounts, dates,
G and the factor as values) — no amount, date or day count is typed by hand or parsed from text.

Text kinds, and how they reach the page:
- values from the import, the claimant or Nav (names, reasons, arguments, notes, statements,
  addresses) are plain ``str`` — the template escapes them (autoescape on, never ``|safe``);
- what the jurist wrote (the reasons for the outcome and for hearing a late appeal, the answers to the
  arguments, the ⚖ findings, optional additions per review topic) is plain text: paragraphs and «- » lists,
  escaped and shaped by ``plaintext.paragraphs`` — the only markup that reaches the page.

Every sentence of reasoning comes from what the jurist recorded on the review or from the trace (issue 12):
Nav's errors are told from the discrepancies and the trace (``errors``), the calculation annex shows only what
affected the case (``annex``), and the closing texts cite the forvaltningsloven in force (``acts``).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any
from collections.abc import Iterable, Mapping, Sequence

from workbench.appeal.discretion import direction
from workbench.formats.evaluation_json import EvaluationRecord
from workbench.letters import acts
from workbench.letters.annex import annex_sections, leave_periods
from workbench.letters.errors import error_texts, has_information
from workbench.letters.plaintext import has_text, paragraphs
from workbench.letters.sections import Block, Section
from workbench.texts import LANGS, has, law_names
from workbench.texts import text as t
from workbench.texts.formatting import LETTER as fmt  # the letter's style: «kr 6 797» unbroken, «–» for none
from workbench.texts.formatting import count_in_words

OUTCOMES = ("stadfeste", "omgjore", "omgjore_delvis", "oppheve", "avvise")
#: The four review topics (appeals.md §3), keys of ``LetterInput.assessment``.
TOPICS = ("faktum", "saksbehandling", "lov", "skjonn")
ROUNDING_TOLERANCE = 1  # kr (rules.md T5 ROUNDING_TOLERANCE)


# ---------------------------------------------------------------------------------------------
# Input
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Office:
    """The Statsforvalter office: demo defaults; a deployment sets real values from configuration."""

    name_nb: str = "Statsforvalteren i Vestland"
    name_nn: str = "Statsforvaltaren i Vestland"
    postal_address: str = "Postboks 7310, 5020 Bergen"
    visiting_address: str = "Statens hus, Kaigaten 9, Bergen"
    phone: str = "55 57 20 00"
    org_no: str = "974 760 665"
    email: str = "sfvlpost@statsforvalteren.no"
    embete: str = "vestland"  # the embete's key (workbench.appeal.competence): whose appeals it may decide

    def name(self, lang: str) -> str:
        return self.name_nb if lang == "nb" else self.name_nn


@dataclass(frozen=True, slots=True)
class Signers:
    saksbehandler_name: str
    saksbehandler_phone: str
    leader_name: str
    saksbehandler_title: str | None = None  # None → «rådgiver» / «rådgjevar»
    leader_title: str | None = None  # None → «seksjonsleder» / «seksjonsleiar»


@dataclass(frozen=True, slots=True)
class DiscretionAnswer:
    """The jurist's answer to one discretion point (``evaluation["discretion"][i]``)."""

    text: str  # plain text: the jurist's reasoned finding on the point, in full sentences
    fritt_skjonn: bool = False  # the point is Nav's fritt skjønn (sotjl § 48 limit applies)
    apenbart_urimelig: bool | None = None  # the § 48 finding (required when fritt_skjonn)
    selvstyre: str = ""  # plain text: how kommunalt selvstyre was weighed (required when fritt_skjonn)
    in_letter: bool = False  # the finding mattered to the outcome: the letter gives it (appeals.md §11)


@dataclass(slots=True)
class LetterInput:
    """Everything the letter is made from. Figures come only from ``evaluation``."""

    decision: Any  # workbench.law.model.NavDecision, or the raw import document (dict)
    evaluation: EvaluationRecord  # read_evaluation(evaluate_document(doc)): the figures, typed
    outcome: str  # one of OUTCOMES
    language: str  # "nb" | "nn"
    our_reference: str
    our_date: date
    signers: Signers
    argument_answers: Sequence[str] = ()  # plain text, one per appeal.arguments[i]
    discretion_answers: Sequence[DiscretionAnswer] = ()  # one per evaluation["discretion"][i]
    assessment: Mapping[str, str] = field(default_factory=dict)  # TOPICS key → optional plain text
    conclusion: str = ""  # optional plain text added to the conclusion
    outcome_reasons: str = ""  # «Begrunnelse for utfallet» from the review (plain text)
    late_appeal_admitted: bool | None = None  # fvl. § 31 first paragraph ⚖, recorded on the review
    late_appeal_ground: str | None = None  # "ikke_lastes" (a) | "saerlige_grunner" (b)
    late_appeal_reasons: str = ""  # the jurist's reasons for hearing (or not) the late appeal (plain text)
    avvisning_exception: str | None = None  # fvl. § 28 third paragraph: "a" | "b" | "ingen" (None: not recorded)
    received: date | None = None  # the day Statsforvalteren received the case (processing time)
    reformatio_varsel: date | None = None  # the varsel of a change to the claimant's detriment (fvl. § 34)
    their_reference: str | None = None  # «Deres ref.», shown only when given
    office: Office = field(default_factory=Office)
    draft: bool = True  # True until the leader has approved: the PDF says UTKAST


# ---------------------------------------------------------------------------------------------
# The case facts, from either a NavDecision or a raw import document
# ---------------------------------------------------------------------------------------------


def _get(obj: Any, key: str, default=None):
    if obj is None:
        return default
    if isinstance(obj, Mapping):
        return obj.get(key, default)
    return getattr(obj, key, default)


def _as_date(value) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def _period_of(item) -> tuple[date | None, date | None]:
    """(from, to) of an import item or a model object with ``periode``."""
    periode = _get(item, "periode")
    if periode is not None:
        return periode.fra, periode.til
    return _as_date(_get(item, "from")), _as_date(_get(item, "to"))


def _address_lines(addr) -> list[str]:
    if addr is None:
        return []
    if isinstance(addr, str):
        return [addr] if addr.strip() else []
    street = _get(addr, "street") or ""
    postcode = _get(addr, "postcode") or ""
    city = _get(addr, "city") or ""
    lines = [street] if street else []
    tail = f"{postcode} {city}".strip()
    if tail:
        lines.append(tail)
    return lines


def _enum_value(v) -> str:
    return str(getattr(v, "value", v)) if v is not None else ""


@dataclass(frozen=True, slots=True)
class CaseFacts:
    claimant_name: str
    claimant_address: list[str]
    representative_name: str | None
    representative_address: list[str]
    nav_office: str
    nav_reference: str
    decision_date: date | None  # required by the import format; None only for a bare input
    decision_kind: str
    hjemler: list[str]
    nav_reasons: str | None
    programme: tuple[date | None, date | None]
    children: int
    work: list[dict]
    absence: list[dict]
    benefits: list[dict]
    leave: list[dict]
    appeal_sent: date | None
    appeal_received: date | None
    forwarded: date | None
    notice_received: date | None
    arguments: list[str]
    nav_statement: str | None


def case_facts(decision: Any) -> CaseFacts:
    participant = _get(decision, "participant")
    rep = _get(decision, "representative")
    dec = _get(decision, "decision")
    appeal = _get(decision, "appeal")
    prog = _get(decision, "programme")
    return CaseFacts(
        claimant_name=str(_get(participant, "name") or ""),
        claimant_address=_address_lines(_get(participant, "address")),
        representative_name=(str(_get(rep, "name")) if rep is not None and _get(rep, "name") else None),
        representative_address=_address_lines(_get(rep, "address")) if rep is not None else [],
        nav_office=str(_get(_get(decision, "nav_office"), "name") or ""),
        nav_reference=str(_get(dec, "reference") or ""),
        decision_date=_as_date(_get(dec, "date")),
        decision_kind=_enum_value(_get(dec, "kind")),
        hjemler=[str(h) for h in (_get(dec, "hjemler") or ())],
        nav_reasons=_get(dec, "reasons"),
        programme=_period_of(prog) if prog is not None else (None, None),
        children=len(_get(decision, "children") or ()),
        work=[
            {"period": _period_of(w), "hours": _get(w, "hours"), "kind": _enum_value(_get(w, "kind")),
             "note": _get(w, "note")}
            for w in (_get(decision, "work") or ())
        ],
        absence=[
            {"date": _as_date(_get(a, "date")), "hours": _get(a, "hours"), "valid": bool(_get(a, "valid")),
             "reason": _get(a, "reason")}
            for a in (_get(decision, "absence") or ())
        ],
        benefits=[
            {"kind": _enum_value(_get(b, "kind")), "period": _period_of(b),
             "daily_amount": _get(b, "daily_amount")}
            for b in (_get(decision, "benefits") or ())
        ],
        leave=[
            {"period": _period_of(lv), "reason": _get(lv, "reason")}
            for lv in (_get(decision, "leave_without_stonad") or ())
        ],
        appeal_sent=_as_date(_get(appeal, "sent")),
        appeal_received=_as_date(_get(appeal, "received")),
        forwarded=_as_date(_get(appeal, "forwarded")),
        notice_received=_as_date(_get(dec, "notice_received")),
        arguments=[str(a) for a in (_get(appeal, "arguments") or ())],
        nav_statement=_get(appeal, "nav_statement"),
    )


# ---------------------------------------------------------------------------------------------
# Output: the section model
# ---------------------------------------------------------------------------------------------


@dataclass(slots=True)
class Letter:
    lang: str
    title: str
    author: str
    draft: bool
    office_name: str
    office: Office
    letterhead: list[tuple[str, str]]
    addressee: list[str]
    claimant_line: str | None
    sections: list[Section]
    signature: dict[str, str]
    copies: list[str]
    annex_title: str
    annex: list[Section]
    outcome: str
    direction: str
    #: (field, expected text) pairs the finished PDF must state (consistency.check_consistency)
    checks: list[tuple[str, str]] = field(default_factory=list)
    act: str = "1967"  # the forvaltningsloven the closing texts cite (workbench.letters.acts)

    def text(self, key: str, **values) -> str:
        return t(key, self.lang, **values)


# ---------------------------------------------------------------------------------------------
# Building
# ---------------------------------------------------------------------------------------------


def direction_of(evaluation: EvaluationRecord) -> str:
    """``til_gunst`` / ``uendret`` / ``til_ugunst`` / ``ukjent`` from the evaluation's total
    (:func:`workbench.appeal.discretion.direction`, ±1 kr ``ROUNDING_TOLERANCE``)."""
    return direction(evaluation, Decimal(ROUNDING_TOLERANCE)) or "ukjent"


def _sum(amounts: Iterable[Decimal | None]) -> Decimal:
    """The sum of the figures there are (a figure not computed counts as nothing)."""
    return sum((a for a in amounts if a is not None), Decimal(0))


def _rich(text: str | None) -> Block:
    return Block("rich", html=paragraphs(text))


def months_after(day: date, months: int) -> date:
    """``day`` plus whole calendar months, clamped to the month's last day (31 May + 3 months = 31 August)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def processing_overdue(received: date | None, our_date: date) -> bool:
    """More than three months since Statsforvalteren received the case (appeals.md §7 and §11: the letter
    says so and apologises; fvl. § 11 a)."""
    return received is not None and our_date > months_after(received, 3)


@dataclass(frozen=True, slots=True)
class _Ctx:
    """What every section builder needs: the input, the facts, the language and the figures' direction."""

    inp: LetterInput
    facts: CaseFacts
    lang: str
    direction: str
    act: str

    def T(self, key: str, **values: Any) -> str:
        return t(key, self.lang, **values)

    def D(self, d: date | None) -> str:
        return fmt.format_date(d, self.lang, long=True)

    def P(self, a: date | None, b: date | None) -> str:
        return fmt.format_period(a, b, self.lang)

    def p(self, topic: str) -> str:
        """The act's provision for ``topic`` (``workbench.letters.acts``)."""
        return acts.provision(topic, self.act)

    @property
    def merits(self) -> bool:
        return self.inp.outcome != "avvise"

    @property
    def changed(self) -> bool:
        return self.inp.outcome in ("omgjore", "omgjore_delvis")

    @property
    def ugunst_kept(self) -> bool:
        """The figures are lower than Nav's, but the decision is not changed to the claimant's detriment."""
        return self.direction == "til_ugunst" and not self.changed and self.merits

    @property
    def ugunst_changed(self) -> bool:
        return self.direction == "til_ugunst" and self.changed


def _difference_total(ev: EvaluationRecord) -> Decimal:
    return abs(ev.total.difference if ev.total.difference is not None else _sum(p.difference for p in ev.periods))


def _outcome_blocks(c: _Ctx) -> list[Block]:
    """The result up front (and again as the conclusion): outcome, new amounts, who pays what."""
    ev, T = c.inp.evaluation, c.T
    blocks = [Block("p", text=T(f"outcome_{c.inp.outcome}", office=c.facts.nav_office,
                                 date=c.D(c.facts.decision_date)), css="outcome")]
    if c.changed:
        for p in ev.periods:
            if p.net is not None:
                blocks.append(Block("p", text=T("new_amount", net=fmt.format_kr(p.net, whole=True),
                                                period=c.P(p.fra, p.til))))
        if c.direction == "til_gunst":
            blocks.append(Block("p", text=T("pay_difference", diff=fmt.format_kr(_difference_total(ev), whole=True))))
        elif c.ugunst_changed:
            blocks.append(Block("p", text=T("ugunst_no_repayment")))
    elif c.ugunst_kept:
        blocks.append(Block("p", text=T("ugunst_unchanged_short", diff=fmt.format_kr(_difference_total(ev), whole=True))))
    return blocks


def _intro(c: _Ctx) -> list[Block]:
    f, T = c.facts, c.T
    values = dict(sent=c.D(f.appeal_sent), office=f.nav_office, date=c.D(f.decision_date), ref=f.nav_reference)
    lead = (T("intro_appeal_rep", rep=f.representative_name, **values) if f.representative_name
            else T("intro_appeal", **values))
    blocks = [Block("p", text=lead)]
    if f.forwarded:
        blocks.append(Block("p", text=T("intro_forwarded", forwarded=c.D(f.forwarded))))
    if c.inp.received and c.inp.received != f.forwarded:
        blocks.append(Block("p", text=T("intro_received", received=c.D(c.inp.received))))
    blocks.append(Block("p", text=T("intro_competence")))
    if processing_overdue(c.inp.received, c.inp.our_date):
        blocks.append(Block("p", text=T("intro_delay")))
    return blocks


def _background(c: _Ctx) -> list[Block]:
    f, T, lang = c.facts, c.T, c.lang
    periods = c.inp.evaluation.periods
    kind_key = f"kind_{f.decision_kind}"
    kind = T(kind_key) if has(kind_key) else T("kind_utbetaling")
    blocks = [Block("p", text=T("subject", kind=kind, periods=", ".join(c.P(p.fra, p.til) for p in periods) or "–"))]
    for p in periods:
        blocks.append(Block("p", text=T("subject_nav_net", nav_net=fmt.format_kr(p.nav_net, whole=True),
                                        period=c.P(p.fra, p.til))))
    if f.programme[0]:
        blocks.append(Block("p", text=T("bg_programme", period=c.P(*f.programme))))
    if f.children:
        blocks.append(Block("p", text=T("bg_children", n=count_in_words(f.children, lang))))
    items: list[str] = []
    for w in f.work:
        wk = f"work_{w['kind']}"
        line = T("bg_work", kind=T(wk) if has(wk) else T("work_arbeid"), period=c.P(*w["period"]),
                 hours=fmt.format_quantity(w["hours"]))
        items.append(line + (" " + T("bg_note", text=str(w["note"])) if w["note"] else ""))
    for a in f.absence:
        line = T("bg_absence", date=fmt.format_date(a["date"], lang), hours=fmt.format_quantity(a["hours"]),
                 valid=T("valid_true" if a["valid"] else "valid_false"))
        items.append(line + (" " + T("bg_note", text=str(a["reason"])) if a["reason"] else ""))
    for lv in f.leave:
        line = T("bg_leave", period=c.P(*lv["period"]))
        items.append(line + (" " + T("bg_note", text=str(lv["reason"])) if lv["reason"] else ""))
    for b in f.benefits:
        bk = f"benefit_{b['kind']}"
        items.append(T("bg_benefit", kind=T(bk) if has(bk) else T("benefit_other"), period=c.P(*b["period"]),
                       amount=fmt.format_kr(b["daily_amount"])))
    if items:
        blocks += [Block("p", text=T("bg_facts_lead")), Block("ul", items=items)]
    if f.nav_reasons:
        blocks += [Block("p", text=T("bg_nav_reasons")), Block("quote", text=str(f.nav_reasons))]
    if f.hjemler:
        blocks.append(Block("p", text=T("bg_nav_hjemler", hjemler=", ".join(_hjemmel(h, lang) for h in f.hjemler))))
    return blocks


def _appeal(c: _Ctx) -> list[Block]:
    f, T = c.facts, c.T
    blocks = ([Block("p", text=T("appeal_lead")), Block("ol", items=list(f.arguments))] if f.arguments
              else [Block("p", text=T("appeal_lead_none"))])
    if f.nav_statement:
        blocks += [Block("p", text=T("nav_statement_lead")), Block("quote", text=str(f.nav_statement))]
    return blocks


def _s48_points(c: _Ctx) -> list[tuple[Mapping[str, Any], DiscretionAnswer]]:
    """The fritt-skjønn points where Nav exercised discretion and the jurist made the sotjl § 48 finding."""
    points = list(c.inp.evaluation.discretion)
    answers = list(c.inp.discretion_answers)
    out = []
    for i, point in enumerate(points):
        ans = answers[i] if i < len(answers) else None
        if ans is not None and (ans.fritt_skjonn or point.get("limited_by_sotjl_48")) and ans.apenbart_urimelig is not None:
            out.append((point, ans))
    return out


def _point_topic(point: Mapping[str, Any], lang: str) -> str:
    """A ⚖ point's name as a heading, never its checklist question (appeals.md §11)."""
    topic = str(point.get("topic_nn") if lang == "nn" and point.get("topic_nn") else point.get("topic") or "")
    return "" if topic.rstrip().endswith("?") else topic


def _legal(c: _Ctx) -> list[Block]:
    f, T, ev = c.facts, c.T, c.inp.evaluation
    adm = ev.admissibility
    periods = ev.periods
    blocks: list[Block] = []
    if not c.merits or (adm is not None and adm.timely is False):
        blocks.append(Block("p", text=T("law_klagefrist", p_klagefrist=c.p("klagefrist"), p_sent=c.p("sent_in_time"))))
        if adm is not None and adm.over_one_year:
            blocks.append(Block("p", text=T("law_one_year", p_one_year=c.p("one_year"))))
        elif adm is not None and adm.timely is False:
            blocks.append(Block("p", text=T("law_late")))
    if c.merits:
        factors = sorted({d.factor for p in periods for d in p.days if d.factor is not None}) or list(ev.parameters.factor)
        blocks.append(Block("p", text=T("law_35", factor=" / ".join(fmt.format_plain_decimal(x) for x in factors))))
        if f.children:
            blocks.append(Block("p", text=T("law_bt")))
        if f.absence or _sum(p.absence for p in periods):
            blocks.append(Block("p", text=T("law_36")))
        if f.work or _sum(p.work for p in periods):
            blocks.append(Block("p", text=T("law_37")))
            if any(w["kind"] == "omsorgsstonad" for w in f.work):
                blocks.append(Block("p", text=T("law_37_omsorg")))
        if f.benefits or _sum(p.samordning for p in periods) or any("38" in h for h in f.hjemler):
            blocks.append(Block("p", text=T("law_38")))
        if _s48_points(c):  # § 48 only where Nav exercised fritt skjønn (appeals.md §11)
            blocks.append(Block("p", text=T("law_48", p_self_government=c.p("self_government"))))
    return blocks


def _timeliness(c: _Ctx) -> list[Block]:
    """Every letter states whether the appeal was in time (appeals.md §11), with the dates; a late appeal heard
    anyway gives the ground and the jurist's reasons; one year is its own rule (fvl. § 31 third paragraph)."""
    f, T, inp = c.facts, c.T, c.inp
    adm = inp.evaluation.admissibility
    if adm is None:
        return []
    sent = c.D(f.appeal_sent)
    if adm.over_one_year:
        return [Block("p", text=T("over_one_year", date=c.D(f.decision_date), sent=sent, p_one_year=c.p("one_year")))]
    if adm.timely is not False:
        notice = adm.notice_received or f.notice_received
        if notice is not None:
            return [Block("p", text=T("timely", notice=c.D(notice), deadline=c.D(adm.deadline), sent=sent))]
        return [Block("p", text=T("timely_no_notice", date=c.D(f.decision_date), sent=sent, deadline=c.D(adm.deadline)))]
    days = adm.days_late or 0
    blocks = [Block("p", text=T("late_sent", deadline=c.D(adm.deadline), sent=sent,
                                days=f"{count_in_words(days, c.lang)} {T('day_one' if days == 1 else 'day_many')}"))]
    if inp.late_appeal_admitted and c.merits:
        ground = "late_a" if inp.late_appeal_ground != "saerlige_grunner" else "late_b"
        blocks.append(Block("p", text=T("late_heard_a" if ground == "late_a" else "late_heard_b", p_late=c.p(ground))))
    elif not c.merits:
        blocks.append(Block("p", text=T("late_not_heard")))
    if has_text(inp.late_appeal_reasons):
        blocks.append(_rich(inp.late_appeal_reasons))
    return blocks


def _assessment(c: _Ctx) -> list[Block]:
    inp, T, lang, ev = c.inp, c.T, c.lang, c.inp.evaluation
    blocks: list[Block] = []
    timeliness = _timeliness(c)
    if timeliness:
        blocks += [Block("h3", text=T("h_timeliness")), *timeliness]
    if c.merits:
        blocks += [Block("h3", text=T("h_computation")), Block("p", text=T("computation_lead"), css="keep")]
        rows = []
        for p in ev.periods:
            rows.append([c.P(p.fra, p.til), str(p.stonadsdager), fmt.format_kr(p.gross, whole=False),
                         fmt.format_kr(_sum((p.absence, p.work, p.samordning)), whole=False),
                         fmt.format_kr(p.net, whole=True), fmt.format_kr(p.nav_net, whole=True),
                         fmt.format_kr(p.difference, whole=True)])
        foot = []
        if len(ev.periods) > 1:
            foot = [T("tbl_total"), "", "", "", fmt.format_kr(ev.total.net, whole=True),
                    fmt.format_kr(ev.total.nav_net, whole=True), fmt.format_kr(ev.total.difference, whole=True)]
        blocks.append(Block("table", head=[T(k) for k in ("tbl_period", "tbl_days", "tbl_gross", "tbl_deductions",
                                                          "tbl_net", "tbl_nav_net", "tbl_diff")],
                            rows=rows, foot=foot, numeric=[False] + [True] * 6, css="computation"))
        blocks.append(Block("h3", text=T("h_errors")))
        errors = error_texts(ev, lang, inp.decision, period_text=lambda pr: c.P(pr.fra, pr.til))
        for err in errors:
            lead = T("err_in_period", period=err.period) if err.period and len(ev.periods) > 1 else ""
            blocks.append(Block("p", text=lead + " ".join(err.sentences)))
        if not errors:
            blocks.append(Block("p", text=T("no_errors")))
        if has_information(ev):
            blocks.append(Block("p", text=T("info_g_after_decision")))
        if c.ugunst_kept:
            blocks.append(Block("p", text=T("ugunst_unchanged", diff=fmt.format_kr(_difference_total(ev), whole=True),
                                            p_reformatio=c.p("reformatio"))))
        elif c.ugunst_changed:
            blocks.append(Block("p", text=T("ugunst_changed", diff=fmt.format_kr(_difference_total(ev), whole=True),
                                            varsel=c.D(inp.reformatio_varsel), p_reformatio=c.p("reformatio"))))
        # ⚖ findings that mattered: the jurist's reasoned finding, never the checklist question
        findings: list[Block] = []
        for point, ans in _s48_points(c):
            topic = _point_topic(point, lang)
            finding = T("s48_yes" if ans.apenbart_urimelig else "s48_no")
            findings.append(Block("p", text=f"{topic}: {finding}" if topic else finding))
            if has_text(ans.text):
                findings.append(_rich(ans.text))
            if has_text(ans.selvstyre):
                findings.append(_rich(ans.selvstyre))
        shown = {id(a) for _, a in _s48_points(c)}
        for ans in inp.discretion_answers:
            if id(ans) not in shown and ans.in_letter and has_text(ans.text):
                findings.append(_rich(ans.text))
        if findings:
            blocks += [Block("h3", text=T("h_discretion")), *findings]
        for topic in TOPICS:
            body = inp.assessment.get(topic, "")
            if has_text(body):
                blocks += [Block("h3", text=T(f"h_topic_{topic}")), _rich(body)]
    if has_text(inp.outcome_reasons):
        blocks += [Block("h3", text=T("h_reasons")), _rich(inp.outcome_reasons)]
    if c.facts.arguments:
        blocks.append(Block("h3", text=T("h_arguments")))
        answers = list(inp.argument_answers)
        for i, arg in enumerate(c.facts.arguments):
            blocks.append(Block("qa", text=arg, html=paragraphs(answers[i] if i < len(answers) else ""),
                                items=[T("argument_n", n=i + 1)]))
    return blocks


def _finality(c: _Ctx) -> list[Block]:
    """fvl. § 28 third paragraph: a decision on the merits is final; a dismissal may be appealed unless a) Nav
    also dismissed the appeal or b) Nav tried admissibility and found it admissible (appeals.md §11)."""
    T = c.T
    if c.merits:
        return [Block("p", text=T("finality", p_final=c.p("final")))]
    exception = c.inp.avvisning_exception
    if exception == "a":
        return [Block("p", text=T("finality_avvise_a", p_dismissal_a=c.p("dismissal_final_a")))]
    if exception == "b":
        return [Block("p", text=T("finality_avvise_b", p_dismissal_b=c.p("dismissal_final_b")))]
    # not recorded, or neither: the right to appeal stands (the gate asks for the record)
    return [Block("p", text=T("finality_avvise_appealable", p_dismissal=c.p("dismissal_appealable"),
                              p_where=c.p("where_to_send")))]


def build_letter(inp: LetterInput) -> Letter:
    """The section model of the letter in ``inp.language``; every figure from ``inp.evaluation``, every sentence
    of reasoning from what the jurist recorded or from the trace."""
    lang = inp.language
    if lang not in LANGS:
        raise ValueError(f"language: must be nb or nn, not {lang!r}")
    if inp.outcome not in OUTCOMES:
        raise ValueError(f"outcome: must be one of {', '.join(OUTCOMES)}, not {inp.outcome!r}")
    facts = case_facts(inp.decision)
    ev = inp.evaluation
    act = acts.act_for(inp.our_date, ev.parameters.assumptions.get("fvl_2025_in_force"))
    c = _Ctx(inp, facts, lang, direction_of(ev), act)
    T = c.T
    office_name = inp.office.name(lang)

    letterhead = [(T("our_date"), c.D(inp.our_date)), (T("our_ref"), inp.our_reference),
                  (T("their_date"), c.D(facts.appeal_sent)),
                  *([(T("their_ref"), inp.their_reference)] if inp.their_reference else []),
                  (T("nav_ref"), facts.nav_reference), (T("caseworker"), inp.signers.saksbehandler_name),
                  (T("direct_phone"), inp.signers.saksbehandler_phone)]
    if facts.representative_name:
        addressee = [facts.representative_name, *facts.representative_address]
        claimant_line = T("on_behalf", name=facts.claimant_name)
    else:
        addressee = [facts.claimant_name, *facts.claimant_address]
        claimant_line = None

    outcome = _outcome_blocks(c)
    sections = [
        Section("decision", T("h_decision"), outcome),
        Section("intro", T("h_intro"), _intro(c)),
        Section("background", T("h_background"), _background(c)),
        Section("appeal", T("h_appeal"), _appeal(c)),
        Section("legal", T("h_legal"), _legal(c)),
        Section("assessment", T("h_assessment"), _assessment(c)),
        Section("conclusion", T("h_conclusion"),
                [*[Block(b.kind, text=b.text, css=b.css) for b in outcome if b.css == "outcome" or c.changed],
                 *([_rich(inp.conclusion)] if has_text(inp.conclusion) else [])]),
        Section("finality", T("h_finality"), _finality(c)),
        Section("access", T("h_access"), [Block("p", text=T("access", p_access=c.p("access")))]),
    ]
    if c.changed and c.direction == "til_gunst":
        sections.append(Section("costs", T("h_costs"), [Block("p", text=T("costs", p_costs=c.p("costs")))]))
    sections.append(Section("ombud", T("h_ombud"), [Block("p", text=T("ombud"))]))

    checks = [("our_reference", inp.our_reference), ("nav_reference", facts.nav_reference),
              ("our_date", c.D(inp.our_date)), ("claimant", facts.claimant_name), ("outcome", outcome[0].text)]
    for p in ev.periods:
        key = f"periods[{p.fra.isoformat()}]"
        checks += [(f"{key}.period", c.P(p.fra, p.til)), (f"{key}.nav_net", fmt.format_kr(p.nav_net, whole=True))]
        if c.merits and p.net is not None:
            checks.append((f"{key}.net", fmt.format_kr(p.net, whole=True)))

    signature = {
        "regards": T("regards"),
        "leader": f"{inp.signers.leader_name} {T('ef')}",
        "leader_title": inp.signers.leader_title or T("title_leader"),
        "caseworker": inp.signers.saksbehandler_name,
        "caseworker_title": inp.signers.saksbehandler_title or T("title_caseworker"),
        "electronic": T("electronic"),
        "annex_label": T("annex"),
        "annex": T("annex_name") if c.merits else "",
        "copy_label": T("copy_to"),
    }
    copies = [facts.nav_office] + ([facts.claimant_name] if facts.representative_name else [])
    annex = annex_sections(ev, leave_periods(facts.leave), lang) if c.merits else []
    return Letter(
        lang=lang, title=T("title", name=facts.claimant_name), author=office_name, draft=inp.draft,
        office_name=office_name, office=inp.office, letterhead=letterhead, addressee=addressee,
        claimant_line=claimant_line, sections=sections, signature=signature, copies=copies,
        annex_title=T("h_annex"), annex=annex, outcome=inp.outcome, direction=c.direction,
        checks=list(dict.fromkeys(checks)), act=act,
    )


def _hjemmel(text: str, lang: str) -> str:
    """A provision string from the engine, in the letter's written standard (law names only).

    Internal references of the rules spec («; T1», «rules.md R13») are not for the reader."""
    text = re.sub(r"\s*;\s*T\d+\b", "", text)
    text = re.sub(r"rules\.md\s*R?\d*", "", text).strip(" ;,")
    text = text.replace("§ ", "§\u00a0")
    return law_names(text, lang)
