"""Per-language data files (factcheck/lang/<code>.toml), loaded lazily and cached.

Everything that differs between languages lives in those files; this module turns
one into a `LangData`: a compiled `Lexicon` of cue phrases plus number conventions.
"""

from __future__ import annotations

import re
import threading
import tomllib
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

from factcheck.text import TokenizerSpec

LANG_DIR = Path(__file__).parent / "lang"
# Pattern token meaning "skip up to this many tokens" (German split verbs: "setzte ... um").
GAP = "..."
MAX_GAP = 16

_lock = threading.Lock()


@cache
def available() -> tuple[str, ...]:
    """The ISO 639-1 codes that have a data file."""
    return tuple(sorted(p.stem for p in LANG_DIR.glob("*.toml")))


class Lexicon:
    """Phrase patterns over lower-cased tokens, looked up by their first token.

    A pattern token is a literal ("umsatz"), a prefix ("umsatz*"), a suffix
    ("*umsatz") or a gap ("..."). spaCy's Matcher would need one pattern per
    wildcard and is slower on our many small lexicons, hence this dict index.
    """

    def __init__(self) -> None:
        self.exact: dict[str, list] = {}
        self.prefix: dict[int, dict[str, list]] = {}
        self.suffix: dict[int, dict[str, list]] = {}
        # token -> candidate patterns; words repeat, so most lookups are one dict hit
        self._cache: dict[str, list] = {}

    def add(self, tokens: tuple[str, ...], payload: tuple) -> None:
        first, rest = tokens[0], tokens[1:]
        # More literal characters = more specific ("finanzchef*" beats "*chef").
        spec = sum(len(t.strip("*")) for t in tokens if t != GAP) + (100 if "*" not in first else 0)
        self._cache.clear()
        entry = (rest, payload, spec)
        if first.endswith("*") and len(first) > 1:
            stem = first[:-1]
            self.prefix.setdefault(len(stem), {}).setdefault(stem, []).append(entry)
        elif first.startswith("*") and len(first) > 1:
            stem = first[1:]
            self.suffix.setdefault(len(stem), {}).setdefault(stem, []).append(entry)
        else:
            self.exact.setdefault(first, []).append(entry)

    def _candidates(self, tok: str) -> list:
        hit = self._cache.get(tok)
        if hit is not None:
            return hit
        out = self._lookup(tok)
        if len(self._cache) < 200_000:  # bounded: a worker's memory must not grow with every new word
            self._cache[tok] = out
        return out

    def _lookup(self, tok: str) -> list:
        out = list(self.exact.get(tok, ()))
        n = len(tok)
        for length, table in self.prefix.items():
            if n >= length:
                hit = table.get(tok[:length])
                if hit:
                    out.extend(hit)
        for length, table in self.suffix.items():
            if n >= length:
                hit = table.get(tok[-length:])
                if hit:
                    out.extend(hit)
        return out

    @staticmethod
    def _tok_ok(pat: str, tok: str) -> bool:
        if pat.endswith("*") and len(pat) > 1:
            return tok.startswith(pat[:-1])
        if pat.startswith("*") and len(pat) > 1:
            return tok.endswith(pat[1:])
        return tok == pat

    def _rest(self, rest: tuple[str, ...], lowers: list[str], j: int) -> int:
        """End index of `rest` matched from j, or -1."""
        k = 0
        while k < len(rest):
            pat = rest[k]
            if pat == GAP:
                nxt = rest[k + 1]
                for jj in range(j, min(j + MAX_GAP, len(lowers))):
                    if self._tok_ok(nxt, lowers[jj]):
                        end = self._rest(rest[k + 2 :], lowers, jj + 1)
                        if end >= 0:
                            return end
                return -1
            if j >= len(lowers) or not self._tok_ok(pat, lowers[j]):
                return -1
            j += 1
            k += 1
        return j

    def find_all(self, lowers: list[str]) -> list[tuple[int, int, tuple, int]]:
        """All matches as (start, end, payload, specificity)."""
        out = []
        cache = self._cache
        for i, tok in enumerate(lowers):
            cands = cache.get(tok)
            if cands is None:
                cands = self._candidates(tok)
            if not cands:
                continue
            for rest, payload, spec in cands:
                end = self._rest(rest, lowers, i + 1) if rest else i + 1
                if end >= 0:
                    out.append((i, end, payload, spec))
        return out


@dataclass
class LangData:
    code: str
    raw: dict
    locale: str
    parse_locale: str
    decimal: str
    group: str
    lexicon: Lexicon = field(default_factory=Lexicon)
    # Case-sensitive single-token currency symbols and codes ("$", "US$", "EUR").
    currency_symbols: dict[str, str] = field(default_factory=dict)
    legal_forms: frozenset[str] = frozenset()
    non_names: frozenset[str] = frozenset()
    name_particles: frozenset[str] = frozenset()
    particles_after_surname: bool = True
    org_words: frozenset[str] = frozenset()
    institution_words: frozenset[str] = frozenset()  # "Senado", "Bundestag": a name of an institution
    institution_endings: tuple[str, ...] = ()  # "*ministerium"
    abbreviations: tuple[str, ...] = ()
    tokenizer: TokenizerSpec = field(default_factory=TokenizerSpec)
    capitalises_nouns: bool = False
    verb_final: bool = False
    quarter_token: re.Pattern | None = None  # "Q2", "T2"
    half_token: re.Pattern | None = None  # "H1", "S2"
    number_words: bool = True
    _cue_sets: dict[str, frozenset[str]] = field(default_factory=dict, repr=False)

    def section(self, name: str) -> dict:
        return self.raw.get(name, {})

    def cue_set(self, name: str) -> frozenset[str]:
        """A `[cues]` list as a lower-cased set, built once per language (it is asked per figure)."""
        got = self._cue_sets.get(name)
        if got is None:
            got = self._cue_sets[name] = frozenset(w.lower() for w in self.section("cues").get(name, ()))
        return got


def _pattern_tokens(phrase: str, tokenize, keep: frozenset[str] = frozenset()) -> tuple[str, ...]:
    out: list[str] = []
    for piece in phrase.split():
        if "*" in piece or piece == GAP or piece.lower() in keep or piece.endswith(("'", "’")):
            out.append(piece.lower())
        else:
            out.extend(t.lower() for t in tokenize(piece))
    return tuple(out)


# Currencies seeded from babel; babel's full list holds words like "won" and "rand"
# that are ordinary words elsewhere, so only the ones a business story uses.
BABEL_CURRENCIES = ("USD", "EUR", "GBP", "CHF", "JPY", "CNY", "BRL", "CAD", "AUD", "SEK", "NOK", "DKK", "INR")


def _babel_currencies(locale: str) -> tuple[dict[str, str], dict[str, str]]:
    from babel import Locale
    from babel.numbers import get_currency_name

    loc = Locale.parse(locale)
    names: dict[str, str] = {}
    symbols: dict[str, str] = {}
    for code in BABEL_CURRENCIES:
        for count in (1, 2):
            names[get_currency_name(code, count=count, locale=loc).lower()] = code
        sym = loc.currency_symbols.get(code)
        if sym and sym != code:
            symbols[sym] = code
        symbols[code] = code
    return names, symbols


# cleanco's terms that are also words or names in our languages' news ("Coop" the retailer, "scoop")
_NOT_LEGAL_FORMS = frozenset({"coop", "koop", "scoop", "sogepa", "soccol", "tapui", "ong", "limited"})


def _build(code: str) -> LangData:
    from factcheck import knowledge
    from factcheck.text import make_tokenizer

    raw = tomllib.loads((LANG_DIR / f"{code}.toml").read_text(encoding="utf-8"))
    meta = raw.get("meta", {})
    locale = meta.get("locale", code)
    from babel import Locale

    symbols = Locale.parse(locale).number_symbols.get("latn", {})
    nums = raw.get("numbers", {})
    ld = LangData(
        code=code,
        raw=raw,
        locale=locale,
        parse_locale=nums.get("parse_locale", locale),
        decimal=nums.get("decimal", symbols.get("decimal", ".")),
        group=nums.get("group", symbols.get("group", ",")),
        abbreviations=tuple(raw.get("text", {}).get("abbreviations", ())),
        tokenizer=TokenizerSpec(
            abbreviations=tuple(raw.get("text", {}).get("abbreviations", ())),
            base=raw.get("text", {}).get("spacy_base", ""),
            elision=raw.get("text", {}).get("elision", False),
        ),
        capitalises_nouns=meta.get("capitalises_nouns", False),
        verb_final=meta.get("verb_final", False),
        number_words=nums.get("number_words", True),
    )
    tokenize = make_tokenizer(code, ld.tokenizer)
    lex = ld.lexicon
    keep = frozenset(a.lower() for a in ld.abbreviations)

    def add(phrases, payload):
        for ph in phrases:
            toks = _pattern_tokens(ph, tokenize, keep)
            if toks:
                lex.add(toks, payload)

    # Predicates: triggers (either side of the value), count nouns (after the number),
    # loss words (a negative profit), and predicate-specific distractors.
    for pred, spec in raw.get("predicates", {}).items():
        add(spec.get("triggers", ()), ("trigger", pred, 1))
        # weak triggers ("worth") count only when no other trigger is near
        add(spec.get("weak_triggers", ()), ("trigger", pred, 1, "weak"))
        add(spec.get("verbs", ()), ("trigger", pred, 1))
        add(spec.get("passive", ()), ("trigger", pred, 1))
        add(spec.get("passive", ()), ("passive", pred))
        add(spec.get("passive_agents", ()), ("passive_agent", pred))
        add(spec.get("nouns", ()), ("noun", pred, 1))
        # weak nouns ("people") count only next to a verb of the predicate ("employs")
        add(spec.get("weak_nouns", ()), ("noun", pred, 0))
        add(spec.get("loss", ()), ("trigger", pred, -1))
        add(spec.get("hires", ()), ("trigger", pred, -1))
    for title, phrases in raw.get("roles", {}).items():
        add(phrases, ("role", title))
    add(raw.get("roles_by_verb", {}).get("founded_by", ()), ("founded_by",))
    add(raw.get("roles_by_verb", {}).get("founds", ()), ("founds",))
    add(raw.get("roles_by_verb", {}).get("founded_by_final", ()), ("founded_by_final",))
    for q, phrases in raw.get("qualifiers", {}).items():
        add(phrases, ("qual", q))
    for m, phrases in raw.get("modality", {}).items():
        add(phrases, ("modal", m))
    for p, phrases in raw.get("periods", {}).items():
        add(phrases, ("period", p))
    n = raw.get("numbers", {})
    for word, mult in n.get("scales", {}).items():
        add([word], ("scale", float(mult)))
    add(n.get("percent", ()), ("percent",))
    add(n.get("currency_connectors", ()), ("connector",))
    names, syms = _babel_currencies(locale)
    names.update({k.lower(): v for k, v in raw.get("currencies", {}).get("names", {}).items()})
    for name, iso in names.items():
        add([name], ("currency", iso))
    syms.update(raw.get("currencies", {}).get("symbols", {}))
    ld.currency_symbols = syms
    e = raw.get("entities", {})
    add(e.get("company_nouns", ()), ("company",))
    add(e.get("org_pronouns", ()), ("pronoun",))
    add(e.get("person_pronouns", ()), ("person_pronoun",))
    add(e.get("place_prepositions", ()), ("place_prep",))
    add(e.get("place_suffixes", ()), ("place_suffix",))
    add(e.get("weak_place_prepositions", ()), ("weak_place_prep",))
    add(e.get("product_nouns", ()), ("product",))
    for country, phrases in e.get("states", {}).items():
        add(phrases, ("state", country))
    # our own list, plus every legal form that cleanco knows as it is written ("S.r.l.", "Lda", "ApS"):
    # only forms with a capital letter, so that no ordinary lower-case word is taken for one
    ld.legal_forms = frozenset(e.get("legal_forms", ())) | frozenset(
        f for f in knowledge.LEGAL_FORMS if " " not in f and f[:1].isupper() and f.lower() not in _NOT_LEGAL_FORMS
    )
    ld.non_names = frozenset(w.lower() for w in e.get("non_names", ()))
    ld.name_particles = frozenset(e.get("name_particles", ()))
    # "Javier Ruiz de Azúa", "Sella di Monteluce": particles may follow a surname, except where they mean "of"
    ld.particles_after_surname = e.get("particles_after_surname", True)
    ld.org_words = frozenset(w.lower() for w in e.get("org_words", ()))
    inst = [w.lower() for w in e.get("institution_words", ())]
    ld.institution_words = frozenset(w for w in inst if not w.startswith("*"))
    ld.institution_endings = tuple(w[1:] for w in inst if w.startswith("*"))
    c = raw.get("cues", {})
    add(c.get("distractors", ()), ("distract",))
    add(c.get("growth", ()), ("growth",))
    # "€2.4bn including debt", "dette comprise": the word after (or before) a distractor makes it
    # part of the figure, not what the figure is
    add(c.get("inclusive", ()), ("inclusive",))
    add(c.get("inclusive_after", ()), ("inclusive_after",))
    add(c.get("object_prepositions", ()), ("obj_prep",))
    add(c.get("payee_prepositions", ()), ("payee_prep",))
    add(c.get("of_prepositions", ()), ("of_prep",))
    add(c.get("price_prepositions", ()), ("price_prep",))
    add(c.get("from_prepositions", ()), ("from_prep",))
    add(c.get("partner_prepositions", ()), ("partner_prep",))
    add(c.get("lead", ()), ("lead",))
    add(c.get("agent_prepositions", ()), ("agent_prep",))
    add(c.get("becomes", ()), ("becomes",))
    add(c.get("copulas", ()), ("copula",))
    add(c.get("parts", ()), ("part",))
    add(c.get("staff_changes", ()), ("staff_change",))
    add(c.get("join_prepositions", ()), ("to_prep",))
    add(c.get("since", ()), ("since",))
    add(c.get("future_date", ()), ("future_date",))
    # Words before a title that say the person does not hold it: "former CEO", "vice-president".
    add([*c.get("former", ()), *c.get("deputy", ())], ("not_holder",))
    add(c.get("deputy_after", ()), ("not_holder_after",))
    add(c.get("dative_pronouns", ()), ("dative",))
    add(c.get("oblique_prepositions", ()), ("oblique_prep",))
    add(c.get("led_by", ()), ("led_by",))
    add(c.get("wins", ()), ("wins",))
    add(c.get("new_office", ()), ("new_office",))
    add(c.get("same_office", ()), ("same_office",))
    add(c.get("clause_breaks", ()), ("break",))
    add(c.get("conjunctions", ()), ("conj",))
    add(c.get("value_verbs", ()), ("value_verb",))
    add(c.get("articles", ()), ("article",))
    add(c.get("relative_pronouns", ()), ("relative",))
    add(c.get("successor", ()), ("successor",))
    add(c.get("succeeds", ()), ("succeeds",))
    add(c.get("successor_of", ()), ("successor_of",))
    add(c.get("hedges", ()), ("hedge",))
    add(c.get("succeeded_by", ()), ("successor",))  # "replaced by X": X is the successor
    add(c.get("raise", ()), ("raise",))
    add(c.get("steps_down", ()), ("steps_down",))
    add(c.get("receives", ()), ("receives",))
    add(c.get("sells", ()), ("sells",))
    add(c.get("round", ()), ("round",))
    add(c.get("origin", ()), ("origin",))
    add(c.get("change_from", ()), ("change_from",))
    add(c.get("change_to", ()), ("change_to",))
    t = raw.get("time", {})
    letters = "".join(re.escape(x.upper() + x.lower()) for x in t.get("quarter_letters", ()))
    ld.quarter_token = re.compile(rf"^[{letters}]([1-4])$") if letters else None
    halves = "".join(re.escape(x.upper() + x.lower()) for x in t.get("half_letters", ()))
    ld.half_token = re.compile(rf"^[{halves}]([12])$") if halves else None
    add(t.get("half_words", ()), ("half",))
    for offset, phrases in t.get("relative_years", {}).items():
        add(phrases, ("rel_year", int(offset)))
    # "ein Jahr zuvor", "a year earlier": a year before the period the text is about, not before today
    add(t.get("year_earlier", ()), ("rel_year", -1, "earlier"))
    add(t.get("quarter_words", ()), ("quarter",))
    for num, phrases in t.get("ordinals", {}).items():
        add(phrases, ("ordinal", int(num)))
    from babel.dates import get_month_names

    for i, name in get_month_names("wide", locale=locale).items():
        add([name.lower()], ("month", i))
    for i, name in get_month_names("abbreviated", locale=locale).items():
        add([name.lower().rstrip(".")], ("month", i))
        lex.add((name.lower().rstrip(".") + ".",), ("month", i))
    return ld


_loaded: dict[str, LangData] = {}


def get(code: str) -> LangData:
    """The compiled data of one language, built on first use."""
    ld = _loaded.get(code)
    if ld is None:
        if code not in available():
            raise ValueError(f"no language data for {code!r}; have {', '.join(available())}")
        with _lock:
            ld = _loaded.get(code)
            if ld is None:
                ld = _loaded[code] = _build(code)
    return ld


@lru_cache(maxsize=16)
def stop_words(code: str) -> frozenset[str]:
    """spaCy's stop words of a language, read from their own file.

    Importing `spacy.lang.<code>.stop_words` runs the language package first, and
    French's builds its tokenizer exceptions on import (~4.5 s): we need only the list.
    """
    import importlib.util
    from pathlib import Path

    import spacy

    path = Path(spacy.__file__).parent / "lang" / code / "stop_words.py"
    spec = importlib.util.spec_from_file_location(f"_factcheck_stop_words_{code}", path)
    if spec is None or spec.loader is None or not path.exists():
        return frozenset()
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return frozenset(getattr(module, "STOP_WORDS", ()))
