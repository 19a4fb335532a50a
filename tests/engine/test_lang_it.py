"""Italian, in sentences of our own."""

import pytest

from tests.engine.cases import check

CASES = [
    (
        "Corvane ha acquisito Tidewell per 2,35 miliardi di euro.",
        {"predicate": "acquisition", "subject": "Corvane", "object": "Tidewell", "value": 2.35e9, "unit": "EUR"},
    ),
    (
        "Il gruppo Tidewell impiega circa 12.400 dipendenti.",
        {"predicate": "employees", "subject": "Tidewell", "value": 12400, "qualifier": "approx"},
    ),
    (
        "Il fondo Arlo Partners detiene il 12,5 per cento di Tidewell.",
        {"predicate": "stake", "subject": "Arlo Partners", "object": "Tidewell", "value": 12.5, "unit": "%"},
    ),
    (
        "Corvane entra nel capitale di Tidewell con una quota del 30% per 90 milioni di sterline.",
        {"predicate": "investment", "subject": "Corvane", "object": "Tidewell", "value": 90e6, "unit": "GBP"},
    ),
    (
        "Nel terzo trimestre 2025 Tidewell ha registrato ricavi per 318 milioni di euro.",
        {"predicate": "revenue", "subject": "Tidewell", "value": 318e6, "time": "2025-Q3"},
    ),
    (
        "Tidewell ha chiuso l'anno scorso con una perdita netta di 21 milioni di euro.",
        {"predicate": "profit", "subject": "Tidewell", "value": -21e6, "time": "2024"},
    ),
    (
        "Corvane pagherà a Tidewell 40 milioni di euro all'anno.",
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
        "L'operazione valuta Tidewell oltre 4 miliardi di euro.",
        {"predicate": "valuation", "subject": "Tidewell", "value": 4e9, "qualifier": "at_least"},
    ),
    (
        "Secondo la società, Tidewell conta quasi tre milioni di utenti mensili.",
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
        "Giulia Conti, direttrice finanziaria di Corvane, approderà in Tidewell a marzo.",
        {"predicate": "role", "subject": "Giulia Conti", "object": "Corvane", "role": "CFO"},
    ),
    (
        "Giulia Conti, direttrice finanziaria di Corvane, approderà in Tidewell a marzo.",
        {"predicate": "joins", "subject": "Giulia Conti", "object": "Tidewell", "modality": "planned"},
    ),
    (
        "L'amministratore delegato di Tidewell, Marco Bellini, ha commentato l'intesa.",
        {"predicate": "role", "subject": "Marco Bellini", "object": "Tidewell", "role": "CEO"},
    ),
    (
        "Tidewell produce sensori.\nL'azienda occupa 850 addetti.",
        {"predicate": "employees", "subject": "Tidewell", "value": 850},
    ),
    (
        "Per il 2026 Tidewell prevede ricavi per circa 500 milioni di euro.",
        {"predicate": "revenue", "subject": "Tidewell", "modality": "forecast", "time": "2026"},
    ),
]


@pytest.mark.parametrize(("text", "want"), CASES)
def test_claims(text, want):
    check("it", text, want)


def test_distractors():
    check("it", "Il titolo Tidewell è salito del 4,2% a 61,30 euro, mentre il Ftse Mib ha guadagnato lo 0,8%.", None)


def test_incomplete():
    check(
        "it",
        "La quota di Corvane in Tidewell ammonta ora a , secondo fonti vicine al dossier.",
        {"predicate": "stake", "subject": "Corvane", "object": "Tidewell"},
        "incomplete",
    )
