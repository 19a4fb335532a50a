"""Names of organisations and people: the registry's aliases plus heuristics.

Heuristics: capitalised sequences (in German, where every noun is capitalised, only
with further evidence), legal-form suffixes, company nouns in apposition ("the
battery maker Quorris"), role titles next to a person, possessives ("Quorris's",
German "Orvanes"), hyphen compounds ("Halvex-Chef"). Decisions are taken once per
document, so a name recognised in one sentence is recognised in all of them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from factcheck import knowledge
from factcheck.languages import LangData, stop_words
from factcheck.text import Sentence

ORG, PERSON, PLACE, OTHER = "organisation", "person", "place", "other"
# a place that can act as a state: hold a stake, invest, pay (the contract names it by its country)
STATE_KINDS = frozenset({"country", "region"})
# where each language's press writes its own cities' names ("Lisboa", "Köln", "Torino"): there a
# city's local name is taken as one; elsewhere GeoNames' alternate names are too noisy ("Hansa")
HOME_COUNTRIES = {
    "en": frozenset({"GB", "US", "IE", "CA", "AU", "NZ"}),
    "de": frozenset({"DE", "AT", "CH", "LU"}),
    "fr": frozenset({"FR", "BE", "CH", "LU", "CA", "MC"}),
    "es": frozenset({"ES", "MX", "AR", "CO", "CL", "PE", "VE", "UY", "EC"}),
    "it": frozenset({"IT", "CH", "SM"}),
    "pt": frozenset({"PT", "BR", "AO", "MZ"}),
    "nl": frozenset({"NL", "BE"}),
}
POSSESSIVE = frozenset({"'s", "’s", "'", "’"})


@dataclass(slots=True)
class Mention:
    start: int  # token range in its sentence
    end: int
    name: str  # canonical name
    kind: str  # ORG | PERSON | PLACE
    genitive: bool = False  # "Orvane's", "Orvanes", "Halvex-" (owner of what follows)
    pshape: bool = False  # looks like a person's name ("Firstname Lastname"), whatever its kind
    state: bool = False  # a place that can act as a state (country or region): "Denmark holds 30% of X"
    # how its type is known: "registry" (a known entity), "described" (the text says what it is: a legal
    # form, "the battery maker X", "CEO X"), "shape" (only how it looks); read by confidence.py
    evidence: str = "shape"


# wordfreq's Zipf scale: 3 is a word seen about once in a million words. Above this, a capitalised
# word alone at the head of a sentence is taken for an ordinary word ("Finally,", "Daarvoor had ...",
# "Considerando i risultati") unless a claim's verb follows it ("Meta posee el 49% ...").
COMMON_ZIPF = 3.3


@lru_cache(maxsize=65536)
def _common(word: str, code: str) -> bool:
    from wordfreq import zipf_frequency

    return zipf_frequency(word, code, wordlist="small") >= COMMON_ZIPF


@lru_cache(maxsize=65536)
def _lemma(word: str, code: str) -> str:
    import simplemma

    try:
        return simplemma.lemmatize(word, lang=code)
    except (ValueError, KeyError):
        return word


@lru_cache(maxsize=65536)
def _known(word: str, code: str) -> bool:
    import simplemma

    try:
        return simplemma.is_known(word, lang=code)
    except (ValueError, KeyError):
        return False


def _is_cap(t: str) -> bool:
    """Starts with a capital, or has one inside ("xAI")."""
    c = t[:1]
    if c.isupper():
        return True
    return c.isalpha() and not t.islower()


_SURNAME_PREFIX = re.compile(r"^(?:Mc|Mac|O['’]|D['’])(?=[A-Z])")


def _titlecase_word(t: str) -> bool:
    """ "Weiß", "Anne-Sophie", and surnames with a capital inside their prefix: "McAlister", "O'Donnell"."""
    t = _SURNAME_PREFIX.sub("", t)
    return t[:1].isupper() and t[1:].replace("-", "").isalpha() and t[1:].islower()


class _Kinds:
    """Per-token flags of one sentence from its lexicon matches."""

    def comma_before(self, i: int) -> bool:
        return i - 1 in self.comma_at

    def __init__(self, n: int, matches, texts: list[str] = ()) -> None:
        self.company = [False] * n
        self.role = [False] * n
        self.place_prep_end = set()
        self.place_suffix = set()  # "based" in "Eindhoven-based"
        self.stop = [False] * n  # tokens that can never be part of a name
        self.head = [False] * n  # a word that a name can be the first part of ("Halvex-Chef")
        self.article_end = set()
        self.role_of_end = set()  # "CEO of |Kelpie Systems", "fundador da |Quinta Digital": an organisation
        self.pred_word = [False] * n
        place_preps = []
        weak_preps = []
        of_preps = []
        articles = {}
        products = set()
        parts = set()  # "une usine à Lille": a plant's town
        self.comma_at = {k for k, t in enumerate(texts) if t == ","}
        self.texts = texts
        self.founded_end = -10
        self.join_start = set()  # "X rejoint Y", "X joins Y": X is a person
        self.trigger_start = set()  # where a predicate's trigger word starts ("Meta |hält 49 Prozent")
        self.obj_prep_end = set()  # "an |Meta", "in |Siemens"
        self.founds = []  # "X |founded| Y": X a person, Y an organisation
        for s, e, p, _ in matches:
            k = p[0]
            if k == "trigger" and p[1] == "joins" and p[2] > 0:
                self.join_start.add(s)
            if k == "trigger":
                self.trigger_start.add(s)
            elif k == "obj_prep":
                self.obj_prep_end.add(e)
            if k in ("trigger", "noun", "distract", "role", "company"):
                self.head[s] = True
            if k == "trigger" and p[1] in ("stake", "investment", "acquisition", "payment", "joins"):
                for i in range(s, e):
                    self.pred_word[i] = True
            if k == "article":
                self.article_end.add(e)
                articles[s] = e
            elif k == "of_prep":
                of_preps.append((s, e))
            if k == "company":
                for i in range(s, e):
                    self.company[i] = True
            elif k == "role":
                for i in range(s, e):
                    self.role[i] = True
                    self.stop[i] = True
            elif k in ("month", "currency", "percent", "scale"):
                for i in range(s, e):
                    self.stop[i] = True
            elif k == "place_prep":
                place_preps.append((s, e))
            elif k == "weak_place_prep":
                weak_preps.append((s, e))
            elif k == "product":
                products.add(s)
            elif k == "part":
                parts.update(range(s, e))
            elif k == "founds":
                self.founds.append((s, e))
            elif k in ("founded_by", "led_by"):
                self.founded_end = e  # "fondée par X", "dirigée par X": X is a person
            elif k == "founded_by_final":
                self.founded_end = s + 1  # "von X gegründet"
            elif k == "place_suffix":
                self.place_suffix.add(s)
        for s, e in of_preps:
            if s > 0 and self.role[s - 1]:
                self.role_of_end.add(e)
                if e in articles:
                    self.role_of_end.add(articles[e])
        # "in Eindhoven" is a place, "a stake in Kelpie" is not
        for s, e in place_preps:
            # "in Eindhoven" is a place; "a stake in X", "invested €30m in X" are not
            # (a long amount may stand between: "investiu 14,3 mil milhões de euros na X")
            if not any(self.pred_word[max(0, s - 10) : s]):
                self.place_prep_end.add(e)
        for s, e in weak_preps:
            # "le groupe de Rennes", "la start-up di Torino", "Stellan Capital, de Abu Dhabi"
            if any(
                (self.company[k] and k not in products) or (k in parts and not self.company[k])
                for k in range(max(0, s - 3), s)
            ) or (s > 0 and s - 1 in self.comma_at):
                self.place_prep_end.add(e)


_SURNAME_PARTICLES = ("von", "vom", "zu", "der", "van", "den", "de", "ter", "ten", "da", "di", "del", "della", "dos")


def _runs(sent: Sentence, ld: LangData, flags: _Kinds):
    """Maximal capitalised token runs (start, end) allowing inner particles."""
    texts = sent.texts
    n = len(texts)
    particles = {p.lower() for p in ld.name_particles}
    i = 0
    while i < n:
        t = texts[i]
        c = t[0]
        if not c.isupper() and (not c.isalpha() or t.islower()):  # not capitalised: the usual case
            i += 1
            continue
        if _share_class(texts, i):
            i += 3  # a share class's ticker: "KDL-B", "ERIC-B"
            continue
        if (
            not _is_cap(t)
            or t in ld.currency_symbols
            or (flags.stop[i] and not _given_compound(texts, i))
            or _period_token(t, ld)
            or t.lower() in ld.non_names
            or (
                flags.company[i]
                and (ld.capitalises_nouns or t.lower() not in ld.org_words)
                and not _named_noun(t, i, texts, ld)
            )
        ):
            i += 1
            continue
        j = i + 1
        while j < n:
            u = texts[j]
            if flags.stop[j] or u in ld.currency_symbols or (flags.company[j] and u.lower() not in ld.org_words):
                break
            # a share class's ticker after the name: "Kandra Labs KDL-B", "Valtrix VTX1"
            if u.isupper() and (any(c.isdigit() for c in u) or _share_class(texts, j)):
                break
            # "Latijns-Amerika", "Rolls-Royce": one name; "Halvex-Chef", "Aerolux-Spitze": a name and a head
            if (
                u == "-"
                and j + 1 < n
                and _is_cap(texts[j + 1])
                and sent.starts[j] == sent.ends[j - 1]
                and sent.starts[j + 1] == sent.ends[j]
                and not flags.head[j + 1]
                and not (
                    ld.capitalises_nouns
                    and _known(texts[j + 1], ld.code)
                    and not (knowledge.is_given_name(texts[j - 1]) and knowledge.is_given_name(texts[j + 1]))
                    # "Katrin Oberländer-Weiß": a double surname after a first name
                    and not (j - i >= 2 and knowledge.is_given_name(texts[i]))
                )
            ):
                j += 2
                continue
            if _is_cap(u) and (u.lower() not in ld.non_names or u.lower() in ld.org_words):
                j += 1
                continue
            if u in ld.legal_forms:
                j += 1
                continue
            # "James von Moltke", "Ursula von der Leyen": right after a first name, the particles of a
            # surname in any of our languages (German's "von" is otherwise "of": "Umsatz von Siemens")
            after_given = all(knowledge.is_given_name(w) for w in _join(tuple(texts[i:j])).replace("-", " ").split())
            allowed = ld.name_particles if not after_given else (*ld.name_particles, *_SURNAME_PARTICLES)
            if u in allowed and j > i and texts[j - 1] not in ld.legal_forms:
                # "Maria van der Berg", "Jan de Vries": particles after a first name; but after a full name
                # "van" is "of": "Pieter-Jan Verhaeghe van Scheldekracht"
                k = j
                while k < n and k - j < 3 and texts[k] in allowed:
                    k += 1
                words = [w for w in _join(tuple(texts[i:j])).split() if w.lower() not in particles]
                after_surname = len(words) == 1 or u[:1].isupper() or ld.particles_after_surname
                if k < n and _is_cap(texts[k]) and after_surname:
                    j = k + 1
                    continue
            break
        yield i, j
        i = j


def _german_genitive(word: str, ld: LangData) -> bool:
    """ "Metas", "Mobilfunks", "Tessmars": a name's genitive -s, not a name ending in s ("Siemens")."""
    if not word.endswith("s") or len(word) <= 3 or word.endswith(("ss", "ß")):
        return False
    return not _known(word, ld.code) or _lemma(word, ld.code) == word[:-1]


def _institution(toks: tuple[str, ...], ld: LangData) -> bool:
    return any(t.lower() in ld.institution_words or t.lower().endswith(ld.institution_endings or ("\0",)) for t in toks)


def _share_class(texts: list[str], i: int) -> bool:
    """ "KDL-B", "ERIC-B": capitals, a hyphen and a class letter."""
    return (
        texts[i].isupper()
        and i + 2 < len(texts)
        and texts[i + 1] == "-"
        and texts[i + 2].isupper()
        and len(texts[i + 2]) <= 2
    )


def _given_compound(texts: list[str], i: int) -> bool:
    """ "Jan-Willem", "Mai-Linh": a given name joined to another, though its first part is also a month."""
    return (
        i + 2 < len(texts)
        and texts[i + 1] == "-"
        and knowledge.is_given_name(texts[i])
        and knowledge.is_given_name(texts[i + 2])
    )


def _period_token(t: str, ld: LangData) -> bool:
    """ "Q3", "H1", "S2": a quarter or a half-year, never a name."""
    return len(t) == 2 and any(p is not None and p.match(t) for p in (ld.quarter_token, ld.half_token))


def _company_apposition(texts: list[str], j: int, flags: _Kinds) -> bool:
    """A name followed by ", a family-owned maker of ...", ", the Dutch group,": an organisation.

    Not ", the company's chief executive": a company noun that owns a title describes a person.
    """
    if j >= len(texts) - 2 or texts[j] != "," or (j + 2) not in flags.article_end:
        return False
    for k in range(j + 2, min(j + 7, len(texts))):
        if texts[k] in (",", ".", ";") or flags.role[k]:
            return False
        if flags.company[k]:
            nxt = texts[k + 1] if k + 1 < len(texts) else ""
            return nxt not in POSSESSIVE and not any(flags.role[m] for m in range(k + 1, min(k + 4, len(texts))))
    return False


def _named_noun(t: str, i: int, texts: list[str], ld: LangData) -> bool:
    """A capitalised compound that only ends in a company noun ("Klaverbank", "Rabobank"): a name where
    nouns are not capitalised, unless it opens a sentence before a name ("Bouwbedrijf Heijmans")."""
    if ld.capitalises_nouns or t.lower() in ld.lexicon.exact or not t[1:].islower():
        return False
    return i > 0 or not (len(texts) > 1 and texts[1][:1].isupper())


def _namey(t: str, ld: LangData) -> bool:
    """A token that looks like (part of) a name even in German."""
    return (
        t in ld.legal_forms
        or t.lower() in ld.org_words
        or (len(t) > 1 and any(c.isupper() for c in t[1:]))
        or not _known(t, ld.code)
    )


def _strip_legal(toks: tuple[str, ...], ld: LangData) -> tuple[str, ...]:
    while len(toks) > 1 and toks[-1] in ld.legal_forms:
        toks = toks[:-1]
    return toks


def _abbreviation(token: str, name: tuple[str, ...]) -> bool:
    """ "OBH" for "Orbisal Holding", "KL" for "Kandra Labs": capitals (and digits) whose first letter
    opens the name, not a ticker with an exchange or a year."""
    return (
        2 <= len(token) <= 6
        and token[0].isupper()
        and token.replace("&", "").isalnum()
        and sum(c.isupper() for c in token) >= 2
        and not token.isdigit()
        and token[0] == name[0][0]
    )


def _bracketed(texts: list[str], j: int) -> str | None:
    """The one token in brackets right after position j: "Orbisal Holding (OBH)"."""
    return texts[j + 1] if j + 2 < len(texts) and texts[j] == "(" and texts[j + 2] == ")" else None


def _initials(token: str | None, name: tuple[str, ...]) -> bool:
    """ "ASH" for "Alimentare Sabauda Holding": the capitals of the abbreviation are the words' first letters."""
    words = [t for t in name if t[:1].isalpha()]
    return token is not None and len(words) >= 2 and token.isupper() and token == "".join(w[0].upper() for w in words)


def _join(toks: tuple[str, ...]) -> str:
    """The name as written: a hyphen inside a name is always attached ("Anne-Sophie", "Rolls-Royce"), and so
    is the word after an elided particle ("Dell'Acqua", "D'Amico", "O'Neill")."""
    out = ""
    for k, tok in enumerate(toks):
        elided = k > 0 and toks[k - 1][-1:] in "'’" and len(toks[k - 1]) <= 5 and toks[k - 1][:-1].isalpha()
        out += tok if k == 0 or elided else " " + tok
    return out.replace(" - ", "-")


def _person_shaped(toks: tuple[str, ...], ld: LangData) -> bool:
    if "-" in toks:  # "Anne - Sophie Grand": one first name
        words = [t for t in _join(toks).split() if t not in ld.name_particles and t not in _SURNAME_PARTICLES]
        shaped = all(all(_titlecase_word(p) for p in w.split("-")) for w in words)
    else:
        words = [t for t in toks if t not in ld.name_particles and t not in _SURNAME_PARTICLES]
        shaped = all(_titlecase_word(t) for t in words)
    return (
        2 <= len(words) <= 4
        and shaped
        and not any(t.lower() in ld.org_words for t in words)
        and not any(t in ld.legal_forms for t in toks)
    )


def find_mentions(
    sents: list[Sentence],
    matches: list[list],
    ld: LangData,
    registry: Mapping[str, str] | None = None,
    tokenize=None,
) -> list[list[Mention]]:
    """Entity mentions per sentence, with canonical names and kinds."""
    registry = registry or {}
    # alias token tuple -> canonical
    reg: dict[tuple[str, ...], str] = {}
    for alias, canon in registry.items():
        toks = tuple(tokenize(alias)) if tokenize else tuple(alias.split())
        if toks:
            reg[toks] = canon
    reg_first: dict[str, list[tuple[str, ...]]] = {}
    for toks in sorted(reg, key=len, reverse=True):
        reg_first.setdefault(toks[0], []).append(toks)

    # 1. candidate runs with evidence
    strong: dict[tuple[str, ...], str] = {}  # surface -> reason
    weak: dict[tuple[str, ...], int] = {}
    person_ev: set[tuple[str, ...]] = set()
    org_ev: set[tuple[str, ...]] = set()
    org_sure: set[tuple[str, ...]] = set()  # described as a company, or owning a title: outweighs a bare surname
    placey: dict[tuple[str, ...], list[bool]] = {}
    always_place: set[tuple[str, ...]] = set()
    abbreviations: dict[tuple[str, ...], tuple[str, ...]] = {}
    with_article: set[tuple[str, ...]] = set()  # "A Petrolina vai pagar": a city's name takes no article
    gen_next: set[str] = set()  # "Orvane" when "Orvanes Erwerb" was seen
    initial: dict[str, int] = {}  # sentence-initial ordinary-looking words ("Tessaline is ...")
    lower_words = {t for sent in sents for t in sent.texts if t[:1].islower()}
    stop = stop_words(ld.code)
    # a verb starting a sentence whose subject is left implied ("Cerró el ejercicio con ..."): not a name
    verb_endings = tuple(ld.raw.get("entities", {}).get("initial_verb_endings", ())) or ("\0",)

    def known(word: str) -> bool:
        """An ordinary word of the language (so a capital may only mean "first in the sentence")."""
        if ld.capitalises_nouns:
            return _known(word, ld.code)
        # simplemma's dictionaries cost ~60 MB a language; where capitals mark names, the stop
        # words, our own cue words and the words the text itself writes in lower case are enough
        low = word.lower()
        return low in stop or low in lower_words or low in ld.lexicon.exact or low in ld.non_names

    def ordinary_initial(word: str) -> bool:
        """A capitalised word opening a sentence that is an ordinary word there, not a name."""
        if not ld.capitalises_nouns:
            return known(word.lower())
        # simplemma's German dictionary knows "Meta", "Siemens" and "Delta" as well as "Umsatz": a
        # dictionary word is ordinary when it is one of ours, a stop word, written in lower case in
        # the text, or not a singular noun as it stands ("Neue" -> "neu", "Investoren" -> "Investor")
        low = word.lower()
        if low in stop or word in ld.non_names or low in ld.lexicon.exact or low in lower_words:
            return True
        if not _known(word, ld.code):
            return False
        lemma = _lemma(word, ld.code)
        return lemma[:1].islower() or lemma != word

    def not_a_subject(j: int, texts: list[str], flags: _Kinds) -> bool:
        """After a common word opening a sentence, what shows it is an adverb or a gerund, not the subject:
        a comma ("Finally, X"), a name or an article next ("Today X", "Considerando i risultati"), or, where
        the verb comes second, the verb and then a name ("Daarvoor had X")."""
        if j >= len(texts):
            return True
        nxt = texts[j]
        if nxt in POSSESSIVE or nxt in ld.legal_forms or j in flags.trigger_start:
            return False
        if not nxt[:1].isalnum() or nxt[:1].isupper() or nxt.lower() in arts:
            return True
        return ld.verb_final and j + 1 < len(texts) and texts[j + 1][:1].isupper()

    subject_verbs = ld.cue_set("subject_verbs")

    def bare_name(i: int, j: int, texts: list[str], flags: _Kinds) -> bool:
        """German, where every noun is capitalised: a single dictionary word is a name where a noun would
        need an article: opening a sentence before its verb ("Meta hält"), or right after a deal verb or its
        preposition ("übernimmt Meta", "49 Prozent an Meta")."""
        word = texts[i]
        if ordinary_initial(word) or _lemma(word, ld.code) != word:
            return False
        if i == 0:  # "Meta hält ...", "Siemens AG ...", "Siemens' 1.200 Beschäftigte", "Siemens hat ..."
            return j in flags.trigger_start or (
                j < len(texts)
                and (texts[j] in ld.legal_forms or texts[j][:1].isdigit() or texts[j].lower() in subject_verbs)
            )
        if texts[i - 1][:1].isupper():
            return False
        return flags.pred_word[i - 1] or (i in flags.obj_prep_end and any(flags.pred_word[max(0, i - 8) : i]))

    runs = []
    for si, (sent, sm) in enumerate(zip(sents, matches, strict=True)):
        flags = _Kinds(len(sent.texts), sm, sent.texts)
        for i, j in _runs(sent, ld, flags):
            runs.append((i != 0, si, i, j, flags))
    # sentence-initial runs last: by then we know whether "Kelpie Systems" is a name elsewhere
    runs.sort(key=lambda r: (not r[0], r[1], r[2]))
    last_place: dict[int, int] = {}  # sentence -> end of its last place name
    conj_words = ld.cue_set("conjunctions")
    arts = ld.cue_set("articles")
    # German "die", "der" start a relative clause as often as an apposition
    relatives = ld.cue_set("relative_pronouns")
    for _, si, i, j, flags in runs:
        texts = sents[si].texts
        toks = tuple(texts[i:j])
        # "Alimentare Sabauda Holding (ASH)": the initials in brackets vouch for every word, the first too
        in_brackets = _bracketed(texts, j)
        spelled = _initials(in_brackets, toks)
        if not spelled and i > 0 and texts[i - 1][:1].isupper() and _initials(in_brackets, (texts[i - 1], *toks)):
            # "Danish Wind Partners (DWP)": the word left out as an adjective or a sentence's first belongs to it
            i -= 1
            toks = (texts[i], *toks)
            spelled = True
        # "Tessiner Banca Ceresio", "Danish Valtrix": a nationality or city adjective describes the name;
        # but "Deutsche Bank", "Deutsche Post" are names of their own
        while (
            not spelled
            and len(toks) >= 2
            and knowledge.demonym(toks[0], ld.code)
            and not (len(toks) == 2 and (flags.company[i + 1] or toks[1].lower() in ld.org_words))
            # "Deutsche Telekom", "Bayerische Landesbank": what is left would be a common noun, no name
            and not (len(toks) == 2 and ld.capitalises_nouns and _known(toks[1], ld.code))
        ):
            i += 1
            toks = toks[1:]
        if (
            not spelled
            and ld.capitalises_nouns
            and len(toks) >= 2
            and _lemma(toks[0], ld.code) not in (toks[0], toks[0].lower())
            and not knowledge.is_given_name(toks[0])
            and not knowledge.demonym(toks[0], ld.code)  # kept above: "Deutsche Bank", "Deutsche Telekom"
        ):
            # "nach acht Jahren Ende Juni": an inflected noun does not open a name
            i += 1
            toks = toks[1:]
        given = _person_shaped(toks, ld) and knowledge.is_given_name(toks[0].split("-")[0])
        # "CFO Jane Doe" marks a person; "CFO of Quillon", "Finanzvorständin von Quillon" an organisation
        # (in German only without an article after "von": "Präsidentin von der Leyen" is a person)
        title_of = i in flags.role_of_end and not (ld.capitalises_nouns and (i - 1) in flags.article_end)
        role_adj = _evidence_role(flags, i, j) and not (title_of and not given)
        if (
            not spelled
            and i == 0
            and len(toks) >= 2
            and toks not in strong
            and toks[1:] in strong
            and not role_adj
            and not given
        ):
            # "Alemã Halvex compra ...": a headline's adjective before a name seen elsewhere
            i += 1
            toks = toks[1:]
        elif (
            not spelled
            and i == 0
            and toks not in strong
            and not role_adj
            and not given
            and (
                ordinary_initial(toks[0])
                or (len(toks) == 1 and toks[0].lower().endswith(verb_endings))
                or (
                    len(toks) == 1
                    and not ld.capitalises_nouns
                    and _common(toks[0].lower(), ld.code)
                    and not_a_subject(j, texts, flags)
                )
            )
            and not (len(toks) >= 2 and toks[0].lower() in ld.org_words and not ld.capitalises_nouns)
        ):
            # ("Banca Solaris ...": a word that names companies is part of the name, as mid-sentence)
            # an ordinary word starting the sentence ("Großes", "The") is not part of the name
            if len(toks) == 1 or toks[1].lower() in ld.non_names or toks[1] in ld.legal_forms:
                weak[toks] = weak.get(toks, 0)
                initial[toks[0]] = initial.get(toks[0], 0) + 1
                if j < len(texts) and texts[j] in POSSESSIVE:
                    initial[toks[0]] += 2
                continue
            i += 1
            toks = toks[1:]
        after_det = i > 0 and (
            i in flags.article_end
            or (texts[i - 1][:1].islower() and texts[i - 1].endswith(("e", "en", "er", "es", "em")))
        )
        if (
            not spelled
            and ld.capitalises_nouns
            and len(toks) >= 2
            and (len(toks[0]) >= 10 or after_det)
            and _known(toks[0], ld.code)
            and not role_adj
            and not given
            and toks[-1].lower() not in ld.org_words
            and toks[-1] not in ld.legal_forms
        ):
            # "Maschinenbauer Kettwig": a long common noun in apposition, then the name
            i += 1
            toks = toks[1:]
        before = i - 1
        # allow a word or two between a company noun and the name ("groupe de technologies Tarvos"),
        # but not an article: "der Firma eine Frist" starts a new phrase; German puts the name
        # right after the noun ("der Batteriehersteller Quorris")
        gap = 0 if ld.capitalises_nouns else 2
        while (
            before >= 0
            and before >= i - gap
            and not flags.company[before]
            and texts[before][:1].islower()
            and before + 1 not in flags.article_end
        ):
            before -= 1
        # "the battery maker Quorris"; but "la empresa de Valencia" is a place
        after_company = before >= 0 and flags.company[before] and before >= i - 3 and i not in flags.place_prep_end
        legal = toks[-1] in ld.legal_forms and len(toks) > 1
        hyphen_head = j + 1 < len(texts) and texts[j] == "-" and flags.head[j + 1]
        possessive = j < len(texts) and texts[j] in POSSESSIVE
        if ld.capitalises_nouns and len(toks) >= 2 and not role_adj and not legal:
            if flags.head[j - 1] and toks[-1].lower() not in ld.org_words:
                # "Nordlicht Energies Bewertung": a name, then one of our nouns
                j -= 1
                toks = toks[:-1]
                hyphen_head = possessive = False
                if len(toks) >= 2 and _german_genitive(toks[-1], ld):
                    strong.setdefault((*toks[:-1], toks[-1][:-1]), "multi")  # its genitive: "Nordlicht Energie"
            elif len(toks) == 2 and toks[0].endswith("s") and len(toks[0]) > 3 and not _namey(toks[-1], ld):
                # "Orvanes Einblicke": a genitive and a noun, not one name ("Hansa Mobilfunk" is one)
                j = i + 1
                toks = toks[:1]
                hyphen_head = possessive = False
        if (
            len(toks) == 1
            and toks[0].endswith("s")
            and j < len(texts)
            and _is_cap(texts[j])
            and i not in flags.article_end
        ):
            gen_next.add(toks[0][:-1])
        if (
            ld.capitalises_nouns
            and j < len(texts)
            and texts[j][:1].isdigit()
            and i not in flags.article_end
            and _german_genitive(toks[-1], ld)
        ):
            # "Metas 12.500 Beschäftigte", "Hansa Mobilfunks 1.200 Beschäftigte": whose staff it is
            base = (*toks[:-1], toks[-1][:-1])
            strong.setdefault(base, "multi" if len(base) > 1 else "genitive")
            strong.setdefault(toks, "multi")
        reason = None
        role_head = j + 1 < len(texts) and texts[j] == "-" and flags.role[j + 1]
        # "Tessaline's chief executive": whose chief a name is, it is an organisation
        role_owner = possessive and j + 1 < len(texts) and flags.role[j + 1]
        described = (
            not role_adj
            # "Fondée par ... et par Karim Benali, la société compte": a person's name, then the next clause
            and not given
            and i not in flags.place_prep_end
            and not (j + 1 < len(texts) and texts[j + 1].lower() in relatives)
            and _company_apposition(texts, j, flags)
        )
        # "fundador da Quinta Digital": a name after a title and "of" is an organisation
        role_of = title_of and not given
        # "die Tessin-Anteile", "Quorris-Übernahme": whose shares or takeover it is, it is a company
        deal_head = hyphen_head and (j + 1) in flags.trigger_start
        # "Ottone Brisa founded Brisa": what is founded is an organisation, even under its founder's surname
        founded = not given and any(
            s + 1 <= i <= e + 2 and all(texts[k].lower() in arts or flags.company[k] for k in range(max(s + 1, e), i))
            for s, e in flags.founds
        )
        founder = _person_shaped(toks, ld) and any(0 <= s - j <= 1 for s, _ in flags.founds)
        if legal or after_company or role_head or role_owner or described or role_of or deal_head or founded:
            reason = "org"
            org_ev.add(_strip_legal(toks, ld))
            # "den Ventilhersteller Fabbrica Tornelli": a company noun right before the name
            # (a legal form too: "Brisa S.p.A." is a company even where "Ottone Brisa" founded it)
            if legal or role_owner or described or role_of or founded or (after_company and before == i - 1):
                org_sure.add(_strip_legal(toks, ld))
        elif (role_adj or founder or 0 <= i - flags.founded_end <= 3 or j in flags.join_start) and _person_shaped(
            toks, ld
        ):
            reason = "person"  # "CEO Jane Doe", "founded by Jane Doe"
            person_ev.add(toks)
        elif len(toks) >= 2 or hyphen_head or possessive:
            reason = "multi"
        elif len(toks[0]) > 1 and any(c.isupper() for c in toks[0][1:]):
            reason = "case"
        elif not ld.capitalises_nouns and i > 0:
            reason = "cap"
        elif toks[0].isalpha() and not known(toks[0]):
            reason = "unknown"
        elif ld.capitalises_nouns and len(toks) == 1 and (possessive or bare_name(i, j, texts, flags)):
            reason = "bare"
        if reason:
            strong.setdefault(toks, reason)
        else:
            weak[toks] = weak.get(toks, 0) + 1
        if in_brackets is not None and _abbreviation(in_brackets, toks):
            abbreviations[(in_brackets,)] = toks  # "Orbisal Holding (OBH)": OBH is Orbisal Holding
        based = j + 1 < len(texts) and texts[j] == "-" and (j + 1) in flags.place_suffix
        if based:
            always_place.add(_strip_legal(toks, ld))
        # "the Lisbon start-up"; but "Nubo, aplicativo de entregas," is an apposition to a name
        modifier = not ld.capitalises_nouns and any(
            k < len(texts) and flags.company[k] and texts[k][:1].islower() and texts[k - 1] != "," for k in (j, j + 1)
        )
        # "in Lisbon, Porto and Braga"; but "Basé à Lyon, X emploie ...": X opens the main clause
        listed = (
            i >= 2
            and texts[i - 1] in {",", "(", "/"} | conj_words
            and last_place.get(si) == i - 1
            and (j >= len(texts) or not texts[j][:1].isalpha() or texts[j].lower() in conj_words)
        )
        is_place = i in flags.place_prep_end or modifier or based or listed
        if is_place:
            last_place[si] = j
        placey.setdefault(_strip_legal(toks, ld), []).append(is_place)
        if i in flags.article_end:
            with_article.add(_strip_legal(toks, ld))

    for toks in list(weak):
        if len(toks) == 1 and toks[0] in gen_next:
            strong.setdefault(toks, "genitive")
        # a word that starts several sentences and is never written in lower case is a name
        if (
            len(toks) == 1
            and initial.get(toks[0], 0) >= 2
            and toks[0].lower() not in lower_words
            and not ld.capitalises_nouns
        ):
            strong.setdefault(toks, "initial")
    names: dict[tuple[str, ...], tuple[str, str]] = {}
    for toks in strong:
        base = _strip_legal(toks, ld)
        names[toks] = (reg.get(toks) or reg.get(base) or _join(base), "")
    # genitive -s of a known name (German "Orvanes", Dutch "Quorris'")
    for toks in list(strong) + list(weak):
        last = toks[-1]
        if last.endswith("s") and len(last) > 3:
            base = (*toks[:-1], last[:-1])
            if base in names or base in reg:
                names[toks] = (names.get(base, (reg.get(base, _join(base)), ""))[0], "gen")
    for short, full in abbreviations.items():
        if full in names:
            names[short] = names[full]
    # prefix alias: "Scale" for "Scale AI", "Vale do Sinos" for "Vale do Sinos Calçados"; suffix alias:
    # "Olivaud" for "Transports Olivaud", "Riberalta" for "Bodegas Riberalta" (a trade word, then the name).
    # Organisation names only, and never two names that one sentence holds apart ("A EDP detém 82,6 % da
    # EDP Renováveis": two companies).
    multi = [t for t in names if len(t) >= 2]

    def apart(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
        n, k = len(long), len(short)
        for sent in sents:
            texts = sent.texts
            longs = [j for j in range(len(texts) - n + 1) if tuple(texts[j : j + n]) == long]
            if longs and any(
                tuple(texts[i : i + k]) == short and not any(j <= i < j + n for j in longs)
                for i in range(len(texts) - k + 1)
            ):
                return True
        return False

    for toks in list(weak) + list(strong):
        if toks in names and names[toks][0] != _join(_strip_legal(toks, ld)):
            continue
        for m in multi:
            long = _strip_legal(m, ld)
            if len(long) <= len(toks) or long == toks:
                continue
            if len(toks) == 1:
                prefix = m[:1] == toks and not _person_shaped(m, ld)
                suffix = (
                    len(long) == 2
                    and long[-1] == toks[0]
                    # (a trade word our lists know: simplemma's dictionaries would double the memory)
                    and (long[0].lower() in ld.org_words or known(long[0]))
                    # "Italia QuillPay", "Deutsche Orvane": a place or its adjective before a name is a branch
                    and knowledge.place(long[0]) is None
                    and not knowledge.is_given_name(long[0])  # "Claire Corbel" is a person
                    and not _institution(long, ld)  # "Fondazione Orsolina" owns Orsolina
                    and not knowledge.demonym(long[0], ld.code)
                    and not known(toks[0])
                )
            else:
                prefix = long[: len(toks)] == toks and (long in org_ev or m[-1] in ld.legal_forms)
                suffix = False
            if (prefix or suffix) and not apart(toks, long):
                names[toks] = names[m]
                break

    # surname alias: "Lindqvist" for "Peter Lindqvist"
    # a list in order of appearance, so that a shared surname resolves the same way in every run
    persons = [t for t in names if _person_shaped(_strip_legal(t, ld), ld)]
    person_canon = {names[t][0] for t in person_ev if t in names}
    for toks in list(strong) + list(weak):
        if len(toks) == 1:
            for p in persons:
                if p[-1] == toks[0] and p != toks:
                    # "Brisa" the company that Ottone Brisa founded is not its founder
                    if toks in org_sure and (p in person_ev or knowledge.is_given_name(p[0])):
                        break
                    names[toks] = names[p]
                    break

    kinds: dict[str, str] = {}
    pshaped: set[str] = set()
    surnames = {t[0] for t in list(strong) + list(weak) if len(t) == 1}
    person_kind: set[str] = set()
    org_kind: set[str] = set()
    for toks, (canon, _) in names.items():
        base = _strip_legal(toks, ld)
        if _person_shaped(base, ld):
            pshaped.add(canon)
            if base in person_ev or canon in person_canon:
                person_kind.add(canon)
            elif base[-1] in surnames and base not in org_sure and base[-1:] not in org_sure:
                person_kind.add(canon)  # "Lindqvist" alone after "Peter Lindqvist"; not "Tornelli's chief"
        if toks[-1] in ld.legal_forms or (base in org_ev and canon not in person_kind):
            org_kind.add(canon)
    states: set[str] = set()
    country_names: dict[str, str] = {}
    for toks, (canon, _) in names.items():
        base = _strip_legal(toks, ld)
        if canon in org_kind or canon in person_kind or base in org_sure or toks[-1] in ld.legal_forms:
            continue
        if any(t.lower() in ld.org_words for t in base):
            continue
        where = knowledge.place(canon)
        if where is None or (where.ambiguous and not all(placey.get(base, [False]))):
            continue
        # a country or region, or a big city by its name in its own country's press or in English, is a place
        # wherever it stands; a small town's name ("Quillon") or a foreign alternate name ("Hansa") is as
        # likely a company's, so it needs the text to use it as a place ("in Hansa")
        own_name = where.major and (where.name == canon or where.country in HOME_COUNTRIES.get(ld.code, ()))
        # a town's name that is no ordinary word, never given an article and never described as a company
        # ("le port de Concarneau", "in Llangefni") is the town
        town = not where.ambiguous and where.name == canon
        if (
            where.kind in STATE_KINDS
            or ((own_name or town) and base not in with_article)
            or all(placey.get(base, [False]))
        ):
            always_place.add(base)
            if where.kind in STATE_KINDS:
                states.add(canon)
            if where.kind == "country":
                country_names[canon] = where.name  # the contract names a state by its country: "Dänemark" -> Denmark
    for toks, (canon, _) in names.items():
        if _institution(_strip_legal(toks, ld), ld) and toks[-1] not in ld.legal_forms:
            kinds[canon] = OTHER  # "Supremo Tribunal Federal", "CDU-Parteivorstand": no company
        elif len(toks) == 1 and canon not in org_kind and knowledge.demonym(toks[0], ld.code):
            kinds[canon] = OTHER  # "der Bielefelder Maschinenbauer": where a company is from, not a company
        elif _strip_legal(toks, ld) in always_place and canon not in org_kind:
            kinds[canon] = PLACE
        elif canon in org_kind:
            kinds[canon] = ORG
        elif canon in person_kind:
            kinds[canon] = PERSON
        else:
            base = _strip_legal(toks, ld)
            pl = placey.get(base)
            orgish = any(t.lower() in ld.org_words for t in base)
            kinds.setdefault(canon, PLACE if pl and all(pl) and not orgish else ORG)
    for toks, canon in reg.items():
        kinds.setdefault(canon, PERSON if _person_shaped(toks, ld) else ORG)

    # 2. scan every sentence for the accepted names (longest first)
    table: dict[str, list[tuple[tuple[str, ...], str, bool]]] = {}
    for toks, (canon, how) in names.items():
        table.setdefault(toks[0], []).append((toks, canon, how == "gen"))
    for toks, canon in reg.items():
        table.setdefault(toks[0], []).append((toks, canon, False))
        # the genitive "Brightwaves" of a registered "Brightwave"
        table.setdefault(toks[0], []).append(((*toks[:-1], toks[-1] + "s"), canon, True))
    for v in table.values():
        v.sort(key=lambda e: len(e[0]), reverse=True)

    registered = set(reg.values())
    described = org_kind | person_canon | states
    out: list[list[Mention]] = []
    for sent, sm in zip(sents, matches, strict=True):
        texts = sent.texts
        n = len(texts)
        ms: list[Mention] = []
        nxt = 0
        # only positions where a known name can start (a list comprehension beats a token loop)
        for i in [k for k, t in enumerate(texts) if t in table]:
            if i < nxt:
                continue
            best = None
            for toks, canon, gen in table[texts[i]]:
                if tuple(texts[i : i + len(toks)]) == toks:
                    best = (toks, canon, gen)
                    break
            if best is None:
                continue
            toks, canon, gen = best
            j = i + len(toks)
            while j < n and texts[j] in ld.legal_forms:
                j += 1
            if j < n and texts[j] in POSSESSIVE:
                gen = True
            if j + 1 < n and texts[j] == "-" and sent.starts[j] == sent.ends[j - 1]:
                gen = True  # "Halvex-Chef", "Quorris-Anteile"
            evidence = "registry" if canon in registered else "described" if canon in described else "shape"
            name = country_names.get(canon, canon)
            ms.append(Mention(i, j, name, kinds.get(canon, ORG), gen, canon in pshaped, canon in states, evidence))
            nxt = j
        states = [m for m in sm if m[2][0] == "state"]
        if states:
            taken = {k for m in ms for k in range(m.start, m.end)}
            for s, e, p, _ in states:
                if not any(k in taken for k in range(s, e)):
                    ms.append(Mention(s, e, p[1], ORG, evidence="described"))  # "the Dutch state"
                    taken.update(range(s, e))
            ms.sort(key=lambda m: m.start)
        out.append(ms)
    return out


def _evidence_role(flags: _Kinds, i: int, j: int) -> bool:
    """A role title right before the run or within a few tokens after it."""
    n = len(flags.role)
    if any(flags.role[k] for k in range(max(0, i - 3), i)):
        return True
    # "the chief executive of Kelpie Systems, Ines Kovac"
    if i > 0 and any(flags.role[k] for k in range(max(0, i - 7), i)) and flags.comma_before(i):
        return True
    if j < n and flags.role[j]:
        # "Siemens Healthineers Chief Executive Bernd Montag": a name, a title, a name: the first is whose
        # title it is, the second who holds it
        k = j
        while k < n and flags.role[k]:
            k += 1
        if k < n and k < len(flags.texts) and flags.texts[k][:1].isupper():
            return False
    return any(flags.role[k] for k in range(j, min(j + 4, n)))
