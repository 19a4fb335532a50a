"""Portuguese, in sentences of our own."""

import pytest

from tests.engine.cases import check

CASES = [
    (
        "A Corvane comprou a Tidewell por 2,35 mil milhões de euros.",
        {"predicate": "acquisition", "subject": "Corvane", "object": "Tidewell", "value": 2.35e9, "unit": "EUR"},
    ),
    (
        "A Corvane comprou a Tidewell por R$ 2,1 bilhões.",
        {"predicate": "acquisition", "subject": "Corvane", "object": "Tidewell", "value": 2.1e9, "unit": "BRL"},
    ),
    (
        "A empresa Tidewell emprega cerca de 12.400 funcionários.",
        {"predicate": "employees", "subject": "Tidewell", "value": 12400, "qualifier": "approx"},
    ),
    (
        "O fundo Arlo Partners detém 12,5% da Tidewell.",
        {"predicate": "stake", "subject": "Arlo Partners", "object": "Tidewell", "value": 12.5, "unit": "%"},
    ),
    (
        "No terceiro trimestre de 2025, a Tidewell faturou 318 milhões de euros.",
        {"predicate": "revenue", "subject": "Tidewell", "value": 318e6, "time": "2025-Q3"},
    ),
    (
        "A Tidewell registou um prejuízo de 21 milhões de euros no ano passado.",
        {"predicate": "profit", "subject": "Tidewell", "value": -21e6, "time": "2024"},
    ),
    (
        "A Corvane vai pagar à Tidewell 40 milhões de euros por ano.",
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
        "O negócio avalia a Tidewell em mais de 4 mil milhões de euros.",
        {"predicate": "valuation", "subject": "Tidewell", "value": 4e9, "qualifier": "at_least"},
    ),
    (
        "Segundo a empresa, a Tidewell soma quase três milhões de utilizadores mensais.",
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
        "Beatriz Lopes, diretora financeira da Corvane, junta-se à Tidewell em março.",
        {"predicate": "role", "subject": "Beatriz Lopes", "object": "Corvane", "role": "CFO"},
    ),
    (
        "Beatriz Lopes, diretora financeira da Corvane, junta-se à Tidewell em março.",
        {"predicate": "joins", "subject": "Beatriz Lopes", "object": "Tidewell"},
    ),
    (
        "O presidente executivo da Tidewell, Rui Matos, elogiou o acordo.",
        {"predicate": "role", "subject": "Rui Matos", "object": "Tidewell", "role": "CEO"},
    ),
    (
        "A Tidewell fabrica sensores.\nA empresa emprega 850 pessoas.",
        {"predicate": "employees", "subject": "Tidewell", "value": 850},
    ),
    (
        "A Tidewell prevê uma receita de 500 milhões de euros em 2026.",
        {"predicate": "revenue", "subject": "Tidewell", "modality": "forecast", "time": "2026"},
    ),
]


@pytest.mark.parametrize(("text", "want"), CASES)
def test_claims(text, want):
    check("pt", text, want)


def test_distractors():
    check("pt", "As ações da Tidewell subiram 4,2% para 61,30 euros, e o PSI ganhou 0,8%.", None)


def test_incomplete():
    check(
        "pt",
        "O número de funcionários da Tidewell chega hoje a , segundo a empresa.",
        {"predicate": "employees", "subject": "Tidewell"},
        "incomplete",
    )
