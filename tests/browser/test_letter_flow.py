"""The decision letter in the browser: the saksbehandler edits a block and sees the live preview
update, sends; a leder approves; the saksbehandler finalises and downloads the PDF/A. axe-core on the
letter page."""

from __future__ import annotations

import os
import re
import tempfile
from datetime import date
from pathlib import Path

from playwright.sync_api import expect
from browser_support import login  # type: ignore[import-not-found]

#: screenshots for a person to look at (pytest-playwright empties test-results/ itself)
SHOTS = Path(os.environ.get("KLAGEBENK_SHOTS", tempfile.gettempdir())) / "klagebenk-shots"



def _logout(page):
    page.get_by_role("button", name="Logg ut").click()
    expect(page.get_by_role("heading", name="Logg inn")).to_be_visible()


def _record_review(db, case):
    """What the jurist recorded on the review page (issue 5): outcome, answers, ⚖ points."""
    from sqlmodel import select

    from workbench.db.models import Case
    from workbench.appeal.outcome import DiscretionAnswer, Recorded, S48Finding
    from workbench.services import audit, review_store

    db.expire_all()
    row = db.exec(select(Case).where(Case.id == case.id)).one()
    review = review_store.current_review(db, row, today=date.today())
    answers, findings, seen = [], [], set()
    for p in review["discretion"]:
        if p["code"] in seen:
            continue
        seen.add(p["code"])
        answers.append(DiscretionAnswer(code=p["code"], answer="Vurdert.", reasons="Opplysningene er tilstrekkelige."))
        if p.get("limited_by_sotjl_48"):
            findings.append(S48Finding(code=p["code"], apenbart_urimelig=False, reasons="Ikke åpenbart urimelig.",
                                       self_government="Selvstyret er tillagt stor vekt."))
    rec = Recorded(chosen_outcome=review["outcome"]["code"], outcome_reasons="Som beregningen viser.",
                   discretion_answers=tuple(answers), s48_findings=tuple(findings))
    review_store.save_recorded(db, row, rec, expected_version=row.version, actor=audit.Actor.cli())
    db.expire_all()
    row = db.exec(select(Case).where(Case.id == case.id)).one()
    review_store.save_argument_answers(db, row, {i: "Statsforvalteren har vurdert anførselen."
                                                 for i in range(len(review["arguments"]))},
                                       expected_version=row.version, actor=audit.Actor.cli())


TEXTS = {  # the optional additions to what the review already says, by the labels the jurist sees
    "Faktum og utredning (valgfritt tillegg)": "Faktum er tilstrekkelig opplyst i nettleseren.",
    "Saksbehandling (valgfritt tillegg)": "Statsforvalteren har ikke funnet saksbehandlingsfeil av betydning.",
    "Lovtolkning og rettsanvendelse (valgfritt tillegg)": "Beregningen skal følge reglene som er gjengitt ovenfor.",
    "Skjønn (valgfritt tillegg)": "Skjønnspunktene er vurdert nedenfor.",
}
FAKTUM = "Faktum og utredning (valgfritt tillegg)"


def test_letter_from_draft_to_finalised_pdf(page, live_url, make_user, import_case, db):
    from workbench.db.models import User
    from workbench.letters.pdfa import check_pdfa, extract_text

    sara = make_user("saksbehandler", username="sara")
    make_user("leder", username="lars")
    case = import_case("D06.json", assign_to=db.get(User, sara.id))
    _record_review(db, case)

    # the saksbehandler edits a block: the sandboxed preview follows the text
    login(page, live_url, "sara")
    page.goto(f"{live_url}/saker/{case.public_id}/vedtak")
    expect(page.get_by_role("heading", name=re.compile("Vedtaksbrev"), level=1)).to_be_visible()
    frame = page.frame_locator("#letter-preview")
    # the reasons recorded on the review are in the letter already, written once
    expect(frame.locator("body")).to_contain_text("Som beregningen viser.")
    expect(frame.locator("body")).not_to_contain_text("[Fyll inn")
    # the jurist writes plain text: markup typed is shown as characters, never made an element
    page.get_by_label(FAKTUM, exact=True).fill("Faktum er <em>tilstrekkelig</em> opplyst i nettleseren.")
    expect(frame.locator("body")).to_contain_text("Faktum er <em>tilstrekkelig</em> opplyst", timeout=10_000)
    assert frame.locator("em").count() == 0
    expect(page.locator("#preview-status")).to_contain_text("ikke lagret")
    assert "allow-scripts" not in page.locator("#letter-preview").get_attribute("sandbox").split()
    # no script runs inside the preview, even if one were there
    assert frame.locator("script").count() == 0
    for label, text in TEXTS.items():
        page.get_by_label(label, exact=True).fill(text)
    expect(frame.locator("body")).to_contain_text("Skjønnspunktene er vurdert nedenfor.", timeout=10_000)
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / "letter-page.png"), full_page=True)
    page.get_by_role("button", name="Send til godkjenning").click()
    expect(page.get_by_role("status").filter(has_text="sendt til godkjenning")).to_be_visible()
    _logout(page)

    # a leder approves
    login(page, live_url, "lars")
    page.goto(f"{live_url}/saker/{case.public_id}/vedtak")
    page.get_by_role("button", name="Godkjenn").click()
    expect(page.get_by_role("status").filter(has_text="godkjent")).to_be_visible()
    _logout(page)

    # the saksbehandler finalises and downloads the PDF/A
    login(page, live_url, "sara")
    page.goto(f"{live_url}/saker/{case.public_id}/vedtak")
    expect(page.locator("#godkjenning")).to_contain_text("Alle kontrollene før ferdigstilling er oppfylt")
    page.get_by_role("button", name="Ferdigstill").click()
    expect(page.get_by_role("heading", name="Ferdigstilt vedtak")).to_be_visible()
    sha = page.locator("#sha256").inner_text()
    assert re.fullmatch(r"[0-9a-f]{64}", sha)
    page.screenshot(path=str(SHOTS / "letter-finalised.png"), full_page=True)
    with page.expect_download() as info:
        page.get_by_role("link", name="Last ned vedtaket (PDF/A)").click()
    download = info.value
    assert re.fullmatch(r"vedtak-[A-Za-z0-9-]+-nb\.pdf", download.suggested_filename)
    data = Path(download.path()).read_bytes()
    assert data.startswith(b"%PDF")
    assert check_pdfa(data) == []
    import hashlib

    assert hashlib.sha256(data).hexdigest() == sha
    text = extract_text(data)
    assert "endrer vedtaket" in text and "Faktum er tilstrekkelig opplyst i nettleseren." in text


def test_letter_page_without_javascript_previews_with_the_button(browser, live_url, make_user, import_case, db):
    from workbench.db.models import User

    sara = make_user("saksbehandler", username="sara")
    case = import_case("D06.json", assign_to=db.get(User, sara.id))
    context = browser.new_context(java_script_enabled=False, locale="nb-NO")
    page = context.new_page()
    login(page, live_url, "sara")
    page.goto(f"{live_url}/saker/{case.public_id}/vedtak")
    label = "Saksbehandling (valgfritt tillegg)"
    page.get_by_label(label, exact=True).fill("Uten skript forhåndsvist.\n\n- første punkt\n- andre punkt")
    page.get_by_role("button", name="Forhåndsvis").click()
    expect(page.get_by_label(label, exact=True)).to_have_value("Uten skript forhåndsvist.\n\n- første punkt\n- andre punkt")
    preview = page.frame_locator("#letter-preview")
    expect(preview.locator("body")).to_contain_text("Uten skript forhåndsvist.")
    expect(preview.locator("li").filter(has_text="andre punkt")).to_have_count(1)  # «- » lines are a list
    context.close()


def test_letter_page_has_no_serious_accessibility_violations(browser, live_url, make_user, import_case, db,
                                                             axe_check):
    from workbench.db.models import User

    sara = make_user("saksbehandler", username="sara")
    case = import_case("demo-omsorgsstonad.json", assign_to=db.get(User, sara.id))
    context = browser.new_context(bypass_csp=True, locale="nb-NO")  # to inject axe-core
    page = context.new_page()
    login(page, live_url, "sara")
    found = {}
    page.goto(f"{live_url}/saker/{case.public_id}/vedtak")
    found["brevet"] = axe_check(page)
    # nothing recorded on the review yet: sending is refused with the gate's reasons
    page.get_by_role("button", name="Send til godkjenning").click()
    page.wait_for_selector("#error-summary")
    expect(page.locator("#error-summary")).to_contain_text("utfallet er ikke valgt")
    found["sending avvist"] = axe_check(page)
    _record_review(db, case)  # on the review page, meanwhile: the letter page is read again
    page.goto(f"{live_url}/saker/{case.public_id}/vedtak")
    page.get_by_label("Bokmål").check()  # the demo claimant asked for nynorsk; these texts are bokmål
    for label, text in TEXTS.items():
        page.get_by_label(label, exact=True).fill(text)
    page.get_by_role("button", name="Send til godkjenning").click()
    expect(page.get_by_role("status").filter(has_text="sendt til godkjenning")).to_be_visible()
    page.goto(f"{live_url}/saker/{case.public_id}/vedtak")
    page.get_by_role("button", name="Logg ut").click()
    make_user("leder", username="lars")
    login(page, live_url, "lars")
    page.goto(f"{live_url}/saker/{case.public_id}/vedtak")
    page.get_by_role("button", name="Returner med kommentar").click()  # empty comment → error
    page.wait_for_selector("#error-summary")
    expect(page.locator("#error-summary")).to_be_focused()
    found["retur med feil"] = axe_check(page)
    page.locator("#error-summary a").first.click()
    expect(page.get_by_label("Kommentar til saksbehandleren")).to_be_focused()
    context.close()
    assert {k: v for k, v in found.items() if v} == {}
