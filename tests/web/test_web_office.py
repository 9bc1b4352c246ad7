"""The Statsforvalter office from the environment (``KLAGEBENK_OFFICE_*``): checked values, demo defaults
in demo/test mode, and a production app that refuses to serve without its own office."""

from __future__ import annotations

import pytest

from workbench.config import (
    OFFICE_VARS,
    ConfigError,
    from_environment,
    office_from_config,
    office_is_demo,
)
from workbench.letters.model import Office


@pytest.fixture
def prod_env(monkeypatch, office_env):
    monkeypatch.delenv("KLAGEBENK_MODE", raising=False)
    monkeypatch.setenv("SECRET_KEY", "kZ3v9QfT1mLr8XwP2sHd6YbN0cJe4UaGtRq7VxMi5oLp")  # strong: production refuses a weak key
    monkeypatch.setenv("KLAGEBENK_ARCHIVE_KEY", "a" * 40)  # production serves only with it (tests/archive)
    return office_env


def test_configured_office_is_checked_and_used(tmp_path, prod_env, monkeypatch):
    for name, value in prod_env.items():
        monkeypatch.setenv(name, value)
    cfg = from_environment(tmp_path, {})
    office = office_from_config(cfg)
    assert not office_is_demo(cfg)
    assert office.name("nb") == "Statsforvalteren i Rogaland" and office.name("nn") == "Statsforvaltaren i Rogaland"
    assert office.org_no == "974 763 230"  # normalised to the usual spacing
    assert office.email == "sfropost@statsforvalteren.no" and office.phone == "51 56 87 00"
    # overrides (tests, the demo command) win over the environment, and are checked the same way
    cfg = from_environment(tmp_path, {"KLAGEBENK_OFFICE_NAME_NB": "Statsforvalteren i Agder"})
    assert office_from_config(cfg).name_nb == "Statsforvalteren i Agder"


@pytest.mark.parametrize("name,value,why", [
    ("KLAGEBENK_OFFICE_ORG_NO", "974763231", "check digit"),
    ("KLAGEBENK_OFFICE_ORG_NO", "97476323", "9 digits"),
    ("KLAGEBENK_OFFICE_ORG_NO", "organisasjon", "9 digits"),
    ("KLAGEBENK_OFFICE_NAME_NB", "", "empty"),
    ("KLAGEBENK_OFFICE_NAME_NN", "   ", "empty"),
    ("KLAGEBENK_OFFICE_EMAIL", "sfropost.statsforvalteren.no", "e-mail"),
    ("KLAGEBENK_OFFICE_EMAIL", "post@localhost", "e-mail"),
    ("KLAGEBENK_OFFICE_PHONE", "ring oss", "phone"),
])
def test_a_bad_value_names_the_variable(tmp_path, prod_env, monkeypatch, name, value, why):
    for n, v in prod_env.items():
        monkeypatch.setenv(n, v)
    monkeypatch.setenv(name, value)
    for mode in ("production", "demo", "test"):  # a set value is checked in every mode, serving or not
        with pytest.raises(ConfigError, match=name) as exc:
            from_environment(tmp_path, {"KLAGEBENK_MODE": mode}, serving=False)
        assert why in str(exc.value)


def test_a_partial_office_names_what_is_missing(tmp_path, prod_env, monkeypatch):
    monkeypatch.setenv("KLAGEBENK_OFFICE_NAME_NB", prod_env["KLAGEBENK_OFFICE_NAME_NB"])
    with pytest.raises(ConfigError, match="partly configured") as exc:
        from_environment(tmp_path, {"KLAGEBENK_MODE": "demo"})
    assert "KLAGEBENK_OFFICE_ORG_NO" in str(exc.value) and "KLAGEBENK_OFFICE_NAME_NB," not in str(exc.value)


def test_demo_and_test_mode_default_to_the_demo_office(tmp_path, prod_env):
    for mode in ("demo", "test"):
        cfg = from_environment(tmp_path, {"KLAGEBENK_MODE": mode})
        assert office_is_demo(cfg) and office_from_config(cfg) == Office()
        assert office_from_config(cfg).name("nb") == "Statsforvalteren i Vestland"


def test_production_without_office_refuses_to_serve_but_cli_commands_work(tmp_path, prod_env):
    with pytest.raises(ConfigError) as exc:
        from_environment(tmp_path, {})
    assert all(name in str(exc.value) for name in OFFICE_VARS)
    cfg = from_environment(tmp_path, {}, serving=False)  # db upgrade, user add, import …
    assert not office_is_demo(cfg)
    with pytest.raises(ConfigError, match="KLAGEBENK_OFFICE_NAME_NB"):
        office_from_config(cfg)  # … but nothing that needs the office gets the demo one


def test_production_app_starts_only_with_its_office(database_url, prod_env, monkeypatch):
    from workbench.app import create_app

    config = {"DATABASE_URL": database_url}
    with pytest.raises(ConfigError, match="KLAGEBENK_OFFICE_ORG_NO"):
        create_app(config)  # no click context: a WSGI server importing the app
    for name, value in prod_env.items():
        monkeypatch.setenv(name, value)
    app = create_app(config)
    assert app.config["KLAGEBENK_MODE"] == "production"
    with app.app_context():
        from workbench.config import current_office

        assert current_office().name("nn") == "Statsforvaltaren i Rogaland"
    from workbench.db.session import engine_for

    engine_for(app).dispose()
