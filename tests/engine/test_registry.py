import pytest

from factcheck import extract
from factcheck.registry import name_candidates


@pytest.mark.parametrize(
    "text, alias",
    [
        ("Shares of Quorris Holding rose.", "quorris holding"),
        ("Quorris Holding's chief said so.", "quorris holding"),  # possessive
        ("Die Übernahme Orvanes durch Halvex.", "orvane"),  # German genitive
        ("Le rachat d'Orvane par Halvex.", "orvane"),  # French elision
        ("L'Oréal rachète Orvane.", "l'oréal"),  # an apostrophe that belongs to the name
        ("Acme Inc. said on Monday.", "acme inc."),
        ("Acme Inc. said on Monday.", "acme inc"),
        ("Rolls-Royce rose.", "rolls-royce"),
        ("AT&T pays eBay.", "at&t"),
        ("AT&T pays eBay.", "ebay"),
        ("the maker 3M grew", "3m"),
        ("a deal with\nQuorris   Holding", "quorris holding"),
    ],
)
def test_a_name_the_text_spells_is_a_candidate(text, alias):
    assert alias in name_candidates(text)


def test_lower_case_words_and_sequences_across_commas_are_not_candidates():
    got = name_candidates("the company, Halvex, grew; it said.")
    assert "the company" not in got and "company" not in got
    assert "halvex" in got
    assert not any("," in c or ";" in c for c in got)
    assert "halvex grew" not in got  # stops at the comma


def test_the_engine_finds_a_registered_alias_once_the_registry_is_filtered():
    text = "Northwind Data Systems agreed to buy Tidewell for $300 million."
    registry = {"Northwind Data Systems": "Northwind", "Zephyr Partners": "Zephyr", "Tidewell": "Tidewell"}
    filtered = {a: c for a, c in registry.items() if " ".join(a.casefold().split()) in name_candidates(text)}
    assert filtered == {"Northwind Data Systems": "Northwind", "Tidewell": "Tidewell"}
    [claim] = [c for c in extract(text, entities=filtered).claims if c.predicate == "acquisition"]
    assert (claim.subject, claim.object, claim.value) == ("Northwind", "Tidewell", 3e8)
