from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from claims.models import Claim, Fact, Finding, StatusChange
from claims.services.checks import claims_check, period_end
from claims.webhooks.models import Event


def check(*claims: Claim) -> None:
    claims_check(claim_ids=[c.pk for c in claims])


def status(claim: Claim) -> str:
    claim.refresh_from_db()
    return claim.status


def kinds(claim: Claim) -> set[str]:
    return set(claim.findings.values_list("kind", flat=True))


@pytest.mark.django_db
def test_one_source_is_unconfirmed(make_claim):
    claim = make_claim()

    check(claim)

    assert status(claim) == "unconfirmed"
    assert not claim.findings.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("a", "qa", "b", "qb", "agree"),
    [
        (200e6, "exact", 201e6, "exact", True),  # 0.5 % of the larger
        (200e6, "exact", 201.1e6, "exact", False),  # just outside
        (200e6, "approx", 210e6, "exact", True),  # 5 % of the larger (210)
        (200e6, "exact", 211e6, "approx", False),
        (9800, "at_least", 9800, "exact", True),  # the bound itself
        (9800, "at_least", 9751, "exact", True),  # within 0.5 % below the bound
        (9800, "at_least", 9700, "exact", False),
        (100, "at_most", 100.4, "exact", True),
        (100, "at_most", 102, "exact", False),
        (9800, "exact", 12000, "at_least", False),  # the other's bound, either side
    ],
)
def test_agreement_follows_the_tolerance_of_the_wording(make_claim, a, qa, b, qb, agree):
    first = make_claim(predicate="payment", value=a, qualifier=qa, unit="USD")
    second = make_claim(predicate="payment", value=b, qualifier=qb, unit="USD")

    check(second)

    expected = "supported" if agree else "conflicting"
    assert status(first) == status(second) == expected
    kind = Finding.Kind.AGREEMENT if agree else Finding.Kind.CONFLICT
    assert Finding.objects.filter(claim=second, other_claim=first, kind=kind).exists()
    assert Finding.objects.filter(claim=first, other_claim=second, kind=kind).exists()


@pytest.mark.django_db
def test_a_conflict_explains_itself_with_the_other_claim_source_and_values(make_article, make_claim):
    first = make_claim(article=make_article(source_name="Harbour Ledger"), value=30)
    second = make_claim(article=make_article(source_name="Rheinischer Kurier"), value=40)

    check(second)

    explanation = Finding.objects.get(claim=second).explanation
    assert f"claim #{first.pk}" in explanation
    assert "Harbour Ledger" in explanation and "Rheinischer Kurier" in explanation
    assert "30 %" in explanation and "40 %" in explanation


@pytest.mark.django_db
@pytest.mark.parametrize(("days", "compared"), [(365, True), (366, False)])
def test_undated_claims_are_compared_only_within_a_year(make_article, make_claim, days, compared):
    old = make_claim(article=make_article(published=date(2024, 1, 1)), value=30)
    new = make_claim(article=make_article(published=date.fromordinal(date(2024, 1, 1).toordinal() + days)), value=45)

    check(new)

    assert status(new) == ("conflicting" if compared else "unconfirmed")
    assert Finding.objects.filter(claim=old).exists() is compared


@pytest.mark.django_db
def test_dated_claims_are_compared_whenever_published(make_article, make_claim):
    kwargs = {"predicate": "revenue", "object": None, "unit": "EUR", "time": "2023"}
    make_claim(article=make_article(published=date(2024, 2, 1)), value=5e8, **kwargs)
    new = make_claim(article=make_article(published=date(2026, 2, 1)), value=6e8, **kwargs)

    check(new)

    assert status(new) == "conflicting"


@pytest.mark.django_db
def test_different_times_are_different_facts(make_claim):
    make_claim(predicate="revenue", object=None, unit="EUR", value=5e8, time="2023")
    new = make_claim(predicate="revenue", object=None, unit="EUR", value=6e8, time="2024")

    check(new)

    assert status(new) == "unconfirmed"


@pytest.mark.django_db
def test_the_same_outlet_twice_does_not_support_a_claim(make_article, make_claim):
    first = make_claim(article=make_article(source_name="Harbour Ledger"), value=30)
    second = make_claim(article=make_article(source_name="harbour  ledger"), value=30)

    check(second)

    assert status(first) == status(second) == "unconfirmed"
    agreement = Finding.objects.get(claim=second, kind="agreement")
    assert agreement.independent is False


@pytest.mark.django_db
def test_one_url_host_is_one_outlet_whatever_the_source_name(make_article, make_claim):
    make_claim(article=make_article(source_name="Ledger", url="https://www.ledger.example/a"), value=30)
    second = make_claim(article=make_article(source_name="Ledger Online", url="https://ledger.example/b"), value=30)

    check(second)

    assert status(second) == "unconfirmed"


@pytest.mark.django_db
def test_a_syndicated_copy_is_not_an_independent_source(make_article, make_claim):
    body = (
        "Orvane said on Tuesday it had bought a 30% stake in Kelpie Systems, a maker of marine sensors, for 120 "
        "million euros. The deal values Kelpie at 400 million euros. Kelpie employs about 800 people in Bergen "
        "and Aberdeen and reported revenue of 95 million euros last year. Orvane chief executive Lena Moss said "
        "the stake gave the group access to a fast-growing market for ocean monitoring equipment."
    )
    original = make_claim(article=make_article("Orvane buys into Kelpie\n" + body, source_name="Wire One"))
    copy = make_claim(article=make_article("Orvane takes 30% of Kelpie\n" + body, source_name="Daily Two"))

    check(copy)
    assert status(copy) == status(original) == "unconfirmed"

    other_text = (
        "The sensor maker Kelpie Systems has sold almost a third of its shares to Orvane, according to people "
        "familiar with the matter. Orvane is paying 120 million euros for 30 percent of the company, which has "
        "800 staff and had revenue of 95 million euros in 2024."
    )
    independent = make_claim(article=make_article(other_text, source_name="Third Paper"))

    check(independent)
    assert status(copy) == status(original) == status(independent) == "supported"


@pytest.mark.django_db
def test_a_claim_without_its_value_is_incomplete(make_claim):
    claim = make_claim(value=None)

    check(claim)

    assert status(claim) == "incomplete"
    assert kinds(claim) == {"incomplete"}


@pytest.mark.django_db
@pytest.mark.parametrize("predicate", ["role", "joins", "acquisition"])
def test_predicates_without_a_required_value_are_not_incomplete(make_claim, predicate):
    claim = make_claim(predicate=predicate, value=None, unit=None, role="CEO" if predicate == "role" else None)

    check(claim)

    assert status(claim) == "unconfirmed"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("kwargs", "flagged"),
    [
        ({"value": 112}, True),
        ({"value": -3}, True),
        ({"value": 100}, False),
        ({"value": 0}, False),
        ({"predicate": "employees", "object": None, "unit": "count", "value": -40}, True),
        ({"predicate": "profit", "object": None, "unit": "EUR", "value": -4e7}, False),  # a loss
    ],
)
def test_values_out_of_range_are_flagged(make_claim, kwargs, flagged):
    claim = make_claim(**kwargs)

    check(claim)

    claim.refresh_from_db()
    assert ("out_of_range" in kinds(claim)) is flagged
    assert claim.needs_review is flagged


@pytest.mark.django_db
def test_stakes_over_100_percent_in_one_company(make_article, make_claim):
    make_claim(subject="Orvane", value=51)
    other = make_claim(subject="Brightwave", value=49)

    check(other)
    assert "stakes_over_100" not in kinds(other)

    third = make_claim(subject="Tessaline", value=1, article=make_article())
    check(third)

    finding = third.findings.get(kind="stakes_over_100")
    assert "add up to 101 %" in finding.explanation
    assert "Orvane 51 %" in finding.explanation
    third.refresh_from_db()
    assert third.needs_review


@pytest.mark.django_db
def test_only_the_latest_stake_of_each_holder_counts(make_article, make_claim):
    make_claim(subject="Orvane", value=70, article=make_article(published=date(2024, 1, 1)))
    make_claim(subject="Brightwave", value=40, article=make_article(published=date(2025, 1, 1)))
    newer = make_claim(subject="Orvane", value=55, article=make_article(published=date(2025, 3, 1)))

    check(newer)

    assert "stakes_over_100" not in kinds(newer)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("time", "published", "stale"),
    [
        ("2024", date(2025, 1, 1), True),
        ("2024", date(2024, 12, 31), False),
        ("2025-Q1", date(2025, 4, 1), True),
        ("2025-Q1", date(2025, 3, 31), False),
        ("2025-02", date(2025, 3, 1), True),
        ("2025-02-14", date(2025, 2, 14), False),
    ],
)
def test_a_forecast_for_a_period_already_over_is_stale(make_article, make_claim, time, published, stale):
    claim = make_claim(
        predicate="revenue",
        object=None,
        unit="EUR",
        value=8e8,
        time=time,
        modality="forecast",
        article=make_article(published=published),
    )

    check(claim)

    assert ("stale_forecast" in kinds(claim)) is stale


@pytest.mark.django_db
def test_an_asserted_figure_for_a_past_period_is_not_stale(make_article, make_claim):
    claim = make_claim(
        predicate="revenue",
        object=None,
        unit="EUR",
        value=8e8,
        time="2023",
        article=make_article(published=date(2025, 1, 1)),
    )

    check(claim)

    assert "stale_forecast" not in kinds(claim)


def test_period_end_reads_every_time_format():
    assert period_end("2024") == date(2024, 12, 31)
    assert period_end("2024-Q1") == date(2024, 3, 31)
    assert period_end("2024-02") == date(2024, 2, 29)
    assert period_end("2024-06-13") == date(2024, 6, 13)
    assert period_end("2024-13") is None
    assert period_end("next year") is None


@pytest.mark.django_db
def test_two_values_for_one_fact_in_one_article_conflict(make_article, make_claim):
    article = make_article()
    first = make_claim(article=article, value=30, span=(0, 10))
    second = make_claim(article=article, value=35, span=(20, 30))

    check(first, second)

    assert status(first) == status(second) == "conflicting"


@pytest.mark.django_db
def test_one_article_repeating_a_figure_does_not_support_itself(make_article, make_claim):
    article = make_article()
    first = make_claim(article=article, value=30, span=(0, 10))
    second = make_claim(article=article, value=30, span=(20, 30))

    check(first, second)

    assert status(first) == status(second) == "unconfirmed"


@pytest.mark.django_db
def test_a_denial_never_agrees(make_claim):
    asserted = make_claim(value=30)
    denied_same = make_claim(value=30, modality="denied")
    denied_other = make_claim(value=45, modality="denied")

    check(denied_same, denied_other)

    assert status(asserted) == status(denied_same) == "conflicting"
    assert not Finding.objects.filter(claim=denied_other).exclude(other_claim=None).exists()
    assert not Finding.objects.filter(claim=denied_same, kind="agreement").exists()


@pytest.mark.django_db
def test_checking_twice_changes_nothing(make_claim):
    make_claim(value=30)
    second = make_claim(value=40)

    check(second)
    check(second)

    assert Finding.objects.count() == 2
    assert StatusChange.objects.filter(claim=second).count() == 1
    second.refresh_from_db()
    assert second.status_version == 1


@pytest.mark.django_db
def test_every_status_change_is_an_event_in_the_outbox(make_claim):
    first = make_claim(value=30)
    second = make_claim(value=40)

    check(second)

    events = {e.data["claim_id"]: e for e in Event.objects.filter(type="claim.status_changed")}
    assert set(events) == {first.pk, second.pk}
    data = events[second.pk].data
    assert data == {
        "claim_id": second.pk,
        "fact_key": second.fact_key,
        "old_status": "pending",
        "new_status": "conflicting",
        "status_version": 1,
        "actor": "checks",
        "reason": data["reason"],
        "claim_url": f"http://127.0.0.1:8000/api/v1/claims/{second.pk}/",
    }
    assert f"claim #{first.pk}" in data["reason"]


@pytest.mark.django_db
def test_checking_a_claim_costs_the_same_queries_however_many_are_stored(make_claim, django_assert_num_queries):
    def new_claim_among(stored: int, tag: str) -> Claim:
        for i in range(stored):
            make_claim(subject=f"Holder {tag}{i}", object=f"Company {tag}{i}", value=10)
        # the fact of the new claim, already reported by three sources, one of which disagrees
        for value in (30, 30, 31):
            make_claim(subject=f"Orvane {tag}", object=f"Kelpie {tag}", value=value)
        return make_claim(subject=f"Orvane {tag}", object=f"Kelpie {tag}", value=30)

    few = new_claim_among(5, "a")
    with CaptureQueriesContext(connection) as queries:
        check(few)
    many = new_claim_among(500, "b")

    with django_assert_num_queries(len(queries)):
        check(many)
    # 18: the webhook outbox reads the active endpoints to write their deliveries, and the claims are read
    # twice: their facts' keys before the facts are locked, their state once the lock is held.
    assert len(queries) <= 18
    assert status(many) == "conflicting"


@pytest.mark.django_db
def test_the_fact_row_summarises_its_sources(make_article, make_claim):
    make_claim(value=30, article=make_article(language="en"))
    make_claim(value=30.1, article=make_article(language="de"))
    make_claim(value=30, article=make_article(source_name="Same Desk", language="fr"))
    last = make_claim(value=40, article=make_article(source_name="same desk", language="fr"))

    check(last)

    fact = Fact.objects.get(key=last.fact_key)
    assert fact.consensus_value == 30
    assert fact.basis == "sources"
    assert (fact.sources_agreeing, fact.sources_disagreeing) == (3, 1)  # "Same Desk" counts once on each side
    assert fact.languages == ["de", "en", "fr"]
    assert fact.claim_count == 4


@pytest.mark.django_db
def test_a_fact_told_by_many_sources_keeps_a_bounded_number_of_findings(make_claim):
    from claims.services.checks import MAX_PAIR_FINDINGS

    claims = [make_claim(value=30) for _ in range(MAX_PAIR_FINDINGS + 10)]
    for claim in claims:
        check(claim)
    late_conflict = make_claim(value=45)
    check(late_conflict)

    per_claim = [c.findings.filter(kind="agreement").count() for c in claims]
    assert max(per_claim) == MAX_PAIR_FINDINGS
    assert {status(c) for c in claims} == {"conflicting"}  # each still learns of the new conflict
    assert status(late_conflict) == "conflicting"


@pytest.mark.django_db
def test_a_sentence_copied_word_for_word_is_not_an_independent_source(make_article, make_claim):
    sentence = "The shipping group Orvane has bought a 30% stake in Kelpie Systems, a maker of sensors."
    original = make_claim(article=make_article(f"Orvane buys in\n{sentence}"))
    original.text = sentence
    original.save()
    copy = make_claim(article=make_article(f"Kelpie sells a stake\n{sentence}"))
    copy.text = sentence
    copy.save()

    check(copy)
    assert status(copy) == "unconfirmed"
    assert Finding.objects.get(claim=copy, other_claim=original).independent is False

    short = make_claim(article=make_article("Another outlet"))  # "Orvane holds 30 %." is no proof of copying
    short.text = "Orvane holds 30 %."
    short.save()
    check(short)
    assert status(short) == status(copy) == "supported"


def _article_with_facts(make_article, make_claim, n: int, name: str) -> list[int]:
    """An article stating n facts (revenue of n companies), each also reported by an earlier article."""
    earlier, article = make_article(), make_article()
    ids = []
    for i in range(n):
        make_claim(article=earlier, predicate="revenue", subject=f"{name} {i}", object=None, value=10, unit="EUR")
        ids.append(
            make_claim(
                article=article, predicate="revenue", subject=f"{name} {i}", object=None, value=10 + i % 2, unit="EUR"
            ).pk
        )
    return ids


@pytest.mark.django_db
def test_checking_an_article_costs_the_same_queries_for_3_facts_or_40(make_article, make_claim):
    few = _article_with_facts(make_article, make_claim, 3, "Quillon")
    many = _article_with_facts(make_article, make_claim, 40, "Tessaline")

    counts = []
    for ids in (few, many):
        with CaptureQueriesContext(connection) as captured:
            claims_check(claim_ids=ids)
        counts.append(len(captured))

    assert counts[0] == counts[1], counts
    # and each fact was checked: agreement where the values match, conflict where they do not
    statuses = dict(Claim.objects.filter(pk__in=many).values_list("pk", "status"))
    assert {statuses[pk] for pk in many[::2]} == {"supported"}
    assert {statuses[pk] for pk in many[1::2]} == {"conflicting"}
    assert Fact.objects.filter(claim_count=2).count() == 43
    print(f"\n  checks: {counts[1]} queries for an article of 40 facts, {counts[0]} for 3")
