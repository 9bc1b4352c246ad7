"""Issue 17 in Chromium: the leder's «Saksbehandlingstid» (the chart beside the table, the year filter) at 1280 and
390 px — axe-core finds nothing serious, and only the table scrolls sideways on a narrow screen."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from browser_support import login
from playwright.sync_api import expect

SHOTS = Path(__file__).resolve().parents[2] / "out" / "screenshots"


def _seed(db) -> None:
    from workbench.db.appeal_models import Letter
    from workbench.db.models import Case

    year = date.today().year
    for i in range(24):
        received = date(year, 1, 3) + timedelta(days=9 * i)
        decided = received + timedelta(days=20 + 7 * (i % 16))
        case = Case(nav_reference=f"NAV-{i}", nav_office="Nav Bergenhus", claimant_name=f"Kari {i}",
                    decision_date=date(year - 1, 12, 1), decision_kind="innvilgelse", received=received,
                    status="ferdigstilt" if decided <= date.today() else "under_behandling")
        db.add(case)
        db.flush()
        if decided <= date.today():
            db.add(Letter(case_id=case.id, status="ferdigstilt", our_date=decided))
    db.commit()


def test_processing_time_page_at_1280_and_390(browser, live_url, make_user, db, axe_check):
    make_user("leder", username="lise")
    _seed(db)
    SHOTS.mkdir(parents=True, exist_ok=True)
    found, wide = {}, {}
    for width, height in ((1280, 900), (390, 844)):
        context = browser.new_context(locale="nb-NO", viewport={"width": width, "height": height})
        page = context.new_page()
        login(page, live_url, "lise")
        page.get_by_role("link", name="Saksbehandlingstid").click()
        expect(page.get_by_role("heading", level=1)).to_contain_text(f"Saksbehandlingstid {date.today().year}")
        expect(page.get_by_role("img", name=f"Andel avgjort innen tre måneder, per måned {date.today().year}")
               ).to_be_visible()
        expect(page.get_by_role("link", name="Last ned tabellen som CSV")).to_be_visible()
        found[width] = axe_check(page)
        m = page.evaluate("""() => ({sw: document.documentElement.scrollWidth,
                                     cw: document.documentElement.clientWidth})""")
        if m["sw"] > m["cw"] + 1:
            wide[width] = m
        page.screenshot(path=str(SHOTS / f"oversight-processing-time-{width}.png"), full_page=True)
        context.close()
    assert {k: v for k, v in found.items() if v} == {}
    assert wide == {}
