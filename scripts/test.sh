#!/usr/bin/env bash
# The whole test suite. Installs what it needs first (see scripts/bootstrap.sh), including
# Debian's chromium for the browser tests. Runs on SQLite unless DATABASE_URL says otherwise;
# tests that need PostgreSQL skip, saying why, when none is reachable.
# Extra arguments go to pytest (e.g. `scripts/test.sh tests/rules -x`).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$ROOT/scripts/bootstrap.sh" --browser
cd "$ROOT"
exec .venv/bin/python -m pytest "$@"
