#!/usr/bin/env bash
# Runs Klagebenk with a demo case on the embedded SQLite database (instance/klagebenk.sqlite).
# Installs what it needs first, migrates the database, creates the demo users and the demo case,
# prints the URL and the users, and serves until Ctrl-C. Extra arguments go to `workbench demo`.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$ROOT/scripts/bootstrap.sh"
cd "$ROOT"
exec .venv/bin/workbench demo "$@"
