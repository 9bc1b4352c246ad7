"""Issue 16: uploads of the oversendelse never imported are removed after ``case_documents.ABANDONED_AFTER``
(24 h) — by ``workbench documents purge`` and at the next upload — audited as ``document.purged``; documents
of an imported case and fresh uploads stay."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))  # this folder's helpers by module name (never ``tests.…``)
from test_import_papers import SEED, stored, upload  # type: ignore[import-not-found]  # noqa: E402

WORKBENCH = Path(sys.executable).parent / "workbench"


@pytest.fixture(scope="module")
def pdf() -> bytes:
    import nav_letters  # type: ignore[import-not-found]  # on sys.path through test_import_papers

    return bytes(nav_letters.render_letter(SEED)[0])


def _age_all(app, hours: float) -> None:
    """Make every stored upload ``hours`` old (the clock of the row, in the real database)."""
    from sqlmodel import col, update

    from workbench.db.document_models import CaseDocument
    from workbench.db.models import utcnow
    from workbench.db.session import session_for

    with session_for(app) as s:
        s.execute(update(CaseDocument).where(col(CaseDocument.case_id).is_(None))
                  .values(uploaded_at=utcnow() - timedelta(hours=hours)))
        s.commit()


def _purged_events(app) -> list[str]:
    from sqlmodel import select

    from workbench.db.models import AuditEvent
    from workbench.db.session import session_for

    with session_for(app) as s:
        return [e.detail or "" for e in s.exec(select(AuditEvent).where(AuditEvent.action == "document.purged"))]


def test_purge_removes_only_uploads_older_than_the_setting(app, client_as, database_url, pdf):
    c = client_as("saksbehandler")
    assert upload(c, (pdf, "vedtak.pdf")).status_code == 302
    _age_all(app, 23)  # younger than 24 h: kept
    run = [str(WORKBENCH), "documents", "purge"]
    env = {**os.environ, "DATABASE_URL": database_url, "KLAGEBENK_MODE": "test"}
    done = subprocess.run(run, capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 0, done.stderr
    assert "Fjernet 0 dokumenter" in done.stdout and stored(app)["documents"] == 1
    _age_all(app, 25)
    done = subprocess.run(run, capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 0, done.stderr
    assert "Fjernet 1 dokument som ikke ble importert" in done.stdout
    assert stored(app) == {"documents": 0, "cases": 0}
    assert _purged_events(app) == ["documents=1 not imported for 24 h"]


def test_the_next_upload_removes_abandoned_ones_and_keeps_its_own(app, client_as, pdf):
    c = client_as("saksbehandler")
    assert upload(c, (pdf, "gammel.pdf")).status_code == 302
    _age_all(app, 30)
    assert upload(c, (pdf, "ny.pdf")).status_code == 302
    from sqlmodel import select

    from workbench.db.document_models import CaseDocument
    from workbench.db.session import session_for

    with session_for(app) as s:
        assert [d.filename for d in s.exec(select(CaseDocument))] == ["ny.pdf"]
    assert len(_purged_events(app)) == 1
