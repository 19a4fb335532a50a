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


def test_a_text_naming_many_companies_makes_a_resolved_figure_less_sure():
    few = "Quillon opened a plant near the coast. The company employs 1,200 people."
    many = (
        "Quillon opened a plant near the coast, beside sites of Orvelle Holding, Brantis, Kessa Foods and "
        "Marlow Group. The company employs 1,200 people."
    )
    a = [c for c in extract(few, published=PUB).claims if c.predicate == "employees"]
    b = [c for c in extract(many, published=PUB, min_confidence=0).claims if c.predicate == "employees"]
    assert a and b
    assert a[0].confidence > b[0].confidence


def test_claims_below_the_threshold_are_left_out_unless_asked_for():
    import inspect

    from factcheck.confidence import MIN_CONFIDENCE

    # precision first: by default the engine leaves out what it is least sure of
    assert inspect.signature(extract).parameters["min_confidence"].default == MIN_CONFIDENCE > 0
    text = (
        "Brantis, Kessa Foods, Orvelle Holding, Marlow Group, Tennant Labs and Quillon met in Leeds. "
        "The firm paid it £3m, a source said. Orvelle Holding employs 1,200 people."
    )
    every = extract(text, published=PUB, min_confidence=0).claims
    cut = max(c.confidence for c in every)
    assert min(c.confidence for c in every) < cut
    kept = extract(text, published=PUB, min_confidence=cut).claims
    assert kept == [c for c in every if c.confidence >= cut]
