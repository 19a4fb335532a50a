"""Names resolved to entities whatever their letters: the database's lower-casing and Python's differ."""

from __future__ import annotations

import pytest

from claims.models import Entity
from claims.services.entities import entities_resolve

# "ß" casefolds to "ss" in Python and stays "ß" in PostgreSQL's lower(); SQLite's lower() leaves every
# non-ASCII capital as it is ("Électricité", "Österreich").
NAMES = ["Weißenfels Holding", "Électricité Générale du Rhône", "Österreichische Energie", "ΑΘΗΝΑ Group", "Orvane"]


@pytest.mark.django_db
def test_names_with_letters_the_database_lowercases_differently_are_created_and_found_again():
    first = entities_resolve(names=dict.fromkeys(NAMES, "organisation"))
    assert sorted(first) == sorted(NAMES)
    assert Entity.objects.count() == len(NAMES)

    again = entities_resolve(names=dict.fromkeys(NAMES, "organisation"))

    assert {n: e.pk for n, e in again.items()} == {n: e.pk for n, e in first.items()}
    assert Entity.objects.count() == len(NAMES)


@pytest.mark.django_db
def test_an_entity_stored_without_an_alias_row_is_found_by_its_name():
    stored = Entity.objects.create(name="Weißenfels Holding", kind="organisation")

    found = entities_resolve(names={"Weißenfels Holding": "organisation", "Straße Labs": "organisation"})

    assert found["Weißenfels Holding"].pk == stored.pk
    assert found["Straße Labs"].name == "Straße Labs"
