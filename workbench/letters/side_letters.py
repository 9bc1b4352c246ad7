"""The side letters of an appeal as ``Letter``s: the decision letter's section model and template
(``letter.html.j2``), their own sections (issue 13).

- **Foreløpig svar** — forvaltningsloven § 11 a: where an answer takes time, an interim reply that says why
  and, as far as possible, when an answer can be expected (the second paragraph as commonly quoted); in
  cases on an enkeltvedtak within one month of receipt (third paragraph). The project has not verified the
  text of § 11 a (appeals.md §7: the link is [INF], the text [NV]), so the letter cites the section, not a
  paragraph.
- **Forsinkelsesmelding** — the same duty when a promised date cannot be kept: a new date and the reason
  (the lack of it is Sivilombudet's most frequent criticism of processing time).
- **Request to Nav** (anmodning om dokumenter) — which documents, and by when.
- **Varsel om endring til ugunst** — forvaltningsloven § 34 second paragraph (1967 act; § 68 fourth paragraph
  of the 2025 act): no change to the claimant's detriment unless notice was sent within three months of
  Nav receiving the appeal. The letter holds no note to the jurist: everything in it is for the claimant.

Pure: every value arrives in :class:`SideLetterInput` (the service ``workbench.services.side_letters``
reads the case); every fixed text comes from the catalogue in the case's written standard; what the jurist
wrote is plain text, escaped (``plaintext.paragraphs``) — never markup.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from workbench.letters import acts
from workbench.letters.model import Letter, Office, case_facts
from workbench.letters.plaintext import as_plain, has_text, paragraphs
from workbench.letters.sections import Block, Section
from workbench.texts import LANGS
from workbench.texts import text as t
from workbench.texts.formatting import LETTER as fmt

FORELOPIG_SVAR = "forelopig_svar"
FORSINKELSESMELDING = "forsinkelsesmelding"
DOKUMENTANMODNING = "dokumentanmodning"
VARSEL_UGUNST = "varsel_ugunst"
KINDS = (FORELOPIG_SVAR, FORSINKELSESMELDING, DOKUMENTANMODNING, VARSEL_UGUNST)
#: the letters that go to the claimant (or the fullmektig), copied to the Nav office; the rest go to Nav
TO_CLAIMANT = (FORELOPIG_SVAR, FORSINKELSESMELDING, VARSEL_UGUNST)


@dataclass(frozen=True, slots=True)
class SideLetterInput:
    """Everything one side letter is made from."""

    kind: str  # one of KINDS
    language: str  # nb | nn: the case's written standard
    decision: Any  # the import document (dict) after the review's fact corrections
    our_reference: str
    our_date: date
    signer_name: str  # the user who makes the letter: a saksbehandler or a leder, no co-signature
    signer_is_leader: bool = False
    office: Office = field(default_factory=Office)
    act: str = acts.ACT_1967  # the forvaltningsloven in force on our_date (acts.act_for)
    received: date | None = None  # the day Statsforvalteren received the case
    promised: date | None = None  # foreløpig svar, forsinkelsesmelding: when we expect to decide
    previous_promise: date | None = None  # forsinkelsesmelding: the date we gave before …
    previous_letter_date: date | None = None  # … in the letter of this date
    reply: date | None = None  # request to Nav, § 34 varsel: the reply asked for by this day
    reason: str = ""  # plain text: why it takes time (§ 11 a), or why the change is considered (§ 34)
    documents: tuple[str, ...] = ()  # request to Nav: the documents, one per item (plain text)
    nav_received: date | None = None  # § 34 varsel: the day the Nav office received the appeal
    net: Decimal | None = None  # § 34 varsel: the stønad by the law (evaluation total) …
    nav_net: Decimal | None = None  # … and as Nav decided it
    draft: bool = True  # a preview says UTKAST; the journalled letter does not


def document_lines(text: str | None) -> tuple[str, ...]:
    """The jurist's list of documents: one per line, a leading «- » dropped, blank lines ignored."""
    out = []
    for line in as_plain(text).split("\n"):
        line = line.strip().lstrip("-–*•").strip()
        if line:
            out.append(line)
    return tuple(out)


def build_side_letter(inp: SideLetterInput) -> Letter:
    """The section model of one side letter in ``inp.language`` (raises ``ValueError`` for an unknown kind
    or language, or a value the kind needs and the input lacks: a programming error, the service checks
    the jurist's input first)."""
    if inp.language not in LANGS:
        raise ValueError(f"language: must be nb or nn, not {inp.language!r}")
    if inp.kind not in KINDS:
        raise ValueError(f"kind: must be one of {', '.join(KINDS)}, not {inp.kind!r}")
    lang = inp.language
    facts = case_facts(inp.decision)

    def T(key: str, **values: Any) -> str:
        return t(key, lang, **values)

    def D(d: date | None) -> str:
        return fmt.format_date(d, lang, long=True)

    office_name = inp.office.name(lang)
    to_claimant = inp.kind in TO_CLAIMANT
    common = dict(office=facts.nav_office, date=D(facts.decision_date), ref=facts.nav_reference)
    p_time = acts.provision("processing_time", inp.act)
    checks: list[tuple[str, str]] = [("our_reference", inp.our_reference), ("our_date", D(inp.our_date))]
    sections: list[Section] = []

    if inp.kind == FORELOPIG_SVAR:
        _need(inp, "promised", inp.promised)
        lead = (T("intro_appeal_rep", rep=facts.representative_name, sent=D(facts.appeal_sent), **common)
                if facts.representative_name else T("intro_appeal", sent=D(facts.appeal_sent), **common))
        received = [Block("p", text=lead)]
        if inp.received is not None:
            received.append(Block("p", text=T("intro_received", received=D(inp.received))))
        sections.append(Section("received", T("h_sl_received"), received))
        sections.append(Section("when", T("h_sl_when"), [
            Block("p", text=T("sl_expect", promised=D(inp.promised))),
            Block("p", text=T("sl_target")),
            Block("p", text=T("sl_forelopig_law", p_processing_time=p_time)),
        ]))
        if has_text(inp.reason):
            sections.append(Section("why", T("h_sl_why"), [Block("rich", html=paragraphs(inp.reason))]))
        checks.append(("promised_date", D(inp.promised)))
    elif inp.kind == FORSINKELSESMELDING:
        _need(inp, "promised", inp.promised)
        _need(inp, "previous_promise", inp.previous_promise)
        sections.append(Section("when", T("h_sl_when"), [
            Block("p", text=T("sl_delay_lead", letter_date=D(inp.previous_letter_date),
                              old_promised=D(inp.previous_promise), **common)),
            Block("p", text=T("sl_delay_new", promised=D(inp.promised))),
            Block("p", text=T("sl_delay_law", p_processing_time=p_time)),
        ]))
        sections.append(Section("why", T("h_sl_why"), [Block("rich", html=paragraphs(inp.reason))]))
        checks.append(("promised_date", D(inp.promised)))
    elif inp.kind == DOKUMENTANMODNING:
        _need(inp, "reply", inp.reply)
        blocks = [Block("p", text=T("sl_request_lead", claimant=facts.claimant_name, date=D(facts.decision_date),
                                    ref=facts.nav_reference)),
                  Block("p", text=T("sl_request_need")), Block("ul", items=list(inp.documents))]
        if has_text(inp.reason):
            blocks.append(Block("rich", html=paragraphs(inp.reason)))
        sections.append(Section("request", T("h_sl_request"), blocks))
        sections.append(Section("reply", T("h_sl_reply"), [
            Block("p", text=T("sl_request_reply", reply=D(inp.reply), our_ref=inp.our_reference))]))
        checks.append(("reply_date", D(inp.reply)))
    else:  # VARSEL_UGUNST
        _need(inp, "reply", inp.reply)
        _need(inp, "nav_received", inp.nav_received)
        diff = abs((inp.nav_net or Decimal(0)) - (inp.net or Decimal(0)))
        lead = (T("intro_appeal_rep", rep=facts.representative_name, sent=D(facts.appeal_sent), **common)
                if facts.representative_name else T("intro_appeal", sent=D(facts.appeal_sent), **common))
        sections.append(Section("varsel", T("h_sl_varsel"), [
            Block("p", text=lead),
            Block("p", text=T("sl_varsel_figures", net=fmt.format_kr(inp.net, whole=True),
                              nav_net=fmt.format_kr(inp.nav_net, whole=True), diff=fmt.format_kr(diff, whole=True))),
            Block("p", text=T("sl_varsel_law", p_reformatio=acts.provision("reformatio", inp.act),
                              received=D(inp.nav_received))),
        ]))
        sections.append(Section("reasons", T("h_sl_varsel_reasons"), [Block("rich", html=paragraphs(inp.reason))]))
        sections.append(Section("comment", T("h_sl_comment"), [
            Block("p", text=T("sl_varsel_reply", reply=D(inp.reply), our_ref=inp.our_reference)),
            Block("p", text=T("sl_varsel_not_decided")),
        ]))
        checks += [("reply_date", D(inp.reply)), ("nav_received", D(inp.nav_received)),
                   ("net", fmt.format_kr(inp.net, whole=True)), ("nav_net", fmt.format_kr(inp.nav_net, whole=True))]
    if to_claimant:
        sections.append(Section("questions", T("h_sl_questions"), [
            Block("p", text=T("sl_questions", phone=inp.office.phone, our_ref=inp.our_reference))]))

    letterhead = [(T("our_date"), D(inp.our_date)), (T("our_ref"), inp.our_reference)]
    if to_claimant:
        letterhead += [(T("their_date"), D(facts.appeal_sent)), (T("nav_ref"), facts.nav_reference)]
    else:  # to the Nav office: its own case number is «Deres ref.»
        letterhead.append((T("their_ref"), facts.nav_reference))
    letterhead += [(T("caseworker"), inp.signer_name), (T("direct_phone"), inp.office.phone)]

    claimant_line = None
    if not to_claimant:
        addressee, copies = [facts.nav_office], [facts.claimant_name]
    elif facts.representative_name:
        addressee = [facts.representative_name, *facts.representative_address]
        claimant_line = T("on_behalf", name=facts.claimant_name)
        copies = [facts.nav_office, facts.claimant_name]
    else:
        addressee, copies = [facts.claimant_name, *facts.claimant_address], [facts.nav_office]

    signature = {
        "regards": T("regards"),
        # one signer, no leder «e.f.»: these letters decide nothing (the template's leader column stays empty)
        "leader": "", "leader_title": "",
        "caseworker": inp.signer_name,
        "caseworker_title": T("title_leader") if inp.signer_is_leader else T("title_caseworker"),
        "electronic": T("electronic"),
        "annex_label": T("annex"), "annex": "",
        "copy_label": T("copy_to"),
    }
    title = T("sl_title_forelopig_svar") if inp.kind == FORELOPIG_SVAR else (
        T("sl_title_forsinkelsesmelding") if inp.kind == FORSINKELSESMELDING else (
            T("sl_title_dokumentanmodning") if inp.kind == DOKUMENTANMODNING else T("sl_title_varsel_ugunst")))
    return Letter(
        lang=lang, title=title, author=office_name, draft=inp.draft, office_name=office_name, office=inp.office,
        letterhead=letterhead, addressee=addressee, claimant_line=claimant_line, sections=sections,
        signature=signature, copies=[c for c in copies if c], annex_title="", annex=[], outcome=inp.kind,
        direction="", checks=list(dict.fromkeys(checks)), act=inp.act,
    )


def _need(inp: SideLetterInput, name: str, value: object) -> None:
    if value is None:
        raise ValueError(f"{inp.kind}: {name} is required")
