#!/usr/bin/env bash
# Klagebenk in production: gunicorn with gunicorn.conf.py, after checking the configuration and
# that the database is migrated. The environment configures it (README «Running in production»):
#   SECRET_KEY, DATABASE_URL, KLAGEBENK_OFFICE_* (required); KLAGEBENK_BIND, KLAGEBENK_WORKERS, …
# Extra arguments go to `workbench serve` (e.g. --bind 127.0.0.1:8080, --check).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
exec "$ROOT/.venv/bin/workbench" serve "$@"
