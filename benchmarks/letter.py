"""Letter pipeline benchmark: prints figures, asserts nothing.

    .venv/bin/python benchmarks/letter.py [--letters 200] [--timed 20]

- median seconds per letter for the whole pipeline (build_letter → render_html → render_pdf), and for
  finalising (+ check_pdfa + check_consistency);
- ratio of the pipeline to a bare WeasyPrint render of the same HTML (the same parsed stylesheet and
  font configuration, WeasyPrint's own URL fetcher) measured interleaved in the same run (goal ≤ 1.3×);
- process RSS after N letters (goal ≤ 250 MiB) and the growth per letter.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "letters"))


def rss_mib() -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--letters", type=int, default=200)
    ap.add_argument("--timed", type=int, default=20)
    args = ap.parse_args()

    from letter_support import LETTER_CASES, complete_input, evaluation_of

    from workbench.letters.consistency import check_consistency
    from workbench.letters.model import build_letter
    from workbench.letters.pdfa import check_pdfa
    from workbench.letters.render import LETTERS_DIR, PDF_VARIANT, _weasy_shared, render_html, render_pdf

    t0 = time.perf_counter()
    import weasyprint

    import_s = time.perf_counter() - t0
    inputs = [complete_input(c, lang) for c in LETTER_CASES for lang in ("nb", "nn")]
    for c in LETTER_CASES:
        evaluation_of(c)
    t0 = time.perf_counter()
    render_pdf(build_letter(inputs[0]))  # first letter: fonts, stylesheet
    first_s = time.perf_counter() - t0
    font_config, css = _weasy_shared()
    base_url = LETTERS_DIR.as_uri() + "/"

    def pipeline(inp):
        letter = build_letter(inp)
        return letter, render_pdf(letter)

    def bare(html):
        return weasyprint.HTML(string=html, base_url=base_url).write_pdf(
            stylesheets=[css], font_config=font_config, pdf_variant=PDF_VARIANT)

    htmls = [render_html(build_letter(i)) for i in inputs]
    for i in range(2):  # warm both paths
        pipeline(inputs[i])
        bare(htmls[i])
    t_pipe, t_bare, t_final = [], [], []
    for n in range(args.timed):
        k = n % len(inputs)
        t0 = time.perf_counter()
        bare(htmls[k])
        t_bare.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        letter, pdf = pipeline(inputs[k])
        t_pipe.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        assert not check_pdfa(pdf) and not check_consistency(pdf, letter)
        t_final.append(time.perf_counter() - t0)

    med_pipe, med_bare, med_checks = (statistics.median(x) for x in (t_pipe, t_bare, t_final))
    print(f"weasyprint {weasyprint.__version__}: import {import_s:.2f} s, first letter {first_s:.2f} s")
    print(f"median per letter, pipeline (build + html + PDF/A): {med_pipe:.3f} s")
    print(f"median per letter, bare WeasyPrint on the same HTML: {med_bare:.3f} s")
    print(f"ratio pipeline / bare: {med_pipe / med_bare:.2f}x (goal <= 1.3x)")
    print(f"median finalize checks (PDF/A structure + text consistency): {med_checks:.3f} s "
          f"-> finalize total {med_pipe + med_checks:.3f} s")

    gc.collect()
    marks = {}
    start = rss_mib()
    for n in range(1, args.letters + 1):
        pipeline(inputs[n % len(inputs)])
        if n in (1, 50, 100, args.letters) or n % 100 == 0:
            marks[n] = rss_mib()
    gc.collect()
    end = rss_mib()
    print(f"RSS before the loop {start:.0f} MiB; " + ", ".join(f"after {k}: {v:.0f} MiB" for k, v in marks.items()))
    growth = (marks[args.letters] - marks.get(50, start)) / max(1, args.letters - 50)
    print(f"RSS after {args.letters} letters: {end:.0f} MiB (goal <= 250 MiB); "
          f"growth after letter 50: {growth * 1024:.0f} KiB/letter")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
