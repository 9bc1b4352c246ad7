"""Fixtures for the CLI tests (helpers in ``cli_support``)."""

from __future__ import annotations

import json
import subprocess  # noqa: F401 - for the annotation
from pathlib import Path

import pytest

from cli_support import CASES, run_cli  # type: ignore[import-not-found]


@pytest.fixture
def cli(tmp_path):
    def _cli(doc_or_path, *args: str) -> subprocess.CompletedProcess:
        if isinstance(doc_or_path, (str, Path)):
            path = Path(doc_or_path)
        else:
            path = tmp_path / "case.json"
            path.write_text(json.dumps(doc_or_path), encoding="utf-8")
        return run_cli(path, *args)

    return _cli


@pytest.fixture
def demo_doc() -> dict:
    return json.loads((CASES / "demo-omsorgsstonad.json").read_text(encoding="utf-8"))
