"""French, in sentences of our own."""

import pytest

from tests.engine.cases import check

CASES = [
    # numbers: "14,3 milliards de dollars", space-grouped thousands, "pour cent"
    (
        "Corvane a racheté Tidewell pour 2,35 milliards d'euros.",
        {"predicate": "acquisition", "subject": "Corvane", "object": "Tidewell", "value": 2.35e9, "unit": "EUR"},
    ),
    (
        "Le groupe Tidewell emploie environ 12 400 salariés en Europe.",
        {"predicate": "employees", "subject": "Tidewell", "value": 12400, "qualifier": "approx"},
    ),
    (
        "Le fonds Arlo Partners détient 12,5 pour cent de Tidewell.",
        {"predicate": "stake", "subject": "Arlo Partners", "object": "Tidewell", "value": 12.5, "unit": "%"},
    ),
    # stake and investment together
    (
        "Corvane prend une participation de 30 % dans Tidewell pour 90 millions de francs suisses.",
        {"predicate": "investment", "subject": "Corvane", "object": "Tidewell", "value": 90e6, "unit": "CHF"},
    ),
    # revenue with a quarter, loss with a relative year
    (
        "Au troisième trimestre 2025, le chiffre d'affaires de Tidewell a atteint 318 millions d'euros.",
        {"predicate": "revenue", "subject": "Tidewell", "value": 318e6, "time": "2025-Q3"},
    ),
    (
        "Tidewell a essuyé une perte nette de 21 millions d'euros l'an dernier.",
        {"predicate": "profit", "subject": "Tidewell", "value": -21e6, "time": "2024"},
    ),
    # payment per year, planned
    (
        "Corvane prévoit de verser 40 millions d'euros par an à Tidewell.",
        {
            "predicate": "payment",
            "subject": "Corvane",
            "object": "Tidewell",
            "value": 40e6,
            "period": "year",
            "modality": "planned",
        },
    ),
    # valuation, at least
    (
        "L'opération valorise Tidewell à plus de 4 milliards d'euros.",
        {"predicate": "valuation", "subject": "Tidewell", "value": 4e9, "qualifier": "at_least"},
    ),
    # users per month, reported
    (
        "Selon la société, l'application de Tidewell compte 3 millions d'utilisateurs actifs par mois.",
        {"predicate": "users", "value": 3e6, "period": "month", "modality": "reported"},
    ),
    # role and joins
    (
        "Inès Garnier, directrice financière de Corvane, rejoindra Tidewell le 1er mars.",
        {"predicate": "role", "subject": "Inès Garnier", "object": "Corvane", "role": "CFO"},
    ),
    (
        "Inès Garnier, directrice financière de Corvane, rejoindra Tidewell le 1er mars.",
        {"predicate": "joins", "subject": "Inès Garnier", "object": "Tidewell", "modality": "planned"},
    ),
    (
        "Le PDG de Tidewell, Marc Delorme, a salué l'accord.",
        {"predicate": "role", "subject": "Marc Delorme", "object": "Tidewell", "role": "CEO"},
    ),
    # implied subject
    (
        "Tidewell fabrique des capteurs.\nLa société emploie 850 personnes.",
        {"predicate": "employees", "subject": "Tidewell", "value": 850},
    ),
    # forecast
    (
        "Tidewell table sur un chiffre d'affaires d'environ 500 millions d'euros en 2026.",
        {"predicate": "revenue", "subject": "Tidewell", "modality": "forecast", "time": "2026", "qualifier": "approx"},
    ),
]


@pytest.mark.parametrize(("text", "want"), CASES)
def test_claims(text, want):
    check("fr", text, want)


def test_distractors():
    check("fr", "L'action Tidewell a bondi de 4,2 % à 61,30 euros, et le CAC 40 a gagné 0,8 %.", None)


def test_incomplete():
    check(
        "fr",
        "La participation de Corvane dans Tidewell atteint désormais , selon le groupe.",
        {"predicate": "stake", "subject": "Corvane", "object": "Tidewell"},
        "incomplete",
    )


def test_quarter_letter():
    check(
        "fr",
        "Tidewell a réalisé un chiffre d'affaires de 88 millions d'euros au T2 2025.",
        {"predicate": "revenue", "time": "2025-Q2", "value": 88e6},
    )
