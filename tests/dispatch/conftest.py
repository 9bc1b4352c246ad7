"""Fixtures for «Ekspeder» (issue 13): a case finalised through the web as a jurist and a leder do it (the same
steps as tests/vedtak ``take_through``), with the archive key where library use finds it."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "vedtak"))  # vedtak_support


@pytest.fixture(autouse=True)
def _archive_key(app, monkeypatch):
    """Services called outside a request (the tests' direct checks) find the test app's archive key."""
    from workbench import config

    monkeypatch.setenv(config.KEY_VAR, app.config[config.KEY_VAR])


@pytest.fixture
def finalised_case(db, import_case, client_as):
    """finalised_case("D06", side_letter=True) -> (case, saksbehandler client, leder client): the review recorded,
    the letter written, sent, approved by another user (a leder) and finalised, all but the review through the
    web; with ``side_letter`` a foreløpig svar is made and journalled first."""
    from datetime import date, timedelta

    from vedtak_support import TOPIC_TEXT, fresh, record_review

    from workbench.db.models import User

    def _make(name: str = "D06", *, side_letter: bool = False):
        sb = client_as("saksbehandler")
        leder = client_as("leder")
        case = import_case(f"{name}.json", assign_to=db.get(User, sb.user.id))
        if side_letter:
            promised = date.today() + timedelta(days=60)
            r = sb.post(f"/saker/{case.public_id}/brev/forelopig-svar",
                        data={"version": fresh(db, case).version, "promised": f"{promised:%d.%m.%Y}",
                              "reason": "Vi har mange saker til behandling."})
            assert r.status_code == 302, r.get_data(as_text=True)[:3000]
        record_review(db, case, lang="nb", today=date.today())
        assert sb.get(f"/saker/{case.public_id}/vedtak").status_code == 200
        data = {"version": fresh(db, case).version, "language": "nb", "our_reference": "2026/4711",
                **{f"block_{k}": v for k, v in TOPIC_TEXT["nb"].items()}}
        for client, path, form in (
                (sb, "vedtak", data), (sb, "vedtak/send", None), (leder, "vedtak/godkjenn", None),
                (sb, "vedtak/ferdigstill", None)):
            r = client.post(f"/saker/{case.public_id}/{path}", data=form or {"version": fresh(db, case).version})
            assert r.status_code == 302, (path, r.get_data(as_text=True)[:3000])
        assert fresh(db, case).status == "ferdigstilt"
        return fresh(db, case), sb, leder

    return _make
