"""The letter names the configured Statsforvalter office (``KLAGEBENK_OFFICE_*``), not the demo one:
the web app's draft PDF (bokmål) and ``workbench letter`` (nynorsk), one PDF each."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from workbench.letters.pdfa import extract_text

ROOT = Path(__file__).resolve().parents[2]


def test_draft_pdf_of_an_office_app_names_that_office(flow, make_app, login, office_env):
    case, sb, _leder = flow("D06", lang="nb")
    office_app = make_app(**office_env)
    client = login(office_app.test_client(), sb.user)
    r = client.get(f"/saker/{case.public_id}/vedtak/utkast.pdf")
    assert r.status_code == 200 and r.data.startswith(b"%PDF")
    text = extract_text(r.data)
    for value in ("Statsforvalteren i Rogaland", "Postboks 59 Sentrum, 4001 Stavanger",
                  "Statens hus, Lagårdsveien 44, Stavanger", "51 56 87 00", "974 763 230",
                  "sfropost@statsforvalteren.no"):
        assert value in text, value
    assert "Vestland" not in text and "974 760 665" not in text


def test_letter_cli_uses_the_configured_office_or_says_it_is_the_demo(tmp_path, office_env):
    out = tmp_path / "brev.pdf"
    case = ROOT / "docs" / "cases" / "D06.json"
    env = {k: v for k, v in os.environ.items() if not k.startswith("KLAGEBENK_OFFICE_")}
    cmd = [str(Path(sys.executable).parent / "workbench"), "letter", str(case), "--lang", "nn", "--out", str(out),
           "--date", "2025-12-01"]
    bad = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, timeout=120,
                         env={**env, **office_env, "KLAGEBENK_OFFICE_ORG_NO": "123456789"})
    assert bad.returncode == 1 and "KLAGEBENK_OFFICE_ORG_NO" in bad.stderr and not out.exists()
    res = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, timeout=120, env={**env, **office_env})
    assert res.returncode == 0, res.stderr
    assert "demoverdier" not in res.stderr
    text = extract_text(out.read_bytes())
    assert "Statsforvaltaren i Rogaland" in text and "974 763 230" in text and "Vestland" not in text
