"""The finalize gate, the two-person rules, freezing, hostile markup and concurrent edits."""

from __future__ import annotations

import re
from datetime import date

import pytest
from sqlmodel import select
from test_vedtak_flow import letter_form
from vedtak_support import fresh

from workbench.db.appeal_models import ApprovalEvent, Letter
from workbench.db.models import User
from workbench.services import audit
from workbench.services import letters as letter_service
from workbench.web.letter.routes import field_label


def save(client, db, case, lang="nb", **blocks):
    return client.post(f"/saker/{case.public_id}/vedtak", data=letter_form(fresh(db, case).version, lang, **blocks))


def send_and_approve(db, case, sb, leder):
    assert sb.post(f"/saker/{case.public_id}/vedtak/send", data={"version": fresh(db, case).version}).status_code == 302
    r = leder.post(f"/saker/{case.public_id}/vedtak/godkjenn", data={"version": fresh(db, case).version})
    assert r.status_code == 302, r.get_data(as_text=True)[:2000]


def finalize(client, db, case):
    return client.post(f"/saker/{case.public_id}/vedtak/ferdigstill", data={"version": fresh(db, case).version})


def send_refused(db, case, sb, *problems):
    """«Send til godkjenning» is refused (422) while the gate would refuse for anything but the leader's
    approval: the page lists the gate's reasons, and the letter stays with the jurist."""
    r = sb.post(f"/saker/{case.public_id}/vedtak/send", data={"version": fresh(db, case).version})
    assert r.status_code == 422, r.status_code
    page = r.get_data(as_text=True)
    summary = page[page.index('id="error-summary"'):page.index("</div>", page.index('id="error-summary"'))]
    for fld, reason in problems:  # each named as the jurist sees it, never by its code
        assert field_label(fld) in summary and reason in summary, (fld, reason)
        assert f"<code>{fld}</code>" not in summary
    assert letter_row(db, case).status == "utkast" and fresh(db, case).status != "til_godkjenning"
    return page


def gate(db, case):
    return letter_service.gate_problems(db, fresh(db, case), today=date.today())


def letter_row(db, case) -> Letter:
    db.expire_all()
    return db.exec(select(Letter).where(Letter.case_id == case.id)).one()


# --- the gate: (field, reason) -----------------------------------------------------------------


def test_complete_letter_passes_the_gate(flow, db):
    case, sb, leder = flow()
    assert save(sb, db, case).status_code == 302
    send_and_approve(db, case, sb, leder)
    assert gate(db, case) == []


def test_unanswered_argument_blocks(flow, db):
    case, sb, leder = flow(answer_arguments=False)
    save(sb, db, case)
    problems = gate(db, case)
    assert ("argument_answers[0]", "tomt tekstfelt") in problems
    assert ("argument_answers[1]", "tomt tekstfelt") in problems
    send_refused(db, case, sb, ("argument_answers[0]", "tomt tekstfelt"), ("argument_answers[1]", "tomt tekstfelt"))
    r = finalize(sb, db, case)
    assert r.status_code == 422
    assert letter_row(db, case).status == "utkast" and letter_row(db, case).pdf is None


def test_unaddressed_discretion_point_blocks(flow, db):
    case, sb, leder = flow(skip_point=0)
    save(sb, db, case)
    problems = gate(db, case)
    point = letter_service.build_input(db, fresh(db, case), today=date.today()).inp.evaluation.discretion[0]
    field = f"discretion.{point['code']}"
    assert any(f == field and "ikke registrert" in r for f, r in problems), problems
    assert len([f for f, _ in problems if f.startswith("discretion")]) == 1  # reported once, not twice
    send_refused(db, case, sb, *[p for p in problems if p[0] == field])


def test_outcome_contradicting_the_figures_blocks(flow, db):
    case, sb, leder = flow("D06", outcome="stadfeste")  # D06: the correct amount is higher → endres
    save(sb, db, case)
    problems = gate(db, case)
    assert any(f == "outcome" and "stadfest" in r for f, r in problems), problems
    send_refused(db, case, sb, *[p for p in problems if p[0] == "outcome"])


def test_no_leader_approval_blocks_in_the_page(flow, db):
    case, sb, _leder = flow()
    save(sb, db, case)
    assert ("leader_approval", "leder har ikke godkjent vedtaket") in gate(db, case)
    r = finalize(sb, db, case)
    assert r.status_code == 422
    page = r.get_data(as_text=True)
    summary = page[page.index('id="error-summary"'):]
    assert 'href="#godkjenning"' in summary and "Godkjenning av leder" in summary
    assert "leder har ikke godkjent vedtaket" in summary
    assert 'id="godkjenning"' in page  # the link target exists
    assert fresh(db, case).status != "ferdigstilt"


def test_a_placeholder_in_an_optional_block_blocks_and_links_to_the_field(flow, db):
    case, sb, leder = flow()
    # the four topic blocks are optional additions (the reasons live on the review page): empty is fine,
    # a placeholder left in one is not
    save(sb, db, case, faktum="[Fyll inn: vurdering av faktum og utredning]", lov="")
    problems = gate(db, case)
    assert ("assessment.faktum", "inneholder en plassholder som ikke er fylt ut") in problems
    assert not any(f == "assessment.lov" for f, _ in problems)
    page = send_refused(db, case, sb, ("assessment.faktum", "inneholder en plassholder som ikke er fylt ut"))
    assert 'href="#f-block_faktum"' in page and 'id="f-block_faktum"' in page  # the reason → the field
    assert "Faktum og utredning (valgfritt tillegg): inneholder en plassholder" in page
    r = finalize(sb, db, case)
    assert r.status_code == 422
    assert 'href="#f-block_faktum"' in r.get_data(as_text=True)


def test_the_checklist_links_to_the_textarea_while_editable(flow, db):
    case, sb, _ = flow()
    save(sb, db, case, faktum="TODO")
    page = sb.get(f"/saker/{case.public_id}/vedtak").get_data(as_text=True)
    assert 'id="f-block_faktum"' in page and 'href="#f-block_faktum"' in page  # checklist → field


# --- two persons ---------------------------------------------------------------------------------


def test_leader_cannot_approve_own_letter(db, import_case, client_as):
    own = client_as("leder")
    case = import_case("D06.json", assign_to=db.get(User, own.user.id))
    from vedtak_support import record_review

    record_review(db, case, today=date.today())
    own.get(f"/saker/{case.public_id}/vedtak")
    assert save(own, db, case).status_code == 302
    assert own.post(f"/saker/{case.public_id}/vedtak/send", data={"version": fresh(db, case).version}).status_code == 302
    page = own.get(f"/saker/{case.public_id}/vedtak").get_data(as_text=True)
    assert "kan ikke godkjenne det selv" in page
    r = own.post(f"/saker/{case.public_id}/vedtak/godkjenn", data={"version": fresh(db, case).version})
    assert r.status_code == 409
    assert "Du kan ikke godkjenne et vedtak du selv er saksbehandler for" in r.get_data(as_text=True)
    assert letter_row(db, case).status == "til_godkjenning"
    with pytest.raises(letter_service.LetterError):
        letter_service.approve(db, fresh(db, case), expected_version=fresh(db, case).version,
                               actor=audit.Actor(user_id=own.user.id))
    other = client_as("leder")
    assert other.post(f"/saker/{case.public_id}/vedtak/godkjenn",
                      data={"version": fresh(db, case).version}).status_code == 302
    assert letter_row(db, case).status == "godkjent"


def test_saksbehandler_cannot_approve(flow, db):
    case, sb, _ = flow()
    save(sb, db, case)
    sb.post(f"/saker/{case.public_id}/vedtak/send", data={"version": fresh(db, case).version})
    assert sb.post(f"/saker/{case.public_id}/vedtak/godkjenn",
                   data={"version": fresh(db, case).version}).status_code == 403


def test_return_with_comment_is_recorded(flow, db):
    case, sb, leder = flow()
    save(sb, db, case)
    sb.post(f"/saker/{case.public_id}/vedtak/send", data={"version": fresh(db, case).version})
    assert fresh(db, case).status == "til_godkjenning"
    # the comment is required
    r = leder.post(f"/saker/{case.public_id}/vedtak/returner", data={"version": fresh(db, case).version, "comment": " "})
    assert r.status_code == 400
    assert "Skriv en kommentar til saksbehandleren." in r.get_data(as_text=True)
    assert letter_row(db, case).status == "til_godkjenning"
    r = leder.post(f"/saker/{case.public_id}/vedtak/returner",
                   data={"version": fresh(db, case).version, "comment": "Utdyp vurderingen av faktum."})
    assert r.status_code == 302
    assert letter_row(db, case).status == "returnert"
    assert fresh(db, case).status == "under_behandling"
    ev = db.exec(select(ApprovalEvent).where(ApprovalEvent.case_id == case.id, ApprovalEvent.action == "returnert")).one()
    assert ev.comment == "Utdyp vurderingen av faktum." and ev.by_id == leder.user.id
    page = sb.get(f"/saker/{case.public_id}/vedtak").get_data(as_text=True)
    assert "Utdyp vurderingen av faktum." in page
    # editable again, and a new round needs a new approval
    assert save(sb, db, case, faktum="<p>Faktum er utdypet.</p>").status_code == 302
    assert letter_service.current_approval(db, fresh(db, case)) is None


def test_finalised_letter_cannot_be_edited(flow, db):
    case, sb, leder = flow()
    save(sb, db, case)
    send_and_approve(db, case, sb, leder)
    assert finalize(sb, db, case).status_code == 302
    row = letter_row(db, case)
    before = (dict(row.blocks), row.pdf_sha256, row.pdf)
    r = save(sb, db, case, faktum="<p>Endret etterpå.</p>")
    assert r.status_code == 302
    assert "ferdigstilt og kan ikke endres" in sb.get(r.location).get_data(as_text=True)
    assert sb.post(f"/saker/{case.public_id}/vedtak/send", data={"version": fresh(db, case).version}).status_code == 302
    assert leder.post(f"/saker/{case.public_id}/vedtak/returner",
                      data={"version": fresh(db, case).version, "comment": "x"}).status_code in (302, 409)
    assert finalize(sb, db, case).status_code == 302
    with pytest.raises(letter_service.LetterError):
        letter_service.save_blocks(db, fresh(db, case), {"faktum": "<p>x</p>"}, expected_version=fresh(db, case).version,
                                   actor=audit.Actor(user_id=sb.user.id))
    row = letter_row(db, case)
    assert (dict(row.blocks), row.pdf_sha256, row.pdf) == before
    assert row.status == "ferdigstilt" and fresh(db, case).status == "ferdigstilt"
    page = sb.get(f"/saker/{case.public_id}/vedtak").get_data(as_text=True)
    assert 'id="letter-form"' not in page and row.pdf_sha256 in page


# --- hostile markup ------------------------------------------------------------------------------


def test_hostile_markup_in_blocks_is_text_and_nothing_fetched(flow, db, trap_server):
    """The jurist writes plain text: markup typed into a block is kept as typed and shown as characters —
    it never reaches WeasyPrint as an element, so nothing is fetched or embedded."""
    base, hits = trap_server
    case, sb, leder = flow()
    # quoted («…») as the jurist would quote what someone wrote, so the spelling check lets it through
    hostile = (f'Vurdering «<p><img src="file:///etc/passwd"> <img src="{base}/img.png">'
               f'<link rel="attachment" href="file:///etc/passwd"><link rel="stylesheet" href="{base}/x.css">'
               f'<span style="background: url({base}/css-url)">tekst</span></p>'
               f'<p style="background-image:url(\'{base}/p-url\')">Mer tekst</p><script>alert(1)</script>»')
    assert save(sb, db, case, faktum=hostile).status_code == 302
    assert letter_row(db, case).blocks["faktum"] == hostile  # stored as typed: it is text
    # the preview (unsaved hostile text): escaped, no element
    data = letter_form(fresh(db, case).version, "nb", lov=hostile)
    r = sb.post(f"/saker/{case.public_id}/vedtak/forhandsvis", data=data, headers={"X-Preview": "1"})
    html = r.get_data(as_text=True)
    assert r.status_code == 200 and "sandbox" in r.headers["Content-Security-Policy"]
    body = html.split("<body", 1)[1]
    for bad in ("<img", "<link rel=\"attachment", "<script", "<span style", "<p style"):
        assert bad not in body, bad
    assert "&lt;img src=" in body, body[body.find("Rettsanvend"):][:600]
    # the draft PDF and the final PDF: nothing fetched, nothing embedded; the characters are shown
    draft = sb.get(f"/saker/{case.public_id}/vedtak/utkast.pdf")
    assert draft.status_code == 200 and draft.data.startswith(b"%PDF")
    send_and_approve(db, case, sb, leder)
    assert finalize(sb, db, case).status_code == 302
    from workbench.letters.pdfa import check_pdfa, extract_text

    pdf = letter_row(db, case).pdf
    assert check_pdfa(pdf) == [] and check_pdfa(draft.data) == []
    assert b"/EmbeddedFile" not in pdf and b"/Filespec" not in pdf
    text = extract_text(pdf)
    assert "Vurdering" in text and "<img src=" in text and "root:" not in text
    assert hits == []


# --- concurrent edits ----------------------------------------------------------------------------


def test_two_users_saving_at_once_the_second_gets_the_conflict(flow, db, client_as):
    case, sb, _ = flow()
    other = client_as("saksbehandler")
    seen = fresh(db, case).version  # both opened the page at this version
    first = sb.post(f"/saker/{case.public_id}/vedtak", data=letter_form(seen, "nb", faktum="<p>Først.</p>"))
    assert first.status_code == 302
    second = other.post(f"/saker/{case.public_id}/vedtak", data=letter_form(seen, "nb", faktum="<p>Andre.</p>"))
    assert second.status_code == 409
    page = second.get_data(as_text=True)
    assert "Saken er endret av noen andre siden du åpnet den" in page
    assert "&lt;p&gt;Andre.&lt;/p&gt;" in page  # the second user's text is still in the form
    assert letter_row(db, case).blocks["faktum"] == "<p>Først.</p>"
    # and at the service level
    with pytest.raises(letter_service.StaleCase):
        letter_service.save_blocks(db, fresh(db, case), {"faktum": "<p>x</p>"}, expected_version=seen,
                                   actor=audit.Actor(user_id=other.user.id))


# --- preview, draft, defaults --------------------------------------------------------------------


def test_preview_without_js_shows_unsaved_text_in_the_sandboxed_frame(flow, db):
    case, sb, _ = flow()
    data = letter_form(fresh(db, case).version, "nn", faktum="Usynleg <strong>endring</strong>")
    r = sb.post(f"/saker/{case.public_id}/vedtak/forhandsvis", data=data)
    assert r.status_code == 200
    page = r.get_data(as_text=True)
    frame = re.search(r'<iframe id="letter-preview"[^>]*>', page).group(0)
    sandbox = re.search(r'sandbox="([^"]*)"', frame).group(1).split()
    assert "allow-scripts" not in sandbox and "allow-forms" not in sandbox and "allow-top-navigation" not in sandbox
    assert "Usynleg &amp;lt;strong&amp;gt;endring" in frame  # the typed markup is text, escaped into srcdoc
    assert "Statsforvaltaren" in frame  # nynorsk chosen in the form
    assert "Usynleg" not in (letter_row(db, case).blocks.get("faktum") or "")  # nothing saved
    js = sb.post(f"/saker/{case.public_id}/vedtak/forhandsvis", data=data, headers={"X-Preview": "1"})
    assert js.mimetype == "text/html" and "Usynleg &lt;strong&gt;endring" in js.get_data(as_text=True)
    assert js.headers["Content-Security-Policy"].startswith("sandbox")


def test_draft_pdf_is_marked_utkast_and_named_without_personal_data(flow, db):
    case, sb, _ = flow()
    save(sb, db, case)
    r = sb.get(f"/saker/{case.public_id}/vedtak/utkast.pdf")
    assert r.status_code == 200 and r.data.startswith(b"%PDF")
    from workbench.letters.pdfa import extract_text

    assert "UTKAST" in extract_text(r.data)
    assert re.fullmatch(r'attachment; filename="utkast-vedtak-[A-Za-z0-9-]+-nb\.pdf"', r.headers["Content-Disposition"])
    assert sb.get(f"/saker/{case.public_id}/vedtak/vedtak.pdf").status_code == 404  # not final yet


def test_language_defaults_to_the_participant_language(db, import_case, client_as):
    sb = client_as("saksbehandler")
    demo = import_case("demo-omsorgsstonad.json")  # participant.language = nn
    d06 = import_case("D06.json")  # no language → nb
    sb.get(f"/saker/{demo.public_id}/vedtak")
    sb.get(f"/saker/{d06.public_id}/vedtak")
    assert letter_row(db, demo).language == "nn" and letter_row(db, d06).language == "nb"


def test_arkivar_sees_only_the_finalised_letter(flow, db, client_as):
    case, sb, leder = flow()
    arkivar = client_as("arkivar")
    admin = client_as("admin")
    assert arkivar.get(f"/saker/{case.public_id}/vedtak").status_code == 403
    save(sb, db, case)
    send_and_approve(db, case, sb, leder)
    assert finalize(sb, db, case).status_code == 302
    assert arkivar.get(f"/saker/{case.public_id}/vedtak").status_code == 200
    assert arkivar.get(f"/saker/{case.public_id}/vedtak/vedtak.pdf").status_code == 200
    assert arkivar.get(f"/saker/{case.public_id}/vedtak/utkast.pdf").status_code == 403
    assert admin.get(f"/saker/{case.public_id}/vedtak").status_code == 403
    assert leder.get(f"/saker/{case.public_id}/vedtak/vedtak.pdf").status_code == 200


def test_every_step_is_audited_without_personal_data(flow, db):
    case, sb, leder = flow()
    save(sb, db, case)
    send_and_approve(db, case, sb, leder)
    finalize(sb, db, case)
    from workbench.services.audit import events_for_case

    events = events_for_case(db, case.id)
    actions = [e.action for e in events]
    for a in ("letter.created", "letter.saved", "letter.sendt_til_godkjenning", "letter.godkjent",
              "letter.ferdigstilt", "letter.frozen"):
        assert a in actions, a
    name = fresh(db, case).claimant_name
    assert all(name not in (e.detail or "") for e in events)


def test_a_review_change_after_approval_needs_a_new_approval(flow, db):
    from workbench.services import review_store

    case, sb, leder = flow()
    save(sb, db, case)
    send_and_approve(db, case, sb, leder)
    assert gate(db, case) == []
    row = fresh(db, case)
    state = review_store.load_review(db, row)
    changed = type(state.recorded)(**{**{f: getattr(state.recorded, f) for f in state.recorded.__dataclass_fields__},
                                      "outcome_reasons": "Endret begrunnelse etter godkjenning."})
    review_store.save_recorded(db, row, changed, expected_version=row.version, actor=audit.Actor(user_id=sb.user.id))
    problems = gate(db, case)
    assert [f for f, _ in problems] == ["leader_approval"] and "ny godkjenning" in problems[0][1]
    assert finalize(sb, db, case).status_code == 422
    page = sb.get(f"/saker/{case.public_id}/vedtak").get_data(as_text=True)
    assert "Send til ny godkjenning" in page
    send_and_approve(db, case, sb, leder)
    assert finalize(sb, db, case).status_code == 302
    assert letter_row(db, case).status == "ferdigstilt"


# --- the rendered PDF is checked before it is stored ---------------------------------------------


def test_a_pdf_that_does_not_state_the_record_blocks(flow, db, monkeypatch):
    import workbench.letters.render as render

    original = render.render_pdf

    def wrong_reference(letter, **kw):
        letter.letterhead = [(k, "9999/1" if v == "2026/4711" else v) for k, v in letter.letterhead]
        return original(letter, **kw)

    case, sb, leder = flow()
    save(sb, db, case)
    send_and_approve(db, case, sb, leder)
    monkeypatch.setattr(render, "render_pdf", wrong_reference)
    with pytest.raises(letter_service.FinalizeBlocked) as blocked:
        letter_service.finalize(db, fresh(db, case), expected_version=fresh(db, case).version,
                                actor=audit.Actor(user_id=sb.user.id))
    assert [f for f, _ in blocked.value.problems] == ["our_reference"]
    assert "2026/4711" in blocked.value.problems[0][1]
    row = letter_row(db, case)
    assert row.status == "godkjent" and row.pdf is None and fresh(db, case).status != "ferdigstilt"


def test_a_pdf_failing_the_pdfa_check_blocks(flow, db, monkeypatch):
    import io

    import pikepdf

    import workbench.letters.render as render

    original = render.render_pdf

    def without_output_intent(letter, **kw):
        pdf = pikepdf.open(io.BytesIO(original(letter, **kw)))
        del pdf.Root["/OutputIntents"]
        out = io.BytesIO()
        pdf.save(out)
        return out.getvalue()

    case, sb, leder = flow()
    save(sb, db, case)
    send_and_approve(db, case, sb, leder)
    monkeypatch.setattr(render, "render_pdf", without_output_intent)
    r = finalize(sb, db, case)
    assert r.status_code == 422
    assert "no OutputIntent" in r.get_data(as_text=True)
    assert letter_row(db, case).pdf is None


def test_only_the_assessment_blocks_can_be_posted(flow, db):
    case, sb, _ = flow()
    data = letter_form(fresh(db, case).version, "nb")
    data.update({"block_net": "999 999", "net": "999 999", "blocks": "x", "block_evaluation": "{}"})
    assert sb.post(f"/saker/{case.public_id}/vedtak", data=data).status_code == 302
    assert set(letter_row(db, case).blocks) <= set(letter_service.BLOCK_KEYS)
    assert "999" not in str(letter_row(db, case).blocks)
