"""Sentences the service's own flows rely on (sample data, end-to-end tests), in plain news style."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck import extract

PUBLISHED = dt.date(2025, 5, 12)


def found(text: str) -> set[tuple]:
    return {(c.predicate, c.subject, c.object, c.value, c.unit) for c in extract(text, published=PUBLISHED).claims}


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        # an unknown company name opening the sentence
        (
            "Tessaline holds a 35% stake in Brightwave Robotics.",
            ("stake", "Tessaline", "Brightwave Robotics", 35, "%"),
        ),
        (
            "Tessaline holds a 35% stake in Brightwave Robotics, the company said on Monday.",
            ("stake", "Tessaline", "Brightwave Robotics", 35, "%"),
        ),
        ("Orvane owns 20% of Kelpie Systems.", ("stake", "Orvane", "Kelpie Systems", 20, "%")),
        ("Kelpie Systems employs about 800 people.", ("employees", "Kelpie Systems", None, 800, "count")),
        # a descriptor before the name
        (
            "The Danish shipping group Orvane has bought a 30% stake in Kelpie Systems, a Norwegian maker of sensors.",
            ("stake", "Orvane", "Kelpie Systems", 30, "%"),
        ),
        (
            "Die dänische Reederei Orvane hat eine 30%-Beteiligung an Kelpie Systems erworben.",
            ("stake", "Orvane", "Kelpie Systems", 30, "%"),
        ),
        (
            "Le groupe danois Orvane a acquis une participation de 35 % dans Kelpie Systems.",
            ("stake", "Orvane", "Kelpie Systems", 35, "%"),
        ),
        (
            "Tessaline paid $420 million for the stake in Brightwave.",
            ("investment", "Tessaline", "Brightwave", 420e6, "USD"),
        ),
        (
            "Quorra Health said its revenue rose to €1.2bn in 2024.",
            ("revenue", "Quorra Health", None, 1.2e9, "EUR"),
        ),
    ],
)
def test_lead_sentences(text, claim):
    assert claim in found(text)
