"""Names wrapped in descriptions, in sentences of our own: appositions, compounds, "including debt"."""

import datetime as dt

import pytest

from factcheck import extract
from tests.engine.cases import check

CASES = [
    # an apposition between the buyer and its verb, and another between the target and the price
    (
        "en",
        "Corvane, the Swedish packaging group, agreed to buy Molina Carta, a family-run paper mill near Lucca, "
        "for €640m.",
        {"predicate": "acquisition", "subject": "Corvane", "object": "Molina Carta", "value": 640e6, "unit": "EUR"},
    ),
    (
        "fr",
        "Corvane, un groupe suédois d'emballage, va racheter Molina Carta, une papeterie familiale de Lucques, "
        "pour 640 millions d'euros.",
        {"predicate": "acquisition", "subject": "Corvane", "object": "Molina Carta", "value": 640e6},
    ),
    # "family-owned" is an adjective, not a stake; "including debt" is part of the price
    (
        "en",
        "Corvane will buy the family-owned Molina Carta for €640m including debt.",
        {"predicate": "acquisition", "subject": "Corvane", "object": "Molina Carta", "value": 640e6},
    ),
    (
        "de",
        "Corvane kauft Molina Carta für 640 Millionen Euro einschließlich Schulden.",
        {"predicate": "acquisition", "subject": "Corvane", "object": "Molina Carta", "value": 640e6},
    ),
    (
        "es",
        "Corvane compra Molina Carta por 640 millones de euros, deuda incluida.",
        {"predicate": "acquisition", "subject": "Corvane", "object": "Molina Carta", "value": 640e6},
    ),
]


@pytest.mark.parametrize(("lang", "text", "want"), CASES)
def test_claims(lang, text, want):
    check(lang, text, want)


def test_a_debt_figure_is_still_not_a_price():
    check("en", "Molina Carta carries debt of €120m.", None)


@pytest.mark.parametrize(
    "text",
    [
        # the short name of a company described as one, also used as an owner of a title
        "Corvane has agreed to acquire Molina Carta, a family-owned maker of paper, for €640m.\n"
        "Carta made sales of €210m last year. Lucia Ferri, Carta's chief executive, will stay.",
        # German: a company noun right before the name
        "Der Verpackungskonzern Corvane übernimmt den Papierhersteller Molina Carta für 640 Mio. Euro.\n"
        "Carta erzielte im vergangenen Jahr einen Umsatz von 210 Mio. Euro.",
    ],
)
def test_a_company_named_by_its_last_word_is_still_the_company(text):
    claims = [c.to_dict() for c in extract(text, published=dt.date(2025, 6, 15)).claims]
    revenue = [c for c in claims if c["predicate"] == "revenue"]
    assert [(c["subject"], c["value"], c["time"]) for c in revenue] == [("Molina Carta", 210e6, "2024")]
    assert any(c["predicate"] == "acquisition" and c["object"] == "Molina Carta" for c in claims)


def test_a_title_owned_by_a_company_names_its_holder():
    text = (
        "Corvane has agreed to acquire Molina Carta, a family-owned maker of paper, for €640m.\n"
        "Lucia Ferri, Carta's chief executive since 2019, is set to join Corvane's board."
    )
    claims = [c.to_dict() for c in extract(text, published=dt.date(2025, 6, 15)).claims]
    assert {
        (c["predicate"], c["subject"], c["object"], c["role"]) for c in claims if c["subject"] == "Lucia Ferri"
    } == {
        ("role", "Lucia Ferri", "Molina Carta", "CEO"),
        ("joins", "Lucia Ferri", "Corvane", None),
    }


def test_a_person_described_by_a_relative_clause_stays_a_person():
    # German "die" after a comma starts a relative clause here, not an apposition
    text = (
        "Der Verpackungskonzern Corvane erzielte 2024 einen Umsatz von 3,1 Mrd. Euro.\n"
        "Es ist das beste Jahr von Vorstandschefin Lucia Ferri, die den Konzern seit 2021 führt."
    )
    ex = extract(text, published=dt.date(2025, 6, 15))
    assert ex.entities.get("Lucia Ferri") == "person"
    assert [c.predicate for c in ex.claims if c.subject == "Lucia Ferri"] == ["role"]
