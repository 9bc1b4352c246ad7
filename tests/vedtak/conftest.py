"""Fixtures for the letter web flow (tests/vedtak only)."""

from __future__ import annotations

import pytest


@pytest.fixture
def version_of(db):
    from vedtak_support import fresh

    def _version(case) -> int:
        return fresh(db, case).version

    return _version


@pytest.fixture
def trap_server():
    """A local HTTP server that records every request it gets: (base_url, hits)."""
    import http.server
    import threading

    hits: list[str] = []

    class Recorder(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            hits.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.end_headers()

        do_POST = do_GET

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", hits
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def flow(db, import_case, client_as):
    """A case assigned to a saksbehandler, with the review recorded; clients for sb and a leder."""
    from datetime import date

    from vedtak_support import record_review

    from workbench.db.models import User

    def _flow(name="D06", lang="nb", **review):
        sb = client_as("saksbehandler")
        leder = client_as("leder")
        case = import_case(f"{name}.json", assign_to=db.get(User, sb.user.id))
        record_review(db, case, lang=lang, today=date.today(), **review)
        assert sb.get(f"/saker/{case.public_id}/vedtak").status_code == 200
        return case, sb, leder

    return _flow
