"""Behavioural suite (CheckList-style) for the extraction engine: pass rates, no assertions.

Run from the project root:

    .venv/bin/python bench/behaviour.py                    # all seven languages
    .venv/bin/python bench/behaviour.py --lang de --per-template 10 --out /tmp/de.txt

Templates in tests/engine/behaviour/templates/ are filled with many names and
figures (tests/engine/behaviour/names.py); a case passes when the language is
detected, every expected claim is extracted and nothing else is. Prints the pass
rate overall, per language, per predicate and per name kind, and writes the failing
cases (text, expected, got) to --out. tests/engine/test_behaviour.py holds the floors.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.engine.behaviour import suite  # noqa: E402


def _table(title: str, groups: dict[str, tuple[int, int]]) -> None:
    print(f"\n{title}")
    for name, (ok, n) in groups.items():
        print(f"  {name:<16} {ok / n:6.1%}  ({ok}/{n})")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--lang", choices=suite.N.LANGS, help="one language only")
    ap.add_argument("--per-template", type=int, default=suite.DEFAULT_PER_TEMPLATE, metavar="N")
    ap.add_argument("--seed", type=int, default=suite.DEFAULT_SEED)
    ap.add_argument("--out", type=Path, default=Path("/tmp/behaviour-failures.txt"), help="where failures go")
    args = ap.parse_args()

    started = time.perf_counter()
    cases = suite.cases(args.lang, per_template=args.per_template, seed=args.seed)
    results = suite.run(cases)
    elapsed = time.perf_counter() - started

    ok = sum(r.passed for r in results)
    print(f"{len(results)} cases in {elapsed:.1f} s: {ok / len(results):.1%} passed ({ok}/{len(results)})")
    _table("per language", suite.rates(results, lambda r: r.case.lang))
    _table("per predicate", suite.rates(results, lambda r: r.case.label.predicate))
    _table("per name kind", suite.rates(results, lambda r: r.case.label.kind))
    worst = Counter(r.case.label.template for r in results if not r.passed)
    print("\ntemplates failing most: " + ", ".join(f"{t} ({n})" for t, n in worst.most_common(10)))

    failures = [r for r in results if not r.passed]
    args.out.write_text("\n\n".join(suite.describe(r) for r in failures) + "\n", encoding="utf-8")
    print(f"\n{len(failures)} failing cases written to {args.out}")


if __name__ == "__main__":
    main()
