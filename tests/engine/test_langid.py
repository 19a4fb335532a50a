import pytest

from factcheck.langid import detect
from factcheck.languages import available


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "Der Maschinenbauer Kettwig hat im vergangenen Jahr deutlich mehr Geld verdient als erwartet.",
            "de",
        ),
        (
            "The software maker Brightmoor said on Tuesday that its sales grew faster than expected.",
            "en",
        ),
        ("Le groupe Ravelin a annoncé mardi une hausse de son chiffre d'affaires.", "fr"),
        ("La empresa Ravelin anunció el martes que sus ventas crecieron con fuerza.", "es"),
        ("La società Ravelin ha annunciato martedì che le vendite sono cresciute.", "it"),
        ("A empresa Ravelin anunciou na terça-feira que as vendas cresceram bastante.", "pt"),
        ("Het bedrijf Ravelin maakte dinsdag bekend dat de omzet sterk is gestegen.", "nl"),
    ],
)
def test_detects_the_seven_languages(text, code):
    if code not in available():
        pytest.skip(f"no data file for {code} yet")
    assert detect(text) == code


def test_empty_text_falls_back_to_default():
    assert detect("   ") == "en"
