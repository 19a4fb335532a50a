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
# Claims below this are left out of an extraction (the API's ?min_confidence= filters higher). Measured
# with bench/train_confidence.py once the model knew how many names the whole text holds (doc_names): on
# a blind corpus of 48 articles, 0.2 moved precision from 0.569 to 0.615 and F1 from 0.499 to 0.514, on
# our annotated articles from 0.662 to 0.674 (F1 0.593 -> 0.596), and the behavioural suite's pass rate
# stayed at 93.6%. Higher thresholds bought more precision on articles but began to drop right claims of
# one-sentence texts (0.35: German cases 83.6% -> 81.8%), where payments and stakes of two unknown names
# score low.
MIN_CONFIDENCE = 0.2


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
    doc_names: int = 0,
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
    # how many organisations and people the whole text names: the more there are, the likelier a figure
    # is handed to the wrong one (a one-sentence text leaves little to confuse)
    f["doc_names"] = min(doc_names, 12) / 12
    f["one_name_pair"] = float(doc_names <= 2)
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
