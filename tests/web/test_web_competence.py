"""Competence and the written standard at intake (issue 12), through the web, the API and the CLI:

- a case from a Nav office outside the configured embete cannot be finalised, and the pages say why;
- an import without a unit number needs the office's county confirmed on the case page (names, not codes);
- the written standard chosen at intake is stored with the case, shown on the case and review pages,
  used by the letter, and changeable on the case page until the letter goes to the leder;
- the configuration: ``KLAGEBENK_EMBETE`` and ``KLAGEBENK_EMBETE_TABLE``.
"""

from __future__ import annotations

import io
import json
import re
import sys
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlmodel import select

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "vedtak"))  # vedtak_support

from vedtak_support import TOPIC_TEXT, fresh, record_review  # noqa: E402

from workbench.db.appeal_models import Letter  # noqa: E402
from workbench.db.models import AuditEvent, Case, User  # noqa: E402

CASES = Path(__file__).resolve().parents[2] / "docs" / "cases"
MOLDE_REASON = ("Nav Molde (enhet 1506) ligger i Møre og Romsdal, som hører til Statsforvalteren i Møre og Romsdal, "
                "ikke Statsforvalteren i Vestland. Saken kan ikke ferdigstilles her; send den til rett embete.")
NOT_CONFIRMED = "Nav-kontorets fylke er ikke bekreftet (importen har ikke enhetsnummer). Bekreft fylket på saken."


def _doc(name: str) -> dict:
    return json.loads((CASES / f"{name}.json").read_text(encoding="utf-8"))


def _letter_form(version: int, lang: str) -> dict:
    data = {"version": version, "language": lang, "our_reference": "2026/4711"}
    data.update({f"block_{key}": text for key, text in TOPIC_TEXT[lang].items()})
    return data


def _letter(db, case) -> Letter:
    db.expire_all()
    return db.exec(select(Letter).where(Letter.case_id == case.id)).one()


def _html(page: str) -> str:
    return " ".join(page.split())


def _text(page: str) -> str:
    """The page's text: tags dropped, whitespace collapsed."""
    return " ".join(re.sub(r"<[^>]+>", " ", page).split()).replace(" )", ")").replace("( ", "(")


def _get(client, url: str) -> tuple[str, str]:
    """(the page's HTML, whitespace collapsed; its text)"""
    raw = client.get(url).get_data(as_text=True)
    return _html(raw), _text(raw)


# --- the gate --------------------------------------------------------------------------------------


def test_a_case_from_another_embete_cannot_be_finalised_and_the_pages_say_why(db, import_case, client_as,
                                                                               serve_embete, app):
    from workbench.letters.pdfa import extract_text

    sb, leder = client_as("saksbehandler"), client_as("leder")
    case = import_case("D01.json", assign_to=db.get(User, sb.user.id))  # Nav Molde, 1506
    record_review(db, case, lang="nb", today=date.today())
    assert sb.get(f"/saker/{case.public_id}/vedtak").status_code == 200
    assert sb.post(f"/saker/{case.public_id}/vedtak", data=_letter_form(fresh(db, case).version, "nb")).status_code == 302
    assert sb.post(f"/saker/{case.public_id}/vedtak/send", data={"version": fresh(db, case).version}).status_code == 302
    r = leder.post(f"/saker/{case.public_id}/vedtak/godkjenn", data={"version": fresh(db, case).version})
    assert r.status_code == 302, r.get_data(as_text=True)[:2000]

    serve_embete("vestland")  # this deployment is Statsforvalteren i Vestland
    html, page = _get(sb, f"/saker/{case.public_id}")
    assert 'id="kompetanse"' in html and MOLDE_REASON in page
    assert "Møre og Romsdal (fra enhetsnummer 1506) – hører til Statsforvalteren i Møre og Romsdal" in page
    r = sb.post(f"/saker/{case.public_id}/vedtak/ferdigstill", data={"version": fresh(db, case).version})
    assert r.status_code == 422
    assert f"Kompetanse: {MOLDE_REASON}" in _text(r.get_data(as_text=True))  # by its label, not its code
    assert _letter(db, case).status == "godkjent" and fresh(db, case).status != "ferdigstilt"

    serve_embete(_doc("D01"))  # Statsforvalteren i Møre og Romsdal: its own case
    html, _page = _get(sb, f"/saker/{case.public_id}")
    assert 'id="kompetanse"' not in html
    r = sb.post(f"/saker/{case.public_id}/vedtak/ferdigstill", data={"version": fresh(db, case).version})
    assert r.status_code == 302, _text(r.get_data(as_text=True))[:3000]
    row = _letter(db, case)
    assert row.status == "ferdigstilt"
    # the demo office (no KLAGEBENK_OFFICE_* set) takes its names from the embete
    assert "Statsforvalteren i Møre og Romsdal" in " ".join(extract_text(row.pdf).split())
    with app.app_context():
        from workbench.config import current_office

        office = current_office()
        assert (office.embete, office.name("nn")) == ("more-og-romsdal", "Statsforvaltaren i Møre og Romsdal")


def test_the_gate_reports_competence_once_with_its_field(db, import_case, serve_embete):
    from workbench.services import audit
    from workbench.services import letters as letter_service

    case = import_case("D06.json")  # Nav Kristiansand, 4204: Agder
    letter_service.get_or_create_letter(db, fresh(db, case), actor=audit.Actor.cli())
    fields = [f for f, _ in letter_service.gate_problems(db, fresh(db, case), today=date.today())]
    assert "competence" not in fields
    serve_embete("rogaland")  # library use outside an app: KLAGEBENK_EMBETE
    problems = letter_service.gate_problems(db, fresh(db, case), today=date.today())
    assert [r for f, r in problems if f == "competence"] == [
        "Nav Kristiansand (enhet 4204) ligger i Agder, som hører til Statsforvalteren i Agder, ikke "
        "Statsforvalteren i Rogaland. Saken kan ikke ferdigstilles her; send den til rett embete."]


# --- an import without a unit number: the county is confirmed at intake ----------------------------


def _without_unit(lang: str | None = None) -> bytes:
    doc = _doc("D06")
    del doc["nav_office"]["unit_number"]
    if lang:
        doc["participant"]["language"] = lang
    return json.dumps(doc).encode()


def _upload(client, data: bytes, **form):
    return client.post("/import/fil", data={"document": (io.BytesIO(data), "vedtak.json"), **form},
                       content_type="multipart/form-data")


def test_an_import_without_unit_number_needs_the_county_confirmed(db, client_as, serve_embete):
    from workbench.services import audit
    from workbench.services import letters as letter_service

    serve_embete("agder")
    sb = client_as("saksbehandler")
    assert _upload(sb, _without_unit()).status_code == 302
    case = db.exec(select(Case)).one()
    assert case.office_county is None
    html, page = _get(sb, f"/saker/{case.public_id}")
    assert NOT_CONFIRMED in page and "Må bekreftes" in page and "(importen har ikke enhetsnummer)" in page
    # the select: today's counties by name, never a code as its label
    assert '<option value="42">Agder</option>' in html and '<option value="46">Vestland</option>' in html
    assert ">42<" not in html and "Hordaland" not in html
    letter_service.get_or_create_letter(db, fresh(db, case), actor=audit.Actor.cli())
    assert ("competence", NOT_CONFIRMED) in letter_service.gate_problems(db, fresh(db, case), today=date.today())

    # no choice, or something that is not one of today's counties: refused, nothing stored
    for county in ("", "99", "12"):
        r = sb.post(f"/saker/{case.public_id}/fylke", data={"version": fresh(db, case).version, "county": county})
        assert r.status_code == 400 and fresh(db, case).office_county is None
    assert "Velg fylket Nav-kontoret ligger i." in sb.post(
        f"/saker/{case.public_id}/fylke", data={"version": fresh(db, case).version, "county": ""}).get_data(as_text=True)
    # a stale page: refused
    stale = fresh(db, case).version - 1
    sb.post(f"/saker/{case.public_id}/fylke", data={"version": stale, "county": "42"})
    assert fresh(db, case).office_county is None

    r = sb.post(f"/saker/{case.public_id}/fylke", data={"version": fresh(db, case).version, "county": "42"})
    assert r.status_code == 302 and fresh(db, case).office_county == "42"
    html, page = _get(sb, f"/saker/{case.public_id}")
    assert "Agder (bekreftet ved mottak) – hører til Statsforvalteren i Agder" in page and 'id="kompetanse"' not in html
    assert "competence" not in [f for f, _ in letter_service.gate_problems(db, fresh(db, case), today=date.today())]
    events = db.exec(select(AuditEvent).where(AuditEvent.case_id == case.id,
                                              AuditEvent.action == "case.office_county")).all()
    assert [(e.detail, e.user_id) for e in events] == [("county=42", sb.user.id)]
    assert "Nav-kontorets fylke bekreftet" in page  # the history

    # confirmed in another embete's county: outside this Statsforvalter's area, and the page says so
    sb.post(f"/saker/{case.public_id}/fylke", data={"version": fresh(db, case).version, "county": "46"})
    _html_page, page = _get(sb, f"/saker/{case.public_id}")
    assert ("Nav Kristiansand (fylket bekreftet ved mottak) ligger i Vestland, som hører til Statsforvalteren i "
            "Vestland, ikke Statsforvalteren i Agder.") in page


def test_a_case_with_a_unit_number_offers_no_county_choice(client_as, import_case):
    sb = client_as("saksbehandler")
    case = import_case("demo-omsorgsstonad.json")  # Nav Bergenhus, 1203 (Hordaland → Vestland)
    html, page = _get(sb, f"/saker/{case.public_id}")
    assert "Hordaland (gammelt fylkesnummer 12, nå Vestland) (fra enhetsnummer 1203)" in page
    assert 'name="county"' not in html and 'id="kompetanse"' not in html


# --- the written standard chosen at intake ---------------------------------------------------------


def test_the_language_chosen_at_intake_is_shown_and_used_by_the_letter(db, client_as):
    sb = client_as("saksbehandler")
    assert 'name="language"' in sb.get("/import/").get_data(as_text=True)
    assert _upload(sb, (CASES / "D06.json").read_bytes(), language="nn").status_code == 302  # D06 says nb
    case = db.exec(select(Case)).one()
    assert case.language == "nn"
    html, _page = _get(sb, f"/saker/{case.public_id}")
    assert '<dd id="malform">Nynorsk</dd>' in html
    html, _page = _get(sb, f"/saker/{case.public_id}/vurdering")
    assert 'id="malform">Målform: Nynorsk' in html
    assert sb.get(f"/saker/{case.public_id}/vedtak").status_code == 200
    assert _letter(db, case).language == "nn"


def test_the_document_language_is_the_default_and_the_case_page_changes_it(db, client_as):
    from workbench.services import audit
    from workbench.services import cases as case_service

    sb = client_as("saksbehandler")
    assert _upload(sb, (CASES / "demo-omsorgsstonad.json").read_bytes()).status_code == 302  # participant: nn
    case = db.exec(select(Case)).one()
    assert case.language == "nn"
    assert sb.get(f"/saker/{case.public_id}/vedtak").status_code == 200  # the letter, in nynorsk
    assert _letter(db, case).language == "nn"

    r = sb.post(f"/saker/{case.public_id}/malform", data={"version": fresh(db, case).version, "language": "nb"})
    assert r.status_code == 302
    assert fresh(db, case).language == "nb" and _letter(db, case).language == "nb"  # the draft follows
    assert "Målform: Bokmål" in _get(sb, f"/saker/{case.public_id}/vurdering")[1]
    events = db.exec(select(AuditEvent).where(AuditEvent.case_id == case.id, AuditEvent.action == "case.language")).all()
    assert [e.detail for e in events] == ["lang=nb"]
    # not a written standard: refused
    r = sb.post(f"/saker/{case.public_id}/malform", data={"version": fresh(db, case).version, "language": "en"})
    assert r.status_code == 400 and fresh(db, case).language == "nb"

    # once the letter lies with the leder, the written standard stays
    row = _letter(db, case)
    row.status = "til_godkjenning"
    db.add(row)
    db.commit()
    version = fresh(db, case).version
    with pytest.raises(case_service.LanguageLocked):
        case_service.set_language(db, fresh(db, case), "nn", expected_version=version,
                                  actor=audit.Actor.cli())
    r = sb.post(f"/saker/{case.public_id}/malform", data={"version": version, "language": "nn"})
    assert r.status_code == 302
    assert fresh(db, case).language == "nb" and fresh(db, case).version == version
    assert "målformen kan ikke endres nå" in sb.get(f"/saker/{case.public_id}").get_data(as_text=True)


def test_the_hand_entry_form_takes_the_language_and_has_no_unit_number(db, client_as, serve_embete):
    sb = client_as("saksbehandler")
    from web_support import small_case_form

    serve_embete("vestland")
    form = dict(small_case_form(), **{"participant.language": "nn"})
    assert sb.post("/import/skjema", data=form).status_code == 302
    case = db.exec(select(Case)).one()
    assert case.language == "nn" and case.office_county is None
    html, page = _get(sb, f"/saker/{case.public_id}")
    assert NOT_CONFIRMED in page and '<dd id="malform">Nynorsk</dd>' in html


def test_the_api_and_the_cli_store_the_language(db, app, client, api_token, database_url, tmp_path):
    token = api_token("cases:write")
    doc = _doc("D06")
    doc["participant"]["language"] = "nn"
    r = client.post("/api/v1/cases", data=json.dumps(doc), content_type="application/json",
                    headers={"Authorization": f"Bearer {token}"})
    assert r.status_code == 201, r.get_data(as_text=True)
    api_case = db.exec(select(Case).where(Case.public_id == r.get_json()["id"])).one()
    assert api_case.language == "nn"

    from workbench.cli import main as cli_main

    runner = CliRunner()
    env = {"DATABASE_URL": database_url, "KLAGEBENK_MODE": "test"}
    for args, lang in ((["import", str(CASES / "demo-omsorgsstonad.json")], "nn"),
                       (["import", str(CASES / "D06.json")], "nb"),
                       (["import", str(CASES / "D06.json"), "--lang", "nn"], "nn")):
        res = runner.invoke(cli_main, args, env=env, catch_exceptions=False)
        assert res.exit_code == 0, res.output
        public_id = res.output.split("sak ", 1)[1].split()[0]
        db.expire_all()
        assert db.exec(select(Case).where(Case.public_id == public_id)).one().language == lang, args
    res = runner.invoke(cli_main, ["import", str(CASES / "D06.json"), "--lang", "en"], env=env)
    assert res.exit_code == 2


# --- configuration ---------------------------------------------------------------------------------


def test_the_embete_from_configuration(tmp_path, office_env, monkeypatch):
    from workbench.config import (
        EMBETE_VAR,
        ConfigError,
        competence_table,
        from_environment,
        office_from_config,
    )

    monkeypatch.delenv(EMBETE_VAR, raising=False)
    cfg = from_environment(tmp_path, {"KLAGEBENK_MODE": "test"})
    assert cfg[EMBETE_VAR] == "vestland" and office_from_config(cfg).embete == "vestland"
    cfg = from_environment(tmp_path, {"KLAGEBENK_MODE": "demo", EMBETE_VAR: "nordland"})
    office = office_from_config(cfg)
    assert (office.embete, office.name_nb, office.name_nn) == (
        "nordland", "Statsforvalteren i Nordland", "Statsforvaltaren i Nordland")
    assert office.postal_address == "Postboks 7310, 5020 Bergen"  # the rest of the demo office stays
    with pytest.raises(ConfigError, match="KLAGEBENK_EMBETE must be one of agder, "):
        from_environment(tmp_path, {"KLAGEBENK_MODE": "test", EMBETE_VAR: "bergen"})

    # an office set explicitly keeps its names; without KLAGEBENK_EMBETE its name says which embete it is
    for name, value in office_env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("SECRET_KEY", "kZ3v9QfT1mLr8XwP2sHd6YbN0cJe4UaGtRq7VxMi5oLp")
    monkeypatch.setenv("KLAGEBENK_ARCHIVE_KEY", "a" * 40)
    monkeypatch.delenv("KLAGEBENK_MODE", raising=False)
    cfg = from_environment(tmp_path, {})
    assert cfg[EMBETE_VAR] == "rogaland" and office_from_config(cfg).name_nb == "Statsforvalteren i Rogaland"
    cfg = from_environment(tmp_path, {EMBETE_VAR: "agder"})
    assert office_from_config(cfg).embete == "agder" and office_from_config(cfg).name_nb == "Statsforvalteren i Rogaland"
    monkeypatch.setenv("KLAGEBENK_OFFICE_NAME_NB", "Statsforvalterens klagekontor")
    with pytest.raises(ConfigError, match="KLAGEBENK_EMBETE is not set"):
        from_environment(tmp_path, {})  # production, serving: which embete is it?
    assert from_environment(tmp_path, {}, serving=False)[EMBETE_VAR] is None  # db upgrade, import …
    assert from_environment(tmp_path, {EMBETE_VAR: "rogaland"})[EMBETE_VAR] == "rogaland"

    # the table from a file
    table = tmp_path / "embeter.json"
    table.write_text(json.dumps({"counties": {"13": "vestland"}, "county_names": {"13": "Bergen"}}), encoding="utf-8")
    cfg = from_environment(tmp_path, {"KLAGEBENK_MODE": "test", "KLAGEBENK_EMBETE_TABLE": str(table)})
    assert competence_table(cfg).embete_of["13"] == "vestland"
    table.write_text(json.dumps({"counties": {"13": "bergen"}}), encoding="utf-8")
    with pytest.raises(ConfigError, match="KLAGEBENK_EMBETE_TABLE .*names no embete"):
        from_environment(tmp_path, {"KLAGEBENK_MODE": "test", "KLAGEBENK_EMBETE_TABLE": str(table)})
    with pytest.raises(ConfigError, match="KLAGEBENK_EMBETE_TABLE names a file that cannot be read"):
        from_environment(tmp_path, {"KLAGEBENK_MODE": "test", "KLAGEBENK_EMBETE_TABLE": str(tmp_path / "nope.json")})


def test_the_demo_seeds_only_a_case_its_embete_can_finalise():
    from workbench.appeal import competence
    from workbench.commands.app_commands import DEMO_CASE

    doc = json.loads(DEMO_CASE.read_text(encoding="utf-8"))
    assert competence.embete_for_unit(doc["nav_office"]["unit_number"]).key == competence.DEFAULT_EMBETE
