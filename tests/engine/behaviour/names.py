"""Filler pools for the behavioural suite: organisations, people, places and figures.

Everything here is plain data plus small formatters, so the suite is deterministic:
the same seed always gives the same texts. Invented names are checked by hand not to
be well-known companies; the "real" pool is deliberately well known.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

LANGS = ("en", "de", "fr", "es", "it", "pt", "nl")

ORG_KINDS = ("one-word", "multi-word", "business-word", "legal-form", "real")
PERSON_KINDS = ("person-simple", "person-compound", "person-particle")


@dataclass(frozen=True, slots=True)
class Org:
    name: str  # canonical: no legal form
    kind: str
    legal: str | None = None  # the name with its legal form ("Beta Werke GmbH")
    short: str | None = None  # a short form a newsroom uses on second mention ("Kandra")

    @property
    def shown(self) -> str:
        """How the first mention in a text reads."""
        return self.legal if self.kind == "legal-form" and self.legal else self.name

    @property
    def gold(self) -> str:
        """The expected name, with the legal form as an allowed alternative (contract: "A|A GmbH")."""
        return f"{self.name}|{self.legal}" if self.legal else self.name


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    last: str
    gender: str  # "m" or "f": picks the agreeing form in "<<m|f>>" template alternations
    kind: str


def _org(name: str, kind: str, legal: str | None = None, short: str | None = None) -> Org:
    return Org(name, kind, legal, short)


# Shared across languages: invented names carry no language, and real groups are
# reported under the same name everywhere.
ONE_WORD = tuple(
    _org(n, "one-word")
    for n in ("Valtrix", "Corvane", "Zentavo", "Quorilo", "Brevalis", "Tessmar", "Olvenko", "Pyrona", "Mirabex")
)
MULTI_WORD = (
    _org("Kandra Labs", "multi-word", short="Kandra"),
    _org("Silver Fern", "multi-word"),
    _org("Nova Terra", "multi-word"),
    _org("Blue Heron", "multi-word"),
    _org("Red Lantern", "multi-word"),
    _org("Alto Vela", "multi-word"),
    _org("Lumen Peak", "multi-word"),
)
REAL = (
    _org("Siemens", "real", "Siemens AG"),
    _org("Meta", "real"),
    _org("Scale AI", "real"),
    _org("Renault", "real", "Renault SA"),
    _org("Telefónica", "real", "Telefónica S.A."),
    _org("Eni", "real", "Eni S.p.A."),
    _org("Galp", "real"),
    _org("Philips", "real"),
    _org("Ahold Delhaize", "real"),
    _org("Inditex", "real"),
    _org("Iberdrola", "real", "Iberdrola S.A."),
    _org("Banco Santander", "real", short="Santander"),
    _org("BASF", "real", "BASF SE"),
    _org("Airbus", "real", "Airbus SE"),
    _org("Volkswagen", "real", "Volkswagen AG"),
    _org("Unilever", "real", "Unilever plc"),
)

# Business words and legal forms read most naturally in the language of the text;
# each language also has a few foreign ones, as news about foreign companies does.
BUSINESS = {
    "en": (
        "Orbisal Holding",
        "Delta Logistics",
        "Harwick Capital",
        "Nordlicht Energy",
        "Greystone Partners",
        "Banca Ferrante",
    ),
    "de": (
        "Orbisal Holding",
        "Nordlicht Energie",
        "Brenner Logistik",
        "Falkental Versicherung",
        "Delta Logistics",
        "Hansa Mobilfunk",
    ),
    "fr": (
        "Orbisal Holding",
        "Banque Marsant",
        "Groupe Vendrel",
        "Delta Logistique",
        "Nordlicht Energy",
        "Assurances Calmont",
    ),
    "es": (
        "Grupo Aldeano",
        "Banco Valdivia",
        "Energías Solmar",
        "Orbisal Holding",
        "Delta Logistics",
        "Seguros Altamira",
    ),
    "it": (
        "Banca Ferrante",
        "Gruppo Venturi",
        "Energia Solaris",
        "Orbisal Holding",
        "Delta Logistics",
        "Assicurazioni Morandi",
    ),
    "pt": (
        "Grupo Aldeano",
        "Banco Serrado",
        "Energias Atlântico",
        "Orbisal Holding",
        "Delta Logistics",
        "Seguros Lusitânia",
    ),
    "nl": (
        "Orbisal Holding",
        "Delta Logistiek",
        "Nordlicht Energy",
        "Vandermeer Bouw",
        "Zeeland Capital",
        "Bank Hoogveld",
    ),
}
_BUSINESS_SHORT = {
    "Orbisal Holding": "Orbisal",
    "Nordlicht Energy": "Nordlicht",
    "Nordlicht Energie": "Nordlicht",
    "Banca Ferrante": "Ferrante",
    "Grupo Aldeano": "Aldeano",
    "Delta Logistics": "Delta",
    "Gruppo Venturi": "Venturi",
    "Groupe Vendrel": "Vendrel",
}
LEGAL = {
    "en": (
        ("Kestrel", "Kestrel plc"),
        ("Harlow Systems", "Harlow Systems Inc."),
        ("Beta Werke", "Beta Werke GmbH"),
        ("Brightwater", "Brightwater Ltd"),
        ("Voss", "Voss N.V."),
    ),
    "de": (
        ("Beta Werke", "Beta Werke GmbH"),
        ("Hollweg", "Hollweg AG"),
        ("Streuberg Chemie", "Streuberg Chemie SE"),
        ("Kestrel", "Kestrel plc"),
        ("Marquardt Antriebe", "Marquardt Antriebe GmbH & Co. KG"),
    ),
    "fr": (
        ("Valmont Industries", "Valmont Industries SA"),
        ("Ferlac", "Ferlac SAS"),
        ("Beta Werke", "Beta Werke GmbH"),
        ("Rochebrune", "Rochebrune SA"),
        ("Ferrante", "Ferrante S.p.A."),
    ),
    "es": (
        ("Aldeano", "Aldeano S.A."),
        ("Cerámicas Luján", "Cerámicas Luján S.L."),
        ("Ferrante", "Ferrante S.p.A."),
        ("Tavera", "Tavera S.A."),
        ("Voss", "Voss N.V."),
    ),
    "it": (
        ("Ferrante", "Ferrante S.p.A."),
        ("Officine Baldini", "Officine Baldini S.r.l."),
        ("Aldeano", "Aldeano S.A."),
        ("Lanzoni", "Lanzoni S.p.A."),
        ("Beta Werke", "Beta Werke GmbH"),
    ),
    "pt": (
        ("Aldeano", "Aldeano S.A."),
        ("Tecnorte", "Tecnorte Lda."),
        ("Mirante Alimentos", "Mirante Alimentos Ltda."),
        ("Sotavento", "Sotavento SGPS"),
        ("Ferrante", "Ferrante S.p.A."),
    ),
    "nl": (
        ("Voss", "Voss N.V."),
        ("Brouwer Techniek", "Brouwer Techniek B.V."),
        ("Kestrel", "Kestrel plc"),
        ("Hoekstra", "Hoekstra N.V."),
        ("Beta Werke", "Beta Werke GmbH"),
    ),
}
# The legal form added when a template needs one and the filler has none.
DEFAULT_LEGAL = {"en": "Inc.", "de": "GmbH", "fr": "SA", "es": "S.A.", "it": "S.p.A.", "pt": "S.A.", "nl": "N.V."}


def orgs(lang: str, kind: str) -> tuple[Org, ...]:
    if kind == "one-word":
        return ONE_WORD
    if kind == "multi-word":
        return MULTI_WORD
    if kind == "real":
        return REAL
    if kind == "business-word":
        return tuple(_org(n, kind, short=_BUSINESS_SHORT.get(n)) for n in BUSINESS[lang])
    if kind == "legal-form":
        return tuple(_org(n, kind, legal) for n, legal in LEGAL[lang])
    raise ValueError(f"unknown organisation kind {kind!r}; one of {ORG_KINDS}")


def _p(name: str, gender: str, kind: str, last: str | None = None) -> Person:
    return Person(name, last or name.split(" ", 1)[1], gender, kind)


PERSONS = {
    "en": (
        _p("Sarah Whitfield", "f", "person-simple"),
        _p("David Okafor", "m", "person-simple"),
        _p("Mary-Kate Dunmore", "f", "person-compound"),
        _p("John Paul Ashby", "m", "person-compound", "Ashby"),
        _p("Liam O'Connell", "m", "person-particle"),
        _p("Erin McAllister", "f", "person-particle"),
    ),
    "de": (
        _p("Anna Weiß", "f", "person-simple"),
        _p("Tobias Krämer", "m", "person-simple"),
        _p("Jens-Peter Holm", "m", "person-compound"),
        _p("Eva-Maria Schulte", "f", "person-compound"),
        _p("Ursula von der Heyde", "f", "person-particle"),
        _p("Karl-Heinz von Stetten", "m", "person-particle"),
    ),
    "fr": (
        _p("Claire Mercier", "f", "person-simple"),
        _p("Julien Besson", "m", "person-simple"),
        _p("Anne-Sophie Lefort", "f", "person-compound"),
        _p("Jean-Baptiste Morel", "m", "person-compound"),
        _p("Hélène de La Roche", "f", "person-particle"),
        _p("Thibault d'Arvieu", "m", "person-particle"),
    ),
    "es": (
        _p("Lucía Serrano", "f", "person-simple"),
        _p("Javier Montoya", "m", "person-simple"),
        _p("María José Ibarra", "f", "person-compound", "Ibarra"),
        _p("Carlos Ruiz-Tagle", "m", "person-compound"),
        _p("Juan de la Fuente", "m", "person-particle"),
        _p("Inés del Valle", "f", "person-particle"),
    ),
    "it": (
        _p("Giulia Marchetti", "f", "person-simple"),
        _p("Marco Bellandi", "m", "person-simple"),
        _p("Anna Maria Ferri", "f", "person-compound", "Ferri"),
        _p("Gian Luca Orsini", "m", "person-compound", "Orsini"),
        _p("Luca De Santis", "m", "person-particle"),
        _p("Chiara Dalla Costa", "f", "person-particle"),
    ),
    "pt": (
        _p("Beatriz Carvalho", "f", "person-simple"),
        _p("Rui Fonseca", "m", "person-simple"),
        _p("Ana Luísa Teixeira", "f", "person-compound", "Teixeira"),
        _p("Paulo Sérgio Matos", "m", "person-compound", "Matos"),
        _p("João dos Reis", "m", "person-particle"),
        _p("Mariana da Costa", "f", "person-particle"),
    ),
    "nl": (
        _p("Sanne Jansen", "f", "person-simple"),
        _p("Pieter Bakker", "m", "person-simple"),
        _p("Jan-Willem Hofstede", "m", "person-compound"),
        _p("Anne-Marie Kuipers", "f", "person-compound"),
        _p("Maria van der Berg-Smit", "f", "person-particle"),
        _p("Dirk de Vries", "m", "person-particle"),
    ),
}


def persons(lang: str, kind: str) -> tuple[Person, ...]:
    return tuple(p for p in PERSONS[lang] if p.kind == kind)


# Real cities, each with its adjective (Portuguese: only cities named without an article,
# so "em {CITY}" reads right, unlike "no Porto") where the language has one (masculine, feminine;
# German and Dutch forms are those after a definite article: "der Münchner", "het Eindhovense").
CITIES = {
    "en": (("London", "", ""), ("Manchester", "", ""), ("Boston", "", ""), ("Toronto", "", ""), ("Leeds", "", "")),
    "de": (
        ("München", "Münchner", "Münchner"),
        ("Hamburg", "Hamburger", "Hamburger"),
        ("Stuttgart", "Stuttgarter", "Stuttgarter"),
        ("Köln", "Kölner", "Kölner"),
        ("Frankfurt", "Frankfurter", "Frankfurter"),
        ("Düsseldorf", "Düsseldorfer", "Düsseldorfer"),
    ),
    "fr": (
        ("Lyon", "lyonnais", "lyonnaise"),
        ("Paris", "parisien", "parisienne"),
        ("Toulouse", "toulousain", "toulousaine"),
        ("Bordeaux", "bordelais", "bordelaise"),
        ("Grenoble", "grenoblois", "grenobloise"),
    ),
    "es": (
        ("Madrid", "madrileño", "madrileña"),
        ("Barcelona", "barcelonés", "barcelonesa"),
        ("Sevilla", "sevillano", "sevillana"),
        ("Valencia", "valenciano", "valenciana"),
        ("Bilbao", "bilbaíno", "bilbaína"),
    ),
    "it": (
        ("Torino", "torinese", "torinese"),
        ("Milano", "milanese", "milanese"),
        ("Bologna", "bolognese", "bolognese"),
        ("Napoli", "napoletano", "napoletana"),
        ("Genova", "genovese", "genovese"),
    ),
    "pt": (
        ("São Paulo", "paulista", "paulista"),
        ("Lisboa", "lisboeta", "lisboeta"),
        ("Braga", "bracarense", "bracarense"),
        ("Curitiba", "curitibano", "curitibana"),
        ("Belo Horizonte", "belo-horizontino", "belo-horizontina"),
    ),
    "nl": (
        ("Amsterdam", "Amsterdamse", "Amsterdamse"),
        ("Rotterdam", "Rotterdamse", "Rotterdamse"),
        ("Eindhoven", "Eindhovense", "Eindhovense"),
        ("Utrecht", "Utrechtse", "Utrechtse"),
        ("Groningen", "Groningse", "Groningse"),
    ),
}

# Nationality adjectives (masculine, feminine), same conventions as the city adjectives.
DEMONYMS = {
    "en": (
        ("Danish", "Danish"),
        ("German", "German"),
        ("French", "French"),
        ("Spanish", "Spanish"),
        ("Dutch", "Dutch"),
        ("Italian", "Italian"),
        ("Swiss", "Swiss"),
    ),
    "de": (
        ("dänische", "dänische"),
        ("französische", "französische"),
        ("spanische", "spanische"),
        ("niederländische", "niederländische"),
        ("schwedische", "schwedische"),
        ("italienische", "italienische"),
    ),
    "fr": (
        ("danois", "danoise"),
        ("allemand", "allemande"),
        ("espagnol", "espagnole"),
        ("néerlandais", "néerlandaise"),
        ("suédois", "suédoise"),
        ("italien", "italienne"),
        ("suisse", "suisse"),
    ),
    "es": (
        ("danés", "danesa"),
        ("alemán", "alemana"),
        ("francés", "francesa"),
        ("neerlandés", "neerlandesa"),
        ("sueco", "sueca"),
        ("italiano", "italiana"),
        ("portugués", "portuguesa"),
    ),
    "it": (
        ("danese", "danese"),
        ("tedesco", "tedesca"),
        ("francese", "francese"),
        ("olandese", "olandese"),
        ("svedese", "svedese"),
        ("spagnolo", "spagnola"),
        ("svizzero", "svizzera"),
    ),
    "pt": (
        ("dinamarquês", "dinamarquesa"),
        ("alemão", "alemã"),
        ("francês", "francesa"),
        ("espanhol", "espanhola"),
        ("neerlandês", "neerlandesa"),
        ("italiano", "italiana"),
        ("sueco", "sueca"),
    ),
    "nl": (
        ("Deense", "Deense"),
        ("Duitse", "Duitse"),
        ("Franse", "Franse"),
        ("Spaanse", "Spaanse"),
        ("Belgische", "Belgische"),
        ("Italiaanse", "Italiaanse"),
        ("Zweedse", "Zweedse"),
    ),
}

# "in <country>" with the preposition and article the language needs.
IN_COUNTRY = {
    "en": ("in Germany", "in France", "in Spain", "in the Netherlands", "in Italy", "in Portugal", "in Britain"),
    "de": ("in Deutschland", "in Frankreich", "in Spanien", "in den Niederlanden", "in Österreich", "in der Schweiz"),
    "fr": ("en France", "en Allemagne", "en Espagne", "en Italie", "au Portugal", "en Belgique", "aux Pays-Bas"),
    "es": ("en España", "en Francia", "en Alemania", "en Portugal", "en Italia", "en México"),
    "it": ("in Italia", "in Francia", "in Germania", "in Spagna", "in Portogallo", "nei Paesi Bassi"),
    "pt": ("no Brasil", "em Portugal", "na Espanha", "na França", "na Alemanha", "em Angola"),
    "nl": ("in Nederland", "in België", "in Duitsland", "in Frankrijk", "in Spanje", "in Italië"),
}

CURRENCIES = {
    "en": ("USD", "EUR", "GBP"),
    "de": ("EUR", "EUR", "USD", "CHF"),
    "fr": ("EUR", "EUR", "USD", "CHF"),
    "es": ("EUR", "EUR", "USD"),
    "it": ("EUR", "EUR", "USD"),
    "pt": ("EUR", "BRL", "BRL", "USD"),
    "nl": ("EUR", "EUR", "USD"),
}

_MILLIONS = (3.5, 12, 45, 80, 120, 250, 450, 600, 875)
_BILLIONS = (1.2, 1.5, 2, 2.3, 3.5, 4.8, 14.3)


def _num(x: float, lang: str) -> str:
    """A decimal in the language's notation: 2.5 -> "2.5" (en) or "2,5"."""
    s = f"{x:g}"
    return s if lang == "en" else s.replace(".", ",")


def group(n: int, lang: str, rng: random.Random | None = None) -> str:
    """An integer with the language's thousands separator: 12,500 / 12.500 / 12 500."""
    s = f"{n:,}"
    if lang == "en":
        return s
    if lang == "fr" or (lang == "pt" and rng is not None and rng.random() < 0.3):
        sep = "\u00a0" if rng is not None and rng.random() < 0.3 else " "
        return s.replace(",", sep)
    return s.replace(",", ".")


@dataclass(frozen=True, slots=True)
class Money:
    text: str
    value: float
    unit: str


def money(lang: str, rng: random.Random) -> Money:
    """An amount as a newsroom in that language writes it, with its value in base units."""
    cur = rng.choice(CURRENCIES[lang])
    billions = rng.random() < 0.4
    m = rng.choice(_BILLIONS if billions else _MILLIONS)
    value = m * (1e9 if billions else 1e6)
    n = _num(m, lang)
    style = rng.random()
    if lang == "en":
        sym = {"USD": "$", "EUR": "€", "GBP": "£"}[cur]
        word = {"USD": "dollars", "EUR": "euros", "GBP": "pounds"}[cur]
        if style < 0.4:
            text = f"{sym}{n}{'bn' if billions else 'm'}"
        elif style < 0.75:
            text = f"{sym}{n} {'billion' if billions else 'million'}"
        else:
            text = f"{n} {'billion' if billions else 'million'} {word}"
    elif lang == "de":
        word = {"EUR": "Euro", "USD": rng.choice(("US-Dollar", "Dollar")), "CHF": "Franken"}[cur]
        if billions:
            scale = "Mrd." if style < 0.5 else ("Milliarde" if m == 1 else "Milliarden")
        else:
            scale = "Mio." if style < 0.3 else "Millionen"
        text = f"{n} {scale} {word}"
    elif lang == "fr":
        word = {"EUR": "d'euros", "USD": "de dollars", "CHF": "de francs suisses"}[cur]
        if billions:
            text = f"{n} {'milliard' if m < 2 else 'milliards'} {word}"
        elif cur == "EUR" and style < 0.2:
            text = f"{n} M€"
        else:
            text = f"{n} millions {word}"
    elif lang == "es":
        word = {"EUR": "de euros", "USD": "de dólares"}[cur]
        if billions and style < 0.6:
            text = f"{group(round(m * 1000), 'es')} millones {word}"
        elif billions:
            text = f"{n} mil millones {word}"
        else:
            text = f"{n} millones {word}"
    elif lang == "it":
        word = {"EUR": "di euro", "USD": "di dollari"}[cur]
        scale = ("miliardo" if m == 1 else "miliardi") if billions else "milioni"
        text = f"{n} {scale} {word}"
    elif lang == "pt":
        if cur == "BRL":
            scale = ("bilhão" if m < 2 else "bilhões") if billions else "milhões"
            text = f"R$ {n} {scale}" if style < 0.6 else f"{n} {scale} de reais"
        elif cur == "USD":
            scale = ("bilhão" if m < 2 else "bilhões") if billions else "milhões"
            text = f"US$ {n} {scale}"
        else:  # European Portuguese: "mil milhões"
            text = f"{n} {'mil milhões' if billions else 'milhões'} de euros"
    elif lang == "nl":
        scale = "miljard" if billions else "miljoen"
        if cur == "EUR" and style < 0.5:
            text = f"€ {n} {scale}"
        else:
            text = f"{n} {scale} {'euro' if cur == 'EUR' else 'dollar'}"
    else:
        raise ValueError(f"no money formats for {lang!r}")
    return Money(text, value, cur)


def percent(lang: str, rng: random.Random) -> tuple[str, float]:
    v = rng.choice((5, 8, 10, 12.5, 15, 19.9, 25, 30, 33, 40, 49, 51, 60, 75))
    return _num(v, lang), float(v)


def rate(lang: str, rng: random.Random) -> tuple[str, float]:
    """A small rate (inflation, interest, growth): 2.4, 3.1 ..."""
    v = rng.choice((1.8, 2.1, 2.4, 2.75, 3.1, 3.6, 4.2, 5.5, 6.3))
    return _num(v, lang), float(v)


def count(lang: str, rng: random.Random) -> tuple[str, float]:
    """A headcount written in digits."""
    v = rng.choice((850, 1200, 2300, 3400, 7800, 12500, 48000, 135000, 240000))
    return group(v, lang, rng), float(v)


def big_count(lang: str, rng: random.Random) -> tuple[str, float]:
    """A large count with a scale word (users, customers): "2.5 million", "2,5 Millionen"."""
    m = rng.choice((2, 2.5, 3.2, 4, 7.5, 12, 18, 40, 85, 120))
    word = {
        "en": "million",
        "de": "Millionen",
        "fr": "millions",
        "es": "millones",
        "it": "milioni",
        "pt": "milhões",
        "nl": "miljoen",
    }[lang]
    return f"{_num(m, lang)} {word}", m * 1e6


def population(lang: str, rng: random.Random) -> tuple[str, float]:
    v = rng.choice((148000, 312500, 587000, 1487000, 2150000))
    return group(v, lang, rng), float(v)
