"""Fixtures for the side letters (issue 13): a way to make a letter through the web as a jurist does (the pinned
«today» is the root conftest's ``pin_today``; the root fixture empties ``outgoing_letters`` with the rest)."""

from __future__ import annotations

import pytest


@pytest.fixture
def post_letter(db):
    """post_letter(client, case, slug, **fields) -> response: the form of one side letter, sent with the case's
    current version (read fresh), as «Lag og journalfør» (or the preview with ``preview=True``)."""
    from workbench.db.models import Case

    def _post(client, case, slug, *, preview=False, **fields):
        db.expire_all()
        data = {"version": db.get(Case, case.id).version, **fields}
        path = f"/saker/{case.public_id}/brev/{slug}" + ("/utkast.pdf" if preview else "")
        return client.post(path, data=data)

    return _post
