"""The house rules a successor relies on, run with the suite (issue #11): ruff and mypy as configured in
pyproject.toml (mypy strict for the law and the appeal) — both clean."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(BIN / args[0]), *args[1:]], cwd=ROOT, capture_output=True, text=True, timeout=600)


def test_ruff_finds_nothing():
    res = _run("ruff", "check", "workbench", "tests", "benchmarks", "scripts")
    assert res.returncode == 0, res.stdout[-4000:]


def test_mypy_finds_nothing():
    res = _run("mypy")
    assert res.returncode == 0, res.stdout[-4000:]
