"""Rendering units: escaping everywhere, StrictUndefined, the rich-text allow-list, formatting,
the draft marker, the CLI (no Flask app loaded)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from jinja2 import UndefinedError
from letter_support import CASES_DIR, complete_input

from workbench.letters.model import build_letter
from workbench.letters.pdfa import check_pdfa, extract_text
from workbench.letters.render import LETTERS_DIR, environment, render_html, render_pdf
from workbench.letters.sanitize import sanitize_rich_text

ROOT = Path(__file__).resolve().parents[2]


def test_every_template_is_autoescaped_and_undefined_is_an_error():
    env = environment()
    assert env.autoescape is True  # for every name, also «letter.html.j2»
    assert env.from_string("{{ x }}").render(x="<b>") == "&lt;b&gt;"
    with pytest.raises(UndefinedError):
        env.from_string("{{ missing }}").render()
    with pytest.raises(UndefinedError):
        env.get_template("letter.html.j2").render()


def test_template_never_marks_text_safe():
    src = (LETTERS_DIR / "letter.html.j2").read_text(encoding="utf-8")
    assert "|safe" not in src.replace(" ", "") and "Markup(" not in src and "autoescape false" not in src


def test_rich_text_allow_list():
    got = sanitize_rich_text('<p class="x" style="color:red">A <em>b</em> <strong>c</strong><br>'
                             '<ul><li>d</li></ul><ol><li>e</li></ol><h1>f</h1><a href="x">g</a>'
                             '<img src="y"><script>h()</script><table><tr><td>i</td></tr></table></p>')
    # HTML5 parsing closes the <p> before a list; only the allowed tags survive, without attributes
    assert str(got) == ('<p>A <em>b</em> <strong>c</strong><br></p><ul><li>d</li></ul><ol><li>e</li></ol>'
                        'fgi<p></p>')


def test_draft_is_marked_utkast():
    letter = build_letter(complete_input("D06", "nn", draft=True))
    pdf = render_pdf(letter)
    text = extract_text(pdf)
    assert "UTKAST – ikkje godkjent" in text
    assert check_pdfa(pdf) == []


def test_figures_come_from_the_evaluation():
    """Change a figure in the evaluation: the letter follows (nothing is typed by hand)."""
    import copy

    from letter_support import evaluation_of

    ev = copy.deepcopy(evaluation_of("D06"))
    ev["periods"][0]["net"] = "1234"
    html = render_html(build_letter(complete_input("D06", "nb", evaluation=ev)))
    assert "kr\u00a01\u00a0234" in html and "kr\u00a06\u00a0797" not in html


def _run_cli(*args: str) -> subprocess.CompletedProcess:
    code = ("import sys\n"
            "from workbench.cli import main\n"
            "try:\n"
            "    main(sys.argv[1:], prog_name='workbench')\n"
            "except SystemExit as e:\n"
            "    loaded = [m for m in ('workbench.app', 'workbench.db', 'flask_login', 'sqlmodel') if m in sys.modules]\n"
            "    print('LOADED', loaded, file=sys.stderr)\n"
            "    raise\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env,
                          cwd=ROOT, timeout=120)


@pytest.mark.slow
def test_cli_renders_a_draft_without_the_web_app(tmp_path):
    out = tmp_path / "brev.pdf"
    res = _run_cli("letter", str(CASES_DIR / "D06.json"), "--lang", "nn", "--out", str(out), "--date", "2025-12-01")
    assert res.returncode == 0, res.stderr
    assert "LOADED []" in res.stderr
    assert "Merk: kontoropplysningene er demoverdier" in res.stderr  # no KLAGEBENK_OFFICE_* set
    pdf = out.read_bytes()
    assert check_pdfa(pdf) == []
    text = extract_text(pdf)
    assert "UTKAST" in text and "Statsforvaltaren endrar vedtaket" in text and "kr 6 797" in text


def test_cli_invalid_input_exits_2_with_field_messages(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "klagebenk.nav-vedtak/1", "nav_office": {"name": "Nav X"}}', encoding="utf-8")
    res = _run_cli("letter", str(bad), "--out", str(tmp_path / "x.pdf"))
    assert res.returncode == 2
    assert "decision: " in res.stderr and "participant: " in res.stderr
    assert not (tmp_path / "x.pdf").exists()
