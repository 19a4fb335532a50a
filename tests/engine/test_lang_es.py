"""Spanish, in sentences of our own."""

import pytest

from tests.engine.cases import check

CASES = [
    (
        "Corvane compró Tidewell por 2.350 millones de euros.",
        {"predicate": "acquisition", "subject": "Corvane", "object": "Tidewell", "value": 2.35e9, "unit": "EUR"},
    ),
    (
        "La compañía Tidewell emplea a unos 12.400 trabajadores.",
        {"predicate": "employees", "subject": "Tidewell", "value": 12400, "qualifier": "approx"},
    ),
    (
        "El fondo Arlo Partners controla el 12,5 por ciento de Tidewell.",
        {"predicate": "stake", "subject": "Arlo Partners", "object": "Tidewell", "value": 12.5, "unit": "%"},
    ),
    (
        "Corvane se hizo con el 30 % de Tidewell por 90 millones de dólares.",
        {"predicate": "investment", "subject": "Corvane", "object": "Tidewell", "value": 90e6, "unit": "USD"},
    ),
    (
        "Corvane se hizo con el 30 % de Tidewell por 90 millones de dólares.",
        {"predicate": "stake", "subject": "Corvane", "object": "Tidewell", "value": 30},
    ),
    (
        "En el tercer trimestre de 2025, Tidewell facturó 318 millones de euros.",
        {"predicate": "revenue", "subject": "Tidewell", "value": 318e6, "time": "2025-Q3"},
    ),
    (
        "Tidewell registró unas pérdidas netas de 21 millones de euros el año pasado.",
        {"predicate": "profit", "subject": "Tidewell", "value": -21e6, "time": "2024"},
    ),
    (
        "Corvane tenía previsto pagar a Tidewell 40 millones de euros al año.",
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
        "La operación valora Tidewell en más de 4.000 millones de euros.",
        {"predicate": "valuation", "subject": "Tidewell", "value": 4e9, "qualifier": "at_least"},
    ),
    (
        "Según la empresa, Tidewell suma casi tres millones de usuarios mensuales.",
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
        "Lucía Ferrer, directora financiera de Corvane, se incorporará a Tidewell en marzo.",
        {"predicate": "role", "subject": "Lucía Ferrer", "object": "Corvane", "role": "CFO"},
    ),
    (
        "Lucía Ferrer, directora financiera de Corvane, se incorporará a Tidewell en marzo.",
        {"predicate": "joins", "subject": "Lucía Ferrer", "object": "Tidewell", "modality": "planned"},
    ),
    (
        "El consejero delegado de Tidewell, Martín Ruiz, celebró el acuerdo.",
        {"predicate": "role", "subject": "Martín Ruiz", "object": "Tidewell", "role": "CEO"},
    ),
    (
        "Tidewell fabrica sensores.\nLa empresa da empleo a 850 personas.",
        {"predicate": "employees", "subject": "Tidewell", "value": 850},
    ),
    (
        "Tidewell prevé unos ingresos de 500 millones de euros en 2026.",
        {"predicate": "revenue", "subject": "Tidewell", "modality": "forecast", "time": "2026"},
    ),
]


@pytest.mark.parametrize(("text", "want"), CASES)
def test_claims(text, want):
    check("es", text, want)


def test_distractors():
    check("es", "Las acciones de Tidewell subieron un 4,2 % hasta 61,30 euros y el Ibex ganó un 0,8 %.", None)


def test_incomplete():
    check(
        "es",
        "La plantilla de Tidewell asciende a , según la compañía.",
        {"predicate": "employees", "subject": "Tidewell"},
        "incomplete",
    )


def test_passive_acquisition():
    check(
        "es",
        "Orrin fue comprada por Halvex por 2.400 millones de dólares.",
        {"predicate": "acquisition", "subject": "Halvex", "object": "Orrin", "value": 2.4e9},
    )
