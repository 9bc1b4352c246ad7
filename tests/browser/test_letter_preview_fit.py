"""The live preview of the decision letter fits its column («fit width», like a PDF viewer): no
sideways scrolling inside the sandboxed frame or on the page, at laptop and wide-screen sizes, and
the letter stays readable. The frame still runs no script."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from playwright.sync_api import expect
from browser_support import login  # type: ignore[import-not-found]

#: screenshots for a person to look at
SHOTS = Path(os.environ.get("KLAGEBENK_SHOTS", tempfile.gettempdir())) / "klagebenk-shots"

FRAME_METRICS = """() => {
    const d = document.documentElement;
    const h1 = document.querySelector('h1');
    const r = h1 ? h1.getBoundingClientRect() : null;
    return {scrollWidth: d.scrollWidth, clientWidth: d.clientWidth,
            bodyScrollWidth: document.body.scrollWidth,
            title: h1 ? h1.textContent.trim() : '',
            titleLeft: r ? r.left : -1, titleRight: r ? r.right : -1,
            titleFont: h1 ? parseFloat(getComputedStyle(h1).fontSize) : 0,
            zoom: parseFloat(getComputedStyle(document.body).zoom || '1'),
            // what sticks out, if anything (for the failure message)
            wide: [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > d.clientWidth + 1)
                  .slice(0, 8).map(e => e.tagName + '.' + e.className + ' '
                                   + Math.round(e.getBoundingClientRect().width) + ' ' + e.textContent.slice(0, 40))};
}"""



@pytest.mark.parametrize("width,height", [(1280, 800), (1366, 768), (1920, 1080), (1024, 768), (800, 900),
                                          (390, 844)])
def test_letter_preview_fits_its_column(browser, live_url, make_user, import_case, db, width, height):
    from workbench.db.models import User

    sara = make_user("saksbehandler", username="sara")
    case = import_case("demo-omsorgsstonad.json", assign_to=db.get(User, sara.id))
    context = browser.new_context(locale="nb-NO", viewport={"width": width, "height": height})
    page = context.new_page()
    login(page, live_url, "sara")
    page.goto(f"{live_url}/saker/{case.public_id}/vedtak")
    frame_el = page.locator("#letter-preview")
    expect(frame_el).to_have_attribute("sandbox", "allow-same-origin")  # still no allow-scripts
    frame = page.frame_locator("#letter-preview")
    title = frame.locator("h1").first
    expect(title).to_be_visible()
    page.wait_for_function("""() => { const f = document.getElementById('letter-preview');
        return f.contentDocument && f.contentDocument.readyState === 'complete'
               && f.contentDocument.fonts.status === 'loaded'; }""")
    m = frame_el.element_handle().content_frame().evaluate(FRAME_METRICS)
    assert m["title"], m
    # no sideways scrolling inside the frame, and the title is inside the frame's width
    assert m["scrollWidth"] <= m["clientWidth"] + 1, m.get("wide")
    assert 0 <= m["titleLeft"] and m["titleRight"] <= m["clientWidth"] + 1, m
    # readable: the title is not shrunk to a thumbnail (14 pt in the letter)
    assert m["titleFont"] * m["zoom"] >= 10, m
    # the page itself does not scroll sideways either
    page_m = page.evaluate("""() => ({sw: document.documentElement.scrollWidth,
                                      cw: document.documentElement.clientWidth})""")
    assert page_m["sw"] <= page_m["cw"] + 1, page_m
    # the frame is within the page's width
    box = frame_el.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= page_m["cw"] + 1, (box, page_m)
    SHOTS.mkdir(parents=True, exist_ok=True)
    frame_el.scroll_into_view_if_needed()
    page.screenshot(path=str(SHOTS / f"vedtak-forhandsvisning-{width}x{height}.png"))
    context.close()
