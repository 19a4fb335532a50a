"""Names of every shape in every language: the kinds of error issue 9 lists, in sentences of our own.

Each case is a short text and the one claim it must give (and, where the error was a claim handed to
the wrong name, the claim it must not give).
"""

import pytest

from factcheck import extract
from tests.engine.cases import PUB

STAKE = {"predicate": "stake", "unit": "%"}


def _claims(text: str) -> list[dict]:
    return [c.to_dict() for c in extract(text, published=PUB).claims]


def _has(got: list[dict], want: dict) -> bool:
    return any(all(d.get(k) == v for k, v in want.items()) for d in got)


# A company name holding a business word ("Holding", "Investments", "Partecipazioni") is one name,
# and its business word is not the claim's trigger.
BUSINESS_WORDS = [
    ("Orvelle Holding holds a 45% stake in Quillon Labs.", "Orvelle Holding", "Quillon Labs", 45),
    ("Vireo Investments owns 12% of Tamsin Robotics.", "Vireo Investments", "Tamsin Robotics", 12),
    ("Orvelle Holding hält 45 Prozent an Quillon Labs.", "Orvelle Holding", "Quillon Labs", 45),
    ("Orvelle Participations détient 45 % de Quillon Labs.", "Orvelle Participations", "Quillon Labs", 45),
    ("Orvelle Partecipazioni detiene il 45% di Quillon Labs.", "Orvelle Partecipazioni", "Quillon Labs", 45),
    ("Orvelle Participaciones posee el 45% de Quillon Labs.", "Orvelle Participaciones", "Quillon Labs", 45),
]


@pytest.mark.parametrize(("text", "holder", "held", "pct"), BUSINESS_WORDS)
def test_business_words_inside_names(text, holder, held, pct):
    got = _claims(text)
    assert _has(got, {**STAKE, "subject": holder, "object": held, "value": pct}), got


# A passive holding names the holder as its agent: "X is 45% owned by Y" is Y's stake in X.
PASSIVES = [
    "Quillon Labs is 45% owned by Orvelle Capital.",
    "Quillon Labs est détenue à 45 % par Orvelle Capital.",
    "Quillon Labs está controlada en un 45% por Orvelle Capital.",
    "Quillon Labs è controllata al 45% da Orvelle Capital.",
    "A Quillon Labs é detida em 45% pela Orvelle Capital.",
    "Quillon Labs wird zu 45 Prozent von Orvelle Capital gehalten.",
    "Quillon Labs is voor 45 procent in handen van Orvelle Capital.",
    "Quillon Labs, controllata al 45% dal fondo Orvelle Capital, ha chiuso l'anno in utile.",
]


@pytest.mark.parametrize("text", PASSIVES)
def test_passive_stakes_are_not_turned_around(text):
    got = _claims(text)
    assert _has(got, {**STAKE, "subject": "Orvelle Capital", "object": "Quillon Labs", "value": 45}), got
    assert not _has(got, {"predicate": "stake", "subject": "Quillon Labs"}), got


def test_passive_holder_of_the_company_the_sentence_is_about():
    text = "Contrôlée à 61 % par la Financière Orvelle, la société Quillon emploie 900 personnes."
    got = _claims(text)
    assert _has(got, {**STAKE, "subject": "Financière Orvelle", "object": "Quillon", "value": 61}), got


# A place is never the company whose figure is stated; a country (or region) may act as a state.
PLACES_NOT_COMPANIES = [
    ("Lisboa investiu 20 milhões de euros na Quillon.", "investment"),
    ("Köln hält 20 Prozent an Quillon.", "stake"),
    ("Quillon invested €20m in Andalusia.", "investment"),
    ("Quillon, con sede en Valencia, emplea a 900 personas.", None),
]


@pytest.mark.parametrize(("text", "predicate"), PLACES_NOT_COMPANIES)
def test_a_place_fills_no_company_slot(text, predicate):
    got = _claims(text)
    places = {"Lisboa", "Lisbon", "Köln", "Cologne", "Andalusia", "Valencia"}
    assert not any(c["subject"] in places or c["object"] in places for c in got), got


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("Denmark holds a 30% stake in Quillon Labs.", "Denmark"),
        ("Dänemark hält 30 Prozent an Quillon Labs.", "Denmark"),
        ("Portugal detém 30% da Quillon Labs.", "Portugal"),
    ],
)
def test_a_country_holds_as_a_state(text, state):
    got = _claims(text)
    assert _has(got, {**STAKE, "subject": state, "object": "Quillon Labs", "value": 30}), got


# A nationality or city adjective describes the company; it is not part of its name.
@pytest.mark.parametrize(
    "text",
    [
        "The Danish group Quillon employs 4,200 people.",
        "Der Münchner Konzern Quillon beschäftigt 4.200 Mitarbeiter.",
        "Het Vlaamse bedrijf Quillon telt 4.200 werknemers.",
        "L'azienda torinese Quillon impiega 4.200 dipendenti.",
        "A empresa paulista Quillon emprega 4.200 pessoas.",
        "El grupo vasco Quillon emplea a 4.200 personas.",
        "La société lyonnaise Quillon emploie 4 200 salariés.",
    ],
)
def test_demonyms_describe_the_company(text):
    got = _claims(text)
    assert _has(got, {"predicate": "employees", "subject": "Quillon", "value": 4200}), got


# The founder and the company named after them are two entities, told apart by what the text says.
@pytest.mark.parametrize(
    "text",
    [
        "Ottavio Brisa founded Brisa in 1990. Brisa employs 1,200 people.",
        "Ottavio Brisa ha fondato Brisa nel 1990. Brisa ha 1.200 dipendenti.",
        "1990 gründete Ottavio Brisa die Firma Brisa. Brisa beschäftigt 1.200 Mitarbeiter.",
        "Ottavio Brisa a fondé Brisa en 1990. Brisa emploie 1 200 salariés.",
        "Ottavio Brisa fundó Brisa en 1990. Brisa emplea a 1.200 personas.",
    ],
)
def test_founder_and_eponymous_company(text):
    got = _claims(text)
    assert _has(got, {"predicate": "role", "subject": "Ottavio Brisa", "object": "Brisa", "role": "founder"}), got
    assert _has(got, {"predicate": "employees", "subject": "Brisa", "value": 1200}), got


# German: names the dictionary knows as words, and names made of ordinary words, on first sight.
@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Meta hält 49 Prozent an Scale AI.", {**STAKE, "subject": "Meta", "object": "Scale AI", "value": 49}),
        (
            "Hansa Mobilfunk hält 60 Prozent an Quillon.",
            {**STAKE, "subject": "Hansa Mobilfunk", "object": "Quillon", "value": 60},
        ),
        ("Siemens beschäftigt 2.300 Mitarbeiter.", {"predicate": "employees", "subject": "Siemens", "value": 2300}),
        (
            "Beta Werke GmbH erzielte 2024 einen Umsatz von 3,5 Mrd. Euro. Beta Werke beschäftigt 1.200 Mitarbeiter.",
            {"predicate": "employees", "subject": "Beta Werke", "value": 1200},
        ),
        (
            "Eva-Maria Schulte wird Finanzvorständin von Quillon.",
            {"predicate": "role", "subject": "Eva-Maria Schulte", "object": "Quillon", "role": "CFO"},
        ),
    ],
)
def test_german_names_on_first_sight(text, want):
    got = _claims(text)
    assert _has(got, want), got


def test_an_abbreviation_in_brackets_is_the_name_it_follows():
    text = "Orvelle Holding (OVH) holds a 45% stake in Quillon Labs. OVH also owns 10% of Tamsin."
    got = _claims(text)
    assert _has(got, {**STAKE, "subject": "Orvelle Holding", "object": "Quillon Labs", "value": 45}), got
    assert _has(got, {**STAKE, "subject": "Orvelle Holding", "object": "Tamsin", "value": 10}), got
    assert not any("OVH" in (c["subject"], c["object"]) for c in got), got


def test_a_ticker_is_not_part_of_the_name():
    got = _claims("Quillon Labs QLB-B said its revenue rose to €2bn in 2024.")
    assert _has(got, {"predicate": "revenue", "subject": "Quillon Labs", "value": 2e9}), got


@pytest.mark.parametrize(
    "text",
    [
        "Finally, Quillon reported revenue of $2bn in 2024.",
        "Daarvoor had Quillon in 2024 een omzet van 2 miljard euro.",
        "Considerando i risultati, Quillon ha registrato nel 2024 ricavi per 2 miliardi di euro.",
    ],
)
def test_a_common_word_opening_a_sentence_is_not_a_company(text):
    got = _claims(text)
    assert [c["subject"] for c in got if c["predicate"] == "revenue"] == ["Quillon"], got


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Quillon compte 135\u202f000 salariés.", 135000),
        ("Quillon compte 135\u00a0000 salariés.", 135000),
        ("Quillon beschäftigt 135 000 Mitarbeiter.", 135000),
        ("Quillon emplea a 1 200 000 personas.", 1200000),
    ],
)
def test_digits_grouped_by_spaces(text, value):
    got = _claims(text)
    assert _has(got, {"predicate": "employees", "subject": "Quillon", "value": value}), got


@pytest.mark.parametrize(
    "text",
    [
        "Lanterna ha chiuso il 2024 con ricavi per 1,8 miliardi di euro.",
        "Lanterna closed 2024 with revenue of €1.8bn.",
    ],
)
def test_a_company_named_by_a_common_word_opens_its_sentence(text):
    got = _claims(text)
    assert _has(got, {"predicate": "revenue", "subject": "Lanterna", "value": 1.8e9, "time": "2024"}), got


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("Orvelle will acquire Quillon Labs.", "planned"),
        ("Orvelle a racheté la société Quillon Labs.", "asserted"),
        ("Orvelle completed the acquisition of Quillon Labs in March.", "asserted"),
        ("Orvelle kauft Quillon Labs komplett.", "asserted"),
    ],
)
def test_a_takeover_without_a_price(text, modality):
    got = _claims(text)
    want = {"predicate": "acquisition", "subject": "Orvelle", "object": "Quillon Labs", "value": None}
    assert _has(got, {**want, "modality": modality}), got


@pytest.mark.parametrize(
    "text",
    [
        "Orvelle bought shares in Quillon Labs.",
        "Orvelle bought a 20% stake in Quillon Labs.",
        "Orvelle hat nicht vor, Quillon Labs zu kaufen.",
    ],
)
def test_no_takeover_where_only_shares_are_bought_or_it_is_negated(text):
    got = _claims(text)
    assert not any(c["predicate"] == "acquisition" for c in got), got


@pytest.mark.parametrize(
    ("published", "text", "time"),
    [
        ("2023-11-20", "Quillon erzielte im ersten Halbjahr einen Umsatz von 3 Mrd. Euro.", "2023-H1"),
        ("2025-09-01", "Quillon posted H1 2025 revenue of €3bn.", "2025-H1"),
        (
            "2025-09-01",
            "Au premier semestre 2025, Quillon a réalisé un chiffre d'affaires de 3 milliards d'euros.",
            "2025-H1",
        ),
        ("2024-02-10", "Im vierten Quartal erzielte Quillon einen Umsatz von 3 Mrd. Euro.", "2023-Q4"),
        ("2023-11-20", "Im dritten Quartal erzielte Quillon einen Umsatz von 3 Mrd. Euro.", "2023-Q3"),
        ("2023-05-02", "Nel primo trimestre Quillon ha registrato ricavi per 2 miliardi di euro.", "2023-Q1"),
        ("2025-09-01", "Q3 revenue at Quillon rose to €3bn.", "2025-Q3"),
    ],
)
def test_quarters_and_halves_resolved_against_the_publication_date(published, text, time):
    import datetime as dt

    got = [c.to_dict() for c in extract(text, published=dt.date.fromisoformat(published)).claims]
    assert _has(got, {"predicate": "revenue", "subject": "Quillon", "time": time}), got


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Maria van der Berg wordt de nieuwe CEO van Quillon.", "Maria van der Berg"),
        ("Jan-Willem de Graaf wordt CEO van Quillon.", "Jan-Willem de Graaf"),
        ("Pieter-Jan Verhaeghe van Scheldekracht wordt CEO van Quillon.", "Pieter-Jan Verhaeghe"),
    ],
)
def test_particles_and_compound_first_names(text, person):
    got = _claims(text)
    assert _has(got, {"predicate": "role", "subject": person, "object": "Quillon", "role": "CEO"}), got


@pytest.mark.parametrize(
    ("text", "person", "role"),
    [
        (
            "Quillon Payments has appointed Rory McAlister-Dunn as chief financial officer.",
            "Rory McAlister-Dunn",
            "CFO",
        ),
        ("Margaret O'Donnell-Shaw is the chief executive of Quillon Payments.", "Margaret O'Donnell-Shaw", "CEO"),
        ("Katrin Oberländer-Weiß wird Finanzvorständin von Quillon Payments.", "Katrin Oberländer-Weiß", "CFO"),
    ],
)
def test_surnames_with_prefixes_and_double_surnames(text, person, role):
    got = _claims(text)
    assert _has(got, {"predicate": "role", "subject": person, "object": "Quillon Payments", "role": role}), got
    assert not any(c["subject"] == "Quillon Payments" for c in got if c["predicate"] == "role"), got


@pytest.mark.parametrize(
    "text",
    [
        "Arlindo Vaz é o presidente do Senado desde 2023.",
        "Jeanne Morel, présidente de l'Assemblée nationale, a reçu Quillon.",
        "Quillon-Chefin Anna Weiß sprach vor dem Bundestag.",
    ],
)
def test_institutions_hold_no_company_role(text):
    got = _claims(text)
    assert not any(c["object"] in ("Senado", "Assemblée", "Bundestag") for c in got), got


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("Quillons 12.500 Beschäftigte erhalten eine Prämie.", "Quillon"),
        ("Hansa Mobilfunks 1.200 Beschäftigte erhalten eine Prämie.", "Hansa Mobilfunk"),
        ("Siemens 1.200 Beschäftigte erhalten eine Prämie.", "Siemens"),
    ],
)
def test_german_genitive_before_a_figure(text, company):
    got = _claims(text)
    assert [c["subject"] for c in got if c["predicate"] == "employees"] == [company], got


@pytest.mark.parametrize(
    "text",
    [
        "Orvelle has completed the takeover of Quillon Labs. Orvelle paid €600m for the business.",
        "Orvelle hat die Übernahme von Quillon Labs abgeschlossen. Orvelle zahlte dafür 600 Millionen Euro.",
        "Orvelle ha cerrado la compra de Quillon Labs. Orvelle pagó 600 millones de euros por la operación.",
        "Orvelle heeft de overname van Quillon Labs afgerond. Orvelle betaalde er 600 miljoen euro voor.",
    ],
)
def test_a_takeovers_price_in_the_next_sentence(text):
    got = _claims(text)
    want = {"predicate": "acquisition", "subject": "Orvelle", "object": "Quillon Labs", "value": 6e8, "unit": "EUR"}
    assert _has(got, want), got
    assert not any(c["predicate"] == "payment" for c in got), got


def test_a_surname_then_an_adverb_then_the_title():
    text = "Sarah Whitfield founded Quillon Labs in Leeds in 2024. Whitfield still runs the company as chief executive."
    got = _claims(text)
    assert _has(got, {"predicate": "role", "subject": "Sarah Whitfield", "object": "Quillon Labs", "role": "CEO"}), got


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a perfect or modal, the participle last: the buyer, the auxiliary, the company bought
        ("Trelvo hat Quillon Labs übernommen.", {"predicate": "acquisition", "subject": "Trelvo"}),
        ("Trelvo hat die Firma Quillon Labs gekauft.", {"predicate": "acquisition", "subject": "Trelvo"}),
        ("Trelvo heeft Quillon Labs overgenomen.", {"predicate": "acquisition", "subject": "Trelvo"}),
        # a company named with a dictionary word opening the sentence before its verb
        ("Siemens hat Quillon Labs übernommen.", {"predicate": "acquisition", "subject": "Siemens"}),
        ("Allianz erzielte 2024 einen Umsatz von 161 Milliarden Euro.", {"predicate": "revenue", "subject": "Allianz"}),
        ("Bosch hat 2024 einen Umsatz von 90 Milliarden Euro erzielt.", {"predicate": "revenue", "subject": "Bosch"}),
    ],
)
def test_german_and_dutch_perfects_and_bare_company_names(text, want):
    got = _claims(text)
    assert _has(got, want), got
    if want["predicate"] == "acquisition":
        assert _has(got, {**want, "object": "Quillon Labs"}), got


def test_buying_shares_in_a_company_is_not_buying_the_company():
    got = _claims("Trelvo hat Anteile an Quillon Labs gekauft.")
    assert not any(c["predicate"] == "acquisition" for c in got), got


# Initials in brackets vouch for every word of the name before them, the first word too, even where it
# is an adjective, a nationality or a sentence's ordinary first word; the abbreviation never replaces it.
SPELLED_OUT = [
    ("Danish Wind Partners (DWP) reported revenue of DKK 2bn in 2024.", "Danish Wind Partners", "revenue"),
    (
        "Alimentare Tessari Holding (ATH) ha chiuso il 2024 con ricavi per 1,9 miliardi di euro.",
        "Alimentare Tessari Holding",
        "revenue",
    ),
    (
        "Die Deutsche Glasfaser Holding (DGH) hat 2024 einen Umsatz von 1,2 Milliarden Euro erzielt.",
        "Deutsche Glasfaser Holding",
        "revenue",
    ),
    ("Nordic Quillon Group (NQG) employed 4,200 people at the end of 2024.", "Nordic Quillon Group", "employees"),
]


@pytest.mark.parametrize(("text", "name", "predicate"), SPELLED_OUT)
def test_the_initials_in_brackets_keep_the_whole_name(text, name, predicate):
    got = _claims(text)
    assert _has(got, {"predicate": predicate, "subject": name}), got
    assert not any(len(c["subject"]) <= 4 for c in got), got


# An elided particle ("Dell'", "D'", "O'") is part of a person's name, written without a space after it.
ELIDED = [
    ("Venturi Energia ha nominato Maria Chiara Dell'Acqua amministratore delegato.", "Maria Chiara Dell'Acqua"),
    ("Venturi Energia ha nominato Pierluigi D’Amico amministratore delegato.", "Pierluigi D’Amico"),
    ("Orvane Labs named Sean O'Neill chief executive.", "Sean O'Neill"),
    ("Orvane a nommé Jean-Luc D'Ornano directeur général.", "Jean-Luc D'Ornano"),
]


@pytest.mark.parametrize(("text", "person"), ELIDED)
def test_names_with_an_elided_particle_are_people(text, person):
    got = _claims(text)
    assert _has(got, {"predicate": "role", "subject": person, "role": "CEO"}), got
