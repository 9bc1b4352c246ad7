"""Issue 16 in Chromium: the jurist uploads Nav's decision letter (a PDF), sees the form prefilled with the page
and line of each value, opens the page with the line marked, corrects one field, confirms, and finds the
documents and the sources of the facts on the case page; at 1280 and 390 px, axe-core clean."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from browser_support import login
from playwright.sync_api import expect

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "extraction"))
SHOTS = Path(__file__).resolve().parents[2] / "out" / "screenshots"


def test_upload_check_correct_and_import_the_papers(browser, live_url, make_user, tmp_path, axe_check):
    import nav_letters  # type: ignore[import-not-found]

    pdf, truth = nav_letters.render_letter(1)
    path = tmp_path / "vedtak fra Nav.pdf"
    path.write_bytes(pdf)
    make_user("saksbehandler", username="sara")
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    login(page, live_url, "sara")
    page.goto(f"{live_url}/import/")
    page.locator("#documents").set_input_files(str(path))
    page.get_by_role("button", name="Last opp og les dokumentene").click()

    expect(page.get_by_role("heading", level=1)).to_contain_text("Kontroller opplysningene")
    office = page.get_by_label("Nav-kontor", exact=True)
    expect(office).to_have_value(truth["nav_office"]["name"])
    expect(page.locator("body")).to_contain_text(re.compile(r"Fra vedtaket, side \d+, linje \d+"))
    expect(page.locator("body")).to_contain_text("Ikke funnet – fyll inn")
    assert axe_check(page) == []
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "papers-form-1280.png"), full_page=True)

    # the page the office name was read from, the line marked, in a new tab
    with page.context.expect_page() as shown:
        page.get_by_role("link", name=re.compile("vis siden")).first.click()
    view = shown.value
    expect(view.get_by_role("img", name=re.compile(r"linje \d+ markert"))).to_be_visible()
    expect(view.locator("#line-mark")).to_have_count(1)
    png = view.request.get(view.locator("image").get_attribute("href") and
                           live_url + view.locator("image").get_attribute("href"))
    assert png.ok and png.body()[:8] == b"\x89PNG\r\n\x1a\n"  # the page drawn by the server
    view.screenshot(path=str(SHOTS / "papers-page-view.png"), full_page=True)
    view.close()

    # correct one field, and confirm only after trying without
    page.get_by_label("Navs saksnummer").fill("2025/777")
    page.get_by_label("Klagen er fra").select_option("part")  # not in Nav's letter: the jurist fills it in
    page.get_by_role("button", name="Importer og vurder").click()
    expect(page.locator("#confirmed-error, .error-message").first).to_be_visible()
    page.get_by_label("Jeg har kontrollert alle feltene mot dokumentene").check()
    page.get_by_role("button", name="Importer og vurder").click()
    page.screenshot(path=str(SHOTS / "papers-after-confirm.png"), full_page=True)
    expect(page.get_by_role("status").filter(has_text="importert")).to_be_visible()

    expect(page.locator("body")).to_contain_text("Dokumenter i saken")
    expect(page.locator("body")).to_contain_text("Hvor opplysningene kommer fra")
    expect(page.locator("body")).to_contain_text("Rettet av saksbehandler")
    expect(page.locator("body")).to_contain_text(re.compile(r"Hentet fra .*side \d+, linje \d+"))
    assert axe_check(page) == []
    page.set_viewport_size({"width": 390, "height": 844})
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.screenshot(path=str(SHOTS / "papers-case-390.png"), full_page=True)
