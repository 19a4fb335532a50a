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


PARAGRAPHS = {
    "en": "The shipping group said on Tuesday that it had agreed to buy a stake in the sensor maker, and that the "
    "deal would be closed by the end of the year if the regulators did not object to it.",
    "de": "Der Konzern teilte am Dienstag mit, dass er sich mit den Eigentümern auf den Kauf geeinigt habe und dass "
    "die Übernahme bis zum Ende des Jahres abgeschlossen sein soll, wenn die Behörden zustimmen.",
    "fr": "Le groupe a annoncé mardi qu'il avait trouvé un accord avec les propriétaires pour le rachat, et que "
    "l'opération serait bouclée avant la fin de l'année si les autorités ne s'y opposent pas.",
    "es": "El grupo anunció el martes que había llegado a un acuerdo con los propietarios para la compra, y que la "
    "operación se cerraría antes del final del año si las autoridades no se oponen a ella.",
    "it": "Il gruppo ha annunciato martedì di aver raggiunto un accordo con i proprietari per l'acquisto, e che "
    "l'operazione sarà chiusa entro la fine dell'anno se le autorità non si opporranno.",
    "pt": "O grupo anunciou na terça-feira que chegou a um acordo com os proprietários para a compra, e que a "
    "operação será concluída até ao final do ano se as autoridades não se opuserem.",
    "nl": "Het concern maakte dinsdag bekend dat het met de eigenaren een akkoord heeft bereikt over de overname, "
    "en dat de transactie voor het einde van het jaar wordt afgerond als de toezichthouders geen bezwaar maken.",
}


@pytest.mark.parametrize(("code", "text"), PARAGRAPHS.items())
def test_a_clear_stop_word_majority_decides_without_lingua(code, text):
    from factcheck.langid import _stop_word_majority

    assert _stop_word_majority(text) == code
    assert detect(text) == code


def test_a_short_text_is_left_to_lingua():
    from factcheck.langid import _stop_word_majority

    assert _stop_word_majority("Orvane owns 20% of Kelpie Systems.") is None


def test_names_in_another_language_do_not_decide():
    # a Spanish report whose names are Portuguese: the names carry "do", "da", "das", "e"
    text = (
        "La portuguesa Caixa Geral do Norte da Beira y el Banco do Estado de São Paulo compran "
        "Vinhos do Douro da Quinta das Pedras por 300 millones a Casa da Moeda do Porto e das Ilhas."
    )
    assert detect(text) == "es"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # one short sentence, mostly names: lingua alone reads the first as Dutch, the second as Spanish
        ("Lumora posee el 12% de Brightwell Labs.", "es"),
        ("Lumora detiene il 12% di Brightwell Labs.", "it"),
        ("Lumora detém 12% da Brightwell Labs.", "pt"),
        ("Lumora détient 12 % de Brightwell Labs.", "fr"),
        ("Lumora hält 12 Prozent an Brightwell Labs.", "de"),
        ("Lumora heeft 12 procent van Brightwell Labs.", "nl"),
        ("Lumora owns 12% of Brightwell Labs.", "en"),
        ("Tomás Ferro deixa a Lumora.", "pt"),
        ("Piet de Graaf wordt CEO van Lumora.", "nl"),
    ],
)
def test_one_short_sentence_of_names(text, code):
    assert detect(text) == code
