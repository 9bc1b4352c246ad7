"""Issue 12 «Two persons, really», through the web: the leder's approval is a second person's check of
a finished letter, and stays one.

The three sidesteps of the issue, each closed:
(a) approving (or sending) a letter with no outcome chosen and a placeholder left in the text — refused
    with the finalize gate's reasons;
(b) changing the letter after the leder approved it — the outcome on the review page, the letter text,
    a fact correction, a re-evaluation: each withdraws the approval («tilbakekalt»), finalising is refused
    and the letter page says so;
(c) a leder who wrote or edited any part of the letter or the review, with someone else pressing «Send
    til godkjenning» — cannot approve it; a leder who did not touch the case can, and signs «e.f.».
"""

from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import select
from test_vedtak_gate import finalize, letter_row, save
from vedtak_support import fresh

from workbench.db.appeal_models import ApprovalEvent
from workbench.db.models import User
from workbench.services import approval, audit, review_store
from workbench.services import letters as letter_service
from workbench.services.audit import events_for_case
from workbench.web.letter.routes import field_label

APPROVAL_REFUSED = "Du har selv skrevet eller endret vurderingen/brevet i denne saken"


@pytest.fixture
def leder_named(app, make_user, login, db):
    """A logged-in leder client with a display name of its own (to see who signs «e.f.»)."""

    def _make(name: str):
        user = make_user("leder")
        row = db.get(User, user.id)
        row.display_name = name
        db.add(row)
        db.commit()
        client = app.test_client()
        login(client, user)
        client.user = user
        return client

    return _make


def url(case, suffix: str = "") -> str:
    return f"/saker/{case.public_id}/{suffix}"


def send(client, db, case):
    return client.post(url(case, "vedtak/send"), data={"version": fresh(db, case).version})


def approve(client, db, case):
    return client.post(url(case, "vedtak/godkjenn"), data={"version": fresh(db, case).version})


def error_summary(response) -> str:
    """The page's error summary (the list of reasons at the top), without the rest of the page."""
    page = response.get_data(as_text=True)
    start = page.index('id="error-summary"')
    return page[start:page.index("</div>", start)]


def actions(db, case) -> list[str]:
    return [e.action for e in db.exec(select(ApprovalEvent).where(ApprovalEvent.case_id == case.id)
                                      .order_by(ApprovalEvent.id))]


def approved_case(flow, db):
    """A complete letter, sent by the saksbehandler and approved by an untouched leder."""
    case, sb, leder = flow()
    assert save(sb, db, case).status_code == 302
    assert send(sb, db, case).status_code == 302
    r = approve(leder, db, case)
    assert r.status_code == 302, r.get_data(as_text=True)[:3000]
    assert letter_row(db, case).status == "godkjent"
    assert letter_service.current_approval(db, fresh(db, case)) is not None
    return case, sb, leder


def other_outcome(db, case) -> str:
    """An outcome the review page accepts (not blocked) other than the one recorded."""
    from workbench.appeal.outcome import OUTCOMES

    row = fresh(db, case)
    review = review_store.current_review(db, row, today=date.today())
    blocked = {b["option"] for b in review["outcome"]["blocked"]}
    chosen = review_store.load_review(db, row).recorded.chosen_outcome
    return next(code for code in OUTCOMES if code not in blocked and code != chosen)


def assert_withdrawn(db, case, sb, reason: str):
    """The approval is withdrawn explicitly, and nothing can be finalised on it."""
    row = letter_row(db, case)
    assert row.status == "utkast"
    assert fresh(db, case).status == "under_behandling"
    assert letter_service.current_approval(db, fresh(db, case)) is None
    last = db.exec(select(ApprovalEvent).where(ApprovalEvent.case_id == case.id)
                   .order_by(ApprovalEvent.id.desc())).first()
    assert last.action == "tilbakekalt" and reason in last.comment and last.by_id == sb.user.id
    trail = [e.action for e in events_for_case(db, case.id)]
    assert trail.index("letter.tilbakekalt") > trail.index("letter.godkjent")
    # finalising is refused, and says why
    r = finalize(sb, db, case)
    assert r.status_code == 422
    page = r.get_data(as_text=True)
    assert "tilbakekalt" in page and f"{field_label('leader_approval')}:" in page  # by its label
    assert letter_row(db, case).pdf is None and fresh(db, case).status != "ferdigstilt"
    # the letter page says so: the approval section, the letter's status, the history with the reason
    page = sb.get(url(case, "vedtak")).get_data(as_text=True)
    section = page[page.index('id="godkjenning"'):]
    assert "leders godkjenning er tilbakekalt" in section and reason in section
    assert "Endret etter godkjenning" in page
    assert "Godkjenningen tilbakekalt (endret etter godkjenning)" in page[page.index('id="historikk"'):]
    assert "Send til ny godkjenning" in section


# --- (a) approval is refused while the gate would refuse --------------------------------------------------


def test_a_letter_without_an_outcome_or_with_a_placeholder_cannot_be_sent(flow, db):
    case, sb, _leder = flow(outcome=None)
    assert save(sb, db, case, faktum="<p>[Fyll inn: vurdering av faktum]</p>").status_code == 302
    r = send(sb, db, case)
    assert r.status_code == 422
    summary = error_summary(r)
    assert "utfallet er ikke valgt på vurderingssiden" in summary
    assert "inneholder en plassholder som ikke er fylt ut" in summary and 'href="#f-block_faktum"' in summary
    assert "leder har ikke godkjent" not in summary  # the approval still to come is no reason not to send
    assert letter_row(db, case).status == "utkast" and fresh(db, case).status != "til_godkjenning"
    assert actions(db, case) == []


def test_the_leader_cannot_approve_a_letter_the_gate_would_refuse(flow, db):
    """A letter lying with the leder that the gate refuses (sent before this rule, or the gate changed
    since): «Godkjenn» is refused with all of the gate's reasons, and nothing is approved."""
    case, sb, leder = flow(outcome=None)
    assert save(sb, db, case, faktum="<p>[Fyll inn: vurdering av faktum]</p>").status_code == 302
    row = letter_row(db, case)
    row.status = "til_godkjenning"  # as if it had been sent
    db.add(row)
    db.commit()
    expected = [p for p in letter_service.gate_problems(db, fresh(db, case), today=date.today())
                if p[0] != "leader_approval"]
    assert ("outcome", "utfallet er ikke valgt på vurderingssiden") in expected
    assert ("assessment.faktum", "inneholder en plassholder som ikke er fylt ut") in expected
    r = approve(leder, db, case)
    assert r.status_code == 422
    summary = error_summary(r)
    for fld, reason in expected:
        assert f"{field_label(fld)}: {reason}" in summary, (fld, reason)  # by the label the jurist knows
    assert letter_row(db, case).status == "til_godkjenning" and "godkjent" not in actions(db, case)
    # the service says the same
    with pytest.raises(letter_service.FinalizeBlocked) as blocked:
        letter_service.approve(db, fresh(db, case), expected_version=fresh(db, case).version,
                               actor=audit.Actor(user_id=leder.user.id), today=date.today())
    assert blocked.value.problems == expected


# --- (b) any change after approval withdraws it ------------------------------------------------------------


def test_changing_the_outcome_after_approval_withdraws_it(flow, db):
    case, sb, leder = approved_case(flow, db)
    r = sb.post(url(case, "vurdering/utfall"), data={"version": fresh(db, case).version,
                                                     "outcome": other_outcome(db, case),
                                                     "reasons": "Ny vurdering etter godkjenningen."})
    assert r.status_code == 302
    review_page = sb.get(r.location).get_data(as_text=True)
    assert "Utfallet er lagret." in review_page and "godkjenning av vedtaket er tilbakekalt" in review_page
    assert_withdrawn(db, case, sb, "vurderingen er endret")


def test_saving_the_letter_text_after_approval_withdraws_it(flow, db):
    case, sb, leder = approved_case(flow, db)
    page = sb.get(url(case, "vedtak")).get_data(as_text=True)
    assert 'id="letter-form"' in page and "trekkes godkjenningen tilbake" in page
    assert save(sb, db, case).status_code == 302  # the same text again: nothing changed, nothing withdrawn
    assert letter_row(db, case).status == "godkjent" and "tilbakekalt" not in actions(db, case)
    assert save(sb, db, case, faktum="<p>Faktum er utdypet etter godkjenningen.</p>").status_code == 302
    assert_withdrawn(db, case, sb, "brevet (tekst, målform eller referanse) er endret")


def test_correcting_a_fact_after_approval_withdraws_it(flow, db):
    case, sb, leder = approved_case(flow, db)
    r = sb.post(url(case, "vurdering/faktum"), data={
        "version": fresh(db, case).version, "path": "decision.reasons",
        "value": "Omsorgsstønaden er trukket fra kvalifiseringsstønaden.", "reason": "Rettet etter vedtaksbrevet."})
    assert r.status_code == 302, r.get_data(as_text=True)[:2000]
    assert "tilbakekalt" in sb.get(r.location).get_data(as_text=True)
    assert_withdrawn(db, case, sb, "faktum er rettet")


def test_a_re_evaluation_after_approval_withdraws_it(flow, db):
    case, sb, leder = approved_case(flow, db)
    assert sb.post(url(case, "vurder"), data={"version": fresh(db, case).version}).status_code == 302
    assert_withdrawn(db, case, sb, "saken er beregnet på nytt")


def test_after_a_withdrawal_the_letter_is_sent_and_approved_again(flow, db, client_as):
    case, sb, leder = approved_case(flow, db)
    # the text changed in the form and «Send til godkjenning» pressed: saved (withdrawing), then sent
    from test_vedtak_flow import letter_form

    data = letter_form(fresh(db, case).version, "nb", faktum="<p>Faktum er utdypet.</p>")
    r = sb.post(url(case, "vedtak/send"), data=data)
    assert r.status_code == 302, r.get_data(as_text=True)[:3000]
    assert letter_row(db, case).status == "til_godkjenning" and fresh(db, case).status == "til_godkjenning"
    assert actions(db, case) == ["sendt_til_godkjenning", "godkjent", "tilbakekalt", "sendt_til_godkjenning"]
    assert approve(leder, db, case).status_code == 302
    assert finalize(sb, db, case).status_code == 302
    assert letter_row(db, case).status == "ferdigstilt"


def test_the_review_cannot_change_while_the_letter_lies_with_the_leder(flow, db):
    """While til godkjenning, a review edit (or a re-evaluation) is refused with the reason; the jurist
    takes the letter back first («Trekk tilbake fra godkjenning») — then the edit goes through."""
    case, sb, leder = flow()
    assert save(sb, db, case).status_code == 302
    assert send(sb, db, case).status_code == 302
    before = review_store.load_review(db, fresh(db, case)).recorded
    outcome = other_outcome(db, case)
    data = {"outcome": outcome, "reasons": "Endret mens lederen vurderer."}
    r = sb.post(url(case, "vurdering/utfall"), data={"version": fresh(db, case).version, **data})
    assert r.status_code == 409
    page = r.get_data(as_text=True)
    assert approval.AWAITING_MESSAGE in page and "Endret mens lederen vurderer." in page  # what was typed stays
    assert review_store.load_review(db, fresh(db, case)).recorded == before
    r = sb.post(url(case, "vurdering/anforsler"), data={
        "version": fresh(db, case).version,
        "argument-0": "Statsforvalteren har vurdert anførselen på nytt og kommer til samme resultat.",
        "argument-1": "Statsforvalteren har vurdert også denne anførselen på nytt, med samme resultat."})
    assert r.status_code == 409 and approval.AWAITING_MESSAGE in r.get_data(as_text=True)
    r = sb.post(url(case, "vurder"), data={"version": fresh(db, case).version})
    assert approval.AWAITING_MESSAGE in sb.get(r.location).get_data(as_text=True)
    with pytest.raises(approval.AwaitingApproval):
        review_store.correct_fact(db, fresh(db, case), "decision.reasons", "Ny tekst.", "Rettet.",
                                  expected_version=fresh(db, case).version, actor=audit.Actor(user_id=sb.user.id))
    r = save(sb, db, case, faktum="<p>Endret mens lederen vurderer.</p>")
    assert "kan ikke endres" in sb.get(r.location).get_data(as_text=True)
    assert letter_row(db, case).status == "til_godkjenning"

    page = sb.get(url(case, "vedtak")).get_data(as_text=True)
    assert "Trekk tilbake fra godkjenning" in page
    r = sb.post(url(case, "vedtak/trekk-tilbake"), data={"version": fresh(db, case).version})
    assert r.status_code == 302
    assert letter_row(db, case).status == "utkast" and fresh(db, case).status == "under_behandling"
    assert actions(db, case) == ["sendt_til_godkjenning", "trukket_tilbake"]
    assert "Trukket tilbake fra godkjenning" in sb.get(url(case, "vedtak")).get_data(as_text=True)
    r = sb.post(url(case, "vurdering/utfall"), data={"version": fresh(db, case).version, **data})
    assert r.status_code == 302
    assert review_store.load_review(db, fresh(db, case)).recorded.chosen_outcome == outcome
    assert "tilbakekalt" not in actions(db, case)  # nothing was approved, so nothing withdrawn


# --- (c) the approver may not have written or edited any part of it ------------------------------------------


def _saves_letter_text(leder, db, case):
    assert save(leder, db, case, faktum="<p>Lederen har skrevet faktum.</p>").status_code == 302
    return "lagret brevteksten"


def _records_the_outcome(leder, db, case):
    rec = review_store.load_review(db, fresh(db, case)).recorded
    r = leder.post(url(case, "vurdering/utfall"), data={"version": fresh(db, case).version,
                                                        "outcome": rec.chosen_outcome,
                                                        "reasons": "Lederens begrunnelse for utfallet."})
    assert r.status_code == 302
    return "registrert vurderingen eller utfallet"


def _answers_an_argument(leder, db, case):
    r = leder.post(url(case, "vurdering/anforsler"), data={"version": fresh(db, case).version,
                                                           "argument-0": "Lederen har vurdert anførselen om timetallet "
                                                                         "og er ikke enig i den.",
                                                           "argument-1": "Lederen har vurdert anførselen om trekket "
                                                                         "og er enig i den."})
    assert r.status_code == 302
    return "svart på klagerens anførsler"


def _corrects_a_fact(leder, db, case):
    r = leder.post(url(case, "vurdering/faktum"), data={
        "version": fresh(db, case).version, "path": "decision.reasons",
        "value": "Omsorgsstønaden er trukket fra kvalifiseringsstønaden.", "reason": "Lederen rettet begrunnelsen."})
    assert r.status_code == 302, r.get_data(as_text=True)[:2000]
    return "rettet faktum"


@pytest.mark.parametrize("touch", [_saves_letter_text, _records_the_outcome, _answers_an_argument, _corrects_a_fact],
                         ids=["letter-text", "outcome", "argument-answers", "fact-correction"])
def test_a_leder_who_wrote_or_edited_cannot_approve_when_someone_else_sends(touch, flow, db, leder_named):
    case, sb, _leder = flow()
    writer = leder_named("Lise Skrivende")
    assert save(sb, db, case).status_code == 302
    what = touch(writer, db, case)
    assert send(sb, db, case).status_code == 302  # someone else presses «Send til godkjenning»
    assert writer.user.id in letter_service.contributors(db, fresh(db, case))

    page = writer.get(url(case, "vedtak")).get_data(as_text=True)
    section = page[page.index('id="godkjenning"'):]
    assert APPROVAL_REFUSED in section and what in section
    assert f'action="/saker/{case.public_id}/vedtak/godkjenn"' not in section
    r = approve(writer, db, case)
    assert r.status_code == 409
    assert APPROVAL_REFUSED in r.get_data(as_text=True) and what in r.get_data(as_text=True)
    assert letter_row(db, case).status == "til_godkjenning" and "godkjent" not in actions(db, case)
    with pytest.raises(letter_service.LetterError, match="Du har selv skrevet eller endret"):
        letter_service.approve(db, fresh(db, case), expected_version=fresh(db, case).version,
                               actor=audit.Actor(user_id=writer.user.id))

    # a leder who did not touch the case approves, and is the one who signs «e.f.»
    other = leder_named("Ola Uberørt")
    assert other.user.id not in letter_service.contributors(db, fresh(db, case))
    assert approve(other, db, case).status_code == 302
    r = finalize(sb, db, case)
    assert r.status_code == 302, r.get_data(as_text=True)[:3000]
    from workbench.letters.pdfa import extract_text

    text = extract_text(letter_row(db, case).pdf)
    assert "Ola Uberørt (e.f.)" in text and "Lise Skrivende" not in text
    assert actions(db, case) == ["sendt_til_godkjenning", "godkjent", "ferdigstilt"]


def test_the_leder_who_sends_cannot_approve(flow, db, leder_named):
    case, sb, _leder = flow()
    sender = leder_named("Siri Sender")
    assert save(sb, db, case).status_code == 302
    assert send(sender, db, case).status_code == 302
    r = approve(sender, db, case)
    assert r.status_code == 409 and "sendt vedtaket til godkjenning" in r.get_data(as_text=True)
    assert letter_row(db, case).status == "til_godkjenning"


def test_contributors_are_who_wrote_or_edited_not_who_looked_or_returned(flow, db, leder_named):
    case, sb, leder = flow()
    looker = leder_named("Lene Leser")
    assert looker.get(url(case, "vedtak")).status_code == 200
    assert looker.get(url(case, "vurdering")).status_code == 200
    writer = leder_named("Lise Skrivende")
    _answers_an_argument(writer, db, case)
    assert save(sb, db, case).status_code == 302
    assert send(sb, db, case).status_code == 302
    r = leder.post(url(case, "vedtak/returner"), data={"version": fresh(db, case).version, "comment": "Utdyp."})
    assert r.status_code == 302
    assert letter_service.contributors(db, fresh(db, case)) == {sb.user.id, writer.user.id}
    # the one who returned it, and the one who only looked, may approve the next round
    assert send(sb, db, case).status_code == 302
    assert letter_service.approver_problem(db, fresh(db, case), leder.user.id) is None
    assert letter_service.approver_problem(db, fresh(db, case), looker.user.id) is None
    assert approve(looker, db, case).status_code == 302
