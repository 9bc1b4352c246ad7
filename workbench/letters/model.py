"""The decision letter as data: ``LetterInput`` (what the jurist decided) → ``Letter`` (the sections).

One section model for both written standards: ``build_letter`` takes every fixed text from
the catalogue (``workbench.texts``) in the input's language and every figure from the evaluation record
(``workbench.formats.evaluation_json.read_evaluation`` of ``evaluate_document``'s JSON: Decimal amounts, dates,
G and the factor as values) — no amount, date or day count is typed by hand or parsed from text.

Text kinds, and how they reach the page:
- values from the import, the claimant or Nav (names, reasons, arguments, notes, statements,
  addresses) are plain ``str`` — the template escapes them (autoescape on, never ``|safe``);
- the jurist's assessment blocks are rich text, passed through ``sanitize.sanitize_rich_text`` here,
  and carried as ``markupsafe.Markup`` — the only markup that reaches the page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any
from collections.abc import Iterable, Mapping, Sequence

from markupsafe import Markup

from workbench.appeal.discretion import direction
from workbench.formats.evaluation_json import AssumptionValue, EvaluationRecord, PeriodRecord, ReductionRecord

from workbench.appeal.taxonomy import category_in_letter, code_label
from workbench.letters.sanitize import plain_text_of, sanitize_rich_text
from workbench.texts import LANGS, has, law_names
from workbench.texts import text as t
from workbench.texts.formatting import LETTER as fmt  # the letter's style: «kr 6 797» unbroken, «–» for none

OUTCOMES = ("stadfeste", "omgjore", "omgjore_delvis", "oppheve", "avvise")
#: The four review topics (appeals.md §3), keys of ``LetterInput.assessment``.
TOPICS = ("faktum", "saksbehandling", "lov", "skjonn")
ROUNDING_TOLERANCE = 1  # kr (rules.md T5 ROUNDING_TOLERANCE)
#: Status of the parameters of rules.md T5 (V = settled by the text; INF/ASSUMPTION shown in the annex), for
#: an evaluation without the engine's assumption register.
PARAMETER_BASIS: dict[str, str] = {
    "G": "table",
    "factor": "V",
    "divisor": "V",
    "barnetillegg_per_day": "table",
    "t_2041": "V",
    "count_holidays": "INF",
    "absence_method": "ASSUMPTION",
    "abs_reduces_bt": "ASSUMPTION",
    "under_25_full_rate_from": "ASSUMPTION",
    "child_age_limit": "ASSUMPTION",
    "rounding": "ASSUMPTION",
    "r38_netting": "ASSUMPTION",
    "y_is_gross": "ASSUMPTION",
    "r38_includes_bt": "ASSUMPTION",
    "reduction_order": "ASSUMPTION",
    "work_hours_split": "ASSUMPTION",
    "benefit_days": "ASSUMPTION",
    "stonadsdager_per_week": "INF",
}


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

    text: str  # rich text: the assessment of the point
    fritt_skjonn: bool = False  # the point is Nav's fritt skjønn (sotjl § 48 limit applies)
    apenbart_urimelig: bool | None = None  # the § 48 finding (required when fritt_skjonn)
    selvstyre: str = ""  # rich text: how kommunalt selvstyre was weighed (required when fritt_skjonn)
    title: str | None = None  # heading override (plain text), e.g. a nynorsk topic


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
    argument_answers: Sequence[str] = ()  # rich text, one per appeal.arguments[i]
    discretion_answers: Sequence[DiscretionAnswer] = ()  # one per evaluation["discretion"][i]
    assessment: Mapping[str, str] = field(default_factory=dict)  # TOPICS key → rich text
    conclusion: str = ""  # optional rich text added to the conclusion
    avvisning_ground: str = ""  # rich text: the recorded ground when outcome is avvise
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
class Block:
    """One block of a section. ``kind`` ∈ p, rich, quote, ol, ul, h3, qa, table, kv."""

    kind: str
    text: str = ""  # plain text (escaped by the template)
    html: Markup = Markup("")  # sanitised rich text (kind "rich", "qa")
    items: list = field(default_factory=list)  # ol/ul: plain strings; kv: (label, value)
    head: list[str] = field(default_factory=list)  # table header
    rows: list[list[str]] = field(default_factory=list)  # table body (plain strings)
    foot: list[str] = field(default_factory=list)  # table footer row
    numeric: list[bool] = field(default_factory=list)  # right-aligned columns
    css: str = ""  # a fixed class name chosen here (never user text)


@dataclass(slots=True)
class Section:
    key: str
    heading: str
    blocks: list[Block] = field(default_factory=list)
    level: int = 2


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

    def text(self, key: str, **values) -> str:
        return t(key, self.lang, **values)


# ---------------------------------------------------------------------------------------------
# Building
# ---------------------------------------------------------------------------------------------


def direction_of(evaluation: EvaluationRecord) -> str:
    """``til_gunst`` / ``uendret`` / ``til_ugunst`` / ``ukjent`` from the evaluation's total
    (:func:`workbench.appeal.discretion.direction`, ±1 kr ``ROUNDING_TOLERANCE``)."""
    return direction(evaluation, Decimal(ROUNDING_TOLERANCE)) or "ukjent"


_MONEY_COMPONENTS = frozenset({"samordning", "net", "work", "absence", "gross", "gross_base", "barnetillegg",
                               "annen"})


def _money_or_plain(value: Decimal | str | None, component: str | None = None) -> str:
    """A discrepancy's Nav/correct value: an amount, or a provision's name (``wrong-hjemmel``)."""
    if value is None or value == "":
        return "–"
    if isinstance(value, str):
        return value
    if component in _MONEY_COMPONENTS or abs(value) >= 10:
        return fmt.format_kr(value)
    return fmt.format_plain_decimal(value)


def _sum(amounts: Iterable[Decimal | None]) -> Decimal:
    """The sum of the figures there are (a figure not computed counts as nothing)."""
    return sum((a for a in amounts if a is not None), Decimal(0))


def _values_text(values: tuple[Decimal, ...], kr: bool) -> str:
    """G «kr 124 028 / kr 130 160», a factor «2,041»: each value the evaluation used, once."""
    return " / ".join(fmt.format_kr(v) if kr else fmt.format_plain_decimal(v) for v in values)


def _param_value(key: str, value: AssumptionValue | tuple[Decimal, ...], lang: str) -> str:
    if value is None and has(f"v_{key}_none"):
        return t(f"v_{key}_none", lang)
    if isinstance(value, str) and has(f"v_{key}_{value}"):
        return t(f"v_{key}_{value}", lang)
    if key == "rounding_tolerance":
        return fmt.format_kr(value)
    if isinstance(value, bool):
        return t("v_true" if value else "v_false", lang)
    if value is None or value == "" or value == ():
        return t("v_none", lang)
    if isinstance(value, str) and has(f"v_{value}"):
        return t(f"v_{value}", lang)
    if isinstance(value, date):
        return fmt.format_date(value, lang, long=True)
    if isinstance(value, tuple):  # G, factor, barnetillegg per day
        return _values_text(value, kr=key in ("G", "barnetillegg_per_day"))
    if isinstance(value, Decimal | int):
        return fmt.format_plain_decimal(value)
    return str(value)


def _rich(text: str | None) -> Block:
    return Block("rich", html=sanitize_rich_text(text))


def build_letter(inp: LetterInput) -> Letter:
    """The section model of the letter in ``inp.language``; every figure from ``inp.evaluation``."""
    lang = inp.language
    if lang not in LANGS:
        raise ValueError(f"language: must be nb or nn, not {lang!r}")
    if inp.outcome not in OUTCOMES:
        raise ValueError(f"outcome: must be one of {', '.join(OUTCOMES)}, not {inp.outcome!r}")

    def T(key: str, **values) -> str:
        return t(key, lang, **values)

    facts = case_facts(inp.decision)
    ev = inp.evaluation
    periods = ev.periods
    direction = direction_of(ev)
    office_name = inp.office.name(lang)
    D = lambda d: fmt.format_date(d, lang, long=True)  # noqa: E731
    P = lambda a, b: fmt.format_period(a, b, lang)  # noqa: E731
    checks: list[tuple[str, str]] = []

    title = T("title", name=facts.claimant_name)

    # -- letterhead -----------------------------------------------------------------------------
    letterhead = [
        (T("our_date"), D(inp.our_date)),
        (T("our_ref"), inp.our_reference),
        (T("their_date"), D(facts.appeal_sent)),
    ]
    letterhead.append((T("their_ref"), inp.their_reference or ""))
    letterhead += [
        (T("nav_ref"), facts.nav_reference),
        (T("caseworker"), inp.signers.saksbehandler_name),
        (T("direct_phone"), inp.signers.saksbehandler_phone),
    ]
    checks += [
        ("our_reference", inp.our_reference),
        ("nav_reference", facts.nav_reference),
        ("our_date", D(inp.our_date)),
        ("claimant", facts.claimant_name),
    ]

    if facts.representative_name:
        addressee = [facts.representative_name, *facts.representative_address]
        claimant_line = T("on_behalf", name=facts.claimant_name)
        who = T("who_rep", rep=facts.representative_name, name=facts.claimant_name)
    else:
        addressee = [facts.claimant_name, *facts.claimant_address]
        claimant_line = None
        who = facts.claimant_name

    sections: list[Section] = []
    dec_date = D(facts.decision_date)

    # -- the decision up front --------------------------------------------------------------------
    outcome_text = T(f"outcome_{inp.outcome}", office=facts.nav_office, date=dec_date)
    checks.append(("outcome", outcome_text))
    decision_blocks = [Block("p", text=outcome_text, css="outcome")]
    changed = inp.outcome in ("omgjore", "omgjore_delvis")
    if changed:
        for p in periods:
            if p.net is None:
                continue
            decision_blocks.append(Block("p", text=T(
                "new_amount", name=facts.claimant_name, net=fmt.format_kr(p.net, whole=True),
                period=P(p.fra, p.til))))
            checks.append((f"periods[{p.fra.isoformat()}].net", fmt.format_kr(p.net, whole=True)))
    elif inp.outcome == "stadfeste" and direction == "til_ugunst":
        decision_blocks.append(Block("p", text=T("ugunst_note")))
    sections.append(Section("decision", T("h_decision"), decision_blocks))

    # -- introduction ---------------------------------------------------------------------------
    intro = [Block("p", text=T("intro_appeal", sent=D(facts.appeal_sent), who=who, office=facts.nav_office,
                                 date=dec_date, ref=facts.nav_reference))]
    if facts.forwarded:
        intro.append(Block("p", text=T("intro_forwarded", forwarded=D(facts.forwarded))))
    intro.append(Block("p", text=T("intro_competence")))
    sections.append(Section("intro", T("h_intro"), intro))

    # -- subject ----------------------------------------------------------------------------------
    kind_key = f"kind_{facts.decision_kind}"
    kind = T(kind_key) if has(kind_key) else facts.decision_kind
    period_texts = [P(p.fra, p.til) for p in periods]
    subject = [Block("p", text=T("subject", kind=kind, periods=", ".join(period_texts) or "–"))]
    for p in periods:
        subject.append(Block("p", text=T("subject_nav_net", nav_net=fmt.format_kr(p.nav_net, whole=True),
                                           period=P(p.fra, p.til))))
        checks.append((f"periods[{p.fra.isoformat()}].period", P(p.fra, p.til)))
        checks.append((f"periods[{p.fra.isoformat()}].nav_net", fmt.format_kr(p.nav_net, whole=True)))
    sections.append(Section("subject", T("h_subject"), subject))

    # -- background -------------------------------------------------------------------------------
    bg: list[Block] = []
    if facts.programme[0]:
        bg.append(Block("p", text=T("bg_programme", name=facts.claimant_name,
                                      period=P(*facts.programme))))
    if facts.children:
        bg.append(Block("p", text=T("bg_children", name=facts.claimant_name, n=facts.children)))
    facts_list: list[str] = []
    for w in facts.work:
        wk = f"work_{w['kind']}"
        line = T("bg_work", kind=T(wk) if has(wk) else w["kind"], period=P(*w["period"]),
                 hours=fmt.format_plain_decimal(w["hours"]))
        if w["note"]:
            line += " " + T("bg_note", text=str(w["note"]))
        facts_list.append(line)
    for a in facts.absence:
        line = T("bg_absence", date=fmt.format_date(a["date"], lang), hours=fmt.format_plain_decimal(a["hours"]),
                 valid=T("valid_true" if a["valid"] else "valid_false"))
        if a["reason"]:
            line += " " + T("bg_note", text=str(a["reason"]))
        facts_list.append(line)
    for lv in facts.leave:
        line = T("bg_leave", period=P(*lv["period"]))
        if lv["reason"]:
            line += " " + T("bg_note", text=str(lv["reason"]))
        facts_list.append(line)
    for b in facts.benefits:
        bk = f"benefit_{b['kind']}"
        label = T(bk) if has(bk) else T("benefit_other", kind=b["kind"])
        facts_list.append(T("bg_benefit", kind=label, period=P(*b["period"]),
                            amount=fmt.format_kr(b["daily_amount"])))
    if facts_list:
        bg.append(Block("ul", items=facts_list))
    if facts.nav_reasons:
        bg.append(Block("p", text=T("bg_nav_reasons")))
        bg.append(Block("quote", text=str(facts.nav_reasons)))
    if facts.hjemler:
        bg.append(Block("p", text=T("bg_nav_hjemler", hjemler=", ".join(_hjemmel(h, lang) for h in facts.hjemler))))
    sections.append(Section("background", T("h_background"), bg))

    # -- the appeal -------------------------------------------------------------------------------
    appeal = [Block("p", text=T("appeal_lead")), Block("ol", items=list(facts.arguments))]
    if facts.nav_statement:
        appeal.append(Block("p", text=T("nav_statement_lead")))
        appeal.append(Block("quote", text=str(facts.nav_statement)))
    sections.append(Section("appeal", T("h_appeal"), appeal))

    # -- legal basis ------------------------------------------------------------------------------
    adm = ev.admissibility
    late = adm is not None and adm.timely is False
    legal: list[Block] = []
    merits = inp.outcome != "avvise"
    if late or not merits:
        legal.append(Block("p", text=T("law_admissibility")))
    if merits:
        legal.append(Block("p", text=T("law_35", factor=_values_text(ev.parameters.factor, kr=False))))
        if facts.absence or _sum(p.absence for p in periods):
            legal.append(Block("p", text=T("law_36")))
        if facts.work or _sum(p.work for p in periods):
            legal.append(Block("p", text=T("law_37")))
        nav_samordning = any("38" in h for h in facts.hjemler)
        if facts.benefits or _sum(p.samordning for p in periods) or nav_samordning:
            legal.append(Block("p", text=T("law_38")))
        legal.append(Block("p", text=T("law_48")))
    sections.append(Section("legal", T("h_legal"), legal))

    # -- assessment -------------------------------------------------------------------------------
    assess: list[Block] = []
    if adm is not None and late and adm.days_late is not None:
        assess.append(Block("p", text=T("late_appeal", days=adm.days_late, deadline=D(adm.deadline))))
        if merits:
            assess.append(Block("p", text=T("late_excused")))
    if not merits:
        assess.append(_rich(inp.avvisning_ground))
    # answers to each argument
    answers = list(inp.argument_answers)
    if facts.arguments:
        assess.append(Block("h3", text=T("h_arguments")))
        for i, arg in enumerate(facts.arguments):
            answer = answers[i] if i < len(answers) else ""
            assess.append(Block("qa", text=arg, html=sanitize_rich_text(answer),
                                items=[T("argument_n", n=i + 1)]))
    if merits:
        for topic in TOPICS:
            body = inp.assessment.get(topic, "")
            if plain_text_of(body):
                assess.append(Block("h3", text=T(f"h_topic_{topic}")))
                assess.append(_rich(body))
        # computation per period
        assess.append(Block("h3", text=T("h_computation")))
        assess.append(Block("p", text=T("computation_lead"), css="keep"))
        rows = []
        for p in periods:
            ded = _sum((p.absence, p.work, p.samordning))
            rows.append([
                P(p.fra, p.til), str(p.stonadsdager), fmt.format_kr(p.gross, whole=False),
                fmt.format_kr(ded, whole=False), fmt.format_kr(p.net, whole=True),
                fmt.format_kr(p.nav_net, whole=True), fmt.format_kr(p.difference, whole=True),
            ])
            if p.net is not None:
                checks.append((f"periods[{p.fra.isoformat()}].net", fmt.format_kr(p.net, whole=True)))
        total = ev.total
        foot = []
        if len(periods) > 1:
            foot = [T("tbl_total"), "", "", "", fmt.format_kr(total.net, whole=True),
                    fmt.format_kr(total.nav_net, whole=True), fmt.format_kr(total.difference, whole=True)]
        assess.append(Block("table", head=[T(k) for k in ("tbl_period", "tbl_days", "tbl_gross", "tbl_deductions",
                                                            "tbl_net", "tbl_nav_net", "tbl_diff")],
                            rows=rows, foot=foot, numeric=[False] + [True] * 6, css="computation"))
        # each discrepancy
        assess.append(Block("h3", text=T("h_discrepancies")))
        items = []
        for dsc in ev.discrepancies:
            code = dsc.code
            label = code_label(code, lang) or T("dc_other", code=code)
            cat = dsc.category
            per = P(dsc.periode.fra, dsc.periode.til) if dsc.periode is not None else ""
            items.append(T("discrepancy_line", label=label,
                           category=category_in_letter(cat, lang) or T("cat_other"),
                           hjemmel=_hjemmel(dsc.hjemmel, lang) or "–", period=per or "–",
                           nav=_hjemmel(_money_or_plain(dsc.nav, dsc.component), lang),
                           correct=_hjemmel(_money_or_plain(dsc.correct, dsc.component), lang)))
        assess.append(Block("ul", items=items) if items else Block("p", text=T("no_discrepancies")))
        # each discretion point
        points = list(ev.discretion)
        d_answers = list(inp.discretion_answers)
        if points:
            assess.append(Block("h3", text=T("h_discretion")))
            for i, point in enumerate(points):
                ans = d_answers[i] if i < len(d_answers) else DiscretionAnswer(text="")
                topic = ans.title or (str(point.get("topic", "")) if lang == "nb" else
                                      str(point.get("topic_nn") or _hjemmel(str(point.get("hjemmel", "")), lang)))
                assess.append(Block("p", text=T("discretion_point", n=i + 1, topic=topic), css="point"))
                fritt = ans.fritt_skjonn or bool(point.get("limited_by_sotjl_48"))
                if fritt:
                    assess.append(Block("p", text=T("discretion_free")))
                elif point.get("kind") == "faktum":
                    assess.append(Block("p", text=T("discretion_faktum")))
                elif point.get("kind") == "fritt_skjonn":
                    assess.append(Block("p", text=T("discretion_own")))
                else:
                    assess.append(Block("p", text=T("discretion_legal")))
                assess.append(_rich(ans.text))
                if fritt:
                    if ans.apenbart_urimelig is not None:
                        assess.append(Block("p", text=T("discretion_unreasonable_yes" if ans.apenbart_urimelig
                                                          else "discretion_unreasonable_no")))
                    assess.append(Block("p", text=T("discretion_selvstyre"), css="lead"))
                    assess.append(_rich(ans.selvstyre))
    sections.append(Section("assessment", T("h_assessment"), assess))

    # -- conclusion, finality, access, costs ---------------------------------------------------------
    concl = [Block("p", text=outcome_text, css="outcome")]
    if changed:
        for p in periods:
            if p.net is None:
                continue
            concl.append(Block("p", text=T(
                "new_amount", name=facts.claimant_name, net=fmt.format_kr(p.net, whole=True),
                period=P(p.fra, p.til))))
    if plain_text_of(inp.conclusion):
        concl.append(_rich(inp.conclusion))
    sections.append(Section("conclusion", T("h_conclusion"), concl))
    sections.append(Section("finality", T("h_finality"), [Block("p", text=T("finality"))]))
    sections.append(Section("access", T("h_access"), [Block("p", text=T("access"))]))
    if changed and direction == "til_gunst":
        sections.append(Section("costs", T("h_costs"), [Block("p", text=T("costs"))]))

    signature = {
        "regards": T("regards"),
        "leader": f"{inp.signers.leader_name} {T('ef')}",
        "leader_title": inp.signers.leader_title or T("title_leader"),
        "caseworker": inp.signers.saksbehandler_name,
        "caseworker_title": inp.signers.saksbehandler_title or T("title_caseworker"),
        "electronic": T("electronic"),
        "annex_label": T("annex"),
        "annex": T("annex_name") if merits else "",
        "copy_label": T("copy_to"),
    }
    copies = [facts.nav_office]
    if facts.representative_name:
        copies.append(facts.claimant_name)

    annex = _annex(ev, lang) if merits else []

    return Letter(
        lang=lang, title=title, author=office_name, draft=inp.draft, office_name=office_name,
        office=inp.office, letterhead=letterhead, addressee=addressee, claimant_line=claimant_line,
        sections=sections, signature=signature, copies=copies, annex_title=T("h_annex"), annex=annex,
        outcome=inp.outcome, direction=direction, checks=_unique(checks),
    )


def _unique(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    seen, out = set(), []
    for pair in pairs:
        if pair not in seen:
            seen.add(pair)
            out.append(pair)
    return out


def _hjemmel(text: str, lang: str) -> str:
    """A provision string from the engine, in the letter's written standard (law names only).

    Internal references of the rules spec («; T1», «rules.md R13») are not for the reader."""
    text = re.sub(r"\s*;\s*T\d+\b", "", text)
    text = re.sub(r"rules\.md\s*R?\d*", "", text).strip(" ;,")
    text = text.replace("§ ", "§\u00a0")
    return law_names(text, lang)


def _reductions_untraced(p: PeriodRecord) -> tuple[ReductionRecord, ...]:
    """The reductions of a period whose evaluation carries no trace, from its figures."""
    return (ReductionRecord("absence", "sosialtjenesteloven § 36", p.absence, {}),
            ReductionRecord("work", "sosialtjenesteloven § 37", p.work, {}),
            ReductionRecord("samordning", "sosialtjenesteloven § 38", p.samordning, {}))


def _annex(ev: EvaluationRecord, lang: str) -> list[Section]:
    """«Slik er stønaden beregnet / rekna ut»: per period the trace, then every parameter used."""

    def T(key: str, **values: Any) -> str:
        return t(key, lang, **values)

    def kr(v: Decimal | None, whole: bool = False) -> str:
        return fmt.format_kr(v, whole=whole)

    params = ev.parameters
    out: list[Section] = [Section("annex_lead", "", [Block("p", text=T("annex_lead"))], level=3)]
    for p in ev.periods:
        blocks: list[Block] = []
        days = p.days
        if days:  # G, factor and barnetillegg rate for each day range (R26)
            rows = []
            for d in days:
                annual = f"{fmt.format_kr(d.g)} × {fmt.format_plain_decimal(d.factor)}"
                if d.under_25:
                    annual += " " + T("d_u25")
                bt = T("d_bt_value", n=d.children, rate=fmt.format_kr(d.barnetillegg_rate or 0)) if d.children else "–"
                rows.append([fmt.format_period(d.periode.fra, d.periode.til, lang), str(d.stonadsdager), annual,
                             ("kr\u00a0" + fmt.format_number(d.day_rate, decimals=4)) if d.day_rate is not None else "–",
                             bt, kr(d.gross_base), kr(d.barnetillegg)])
            blocks.append(Block("table", head=[T(k) for k in ("d_range", "d_days", "d_annual", "d_rate", "d_bt",
                                                              "d_base", "d_bt_sum")],
                                rows=rows, numeric=[False, True, True, True, True, True, True], css="days"))
        rows = []
        if not days:
            rows.append([T("a_days"), str(p.stonadsdager)])
            if params.g:
                rows.append([T("a_g"), _param_value("G", params.g, lang)])
            if params.factor:
                rows.append([T("a_factor"), _values_text(params.factor, kr=False)])
            if p.gross_base is not None:
                rows.append([T("a_base"), kr(p.gross_base)])
            rate = params.barnetillegg_per_day
            if p.barnetillegg is not None:
                label = T("a_bt", rate=kr(rate[0])) if len(rate) == 1 and rate[0] else T("a_bt_none")
                rows.append([label, kr(p.barnetillegg)])
        rows.append([T("a_gross"), kr(p.gross)])
        for r in p.reductions or _reductions_untraced(p):
            if r.kind == "absence":
                label = T("a_absence")
            elif r.kind == "work":
                label = T("a_work", hours=fmt.format_plain_decimal(p.work_hours if p.work_hours is not None
                                                                   else Decimal(0)))
            elif r.kind == "samordning":
                label = T("a_samordning")
            else:
                label = T("a_reduction")
            provision = _hjemmel(r.provision, lang)
            if provision:
                label += f" ({provision})"
            rows.append([label, "− " + kr(r.amount if r.amount is not None else Decimal(0))])
        if p.net is None:
            rows.append([T("a_net"), T("a_missing")])
        else:
            if p.net_unrounded is not None:
                rows.append([T("a_net_unrounded"), kr(p.net_unrounded)])
            rows.append([T("a_net"), kr(p.net, whole=True)])
        rows.append([T("a_nav_net"), kr(p.nav_net, whole=True)])
        rows.append([T("a_diff"), kr(p.difference, whole=True)])
        blocks.append(Block("table", rows=rows, numeric=[False, True], css="calc"))
        out.append(Section(f"annex_{p.fra.isoformat()}", T("annex_period", period=fmt.format_period(p.fra, p.til, lang)),
                           blocks, level=3))
    # every parameter used, with its basis ([V], [INF], [ASSUMPTION]); the engine's register when given
    rows = []
    if ev.assumptions:
        for a in ev.assumptions:
            key = a.name
            tag = str(a.status or "ASSUMPTION").strip("[]").split("]")[0].upper()
            rows.append([T(f"prm_{key}") if has(f"prm_{key}") else key, _param_value(key, a.value, lang),
                         T(f"basis_{tag}") if has(f"basis_{tag}") else str(a.status)])
    else:
        values: list[tuple[str, AssumptionValue | tuple[Decimal, ...]]] = [
            ("G", params.g), ("factor", params.factor), ("barnetillegg_per_day", params.barnetillegg_per_day),
            *params.assumptions.items()]
        for key, value in values:
            basis = PARAMETER_BASIS.get(key, "ASSUMPTION")
            rows.append([T(f"prm_{key}") if has(f"prm_{key}") else key, _param_value(key, value, lang),
                         T(f"basis_{basis}")])
    out.append(Section("annex_params", T("a_params"),
                       [Block("table", head=[T("a_param"), T("a_value"), T("a_basis")], rows=rows,
                              numeric=[False, False, False], css="params")], level=3))
    return out
