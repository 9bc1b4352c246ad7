"""What a jurist does in the browser: log in, open the demo case, import a JSON file, see the
field error for a broken one, enter a small case by hand, log out. And axe-core on the main pages."""

from __future__ import annotations

import json
import re
from pathlib import Path

from playwright.sync_api import expect
from browser_support import login  # type: ignore[import-not-found]

CASES = Path(__file__).resolve().parents[2] / "docs" / "cases"
SHOTS = Path(__file__).resolve().parents[2] / "test-results"



def test_jurist_works_a_case_in_the_browser(page, live_url, make_user, import_case, db, tmp_path):
    from workbench.db.models import User

    user = make_user("saksbehandler", username="sara")
    import_case("demo-omsorgsstonad.json", assign_to=db.get(User, user.id))

    # log in → Mine saker with the demo case
    login(page, live_url, "sara")
    expect(page.get_by_role("heading", name="Mine saker", level=1)).to_be_visible()
    page.get_by_role("link", name="Kari Testesen Nordhus").click()

    # the case page: imported facts in Norwegian and the evaluation
    expect(page.get_by_role("heading", name=re.compile("Klagesak"))).to_be_visible()
    assert re.search(r"/saker/[0-9a-f]{32}$", page.url)
    expect(page.locator("#vurdering")).to_contain_text("kr 6\u00a0797")
    expect(page.locator("#vurdering")).to_contain_text("kr 5\u00a0328")
    expect(page.locator("#vedtaket")).to_contain_text("22.10.2025")
    expect(page.locator("#vedtaket")).to_contain_text("kr 11\u00a0327,56")
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / "case-page.png"), full_page=True)

    # import a JSON file
    page.get_by_role("link", name="Importer vedtak").first.click()
    page.get_by_label("JSON-fil med vedtaket").set_input_files(str(CASES / "D06.json"))
    page.get_by_role("button", name="Importer").click()
    expect(page.get_by_role("status").filter(has_text="importert")).to_be_visible()
    d06 = json.loads((CASES / "D06.json").read_text(encoding="utf-8"))
    expect(page.locator("#vedtaket")).to_contain_text(d06["decision"]["reference"])

    # a broken file: the error names the field and the reason; nothing stored
    broken = json.loads((CASES / "D01.json").read_text(encoding="utf-8"))
    del broken["payments"][0]["net"]
    path = tmp_path / "ødelagt.json"
    path.write_text(json.dumps(broken), encoding="utf-8")
    page.get_by_role("link", name="Importer vedtak").first.click()
    page.get_by_label("JSON-fil med vedtaket").set_input_files(str(path))
    page.get_by_role("button", name="Importer").click()
    summary = page.locator("#error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_contain_text("Utbetalingsperiode 1")
    expect(summary).not_to_contain_text("payments[0]")

    # enter a small case by hand, with a second argument row added by the button
    page.get_by_role("link", name="Registrer vedtaket i skjema").click()
    page.get_by_label("Nav-kontor", exact=True).fill("Nav Bergenhus")
    page.get_by_label("Navs saksnummer").fill("2025/9002")
    page.get_by_label("Vedtaksdato").fill("2025-10-22")
    page.get_by_label("Type vedtak").select_option("utbetaling")
    page.get_by_label("Vedtaket kom fram til deltakeren").fill("2025-10-24")
    page.locator("#f-participant-name").fill("Ola Testesen")
    page.get_by_label("Fødselsnummer eller D-nummer").fill("15507600333")
    page.locator("#f-participant-birth-date").fill("1976-10-15")
    page.get_by_label("Programmet fra").fill("2025-06-02")
    page.get_by_label("Programmet til").fill("2026-06-01")
    page.locator("#f-payments-0-from").fill("2025-10-06")
    page.locator("#f-payments-0-to").fill("2025-10-19")
    page.locator("#f-payments-0-net").fill("10 768")
    page.get_by_label("Klagen sendt", exact=True).fill("2025-11-05")
    page.get_by_label("Klagen er fra").select_option("part")
    page.locator("#f-appeal-arguments-0").fill("Beløpet er feil.")
    page.get_by_role("button", name="+ Legg til anførsel").click()
    page.locator("#f-appeal-arguments-1").fill("Nav har ikke begrunnet vedtaket.")
    # first a mistake, shown at the field
    page.locator("#f-payments-0-to").fill("")
    page.get_by_role("button", name="Lagre og vurder").click()
    expect(page.locator("#f-payments-0-to-error")).to_be_visible()
    expect(page.locator("#f-appeal-arguments-1")).to_have_value("Nav har ikke begrunnet vedtaket.")
    page.locator("#f-payments-0-to").fill("2025-10-19")
    page.get_by_role("button", name="Lagre og vurder").click()
    expect(page.get_by_role("heading", name="Klagesak: Ola Testesen")).to_be_visible()
    expect(page.locator("#klagen")).to_contain_text("Nav har ikke begrunnet vedtaket.")

    # log out
    page.get_by_role("button", name="Logg ut").click()
    expect(page.get_by_role("heading", name="Logg inn")).to_be_visible()
    page.goto(f"{live_url}/saker/mine")
    expect(page.get_by_role("heading", name="Logg inn")).to_be_visible()


def test_main_pages_have_no_serious_accessibility_violations(browser, live_url, make_user,
                                                             import_case, axe_check):
    make_user("leder", username="lars")
    make_user("admin", username="ada")
    case = import_case("demo-omsorgsstonad.json")
    context = browser.new_context(bypass_csp=True, locale="nb-NO")  # to inject axe-core
    page = context.new_page()
    found = {}
    page.goto(f"{live_url}/auth/login")
    found["login"] = axe_check(page)
    login(page, live_url, "lars")
    for name, path in [("alle saker", "/saker/alle"), ("mine saker", "/saker/mine"),
                       ("saken", f"/saker/{case.public_id}"), ("import", "/import/"),
                       ("skjema", "/import/skjema")]:
        page.goto(live_url + path)
        found[name] = axe_check(page)
    page.get_by_role("button", name="Lagre og vurder").click()  # the form with errors
    page.wait_for_selector("#error-summary")
    found["skjema med feil"] = axe_check(page)
    page.get_by_role("button", name="Logg ut").click()
    login(page, live_url, "ada")
    for name, path in [("brukere", "/admin/brukere"), ("API-nøkler", "/admin/api-nokler")]:
        page.goto(live_url + path)
        found[name] = axe_check(page)
    context.close()
    assert {k: v for k, v in found.items() if v} == {}


def test_skip_link_and_focus_are_visible(page, live_url):
    page.goto(f"{live_url}/auth/login")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Hopp til hovedinnhold")
    expect(skip).to_be_focused()
    box = skip.bounding_box()
    assert box and box["y"] >= 0  # moved into view when focused
    page.keyboard.press("Enter")
    assert page.url.endswith("#main")
