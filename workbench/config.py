"""Settings from the environment.

| variable        | default                                   | meaning |
|-----------------|-------------------------------------------|---------|
| DATABASE_URL    | sqlite:///<instance>/klagebenk.sqlite     | SQLAlchemy URL; PostgreSQL: postgresql+psycopg://user@host:5432/db |
| SECRET_KEY      | required when serving (mode production)   | signs sessions and CSRF tokens |
| KLAGEBENK_MODE  | production                                | production, demo or test |
| SESSION_COOKIE_SECURE | 1 in production, 0 otherwise        | send the session cookie over HTTPS only |
| KLAGEBENK_OFFICE_NAME_NB | required when serving (mode production); demo: Statsforvalteren i Vestland | the office's name in bokmål (letterhead, signature, archive export) |
| KLAGEBENK_OFFICE_NAME_NN | as above; demo: Statsforvaltaren i Vestland | the office's name in nynorsk |
| KLAGEBENK_OFFICE_POSTAL_ADDRESS | as above; demo: Postboks 7310, 5020 Bergen | letter footer «Postadresse» |
| KLAGEBENK_OFFICE_VISITING_ADDRESS | as above; demo: Statens hus, Kaigaten 9, Bergen | letter footer «Besøksadresse» |
| KLAGEBENK_OFFICE_PHONE | as above; demo: 55 57 20 00 | letter footer «Telefon» (also the «direkte telefon») |
| KLAGEBENK_OFFICE_ORG_NO | as above; demo: 974 760 665 | organisasjonsnummer: 9 digits, valid mod-11 check digit |
| KLAGEBENK_OFFICE_EMAIL | as above; demo: sfvlpost@statsforvalteren.no | letter footer «E-post» |

In demo and test mode a missing SECRET_KEY is replaced by a random one. In production mode the
app refuses to start without one — except for CLI commands that never serve a page
(``workbench db upgrade``, ``user add``, ``import``), which do not use sessions.

The office (``KLAGEBENK_OFFICE_*``) is all or nothing: set every variable, or none. None set: demo and
test mode use the demo office (Statsforvalteren i Vestland); production mode refuses to serve, and a
non-serving CLI command that needs the office (``archive export``) stops with the same message. A set
value is always checked (no empty value, org. no. with a valid check digit, an e-mail address);
a bad one is a ``ConfigError`` naming the variable. ``office_from_config`` / ``current_office`` turn
the config into the ``workbench.letters.model.Office`` every letter and archive export uses.
"""

from __future__ import annotations

import os
import re
import secrets
from pathlib import Path
from typing import TYPE_CHECKING, Mapping

if TYPE_CHECKING:  # pragma: no cover
    from workbench.letters.model import Office

MODES = ("production", "demo", "test")
DEFAULT_SQLITE_NAME = "klagebenk.sqlite"


class ConfigError(RuntimeError):
    """The environment does not configure the app well enough to run it."""


def default_database_url(instance_path: str | os.PathLike) -> str:
    return f"sqlite:///{Path(instance_path) / DEFAULT_SQLITE_NAME}"


def normalise_database_url(url: str) -> str:
    """Accept the usual spellings of a PostgreSQL URL and use the psycopg 3 driver."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def _flag(value: str | None, default: bool) -> bool:
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "ja", "on"}


def from_environment(instance_path: str | os.PathLike, overrides: dict | None = None,
                     *, serving: bool = True) -> dict:
    """Build the Flask config mapping. ``overrides`` (tests, the demo command) win over the env."""
    overrides = dict(overrides or {})
    env = os.environ
    mode = overrides.get("KLAGEBENK_MODE") or env.get("KLAGEBENK_MODE") or "production"
    if mode not in MODES:
        raise ConfigError(f"KLAGEBENK_MODE must be one of {', '.join(MODES)}, not {mode!r}")
    url = overrides.get("DATABASE_URL") or env.get("DATABASE_URL") or default_database_url(instance_path)
    secret = overrides.get("SECRET_KEY") or env.get("SECRET_KEY")
    if not secret:
        if mode == "production" and serving:
            raise ConfigError(
                "SECRET_KEY is not set. Set it to a long random value (e.g. "
                "`python -c 'import secrets; print(secrets.token_hex(32))'`), or run the demo: "
                "`workbench demo`."
            )
        secret = secrets.token_hex(32)
    config = {
        "KLAGEBENK_MODE": mode,
        "DATABASE_URL": normalise_database_url(url),
        "SECRET_KEY": secret,
        "TESTING": mode == "test",
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": _flag(env.get("SESSION_COOKIE_SECURE"), mode == "production"),
        "REMEMBER_COOKIE_HTTPONLY": True,
        "MAX_CONTENT_LENGTH": 2 * 1024 * 1024,  # an import document is a few kB
        "WTF_CSRF_TIME_LIMIT": 8 * 3600,
        "JSON_SORT_KEYS": False,
    }
    config.update(office_settings(env, overrides, mode=mode, serving=serving))
    overrides.pop("DATABASE_URL", None)
    overrides.pop("SECRET_KEY", None)
    for name in OFFICE_VARS:
        overrides.pop(name, None)
    config.update(overrides)
    return config


# ---------------------------------------------------------------------------------------------
# The Statsforvalter office (letterhead, footer, archive export)
# ---------------------------------------------------------------------------------------------

#: environment variable → ``Office`` field
OFFICE_VARS = {
    "KLAGEBENK_OFFICE_NAME_NB": "name_nb",
    "KLAGEBENK_OFFICE_NAME_NN": "name_nn",
    "KLAGEBENK_OFFICE_POSTAL_ADDRESS": "postal_address",
    "KLAGEBENK_OFFICE_VISITING_ADDRESS": "visiting_address",
    "KLAGEBENK_OFFICE_PHONE": "phone",
    "KLAGEBENK_OFFICE_ORG_NO": "org_no",
    "KLAGEBENK_OFFICE_EMAIL": "email",
}
#: True in the config when the office is the built-in demo office (demo/test mode, nothing set).
OFFICE_DEMO_KEY = "KLAGEBENK_OFFICE_IS_DEMO"
MAX_OFFICE_VALUE = 200
_EMAIL = re.compile(r"[^@\s]+@[^@\s.]+(\.[^@\s.]+)+")
_PHONE = re.compile(r"\+?[0-9][0-9 ().-]*")


def _office_missing_message(missing: list[str]) -> str:
    return (
        f"The Statsforvalter office is not configured: set {', '.join(missing)} "
        "(name in bokmål and nynorsk, postal and visiting address, phone, org. no., e-mail), "
        "or run the demo: `workbench demo`."
    )


def _check_office_value(name: str, value: str) -> str:
    value = " ".join(value.split())  # one line: a footer cell, never a line break from the env
    if not value:
        raise ConfigError(f"{name} is empty; set it to the office's {OFFICE_VARS[name].replace('_', ' ')}")
    if len(value) > MAX_OFFICE_VALUE:
        raise ConfigError(f"{name} is longer than {MAX_OFFICE_VALUE} characters")
    if name == "KLAGEBENK_OFFICE_ORG_NO":
        from stdnum.exceptions import ValidationError
        from stdnum.no import orgnr

        try:
            return orgnr.format(orgnr.validate(value))
        except ValidationError as exc:
            raise ConfigError(f"{name} is not a valid organisasjonsnummer ({value!r}): "
                              f"9 digits with a valid mod-11 check digit expected ({exc})") from None
    if name == "KLAGEBENK_OFFICE_EMAIL" and not _EMAIL.fullmatch(value):
        raise ConfigError(f"{name} is not an e-mail address ({value!r})")
    if name == "KLAGEBENK_OFFICE_PHONE" and (not _PHONE.fullmatch(value)
                                             or sum(c.isdigit() for c in value) < 5):
        raise ConfigError(f"{name} is not a phone number ({value!r}): digits, spaces and a leading + only")
    return value


def office_settings(env: Mapping[str, str], overrides: Mapping | None = None, *, mode: str = "production",
                    serving: bool = True) -> dict:
    """The ``KLAGEBENK_OFFICE_*`` config entries (checked), ``overrides`` winning over ``env``.

    All or nothing: some set and some not is an error in every mode. None set: the demo office in
    demo/test mode; in production a ``ConfigError`` when serving, else no office (``office_from_config``
    then refuses)."""
    overrides = overrides or {}
    raw = {name: (overrides[name] if overrides.get(name) is not None else env.get(name))
           for name in OFFICE_VARS}
    given = {name: value for name, value in raw.items() if value is not None}
    if not given:
        if mode != "production":
            return {OFFICE_DEMO_KEY: True, **_demo_office_values()}
        if serving:
            raise ConfigError(_office_missing_message(list(OFFICE_VARS)))
        return {OFFICE_DEMO_KEY: False}
    missing = [name for name in OFFICE_VARS if name not in given]
    if missing:
        raise ConfigError(_office_missing_message(missing).replace(
            "is not configured", "is only partly configured"))
    values = {name: _check_office_value(name, str(value)) for name, value in given.items()}
    return {OFFICE_DEMO_KEY: False, **values}


def _demo_office_values() -> dict:
    from workbench.letters.model import Office

    demo = Office()
    return {name: getattr(demo, attr) for name, attr in OFFICE_VARS.items()}


def office_from_config(config: Mapping) -> "Office":
    """The ``Office`` of a config made by ``from_environment`` (or ``office_settings``).
    ``ConfigError`` when it has none (production, a non-serving command, nothing set)."""
    from workbench.letters.model import Office

    missing = [name for name in OFFICE_VARS if not config.get(name)]
    if missing:
        raise ConfigError(_office_missing_message(missing))
    return Office(**{attr: str(config[name]) for name, attr in OFFICE_VARS.items()})


def office_is_demo(config: Mapping) -> bool:
    return bool(config.get(OFFICE_DEMO_KEY))


def current_office() -> "Office":
    """The office of the current Flask app. Outside an app context (library use, unit tests) the
    demo office — the web app and the CLI always pass or resolve their configured office."""
    from flask import current_app, has_app_context

    if has_app_context():
        return office_from_config(current_app.config)
    from workbench.letters.model import Office

    return Office()
