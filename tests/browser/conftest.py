"""Browser tests: Playwright driving Debian's Chromium (/usr/bin/chromium; never `playwright
install`) against a live werkzeug server on the test database, with CSRF on as in production."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
AXE = Path(__file__).resolve().parents[1] / "vendor" / "axe.min.js"


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        pytest.skip("Debian's chromium is not installed (scripts/test.sh installs it)")
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS,
            "headless": True}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "nb-NO", "timezone_id": "Europe/Oslo",
            "viewport": {"width": 1280, "height": 900}}


@pytest.fixture(scope="session")
def _live_app(make_app):
    return make_app(WTF_CSRF_ENABLED=True)


@pytest.fixture(scope="session")
def _live_server(_live_app):
    from werkzeug.serving import make_server

    server = make_server("127.0.0.1", 0, _live_app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=5)


@pytest.fixture
def live_url(app, _live_server):
    """The live server's base URL; the tables are emptied before each test (via ``app``)."""
    return _live_server


@pytest.fixture
def axe_check():
    """axe_check(page) -> serious/critical WCAG 2.1 A/AA violations on the page (a list)."""
    source = AXE.read_text(encoding="utf-8")

    def _check(page):
        page.evaluate("(src) => { if (!window.axe) { (0, eval)(src); } }", source)
        result = page.evaluate("""async () => {
            const r = await axe.run(document, {runOnly: {type: 'tag',
                values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}});
            return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}));
        }""")
        return [v for v in result if v["impact"] in ("serious", "critical")]

    return _check
