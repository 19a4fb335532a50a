"""Extraction quality on corpora of our own: figures only, no assertions.

Run from the project root:

    .venv/bin/python bench/quality.py                      # both corpora in bench/corpus/
    .venv/bin/python bench/quality.py FILE.jsonl --errors 20

bench/corpus/ holds news articles written for this project in the seven languages,
with invented companies and people, annotated by hand in the claim contract
(docs/claims.md): written-1.jsonl (42 articles) was used to find the engine's kinds of
error; written-2.jsonl (35 articles, by another writer) was kept out of all rule
writing and is only measured. Each article is given to the engine as a user submits
it (text and publication date; no language).

Matching follows the contract's scoring: a predicted claim matches a gold one when
predicate, subject, object (when gold has one), role, unit, period (when gold has
one) and time (when gold has one) are equal ignoring case, gold names may list
alternatives with "|", and the values are within 1 % (or both null). Duplicates
within an article count once.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from factcheck import extract  # noqa: E402

CORPORA = sorted((ROOT / "bench" / "corpus").glob("*.jsonl"))


def _names(gold: str | None) -> set[str]:
    return {n.strip().casefold() for n in (gold or "").split("|") if n.strip()}


def _same(gold: dict, pred: dict, fields: tuple[str, ...]) -> bool:
    if gold["predicate"] != pred["predicate"]:
        return False
    if (pred.get("subject") or "").casefold() not in _names(gold.get("subject")):
        return False
    if gold.get("object") and (pred.get("object") or "").casefold() not in _names(gold["object"]):
        return False
    for f in fields:
        g = gold.get(f)
        if f in ("period", "time") and g is None:
            continue
        if (str(g).casefold() if g is not None else None) != (
            str(pred.get(f)).casefold() if pred.get(f) is not None else None
        ):
            return False
    if "value" in fields:
        a, b = gold.get("value"), pred.get("value")
        if (a is None) != (b is None):
            return False
        if a is not None and abs(a - b) > 0.01 * max(abs(a), abs(b)):
            return False
    return True


def _match(gold: list[dict], pred: list[dict], fields: tuple[str, ...]) -> tuple[int, list, list]:
    """(true positives, missed gold, spurious predictions), each gold matched at most once."""
    seen, unique = set(), []
    for p in pred:
        key = json.dumps({k: p.get(k) for k in ("predicate", "subject", "object", *fields)}, sort_keys=True)
        if key not in seen:
            seen.add(key)
            unique.append(p)
    free = list(gold)
    tp, spurious = 0, []
    for p in unique:
        hit = next((g for g in free if _same(g, p, fields)), None)
        if hit is None:
            spurious.append(p)
        else:
            free.remove(hit)
            tp += 1
    return tp, free, spurious


def _prf(tp: int, gold: int, pred: int) -> str:
    p = tp / pred if pred else 0.0
    r = tp / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"P {p:.3f}  R {r:.3f}  F1 {f:.3f}   ({tp} of {gold} gold, {pred} predicted)"


def score(path: Path, errors: int = 0) -> None:
    claim_fields = ("role", "unit", "period", "time", "value")
    counts = defaultdict(lambda: [0, 0, 0])  # lang -> tp, gold, pred
    inc = [0, 0, 0]
    lang_ok = docs = 0
    shown = 0
    for line in path.open(encoding="utf-8"):
        doc = json.loads(line)
        published = doc.get("source", {}).get("published")
        ex = extract(doc["text"], published=dt.date.fromisoformat(published[:10]) if published else None)
        docs += 1
        lang_ok += ex.lang == doc["lang"]
        pred = [c.to_dict() for c in ex.claims]
        tp, missed, spurious = _match(doc["claims"], pred, claim_fields)
        for key in (doc["lang"], "ALL"):
            c = counts[key]
            c[0] += tp
            c[1] += len(doc["claims"])
            c[2] += tp + len(spurious)
        itp, _, ispur = _match(doc.get("incomplete", []), [c.to_dict() for c in ex.incomplete], ())
        inc[0] += itp
        inc[1] += len(doc.get("incomplete", []))
        inc[2] += itp + len(ispur)
        for kind, items in (("missed  ", missed), ("spurious", spurious)):
            for c in items:
                if shown < errors:
                    shown += 1
                    brief = {k: c.get(k) for k in ("predicate", "subject", "object", "value", "unit", "time", "role")}
                    print(f"  {kind} {doc['id']}: {json.dumps(brief, ensure_ascii=False)}")
    print(f"\n{path.relative_to(ROOT)}: {docs} articles")
    for key in ["ALL", *sorted(k for k in counts if k != "ALL")]:
        print(f"  claims {key:<4} {_prf(*counts[key])}")
    print(f"  incomplete  {_prf(*inc)}")
    print(f"  language id {lang_ok}/{docs}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="*", type=Path, default=CORPORA)
    ap.add_argument("--errors", type=int, default=0, metavar="N", help="list up to N misses and spurious claims")
    args = ap.parse_args()
    for path in args.corpus:
        score(path.resolve(), args.errors)


if __name__ == "__main__":
    main()
