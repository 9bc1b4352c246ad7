"""Render every worked case (docs/cases) to PDF and PNG for a human look: out/letters/.

    .venv/bin/python scripts/render_letter_pngs.py [--dpi 80] [CASE ...]

Each case in nb and nn, finalised as in tests/letters (complete jurist input, no UTKAST, our date a month
after Nav forwarded the case), plus one draft (UTKAST) of the first case.
Needs poppler-utils (`pdftoppm`, installed by scripts/bootstrap.sh).
Prints the PDF/A check and the consistency check for every letter.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "letters"))

from letter_support import LANGS, complete_input, load_case  # noqa: E402

from workbench.letters.consistency import check_consistency  # noqa: E402
from workbench.letters.model import build_letter  # noqa: E402
from workbench.letters.pdfa import check_pdfa  # noqa: E402
from workbench.letters.render import render_html, render_pdf  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    worked = sorted(p.stem for p in (ROOT / "docs" / "cases").glob("*.json"))
    ap.add_argument("cases", nargs="*", default=worked)
    ap.add_argument("--dpi", type=int, default=80)
    ap.add_argument("--out", type=Path, default=ROOT / "out" / "letters")
    args = ap.parse_args()
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        print("pdftoppm is missing: apt-get install poppler-utils (scripts/bootstrap.sh does it)", file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    jobs = [(c, lang, False) for c in args.cases for lang in LANGS] + [(args.cases[0], "nb", True)]
    bad = 0
    for case, lang, draft in jobs:
        stem = f"{case}-{lang}" + ("-utkast" if draft else "")
        forwarded = date.fromisoformat(load_case(case)["appeal"]["forwarded"])
        letter = build_letter(complete_input(case, lang, draft=draft, our_date=forwarded + timedelta(days=30)))
        pdf = render_pdf(letter)
        (args.out / f"{stem}.pdf").write_bytes(pdf)
        (args.out / f"{stem}.html").write_text(render_html(letter), encoding="utf-8")
        for old in args.out.glob(f"{stem}-*.png"):
            old.unlink()
        subprocess.run([pdftoppm, "-png", "-r", str(args.dpi), str(args.out / f"{stem}.pdf"),
                        str(args.out / stem)], check=True)
        pages = sorted(args.out.glob(f"{stem}-*.png"))
        problems = check_pdfa(pdf) + [f"{f}: {r}" for f, r in check_consistency(pdf, letter)]
        bad += bool(problems)
        print(f"{stem}: {len(pages)} pages, outcome {letter.outcome}, "
              f"{'OK' if not problems else 'PROBLEMS: ' + '; '.join(problems)}")
    print(f"PNG files in {args.out}")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
