"""Benchmark of the letter extractor (issue 16): over seeds never used while developing (default
10 000–10 099; development used 0–99), generate Nav decision letters (tests/extraction/nav_letters.py),
extract them (workbench/extract) and count every field right / wrong / missing / invented — overall, per
layout, the scanned variant apart, and the klage as a document of its own (its date and arguments) apart. Goal: ≥ 95 % right and 0 invented.

    .venv/bin/python benchmarks/extract.py [--start 10000] [--count 100] [--show]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "extraction"))  # the generator and scoring, by module name
sys.path.insert(0, str(ROOT))

import nav_letters  # noqa: E402
import scoring  # noqa: E402

from workbench.extract import extract, extract_appeal, to_json  # noqa: E402

KINDS = ("right", "wrong", "missing", "invented")


def line(label: str, c: Counter) -> str:
    total = sum(c[k] for k in KINDS) or 1
    cells = "  ".join(f"{k} {c[k]:5d}" for k in KINDS)
    return f"{label:<18} {cells}   right {100 * c['right'] / total:5.1f} %"


def run(start: int, count: int, show: bool) -> dict[str, Counter]:
    groups: dict[str, Counter] = {}
    for seed in range(start, start + count):
        g = nav_letters.generate(seed)
        result = scoring.compare(g.truth, to_json(extract(g.pdf).facts))
        group = "scanned" if g.style.scanned else g.style.layout
        groups.setdefault(group, Counter()).update(scoring.counts(result))
        if show and (result["wrong"] or result["invented"] or (result["missing"] and not g.style.scanned)):
            print(seed, group, {k: result[k] for k in ("wrong", "invented", "missing") if result[k]})
        k = nav_letters.generate_appeal(seed)  # the klage as a document of its own (nb/nn)
        read = to_json(extract_appeal(k.pdf, k.truth["decision"]["date"]).facts)
        result = scoring.compare({"appeal": k.truth["appeal"]}, read)
        groups.setdefault("klage", Counter()).update(scoring.counts(result))
        if show and any(result[x] for x in ("wrong", "invented", "missing")):
            print(seed, "klage", {x: result[x] for x in ("wrong", "invented", "missing") if result[x]})
    return groups


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--start", type=int, default=10_000)
    ap.add_argument("--count", type=int, default=100)
    ap.add_argument("--show", action="store_true", help="list the letters with a field not right")
    args = ap.parse_args()
    t0 = time.perf_counter()
    groups = run(args.start, args.count, args.show)
    text = sum((c for k, c in groups.items() if k not in ("scanned", "klage")), Counter())
    print(f"seeds {args.start}–{args.start + args.count - 1}, {time.perf_counter() - t0:.0f} s")
    print(line("text layer (all)", text))
    for name in sorted(k for k in groups if k not in ("scanned", "klage")):
        print(line(f"  {name}", groups[name]))
    print(line("scanned", groups.get("scanned", Counter())))
    print(line("all letters", sum((c for k, c in groups.items() if k != "klage"), Counter())))
    print(line("klage (own PDF)", groups.get("klage", Counter())))


if __name__ == "__main__":
    main()
