"""``workbench import FILE…`` and ``workbench evaluate FILE…`` (issue 15): many documents in one process,
one JSON line per file in the order given, an invalid file named on stderr with its fields (exit 2) while
the valid ones are still done, each import in its own transaction."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest
from sqlmodel import select

from cli_support import CASES, json_lines, run_workbench  # type: ignore[import-not-found]

VALID = ("D06.json", "D02.json")


def _doc(name: str) -> dict:
    return json.loads((CASES / name).read_text(encoding="utf-8"))


@pytest.fixture
def broken(tmp_path) -> Path:
    """D01 with two errors: payments[0].net missing and a fødselsnummer with a wrong control digit."""
    doc = _doc("D01.json")
    del doc["payments"][0]["net"]
    doc["participant"]["fnr"] = "15507600334"
    path = tmp_path / "D01-broken.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


@pytest.fixture
def batch(tmp_path, broken) -> list[str]:
    """A valid file, the broken one in the middle, another valid one."""
    return [str(CASES / VALID[0]), str(broken), str(CASES / VALID[1])]


@pytest.fixture
def workbench_on_db(app, database_url):
    """``workbench …`` as a separate process on this test's (emptied) database."""
    return lambda *args: run_workbench(*args, env={"DATABASE_URL": database_url, "KLAGEBENK_MODE": "test"})


def _personal_data(*names: str) -> set[str]:
    docs = [_doc(n) for n in names]
    return {d["participant"]["fnr"] for d in docs} | {d["participant"]["name"] for d in docs} | {"15507600334"}


def _assert_broken_reported(res, broken: Path, lines: list[dict]) -> None:
    """The broken file: on stdout only ``{file, ok: false, errors: n}``; on stderr its n errors, each
    ``FILE: field: message``, the two fields named."""
    assert lines[1] == {"file": str(broken), "ok": False, "errors": 2}, lines[1]
    errors = res.stderr.splitlines()
    assert len(errors) == 2 and all(e.startswith(f"{broken}: ") for e in errors), errors
    assert {e.split(": ")[1] for e in errors} == {"payments[0].net", "participant.fnr"}, errors
    assert not any(p in res.stdout + res.stderr for p in _personal_data("D01.json", *VALID))


# --- import ------------------------------------------------------------------------------------------

def test_import_of_several_files_stores_the_valid_ones_and_names_the_broken_one(
        workbench_on_db, batch, broken, db, row_counts):
    from workbench.db.models import Case

    before = row_counts()
    res = workbench_on_db("import", *batch)
    assert res.returncode == 2, res.stderr
    lines = json_lines(res.stdout)
    assert [line["file"] for line in lines] == batch
    assert [line["ok"] for line in lines] == [True, False, True]
    _assert_broken_reported(res, broken, lines)
    assert row_counts() == {k: v + 2 for k, v in before.items()}  # case, document, evaluation, audit: ×2
    stored = {c.public_id: c.nav_reference for c in db.exec(select(Case))}
    expected = {lines[0]["case"]: "2025/5544", lines[2]["case"]: "2025/0412"}
    assert stored == expected
    assert [lines[0]["nav_reference"], lines[2]["nav_reference"]] == ["2025/5544", "2025/0412"]


def test_import_options_apply_to_every_file(workbench_on_db, make_user, db):
    from datetime import date

    from workbench.db.models import Case

    sb = make_user("saksbehandler")
    res = workbench_on_db("import", *(str(CASES / n) for n in VALID),
                          "--received", "16.11.2026", "--lang", "nn", "--assign", sb.username)
    assert res.returncode == 0, res.stderr
    assert res.stderr == ""
    cases = db.exec(select(Case)).all()
    assert sorted(c.nav_reference for c in cases) == ["2025/0412", "2025/5544"]
    for case in cases:
        assert (case.received, case.language, case.saksbehandler_id) == (date(2026, 11, 16), "nn", sb.id)


def test_import_of_one_file_with_jsonl_prints_one_json_line(workbench_on_db, db):
    from workbench.db.models import Case

    res = workbench_on_db("import", "--jsonl", str(CASES / "D06.json"))
    assert res.returncode == 0, res.stderr
    [line] = json_lines(res.stdout)
    assert line == {"file": str(CASES / "D06.json"), "ok": True, "case": line["case"], "nav_reference": "2025/5544"}
    assert db.exec(select(Case.public_id)).all() == [line["case"]]


def test_a_missing_file_stops_the_import_before_anything_is_stored(workbench_on_db, tmp_path, row_counts):
    """Re-running a batch imports its valid files again, so a typo in the list stops it up front."""
    before = row_counts()
    res = workbench_on_db("import", str(CASES / "D06.json"), str(tmp_path / "nope.json"))
    assert res.returncode == 2 and "nope.json" in res.stderr and res.stdout == ""
    assert row_counts() == before


def test_a_file_that_cannot_be_read_exits_1_and_the_others_are_imported(workbench_on_db, tmp_path, broken,
                                                                        row_counts):
    """A socket passes the «exists, not a directory» check but cannot be opened (even by root)."""
    unreadable = tmp_path / "s.json"
    if len(str(unreadable)) > 100:
        pytest.skip("the temporary path is too long for a unix socket")
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(unreadable))
        before = row_counts()
        res = workbench_on_db("import", str(CASES / "D06.json"), str(unreadable), str(broken))
    assert res.returncode == 1, res.stderr  # not only invalid input: a script must look
    lines = json_lines(res.stdout)
    assert [(line["file"], line["ok"]) for line in lines] == [
        (str(CASES / "D06.json"), True), (str(unreadable), False), (str(broken), False)]
    assert f"{unreadable}: kan ikke leses: " in res.stderr
    assert row_counts()["cases"] == before["cases"] + 1


# --- evaluate ----------------------------------------------------------------------------------------

def _expected_total(name: str) -> dict:
    return json.loads((CASES / "expected" / name).read_text(encoding="utf-8"))["total"]


def test_evaluate_of_several_files_gives_one_line_each_with_the_totals(batch, broken):
    res = run_workbench("evaluate", *batch)
    assert res.returncode == 2, res.stderr
    lines = json_lines(res.stdout)
    assert [line["file"] for line in lines] == batch
    assert [line["ok"] for line in lines] == [True, False, True]
    _assert_broken_reported(res, broken, lines)
    for line, name in ((lines[0], VALID[0]), (lines[2], VALID[1])):
        assert line["nav_reference"] == _doc(name)["decision"]["reference"]
        exp = _expected_total(name)
        assert {k: line["total"][k] for k in ("net", "nav_net", "difference")} == {
            k: str(exp[k]) for k in ("net", "nav_net", "difference")}
        assert [p["net"] for p in line["periods"]] == [
            str(p["net"]) for p in json.loads((CASES / "expected" / name).read_text())["periods"]]
    assert lines[0]["discrepancies"] and lines[0]["timely"] is True


def test_evaluate_json_of_several_files_carries_what_one_file_prints(batch):
    one = run_workbench("evaluate", batch[0], "--json")
    res = run_workbench("evaluate", "--json", batch[0], batch[2])
    assert one.returncode == 0 and res.returncode == 0, res.stderr
    lines = json_lines(res.stdout)
    assert len(lines) == 2 and lines[0]["evaluation"] == json.loads(one.stdout)


def test_evaluate_exit_1_beats_2_and_every_file_still_gets_its_line(batch, tmp_path):
    missing = str(tmp_path / "nope.json")
    res = run_workbench("evaluate", missing, *batch)
    assert res.returncode == 1, res.stderr
    lines = json_lines(res.stdout)
    assert [(line["file"], line["ok"]) for line in lines] == [(missing, False), *zip(batch, (True, False, True))]
    assert lines[0] == {"file": missing, "ok": False, "errors": 1}
    assert res.stderr.splitlines()[0].startswith(f"{missing}: kan ikke leses: ")


def test_evaluate_of_one_file_keeps_its_summary_and_jsonl_makes_it_a_line():
    plain = run_workbench("evaluate", str(CASES / "D06.json"))
    assert plain.returncode == 0 and plain.stdout.startswith("Sak 2025/5544 — vurdering")
    res = run_workbench("evaluate", "--jsonl", str(CASES / "D06.json"))
    assert res.returncode == 0
    [line] = json_lines(res.stdout)
    assert line["ok"] is True and line["total"]["difference"] == "1619"


def test_no_fodselsnummer_on_stderr_even_for_one_file(broken, tmp_path):
    """The validation quotes the value it refuses; the command line hides it (terminals and CI logs are
    no case file), also when it sits in a field where no fødselsnummer belongs."""
    doc = _doc("D01.json")
    doc["children"] = [{"birth_date": "15507600334"}]
    elsewhere = tmp_path / "fnr-elsewhere.json"
    elsewhere.write_text(json.dumps(doc), encoding="utf-8")
    for path in (broken, elsewhere):
        res = run_workbench("evaluate", str(path))
        assert res.returncode == 2 and res.stdout == ""
        assert "15507600334" not in res.stderr and "«skjult»" in res.stderr, res.stderr
    assert res.stderr.startswith("children[0].birth_date: ")
