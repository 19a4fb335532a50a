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


def test_a_stake_price_does_not_leak_into_the_next_clause(run):
    text = "Halvex bought a 20% stake in Orrin for $80m, and Corvane plans to pay Orrin $5m a year."
    ex = run(text, "en")
    assert find(ex.claims, predicate="investment", subject="Halvex", object="Orrin", value=80e6)
    (p,) = find(ex.claims, predicate="payment")
    assert (p["subject"], p["object"], p["value"], p["period"]) == ("Corvane", "Orrin", 5e6, "year")


def test_short_text_language_is_detected(run):
    ex = run("Orvane owns 20% of Kelpie Systems.", None)
    assert ex.lang == "en"
    assert find(ex.claims, predicate="stake", subject="Orvane", object="Kelpie Systems", value=20)


def test_quarter_written_as_a_letter_and_number(run):
    ex = run("Tidewell posted revenue of $88m in Q2 2025.", "en", PUB)
    assert find(ex.claims, predicate="revenue", subject="Tidewell", value=88e6, time="2025-Q2")


def test_parenthetical_conversion_is_not_a_second_figure(run):
    ex = run("Tidewell's revenue rose to $120m (€110m) in 2024.", "en", PUB)
    assert [c.unit for c in ex.claims if c.predicate == "revenue"] == ["USD"]


def test_entities_report_kinds(run):
    ex = run("Tidewell chief executive Priya Ramanathan said Tidewell employs 900 people.", "en")
    assert ex.entities.get("Tidewell") == "organisation"
    assert ex.entities.get("Priya Ramanathan") == "person"


def test_subject_outside_a_relative_clause(run):
    text = "Kestrel Partners, which already owns 12% of Brightvale, will invest another $60m in the company."
    ex = run(text, "en")
    assert find(ex.claims, predicate="stake", subject="Kestrel Partners", object="Brightvale", value=12)
    (c,) = find(ex.claims, predicate="investment")
    assert (c["subject"], c["object"], c["value"], c["modality"]) == ("Kestrel Partners", "Brightvale", 60e6, "planned")


def test_a_potential_successor_is_no_change_of_office(run):
    text = (
        "Tidewell chief executive Priya Ramanathan praised the deal.\n"
        "Analysts see Oskar Lindqvist as a potential successor to Priya Ramanathan."
    )
    ex = run(text, "en")
    assert not find(ex.claims, predicate="joins")
    assert not find(ex.claims, subject="Oskar Lindqvist")


def test_successor_takes_the_office(run):
    text = (
        "Corvane's chief executive, Daniel Okoro, will step down in June.\n"
        "He will be replaced by Mira Halvorsen, currently finance chief of Tidewell."
    )
    ex = run(text, "en")
    assert find(ex.claims, predicate="role", subject="Daniel Okoro", object="Corvane", role="CEO")
    assert find(ex.claims, predicate="role", subject="Mira Halvorsen", object="Corvane", role="CEO", modality="planned")
    assert find(ex.claims, predicate="joins", subject="Mira Halvorsen", object="Corvane", modality="planned")
    assert find(ex.claims, predicate="role", subject="Mira Halvorsen", object="Tidewell", role="CFO")


def test_based_names_a_place_not_a_subject(run):
    text = "Corvane bought Tidewell.\nThe Lisbon-based company employs 640 people."
    ex = run(text, "en")
    assert find(ex.claims, predicate="employees", subject="Tidewell", value=640)


def test_passive_acquisition(run):
    ex = run("Orrin Systems will be bought by Halvex for $2.4bn.", "en")
    (c,) = find(ex.claims, predicate="acquisition")
    assert (c["subject"], c["object"], c["value"], c["modality"]) == ("Halvex", "Orrin Systems", 2.4e9, "planned")


def test_deal_worth_is_the_acquisition_price(run):
    ex = run("Halvex has agreed to acquire Orrin Systems in a deal worth $2.4bn.", "en")
    assert [(c.predicate, c.subject, c.object, c.value) for c in ex.claims] == [
        ("acquisition", "Halvex", "Orrin Systems", 2.4e9)
    ]


def test_appointment_gives_a_future_office(run):
    ex = run("Orrin has hired former Halvex executive Sofia Brandt as its finance chief.", "en")
    assert find(ex.claims, predicate="role", subject="Sofia Brandt", object="Orrin", role="CFO", modality="planned")
    assert find(ex.claims, predicate="joins", subject="Sofia Brandt", object="Orrin")


def test_will_become(run):
    ex = run("Sofia Brandt, who co-founded Halvex, will become chief technology officer of Orrin.", "en")
    assert find(ex.claims, predicate="role", subject="Sofia Brandt", object="Orrin", role="CTO", modality="planned")


def test_implied_subject_is_not_the_agreements_partner(run):
    text = (
        "Mirelle Foods agreed a supply deal with Granton Farms on Monday. "
        "The company's revenue rose to €1.9bn last year."
    )
    ex = run(text, "en", PUB)
    assert find(ex.claims, predicate="revenue", subject="Mirelle Foods", value=1.9e9, time="2024")
    assert not find(ex.claims, subject="Granton Farms")


def test_implied_subject_outside_a_relative_clause(run):
    text = (
        "Brennic Steel cut its outlook. The group, which is advised by Castellan Bank, expects revenue of about £3.4bn."
    )
    ex = run(text, "en")
    assert find(ex.claims, predicate="revenue", subject="Brennic Steel", value=3.4e9, modality="forecast")
    assert not find(ex.claims, subject="Castellan Bank")


def test_political_titles_are_not_company_roles(run):
    text = "Chancellor Markus Weller toured the plant with Ana Pires, chief executive of Trivon Chemicals."
    ex = run(text, "en")
    assert find(ex.claims, predicate="role", subject="Ana Pires", object="Trivon Chemicals", role="CEO")
    assert not find(ex.claims, subject="Markus Weller") and not find(ex.claims, object="Markus Weller")
    ex = run("Minister-president Karl Dorn said Westbrook Chemicals would build a plant.", "en")
    assert ex.claims == []


def test_order_value_is_a_payment_not_a_valuation(run):
    ex = run("Ostra Mobility won an order worth $2bn from Teller Rail.", "en")
    assert find(ex.claims, predicate="payment", subject="Teller Rail", object="Ostra Mobility", value=2e9)
    assert not find(ex.claims, predicate="valuation")
    ex = run("Kessel Systems signed a contract valued at €450m with Arvik Defence.", "en")
    assert not find(ex.claims, predicate="valuation")


def test_payment_told_from_the_payees_side(run):
    ex = run("Kelvara received $5m in licence fees from Dunmore Pharma last year.", "en")
    assert find(ex.claims, predicate="payment", subject="Dunmore Pharma", object="Kelvara", value=5e6)
    assert not find(ex.claims, predicate="investment")
    ex = run("Brightline Media will be paid £12m a year by Corlan Sports for the rights.", "en")
    assert find(ex.claims, predicate="payment", subject="Corlan Sports", object="Brightline Media", period="year")


def test_succession_names_the_office(run):
    ex = run("Maria Chen succeeds Tom Averill as chief executive of Quillon Foods in September.", "en")
    assert find(
        ex.claims, predicate="role", subject="Maria Chen", object="Quillon Foods", role="CEO", modality="planned"
    )
    assert not find(ex.claims, subject="Tom Averill")
    text = "Tom Averill will step down as chief executive of Quillon Foods. He will be replaced by Maria Chen."
    ex = run(text, "en")
    assert find(ex.claims, predicate="role", subject="Maria Chen", object="Quillon Foods", role="CEO")
    # the one stepping down holds the office until then
    assert find(ex.claims, subject="Tom Averill", predicate="role", object="Quillon Foods", role="CEO")


def test_role_after_a_copula_and_an_age(run):
    ex = run("Paula Tessaro, 54, has been chief financial officer of Hollin Brands since 2019.", "en")
    assert find(ex.claims, predicate="role", subject="Paula Tessaro", object="Hollin Brands", role="CFO")
    assert not find(ex.claims, predicate="employees")
    ex = run("Maria Chen succeeds Tom Averill as chief executive of Quillon Foods.", "en")
    assert not find(ex.claims, subject="Tom Averill")


def test_layoffs_and_hires_are_not_headcount(run):
    ex = run(
        "Sable Grid, which employs roughly 2,400 people, said it would cut 300 staff and hire 50 new engineers.", "en"
    )
    (c,) = find(ex.claims, predicate="employees")
    assert (c["subject"], c["value"], c["modality"]) == ("Sable Grid", 2400, "reported")
    assert run("Hollin Brands laid off 250 workers in March.", "en").claims == []


def test_denial_verb_frames_the_claim(run):
    ex = run("Kestrel Pay denied reports that it was in talks to acquire Lumen Ledger for about $900m.", "en")
    assert find(ex.claims, predicate="acquisition", subject="Kestrel Pay", object="Lumen Ledger", modality="denied")


def test_investment_putting_into(run):
    ex = run("Corvane is putting $300m into Tidewell.", "en")
    assert find(ex.claims, predicate="investment", subject="Corvane", object="Tidewell", value=300e6, unit="USD")


def test_appointed_title(run):
    ex = run("Maria Chen has been appointed chief executive of Quillon Foods.", "en")
    assert find(ex.claims, predicate="role", subject="Maria Chen", object="Quillon Foods", role="CEO")


def test_users_people_use_and_monthly_active(run):
    ex = run("Tidewell says 5 million people use its app every month.", "en")
    assert find(ex.claims, predicate="users", subject="Tidewell", value=5e6, period="month")
    ex = run("Tidewell now has 40 million monthly active users.", "en")
    assert find(ex.claims, predicate="users", subject="Tidewell", value=40e6, period="month")


def test_nordic_crowns(run):
    ex = run("Nordvik Shipping made a net profit of 2.1 billion Danish crowns in 2024.", "en")
    assert find(ex.claims, predicate="profit", subject="Nordvik Shipping", value=2.1e9, unit="DKK")


def test_quoted_plural_noun_is_no_name(run):
    ex = run('"Customers want choice," said Maria Chen, chief executive of Quillon Foods.', "en")
    assert find(ex.claims, predicate="role", subject="Maria Chen", object="Quillon Foods", role="CEO")
    assert not find(ex.claims, object="Customers")


# --- second data round: legal forms, non-names, org words, copulas, states, users ---


def test_nordic_legal_form_with_slash(run):
    ex = run("Brekkvik A/S bought a 25% stake in Corrane Tidal Ltd for £36m.", "en")
    assert find(ex.claims, predicate="stake", subject="Brekkvik", object="Corrane Tidal", value=25)
    assert find(ex.claims, predicate="investment", subject="Brekkvik", object="Corrane Tidal", value=36e6, unit="GBP")
    assert not find(ex.claims, subject="S")


def test_number_word_is_no_name(run):
    ex = run("Seven years after launch, the Veltra Go app had 650,000 users.", "en")
    assert not find(ex.claims, subject="Seven")


def test_listed_is_a_place_suffix(run):
    text = "Harlow Grange, the Dublin-listed packaging group, plans to buy Quessant Labs for $310 million."
    ex = run(text, "en")
    assert find(ex.claims, predicate="acquisition", subject="Harlow Grange", object="Quessant Labs", value=310e6)
    assert not find(ex.claims, subject="Dublin")


def test_payments_is_an_org_word(run):
    ex = run("Quayline Payments employs 240 people in Glasgow.", "en")
    assert find(ex.claims, predicate="employees", subject="Quayline Payments", value=240)


def test_runs_the_company_as_title(run):
    text = "Tamsin Lowe founded Corvane in 2019. She still runs the company as chief executive."
    ex = run(text, "en")
    assert find(ex.claims, predicate="role", subject="Tamsin Lowe", object="Corvane", role="founder")
    assert find(ex.claims, predicate="role", subject="Tamsin Lowe", object="Corvane", role="CEO")


def test_receives_per_month_from_payer(run):
    ex = run("Tidewell receives €45m per month from Corvane.", "en")
    assert find(ex.claims, predicate="payment", subject="Corvane", object="Tidewell", value=45e6, period="month")


def test_possessive_app_users(run):
    ex = run("Corvane's app now has 6 million monthly active users.", "en")
    assert find(ex.claims, predicate="users", subject="Corvane", value=6e6, period="month")


def test_british_government_as_holder(run):
    ex = run("The British government holds 11.5% of Dunmere Energy, a stake it took in a 2021 rescue.", "en")
    assert find(ex.claims, predicate="stake", subject="United Kingdom", object="Dunmere Energy", value=11.5)


def test_demonym_and_exchange_are_no_names(run):
    ex = run("The Singaporean fund Tanjor Partners now owns 7% of the lender Jabura.", "en")
    assert find(ex.claims, predicate="stake", subject="Tanjor Partners", object="Jabura", value=7)
    ex = run("Corvane hired Anna Berg as chief financial officer ahead of a listing on Euronext Dublin.", "en")
    assert find(ex.claims, predicate="role", subject="Anna Berg", object="Corvane", role="CFO")
    assert not find(ex.claims, subject="Euronext Dublin")
