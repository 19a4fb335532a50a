"""German: every predicate, in sentences of our own (invented companies and people)."""

import datetime as dt

from tests.engine.conftest import find

PUB = dt.date(2025, 6, 15)


def test_stake_with_compound_percent(run):
    ex = run("Die Bergwerk Holding erwarb eine 35%-Beteiligung an Kestrel Robotics.", "de")
    assert find(ex.claims, predicate="stake", subject="Bergwerk Holding", object="Kestrel Robotics", value=35)


def test_stake_held_relative_clause(run):
    text = "Der Finanzinvestor Almora Capital, der 22 Prozent der Tessin-Anteile hält, stimmte zu."
    ex = run(text, "de")
    assert find(ex.claims, predicate="stake", subject="Almora Capital", object="Tessin", value=22)


def test_stake_and_investment_in_one_sentence(run):
    ex = run("Zusätzlich erwirbt Ferrox für 140 Millionen Euro eine Beteiligung von acht Prozent an Lunavia.", "de")
    assert find(ex.claims, predicate="stake", subject="Ferrox", object="Lunavia", value=8)
    assert find(ex.claims, predicate="investment", subject="Ferrox", object="Lunavia", value=140e6, unit="EUR")


def test_acquisition_with_price(run):
    ex = run("Der Chemiekonzern Talvera AG übernimmt den Farbenhersteller Ostrica für 2,3 Milliarden Euro.", "de")
    assert find(ex.claims, predicate="acquisition", subject="Talvera", object="Ostrica", value=2.3e9, unit="EUR")


def test_revenue_with_time_and_implied_subject(run):
    text = (
        "Der Softwareanbieter Quorix wächst weiter.\n"
        "Im Jahr 2024 setzte das Unternehmen 318 Millionen Euro um, ein Plus von elf Prozent."
    )
    ex = run(text, "de", PUB)
    assert find(ex.claims, predicate="revenue", subject="Quorix", value=318e6, unit="EUR", time="2024")
    assert not find(ex.claims, predicate="stake")


def test_quarterly_profit_and_relative_year(run):
    ex = run("Quorix verdiente im dritten Quartal 2025 netto 41 Millionen Franken.", "de", PUB)
    assert find(ex.claims, predicate="profit", subject="Quorix", value=41e6, unit="CHF", time="2025-Q3")
    ex = run("Im Vorjahr hatte Quorix einen Verlust von 12 Millionen Euro ausgewiesen.", "de", PUB)
    assert find(ex.claims, predicate="profit", subject="Quorix", value=-12e6, time="2024")


def test_payment_planned_per_year_with_qualifier(run):
    text = "Veltro, das etwa 90 Millionen Euro im Jahr an Arkwell zahlen wollte, sucht nun andere Partner."
    ex = run(text, "de")
    (c,) = find(ex.claims, predicate="payment", subject="Veltro", object="Arkwell")
    assert (c["value"], c["period"], c["qualifier"], c["modality"]) == (90e6, "year", "approx", "planned")


def test_valuation(run):
    ex = run("Die Finanzierungsrunde bewertet Lunavia mit 1,2 Milliarden Euro.", "de")
    assert find(ex.claims, predicate="valuation", subject="Lunavia", value=1.2e9, unit="EUR")


def test_employees_and_at_least(run):
    ex = run("Der Zulieferer Mervin beschäftigt gut 4.100 Mitarbeiter an drei Standorten.", "de")
    (c,) = find(ex.claims, predicate="employees", subject="Mervin")
    assert (c["value"], c["unit"], c["qualifier"]) == (4100, "count", "at_least")


def test_users_in_words(run):
    ex = run("Die Lern-App von Quorix zählt inzwischen zwölf Millionen Nutzer.", "de")
    assert find(ex.claims, predicate="users", subject="Quorix", value=12e6, unit="count")


def test_role_and_joins(run):
    text = "Der Maschinenbauer Kettwig holt sich Verstärkung: Talvera-Finanzchefin Ines Marbach wechselt zu Kettwig."
    ex = run(text, "de")
    assert find(ex.claims, predicate="role", subject="Ines Marbach", object="Talvera", role="CFO")
    assert find(ex.claims, predicate="joins", subject="Ines Marbach", object="Kettwig")


def test_role_with_title_before_name(run):
    ex = run("Quorix-Chef Bernd Lohmeyer sprach von einem Rekordjahr.", "de")
    assert find(ex.claims, predicate="role", subject="Bernd Lohmeyer", object="Quorix", role="CEO")


def test_forecast_modality(run):
    ex = run("Für 2026 erwartet Quorix einen Umsatz von rund 400 Millionen Euro.", "de", PUB)
    (c,) = find(ex.claims, predicate="revenue", subject="Quorix")
    assert (c["modality"], c["qualifier"], c["time"]) == ("forecast", "approx", "2026")


def test_reported_modality(run):
    ex = run("Der Umsatz von Quorix stieg laut Unternehmensangaben auf 318 Millionen Euro.", "de")
    (c,) = find(ex.claims, predicate="revenue", subject="Quorix")
    assert c["modality"] == "reported"


def test_distractors_are_left_alone(run):
    text = (
        "Die Quorix-Aktie legte um 4,2 Prozent auf 61,30 Euro zu, der Dax gewann 0,6 Prozent. "
        "Analysten hoben ihr Kursziel auf 75 Euro an. "
        "Das Unternehmen blickt auf eine 90-jährige Geschichte zurück."
    )
    ex = run(text, "de")
    assert ex.claims == []


def test_incomplete_claim_without_value(run):
    ex = run("Offen bleibt, wie hoch der Anteil von Ferrox an Lunavia nun beträgt.", "de")
    assert find(ex.incomplete, predicate="stake", subject="Ferrox", object="Lunavia")
    assert ex.claims == []


def test_spans_are_exact(run):
    text = "Kurze Einleitung.\nDer Zulieferer Mervin beschäftigt rund 4.100 Mitarbeiter."
    ex = run(text, "de")
    (c,) = ex.claims
    assert text[c.span[0] : c.span[1]] == c.text == "Der Zulieferer Mervin beschäftigt rund 4.100 Mitarbeiter."


def test_registry_aliases_map_to_canonical_names(run):
    reg = {"Quorix": "Quorix Software", "Quorix Software": "Quorix Software"}
    ex = run("Quorix beschäftigt rund 900 Mitarbeiter.", "de", entities=reg)
    assert find(ex.claims, predicate="employees", subject="Quorix Software", value=900)
    assert ex.entities == {"Quorix Software": "organisation"}


def test_genitive_maps_to_the_base_name(run):
    text = "Brennholt übernimmt Ostrica. Brennholts Umsatz lag 2024 bei 800 Millionen Euro."
    ex = run(text, "de")
    assert find(ex.claims, predicate="revenue", subject="Brennholt", value=800e6, time="2024")


def test_name_ending_in_an_organisation_word(run):
    ex = run("Brenner-Chef Lukas Vogt wechselt im Herbst als Finanzvorstand zur Kestrel Bank.", "de")
    assert find(ex.claims, predicate="role", subject="Lukas Vogt", object="Brenner", role="CEO")
    assert find(
        ex.claims, predicate="role", subject="Lukas Vogt", object="Kestrel Bank", role="CFO", modality="planned"
    )
    assert find(ex.claims, predicate="joins", subject="Lukas Vogt", object="Kestrel Bank")


def test_appointment_verb_at_the_end(run):
    ex = run("Halvex hat Sofia Brandt zur neuen Vorstandschefin ernannt.", "de")
    assert find(ex.claims, predicate="role", subject="Sofia Brandt", object="Halvex", role="CEO", modality="planned")


def test_future_office_with_wird(run):
    ex = run("Sofia Brandt, Mitgründerin von Halvex, wird im Herbst Technikchefin bei Orrin.", "de")
    assert find(ex.claims, predicate="role", subject="Sofia Brandt", object="Halvex", role="founder")
    assert find(ex.claims, predicate="role", subject="Sofia Brandt", object="Orrin", role="CTO", modality="planned")


def test_incomplete_headcount(run):
    ex = run("Die Zahl der Beschäftigten bei Halvex liegt inzwischen bei .", "de")
    assert find(ex.incomplete, predicate="employees", subject="Halvex")


def test_implied_subject_is_not_the_partner(run):
    text = (
        "Die Reederei Kallweit hat mit dem Hafenbetreiber Nordkai einen Kooperationsvertrag geschlossen. "
        "Das Unternehmen beschäftigt 2.000 Mitarbeiter."
    )
    ex = run(text, "de")
    assert find(ex.claims, predicate="employees", subject="Kallweit", value=2000)


def test_political_and_deputy_titles(run):
    ex = run("Bundeskanzler Friedrich Albers besuchte das Werk, dessen Chefin Katrin Vogt sprach.", "de")
    assert not find(ex.claims, subject="Friedrich Albers") and not find(ex.claims, object="Friedrich Albers")
    ex = run("Die Aufsicht kritisierte der zuständige Halvex-Vizechef Maren Holt in einem Brief.", "de")
    assert ex.claims == []


def test_order_and_payee_side(run):
    ex = run("Baumholt Nord erhielt von Kessel Energie einen Auftrag im Wert von 400 Millionen Euro.", "de")
    assert find(ex.claims, predicate="payment", subject="Kessel Energie", value=400e6)
    assert not find(ex.claims, predicate="valuation")


def test_successor_after_stepping_down(run):
    text = "Ulrike Sand tritt als Vorstandschefin von Meridian Chemie zurück. Ihr Nachfolger wird Tobias Kernbach."
    ex = run(text, "de")
    assert find(
        ex.claims, predicate="role", subject="Tobias Kernbach", object="Meridian Chemie", role="CEO", modality="planned"
    )
    # she holds the office until she leaves it: the one stepping down is its holder, not its successor
    assert find(ex.claims, subject="Ulrike Sand", predicate="role", object="Meridian Chemie", role="CEO")


def test_industry_word_keeps_a_two_word_name(run):
    ex = run("Laut Unternehmensangaben beschäftigt die Firma Trelle Logistik rund 12.000 Menschen.", "de")
    assert find(ex.claims, predicate="employees", subject="Trelle Logistik", value=12000, modality="reported")


def test_role_after_a_copula(run):
    ex = run("Jörg Hansen ist seit 2019 Finanzvorstand der Kuppler SE.", "de")
    assert find(ex.claims, predicate="role", subject="Jörg Hansen", object="Kuppler", role="CFO")


def test_layoffs_are_not_headcount_and_denials(run):
    ex = run("Trelle Logistik beschäftigt 3.100 Mitarbeiter und will 200 Mitarbeiter entlassen.", "de")
    (c,) = find(ex.claims, predicate="employees")
    assert (c["value"], c["modality"]) == (3100, "asserted")
    text = "Die Halvor Bank hat Berichte dementiert, wonach sie 200 Mio. Euro in das Start-up Fintrio stecken will."
    ex = run(text, "de")
    assert find(ex.claims, predicate="investment", object="Fintrio", value=200e6, modality="denied")


def test_split_forecast_verb(run):
    text = "Der Maschinenbauer Holtkamp rechnet für das laufende Jahr mit einem Umsatz von gut 4 Mrd. Euro."
    ex = run(text, "de")
    assert find(ex.claims, predicate="revenue", subject="Holtkamp", value=4e9, modality="forecast", time="2025")


def test_investment_by_taking_part(run):
    text = "Morvena sucht frisches Kapital. Der Versicherer Halbach beteiligt sich mit 35 Mio. Euro an dem Start-up."
    ex = run(text, "de")
    assert find(ex.claims, predicate="investment", subject="Halbach", object="Morvena", value=35e6, unit="EUR")


def test_valuation_with_wert(run):
    text = "Anleger reißen sich um Quintara. Das Start-up ist inzwischen 2,4 Milliarden Euro wert."
    ex = run(text, "de")
    assert find(ex.claims, predicate="valuation", subject="Quintara", value=2.4e9, unit="EUR")
    # the noun is not a valuation: "den Wert ihrer Marke"
    ex = run("Die Firma Quintara hat den Wert ihrer Marke auf 40 Millionen Euro geschätzt.", "de")
    assert not find(ex.claims, predicate="valuation")


def test_passive_takeover_names_the_buyer(run):
    ex = run("Der Zulieferer Keltrix wird für 640 Millionen Euro von Ostwerk übernommen.", "de")
    assert find(ex.claims, predicate="acquisition", subject="Ostwerk", object="Keltrix", value=640e6, unit="EUR")
    # "gekauft von" names the seller, not the buyer
    ex = run("Ostwerk hat Keltrix für 90 Mio. Euro von Brandova gekauft.", "de")
    assert find(ex.claims, predicate="acquisition", subject="Ostwerk", object="Keltrix", value=90e6)
    assert not find(ex.claims, subject="Brandova")


def test_legal_form_with_ampersand_and_final_dot(run):
    ex = run("Die Lindgart Maschinen GmbH & Co. KG beschäftigt 2.700 Mitarbeiter.", "de")
    assert find(ex.claims, predicate="employees", subject="Lindgart Maschinen", value=2700)
    ex = run("Ostwerk investiert 15 Millionen Euro in die Fendrik Sensorik GmbH.", "de")
    assert find(ex.claims, predicate="investment", subject="Ostwerk", object="Fendrik Sensorik", value=15e6)


def test_people_working_at_and_gender_neutral_staff(run):
    ex = run("Bei Keltrix arbeiten weltweit rund 6.300 Menschen.", "de")
    (c,) = find(ex.claims, predicate="employees", subject="Keltrix")
    assert (c["value"], c["qualifier"]) == (6300, "approx")
    ex = run("Die Fendrik AG beschäftigt 830 Mitarbeitende.", "de")
    assert find(ex.claims, predicate="employees", subject="Fendrik", value=830)


def test_users_with_nutzen_and_weekly_period(run):
    ex = run("Jede Woche nutzen 3,8 Millionen Menschen die App von Quintara.", "de")
    (c,) = find(ex.claims, predicate="users", subject="Quintara")
    assert (c["value"], c["period"]) == (3.8e6, "week")


def test_more_chief_executive_and_chair_titles(run):
    text = "Die Vorsitzende der Geschäftsführung von Keltrix, Miriam Staab, sprach von Rückenwind."
    ex = run(text, "de")
    assert find(ex.claims, predicate="role", subject="Miriam Staab", object="Keltrix", role="CEO")
    ex = run("Jonas Reimers, Vorstandssprecher der Ostwerk AG, wies die Kritik zurück.", "de")
    assert find(ex.claims, predicate="role", subject="Jonas Reimers", object="Ostwerk", role="CEO")
    ex = run("Chefaufseherin Hanna Vollrath stellte sich hinter den Vorstand von Brandova.", "de")
    assert find(ex.claims, predicate="role", subject="Hanna Vollrath", object="Brandova", role="chair")
    ex = run("Keltrix-Technikvorständin Pia Rendel stellte die neue Plattform vor.", "de")
    assert find(ex.claims, predicate="role", subject="Pia Rendel", object="Keltrix", role="CTO")


def test_stake_kept_and_investor_noun_before_name(run):
    ex = run("Brandova behält 20 Prozent an Keltrix.", "de")
    assert find(ex.claims, predicate="stake", subject="Brandova", object="Keltrix", value=20)
    ex = run("Der Wagniskapitalgeber Nordlicht Ventures investiert 9 Mio. Euro in Quintara.", "de")
    assert find(ex.claims, predicate="investment", subject="Nordlicht Ventures", object="Quintara", value=9e6)
    ex = run("Die Familienholding Staab hält 41 Prozent an Keltrix.", "de")
    assert find(ex.claims, predicate="stake", subject="Staab", object="Keltrix", value=41)


def test_competitor_noun_is_not_part_of_the_name(run):
    ex = run("Velmora übernimmt Wettbewerber Brisant für 300 Mio. Euro.", "de")
    assert find(ex.claims, predicate="acquisition", subject="Velmora", object="Brisant", value=300e6)
    ex = run("Die Velmora AG kauft den Konkurrenten Brisant für 300 Mio. Euro.", "de")
    assert find(ex.claims, predicate="acquisition", subject="Velmora", object="Brisant", value=300e6)


def test_family_word_before_a_name_is_not_part_of_it(run):
    ex = run("Sein Sohn Jakob Brand hält 20 Prozent an Velmora.", "de")
    assert find(ex.claims, predicate="stake", subject="Jakob Brand", object="Velmora", value=20)
    assert not find(ex.claims, subject="Sohn Jakob Brand")


def test_hires_with_geholt_and_berief(run):
    ex = run("Die Tarvik AG hat Nina Olsen als Finanzchefin geholt.", "de")
    assert find(ex.claims, predicate="role", subject="Nina Olsen", object="Tarvik", role="CFO")
    ex = run("Der Aufsichtsrat der Tarvik AG berief Nina Olsen zur Vorstandschefin.", "de")
    assert find(ex.claims, predicate="role", subject="Nina Olsen", object="Tarvik", role="CEO")
    assert find(ex.claims, predicate="joins", subject="Nina Olsen", object="Tarvik")


def test_last_fiscal_year_is_resolved(run):
    ex = run("Die Tarvik AG steigerte im vergangenen Geschäftsjahr den Umsatz auf 410 Mio. Euro.", "de")
    assert find(ex.claims, predicate="revenue", subject="Tarvik", value=410e6, time="2024")
