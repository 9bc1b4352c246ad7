"""Support: run the installed ``workbench evaluate`` as a user would (subprocess)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CASES = ROOT / "docs" / "cases"
WORKBENCH = Path(sys.executable).parent / "workbench"


def run_cli(path: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(WORKBENCH), "evaluate", str(path), *args], capture_output=True,
                          text=True, cwd=ROOT, timeout=120)


def run_many(jobs: dict[str, tuple[Path, tuple[str, ...]]]) -> dict[str, subprocess.CompletedProcess]:
    """Run many real CLI processes concurrently (each is a separate ``workbench evaluate``)."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=4) as pool:
        futures = {k: pool.submit(run_cli, p, *a) for k, (p, a) in jobs.items()}
        return {k: f.result() for k, f in futures.items()}


def run_workbench(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """One real ``workbench …`` process (``env`` added to this one's environment, e.g. DATABASE_URL)."""
    import os

    return subprocess.run([str(WORKBENCH), *args], capture_output=True, text=True, cwd=ROOT, timeout=300,
                          env={**os.environ, **(env or {})})


def json_lines(stdout: str) -> list[dict]:
    """Every stdout line as JSON (fails on a line that is not)."""
    import json

    return [json.loads(line) for line in stdout.splitlines()]
