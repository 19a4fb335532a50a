"""Dutch, in sentences of our own."""

import pytest

from factcheck import extract
from tests.engine.cases import PUB, check

CASES = [
    (
        "Corvane neemt Tidewell over voor 2,35 miljard euro.",
        {"predicate": "acquisition", "subject": "Corvane", "object": "Tidewell", "value": 2.35e9, "unit": "EUR"},
    ),
    (
        "Het bedrijf Tidewell heeft ongeveer 12.400 werknemers.",
        {"predicate": "employees", "subject": "Tidewell", "value": 12400, "qualifier": "approx"},
    ),
    (
        "Het fonds Arlo Partners heeft een belang van 12,5 procent in Tidewell.",
        {"predicate": "stake", "subject": "Arlo Partners", "object": "Tidewell", "value": 12.5, "unit": "%"},
    ),
    (
        "Corvane betaalt 90 miljoen euro voor een belang van 30 procent in Tidewell.",
        {"predicate": "investment", "subject": "Corvane", "object": "Tidewell", "value": 90e6, "unit": "EUR"},
    ),
    (
        "In het derde kwartaal van 2025 boekte Tidewell een omzet van 318 miljoen euro.",
        {"predicate": "revenue", "subject": "Tidewell", "value": 318e6, "time": "2025-Q3"},
    ),
    (
        "Tidewell leed vorig jaar een nettoverlies van 21 miljoen euro.",
        {"predicate": "profit", "subject": "Tidewell", "value": -21e6, "time": "2024"},
    ),
    (
        "Corvane gaat Tidewell jaarlijks 40 miljoen euro betalen.",
        {
            "predicate": "payment",
            "subject": "Corvane",
            "object": "Tidewell",
            "value": 40e6,
            "period": "year",
            "modality": "planned",
        },
    ),
    (
        "De deal waardeert Tidewell op ruim 4 miljard euro.",
        {"predicate": "valuation", "subject": "Tidewell", "value": 4e9, "qualifier": "at_least"},
    ),
    (
        "Volgens het bedrijf telt Tidewell bijna drie miljoen maandelijkse gebruikers.",
        {
            "predicate": "users",
            "subject": "Tidewell",
            "value": 3e6,
            "period": "month",
            "qualifier": "approx",
            "modality": "reported",
        },
    ),
    (
        "Sanne de Wit, financieel directeur van Corvane, stapt in maart over naar Tidewell.",
        {"predicate": "role", "subject": "Sanne de Wit", "object": "Corvane", "role": "CFO"},
    ),
    (
        "Sanne de Wit, financieel directeur van Corvane, stapt in maart over naar Tidewell.",
        {"predicate": "joins", "subject": "Sanne de Wit", "object": "Tidewell"},
    ),
    (
        "Tidewell-topman Joris Bakker sprak van een goede deal.",
        {"predicate": "role", "subject": "Joris Bakker", "object": "Tidewell", "role": "CEO"},
    ),
    (
        "Tidewell maakt sensoren.\nHet bedrijf telt 850 medewerkers.",
        {"predicate": "employees", "subject": "Tidewell", "value": 850},
    ),
    (
        "Tidewell verwacht dit jaar een omzet van zo'n 500 miljoen euro.",
        {"predicate": "revenue", "subject": "Tidewell", "modality": "forecast", "time": "2025", "qualifier": "approx"},
    ),
    (
        "Brantwijk Logistiek sloot een akkoord met Heems Transport. "
        "Het bedrijf verwacht dit jaar een omzet van 1,2 miljard euro.",
        {
            "predicate": "revenue",
            "subject": "Brantwijk Logistiek",
            "value": 1.2e9,
            "time": "2025",
            "modality": "forecast",
        },
    ),
    (
        "Dekker Bouw kreeg van Rijnland Energie een opdracht ter waarde van 230 miljoen euro.",
        {"predicate": "payment", "subject": "Rijnland Energie", "object": "Dekker Bouw", "value": 230e6},
    ),
    (
        "Ellen Vos volgt Hans Kuipers op als bestuursvoorzitter van Noordhaven.",
        {"predicate": "role", "subject": "Ellen Vos", "object": "Noordhaven", "role": "CEO", "modality": "planned"},
    ),
    (
        "Hans Kuipers treedt af als topman van Noordhaven; hij wordt opgevolgd door Ellen Vos.",
        {"predicate": "role", "subject": "Ellen Vos", "object": "Noordhaven", "role": "CEO", "modality": "planned"},
    ),
    (
        "Tomas Berg, 54, is sinds 2019 financieel directeur van Klaverbank.",
        {"predicate": "role", "subject": "Tomas Berg", "object": "Klaverbank", "role": "CFO"},
    ),
    # "Holding" is part of a name, not a legal form to strip
    (
        "Het Belgische concern Veltra Holding heeft een belang van 15 procent in Dorvik.",
        {"predicate": "stake", "subject": "Veltra Holding", "object": "Dorvik", "value": 15},
    ),
    # a legal form that ends the sentence keeps its full stop
    (
        "Corvane betaalt 20 miljoen euro voor een belang van 10 procent in Ostwerk GmbH.",
        {"predicate": "investment", "subject": "Corvane", "object": "Ostwerk", "value": 20e6},
    ),
    # a company name that opens with "Van"
    (
        "Kaapvaart neemt Van Rossum Logistiek over voor 80 miljoen euro.",
        {"predicate": "acquisition", "subject": "Kaapvaart", "object": "Van Rossum Logistiek", "value": 80e6},
    ),
    (
        "Rivaro stopt 30 miljoen euro in de start-up Lindeq.",
        {"predicate": "investment", "subject": "Rivaro", "object": "Lindeq", "value": 30e6, "unit": "EUR"},
    ),
    (
        "Kaapvaart zette vorig jaar 640 miljoen euro om.",
        {"predicate": "revenue", "subject": "Kaapvaart", "value": 640e6, "time": "2024"},
    ),
    (
        "Brandt Verzekeringen maakt 12 miljoen euro over aan Solvik.",
        {"predicate": "payment", "subject": "Brandt Verzekeringen", "object": "Solvik", "value": 12e6},
    ),
    (
        "Het Vlaamse bedrijf Texaro stelt 1.800 mensen tewerk.",
        {"predicate": "employees", "subject": "Texaro", "value": 1800},
    ),
    (
        "Elke maand gebruiken 4 miljoen mensen de app van Plantiq.",
        {"predicate": "users", "subject": "Plantiq", "value": 4e6, "period": "month"},
    ),
    (
        "Femke Smit is benoemd tot financieel directeur van Orvana.",
        {"predicate": "role", "subject": "Femke Smit", "object": "Orvana", "role": "CFO"},
    ),
    (
        "Ruben Kok leidt Solvik als topman.",
        {"predicate": "role", "subject": "Ruben Kok", "object": "Solvik", "role": "CEO"},
    ),
    (
        "Ruben Kok is nog altijd bestuursvoorzitter van Solvik.",
        {"predicate": "role", "subject": "Ruben Kok", "object": "Solvik", "role": "CEO"},
    ),
    (
        "Iris Bos, financieel topvrouw van Plantiq, sprak van een sterk kwartaal.",
        {"predicate": "role", "subject": "Iris Bos", "object": "Plantiq", "role": "CFO"},
    ),
    (
        "Lotte Meijer treedt in april in dienst bij Varendonk.",
        {"predicate": "joins", "subject": "Lotte Meijer", "object": "Varendonk"},
    ),
    # where a person comes from is not where they go
    (
        "Varendonk haalt Lotte Meijer weg bij Solvik.",
        {"predicate": "joins", "subject": "Lotte Meijer", "object": "Varendonk"},
    ),
    (
        "Lotte Meijer vertrekt bij Solvik en gaat aan de slag bij Varendonk.",
        {"predicate": "joins", "subject": "Lotte Meijer", "object": "Varendonk"},
    ),
    # the state as a holder is named by its country
    (
        "De Staat der Nederlanden heeft een belang van 30 procent in Windnet.",
        {"predicate": "stake", "subject": "Netherlands", "object": "Windnet", "value": 30},
    ),
    # a number word opening the sentence is not a name
    (
        "Tien jaar na de oprichting boekte Plantiq een omzet van 50 miljoen euro.",
        {"predicate": "revenue", "subject": "Plantiq", "value": 50e6},
    ),
    (
        "Voor het hele jaar rekent Plantiq op een omzet van 200 miljoen euro.",
        {"predicate": "revenue", "subject": "Plantiq", "value": 200e6, "time": "2025", "modality": "forecast"},
    ),
    # a city adjective before a company noun is not a name
    (
        "Corvane neemt de Utrechtse softwaremaker Lindeq over voor 45 miljoen euro.",
        {"predicate": "acquisition", "subject": "Corvane", "object": "Lindeq", "value": 45e6},
    ),
    (
        "Het Japanse rederijconcern Hoshino Kaiun neemt een belang van 35 procent in de Rotterdamse "
        "vervoerder Kaapvaart.",
        {"predicate": "stake", "subject": "Hoshino Kaiun", "object": "Kaapvaart", "value": 35},
    ),
    # the Belgian chief executive
    (
        "Joris Peeters is gedelegeerd bestuurder van Solvik.",
        {"predicate": "role", "subject": "Joris Peeters", "object": "Solvik", "role": "CEO"},
    ),
    (
        "Bas Dekker is technologiedirecteur van Lumora.",
        {"predicate": "role", "subject": "Bas Dekker", "object": "Lumora", "role": "CTO"},
    ),
    # name particles: "van 't", a capitalised Flemish "De"
    (
        "Plantiq werd opgericht door Bram van 't Veld.",
        {"predicate": "role", "subject": "Bram van 't Veld", "object": "Plantiq", "role": "founder"},
    ),
    (
        "Thomas De Smedt is financieel directeur van Solvik.",
        {"predicate": "role", "subject": "Thomas De Smedt", "object": "Solvik", "role": "CFO"},
    ),
    # a cooperative is a company noun
    (
        "Zuivelcoöperatie Terpwold boekte vorig jaar een nettowinst van 40 miljoen euro.",
        {"predicate": "profit", "subject": "Terpwold", "value": 40e6, "time": "2024"},
    ),
    # an adjective opening the sentence is not a name
    (
        "Winstgevend is Plantiq nog niet: vorig jaar leed het bedrijf een verlies van 5 miljoen euro.",
        {"predicate": "profit", "subject": "Plantiq", "value": -5e6},
    ),
]


@pytest.mark.parametrize(("text", "want"), CASES)
def test_claims(text, want):
    check("nl", text, want)


def test_distractors():
    check("nl", "Het aandeel Tidewell steeg 4,2 procent tot 61,30 euro, de AEX won 0,8 procent.", None)


def test_index_is_a_distractor():
    check("nl", "Het aandeel Tidewell sloot 2,1 procent lager, terwijl de Bel20 0,4 procent won.", None)


def test_incomplete():
    check(
        "nl",
        "Tidewell boekte vorig jaar een omzet van euro, meldt het bedrijf.",
        {"predicate": "revenue", "subject": "Tidewell"},
        "incomplete",
    )


def test_political_titles():
    check("nl", "Premier Anouk Dijkstra en vicevoorzitter Joost Brand openden de fabriek van Solvaro.", None)


def test_hires_are_not_headcount():
    check("nl", "Kronos Retail zegt dat het dit jaar ongeveer 800 nieuwe medewerkers wil aannemen.", None)


def test_denial_verb():
    check(
        "nl",
        "Luchtwerk ontkent dat het Vorsa voor 2 miljard euro wil overnemen.",
        {"predicate": "acquisition", "subject": "Luchtwerk", "object": "Vorsa", "modality": "denied"},
    )


def test_crowds_are_not_users():
    check("nl", "Het concert in Utrecht trok dit jaar 40.000 mensen.", None)


def test_headcount_is_not_users():
    ex = extract("Het familiebedrijf Orvana telt 850 mensen.", lang="nl", published=PUB)
    assert not [c for c in ex.claims if c.predicate == "users"], ex.claims
