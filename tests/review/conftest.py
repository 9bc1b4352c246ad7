"""Fixtures for the review page (issue 5): variant documents built from the D-cases, and imports of them (the
pinned «today» is the root conftest's ``pin_today``)."""

from __future__ import annotations

import pytest


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
