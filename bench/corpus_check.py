"""Check an annotated corpus file against the claim contract (docs/claims.md).

    python bench/corpus_check.py bench/corpus/FILE.jsonl [--fix-spans]

Reports every line that is not a document of the contract: missing fields, an unknown
predicate, unit, period, qualifier, modality or role, a value of the wrong kind, a span
that does not hold the claim's text. With --fix-spans, spans are recomputed from each
claim's `text` (its first occurrence in the document) and the file is rewritten.
Prints a summary (documents and claims per language) and exits 1 on any problem.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from factcheck.claim import MODALITIES, PERIODS, PREDICATES, QUALIFIERS, ROLES

LANGS = {"en", "de", "fr", "es", "it", "pt", "nl"}
NO_OBJECT = {"valuation", "revenue", "profit", "employees", "users"}
NO_VALUE = {"role", "joins"}
PERIODS = {None, *PERIODS}
TIME = re.compile(r"^\d{4}(-(H[12]|Q[1-4]|\d{2}(-\d{2})?))?$")


def _claim_problems(c: dict, text: str, incomplete: bool) -> list[str]:
    out = []
    p = c.get("predicate")
    if p not in PREDICATES:
        return [f"unknown predicate {p!r}"]
    if not c.get("subject"):
        out.append(f"{p}: no subject")
    if p in NO_OBJECT and c.get("object"):
        out.append(f"{p}: has an object")
    if p not in NO_OBJECT and not c.get("object"):
        out.append(f"{p}: no object")
    span, ctext = c.get("span"), c.get("text")
    if not isinstance(ctext, str) or not ctext:
        out.append(f"{p}: no text")
    elif not (isinstance(span, list) and len(span) == 2 and text[span[0] : span[1]] == ctext):
        out.append(f"{p}: span {span} does not hold its text")
    if incomplete:
        return out
    v, unit = c.get("value"), c.get("unit")
    if p in NO_VALUE:
        if v is not None or unit is not None:
            out.append(f"{p}: has a value")
    elif p == "acquisition" and v is None:
        if unit is not None:
            out.append("acquisition: a unit without a price")
    elif not isinstance(v, (int, float)) or isinstance(v, bool):
        out.append(f"{p}: value {v!r} is not a number")
    else:
        want = {"stake": "%", "employees": "count", "users": "count"}.get(p)
        if want and unit != want:
            out.append(f"{p}: unit {unit!r}, expected {want!r}")
        if not want and not (isinstance(unit, str) and re.fullmatch(r"[A-Z]{3}", unit)):
            out.append(f"{p}: unit {unit!r} is not an ISO 4217 code")
    if c.get("period") not in PERIODS:
        out.append(f"{p}: period {c.get('period')!r}")
    t = c.get("time")
    if t is not None and not (isinstance(t, str) and TIME.match(t)):
        out.append(f"{p}: time {t!r}")
    if p == "role" and c.get("role") not in ROLES:
        out.append(f"role: title {c.get('role')!r}")
    if p != "role" and c.get("role") is not None:
        out.append(f"{p}: role set")
    if c.get("qualifier", "exact") not in QUALIFIERS:
        out.append(f"{p}: qualifier {c.get('qualifier')!r}")
    if c.get("modality", "asserted") not in MODALITIES:
        out.append(f"{p}: modality {c.get('modality')!r}")
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--fix-spans", action="store_true")
    args = ap.parse_args()
    problems = 0
    docs, claims, ids = Counter(), Counter(), Counter()
    fixed = []
    for n, line in enumerate(args.corpus.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            d = json.loads(line)
        except json.JSONDecodeError as e:
            print(f"line {n}: not JSON ({e})")
            problems += 1
            continue
        where = f"line {n} ({d.get('id')})"
        text = d.get("text") or ""
        for f in ("id", "lang", "source", "text", "claims", "incomplete"):
            if f not in d:
                print(f"{where}: no {f!r}")
                problems += 1
        if d.get("lang") not in LANGS:
            print(f"{where}: lang {d.get('lang')!r}")
            problems += 1
        src = d.get("source") or {}
        if not src.get("name") or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(src.get("published"))):
            print(f"{where}: source needs a name and published (YYYY-MM-DD)")
            problems += 1
        ids[d.get("id")] += 1
        for kind, incomplete in (("claims", False), ("incomplete", True)):
            for c in d.get(kind) or []:
                if args.fix_spans and isinstance(c.get("text"), str):
                    k = text.find(c["text"])
                    if k >= 0:
                        c["span"] = [k, k + len(c["text"])]
                for msg in _claim_problems(c, text, incomplete):
                    print(f"{where}: {kind}: {msg}")
                    problems += 1
        docs[d.get("lang")] += 1
        claims[d.get("lang")] += len(d.get("claims") or [])
        fixed.append(d)
    for i, k in ids.items():
        if k > 1:
            print(f"id {i!r} appears {k} times")
            problems += 1
    if args.fix_spans:
        args.corpus.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in fixed), encoding="utf-8")
    print(
        f"{sum(docs.values())} documents, {sum(claims.values())} claims; "
        + ", ".join(f"{lang} {docs[lang]}/{claims[lang]}" for lang in sorted(docs))
        + f"; {problems} problems"
    )
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
