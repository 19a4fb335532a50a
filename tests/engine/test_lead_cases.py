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


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Jane Roe, vice-president of Orvane, said the deal was done.", "en"),
        ("Jane Roe, the deputy chief executive of Orvane, said the deal was done.", "en"),
        ("Jane Roe, vice-présidente de Orvane, a confirmé l'accord.", "fr"),
        ("Jane Roe, vice-presidente da Orvane, confirmou o acordo.", "pt"),
        ("Die stellvertretende Vorstandsvorsitzende von Orvane, Jane Roe, bestätigte den Kauf.", "de"),
    ],
)
def test_a_deputy_does_not_hold_the_title(text, lang):
    roles = {(c.subject, c.role) for c in extract(text, lang=lang, published=PUBLISHED).claims if c.predicate == "role"}
    assert ("Jane Roe", "president") not in roles
    assert ("Jane Roe", "CEO") not in roles


@pytest.mark.parametrize(
    ("text", "lang", "role"),
    [
        ("Jane Roe, president of Orvane, said the deal was done.", "en", "president"),
        ("Jane Roe, présidente de Orvane, a confirmé l'accord.", "fr", "president"),
        ("La directrice générale d'Orvane, Jane Roe, a confirmé l'accord.", "fr", "CEO"),
    ],
)
def test_the_title_itself_is_still_found(text, lang, role):
    claims = extract(text, lang=lang, published=PUBLISHED).claims
    assert ("role", "Jane Roe", "Orvane", role) in {(c.predicate, c.subject, c.object, c.role) for c in claims}


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("El ecosistema de Orvane está valorado en $17,000 millones.", "es", 17e9),
        ("Orvane está valorada en 17,5 millones de euros.", "es", 17.5e6),
        ("A Orvane foi avaliada em US$ 2,500 milhões.", "pt", 2.5e9),
        ("A Orvane foi avaliada em 2,5 mil milhões de euros.", "pt", 2.5e9),
    ],
)
def test_dollar_amounts_with_us_grouping_in_spanish_and_portuguese(text, lang, value):
    values = [c.value for c in extract(text, lang=lang, published=PUBLISHED).claims if c.predicate == "valuation"]
    assert values == [value]


@pytest.mark.parametrize(
    "text",
    [
        "Tessaline steigt bei Brightwave Robotics ein\nDer Chiphersteller Tessaline hat eine 40%-Beteiligung an "
        "Brightwave Robotics erworben.",
        "Tessaline steigt bei Brightwave Robotics ein",
    ],
)
def test_a_headline_without_a_figure_is_not_an_incomplete_claim(text):
    registry = {"Tessaline": "Tessaline", "Brightwave Robotics": "Brightwave Robotics"}

    extraction = extract(text, published=PUBLISHED, entities=registry)

    assert extraction.incomplete == []


def test_a_value_sentence_cut_before_its_figure_is_incomplete():
    extraction = extract("Der Anteil von Tessaline an Brightwave Robotics beträgt jetzt.", published=PUBLISHED)

    assert [(c.predicate, c.subject, c.object) for c in extraction.incomplete] == [
        ("stake", "Tessaline", "Brightwave Robotics")
    ]
