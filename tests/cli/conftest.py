"""Run the installed ``workbench evaluate`` as a user would (subprocess)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CASES = ROOT / "tests" / "data" / "cases"
WORKBENCH = Path(sys.executable).parent / "workbench"


@pytest.fixture
def cli(tmp_path):
    def _cli(doc_or_path, *args: str) -> subprocess.CompletedProcess:
        if isinstance(doc_or_path, (str, Path)):
            path = Path(doc_or_path)
        else:
            path = tmp_path / "case.json"
            path.write_text(doc_or_path if isinstance(doc_or_path, str) else json.dumps(doc_or_path),
                            encoding="utf-8")
        return subprocess.run([str(WORKBENCH), "evaluate", str(path), *args], capture_output=True,
                              text=True, cwd=ROOT, timeout=60)

    return _cli


@pytest.fixture
def demo_doc() -> dict:
    return json.loads((CASES / "demo-omsorgsstonad.json").read_text(encoding="utf-8"))
