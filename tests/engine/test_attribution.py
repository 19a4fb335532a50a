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
