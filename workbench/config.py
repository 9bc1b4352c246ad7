"""Settings from the environment.

| variable        | default                                   | meaning |
|-----------------|-------------------------------------------|---------|
| DATABASE_URL    | sqlite:///<instance>/klagebenk.sqlite     | SQLAlchemy URL; PostgreSQL: postgresql+psycopg://user@host:5432/db |
| SECRET_KEY      | required when serving (mode production)   | signs sessions and CSRF tokens |
| KLAGEBENK_MODE  | production                                | production, demo or test |
| SESSION_COOKIE_SECURE | 1 in production, 0 otherwise        | send the session cookie over HTTPS only (then named ``__Host-klagebenk``) |
| KLAGEBENK_SESSION_IDLE_MINUTES | 30                         | a session unused this long ends (``services/sessions.py``) |
| KLAGEBENK_SESSION_MAX_HOURS | 12                            | a session ends this long after login, however busy |
| KLAGEBENK_PROXY_COUNT | 0                                   | reverse proxies in front that set X-Forwarded-For/-Proto |
|                       |                                     | (the client address for login throttling) |
| FLASK_DEBUG     | —                                         | refused in production: debug mode never serves real cases |
| KLAGEBENK_ARCHIVE_KEY | required when serving (mode production); test: derived; demo: generated once |
|                       | signs the archive's hash chain; at least 32 characters (``services/integrity.py``) |
| KLAGEBENK_OFFICE_NAME_NB | required when serving (mode production); demo: Statsforvalteren i Vestland |
|                          | the office's name in bokmål (letterhead, signature, archive export) |
| KLAGEBENK_OFFICE_NAME_NN | as above; demo: Statsforvaltaren i Vestland | the office's name in nynorsk |
| KLAGEBENK_OFFICE_POSTAL_ADDRESS | as above; demo: Postboks 7310, 5020 Bergen | letter footer «Postadresse» |
| KLAGEBENK_OFFICE_VISITING_ADDRESS | as above; demo: Statens hus, Kaigaten 9, Bergen | letter footer «Besøksadresse» |
| KLAGEBENK_OFFICE_PHONE | as above; demo: 55 57 20 00 | letter footer «Telefon» (also the «direkte telefon») |
| KLAGEBENK_OFFICE_ORG_NO | as above; demo: 974 760 665 | organisasjonsnummer: 9 digits, valid mod-11 check digit |
| KLAGEBENK_OFFICE_EMAIL | as above; demo: sfvlpost@statsforvalteren.no | letter footer «E-post» |
| KLAGEBENK_EMBETE | the embete KLAGEBENK_OFFICE_NAME_NB names; demo/test: vestland | the key of the embete this |
|                  | deployment is (``workbench/appeal/competence.py``): only Nav offices in its area can be finalised |
| KLAGEBENK_EMBETE_TABLE | — (the ten embeter as of 2024) | a JSON file changing or extending the table of |
|                        | embeter and counties (``competence.table_from_mapping``) |

In demo and test mode a missing SECRET_KEY is replaced by a random one. In production mode the
app refuses to start without one — except for CLI commands that never serve a page
(``workbench db upgrade``, ``user add``, ``import``), which do not use sessions. When serving in
production it also refuses a weak one (``secret_key_problem``: shorter than 32 characters, few
distinct characters, or guessable) and debug mode (``FLASK_DEBUG``), each a ``ConfigError`` naming
the variable.

The office (``KLAGEBENK_OFFICE_*``) is all or nothing: set every variable, or none. None set: demo and
test mode use the demo office (Statsforvalteren i Vestland); production mode refuses to serve, and a
non-serving CLI command that needs the office (``archive export``) stops with the same message. A set
value is always checked (no empty value, org. no. with a valid check digit, an e-mail address);
a bad one is a ``ConfigError`` naming the variable. ``office_from_config`` / ``current_office`` turn
the config into the ``workbench.letters.model.Office`` every letter and archive export uses.

The embete (``KLAGEBENK_EMBETE``, competence: appeals.md §11) is one of the table's keys, checked in
every mode. Unset, it is the embete whose name ``KLAGEBENK_OFFICE_NAME_NB`` is («Statsforvalteren i
Rogaland» → rogaland); demo and test mode default to vestland; production refuses to serve when it
can be neither. The demo office (no ``KLAGEBENK_OFFICE_*`` set) takes its names from the embete.
"""

from __future__ import annotations

import hashlib
import math
import os
import re
import secrets
from collections import Counter
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING
from collections.abc import Mapping

if TYPE_CHECKING:  # pragma: no cover
    from workbench.appeal.competence import CompetenceTable
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
    elif mode == "production" and serving:
        problem = secret_key_problem(secret)
        if problem:
            raise ConfigError(problem)
    if mode == "production" and serving and (_flag(env.get("FLASK_DEBUG"), False) or overrides.get("DEBUG")):
        raise ConfigError(
            "FLASK_DEBUG is set: production never serves in debug mode (it shows internals and "
            "tracebacks). Unset FLASK_DEBUG, or run the demo: `workbench demo`.")
    idle = _positive_number(overrides, env, "KLAGEBENK_SESSION_IDLE_MINUTES", DEFAULT_IDLE_MINUTES)
    lifetime = _positive_number(overrides, env, "KLAGEBENK_SESSION_MAX_HOURS", DEFAULT_MAX_HOURS)
    proxies = _positive_number(overrides, env, "KLAGEBENK_PROXY_COUNT", 0, zero=True, whole=True)
    config = {
        "KLAGEBENK_MODE": mode,
        "DATABASE_URL": normalise_database_url(url),
        "SECRET_KEY": secret,
        "TESTING": mode == "test",
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": _flag(env.get("SESSION_COOKIE_SECURE"), mode == "production"),
        "REMEMBER_COOKIE_HTTPONLY": True,
        # The session ends on the server (services/sessions.py); these bound what the browser keeps.
        "SESSION_IDLE_TIMEOUT": timedelta(minutes=idle),
        "SESSION_ABSOLUTE_LIFETIME": timedelta(hours=lifetime),
        "PERMANENT_SESSION_LIFETIME": timedelta(hours=lifetime),  # Flask's default is 31 days
        "REMEMBER_COOKIE_DURATION": timedelta(hours=lifetime),  # no «remember me», but never longer
        "KLAGEBENK_PROXY_COUNT": int(proxies),
        "MAX_CONTENT_LENGTH": 2 * 1024 * 1024,  # an import document is a few kB
        "WTF_CSRF_TIME_LIMIT": int(timedelta(hours=lifetime).total_seconds()),
        "JSON_SORT_KEYS": False,
    }
    config.update(office_settings(env, overrides, mode=mode, serving=serving))
    config.update(key_settings(env, overrides, mode=mode, serving=serving, instance_path=instance_path,
                               database_url=str(config["DATABASE_URL"])))
    config.update(embete_settings(env, overrides, mode=mode, serving=serving, office=config))
    overrides.pop(KEY_VAR, None)
    overrides.pop(EMBETE_VAR, None)
    overrides.pop(EMBETE_TABLE_VAR, None)
    overrides.pop("DATABASE_URL", None)
    overrides.pop("SECRET_KEY", None)
    for name in (*OFFICE_VARS, *NUMBER_VARS):
        overrides.pop(name, None)
    config.update(overrides)
    if "SESSION_COOKIE_NAME" not in overrides:
        # __Host-: the browser takes it only over HTTPS, for the whole site, from this host alone
        config["SESSION_COOKIE_NAME"] = "__Host-klagebenk" if config["SESSION_COOKIE_SECURE"] else "klagebenk"
    return config


# ---------------------------------------------------------------------------------------------
# Sessions and the secret key
# ---------------------------------------------------------------------------------------------

DEFAULT_IDLE_MINUTES = 30
DEFAULT_MAX_HOURS = 12
NUMBER_VARS = ("KLAGEBENK_SESSION_IDLE_MINUTES", "KLAGEBENK_SESSION_MAX_HOURS", "KLAGEBENK_PROXY_COUNT")
MIN_SECRET_LENGTH = 32
MIN_SECRET_BITS = 80  # estimated from the characters' spread; random 32 hex digits give 92–125


def _positive_number(overrides: Mapping, env: Mapping[str, str], name: str, default: float, *,
                     zero: bool = False, whole: bool = False) -> float:
    raw = overrides.get(name) if overrides.get(name) is not None else env.get(name)
    if raw is None or str(raw).strip() == "":
        return default
    try:
        value = float(str(raw).strip().replace(",", "."))
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or value < 0 or (value == 0 and not zero) or (whole and value != int(value)):
        kind = "a whole number" if whole else "a number"
        raise ConfigError(f"{name} must be {kind} {'≥ 0' if zero else '> 0'}, not {raw!r}")
    return value


def secret_key_problem(secret: str) -> str | None:
    """Why SECRET_KEY is too weak to sign production sessions, or None. Anyone who can guess it can
    forge a session cookie for any user, so it must be long and random."""
    advice = ("Set SECRET_KEY to a long random value, e.g. "
              "`python3 -c 'import secrets; print(secrets.token_hex(32))'`.")
    if len(secret) < MIN_SECRET_LENGTH:
        return (f"SECRET_KEY is too short ({len(secret)} characters; at least {MIN_SECRET_LENGTH}). "
                + advice)
    counts = Counter(secret)
    bits = max(0.0, -sum(n * math.log2(n / len(secret)) for n in counts.values()))
    if len(counts) < 8 or bits < MIN_SECRET_BITS:
        return (f"SECRET_KEY has too little entropy: it looks typed, not random ({len(counts)} "
                f"different characters, about {bits:.0f} bits; a random key has at least 8 and "
                f"{MIN_SECRET_BITS}). " + advice)
    from zxcvbn import zxcvbn

    if zxcvbn(secret[:72])["guesses_log10"] < 20:  # random 32 hex digits: ≥ 26
        return "SECRET_KEY is guessable (words, patterns or repeats). " + advice
    return None


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


def office_from_config(config: Mapping) -> Office:
    """The ``Office`` of a config made by ``from_environment`` (or ``office_settings``), with its embete
    (``KLAGEBENK_EMBETE``; the demo office takes its names from it). ``ConfigError`` when it has none
    (production, a non-serving command, nothing set)."""
    from workbench.appeal.competence import DEFAULT_EMBETE
    from workbench.letters.model import Office

    missing = [name for name in OFFICE_VARS if not config.get(name)]
    if missing:
        raise ConfigError(_office_missing_message(missing))
    values = {attr: str(config[name]) for name, attr in OFFICE_VARS.items()}
    # No embete only in production outside a served app (the serving app refuses to start without one),
    # where nothing is finalised; the letterhead's names are the configured ones either way.
    key = str(config.get(EMBETE_VAR) or DEFAULT_EMBETE)
    embete = competence_table(config).embete(key)
    if office_is_demo(config) and embete is not None:  # names not set explicitly: they follow the embete
        values.update(name_nb=embete.name_nb, name_nn=embete.name_nn)
    return Office(**values, embete=key)


def office_is_demo(config: Mapping) -> bool:
    return bool(config.get(OFFICE_DEMO_KEY))


def current_office() -> Office:
    """The office of the current Flask app. Outside an app context (library use, unit tests) the
    demo office, of the embete ``KLAGEBENK_EMBETE`` names (default vestland) — the web app and the CLI
    always pass or resolve their configured office."""
    from flask import current_app, has_app_context

    if has_app_context():
        return office_from_config(current_app.config)
    return office_from_config({OFFICE_DEMO_KEY: True, **_demo_office_values(),
                               **embete_settings(os.environ, mode="demo", serving=False, office={})})


# ---------------------------------------------------------------------------------------------
# The embete: which Statsforvalter this deployment is (competence, ``workbench/appeal/competence.py``)
# ---------------------------------------------------------------------------------------------

EMBETE_VAR = "KLAGEBENK_EMBETE"
EMBETE_TABLE_VAR = "KLAGEBENK_EMBETE_TABLE"
#: The competence table (``CompetenceTable``) in the config, read from KLAGEBENK_EMBETE_TABLE or the default.
TABLE_KEY = "KLAGEBENK_COMPETENCE_TABLE"


def _load_table(path: str) -> CompetenceTable:
    import json

    from workbench.appeal.competence import DEFAULT, TableError, table_from_mapping

    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise ConfigError(f"{EMBETE_TABLE_VAR} names a file that cannot be read as JSON ({path}): {exc}") from None
    try:
        return table_from_mapping(data, DEFAULT)
    except TableError as exc:
        raise ConfigError(f"{EMBETE_TABLE_VAR} ({path}): {exc}") from None


def embete_settings(env: Mapping[str, str], overrides: Mapping | None = None, *, mode: str, serving: bool,
                    office: Mapping) -> dict:
    """``KLAGEBENK_EMBETE`` and the competence table (``config.from_environment`` calls this after the
    office). A set embete must be a key of the table (every mode); unset, it is the embete the
    office's bokmål name names, else vestland in demo/test mode; production refuses to serve without
    one."""
    from workbench.appeal.competence import DEFAULT, DEFAULT_EMBETE

    overrides = overrides or {}

    def raw(name: str) -> str | None:
        value = overrides.get(name) if overrides.get(name) is not None else env.get(name)
        return None if value is None or not str(value).strip() else str(value).strip()

    path = raw(EMBETE_TABLE_VAR)
    table = _load_table(path) if path else DEFAULT
    keys = ", ".join(sorted(table.embeter))
    explicit_office = not office_is_demo(office) and bool(office.get("KLAGEBENK_OFFICE_NAME_NB"))
    named = None
    if explicit_office:
        name = " ".join(str(office["KLAGEBENK_OFFICE_NAME_NB"]).split()).casefold()
        named = next((e for e in table.embeter.values() if e.name_nb.casefold() == name), None)
    key = raw(EMBETE_VAR)
    if key is not None:
        if table.embete(key) is None:
            raise ConfigError(f"{EMBETE_VAR} must be one of {keys}, not {key!r}")
    elif named is not None:
        key = named.key
    elif mode != "production":
        key = DEFAULT_EMBETE
    elif serving and explicit_office:
        raise ConfigError(f"{EMBETE_VAR} is not set, and KLAGEBENK_OFFICE_NAME_NB names none of the embeter: "
                          f"set it to the key of this Statsforvalter's embete, one of {keys}")
    return {EMBETE_VAR: key, TABLE_KEY: table}


def competence_table(config: Mapping) -> CompetenceTable:
    """The ``CompetenceTable`` of a config (the default table when it has none)."""
    from workbench.appeal.competence import DEFAULT

    return config.get(TABLE_KEY) or DEFAULT


def current_competence_table() -> CompetenceTable:
    """The competence table of the current Flask app; outside an app context the one
    ``KLAGEBENK_EMBETE_TABLE`` names, else the default (the ten embeter as of 2024)."""
    from flask import current_app, has_app_context

    if has_app_context():
        return competence_table(current_app.config)
    return embete_settings(os.environ, mode="demo", serving=False, office={})[TABLE_KEY]


# ---------------------------------------------------------------------------------------------
# The archive key (signs the archive's hash chain: ``services/integrity.py``)
# ---------------------------------------------------------------------------------------------

KEY_VAR = "KLAGEBENK_ARCHIVE_KEY"
#: Where the key came from: "environment", "demo" (generated, instance folder), "test" (derived).
KEY_SOURCE = "KLAGEBENK_ARCHIVE_KEY_SOURCE"
MIN_KEY_CHARS = 32
DEMO_KEY_FILE = "archive-key"


class MissingKey(ConfigError):
    """No archive key: nothing can be sealed or verified."""


def _missing_key_message() -> str:
    return (f"{KEY_VAR} is not set. Set it to a long random value kept outside the database (e.g. "
            "`python -c 'import secrets; print(secrets.token_hex(32))'`); it signs the archive's hash "
            "chain. Or run the demo: `workbench demo`.")


def _check_key(value: str) -> str:
    value = value.strip()
    if len(value) < MIN_KEY_CHARS:
        raise ConfigError(f"{KEY_VAR} is shorter than {MIN_KEY_CHARS} characters; use a long random value")
    return value


def test_key(database_url: str) -> str:
    """Test mode's key: derived from the database URL, so every app and CLI run of a test session
    agrees on it. Not secret — test mode only."""
    return "test-" + hashlib.sha256(b"klagebenk archive test key\0" + database_url.encode()).hexdigest()


def demo_key(instance_path: str | os.PathLike) -> str:
    """Demo mode's key: random, made once and kept in the instance folder, so a restarted demo can
    still verify what it finalised before."""
    path = Path(instance_path) / DEMO_KEY_FILE
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return _check_key(path.read_text(encoding="ascii"))
    with os.fdopen(fd, "w", encoding="ascii") as fh:
        value = secrets.token_hex(32)
        fh.write(value + "\n")
    return value


def key_settings(env: Mapping[str, str], overrides: Mapping | None = None, *, mode: str, serving: bool,
                 instance_path: str | os.PathLike, database_url: str) -> dict:
    """The archive key's config entries (``config.from_environment`` calls this). A set value is
    checked in every mode; unset: test mode derives one, demo mode generates one, production raises
    ``ConfigError`` when serving and otherwise leaves it out (commands that need it then refuse)."""
    overrides = overrides or {}
    value = overrides.get(KEY_VAR) if overrides.get(KEY_VAR) is not None else env.get(KEY_VAR)
    if value is not None:
        return {KEY_VAR: _check_key(str(value)), KEY_SOURCE: "environment"}
    if mode == "test":
        return {KEY_VAR: test_key(database_url), KEY_SOURCE: "test"}
    if mode == "demo":
        return {KEY_VAR: demo_key(instance_path), KEY_SOURCE: "demo"}
    if serving:
        raise ConfigError(_missing_key_message())
    return {KEY_VAR: None, KEY_SOURCE: None}


def key_from_config(config: Mapping) -> bytes:
    value = config.get(KEY_VAR)
    if not value:
        raise MissingKey(_missing_key_message())
    return str(value).encode("utf-8")


def current_key() -> bytes:
    """The key of the current Flask app; outside an app context (library use) ``KLAGEBENK_ARCHIVE_KEY``
    from the environment. Raises ``MissingKey``."""
    from flask import current_app, has_app_context

    if has_app_context():
        return key_from_config(current_app.config)
    value = os.environ.get(KEY_VAR)
    if not value:
        raise MissingKey(_missing_key_message())
    return _check_key(value).encode("utf-8")
