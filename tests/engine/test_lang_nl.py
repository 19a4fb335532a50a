"""Dutch, in sentences of our own."""

import pytest

from tests.engine.cases import check

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
]


@pytest.mark.parametrize(("text", "want"), CASES)
def test_claims(text, want):
    check("nl", text, want)


def test_distractors():
    check("nl", "Het aandeel Tidewell steeg 4,2 procent tot 61,30 euro, de AEX won 0,8 procent.", None)


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
