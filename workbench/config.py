"""Settings from the environment.

| variable        | default                                   | meaning |
|-----------------|-------------------------------------------|---------|
| DATABASE_URL    | sqlite:///<instance>/klagebenk.sqlite     | SQLAlchemy URL; PostgreSQL: postgresql+psycopg://user@host:5432/db |
| SECRET_KEY      | required when serving (mode production)   | signs sessions and CSRF tokens |
| KLAGEBENK_MODE  | production                                | production, demo or test |
| SESSION_COOKIE_SECURE | 1 in production, 0 otherwise        | send the session cookie over HTTPS only |

In demo and test mode a missing SECRET_KEY is replaced by a random one. In production mode the
app refuses to start without one — except for CLI commands that never serve a page
(``workbench db upgrade``, ``user add``, ``import``), which do not use sessions.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

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
    overrides.pop("DATABASE_URL", None)
    overrides.pop("SECRET_KEY", None)
    config.update(overrides)
    return config
