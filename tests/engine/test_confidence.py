"""Every claim carries a confidence in [0, 1] that follows its evidence."""

import datetime as dt
import sys
from pathlib import Path

import pytest

from factcheck import extract

PUB = dt.date(2025, 6, 15)
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))


@pytest.mark.parametrize(
    "text",
    [
        "Quillon Labs employs 1,200 people.",
        "Orvelle Holding hält 45 Prozent an Quillon Labs.",
        "Quillon a réalisé un chiffre d'affaires de 450 millions d'euros en 2024.",
        "Luca De Santis è il nuovo amministratore delegato di Quillon.",
    ],
)
def test_every_claim_has_a_confidence(text):
    ex = extract(text, published=PUB)
    assert ex.claims
    for c in ex.claims:
        assert c.confidence is not None and 0.0 <= c.confidence <= 1.0
        assert c.to_dict()["confidence"] == c.confidence


def test_a_name_described_in_its_sentence_is_surer_than_one_resolved_from_an_earlier_one():
    named = extract("The battery maker Quillon GmbH employs 1,200 people.", published=PUB).claims
    resolved = extract(
        "Quillon opened a plant near the coast this spring. The company employs 1,200 people.", published=PUB
    ).claims
    assert named[0].subject == resolved[0].subject == "Quillon"
    assert named[0].confidence > resolved[0].confidence


def test_confidence_is_not_part_of_a_claims_identity():
    a = extract("Quillon Labs employs 1,200 people.", published=PUB).claims[0]
    assert a == a.__class__(**{**{f: getattr(a, f) for f in a.__slots__}, "confidence": 0.01})


def test_the_fit_learns_which_evidence_is_right():
    from train_confidence import fit

    data = [({"bias": 1.0, "good": 1.0}, 1, None)] * 40 + [({"bias": 1.0, "good": 0.0}, 0, None)] * 40
    data += [({"bias": 1.0, "good": 1.0}, 0, None)] * 5 + [({"bias": 1.0, "good": 0.0}, 1, None)] * 5
    w = fit(data)
    assert w["good"] > 1.0
