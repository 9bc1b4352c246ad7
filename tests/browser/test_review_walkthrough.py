"""A jurist decides two appeals in the browser (issue 5): the demo case (Nav used § 38 for
omsorgsstønad; til gunst) — records the ⚖ answers and the § 48 finding, answers the argument and
chooses «endre»; and D07 (G applied before 1 May; til ugunst) — sees «endre» locked, records the
overriding interests and the varsel within 3 months, sees it unlocked, and opens the varsel draft.
axe-core on the review page; a screenshot for the eye in test-results/."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect
from browser_support import login  # type: ignore[import-not-found]

#: where the screenshot goes (pytest-playwright empties test-results/ at the end of a session)
SHOTS = Path(os.environ.get("KLAGEBENK_SHOTS", Path(__file__).resolve().parents[2] / "out" / "screenshots"))



@pytest.fixture
def pinned_today(_live_app):
    """The live app's «today» (services.clock, test mode only)."""
    def _pin(day: str):
        _live_app.config["KLAGEBENK_TODAY"] = day

    yield _pin
    _live_app.config.pop("KLAGEBENK_TODAY", None)


def test_demo_case_record_answers_and_choose_endre(page, live_url, make_user, import_case, db, pinned_today):
    from workbench.db.models import User

    pinned_today("2025-11-20")
    user = make_user("saksbehandler", username="siri")
    case = import_case("demo-omsorgsstonad.json", assign_to=db.get(User, user.id))
    login(page, live_url, "siri")
    page.goto(f"{live_url}/saker/{case.public_id}")
    page.get_by_role("link", name="Vurdering av klagen").click()
    assert re.search(r"/saker/[0-9a-f]{32}/vurdering$", page.url)
    expect(page.get_by_role("heading", name="Vurdering av klagen", level=1)).to_be_visible()

    # Nav ↔ loven: the period is open because it differs; § 37 and § 38 with Lovdata links
    nav_law = page.locator("#nav-loven")
    expect(nav_law).to_contain_text("Reduksjon for inntektsgivende arbeid")
    expect(nav_law.get_by_role("link", name=re.compile(r"sosialtjenesteloven § 38")).first).to_have_attribute(
        "href", re.compile(r"^https://lovdata\.no/lov/2009-12-18-131/§38"))
    expect(page.locator("#forslag")).to_have_text("Endre (omgjøre)")
    # «stadfeste» is disabled with the reason (a change in the claimant's favour is never «stadfestet»)
    expect(page.locator("#outcome-stadfeste")).to_be_disabled()
    expect(page.locator("#outcome-stadfeste-why")).to_contain_text("aldri «stadfestet»")
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "review-demo.png"), full_page=True)
    page.locator("#nav-loven").screenshot(path=str(SHOTS / "review-demo-nav-loven.png"))

    # ⚖: the § 48 finding on F14 (fritt skjønn) and the hours of omsorgsstønad (faktum)
    page.locator("#s48-F14-nei").check()
    page.locator("#s48_reasons-F14").fill("Programmet over full tid er avtalt med deltakeren; ikke åpenbart urimelig.")
    page.locator("#answer-R9-omsorg-timer").fill("30 timer i perioden, som i det kommunale vedtaket.")
    page.locator("#reasons-R9-omsorg-timer").fill("Vedtaket om omsorgsstønad sier 15 timer per uke.")
    page.get_by_role("button", name="Lagre skjønnsvurderingene").click()
    expect(page.get_by_role("status").filter(has_text="Skjønnsvurderingene er lagret")).to_be_visible()
    expect(page.locator("#s48-F14-nei")).to_be_checked()

    # the argument, answered
    page.locator("#argument-0").fill("Statsforvalteren er enig: omsorgsstønad er arbeid etter § 37, ikke en ytelse etter § 38.")
    page.get_by_role("button", name="Lagre svarene").click()
    expect(page.get_by_role("status").filter(has_text="anførsler er lagret")).to_be_visible()

    # the outcome
    page.locator("#outcome-omgjore").check()
    page.get_by_label("Begrunnelse for utfallet").fill("Omsorgsstønaden skal reduseres etter § 37, ikke samordnes etter § 38.")
    page.get_by_role("button", name="Lagre utfallet").click()
    expect(page.get_by_role("status").filter(has_text="Utfallet er lagret")).to_be_visible()
    expect(page.locator("#valgt-utfall")).to_contain_text("Endre (omgjøre)")
    page.reload()
    expect(page.locator("#outcome-omgjore")).to_be_checked()
    expect(page.locator("#argument-0")).to_have_value(re.compile("omsorgsstønad er arbeid"))
    expect(page.locator("#vurdering-historikk")).to_contain_text("Vurdering registrert (utfall, begrunnelse for utfall)")  # audited


def test_d07_til_ugunst_locked_then_unlocked(page, live_url, make_user, import_case, db, pinned_today):
    from workbench.db.models import User

    pinned_today("2025-08-01")  # D07: Nav-kontoret received the appeal 11.06.2025 → varsel by 11.09.2025
    user = make_user("saksbehandler", username="tor")
    case = import_case("D07.json", assign_to=db.get(User, user.id))
    login(page, live_url, "tor")
    page.goto(f"{live_url}/saker/{case.public_id}/vurdering")

    expect(page.locator("#forslag")).to_have_text("Stadfeste")
    expect(page.locator("#ugunst-status")).to_contain_text("Sperret")
    expect(page.locator("#varsel-frist")).to_contain_text("11.09.2025")
    expect(page.locator("#varsel-frist")).to_contain_text("41 dager igjen")
    expect(page.locator("#outcome-omgjore")).to_be_disabled()
    expect(page.locator("#utfall")).to_contain_text("fvl. § 34")
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.locator("#utfall").screenshot(path=str(SHOTS / "review-d07-utfall-sperret.png"))

    # the varsel draft, printable
    page.get_by_role("link", name="Lag utkast til varsel om endring til ugunst").click()
    expect(page.get_by_role("heading", name="Varsel om mulig endring til ugunst for deg")).to_be_visible()
    expect(page.locator("article.letter")).to_contain_text("11.09.2025")
    expect(page.locator("article.letter")).to_contain_text("UTKAST")
    page.screenshot(path=str(SHOTS / "review-d07-varsel.png"), full_page=True)
    page.go_back()

    # reclassify the discrepancy (the engine proposes, the jurist decides, with reasons)
    first = page.locator("#avvik-1")
    first.get_by_text("Omklassifiser avviket").click()
    first.get_by_label("Kategori").select_option("faktum")
    first.get_by_label("Begrunnelse for omklassifiseringen").fill("Nav la feil dato for G-reguleringen til grunn.")
    first.get_by_role("button", name="Lagre klassifiseringen").click()
    expect(page.get_by_role("status").filter(has_text="Klassifiseringen av avviket er lagret")).to_be_visible()
    expect(page.locator("#avvik-1-kategori")).to_have_text("Feil faktum")

    page.get_by_label("Overordnede private eller offentlige interesser (fvl. § 34)").fill(
        "Hensynet til lik behandling og riktig bruk av offentlige midler.")
    page.get_by_label("Varsel om endring til ugunst sendt").fill("2025-07-25")
    page.get_by_role("button", name="Lagre vilkårene").click()
    expect(page.get_by_role("status").filter(has_text="Vilkårene for endring til ugunst er lagret")).to_be_visible()
    expect(page.locator("#ugunst-status")).to_contain_text("Åpnet")
    expect(page.locator("#outcome-omgjore")).to_be_enabled()
    expect(page.locator("#forslag")).to_have_text("Endre (omgjøre)")
    page.locator("#utfall").screenshot(path=str(SHOTS / "review-d07-utfall-apnet.png"))


def test_review_page_has_no_serious_accessibility_violations(browser, live_url, make_user, import_case,
                                                           axe_check, pinned_today):
    pinned_today("2025-08-01")
    make_user("saksbehandler", username="axel")
    cases = {n: import_case(n) for n in ("demo-omsorgsstonad.json", "D07.json", "D08.json")}
    context = browser.new_context(bypass_csp=True, locale="nb-NO")  # to inject axe-core
    page = context.new_page()
    login(page, live_url, "axel")
    found = {}
    for name, case in cases.items():
        page.goto(f"{live_url}/saker/{case.public_id}/vurdering")
        for d in page.locator("details").all():  # check the opened content too
            d.evaluate("el => el.open = true")
        found[name] = axe_check(page)
    page.goto(f"{live_url}/saker/{cases['D07.json'].public_id}/vurdering/varsel")
    found["varsel"] = axe_check(page)
    context.close()
    assert {k: v for k, v in found.items() if v} == {}

