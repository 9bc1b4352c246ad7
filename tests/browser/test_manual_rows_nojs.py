"""The hand-entry form with JavaScript off: «+ Legg til periode» posts the form and the server shows
it again with what was typed and one more payment row; Enter in a field still saves."""

from __future__ import annotations

from browser_support import login  # type: ignore[import-not-found]
from playwright.sync_api import expect


def test_add_payment_row_without_javascript(browser, live_url, make_user, row_counts):
    make_user("saksbehandler", username="nils")
    context = browser.new_context(java_script_enabled=False, locale="nb-NO",
                                  viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        login(page, live_url, "nils")
        page.goto(f"{live_url}/import/skjema")
        expect(page.locator("#f-payments-1-from")).to_have_count(0)

        page.get_by_label("Nav-kontor", exact=True).fill("Nav Bergenhus")
        page.locator("#f-payments-0-from").fill("2025-10-06")
        page.locator("#f-payments-0-net").fill("4767")
        before = row_counts()
        page.get_by_role("button", name="+ Legg til periode", exact=True).click()

        expect(page.locator("#f-payments-1-from")).to_be_visible()
        expect(page.locator("#f-payments-1-net")).to_have_value("")
        expect(page.locator("#f-payments-1-deductions-0-amount")).to_be_visible()
        expect(page.locator("#f-payments-0-net")).to_have_value("4767")
        expect(page.get_by_label("Nav-kontor", exact=True)).to_have_value("Nav Bergenhus")
        expect(page.locator("#error-summary")).to_have_count(0)
        assert page.url.endswith("/import/skjema#f-payments")
        assert row_counts() == before

        # Enter in a text field submits with the default button («Lagre og vurder»), never «Legg til»
        page.locator("#f-payments-1-net").fill("5328")
        page.locator("#f-payments-1-net").press("Enter")
        expect(page.locator("#error-summary")).to_be_visible()
        expect(page.locator("#f-payments-1-net")).to_have_value("5328")
        expect(page.locator("#f-payments-3-from")).to_have_count(0)  # 2 typed + 1 empty
        assert row_counts() == before
    finally:
        context.close()
