"""Fixtures for the review page (issue 5): a pinned «today», variant documents built from the
D-cases, and imports of them."""

from __future__ import annotations

import pytest


@pytest.fixture
def pin_today(app):
    """pin_today("2025-08-01"): the app's «today» (workbench.services.clock, test mode)."""
    def _pin(day: str):
        app.config["KLAGEBENK_TODAY"] = day

    yield _pin
    app.config.pop("KLAGEBENK_TODAY", None)


@pytest.fixture
def import_doc(app):
    """import_doc(doc_dict) -> Case, through the one import path."""
    from workbench.db.session import session_for
    from workbench.services import audit
    from workbench.services import cases as case_service

    def _import(doc: dict):
        with session_for(app) as s:
            return case_service.import_document(s, case_service.dumps_document(doc), origin="cli",
                                                actor=audit.Actor.cli(), filename="variant.json")

    return _import
