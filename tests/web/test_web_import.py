"""Import: JSON upload, the hand-entry form and `workbench import` all go through the one
validation; errors come back at the field with the reason; nothing is stored when invalid."""

from __future__ import annotations

import io
import json
from pathlib import Path

from click.testing import CliRunner

from workbench.cli import main as cli_main
from web_support import small_case_form

CASES = Path(__file__).resolve().parents[2] / "docs" / "cases"


def _demo() -> dict:
    return json.loads((CASES / "demo-omsorgsstonad.json").read_text(encoding="utf-8"))


def _broken() -> bytes:
    doc = _demo()
    del doc["payments"][0]["net"]
    doc["participant"]["fnr"] = "15507600334"  # wrong control digit
    return json.dumps(doc).encode()


def _upload(client, data: bytes, name="vedtak.json"):
    return client.post("/import/fil", data={"document": (io.BytesIO(data), name)},
                       content_type="multipart/form-data")


def test_upload_of_the_demo_case_creates_a_case_with_evaluation(client_as, row_counts, db):
    from workbench.db.models import Case, Evaluation, ImportedDecision
    from sqlmodel import select

    sb = client_as("saksbehandler")
    raw = (CASES / "demo-omsorgsstonad.json").read_bytes()
    response = _upload(sb, raw)
    assert response.status_code == 302
    case = db.exec(select(Case)).one()
    assert response.location == f"/saker/{case.public_id}"
    assert case.claimant_name == "Kari Testesen Nordhus"
    assert case.saksbehandler_id == sb.user.id
    imported = db.exec(select(ImportedDecision)).one()
    assert imported.raw == raw.decode()  # as submitted
    assert imported.parsed["payments"][0]["net"] == "5328"  # as parsed
    evaluation = db.exec(select(Evaluation)).one()
    assert evaluation.result["total"]["net"] == "6797"
    page = sb.get(response.location).get_data(as_text=True)
    assert "kr 6\u00a0797" in page and "kr 5\u00a0328" in page  # Nav's net vs computed net
    assert "kr 11\u00a0327,56" in page and "22.10.2025" in page
    assert "Nav har samordnet en ytelse som ikke kan samordnes" in page


def test_invalid_upload_stores_nothing_and_names_the_fields(client_as, row_counts):
    sb = client_as("saksbehandler")
    before = row_counts()
    response = _upload(sb, _broken())
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "Utbetalingsperiode 1 – netto utbetalt" in page and "Deltakeren – fødselsnummer" in page  # by name, not path
    assert row_counts() == before


def test_upload_that_is_not_json_stores_nothing(client_as, row_counts):
    sb = client_as("saksbehandler")
    before = row_counts()
    response = _upload(sb, b"{ not json")
    assert response.status_code == 422
    assert row_counts() == before


def test_upload_without_a_file_is_refused(client_as, row_counts):
    sb = client_as("saksbehandler")
    before = row_counts()
    response = sb.post("/import/fil", data={}, content_type="multipart/form-data")
    assert response.status_code == 400
    assert "Velg en JSON-fil" in response.get_data(as_text=True)
    assert row_counts() == before


def test_hand_entered_case_is_stored_and_evaluated(client_as, db):
    from workbench.db.models import Case, ImportedDecision
    from sqlmodel import select

    sb = client_as("saksbehandler")
    response = sb.post("/import/skjema", data=small_case_form())
    assert response.status_code == 302, response.get_data(as_text=True)[:3000]
    case = db.exec(select(Case)).one()
    imported = db.exec(select(ImportedDecision)).one()
    assert imported.source == "form"
    doc = json.loads(imported.raw)
    assert doc["format"] == "klagebenk.nav-vedtak/1"
    assert doc["children"] == [{"birth_date": "2012-04-02"}]  # the empty row is dropped
    assert doc["appeal"]["arguments"] == ["Omsorgsstønad kan ikke samordnes etter § 38."]
    assert doc["payments"][0]["gross"] == "10767.56"
    assert doc["programme"]["hours_per_week"] == 37.5
    assert case.nav_reference == "2025/9001"


def test_hand_entered_case_with_errors_shows_them_at_the_field_and_stores_nothing(client_as, row_counts):
    sb = client_as("saksbehandler")
    form = small_case_form()
    form["payments[0].net"] = ""
    form["work[0].hours"] = "tretti"
    before = row_counts()
    response = sb.post("/import/skjema", data=form)
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert row_counts() == before
    # the error sits next to its input, tied to it for screen readers
    assert 'id="f-payments-0-net-error"' in page
    assert 'aria-describedby="f-payments-0-net-error"' in page
    assert 'id="f-work-0-hours-error"' in page
    # what the jurist typed is still there
    assert 'value="tretti"' in page and "Kari Testesen Nordhus" in page


def _cli(database_url, *args):
    runner = CliRunner()
    return runner.invoke(cli_main, list(args), env={"DATABASE_URL": database_url,
                                                    "KLAGEBENK_MODE": "test"},
                         catch_exceptions=False)


def test_cli_import_of_a_valid_file(app, database_url, row_counts):
    before = row_counts()
    result = _cli(database_url, "import", str(CASES / "D06.json"))
    assert result.exit_code == 0, result.output
    assert "Importert: sak" in result.output
    assert row_counts()["cases"] == before["cases"] + 1


def test_cli_import_of_an_invalid_file_exits_2_with_field_lines_and_stores_nothing(
        app, database_url, row_counts, tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_bytes(_broken())
    before = row_counts()
    runner = CliRunner()
    result = runner.invoke(cli_main, ["import", str(broken)],
                           env={"DATABASE_URL": database_url, "KLAGEBENK_MODE": "test"})
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert any(line.startswith("payments[0].net: ") for line in lines), lines
    assert any(line.startswith("participant.fnr: ") for line in lines), lines
    assert "15507600334" not in result.stdout
    assert row_counts() == before
