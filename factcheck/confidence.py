"""How sure the engine is of a claim: a logistic model over the evidence the engine had.

The features say how the claim's arguments were found (named in the sentence or resolved from an
earlier one, how sure the type of each name is), how crowded the sentence is (names, figures,
length), and which predicate, language and modality it is. The weights are learnt by
`bench/train_confidence.py` from our annotated corpora (bench/corpus/), where a predicted claim that
matches a gold claim is right, and checked for calibration on a corpus that was not trained on.
They live in `confidence_weights.json` beside this file, so the model is data the training script
rewrites, and the engine only computes a dot product.

A hand-written logistic regression rather than scikit-learn: a dozen features and a few thousand
claims train in well under a second with numpy (already installed with spaCy), and the engine
must not pull a large library in for one dot product at run time.
"""

from __future__ import annotations

import json
import math
from functools import cache
from pathlib import Path

WEIGHTS = Path(__file__).with_name("confidence_weights.json")
# Claims below this are left out of an extraction. 0 by default: every claim is reported with its
# confidence, and the service shows the low ones as such. Measured with bench/train_confidence.py: on our
# annotated articles a threshold of 0.35 moves precision from 0.68 to 0.71 at the same F1 (0.61), but on
# the behavioural suite's one-sentence texts it dropped the pass rate from 90% to 78% (the model learnt
# from long articles, where two unknown names and a stake are often wrong).
MIN_CONFIDENCE = 0.0


def features(
    *,
    predicate: str,
    lang: str,
    modality: str,
    has_value: bool,
    subject_evidence: str | None,
    object_evidence: str | None,
    has_object: bool,
    names: int,
    figures: int,
    tokens: int,
    state: bool,
    subject_first: bool = False,
    in_order: bool = False,
) -> dict[str, float]:
    """The evidence behind one claim, as named numbers. `*_evidence` is None when the argument was not
    named in the claim's sentence (resolved from "the company", "it", or an earlier sentence)."""
    f = {"bias": 1.0, f"pred={predicate}": 1.0, f"lang={lang}": 1.0}
    f["subject_resolved"] = float(subject_evidence is None)
    if subject_evidence is not None:
        f[f"subject={subject_evidence}"] = 1.0
    if has_object:
        f["object_resolved"] = float(object_evidence is None)
        if object_evidence is not None:
            f[f"object={object_evidence}"] = 1.0
    f["no_value"] = float(not has_value)
    f[f"modality={modality}"] = 1.0
    f["names"] = min(names, 6) / 6
    f["figures"] = min(figures, 6) / 6
    f["tokens"] = min(tokens, 80) / 80
    f["state"] = float(state)
    # the plain shapes of a news sentence: the subject is the sentence's first name, the object comes after it
    f["subject_first"] = float(subject_first)
    f["in_order"] = float(in_order)
    return f


@cache
def _weights() -> dict[str, float]:
    if not WEIGHTS.exists():
        return {}
    return json.loads(WEIGHTS.read_text(encoding="utf-8"))["weights"]


def score(f: dict[str, float]) -> float | None:
    """The probability that the claim is right, rounded to 3 places; None without a trained model."""
    w = _weights()
    if not w:
        return None
    z = sum(w.get(k, 0.0) * v for k, v in f.items())
    return round(1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z)))), 3)
