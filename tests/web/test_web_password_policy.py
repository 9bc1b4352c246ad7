"""The password policy (workbench/services/passwords.py ``policy_problem``, zxcvbn): common and weak
passwords are refused by ``workbench user add``, the admin page and a password change, with a
Norwegian message that names «Passord» and says why."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from workbench.services.passwords import policy_problem

WEAK = {
    "password12": "vanligste passordene",
    "passord123": "for svakt",
    "Sommer2024": "for svakt",
    "qwertyuiop": "for svakt",
    "klagebenk2025": "for svakt",
    "aaaaaaaaaaaa": "gjentakelser",
    "kort": "minst 10 tegn",
}


@pytest.mark.parametrize("password,why", sorted(WEAK.items()))
def test_weak_passwords_are_refused_saying_why(password, why):
    problem = policy_problem(password)
    assert problem is not None, password
    assert problem.startswith("Passord: ")
    assert why in problem


@pytest.mark.parametrize("password", ["riktig-passord-123", "korrekt-hest-batteri-stift",
                                      "Fjord tåke kaffe 1987 blå", "x7#Kq9!mZ2@vL"])
def test_good_passwords_pass(password):
    assert policy_problem(password) is None


def test_a_password_built_on_the_username_or_name_is_refused():
    assert "brukernavnet" in policy_problem("kari.nordmann1", user_inputs=["kari.nordmann"])
    assert policy_problem("nordmann-kari-2024", user_inputs=["kari", "Kari Nordmann"]) is not None
    assert policy_problem("nordmann-kari-2024") is None
    # the name beside enough of something else is the strength estimate's to judge
    assert policy_problem("prøve-3fa9c1e07b2d4e8a", user_inputs=["kari", "Kari Prøve"]) is None


def test_length_bounds():
    assert "høyst 128 tegn" in policy_problem("ab-" * 50)
    assert policy_problem(" " * 12) is not None
    long_good = "fjell-tåke-kaffe-" * 7  # 119 characters; zxcvbn judges the first 72
    assert policy_problem(long_good) is None


def test_user_add_refuses_password12_naming_the_field(app, database_url, db):
    from workbench.cli import main
    from workbench.services.users import get_by_username

    env = {"DATABASE_URL": database_url, "KLAGEBENK_MODE": "test"}
    r = CliRunner().invoke(main, ["user", "add", "nora", "--role", "arkivar", "--password", "password12"],
                           env=env)
    assert r.exit_code == 1
    assert "Passord: passordet er for svakt – det er et av de vanligste passordene." in r.output
    assert get_by_username(db, "nora") is None
    r = CliRunner().invoke(main, ["user", "add", "nora", "--role", "arkivar", "--password",
                                  "korrekt-hest-batteri-stift"], env=env)
    assert r.exit_code == 0, r.output


def test_user_add_names_other_fields_too(app, database_url):
    from workbench.cli import main

    r = CliRunner().invoke(main, ["user", "add", "Ugyldig Navn", "--role", "arkivar", "--password",
                                  "korrekt-hest-batteri-stift"],
                           env={"DATABASE_URL": database_url, "KLAGEBENK_MODE": "test"})
    assert r.exit_code == 1 and "Brukernavn: Brukernavnet kan bare" in r.output


def test_the_admin_page_refuses_a_weak_password_at_the_field(client_as, db):
    from workbench.services.users import get_by_username

    admin = client_as("admin")
    r = admin.post("/admin/brukere", data={"username": "nora", "display_name": "Nora Nilsen",
                                           "role": "arkivar", "password": "password12"})
    assert r.status_code == 400
    page = r.get_data(as_text=True)
    assert 'id="password-error"' in page
    assert "Passord: passordet er for svakt – det er et av de vanligste passordene." in page
    assert get_by_username(db, "nora") is None
    r = admin.post("/admin/brukere", data={"username": "nora", "display_name": "Nora Nilsen",
                                           "role": "arkivar", "password": "nora-nilsen-1"})
    assert r.status_code == 400 and "likt brukernavnet eller navnet" in r.get_data(as_text=True)
    r = admin.post("/admin/brukere", data={"username": "nora", "display_name": "Nora Nilsen",
                                           "role": "arkivar", "password": "korrekt-hest-batteri-stift"})
    assert r.status_code == 302 and get_by_username(db, "nora") is not None


def test_a_password_change_follows_the_policy(app, make_user, db):
    from workbench.db.models import User
    from workbench.services import users

    user = db.get(User, make_user("leder").id)
    with pytest.raises(users.UserError) as err:
        users.set_password(db, user, "password12")
    assert err.value.field == "password" and "vanligste" in err.value.message
