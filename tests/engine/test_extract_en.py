"""English: every predicate, in sentences of our own (invented companies and people)."""

import datetime as dt

from tests.engine.conftest import find

PUB = dt.date(2025, 6, 15)


def test_stake_and_investment(run):
    ex = run("Corvane agreed to take a 30% stake in the Lisbon start-up Tidewell for $2.1bn.", "en")
    assert find(ex.claims, predicate="stake", subject="Corvane", object="Tidewell", value=30, unit="%")
    assert find(ex.claims, predicate="investment", subject="Corvane", object="Tidewell", value=2.1e9, unit="USD")


def test_stake_from_possessive_owner(run):
    text = "Tidewell's largest shareholder, the pension fund Arlo Partners, owns 18.5% of the company."
    ex = run(text, "en")
    assert find(ex.claims, predicate="stake", subject="Arlo Partners", object="Tidewell", value=18.5)


def test_acquisition(run):
    ex = run("The logistics group Hallmark Freight has agreed to buy Corvane for €640m in cash.", "en")
    assert find(ex.claims, predicate="acquisition", subject="Hallmark Freight", object="Corvane", value=640e6)


def test_valuation_at_least(run):
    ex = run("The round values Tidewell at more than $4bn, people close to the deal said.", "en")
    (c,) = find(ex.claims, predicate="valuation", subject="Tidewell")
    assert (c["value"], c["qualifier"], c["modality"]) == (4e9, "at_least", "reported")


def test_revenue_and_loss_with_relative_year(run):
    text = (
        "Corvane makes industrial sensors.\n"
        "The company swung to a net loss of £21m last year, even as revenue climbed 9% to £455m."
    )
    ex = run(text, "en", PUB)
    assert find(ex.claims, predicate="profit", subject="Corvane", value=-21e6, unit="GBP", time="2024")
    assert find(ex.claims, predicate="revenue", subject="Corvane", value=455e6, unit="GBP", time="2024")
    assert not find(ex.claims, unit="%")


def test_quarterly_profit(run):
    ex = run("Tidewell posted a net profit of $88m in the second quarter of 2025.", "en", PUB)
    assert find(ex.claims, predicate="profit", subject="Tidewell", value=88e6, time="2025-Q2")


def test_payment_per_year_planned(run):
    text = "Corvane had planned to pay Tidewell roughly $40m a year for cloud capacity, according to two people."
    ex = run(text, "en")
    (c,) = find(ex.claims, predicate="payment", subject="Corvane", object="Tidewell")
    assert (c["value"], c["period"], c["qualifier"], c["modality"]) == (40e6, "year", "approx", "planned")


def test_employees_and_users(run):
    ex = run("Tidewell, which employs about 3,200 people, has 14 million monthly active users.", "en")
    (e,) = find(ex.claims, predicate="employees", subject="Tidewell")
    assert (e["value"], e["qualifier"]) == (3200, "approx")
    (u,) = find(ex.claims, predicate="users", subject="Tidewell")
    assert (u["value"], u["period"]) == (14e6, "month")


def test_role_apposition_and_joins(run):
    text = "The deal also brings Tidewell's co-founder and chief executive, Priya Ramanathan, to Corvane."
    ex = run(text, "en")
    assert find(ex.claims, predicate="role", subject="Priya Ramanathan", object="Tidewell", role="CEO")
    assert find(ex.claims, predicate="role", subject="Priya Ramanathan", object="Tidewell", role="founder")
    assert find(ex.claims, predicate="joins", subject="Priya Ramanathan", object="Corvane")


def test_role_after_name_and_planned_join(run):
    text = "Oskar Lindqvist, Corvane's chief financial officer, is expected to join Hallmark Freight next spring."
    ex = run(text, "en")
    assert find(ex.claims, predicate="role", subject="Oskar Lindqvist", object="Corvane", role="CFO")
    (j,) = find(ex.claims, predicate="joins", subject="Oskar Lindqvist", object="Hallmark Freight")
    assert j["modality"] == "planned"


def test_forecast(run):
    ex = run("Tidewell expects revenue of about $1.2bn for 2026.", "en", PUB)
    (c,) = find(ex.claims, predicate="revenue", subject="Tidewell")
    assert (c["modality"], c["qualifier"], c["time"]) == ("forecast", "approx", "2026")


def test_distractors_are_left_alone(run):
    text = (
        "Corvane shares rose 3.1% to $48.20 in early trading, and the index added 0.4%. "
        "Analysts lifted their price target to $60. The 57-year-old has run the firm for 12 years."
    )
    assert run(text, "en").claims == []


def test_incomplete_claim(run):
    ex = run("Tidewell, whose headcount stands at , was founded in 2011.", "en")
    assert find(ex.incomplete, predicate="employees", subject="Tidewell")


def test_single_investor_round_is_an_investment(run):
    ex = run("Tidewell has raised $150m from the sovereign fund Marlow Capital.", "en")
    assert find(ex.claims, predicate="investment", subject="Marlow Capital", object="Tidewell", value=150e6)
