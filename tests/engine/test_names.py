"""Names of every shape in every language: the kinds of error issue 9 lists, in sentences of our own.

Each case is a short text and the one claim it must give (and, where the error was a claim handed to
the wrong name, the claim it must not give).
"""

import pytest

from factcheck import extract
from tests.engine.cases import PUB

STAKE = {"predicate": "stake", "unit": "%"}


def _claims(text: str) -> list[dict]:
    return [c.to_dict() for c in extract(text, published=PUB).claims]


def _has(got: list[dict], want: dict) -> bool:
    return any(all(d.get(k) == v for k, v in want.items()) for d in got)


# A company name holding a business word ("Holding", "Investments", "Partecipazioni") is one name,
# and its business word is not the claim's trigger.
BUSINESS_WORDS = [
    ("Orvelle Holding holds a 45% stake in Quillon Labs.", "Orvelle Holding", "Quillon Labs", 45),
    ("Vireo Investments owns 12% of Tamsin Robotics.", "Vireo Investments", "Tamsin Robotics", 12),
    ("Orvelle Holding hält 45 Prozent an Quillon Labs.", "Orvelle Holding", "Quillon Labs", 45),
    ("Orvelle Participations détient 45 % de Quillon Labs.", "Orvelle Participations", "Quillon Labs", 45),
    ("Orvelle Partecipazioni detiene il 45% di Quillon Labs.", "Orvelle Partecipazioni", "Quillon Labs", 45),
    ("Orvelle Participaciones posee el 45% de Quillon Labs.", "Orvelle Participaciones", "Quillon Labs", 45),
]


@pytest.mark.parametrize(("text", "holder", "held", "pct"), BUSINESS_WORDS)
def test_business_words_inside_names(text, holder, held, pct):
    got = _claims(text)
    assert _has(got, {**STAKE, "subject": holder, "object": held, "value": pct}), got


# A passive holding names the holder as its agent: "X is 45% owned by Y" is Y's stake in X.
PASSIVES = [
    "Quillon Labs is 45% owned by Orvelle Capital.",
    "Quillon Labs est détenue à 45 % par Orvelle Capital.",
    "Quillon Labs está controlada en un 45% por Orvelle Capital.",
    "Quillon Labs è controllata al 45% da Orvelle Capital.",
    "A Quillon Labs é detida em 45% pela Orvelle Capital.",
    "Quillon Labs wird zu 45 Prozent von Orvelle Capital gehalten.",
    "Quillon Labs is voor 45 procent in handen van Orvelle Capital.",
    "Quillon Labs, controllata al 45% dal fondo Orvelle Capital, ha chiuso l'anno in utile.",
]


@pytest.mark.parametrize("text", PASSIVES)
def test_passive_stakes_are_not_turned_around(text):
    got = _claims(text)
    assert _has(got, {**STAKE, "subject": "Orvelle Capital", "object": "Quillon Labs", "value": 45}), got
    assert not _has(got, {"predicate": "stake", "subject": "Quillon Labs"}), got


def test_passive_holder_of_the_company_the_sentence_is_about():
    text = "Contrôlée à 61 % par la Financière Orvelle, la société Quillon emploie 900 personnes."
    got = _claims(text)
    assert _has(got, {**STAKE, "subject": "Financière Orvelle", "object": "Quillon", "value": 61}), got
