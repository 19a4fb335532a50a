"""Learn the engine's confidence model, and show how well it is calibrated.

    .venv/bin/python bench/train_confidence.py                    # train on bench/corpus/*.jsonl, write the weights
    .venv/bin/python bench/train_confidence.py --check FILE.jsonl # precision per confidence band on a corpus
                                                                  # the model was not trained on (no writing)

Every claim the engine predicts on an annotated corpus is a training example: right when it matches
a gold claim by the contract's scoring (bench/quality.py's matching), wrong otherwise. The features
are the evidence the engine recorded for it (factcheck/confidence.py). The model is a logistic
regression with an L2 penalty, fitted by Newton's method in numpy; it is written to
factcheck/confidence_weights.json with the corpora and counts it was trained on.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from quality import _same  # noqa: E402

from factcheck import extract  # noqa: E402
from factcheck.confidence import WEIGHTS  # noqa: E402

FIELDS = ("role", "unit", "period", "time", "value")
BANDS = ((0.0, 0.3), (0.3, 0.5), (0.5, 0.7), (0.7, 0.85), (0.85, 1.01))


def examples(paths: list[Path]) -> list[tuple[dict[str, float], int, float | None]]:
    """(features, right?, confidence the engine gave) for every distinct predicted claim."""
    out = []
    for path in paths:
        for line in path.open(encoding="utf-8"):
            doc = json.loads(line)
            published = doc.get("source", {}).get("published")
            ex = extract(
                doc["text"],
                published=dt.date.fromisoformat(published[:10]) if published else None,
                min_confidence=0,
            )
            free = list(doc["claims"])
            seen = set()
            for c in ex.claims:
                d = c.to_dict()
                key = json.dumps({k: d.get(k) for k in ("predicate", "subject", "object", *FIELDS)}, sort_keys=True)
                if key in seen:
                    continue
                seen.add(key)
                hit = next((g for g in free if _same(g, d, FIELDS)), None)
                if hit is not None:
                    free.remove(hit)
                out.append((ex.evidence.get(c, {}), int(hit is not None), c.confidence))
    return out


def fit(data: list[tuple[dict[str, float], int, float | None]], l2: float = 1.0) -> dict[str, float]:
    names = sorted({k for f, _, _ in data for k in f})
    x = np.array([[f.get(k, 0.0) for k in names] for f, _, _ in data])
    y = np.array([label for _, label, _ in data], dtype=float)
    w = np.zeros(len(names))
    penalty = l2 * np.eye(len(names))
    penalty[names.index("bias"), names.index("bias")] = 0.0  # the intercept is not shrunk
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-x @ w))
        grad = x.T @ (p - y) + penalty @ w
        hess = x.T @ (x * (p * (1 - p))[:, None]) + penalty
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return {k: round(float(v), 5) for k, v in zip(names, w, strict=True)}


def bands(data) -> None:
    print("  band         claims  right  precision  mean confidence")
    for lo, hi in BANDS:
        got = [(label, conf) for _, label, conf in data if conf is not None and lo <= conf < hi]
        if got:
            right = sum(label for label, _ in got)
            mean = sum(conf for _, conf in got) / len(got)
            print(f"  [{lo:.2f}, {min(hi, 1):.2f})  {len(got):6d}  {right:5d}  {right / len(got):9.3f}  {mean:15.3f}")
    total = [label for _, label, conf in data if conf is not None]
    if total:
        print(f"  all          {len(total):6d}  {sum(total):5d}  {sum(total) / len(total):9.3f}")


def thresholds(data, gold: int) -> None:
    """What leaving out the claims below a confidence does to precision, recall and F1."""
    print("  min confidence   precision  recall  F1")
    for t in (0.0, 0.2, 0.3, 0.35, 0.4, 0.5, 0.6):
        kept = [label for _, label, conf in data if conf is None or conf >= t]
        tp, pred = sum(kept), len(kept)
        p, r = (tp / pred if pred else 0.0), (tp / gold if gold else 0.0)
        print(f"  {t:14.2f}   {p:9.3f}  {r:6.3f}  {2 * p * r / (p + r) if p + r else 0.0:.3f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="*", type=Path, default=sorted((ROOT / "bench" / "corpus").glob("*.jsonl")))
    ap.add_argument("--check", action="store_true", help="only report calibration on the given corpora")
    args = ap.parse_args()
    data = examples(args.corpus)
    gold = sum(len(json.loads(line)["claims"]) for p in args.corpus for line in p.open(encoding="utf-8"))
    if args.check:
        print(f"calibration on {', '.join(p.name for p in args.corpus)}")
        bands(data)
        thresholds(data, gold)
        return
    weights = fit(data)
    WEIGHTS.write_text(
        json.dumps(
            {
                "trained_on": [p.name for p in args.corpus],
                "claims": len(data),
                "right": sum(label for _, label, _ in data),
                "weights": weights,
            },
            indent=1,
            sort_keys=True,
        )
        + "\n",
        encoding="utf-8",
    )
    print(f"trained on {len(data)} claims ({sum(label for _, label, _ in data)} right); weights in {WEIGHTS.name}")
    from factcheck import confidence

    confidence._weights.cache_clear()
    data = examples(args.corpus)
    bands(data)
    thresholds(data, gold)


if __name__ == "__main__":
    main()
