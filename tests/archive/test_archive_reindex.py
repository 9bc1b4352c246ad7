"""Issue 15: a case finished before the archive's search index existed (migration 0010) is found after
`workbench db upgrade` — which indexes the finished cases the index lacks — and `workbench archive reindex`
rebuilds the index from what is stored: the letter's words read back from its frozen PDF."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from sqlmodel import delete, select

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "cli"))
from cli_support import run_workbench  # type: ignore[import-not-found]  # noqa: E402

from workbench.db.search_models import ArchiveSearch  # noqa: E402
from workbench.services import archive_search  # noqa: E402
from workbench.services.archive_search import SearchQuery  # noqa: E402


@pytest.fixture
def workbench_on_db(app, database_url):
    return lambda *args: run_workbench(*args, env={"DATABASE_URL": database_url, "KLAGEBENK_MODE": "test"})


def test_finished_cases_missing_from_the_index_are_added_by_db_upgrade(db, finalised, workbench_on_db):
    case = finalised("D06")
    found = archive_search.search(db, SearchQuery(words="kvalifiseringsstønad", name="marte"))
    assert [r.case.id for r in found.items] == [case.id]  # indexed at finalisation, with the letter's words
    db.exec(delete(ArchiveSearch))  # as a database from before migration 0010
    db.commit()
    assert archive_search.missing(db) == 1 and archive_search.search(db).total == 0

    res = workbench_on_db("db", "upgrade")
    assert res.returncode == 0, res.stderr
    assert "Arkivets søkeindeks: 1 sak lagt til." in res.stdout
    db.expire_all()
    assert archive_search.missing(db) == 0
    found = archive_search.search(db, SearchQuery(words="kvalifiseringsstønad", name="marte"))
    assert [r.case.id for r in found.items] == [case.id]  # the words read back from the frozen PDF

    res = workbench_on_db("archive", "reindex")
    assert res.returncode == 0 and "Søkeindeksen er oppdatert: 1 sak." in res.stdout
    assert len(db.exec(select(ArchiveSearch)).all()) == 1
