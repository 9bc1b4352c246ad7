"""Fixtures for the letter web flow (tests/vedtak only)."""

from __future__ import annotations

import pytest


@pytest.fixture
def version_of(db):
    from vedtak_support import fresh

    def _version(case) -> int:
        return fresh(db, case).version

    return _version
