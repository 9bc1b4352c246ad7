"""Fixtures for the archive tests: a case taken through the real review → letter → approval →
finalise services (the same steps as tests/vedtak), so the stored PDF/A, its SHA-256 and its link in
the archive's hash chain are real.

The services called directly here (outside a request) find the archive key where library use finds
it, in ``KLAGEBENK_ARCHIVE_KEY``: every archive test sets it to the test app's key (test mode derives
one from the database URL). No app context is pushed for the whole test: requests would share it, and
with it ``g`` (the logged-in user, the database session)."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "vedtak"))  # vedtak_support


def finalise(db, case, sb_user, leder_user, *, lang: str = "nb"):
    """Record the review, write the blocks, send, approve (another user, a leder), finalise."""
    from vedtak_support import TOPIC_TEXT, fresh, record_review

    from workbench.services import audit
    from workbench.services import letters as letter_service

    sb, leder = audit.Actor(user_id=sb_user.id), audit.Actor(user_id=leder_user.id)
    today = date.today()
    record_review(db, case, lang=lang, today=today, actor=sb)
    letter_service.save_blocks(db, fresh(db, case), TOPIC_TEXT[lang], expected_version=fresh(db, case).version,
                               actor=sb, language=lang, our_reference="2026/4711")
    letter_service.send_to_leader(db, fresh(db, case), expected_version=fresh(db, case).version, actor=sb)
    letter_service.approve(db, fresh(db, case), expected_version=fresh(db, case).version, actor=leder)
    letter_service.finalize(db, fresh(db, case), expected_version=fresh(db, case).version, actor=sb)
    return fresh(db, case)


@pytest.fixture(autouse=True)
def _archive_key(app, monkeypatch):
    from workbench import config

    monkeypatch.setenv(config.KEY_VAR, app.config[config.KEY_VAR])


@pytest.fixture
def finalised(db, import_case, make_user):
    """finalised(name="D06") -> a ferdigstilt Case with a frozen PDF/A letter."""
    from workbench.db.models import User

    def _make(name: str = "D06", *, lang: str = "nb"):
        sb = make_user("saksbehandler")
        leder = make_user("leder")
        case = import_case(f"{name}.json", assign_to=db.get(User, sb.id))
        return finalise(db, case, sb, leder, lang=lang)

    return _make
