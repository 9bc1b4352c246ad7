"""``workbench extract LETTER.pdf --json`` as a user runs it (a real process)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import nav_letters  # type: ignore[import-not-found]
import scoring  # type: ignore[import-not-found]

WORKBENCH = Path(sys.executable).parent / "workbench"


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(WORKBENCH), "extract", *args], capture_output=True, text=True, timeout=120)


def test_json_has_the_import_shape(tmp_path):
    g = nav_letters.generate(1)
    pdf = tmp_path / "vedtak.pdf"
    pdf.write_bytes(g.pdf)
    done = run(str(pdf), "--json")
    assert done.returncode == 0, done.stderr
    facts = json.loads(done.stdout)
    assert set(facts) <= set(g.truth) | {"appeal"}
    assert facts["decision"]["reference"]["value"] == g.truth["decision"]["reference"]
    assert not scoring.compare(g.truth, facts)["wrong"] and not scoring.compare(g.truth, facts)["invented"]


def test_not_a_pdf_exits_2(tmp_path):
    fake = tmp_path / "vedtak.pdf"
    fake.write_text("Dette er ikke en PDF", encoding="utf-8")
    done = run(str(fake), "--json")
    assert done.returncode == 2 and "ikke en PDF" in done.stderr and done.stdout == ""


def test_broken_pdf_exits_2(tmp_path):
    broken = tmp_path / "skadet.pdf"
    broken.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 9 0 R >>\n%%EOF")
    done = run(str(broken), "--json")
    assert done.returncode == 2 and done.stderr.strip()


def test_missing_file_exits_2(tmp_path):
    done = run(str(tmp_path / "finnes-ikke.pdf"))
    assert done.returncode == 2


def test_without_json_dates_are_norwegian(tmp_path):
    """The listing a person reads gives dates as dd.mm.åååå; ``--json`` keeps ISO (the import format)."""
    g = nav_letters.generate(1)
    pdf = tmp_path / "vedtak.pdf"
    pdf.write_bytes(g.pdf)
    done = run(str(pdf))
    assert done.returncode == 0, done.stderr
    iso = g.truth["decision"]["date"]
    norwegian = f"{iso[8:10]}.{iso[5:7]}.{iso[0:4]}"
    assert f"decision.date: {norwegian}  (side " in done.stdout
    assert iso not in done.stdout
