"""Whose figure, and of when: time carried between sentences, comparisons, datelines, town adjectives.

Sentences of our own; each case names the claim it must give and, where the error was a figure handed
to the wrong time or name, the claim it must not give.
"""

import datetime as dt

import pytest

from factcheck import extract

AUGUST = dt.date(2025, 8, 7)
MAY = dt.date(2025, 5, 8)


def _claims(text: str, published: dt.date = AUGUST) -> list[dict]:
    return [c.to_dict() for c in extract(text, published=published).claims]


def _has(got: list[dict], **want) -> bool:
    return any(all(d.get(k) == v for k, v in want.items()) for d in got)


# A quarter named in a sentence without a figure is the time of the figures in the next one; "a year
# earlier" beside a figure is that quarter a year before.
CARRIED = [
    (
        "Die Kessler Energie AG ist im zweiten Quartal in die Verlustzone gerutscht. Unter dem Strich stand ein "
        "Fehlbetrag von 48,6 Millionen Euro, nach einem Gewinn von 102,3 Millionen Euro ein Jahr zuvor.",
        [(-48_600_000, "2025-Q2"), (102_300_000, "2024-Q2")],
    ),
    (
        "Orvane Foods had a difficult second quarter. Its net profit fell to €12m from €19m a year earlier.",
        [(12_000_000, "2025-Q2"), (19_000_000, "2024-Q2")],
    ),
]


@pytest.mark.parametrize(("text", "figures"), CARRIED)
def test_a_quarter_named_before_the_figures_is_their_time(text, figures):
    got = _claims(text)
    for value, time in figures:
        assert _has(got, predicate="profit", value=value, time=time), got


def test_a_deadline_in_a_later_quarter_is_not_the_time_of_last_years_figures():
    text = (
        "Il closing è atteso entro il quarto trimestre. Velmari, che l'anno scorso ha registrato ricavi per "
        "41 milioni di euro, conta 260 dipendenti."
    )
    got = _claims(text, MAY)
    assert _has(got, predicate="revenue", value=41_000_000, time="2024"), got


# The time after "compared with", "rispetto a", "gegenüber" belongs to the figure compared with.
COMPARED = [
    (
        "it",
        "Tessari Industrie ha chiuso il primo trimestre con ricavi per 612,4 milioni di euro, in aumento del 4,3% "
        "rispetto allo stesso periodo del 2024, e un utile netto di 41,2 milioni.",
        ("profit", 41_200_000, "2025-Q1"),
    ),
    ("en", "Orvane's revenue was €2bn in 2024, compared with €1.8bn in 2023.", ("revenue", 1_800_000_000, "2023")),
]


@pytest.mark.parametrize(("lang", "text", "want"), COMPARED)
def test_a_comparisons_time_stays_inside_the_comparison(lang, text, want):
    predicate, value, time = want
    got = _claims(text, MAY)
    assert _has(got, predicate=predicate, value=value, time=time), got


# "MILANO (ANSA) -": where and from whom the story came; the agency is no company of the story.
DATELINES = [
    "MILANO (ANSA) - Tessari Industrie ha chiuso il 2024 con ricavi per 2,5 miliardi di euro.",
    "FRANKFURT (dpa-AFX) - Die Kessler Energie AG hat 2024 einen Umsatz von 2,5 Milliarden Euro erzielt.",
    "MADRID (EFE).- Tessari Industrie facturó 2.500 millones de euros en 2024.",
]


@pytest.mark.parametrize("text", DATELINES)
def test_the_agency_of_a_dateline_is_no_company(text):
    got = _claims(text)
    assert got and all(c["subject"] not in ("ANSA", "dpa-AFX", "dpa", "EFE", "MILANO", "FRANKFURT") for c in got), got
    assert _has(got, predicate="revenue", value=2_500_000_000, time="2024"), got


@pytest.mark.parametrize(
    ("text", "adjective", "want"),
    [
        (
            "Der Bielefelder Maschinenbauer Haverbeck hält 72 Prozent an der Kranwerk GmbH.",
            "Bielefelder",
            {"predicate": "stake", "subject": "Haverbeck", "object": "Kranwerk", "value": 72},
        ),
        (
            "Das Ingolstädter Unternehmen Voltano beschäftigt 1.200 Mitarbeiter.",
            "Ingolstädter",
            {"predicate": "employees", "subject": "Voltano", "value": 1200},
        ),
    ],
)
def test_an_adjective_of_any_town_is_where_a_company_is_from(text, adjective, want):
    got = _claims(text)
    assert not any(adjective in (c["subject"], c["object"]) for c in got), got
    assert _has(got, **want), got


# Every founder in "founded by A and B" is a person; the company founded is named elsewhere.
COFOUNDERS = [
    "Fondée en 2017 par la chercheuse Hélène Marchal et par l'ingénieur Karim Benhadj, la société Genoval "
    "compte 140 salariés.",
    "Founded in 2017 by the chemist Hélène Marchal and the engineer Karim Benhadj, the company Genoval employs "
    "140 people.",
]


@pytest.mark.parametrize("text", COFOUNDERS)
def test_every_cofounder_is_a_founder_of_the_company(text):
    got = _claims(text)
    for person in ("Hélène Marchal", "Karim Benhadj"):
        assert _has(got, predicate="role", subject=person, object="Genoval", role="founder"), got
    assert not any("Karim Benhadj" in (c["object"], c["subject"]) and c["predicate"] != "role" for c in got), got
    assert _has(got, predicate="employees", subject="Genoval", value=140), got


def test_a_founder_named_like_his_company_holds_no_revenue():
    text = (
        "Ferrandi S.p.A. è stata fondata da Gianluca Ferrandi, che ne è tuttora presidente. "
        "Gianluca Ferrandi ha chiuso il 2024 con ricavi per 300 milioni di euro, secondo i dati del gruppo."
    )
    got = _claims(text)
    assert not any(c["subject"] == "Gianluca Ferrandi" and c["predicate"] == "revenue" for c in got), got


def test_a_company_whose_name_starts_like_a_first_name_keeps_its_figures():
    got = _claims("Nova Terra made a net profit of 250 million pounds in 2023.")
    assert _has(got, predicate="profit", subject="Nova Terra", value=250_000_000, time="2023"), got


@pytest.mark.parametrize("ticker", ["HVN.L", "ITPV3"])
def test_a_ticker_is_not_the_companys_name(ticker):
    got = _claims(f"{ticker} reported a net profit of €12m in 2024, the company said.")
    assert not any(ticker in (c["subject"], c["object"]) for c in got), got


def test_a_title_is_not_held_at_a_persons_name():
    got = _claims(
        "Albert Pemberton opened his first shop in Bradford in 1952. Callum Reid became chief executive in March."
    )
    assert not any(c["object"] == "Albert Pemberton" for c in got), got


def test_a_company_named_like_a_person_still_hires():
    got = _claims("Nova Terra has hired Sarah Whitfield from Philips.")
    assert _has(got, predicate="joins", subject="Sarah Whitfield", object="Nova Terra"), got


# A stake sold to a buyer is the buyer's stake, and the price is the buyer's investment, in the company
# named with the stake or else in the seller.
SALES = [
    (
        "La tessitura comasca Velani S.p.A. ha ceduto il 40% del capitale al fondo torinese Ardea Partners per "
        "90 milioni di euro.",
        "Ardea Partners",
        "Velani",
    ),
    (
        "Harrowgate plc said it had sold its 25% stake in Kilbride Foods to Corran Capital for £60 million.",
        "Corran Capital",
        "Kilbride Foods",
    ),
    (
        "La cordobesa Olivar Sur ha vendido el 30 % de su capital al fondo francés Lumen Infra por 45 millones "
        "de euros.",
        "Lumen Infra",
        "Olivar Sur",
    ),
    (
        "A Têxtil Lousada vendeu 20% do capital à sociedade portuense Douro Capital por 8 milhões de euros.",
        "Douro Capital",
        "Têxtil Lousada",
    ),
]


@pytest.mark.parametrize(("text", "buyer", "company"), SALES)
def test_a_stake_sold_is_held_by_the_buyer(text, buyer, company):
    got = _claims(text)
    assert _has(got, predicate="stake", subject=buyer, object=company), got
    assert _has(got, predicate="investment", subject=buyer, object=company), got
    assert not _has(got, predicate="stake", object=buyer), got


def test_a_stake_held_beside_a_sale_of_something_else_stays_with_its_holder():
    got = _claims("Harrowgate holds 25% of Kilbride Foods and sold its bakery unit to Corran Capital.")
    assert _has(got, predicate="stake", subject="Harrowgate", object="Kilbride Foods", value=25), got
    assert not _has(got, subject="Corran Capital"), got


# Founders named inside a verb-final clause or after a plural "by the engineers", and a list of founders
# that ends where the main clause's subject begins.
FOUNDERS = [
    (
        "Die Senfmühle Brandl wurde 1921 von Alois Brandl und Theresia Huber gegründet und beschäftigt 80 Mitarbeiter.",
        "Senfmühle Brandl",
        ("Alois Brandl", "Theresia Huber"),
    ),
    ("Koelvast, dat in 2012 door Pieter Jansen werd opgericht, heeft 60 werknemers.", "Koelvast", ("Pieter Jansen",)),
    (
        "Fundada em 2016 pelos engenheiros Rita Campos e Tiago Barros, a Lusovolt tem hoje 90 funcionários.",
        "Lusovolt",
        ("Rita Campos", "Tiago Barros"),
    ),
]


@pytest.mark.parametrize(("text", "company", "founders"), FOUNDERS)
def test_founders_of_every_shape(text, company, founders):
    got = _claims(text)
    for person in founders:
        assert _has(got, predicate="role", subject=person, object=company, role="founder"), got
    assert _has(got, predicate="employees", subject=company), got
    assert not _has(got, predicate="employees", subject=founders[-1]), got


# Someone stepping down holds the office until then; the name right before "President" is where.
def test_the_one_stepping_down_holds_the_office():
    got = _claims("Corran Capital said Moira Dunleavy would step down as chief financial officer in June.")
    assert _has(got, predicate="role", subject="Moira Dunleavy", object="Corran Capital", role="CFO"), got
    got = _claims("Tobias Wendt tritt zum Jahresende als Finanzvorstand der Halvex AG zurück.")
    assert _has(got, predicate="role", subject="Tobias Wendt", object="Halvex", role="CFO"), got


def test_a_company_name_before_president_is_where_the_title_is_held():
    got = _claims("“Demand is holding up,” Kilbride Foods President Aidan Moore said on Tuesday.")
    assert _has(got, predicate="role", subject="Aidan Moore", object="Kilbride Foods", role="president"), got
    got = _claims("French President Emmanuel Macron visited the Kilbride Foods plant.")
    assert not _has(got, predicate="role"), got


# A town of the article's country, never given an article or a company noun, is the town; a company
# named after its founder with a legal form is the company, not the founder.
def test_a_town_is_not_the_company_the_next_sentence_talks_about():
    text = (
        "La biscuiterie Morvel, installée sur le port de Concarneau, va investir 5 millions d'euros dans une "
        "nouvelle ligne.\nL'entreprise familiale, qui emploie 120 salariés, a réalisé un chiffre d'affaires de "
        "30 millions d'euros l'an dernier."
    )
    got = _claims(text)
    assert _has(got, predicate="employees", subject="Morvel", value=120), got
    assert not _has(got, subject="Concarneau"), got
    assert not _has(got, object="Concarneau"), got


def test_the_company_with_a_legal_form_is_not_its_eponymous_founder():
    text = (
        "L'azienda bresciana Gavardi S.p.A., fondata nel 1961 da Ettore Gavardi, produce valvole.\n"
        "Gavardi ha 600 dipendenti e ha chiuso il 2024 con ricavi per 150 milioni di euro."
    )
    got = _claims(text)
    assert _has(got, predicate="role", subject="Ettore Gavardi", object="Gavardi", role="founder"), got
    assert _has(got, predicate="employees", subject="Gavardi", value=600), got
    assert _has(got, predicate="revenue", subject="Gavardi", value=150_000_000), got


# "The company" several sentences on is what the headline and the lead were about, not the last
# organisation named in passing.
def test_the_company_is_what_the_lead_is_about():
    text = (
        "Harrowfield Dairies opens a new plant in Carlisle\n"
        "Harrowfield Dairies will open a cheese plant in Carlisle next year, it said on Monday.\n"
        "The plant will use milk from farms that also supply Arla and Müller.\n"
        "The company employs 900 people and had revenue of £210m last year."
    )
    got = _claims(text)
    assert _has(got, predicate="employees", subject="Harrowfield Dairies", value=900), got
    assert _has(got, predicate="revenue", subject="Harrowfield Dairies", value=210_000_000), got


# A short form is the company introduced in full before: a trade word dropped ("Transports Olivaud" ...
# "Olivaud"), a last word dropped ("Vale do Sinos Calçados" ... "Vale do Sinos"); but a name that a
# sentence sets beside the longer one is another company ("EDP" and "EDP Renováveis").
SHORT_FORMS = [
    (
        "Le transporteur girondin Transports Berlaud SAS rachète un concurrent.\nBerlaud, qui exploite 300 "
        "camions, a réalisé en 2024 un chiffre d'affaires de 51 millions d'euros.",
        "revenue",
        "Transports Berlaud",
    ),
    (
        "A Serra do Lume Calçados Ltda anunciou a compra de uma fábrica.\nA Serra do Lume emprega 2.300 pessoas.",
        "employees",
        "Serra do Lume Calçados",
    ),
]


@pytest.mark.parametrize(("text", "predicate", "company"), SHORT_FORMS)
def test_a_short_form_is_the_company_named_in_full(text, predicate, company):
    got = _claims(text)
    assert _has(got, predicate=predicate, subject=company), got


def test_two_names_one_sentence_sets_apart_are_two_companies():
    text = (
        "A Lumenor lucrou 300 milhões de euros em 2024.\nA Lumenor detém 70 % da Lumenor Solar, cotada em Lisboa.\n"
        "A Lumenor emprega 4.000 pessoas."
    )
    got = _claims(text)
    assert _has(got, predicate="stake", subject="Lumenor", object="Lumenor Solar", value=70), got
    assert _has(got, predicate="employees", subject="Lumenor", value=4000), got
    assert not _has(got, subject="Lumenor Solar"), got


# A company named inside a quotation is not where the speaker quoted after it holds a title; what is held
# is never a person's name resolved from "the company".
def test_a_company_inside_a_quotation_is_not_the_speakers_employer():
    text = (
        "Vetrerie Solari S.r.l. apre un negozio a Dubai.\n"
        "«Portiamo il vetro di Murano e i vasi di Lenora Design nei grandi alberghi», ha spiegato Giulia Solari, "
        "amministratrice delegata."
    )
    got = _claims(text)
    assert not _has(got, predicate="role", object="Lenora Design"), got
    assert _has(got, predicate="role", subject="Giulia Solari", object="Vetrerie Solari", role="CEO"), got


def test_what_is_held_is_not_a_persons_name():
    text = (
        "Verdane Textiles SAS lance une nouvelle usine.\nJulien Fabregat, le directeur de l'usine, a présenté le "
        "projet.\nLe fonds lyonnais Confluence Capital détient 35 % de la société depuis 2020."
    )
    got = _claims(text)
    assert not _has(got, object="Julien Fabregat"), got


# A company's name, a title and a person's name: the company is whose title it is. A capitalised
# adjective of a German name is part of it ("die Deutsche Bank").
def test_a_company_then_a_title_then_a_person():
    got = _claims("Morvane Lindqvist Chief Executive Bernd Aalto said on Tuesday the deal was closed.")
    assert _has(got, predicate="role", subject="Bernd Aalto", object="Morvane Lindqvist", role="CEO"), got


def test_a_german_name_opened_by_a_capitalised_adjective():
    got = _claims("Die Deutsche Bank beschäftigt rund 90.000 Mitarbeiter.")
    assert _has(got, predicate="employees", subject="Deutsche Bank", value=90_000), got


# After a first name, the particles of a surname in any of our languages belong to it, German's "von"
# included; elsewhere "von" is "of".
@pytest.mark.parametrize(
    "text",
    [
        "Die Nordmark Versicherung AG hat Ursula von der Tann zur Finanzvorständin berufen.",
        "Die Nordmark Versicherung AG hat Jens-Peter von Alvensleben zum Finanzvorstand berufen.",
    ],
)
def test_a_first_name_keeps_the_particles_of_its_surname(text):
    got = _claims(text)
    person = "Ursula von der Tann" if "Ursula" in text else "Jens-Peter von Alvensleben"
    assert _has(got, predicate="role", subject=person, object="Nordmark Versicherung", role="CFO"), got


def test_von_between_nouns_is_of():
    got = _claims("Der Umsatz von Nordmark Versicherung stieg 2024 auf 3 Milliarden Euro.")
    assert not _has(got, subject="Umsatz von Nordmark Versicherung"), got


# A market share is no stake in anything.
@pytest.mark.parametrize(
    "text",
    [
        "Zentavo ha una quota di mercato del 19,9% in Europa.",
        "Zentavo détient une part de marché de 20 % en Europe.",
        "Zentavo tiene una cuota de mercado del 20 % en Europa.",
        "A Zentavo tem uma quota de mercado de 20% na Europa.",
        "Zentavo heeft een marktaandeel van 20 procent in Europa.",
        "Zentavo has a 20% market share in Europe.",
    ],
)
def test_a_market_share_is_no_stake(text):
    assert not _has(_claims(text), predicate="stake")
