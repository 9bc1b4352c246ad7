#!/usr/bin/env bash
# Installs what Klagebenk needs on a Debian 12 machine with Python 3.11, then returns.
# Sourced by scripts/demo.sh and scripts/test.sh; safe to run again (it skips what is there).
#   - Debian packages: python3-venv, the libraries WeasyPrint opens (pango, harfbuzz-subset,
#     fontconfig), poppler-utils (pdftoppm, for looking at letters; pdftotext, the reader of Nav's letters), hunspell-no (the nb and nn
#     dictionaries of the letter's spelling check, workbench/letters/spelling.py), tesseract-ocr with tesseract-ocr-nor
#     (OCR of scanned pages: workbench/extract/reader.py runs tesseract itself, word by word with its confidence;
#     the Norwegian data package only recommends the program, so both are named) and, with --browser,
#     Debian's chromium for the browser tests (never `playwright install`: it cannot download).
#   - .venv with the pinned packages of pyproject.toml, constrained by constraints.txt.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

want=(python3-venv libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libharfbuzz-subset0 fontconfig poppler-utils hunspell-no tesseract-ocr tesseract-ocr-nor)
if [[ "${1:-}" == "--browser" ]]; then
  want+=(chromium)
fi
missing=()
for pkg in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ((${#missing[@]})); then
  SUDO=""
  if [[ "$(id -u)" != "0" ]]; then SUDO="sudo"; fi
  echo "klagebenk: installing Debian packages: ${missing[*]}" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

PY="${PYTHON:-python3}"
if [[ ! -x .venv/bin/python ]]; then
  "$PY" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Klagebenk needs Python 3.11 or newer")'
  "$PY" -m venv .venv
fi
stamp=".venv/.klagebenk-installed"
fingerprint="$(cat pyproject.toml constraints.txt | sha256sum | cut -d' ' -f1)"
if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$fingerprint" ]]; then
  echo "klagebenk: installing Python packages into .venv" >&2
  .venv/bin/python -m pip install -q --upgrade pip >/dev/null
  # pip refuses editable lines (`-e …`, as `pip freeze` writes them) in a constraints file
  grep -v '^-e ' constraints.txt > .venv/constraints.pip
  .venv/bin/python -m pip install -q -c .venv/constraints.pip -e '.[test]'
  echo "$fingerprint" > "$stamp"
fi
