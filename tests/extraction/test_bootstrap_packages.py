"""The reader's outside programs are installed by ``scripts/bootstrap.sh`` (issue 16): every program
``workbench/extract`` runs — found in its source as the first word of a ``run_limited([...])`` call — comes from a
Debian package bootstrap names (asked of ``dpkg -S``), and so does the Norwegian language data tesseract reads
(``-l nor``). A program the reader starts running, or a package bootstrap stops installing, fails here, not on a
fresh machine."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def bootstrap_packages() -> set[str]:
    text = (ROOT / "scripts" / "bootstrap.sh").read_text()
    return set(re.search(r"^want=\(([^)]*)\)", text, re.M).group(1).split())  # type: ignore[union-attr]


def reader_programs() -> set[str]:
    source = "\n".join(p.read_text() for p in (ROOT / "workbench" / "extract").glob("*.py"))
    return set(re.findall(r'run_limited\(\s*\[\s*"([\w-]+)"', source))


def package_of(path: str) -> str:
    done = subprocess.run(["dpkg", "-S", str(Path(path).resolve())], capture_output=True, text=True, timeout=30)
    assert done.returncode == 0, f"{path}: no Debian package owns it"
    return done.stdout.split(":", 1)[0]


@pytest.mark.skipif(not shutil.which("dpkg"), reason="not a Debian machine")
def test_every_program_the_reader_runs_comes_from_a_package_bootstrap_installs():
    programs = reader_programs()
    assert {"pdftotext", "pdftoppm", "tesseract"} <= programs
    wanted = bootstrap_packages()
    for program in programs:
        found = shutil.which(program)
        if found is None:
            pytest.skip(f"{program} is not installed here")
        assert package_of(found) in wanted, program
    data = next(Path("/usr/share").glob("tesseract-ocr/*/tessdata/nor.traineddata"), None)
    if data is None:
        pytest.skip("tesseract's Norwegian data is not installed here")
    assert package_of(str(data)) in wanted
