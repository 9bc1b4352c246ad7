#!/usr/bin/env python3
"""Save and compare the letter of every worked case in bokmål and nynorsk (issue #11: letter text unchanged).

    .venv/bin/python scripts/compare_letters.py --save /tmp/letters-before      # before a change
    .venv/bin/python scripts/compare_letters.py --compare /tmp/letters-before   # after it: exit 1 on a difference
    .venv/bin/python scripts/compare_letters.py --revisions 547481c HEAD        # two git revisions, side by side

Every ``docs/cases/*.json`` in nb and nn, finalised as in tests/letters (``letter_support.complete_input``:
the engine's suggested outcome, every point answered), plus one draft (UTKAST) per case in nb. Per letter
three files: ``.txt`` (the PDF's text, ``pdfa.extract_text``), ``.html`` (``render.render_html``) and
``.pdf.sha256`` (the PDF with its creation/modification dates and /ID blanked, so two renders of the same
letter hash the same). ``--compare`` renders again and prints a unified diff of every file that differs.
``--revisions BEFORE AFTER`` renders at each revision in a temporary git worktree (this script copied in, the
worktree first on ``PYTHONPATH``: each revision's own modules, never the working tree's) and compares the two.
"""

from __future__ import annotations

import argparse
import difflib
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "letters"))

from letter_support import CASES_DIR, LANGS, complete_input  # noqa: E402

from workbench.letters.model import build_letter  # noqa: E402
from workbench.letters.pdfa import extract_text  # noqa: E402
from workbench.letters.render import render_html, render_pdf  # noqa: E402

import workbench  # noqa: E402

# the tree's own modules (the venv's editable install points at one working tree, whichever this is)
assert Path(workbench.__file__).resolve().is_relative_to(ROOT), f"workbench from {workbench.__file__}, not {ROOT}"

_VOLATILE = [
    re.compile(rb"/(CreationDate|ModDate) \(D:[^)]*\)"),
    re.compile(rb"/ID \[<[0-9a-fA-F]+> <[0-9a-fA-F]+>\]"),
    re.compile(rb"<xmp:(CreateDate|ModifyDate|MetadataDate)>[^<]*</xmp:\1>"),
    re.compile(rb"<xmpMM:(DocumentID|InstanceID)>[^<]*</xmpMM:\1>"),
]


def pdf_digest(pdf: bytes) -> str:
    for pattern in _VOLATILE:
        pdf = pattern.sub(b"", pdf)
    return hashlib.sha256(pdf).hexdigest()


def letters() -> dict[str, str]:
    """File name → content for every letter."""
    out: dict[str, str] = {}
    cases = sorted(p.stem for p in CASES_DIR.glob("*.json"))
    jobs = [(c, lang, False) for c in cases for lang in LANGS] + [(c, "nb", True) for c in cases]
    for case, lang, draft in jobs:
        stem = f"{case}-{lang}" + ("-utkast" if draft else "")
        letter = build_letter(complete_input(case, lang, draft=draft))
        pdf = render_pdf(letter)
        out[f"{stem}.txt"] = extract_text(pdf)
        out[f"{stem}.html"] = render_html(letter)
        out[f"{stem}.pdf.sha256"] = pdf_digest(pdf) + "\n"
        print(stem, file=sys.stderr)
    return out


def saved_at(revision: str, out: Path) -> dict[str, str]:
    """The letters of ``revision`` (``--save`` run in a temporary worktree of it), as file name → content."""
    with tempfile.TemporaryDirectory() as tmp:
        tree = Path(tmp) / "tree"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(tree), revision], check=True,
                       capture_output=True)
        try:
            (tree / "scripts").mkdir(exist_ok=True)
            shutil.copy(__file__, tree / "scripts" / "compare_letters.py")
            subprocess.run([sys.executable, str(tree / "scripts" / "compare_letters.py"), "--save", str(out)],
                           cwd=tree, env=dict(os.environ, PYTHONPATH=str(tree)), check=True)
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)], check=True)
    return {p.name: p.read_text(encoding="utf-8") for p in out.iterdir()}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = ap.add_mutually_exclusive_group(required=True)
    group.add_argument("--save", type=Path, metavar="DIR")
    group.add_argument("--compare", type=Path, metavar="DIR")
    group.add_argument("--revisions", nargs=2, metavar=("BEFORE", "AFTER"))
    args = ap.parse_args()
    if args.revisions:
        with tempfile.TemporaryDirectory() as tmp:
            then = saved_at(args.revisions[0], Path(tmp) / "before")
            now = saved_at(args.revisions[1], Path(tmp) / "after")
    else:
        now = letters()
    if args.save:
        args.save.mkdir(parents=True, exist_ok=True)
        for name, content in now.items():
            (args.save / name).write_text(content, encoding="utf-8")
        print(f"{len(now)} files in {args.save}")
        return 0
    if args.compare:
        then = {p.name: p.read_text(encoding="utf-8") for p in args.compare.iterdir()}
    differ = 0
    for name in sorted(set(then) | set(now)):
        old = then.get(name, "")
        new = now.get(name, "")
        if old != new:
            differ += 1
            sys.stdout.writelines(difflib.unified_diff(old.splitlines(True), new.splitlines(True),
                                                       f"before/{name}", f"after/{name}", n=1))
    print(f"{len(now)} files compared, {differ} differ")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
