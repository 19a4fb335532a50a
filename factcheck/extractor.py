"""One language-neutral extractor driven by the per-language data files.

Per sentence: cue phrases (lexicon), numbers with units, entity mentions; each
number is linked to the nearest trigger of a compatible predicate (a nearer
distractor, such as a share-price move, wins it away); subjects and objects come
from possessives, prepositions and proximity, and implied subjects ("the company")
resolve to the most salient organisation so far.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from factcheck import confidence, langid, languages
from factcheck.claim import Claim, Extraction
from factcheck.entities import ORG, PERSON, PLACE, Mention, find_mentions
from factcheck.languages import LangData
from factcheck.numbers import Value, find_values
from factcheck.text import Sentence, make_tokenizer, sentences

# lexicon kinds that can start a claim; a sentence without any is only read for names
CLAIM_CUES = frozenset({"trigger", "noun", "role", "founded_by", "founds", "successor", "succeeds", "raise", "round"})
MONEY_PREDICATES = frozenset({"investment", "valuation", "acquisition", "revenue", "profit", "payment"})
COUNT_PREDICATES = frozenset({"employees", "users"})
PRICE_PREDICATES = frozenset({"acquisition", "investment", "payment"})
TWO_PLACE = frozenset({"stake", "investment", "acquisition", "payment"})
FISCAL = frozenset({"revenue", "profit"})
KIND_OUT = {ORG: "organisation", PERSON: "person", PLACE: "other"}

# How far (in tokens) a number may be from its trigger; a clause break counts extra.
MAX_LINK = {"%": 10, "money": 16}
BREAK_COST = 6
# Triggers usually come before their figure ("bought X for $1bn"); one after it costs extra.
AFTER_COST = 3
_YEAR = re.compile(r"^(19[5-9]\d|20\d\d|2100)$")


@dataclass(slots=True)
class _Implied:
    start: int
    end: int
    person: bool = False
    noun: str = ""  # "fund" in "the fund": resolves to the organisation introduced as "the fund X"


@dataclass
class _Sent:
    s: Sentence
    by_start: dict
    by_end: dict
    values: list[Value]
    mentions: list[Mention]
    implied: list[_Implied]
    breaks: list[int]  # prefix sums of clause breaks
    times: list[tuple[int, str]] | None = None  # computed when a claim needs a time
    kinds: dict = field(default_factory=dict)  # payload kind -> list of (start, end, payload)
    # prefix sums of tokens inside appositions (", a family-owned maker of valves,"), which a
    # figure's distance to its trigger does not count
    aside: list[int] | None = None

    def of(self, kind: str) -> list:
        return self.kinds.get(kind, [])

    def dist(self, a: int, b: int) -> int:
        lo, hi = (a, b) if a <= b else (b, a)
        d = hi - lo + BREAK_COST * (self.breaks[hi] - self.breaks[lo])
        if self.aside is not None:
            d -= self.aside[hi] - self.aside[lo]
        return d


class _Salience:
    """Which organisation "the company" / "it" most likely means at a point of the text."""

    def __init__(self) -> None:
        self.count: dict[str, int] = {}
        self.last: dict[str, int] = {}
        self.last_pos: dict[str, int] = {}
        self.topic_count: dict[str, int] = {}
        self.first: dict[str, int] = {}  # organisation -> order in which the text first named it
        self.last_of: dict[int, str] = {}  # sentence -> the last organisation it named
        self.persons: list[tuple[int, str]] = []

    def add(self, si: int, mentions: list[Mention], oblique: set[int] = frozenset()) -> None:
        first = True
        for m in mentions:
            if m.kind == ORG:
                self.count[m.name] = self.count.get(m.name, 0) + 1
                # the first organisation of a sentence is usually its subject: the text's topic
                self.topic_count[m.name] = self.topic_count.get(m.name, 0) + (2 if first else 1)
                self.first.setdefault(m.name, len(self.first))
                # "... zu Orvane wechselt", "from Stellan Capital": a destination or source is rarely
                # what "the company" in the next sentence means
                if m.start not in oblique:
                    self.last_of[si] = m.name
                first = False
                self.last[m.name] = si
                self.last_pos[m.name] = m.start
            elif m.kind == PERSON:
                self.persons.append((si, m.name))

    def resolve(self, si: int, current: list[Mention], pos: int, exclude: set) -> str | None:
        before = [m for m in current if m.kind == ORG and m.start < pos and m.name not in exclude]
        names = sorted(set(self.count) | {m.name for m in before})
        best, best_key = None, None
        for name in names:
            if name in exclude:
                continue
            # weight: how often (as a subject, double) and how lately the text named it
            score = self.topic_count.get(name, 0)
            if self.last.get(name) == si - 1:
                score += 1.5
                if self.last_of.get(si - 1) == name:
                    score += 2
            here = [m.start for m in before if m.name == name]
            if here:
                score += 1
                if before[-1].name == name:
                    score += 1
            # ties: the most recently mentioned
            key = (score, (si, here[-1]) if here else (self.last.get(name, -1), self.last_pos.get(name, -1)))
            if best_key is None or key > best_key:
                best, best_key = name, key
        return best

    def topic(self, exclude: set) -> str | None:
        """The organisation the text is mainly about so far."""
        # ties: the one named first
        cands = sorted((v, -self.first[k], k) for k, v in self.topic_count.items() if k not in exclude)
        return cands[-1][2] if cands else None

    def last_person(self, si: int, window: int = 2, exclude: str | None = None) -> str | None:
        for sj, name in reversed(self.persons):
            if si - sj > window:
                break
            if name != exclude:
                return name
        return None


def extract(
    text: str,
    *,
    published: dt.date | None = None,
    lang: str | None = None,
    entities: Mapping[str, str] | None = None,
) -> Extraction:
    """Structured claims of one article (see shared/spec/claims.md)."""
    code = lang or langid.detect(text)
    ld = languages.get(code)
    result = Extraction(lang=code)
    if not text.strip():
        return result
    sents = sentences(text, code, ld.tokenizer)
    matches = [ld.lexicon.find_all(s.lowers) for s in sents]
    mentions = find_mentions(sents, matches, ld, entities, make_tokenizer(code, ld.tokenizer))
    ex = _Extractor(text, ld, published, result)
    for s, sm, ms in zip(sents, matches, mentions, strict=True):
        ex.sentence(s, sm, ms)
    result.claims = _dedupe(result.claims)
    result.incomplete = _dedupe(result.incomplete)
    return result


def _dedupe(claims: list[Claim]) -> list[Claim]:
    seen, out = set(), []
    for c in claims:
        k = (c.predicate, c.subject, c.object, c.value, c.unit, c.period, c.time, c.role)
        if k not in seen:
            seen.add(k)
            out.append(c)
    return out


def _hyphen_modifier(s: Sentence, i: int) -> bool:
    """Token i ends a compound with a lower-case first word: "family-owned", not "49%-Beteiligung"."""
    return (
        i >= 2
        and s.texts[i - 1] == "-"
        and s.starts[i] == s.ends[i - 1]
        and s.starts[i - 1] == s.ends[i - 2]
        and s.texts[i - 2].isalpha()
        and s.texts[i - 2].islower()
    )


class _Extractor:
    def __init__(self, text: str, ld: LangData, published: dt.date | None, result: Extraction) -> None:
        self.text = text
        self.ld = ld
        self.published = published
        self.result = result
        self.sal = _Salience()
        self.last_fiscal_time: str | None = None
        self.noun_of: dict[str, str] = {}
        self.roles: dict[str, tuple[str, str]] = {}  # person -> (organisation, title) last stated
        self.roles_here: dict[str, str] = {}
        self.future_roles: dict[str, tuple[str, str]] = {}  # person -> (organisation, title) about to be taken
        self.pending_office: tuple[int, str, str] | None = None  # (sentence, organisation, title) with no one named
        self.last_payment: tuple[str, str] | None = None
        self.doc_holders: set[str] = set()  # buyers and investors named so far in the text
        self.investors: set[str] = set()  # holders of stakes and investors named so far
        self.held: set[str] = set()  # companies bought, invested in or valued so far
        self.last_currency: str | None = None
        self.si = 0

    # ------------------------------------------------------------------ setup
    def _prepare(self, s: Sentence, sm: list, ms: list[Mention]) -> _Sent:
        by_start: dict[int, list] = {}
        by_end: dict[int, list] = {}
        kinds: dict[str, list] = {}
        ordinal_at = {m[0] for m in sm if m[2][0] == "ordinal"}
        quarter_at = {m[0] for m in sm if m[2][0] == "quarter"}
        # "secondo trimestre" is an ordinal, not "secondo" (according to)
        sm = [m for m in sm if not (m[2][0] == "modal" and m[0] in ordinal_at and m[1] in quarter_at)]
        # "family-owned", "state-backed": an adjective made of a trigger, not a stake or an investment
        sm = [m for m in sm if not (m[2][0] == "trigger" and _hyphen_modifier(s, m[0]))]
        for m in sm:
            by_start.setdefault(m[0], []).append(m)
            by_end.setdefault(m[1], []).append(m)
            kinds.setdefault(m[2][0], []).append(m)
        n = len(s.texts)
        brk = [0] * (n + 1)
        marks = [0] * n
        for b in kinds.get("break", ()):
            marks[b[0]] = 1
        for i in range(n):
            brk[i + 1] = brk[i] + marks[i]
        values = find_values(s.texts, s.starts, s.ends, self.ld, by_start, by_end)
        company_at = {m[0] for m in kinds.get("company", ())}
        if not self.ld.capitalises_nouns:
            # "the Lisbon start-up Tidewell", "the Porto start-up": a modifier, not the company
            ms = [m for m in ms if m.genitive or m.kind != ORG or m.end not in company_at]
        covered = set()
        for m in ms:
            covered.update(range(m.start, m.end))
        implied = []
        for m in kinds.get("company", []) + kinds.get("pronoun", []):
            if m[0] in covered:
                continue
            # apposition: "the battery maker Quorris", "groupe de technologies médicales Tarvos"
            if any(
                x.kind == ORG and m[1] <= x.start <= m[1] + 4 and all(t[:1].islower() for t in s.texts[m[1] : x.start])
                for x in ms
            ):
                continue
            implied.append(_Implied(m[0], m[1], noun=" ".join(s.lowers[m[0] : m[1]])))
        self._remember_appositions(s, kinds.get("company", []), ms)
        for m in kinds.get("person_pronoun", []):
            implied.append(_Implied(m[0], m[1], person=True))
        st = _Sent(s, by_start, by_end, values, ms, implied, brk, kinds=kinds)
        st.aside = self._appositions(st)
        return st

    def _appositions(self, st: _Sent) -> list[int] | None:
        """Prefix sums over ", the Dutch chemicals group," after a name: a description of it.

        Only a comma-closed phrase that starts with an article, names a company noun and
        holds no figure, trigger or title, so nothing a claim needs is skipped.
        """
        texts = st.s.texts
        n = len(texts)
        articles = {m[0] for m in st.of("article")}
        # most sentences have no name followed by ", the ...": decide that before building anything
        starts = [m.end for m in st.mentions if m.end + 2 < n and texts[m.end] == "," and m.end + 1 in articles]
        if not starts:
            return None
        company = {k for m in st.of("company") for k in range(m[0], m[1])}
        busy = {k for kind in ("trigger", "role", "noun") for m in st.of(kind) for k in range(m[0], m[1])}
        busy.update(k for v in st.values for k in range(v.start, v.end))
        inside = [0] * n
        found = False
        for a in starts:
            b = next((k for k in range(a + 2, min(a + 14, n)) if texts[k] in (",", ";", "(", ")")), None)
            if b is None or texts[b] != ",":
                continue
            span = range(a + 1, b + 1)
            if any(k in company for k in span) and not any(k in busy for k in span):
                for k in span:
                    inside[k] = 1
                found = True
        if not found:
            return None
        sums = [0] * (n + 1)
        for i in range(n):
            sums[i + 1] = sums[i] + inside[i]
        return sums

    def _remember_appositions(self, s: Sentence, companies: list, ms: list[Mention]) -> None:
        """ "the fund Stellan Capital", "Brightfeed, the streaming service": what "the fund" means later."""
        for c in companies:
            noun = " ".join(s.lowers[c[0] : c[1]])
            for m in ms:
                if m.kind != ORG:
                    continue
                between = s.texts[c[1] : m.start]
                if 0 <= m.start - c[1] <= 3 and all(t[:1].islower() for t in between):
                    self.noun_of[noun] = m.name
                    break
                gap = s.texts[m.end : c[0]]
                if 1 <= c[0] - m.end <= 4 and gap and gap[0] == "," and all(t[:1].islower() for t in gap[1:]):
                    self.noun_of[noun] = m.name
                    break

    def _resolve(self, st: _Sent, imp: _Implied, exclude: set) -> str | None:
        named = self.noun_of.get(imp.noun)
        if named and named not in exclude:
            return named
        return self.sal.resolve(self.si, st.mentions, imp.start, exclude)

    def _quarter_match(self, token: str):
        return self.ld.quarter_token.match(token) if self.ld.quarter_token else None

    def _times(self, st: _Sent) -> list[tuple[int, str]]:
        """Time expressions: (token position, "2024" | "2025-Q2")."""
        s = st.s
        out: list[tuple[int, str]] = []
        since_end = {m[1] for m in st.of("since")}
        # "fundada en 2016 por X": the founding year is no figure's time
        founded = {k for m in st.of("founded_by") for k in range(m[0], m[1])}
        years = {}
        for i, t in enumerate(s.texts):
            if _YEAR.match(t) and i not in since_end and (i - 1) not in since_end and i not in founded:
                years[i] = t
        used = set()
        pub_year = self.published.year if self.published else None
        for q in st.of("quarter"):
            qi = q[0]
            num = None
            for o in st.by_end.get(qi, []) + st.by_end.get(qi - 1, []):
                if o[2][0] == "ordinal":
                    num = o[2][1]
            m = self._quarter_match(s.texts[qi])
            if num is None and qi + 1 < len(s.texts) and s.texts[qi + 1].isdigit() and len(s.texts[qi + 1]) == 1:
                num = int(s.texts[qi + 1])
            if num is None and m:
                num = int(m.group(1))
            if num is None:
                continue
            year = None
            for k in range(q[1], min(q[1] + 3, len(s.texts))):
                if k in years:
                    year = years[k]
                    used.add(k)
                    break
            if year is None and pub_year:
                year = str(pub_year)
            if year:
                out.append((qi, f"{year}-Q{num}"))
        for i, t in enumerate(s.texts):
            m = self._quarter_match(t)
            if m and not any(p == i for p, _ in out):
                year = years.get(i + 1) or years.get(i - 1)
                if year:
                    used.add(i + 1 if i + 1 in years else i - 1)
                    out.append((i, f"{year}-Q{m.group(1)}"))
        for i, y in years.items():
            if i not in used:
                out.append((i, y))
        if pub_year:
            for r in st.of("rel_year"):
                out.append((r[0], str(pub_year + r[2][1])))
        return out

    # ------------------------------------------------------------------ main
    def sentence(self, s: Sentence, sm: list, ms: list[Mention]) -> None:
        self.si = s.index
        claims: list[Claim] = []
        if ms:
            # "Orbisal Holding", "Vireo Investments": a trigger word inside a name is part of the name
            covered = {k for m in ms for k in range(m.start, m.end)}
            sm = [m for m in sm if not (m[2][0] in ("trigger", "noun") and m[0] in covered and m[1] - 1 in covered)]
        if any(m[2][0] in CLAIM_CUES for m in sm) or self._pct_cue(s, sm):
            st = self._prepare(s, sm, ms)
            claims += self._value_claims(st)
            claims += self._role_claims(st)
            claims += self._join_claims(st)
        else:
            # most sentences state no claim: only what later sentences need is kept
            self._remember_appositions(s, [m for m in sm if m[2][0] == "company"], ms)
        if claims:
            claims = [self._with_confidence(st, c) for c in claims]
        for c in claims:
            if c.value is None and c.predicate not in ("role", "joins", "acquisition"):
                self.result.incomplete.append(c)
            else:
                self.result.claims.append(c)
            for name, kind in ((c.subject, None), (c.object, None)):
                if name:
                    k = kind or self._kind_of(name, st)
                    self.result.entities.setdefault(name, k)
        prep_ends = {
            m[1] for m in sm if m[2][0] in ("to_prep", "payee_prep", "from_prep", "partner_prep", "oblique_prep")
        }
        arts = {m[0] for m in sm if m[2][0] == "article"}
        # "mit dem Hafenbetreiber X": an article and a company noun between the preposition and the name
        skip = arts | {k for m in sm if m[2][0] == "company" for k in range(m[0], m[1])}
        for e in list(prep_ends):
            while e in skip:
                e += 1
                prep_ends.add(e)
        oblique = {m.start for m in ms if m.start in prep_ends or (m.start - 1 in prep_ends and m.start - 1 in arts)}
        self.sal.add(s.index, ms, oblique)

    def _with_confidence(self, st: _Sent, c: Claim) -> Claim:
        named = {m.name: m for m in st.mentions}
        subj, obj = named.get(c.subject), named.get(c.object) if c.object else None
        f = confidence.features(
            predicate=c.predicate,
            lang=self.ld.code,
            modality=c.modality,
            has_value=c.value is not None,
            subject_evidence=subj.evidence if subj else None,
            object_evidence=obj.evidence if obj else None,
            has_object=c.object is not None,
            names=len({m.name for m in st.mentions if m.kind in (ORG, PERSON)}),
            figures=len(st.values),
            tokens=len(st.s.texts),
            state=bool(subj and subj.state),
        )
        c = replace(c, confidence=confidence.score(f))
        self.result.evidence[c] = f
        return c

    @staticmethod
    def _pct_cue(s: Sentence, sm: list) -> bool:
        """ "X tiene ya el 7 % de Y", "fica com 7% da empresa": a share of a company is a stake without a
        trigger word."""
        ends = [m[1] for m in sm if m[2][0] == "percent"]
        if not ends:
            return False
        n = len(s.texts)
        company = {m[0] for m in sm if m[2][0] == "company"}
        return any(k < n and (s.texts[k][:1].isupper() or k in company) for e in ends for k in (e + 1, e + 2))

    def _kind_of(self, name: str, st: _Sent) -> str:
        for m in st.mentions:
            if m.name == name:
                return KIND_OUT[m.kind]
        return "person" if any(n == name for _, n in self.sal.persons) else "organisation"

    def _claim(self, st: _Sent, **kw) -> Claim:
        return Claim(text=self.text[st.s.start : st.s.end], span=(st.s.start, st.s.end), **kw)

    # ------------------------------------------------------------------ values
    @property
    def _conj(self) -> frozenset[str]:
        return self.ld.cue_set("conjunctions")

    def _value_claims(self, st: _Sent) -> list[Claim]:
        self.holders: set[str] = set()  # buyers and investors of this sentence
        inside = {k for d in st.of("distract") if d[1] - d[0] > 1 for k in range(d[0], d[1])}
        triggers = [
            t
            for t in st.of("trigger")
            if t[2][1] != "joins"
            and not any(k in inside for k in range(t[0], t[1]))
            # a word of a name is no trigger: "Trivela Pagamentos", "Kelpie Investimentos"
            and not any(m.start <= t[0] and t[1] <= m.end for m in st.mentions)
        ]
        nouns = st.of("noun")
        incl_end = {m[1] for m in st.of("inclusive")}
        incl_start = {m[0] for m in st.of("inclusive_after")}
        distract = [d for d in st.of("distract") if not (incl_end & {d[0], d[0] - 1} or incl_start & {d[1], d[1] + 1})]
        growth = st.of("growth")
        out: list[Claim] = []
        links: list[tuple[tuple, Value]] = []
        options: list[list] = []  # per linked figure: (distance, link index, trigger)
        stake_values: list[Value] = []
        # "from 30% to 18%": the figure before the change is no longer so
        froms = {m[1] for m in st.of("change_from")}
        tos = {m[1] for m in st.of("change_to")}
        superseded = {
            a.start
            for a, b in zip(st.values, st.values[1:], strict=False)
            if a.start in froms and b.start in tos and a.unit == b.unit and b.start - a.end <= 2
        }
        currencies = [v.unit for v in st.values if v.unit not in ("%", "count")]
        if currencies:
            self.last_currency = currencies[-1]
        money_end = {v.end for v in st.values if v.unit not in ("%", "count")}
        for v in st.values:
            if v.start > 0 and st.s.texts[v.start - 1] == "(" and v.start - 1 in money_end:
                continue  # a conversion into another currency, not a second figure
            if v.start in superseded:
                continue
            if (
                v.unit not in ("%", "count")
                and not v.scaled
                and v.value < 10000
                and any(p.unit == "%" and 0 <= v.start - p.end <= 2 for p in st.values)
            ):
                continue  # "a gagné 4,5 % à 38,20 euros": a share price
            if v.unit == "count":
                t = self._count_trigger(st, v, nouns, triggers)
                if t is not None:
                    links.append((t, v))
                    continue
                nxt = st.s.texts[v.end] if v.end < len(st.s.texts) else "."
                if (
                    not currencies
                    and self.last_currency
                    and any(t[2][1] in MONEY_PREDICATES and v.start - 2 <= t[1] <= v.start for t in triggers)
                ):
                    currencies = [self.last_currency]  # "Oakmere invierte 35 millones": the text's currency
                # "60 millones al año", "95 millones en 2024": a figure, not "millones de personas"
                after = {m[2][0] for m in st.by_start.get(v.end, ())} & {"period", "rel_year", "break", "price_prep"}
                if not (v.scaled and currencies) or (nxt[:1].isalpha() and nxt not in self._conj and not after):
                    continue  # "2,7 millones de personas" is a count, "95 millones." money
                # "... 480 millones de dólares, ... pérdidas de 95 millones": the currency is implied
                v = Value(v.start, v.end, v.value, currencies[0], v.qualifier, v.scaled)
            if v.unit == "%":
                cands = [t for t in triggers if t[2][1] == "stake"]
                if self._pct_of_company(st, v):
                    cands.append((v.start, v.end, ("trigger", "stake", 1, "pct"), 0))
                comp = distract + growth
                limit = MAX_LINK["%"]
            else:
                cands = [t for t in triggers if t[2][1] in MONEY_PREDICATES] + st.of("raise") + st.of("round")
                strong = [t for t in cands if len(t[2]) < 4]
                if any(t[2][0] == "trigger" for t in strong):  # a round does not silence "worth"
                    cands = strong
                pay = [t for t in cands if t[2][0] == "trigger" and t[2][1] == "payment" and self._d(st, v, t) <= 16]
                if pay:
                    # "an order worth", "a contract valued at": the value of a contract, not of a company;
                    # "received $5m in fees from X": a payment, not money raised
                    cands = [
                        t
                        for t in cands
                        if t[2][0] == "trigger"
                        and not (
                            t[2][1] == "valuation" and any(0 <= st.dist(p[1], t[0]) <= 12 for p in pay if p[1] <= t[0])
                        )
                    ]
                if any(p[1] == v.start for p in st.of("price_prep")):
                    # "for €225m": a price, so a purchase or a stake's cost, never a valuation
                    priced = [t for t in cands if t[2][0] == "trigger" and t[2][1] in PRICE_PREDICATES]
                    if priced or any(tt for tt, vv in links if vv.unit == "%") or self._has_stake_value(st):
                        cands = priced
                comp = distract
                limit = MAX_LINK["money"]
            best = self._nearest(st, v, cands, limit)
            # "pour 3 milliards d'euros, dette comprise": a distractor past a comma is the next phrase's
            comp = [d for d in comp if d[0] < v.end or "," not in st.s.texts[v.end : d[0]]]
            rival = self._nearest(st, v, comp, limit)
            if best is None:
                if v.unit != "%":
                    links.append((None, v))  # maybe the price of a stake (decided below)
                continue
            stake_next = v.unit == "%" and any(
                t[2][1] == "stake" and v.end <= t[0] <= v.end + 2 for t in cands
            )  # "rises to 2% of the capital", "raised its stake to 9%": still a stake
            if rival is not None and self._d(st, v, rival) < self._d(st, v, best) and not stake_next:
                continue
            links.append((best, v))
            options.append([(self._d(st, v, t), len(links) - 1, t) for t in cands if self._d(st, v, t) <= limit])
            if v.unit == "%":
                stake_values.append(v)
        self._one_figure_per_trigger(links, options)
        has_stake = bool(stake_values) or self._stake_priced(st)
        # stakes first: the price paid for a stake is an investment between the same two parties
        links.sort(key=lambda tv: tv[1].unit != "%")
        stake_parties: tuple[str, str] | None = None
        for t, v in links:
            if t is None:
                # "for 225 million" next to a stake: the price paid for it
                if has_stake and any(p[1] == v.start for p in st.of("price_prep")):
                    c = self._price_of_stake(st, links, v, stake_parties)
                    if c:
                        out.append(c)
                continue
            if t[2][0] == "raise" and self._period(st, t, v):
                # "X will receive from Y €150m a year": a fee, not money raised
                c = self._build_received(st, t, v)
                if c:
                    out.append(c)
                continue
            if t[2][0] in ("raise", "round"):
                # money raised: an investment only when one investor is named ("from X")
                if not self._single_investor(st):
                    continue
                c = self._build_raise(st, t, v)
                if c:
                    out.append(c)
                continue
            pred, sign = t[2][1], t[2][2]
            if pred == "payment":
                # "pronta a pagare 400 milioni per acquisire X": the price of a takeover
                prices = {p[1] for p in st.of("price_prep")}
                buy = [
                    x
                    for x in st.of("trigger")
                    if x[2][1] == "acquisition" and x[0] in prices and 0 <= x[0] - v.end <= 2
                ]
                if buy:
                    pred, t = "acquisition", buy[0]
            if pred in ("acquisition", "payment") and has_stake and self._same_clause_as_stake(st, links, v):
                c = self._price_of_stake(st, links, v, stake_parties)
            else:
                c = self._build(st, pred, t, v, sign)
                if c and pred == "investment" and stake_parties and (c.object, c.subject) == stake_parties:
                    # "X rises to 25% of Y with an investment of €200m": the stake's holder invests
                    c = replace(c, subject=stake_parties[0], object=stake_parties[1])
                if c and pred == "stake" and stake_parties is None:
                    stake_parties = (c.subject, c.object)
                elif c and pred == "stake" and t[1] <= v.start:
                    # "X détient 9,9 % de Y et Z 4 %": the verb is left out for the second holder
                    conj = self._conj
                    gap = [
                        m
                        for m in st.mentions
                        if m.kind in (ORG, PERSON)
                        and t[1] <= m.start
                        and 0 <= v.start - m.end <= 2
                        and m.start > 0
                        and st.s.lowers[m.start - 1] in conj
                    ]
                    if gap and gap[-1].name != stake_parties[1]:
                        c = dataclasses.replace(c, subject=gap[-1].name, object=stake_parties[1])
            if c:
                out.append(c)
        out = self._full_takeovers(out)
        out += self._incomplete(st, triggers, nouns)
        return out

    def _full_takeovers(self, out: list[Claim]) -> list[Claim]:
        """ "bought 100% of X for €85m" is a takeover: an acquisition at that price, not a stake."""
        priced = {(c.subject, c.object) for c in out if c.predicate in ("investment", "acquisition")}
        # "holds 100% of X" without a price is a stake
        whole = {(c.subject, c.object) for c in out if c.predicate == "stake" and c.value == 100} & priced
        if not whole:
            return out
        kept = []
        for c in out:
            parties = (c.subject, c.object)
            if parties not in whole or c.predicate not in ("stake", "investment", "acquisition"):
                kept.append(c)
                continue
            price = next(x for x in out if x.predicate != "stake" and (x.subject, x.object) == parties)
            kept.append(replace(price, predicate="acquisition") if c.predicate != "acquisition" else c)
        return _dedupe(kept)

    def _same_clause_as_stake(self, st: _Sent, links: list, v: Value) -> bool:
        """ "buys a 49% stake for $14bn" but not "..., and Tessaline planned to pay $200m"."""
        t = self._stake_trigger(st, links)
        lo, hi = sorted((t[0], v.start))
        return st.breaks[hi] == st.breaks[lo]

    def _price_of_stake(self, st: _Sent, links: list, v: Value, parties) -> Claim | None:
        if parties is None:
            return self._build(st, "investment", self._stake_trigger(st, links), v, 1)
        subj, obj = parties
        return self._claim(
            st,
            predicate="investment",
            subject=subj,
            object=obj,
            value=v.value,
            unit=v.unit,
            qualifier=v.qualifier,
            modality=self._modality(st, "investment", self._stake_trigger(st, links), v),
        )

    @staticmethod
    def _one_figure_per_trigger(links: list, options: list) -> None:
        """Nearest pairs first, each trigger once ("revenue rose to €780m and profit reached €41m")."""
        pairs = sorted((d, i, t) for opts in options for d, i, t in opts)
        done: set[int] = set()
        used: set[tuple] = set()
        for _, i, t in pairs:
            key = (t[0], t[2][:2])
            if i in done or key in used:
                continue
            done.add(i)
            used.add(key)
            links[i] = (t, links[i][1])
        # a figure whose triggers were all taken keeps its nearest one ("€180m a year, €1.26bn in total")

    def _d(self, st: _Sent, v: Value, t: tuple) -> int:
        if t[1] <= v.start:
            return st.dist(t[1] - 1, v.start)
        if t[0] >= v.end:
            return st.dist(v.end - 1, t[0]) + AFTER_COST
        return 0

    def _nearest(self, st: _Sent, v: Value, cands: list, limit: int):
        best, bd = None, None
        for t in cands:
            d = self._d(st, v, t)
            if d <= limit and (bd is None or d < bd or (d == bd and t[3] > best[3])):
                best, bd = t, d
        return best

    def _stake_trigger(self, st: _Sent, links: list) -> tuple:
        for tt, vv in links:
            if vv.unit == "%" and tt is not None:
                return tt
        return next(t for t in st.of("trigger") if t[2][1] == "stake")

    def _stake_priced(self, st: _Sent) -> bool:
        """ "paid $420m for the stake in X": the money bought a stake."""
        ends = {p[1] for p in st.of("price_prep")}
        return any(t[2][1] == "stake" and any(k in ends for k in (t[0], t[0] - 1, t[0] - 2)) for t in st.of("trigger"))

    def _has_stake_value(self, st: _Sent) -> bool:
        stakes = [t for t in st.of("trigger") if t[2][1] == "stake"]
        return any(
            v.unit == "%" and (self._pct_of_company(st, v) or any(abs(t[0] - v.end) <= 3 for t in stakes))
            for v in st.values
        )

    def _pct_of_company(self, st: _Sent, v: Value) -> bool:
        """A share of a named company is a stake: "49 % de Kelpie Systems"."""
        # "shares rose 2% in Amsterdam" is a price move
        if any(v.start - 3 <= m[1] <= v.start for m in st.of("growth") + st.of("distract")):
            return False
        for p in st.by_start.get(v.end, ()):
            if p[2][0] in ("obj_prep", "of_prep"):
                if any(m.kind == ORG and p[1] <= m.start <= p[1] + 1 for m in st.mentions):
                    return True
                # "18 % de l'entreprise", "8% of the company"
                if any(not i.person and p[1] <= i.start <= p[1] + 2 for i in st.implied):
                    return True
        return False

    def _count_trigger(self, st: _Sent, v: Value, nouns: list, triggers: list):
        if not v.scaled and _YEAR.match(st.s.texts[v.start]):
            return None
        # "a plant in Latina with 600 workers": a part of the company, not its headcount
        places = st.of("place_prep")
        verb_at = {t[0] for t in triggers if t[2][1] in COUNT_PREDICATES}
        for p in st.of("part"):
            # "con sede en Valencia" names a place, not a part; "Filiale de X, Y emploie 700": Y's own
            if (
                v.start - 8 <= p[0] < v.start
                and not any(q[0] <= p[0] and p[1] <= q[1] for q in places)
                and not any(
                    m.kind == ORG and p[1] < m.start and st.s.texts[m.start - 1] == "," and m.end in verb_at
                    for m in st.mentions
                )
            ):
                return None
        # "cuts 300 staff", "hires 800 new employees", "500 Mitarbeiter entlassen": a change, not a total
        for c in st.of("staff_change"):
            if v.start - 3 <= c[1] - 1 < v.start or v.end <= c[0] <= v.end + 1:
                return None
            if self.ld.verb_final and 0 <= c[0] - v.end <= 3 and st.dist(v.end, c[0]) <= 3:
                return None
        verbs = [t for t in triggers if t[2][1] in COUNT_PREDICATES]
        blocked = {d[0] for d in st.of("distract")}
        # "laid off 250 workers", "despedirá a 300 trabajadores": layoffs are not the headcount
        conj = self._conj
        if any(
            v.start - 2 <= d[1] <= v.start and not any(st.s.lowers[k] in conj for k in range(d[1], v.start))
            for d in st.of("distract")
        ):
            return None
        for t in nouns:
            if v.end <= t[0] <= v.end + 2 and t[0] not in blocked:
                if t[2][2] == 0 and not any(x[2][1] == t[2][1] for x in verbs):
                    continue
                return t
        nxt = st.s.lowers[v.end] if v.end < len(st.s.lowers) else "."
        if nxt[:1].isalpha() and nxt not in languages.stop_words(self.ld.code):
            return None  # "cuenta con 140.000 socios": a count of something else
        for t in verbs:
            if v.start - 3 <= t[1] - 1 < v.start:
                return t
        return None

    def _investors(self, st: _Sent) -> list[Mention]:
        """Organisations named as the source of money raised ("from the fund X")."""
        froms = [p[1] for p in st.of("from_prep")]
        return [m for m in st.mentions if m.kind == ORG and any(0 <= m.start - f <= 4 for f in froms)]

    def _single_investor(self, st: _Sent) -> bool:
        # a round's total comes from several investors when one "leads" it
        return len({m.name for m in self._investors(st)}) == 1 and not st.of("lead")

    def _build_received(self, st: _Sent, t: tuple, v: Value) -> Claim | None:
        payers = [m for m in self._orgs(st) if m.start >= t[1] and st.dist(t[1], m.start) <= 10]
        if not payers:
            return None
        payee = self._subject(st, t, v, exclude={payers[0].name}, pred="payment")
        if payee is None:
            return None
        period = self._period(st, t, v)
        return self._claim(
            st,
            predicate="payment",
            subject=payers[0].name,
            object=payee,
            value=v.value,
            unit=v.unit,
            period=period,
            qualifier=v.qualifier,
            modality=self._modality(st, "payment", t, v, period=period),
        )

    def _build_raise(self, st: _Sent, t: tuple, v: Value) -> Claim | None:
        inv = self._investors(st)[0]
        raiser = self._subject(st, t, v, exclude={inv.name}, pred="investment")
        if raiser is None:
            return None
        self.doc_holders.add(inv.name)
        self.investors.add(inv.name)
        self.held.add(raiser)
        return self._claim(
            st,
            predicate="investment",
            subject=inv.name,
            object=raiser,
            value=v.value,
            unit=v.unit,
            qualifier=v.qualifier,
            modality=self._modality(st, "investment", t, v),
        )

    def _build(self, st: _Sent, pred: str, t: tuple, v: Value | None, sign: int) -> Claim | None:
        if v is not None and t[0] >= v.end:
            # "agreed to buy X for €1bn, the largest acquisition in its history": the verb has the parties
            verb = [x for x in st.of("trigger") if x[2][1] == t[2][1] and x[1] <= v.start]
            if verb:
                t = verb[-1]
        if pred in TWO_PLACE and t[2][1] == pred:
            # "entre au capital de X à hauteur de 5 %": the first trigger of the phrase names the parties
            earlier = [x for x in st.of("trigger") if x[2][1] == pred and x[1] <= t[0] and st.dist(x[1], t[0]) <= 8]
            if earlier:
                t = min(earlier, key=lambda x: x[0])
        subj, obj = self._arguments(st, pred, t, v)
        if subj is None and pred in TWO_PLACE:
            # "agreed to buy X, ..., for €1bn, the largest acquisition": the verb names the parties
            same = [x for x in st.of("trigger") if x[2][1] == t[2][1] and x[0] < t[0]]
            if same:
                subj, obj = self._arguments(st, pred, same[0], v)
        if subj is None:
            return None
        if pred in TWO_PLACE and obj is None:
            if pred in ("stake", "investment"):
                # "20 % de l'entreprise": the company held, not an investor named before
                obj = self._resolve_implied_after(st, t, exclude={subj} | self.doc_holders)
            obj = obj or self._resolve_implied_after(st, t, exclude={subj})
            if obj is None and pred == "payment" and self.last_payment and self.last_payment[0] == subj:
                obj = self.last_payment[1]  # "the contract is worth 1.3 billion in total"
            if obj is None and pred == "payment" and any(t[0] - 2 <= d[0] <= t[0] for d in st.of("dative")):
                # "s'est engagé à lui verser", "pagarle": the organisation just talked about
                obj = self.sal.resolve(self.si, st.mentions, t[0], exclude={subj})
            if obj is None and pred in ("stake", "investment"):
                # "... avec 17 % des parts": the company the text is about, not a fellow investor
                n = len(st.s.texts)
                if self.held - {subj}:
                    # "... avec 17 % des parts": preferably a company already bought into or valued
                    others = {m.name for m in st.mentions} | set(self.sal.count)
                    obj = self.sal.resolve(self.si, st.mentions, n, exclude=(others - self.held) | {subj})
                obj = obj or self.sal.resolve(self.si, st.mentions, n, exclude={subj} | self.doc_holders)
                obj = obj or self.sal.resolve(self.si, st.mentions, n, exclude={subj})
            if obj is None:
                return None
        if obj == subj:
            return None
        if pred in TWO_PLACE:
            self.holders.add(subj)
            self.doc_holders.add(subj)
            if pred in ("stake", "investment"):
                self.investors.add(subj)
            self.held.add(obj)
            if pred == "acquisition":
                # "l'acquéreur", "el comprador": the buyer just named
                for noun in self.ld.section("cues").get("buyer_nouns", ()):
                    self.noun_of[noun] = subj
        if pred == "valuation":
            self.held.add(subj)
        if pred == "payment" and any(t[0] - 4 <= w[1] <= t[0] for w in st.of("wins")):
            subj, obj = obj, subj  # "Alpheon décroche un contrat de 2 milliards auprès de X": X pays
        if pred == "payment":
            payee_side = self._payee_side(st, t, v)
            if payee_side:
                subj, obj = payee_side
            if self.last_payment and not self._orgs(st):
                subj, obj = self.last_payment  # "the contract is worth 1.3 billion in total"
            self.last_payment = (subj, obj)
        period = None
        if v is not None and pred in ("payment", "users"):
            period = self._period(st, t, v)
        time = None
        if pred in FISCAL or pred == "valuation":
            time = self._time(st, t, v, pred)
        value = None if v is None else v.value * (-1 if sign < 0 else 1)
        return self._claim(
            st,
            predicate=pred,
            subject=subj,
            object=obj,
            value=value,
            unit=None if v is None else v.unit,
            period=period,
            time=time,
            qualifier="exact" if v is None else v.qualifier,
            modality=self._modality(st, pred, t, v, period=period),
        )

    def _payee_side(self, st: _Sent, t: tuple, v: Value | None) -> tuple[str, str] | None:
        """ "X received $5m from Y", "X erhielt von Y", "X will be paid ... by Y": Y pays X."""
        end = t[1] if v is None else max(t[1], v.end)
        cues = [r for r in st.of("receives") if r[1] <= end]
        if not cues:
            return None
        orgs = self._orgs(st)
        payees = [m for m in orgs if m.end <= cues[0][0]]
        froms = {p[1] for p in st.of("from_prep") + st.of("agent_prep") if p[0] >= cues[0][1]}
        payers = [m for m in orgs if any(0 <= m.start - f <= 2 for f in froms)]
        if not payees or not payers or payees[-1].name == payers[0].name:
            return None
        return payers[0].name, payees[-1].name

    # ------------------------------------------------------------------ arguments
    def _arguments(self, st: _Sent, pred: str, t: tuple, v: Value | None) -> tuple[str | None, str | None]:
        obj = None
        passive = self._passive_holding(st, pred, t)
        if passive is not None:
            return passive
        if pred in ("acquisition", "investment", "payment", "stake"):
            # passive: "Orrin will be bought by Halvex", "racheté par Halvex", "45% owned by Halvex"
            ofs = {p[0]: p[1] for p in st.of("of_prep")}
            agents = {p[1] for p in st.of("agent_prep") if t[1] <= p[0] <= t[1] + (1 if t[1] in ofs else 3)}
            company = {c[1] for c in st.of("company")}
            doer = next(
                (m for m in self._orgs(st) if m.start in agents or (m.start in company and m.start - 2 in agents)),
                None,
            )
            if doer is not None:
                done = [m for m in self._orgs(st) if m.end <= t[0] and m.name != doer.name]
                if done:
                    return doer.name, done[-1].name
            # a noun and its passive agent: "le rachat de X par Y", "la compra de X por Y"
            if t[1] in ofs:
                done = next((m for m in self._orgs(st) if m.start == ofs[t[1]]), None)
                agents = {p[1] for p in st.of("agent_prep")} if done else set()
                doer = next((m for m in self._orgs(st) if done and m.start in agents and m.start - 1 == done.end), None)
                if doer is not None and doer.name != done.name:
                    return doer.name, done.name
        if self.ld.verb_final and pred in TWO_PLACE and pred != "stake":
            # verb-final: "Corvane gaat Tidewell 40 miljoen euro betalen": subject, object, verb
            end = t[1] if v is None else max(t[1], v.end)
            stop = next((k for k in range(end, len(st.s.texts)) if st.s.texts[k] in (",", ";", ":")), len(st.s.texts))
            after = any(end <= m.start < stop for m in self._orgs(st)) or any(
                not i.person and end <= i.start < stop for i in st.implied
            )
            before = [m for m in self._orgs(st) if m.end <= min(t[0], v.start if v else t[0])]
            names = list(dict.fromkeys(m.name for m in before))
            if not after and len(names) >= 2 and st.dist(before[-1].end, t[0]) <= 8:
                return names[-2], names[-1]
        if pred in TWO_PLACE:
            # "the fund takes 7% of the company": settle who the fund is before guessing the company
            guess = self._subject(st, t, v, exclude=set(), pred=pred)
            obj = self._object(st, t, v, pred, avoid={guess} if guess else set())
        if pred == "valuation":
            # "a round led by X, which values it at": the investor is not what is valued
            led = {p[1] for p in st.of("lead") + st.of("from_prep")}
            backers = {m.name for m in self._orgs(st) if any(0 <= m.start - k <= 2 for k in led)}
            # "values Brightfeed at $4bn", "valuing the company at": the company follows the verb
            for m in self._orgs(st):
                if t[1] <= m.start <= t[1] + 2:
                    return m.name, None
            for imp in st.implied:
                if not imp.person and t[1] <= imp.start <= t[1] + 3:
                    inv = {m.name for m in self._investors(st)} | self.holders
                    return self._resolve(st, imp, inv), None
            if backers and any(m.name not in backers for m in self._orgs(st) if m.end <= t[0]):
                return self._subject(st, t, v, exclude=backers, pred=pred), None
        subj = self._subject(st, t, v, exclude={obj} if obj else set(), pred=pred)
        if pred in TWO_PLACE and obj is None and subj is not None and pred == "stake":
            # "Quorris's majority owner, Hollandt, will sell its 64% holding"
            for m in self._orgs(st):
                if m.genitive and m.name != subj and m.end <= t[0]:
                    obj = m.name
                    break
        return subj, obj

    def _passive_holding(self, st: _Sent, pred: str, t: tuple) -> tuple[str, str] | None:
        """ "Kandra Labs is 45% owned by Orbisal", "wird zu 45 Prozent von Orbisal gehalten",
        "controllata al 60% dal fondo Orbisal": the agent holds, the company before the figure is held
        (or the one the sentence is about: "Contrôlée à 61 % par X, la société emploie ...")."""
        words = [p for p in st.of("passive") if p[2][1] == pred]
        if not words:
            return None
        agents = {p[0] for p in st.of("passive_agent") if p[2][1] == pred} | {p[0] for p in st.of("agent_prep")}
        # what may stand between the preposition and the name: an article, a company noun ("dal fondo X")
        between = {k for p in st.of("article") + st.of("company") for k in range(p[0], p[1])}
        orgs = self._orgs(st)
        for w in words:
            for m in orgs:
                k = m.start - 1
                while k > m.start - 4 and k in between:
                    k -= 1
                if k not in agents:
                    continue
                # after the passive word ("controlada en un 45% por X") or, verb-final, right before it
                if not (w[1] <= k <= w[1] + 6 or (self.ld.verb_final and m.end <= w[0] and w[0] - m.end <= 2)):
                    continue
                held = [o for o in orgs if o.end <= min(t[0], k) and o.name != m.name]
                if held:
                    return m.name, held[-1].name
                implied = [i for i in st.implied if not i.person and not (k <= i.start < m.end)]
                if implied:
                    got = self._resolve(st, implied[0], {m.name})
                    if got:
                        return m.name, got
                # a fronted participle: "Contrôlée à 61 % par X, la société Quillon emploie ..."
                later = [o for o in orgs if o.start >= m.end and o.name != m.name]
                return (m.name, later[0].name) if later and w[0] <= 1 else None
        return None

    def _orgs(self, st: _Sent) -> list[Mention]:
        return [m for m in st.mentions if m.kind == ORG]

    def _persons(self, st: _Sent) -> list[Mention]:
        """People, and names shaped like people's when the sentence names no one for sure."""
        sure = [m for m in st.mentions if m.kind == PERSON]
        return sure or [m for m in st.mentions if m.pshape]

    def _object(self, st: _Sent, t: tuple, v: Value | None, pred: str, avoid: set | None = None) -> str | None:
        avoid = avoid or set()  # only for resolving "the company": explicit names are as written
        orgs = self._orgs(st)
        lo_min = t[1] if v is None else min(t[1], v.end)
        preps = {p[1]: p for p in st.of("obj_prep") + st.of("payee_prep")}
        # 0. inside a split verb: "neemt Tidewell over", "setzt ... um"
        for m in orgs:
            if t[0] < m.start and m.end < t[1]:
                return m.name
        # 1. "in X", "an X", "to X" after the trigger and the number
        for m in orgs:
            if m.start >= lo_min and st.dist(lo_min, m.start) <= 8:
                for k in range(m.start, m.start - 5, -1):
                    if k in preps and k >= lo_min:
                        return m.name
        # 2. direct object right after a verb trigger ("buy Quorris", "pay Kelpie Systems")
        for m in orgs:
            if t[1] <= m.start <= t[1] + 4 and st.dist(t[1], m.start) <= 4:
                return m.name
        # 3. an implied company after a preposition ("in the start-up")
        for imp in st.implied:
            if (
                not imp.person
                and imp.start >= lo_min
                and st.dist(lo_min, imp.start) <= 6
                and any(k in preps for k in (imp.start - 1, imp.start - 2, imp.start - 3))
            ):
                ex = self._subject_names(st, t) | (avoid or set())
                if pred in ("stake", "investment"):
                    # "21 % de l'entreprise": the company held, not an investor named before
                    held = self._resolve(st, imp, ex | self.doc_holders)
                    if held:
                        return held
                return self._resolve(st, imp, ex)
        # 4. "der Quorris-Anteile": a possessive before a share noun, when a holder is there too
        for m in orgs:
            if m.genitive and m.end <= t[0] and t[0] - m.end <= 3:
                others = [o for o in orgs if o.name != m.name and o.start < t[0]]
                if others and pred == "stake":
                    return m.name
        # 5. any other org close after the trigger
        for m in orgs:
            if m.start >= t[1] and st.dist(t[1], m.start) <= (4 if pred == "stake" else 10):
                return m.name
        return None

    def _subject_names(self, st: _Sent, t: tuple) -> set:
        return {m.name for m in self._orgs(st) if m.end <= t[0]}

    def _subject(self, st: _Sent, t: tuple, v: Value | None, exclude: set, pred: str) -> str | None:
        orgs = [m for m in self._orgs(st) if m.name not in exclude]
        if pred in TWO_PLACE:  # a state holds, invests, buys and pays: "Denmark holds 30% of X"
            states = [m for m in st.mentions if m.state and m.name not in exclude and m.end <= t[0]]
            if states:
                orgs = sorted(orgs + states, key=lambda m: m.start)
        if pred == "stake":  # founders hold stakes too
            orgs = sorted(orgs + [m for m in st.mentions if m.kind == PERSON], key=lambda m: m.start)
        # "Kelpie Systems's revenue", "Verdanas Reingewinn", "Quorris-Umsatz"
        for m in orgs:
            if m.genitive and 0 <= t[0] - m.end <= 2:
                return m.name
        # "revenue of X", "chiffre d'affaires de X", "der Anteil von X an Y"
        ofs = {p[0]: p[1] for p in st.of("of_prep")}
        pct_trigger = t[2][3:] == ("pct",)  # "30 % de X": X is what is held
        if t[1] in ofs and not pct_trigger:
            # "la participation de X dans Y": X holds; "au capital de X" alone: X is held
            second = pred != "stake" or any(
                p[0] > ofs[t[1]] and any(m.start in (p[1], p[1] + 1) for m in orgs) for p in st.of("obj_prep")
            )
            for m in orgs:
                if second and ofs[t[1]] <= m.start <= ofs[t[1]] + 1:
                    return m.name
            for imp in st.implied:
                if not imp.person and ofs[t[1]] <= imp.start <= ofs[t[1]] + 1:
                    return self._resolve(st, imp, exclude)
        before = [m for m in orgs if m.end <= t[0]]
        imp_before = [i for i in st.implied if not i.person and i.end <= t[0]]
        if before:
            near = max(before, key=lambda m: m.end)
            outer = self._outside_relative(st, near, t, before)
            if outer is None and imp_before:
                # "The group, which is advised by X, expects ...": the group is the subject
                outer_imp = self._outside_relative(st, near, t, imp_before)
                if outer_imp is not None:
                    return self._resolve(st, outer_imp, exclude | {near.name})
            return (outer or near).name
        if imp_before:
            i = max(imp_before, key=lambda i: i.end)
            funds = self.investors - self.held
            if pred not in TWO_PLACE and funds and self.noun_of.get(i.noun) not in funds:
                # "L'application revendique 6 millions d'utilisateurs": not the fund that just invested
                got = self._resolve(st, i, exclude | funds)
                if got:
                    return got
            if i.start <= 2 and i.noun in self.ld.section("entities").get("org_pronouns", ()):
                # "Avec ses 8 millions d'utilisateurs, l'application Kliq ...": the possessive points ahead
                comma = next((k for k in range(t[1], len(st.s.texts)) if st.s.texts[k] == ","), None)
                arts = self.ld.cue_set("articles")
                company = {k for c in st.of("company") for k in range(c[0], c[1])}
                for m in orgs:
                    if (
                        comma is not None
                        and comma < m.start <= comma + 4
                        and all(st.s.lowers[k] in arts or k in company for k in range(comma + 1, m.start))
                    ):
                        return m.name
            return self._resolve(st, i, exclude)
        # verb-second order: "2023 setzte die Firma 455 Millionen Euro um"
        imp_after = [i for i in st.implied if not i.person and i.start >= t[1]]
        after = [m for m in orgs if m.start >= t[1]]
        first_after = min(after, key=lambda m: m.start) if after else None
        if imp_after:
            i = min(imp_after, key=lambda i: i.start)
            if first_after is None or i.start < first_after.start:
                return self._resolve(st, i, exclude)
        if first_after is not None and (pred not in TWO_PLACE or len(after) >= 1):
            return first_after.name
        # nothing in the sentence: the organisation the text is about (an order or a market can be
        # "valued at" too, so a valuation needs its company in the sentence)
        if pred == "valuation":
            return None
        return self.sal.resolve(self.si, st.mentions, 0, exclude)

    def _outside_relative(self, st: _Sent, near: Mention, t: tuple, before: list[Mention]) -> Mention | None:
        """The subject before a ", which ... ," clause that holds the nearest name."""
        commas = [k for k, x in enumerate(st.s.texts[: t[0]]) if x == ","]
        rel = {r[0] for r in st.of("relative")}
        of_ends = {p[1] for p in st.of("of_prep")}
        for c1 in reversed(commas):
            gap = st.s.texts[c1 + 1 : near.start]
            # "X, owner of the brand Y, is worth": an apposition, X is the subject; or ", which ... ,",
            # or an apposition after an earlier name: "X, ancienne ... passée par Y, conserve"
            appos = (
                0 < len(gap) <= 4
                and all(w.isalpha() and w.islower() for w in gap)
                and any(k in of_ends for k in range(c1 + 2, near.start + 1))
                and any(m.end == c1 for m in before)
            ) or (
                c1 + 1 < near.start
                and st.s.texts[c1 + 1][:1].islower()
                and any(m.end == c1 and m is not near for m in before)
            )
            if c1 < near.start and (c1 + 1 in rel or appos):
                closing = [c for c in commas if near.end <= c < t[0]]
                outer = [m for m in before if m.end <= c1]
                if closing and outer:
                    return outer[-1]
                break
        return None

    def _resolve_implied_after(self, st: _Sent, t: tuple, exclude: set) -> str | None:
        for imp in st.implied:
            # not the trigger itself: "the first shareholder" is the holder, not what is held
            if not imp.person and imp.start >= t[1]:
                return self._resolve(st, imp, exclude)
        return None

    # ------------------------------------------------------------------ qualifiers
    def _period(self, st: _Sent, t: tuple, v: Value) -> str | None:
        best, bd = None, None
        for p in st.of("period"):
            d = min(abs(p[0] - v.end), abs(v.start - p[1]), abs(p[0] - t[1]))
            if d <= 6 and (bd is None or d < bd):
                best, bd = p[2][1], d
        return best

    def _time(self, st: _Sent, t: tuple, v: Value | None, pred: str) -> str | None:
        best, bd = None, None
        anchor = t[0] if v is None else v.start
        if st.times is None:
            st.times = self._times(st)
        for pos, tm in st.times:
            d = st.dist(pos, anchor) + (2 if len(tm) == 4 else 0)
            if bd is None or d < bd:
                best, bd = tm, d
        if pred in FISCAL:
            if best is None:
                best = self.last_fiscal_time
            else:
                self.last_fiscal_time = best
        return best

    def _modality(self, st: _Sent, pred: str, t: tuple, v: Value | None, period: str | None = None) -> str:
        found = set()
        anchors = [t[0], t[1] - 1] + ([v.start, v.end - 1] if v is not None else [])
        for m in st.of("modal"):
            kind = m[2][1]
            if kind == "reported":
                found.add(kind)
                continue
            last = max(anchors)
            if m[0] > last and any(st.s.lowers[k] in self._conj for k in range(last + 1, m[0])):
                continue  # "emplea a 15.000 personas y prevé abrir 40 tiendas": the next clause's
            d = min(min(st.dist(m[0], a), st.dist(m[1] - 1, a)) for a in anchors)
            if kind == "denies":
                # a denial verb governs the clause after it: "denied reports that it would buy X for $1bn"
                if m[0] < max(anchors):
                    found.add("denied")
            elif kind == "denied":
                if d <= 3 and m[0] < max(anchors):
                    found.add(kind)
            elif pred in COUNT_PREDICATES and v is not None and m[0] >= v.end:
                continue  # "employs 4,000 people and will cut 300": the plan is another verb's
            elif kind == "planned" and not self.ld.verb_final and m[0] > max(anchors) + 1:
                continue  # "X, which has 7,800 staff, wants to save ...": the intent is another verb's
            elif kind == "forecast" and m[0] > max(anchors) and "," in st.s.texts[max(anchors) : m[0]]:
                continue  # "A empresa, que tem 5 mil funcionários, espera fechar ...": likewise
            elif d <= 6:
                found.add(kind)
        if "denied" in found:
            return "denied"
        if pred in ("role", "joins"):
            if "planned" in found or "forecast" in found:
                return "planned"
        elif pred != "stake":
            if "planned" in found:
                return "planned"
            if "forecast" in found:
                return "forecast"
            if pred == "payment" and period is not None:
                return "planned"  # a recurring fee under a new contract is still to be paid
        if "reported" in found:
            return "reported"
        return "asserted"

    # ------------------------------------------------------------------ incomplete
    def _incomplete(self, st: _Sent, triggers: list, nouns: list) -> list[Claim]:
        """A value predicate plainly stated with its value left out ("... beträgt.")."""
        s = st.s
        gaps = self._gaps(st)
        if not gaps:
            return []
        out = []
        for t in triggers + nouns:
            pred = t[2][1]
            if pred in ("acquisition", "joins"):
                continue
            if not any(t[0] - 8 <= g <= t[1] + 8 for g in gaps):
                continue
            unit_ok = [
                v
                for v in st.values
                if (pred == "stake" and v.unit == "%")
                or (pred in COUNT_PREDICATES and v.unit == "count" and not _YEAR.match(s.texts[v.start]))
                or (pred in MONEY_PREDICATES and v.unit not in ("%", "count"))
            ]
            if unit_ok:
                continue
            c = self._build(st, pred, t, None, 1)
            if c:
                out.append(c)
                break
        return out

    def _gaps(self, st: _Sent) -> list[int]:
        """Where a figure seems to have been left out of the sentence."""
        s = st.s
        n = len(s.texts)
        out = []
        punct = {",", ".", ";", ":", "!", "?", ")"}
        prep_kinds = ("obj_prep", "of_prep", "payee_prep", "to_prep", "article")
        for m in st.of("value_verb") + st.of("article"):
            # a figure left out before the full stop; a line without one is a headline, and
            # "X steigt bei Y ein" ends in a verb particle, not in an article missing its figure
            if m[1] < n and s.texts[m[1]] in punct:
                out.append(m[1])
                continue
            is_prep = any(p[2][0] in prep_kinds for p in st.by_start.get(m[0], ()))
            # "compte maintenant ,", "chega hoje a ,"
            if (
                m[2][0] == "value_verb"
                and not is_prep
                and m[1] + 1 < n
                and s.texts[m[1]].isalpha()
                and s.texts[m[1]].islower()
                and s.texts[m[1] + 1] in punct
            ):
                out.append(m[1])
            # "el del capital": an article straight before a preposition
            if (
                m[2][0] == "article"
                and m[1] < n
                and any(p[2][0] in ("obj_prep", "of_prep", "article") for p in st.by_start.get(m[1], ()))
            ):
                out.append(m[1])
        verbs_end = {t[1] for t in st.of("trigger") if t[2][1] in COUNT_PREDICATES}
        for m in st.of("noun"):
            # "compte maintenant abonnés": a count noun right after its verb, without a number
            if any(m[0] - e in (0, 1) for e in verbs_end) and not any(v.end == m[0] for v in st.values):
                out.append(m[0])
        for m in st.of("currency") + st.of("percent"):
            # a unit with no number: "a revenue of euro"
            # "(+7%)", "-3 %": a signed change, not a figure left out
            signed = m[0] > 0 and s.texts[m[0] - 1][:1] in "+-−±" and s.texts[m[0] - 1][1:2].isdigit()
            if (
                not any(v.start <= m[0] < v.end for v in st.values)
                and m[0] > 0
                and s.texts[m[0] - 1] != "-"
                and not signed
            ):
                out.append(m[0])
        return out

    # ------------------------------------------------------------------ people
    def _roles_in(self, st: _Sent) -> list[tuple]:
        """Title matches, the most specific per span ("Finanzchefin" is CFO, not "*chefin")."""
        best: dict[tuple[int, int], tuple] = {}
        for r in st.of("role"):
            k = (r[0], r[1])
            if k not in best or r[3] > best[k][3]:
                best[k] = r
        roles = list(best.values())
        # a longer title covering this one wins ("chief executive officer")
        return [
            r
            for r in roles
            if not any(o is not r and o[0] <= r[0] and o[1] >= r[1] and o[1] - o[0] > r[1] - r[0] for o in roles)
        ]

    def _founders(self, st: _Sent) -> list[Claim]:
        """ "Ottone Brisa founded Brisa in 1990", "1990 gründete Ottone Brisa die Firma Brisa": the founder."""
        out = []
        people = [m for m in st.mentions if m.kind == PERSON or m.pshape]
        for f in st.of("founds"):
            # the founder right before the verb, or right after it (verb-second: "1990 gründete X ...")
            person = next((m for m in reversed(people) if 0 <= f[0] - m.end <= 1), None) or next(
                (m for m in people if 0 <= m.start - f[1] <= 1), None
            )
            if person is None:
                continue
            org = next(
                (m for m in self._orgs(st) if m.name != person.name and f[0] < m.start and m.start - f[1] <= 4), None
            )
            if org is not None:
                out.append(self._claim(st, predicate="role", subject=person.name, object=org.name, role="founder"))
        return out

    def _role_claims(self, st: _Sent) -> list[Claim]:
        s = st.s
        out = self._founders(st)
        self.roles_here: dict[str, str] = {}  # person -> organisation of a title held in this sentence
        persons = self._persons(st)
        joins = [t for t in st.of("trigger") if t[2][1] == "joins"]
        as_words = self.ld.cue_set("as")
        for r in self._roles_in(st):
            if any(f[1] >= r[0] - 2 and f[1] <= r[0] for f in st.of("not_holder")):
                continue
            if any(f[0] == r[1] for f in st.of("not_holder_after")):
                continue  # "directeur général délégué": a deputy
            title = r[2][1]
            if title in ("political", "deputy"):
                continue  # "Prime Minister X", "Bundeskanzler X", "Vizechef X": not an office held at a company
            # "als neue Finanzchefin", "come nuovo direttore finanziario"
            as_cue = any(k >= 0 and s.lowers[k] in as_words for k in (r[0] - 1, r[0] - 2, r[0] - 3))
            hires = [j for j in joins if j[2][2] < 0]
            # "X hires Y, until now CFO of Z": a title attached to another organisation is Y's old one
            attached_other = r[1] in {p[0] for p in st.of("of_prep")} and any(
                m.start > r[1] and m.start - r[1] <= 3 for m in self._orgs(st)
            )
            if hires and not attached_other and not any(f[1] >= r[0] - 2 and f[1] <= r[0] for f in st.of("not_holder")):
                # "Halvex named X (as its new) chief executive", "Halvex hat X zur Chefin ernannt":
                # X's office at Halvex, from now on
                after = [m for m in persons if m.end <= r[0]][-1:]
                before = [m for m in self._orgs(st) if after and m.end <= after[0].start]
                if after and before:
                    out.append(
                        self._claim(
                            st,
                            predicate="role",
                            subject=after[0].name,
                            object=before[0].name,
                            role=title,
                            modality="planned",
                        )
                    )
                    continue
            if as_cue and joins:
                # "wechselt als Finanzvorständin zu X": the office at the organisation joined
                person = self._join_person(st, joins[0], persons)
                org = self._join_org(st, joins[0], exclude={person})
                if person and org:
                    out.append(
                        self._claim(st, predicate="role", subject=person, object=org, role=title, modality="planned")
                    )
                    self.future_roles[person] = (org, title)
                continue
            person = self._role_person(st, r, persons)
            becomes = [
                b
                for b in st.of("becomes")
                if b[1] <= r[0] and r[0] - b[1] <= 4 and not any(b[1] <= m.start < r[0] for m in persons)
            ]
            before = [m for m in persons if becomes and m.end <= becomes[0][0]]
            if becomes and before:
                # "X, co-founder of Y, will become CTO of Z": a future office
                if before:
                    org = self._role_org(st, r, exclude={before[0].name})
                    if org:
                        out.append(
                            self._claim(
                                st, predicate="role", subject=before[0].name, object=org, role=title, modality="planned"
                            )
                        )
                continue
            if person is None:
                # "X tendrá un nuevo director financiero": an office about to change hands (the sentence's
                # first organisation, its subject)
                orgs = [m for m in self._orgs(st) if m.end <= r[0]]
                if orgs and any(r[0] - 3 <= n[1] <= r[0] for n in st.of("new_office")):
                    self.pending_office = (self.si, orgs[0].name, title)
                continue
            # the organisation the person is moving to is not where they hold the title now
            joined = set()
            for j in joins:
                if j[2][2] < 0:  # "Kettwig hires X": Kettwig
                    joined.update(m.name for m in self._orgs(st) if m.end <= j[0])
                elif self._join_person(st, j, persons) == person:
                    joined.add(self._join_org(st, j, exclude={person}))
            org = self._role_org(st, r, exclude={person}, avoid=frozenset(joined))
            if org is None:
                continue
            modality = "asserted"
            for m in st.of("modal"):
                if m[2][1] == "planned" and abs(m[0] - r[0]) <= 3:
                    modality = "planned"
            out.append(self._claim(st, predicate="role", subject=person, object=org, role=title, modality=modality))
            self.roles[person] = (org, title)
            self.roles_here[person] = org
        for f in st.of("founded_by"):
            after = [m for m in persons if m.start >= f[1] and m.start - f[1] <= 4]
            names = {m.name for m in after}
            orgs = [m for m in self._orgs(st) if m.name not in names]
            # "X, founded by Y": the company before; "Founded by Y, ..., X lets": the main clause's
            before = [m for m in orgs if m.end <= f[0]]
            imp = [i for i in st.implied if not i.person and i.end <= f[0]]
            if before:
                org = before[-1].name
            elif imp:  # "La empresa, fundada por X"
                org = self._resolve(st, imp[-1], names)
            elif orgs:
                org = orgs[0].name
            else:
                imp = [i for i in st.implied if not i.person]
                org = self._resolve(st, imp[0], names) if imp else self.sal.topic(names)
            if after and org:
                out.append(self._claim(st, predicate="role", subject=after[0].name, object=org, role="founder"))
        if st.of("same_office") and joins and joins[0][2][2] > 0:
            # "X, directrice financière de A, rejoindra B pour y occuper les mêmes fonctions": the same title at B
            person = self._join_person(st, joins[0], persons)
            org = self._join_org(st, joins[0], exclude={person, self.roles.get(person, ("",))[0]})
            held = [c for c in out if c.subject == person and c.predicate == "role" and c.object != org]
            if person and org and held:
                title = held[0].role
                out.append(
                    self._claim(st, predicate="role", subject=person, object=org, role=title, modality="planned")
                )
                self.future_roles[person] = (org, title)
        out += self._successions(st, persons)
        return out

    def _successions(self, st: _Sent, persons: list[Mention]) -> list[Claim]:
        """ "X succeeds Y" / "Y's successor will be X": X takes Y's office (planned)."""
        out = []
        if st.of("successor") or st.of("succeeds") or st.of("steps_down"):
            # "X succeeds Y": X is a person even when nothing else in the text says so
            starts = {m.start for m in persons}
            persons = sorted(
                persons + [m for m in st.mentions if m.pshape and m.start not in starts], key=lambda m: m.start
            )
        self._stepping_down(st, persons)
        cues = [(c, False) for c in st.of("successor")] + [(c, True) for c in st.of("succeeds")]
        hedged = {h[1] for h in st.of("hedge")}
        for cue, verb in cues:
            if cue[0] in hedged or cue[0] - 1 in hedged:
                continue  # "a likely successor": speculation, not a change of office
            # "volgt Y op": a person inside a split cue comes after it
            after = [m for m in persons if cue[0] < m.start <= cue[1] + 8]
            before = [m for m in persons if m.end <= cue[0]]
            pred = succ = None
            if verb:
                # "X succeeds Y", "Sie folgt auf Y": Y is the predecessor
                if not after:
                    continue
                pred = after[0].name
                succ = before[-1].name if before else self.sal.last_person(self.si, window=2, exclude=pred)
            elif after and any(p[0] == cue[1] for p in st.of("successor_of")):
                # "a successor to X" / "le successeur de X": X is the one leaving
                pred = after[0].name
                succ = before[-1].name if before else self.sal.last_person(self.si, window=2, exclude=pred)
            elif after:
                # "His successor will be X": the predecessor is the person just talked about
                succ = after[0].name
                pred = before[-1].name if before else self.sal.last_person(self.si, window=2, exclude=succ)
            else:
                continue
            if succ is None:
                continue
            office = self.roles.get(pred) if pred else None
            if office is None and pred and succ in self.future_roles and pred != succ:
                # "X rejoindra B comme CFO. Elle succède à Z": Z held that office at B
                office = self.future_roles[succ]
                out.append(self._claim(st, predicate="role", subject=pred, object=office[0], role=office[1]))
            pending = self.pending_office
            if office is None and pred and pending and self.si - pending[0] <= 1 and pred != succ:
                # "X aura un nouveau directeur financier. Y remplacera Z": Z held that office
                office = pending[1:]
                out.append(self._claim(st, predicate="role", subject=pred, object=office[0], role=office[1]))
            if office is None and pred != succ:
                # "X succeeds Y as chief executive of Z": the office is named after the cue
                office = self._office_after(st, cue[1], exclude={succ, pred})
            if office is None or pred == succ or office[1] == "founder":
                continue  # (no one succeeds a founder as founder)
            org, title = office
            out.append(self._claim(st, predicate="role", subject=succ, object=org, role=title, modality="planned"))
            out.append(self._claim(st, predicate="joins", subject=succ, object=org, modality="planned"))
            break
        return out

    def _office_after(self, st: _Sent, pos: int, exclude: set) -> tuple[str, str] | None:
        roles = [r for r in self._roles_in(st) if r[0] >= pos and r[2][1] not in ("political", "deputy")]
        if not roles:
            return None
        org = self._role_org(st, roles[0], exclude=exclude)
        # only an organisation the sentence names: a guess from the text's topic is too weak here
        return (org, roles[0][2][1]) if org and any(m.name == org for m in self._orgs(st)) else None

    def _stepping_down(self, st: _Sent, persons: list[Mention]) -> None:
        """ "X steps down as CEO of Z": no claim (X is leaving), but X's office is what a successor takes."""
        for cue in st.of("steps_down"):
            before = [m for m in persons if m.end <= cue[0]]
            if not before:
                continue
            office = self._office_after(st, before[-1].end, exclude={before[-1].name})
            if office:
                self.roles[before[-1].name] = office
                self.sal.persons.append((self.si, before[-1].name))  # "He will be replaced by ..."
            break

    def _role_person(self, st: _Sent, r: tuple, persons: list[Mention]) -> str | None:
        s = st.s
        skip = {",", ":", "-", "–"} | self.ld.cue_set("conjunctions") | self.ld.cue_set("articles")
        role_tok = set()
        for o in st.of("role"):
            role_tok.update(range(o[0], o[1]))
        # after: "CEO Ines Kovac", "founder and chief executive, Ines Kovac"
        k = r[1]
        free = 0
        of_ends = {p[0]: p[1] for p in st.of("of_prep")}
        past_org = False
        while k < len(s.texts):
            p = next((m for m in persons if m.start == k), None)
            if p is not None:
                # "president of the Committee of X and Y, Jane Doe": after the organisation, a comma
                if past_org and s.texts[k - 1] not in (",", "(", ":", "-", "–") and k - 1 not in role_tok:
                    break
                return p.name
            if k in of_ends:
                # "le fondateur de Kelpie Systems, Ines Kovac"
                org = next((m for m in st.mentions if m.kind == ORG and m.start == of_ends[k]), None)
                if org is not None:
                    k = org.end
                    past_org = True
                    # "Nommé directeur général de X en 2021, Paul Besson": the date of the office
                    if k + 1 < len(s.texts) and s.texts[k][:1].islower() and _YEAR.match(s.texts[k + 1]):
                        k += 2
                    continue
            if k in role_tok or s.lowers[k] in skip:
                k += 1
                continue
            if free < 1 and k == r[1]:
                free += 1
                k += 1
                continue
            break
        # before: "Mark Olden, Halvex's chief executive", "Lea Fontaine, currently CFO of"
        for p in sorted(persons, key=lambda m: -m.end):
            if p.end <= r[0] and r[0] - p.end <= 4:
                between = s.texts[p.end : r[0]]
                if p.end == r[0] or between[0] in (",", "(", "-", "–"):
                    return p.name
        # a copula between: "X is the chief financial officer of Y", "X, 54, has been CFO since 2019",
        # "X ist seit 2019 Finanzvorstand", "Anna Ricci è la fondatrice di X", "X foi nomeada presidente"
        copulas = self.ld.cue_set("copulas")
        arts = self.ld.cue_set("articles")
        if copulas:
            glue = copulas | arts | {","} | {w for m in st.of("since") for w in s.lowers[m[0] : m[1]]}
            for p in sorted(persons, key=lambda m: -m.end):
                if p.end < r[0] and r[0] - p.end <= 8:
                    between = s.lowers[p.end : r[0]]
                    if " ".join(w for w in between if w not in arts) in copulas or (
                        any(w in copulas for w in between) and all(w in glue or w.isdigit() for w in between)
                    ):
                        return p.name
                    break
        # "X est directrice financière de Y", "X, 47 ans, a été nommée CTO", "Elle est PDG de Y"
        cop = [c for c in st.of("copula") if c[1] == r[0] or (c[1] == r[0] - 1 and s.lowers[c[1]] in arts)]
        if cop:
            c0 = max(c[0] for c in cop)
            near = [p for p in persons if p.end <= c0 and c0 - p.end <= 8]
            if near:
                p = max(near, key=lambda m: m.end)
                if p.end == c0 or s.texts[p.end] == ",":
                    return p.name
            elif c0 == 0 or any(i.person and c0 - 2 <= i.start < c0 for i in st.implied):
                return self.sal.last_person(self.si, window=2)
        # "er/sie/he/she, the chief executive": skip
        return None

    def _role_org(self, st: _Sent, r: tuple, exclude: set, avoid: frozenset = frozenset()) -> str | None:
        """The organisation of a title: attached to it ("X's CEO", "CEO of X"), else the nearest one
        that is not in `avoid` (where the person is going)."""
        s = st.s
        orgs = [m for m in self._orgs(st) if m.name not in exclude]
        for m in orgs:
            if m.genitive and 0 <= r[0] - m.end <= 2:
                return m.name
        of_preps = {p[0]: p for p in st.of("of_prep")}
        attached = r[1] in of_preps
        if attached:
            after = of_preps[r[1]][1]
            company = {k for c in st.of("company") for k in range(c[0], c[1])}
            for m in orgs:
                # "du Fonds monétaire international (FMI)": the acronym in brackets names it
                if after <= m.start <= after + 6 and all(
                    s.texts[k][:1].islower() or k in company or s.lowers[k] in self.ld.non_names or s.texts[k] == "("
                    for k in range(after, m.start)
                ):
                    return m.name
            for imp in st.implied:
                if not imp.person and after <= imp.start <= after + 2:
                    return self._resolve(st, imp, exclude)
        if r[2] is not None and r[2][1] == "president":
            return None  # presidents of countries and courts: only "president of X" / "X's president"
        orgs = [m for m in orgs if m.name not in avoid]
        exclude = exclude | avoid
        if any(p[1] == r[0] for p in st.of("pronoun")):
            # "Son fondateur", "Su consejero delegado": the organisation just talked about (not "sur TF1")
            obl = {p[1] for p in st.of("oblique_prep")}
            resolved = self.sal.resolve(self.si, st.mentions, r[0], exclude | {m.name for m in orgs if m.start in obl})
            if resolved:
                return resolved
        before = [m for m in orgs if m.end <= r[0]]
        if before:
            return max(before, key=lambda m: m.end).name
        # an organisation further on in the same clause ("verlässt X die Fluggesellschaft Aerolux")
        after = [m for m in orgs if m.start >= r[1] and m.start - r[1] <= 8 and "," not in s.texts[r[1] : m.start]]
        if after:
            return min(after, key=lambda m: m.start).name
        if r[1] < len(s.texts) and s.texts[r[1]] == ",":
            # "Fondée par X, aujourd'hui directrice générale, l'entreprise ...": the main clause's subject
            arts = self.ld.cue_set("articles")
            for m in orgs:
                if r[1] < m.start <= r[1] + 4 and all(
                    s.lowers[k] in arts or any(c[0] <= k < c[1] for c in st.of("company"))
                    for k in range(r[1] + 1, m.start)
                ):
                    return m.name
            for imp in st.implied:
                if not imp.person and r[1] < imp.start <= r[1] + 2:
                    return self._resolve(st, imp, exclude)
        del s
        if attached:
            return None  # "CEO of <something we did not recognise>": better no claim than a guess
        return self.sal.topic(exclude) or self.sal.resolve(self.si, st.mentions, r[0], exclude)

    def _join_org(self, st: _Sent, t: tuple, exclude: set | None = None) -> str | None:
        exclude = exclude or set()
        orgs = [m for m in self._orgs(st) if m.name not in exclude]
        to = {p[1] for p in st.of("to_prep")}
        end = t[1]
        cands = [m for m in orgs if m.start >= end - 1 and st.dist(end - 1, m.start) <= 12]
        for m in cands:
            if any(k in to for k in (m.start, m.start - 1, m.start - 2)):
                return m.name
        if cands:
            return cands[0].name
        # verb-final clauses: "... zu Orvane wechselt", "in den Vorstand des Konzerns wechseln"
        for m in reversed(orgs):
            if m.end <= t[0] and t[0] - m.end <= 3 and any(k in to for k in (m.start, m.start - 1)):
                return m.name
        before_names = {m.name for m in self._orgs(st) if m.end <= t[0]}
        for imp in st.implied:
            if imp.person:
                continue
            near_to = any(k in to for k in range(imp.start - 4, imp.start + 1))
            # "rejoindra le comité exécutif de l'acquéreur": a body of the organisation
            of_org = 0 <= imp.start - end <= 6 and any(p[1] in (imp.start, imp.start - 1) for p in st.of("of_prep"))
            if (near_to or of_org) and (imp.start >= end or t[0] - imp.end <= 8):
                return self._resolve(st, imp, exclude | before_names)
        return None

    def _join_person(self, st: _Sent, t: tuple, persons: list[Mention]) -> str | None:
        inside = [m for m in persons if t[0] <= m.start < t[1]]
        before = [m for m in persons if m.end <= t[0]]
        person = (inside or before[-1:] or [None])[0]
        if person is not None:
            return person.name
        if persons:
            return persons[0].name
        # "Der 58-jährige Manager ... wechselt": the person of the previous sentence
        return self.sal.last_person(self.si, window=1)

    def _join_claims(self, st: _Sent) -> list[Claim]:
        out = []
        persons = self._persons(st)
        # "..., vinda da Helvion": where the person comes from, not where they go
        origin_ends = [o[1] for o in st.of("origin")]
        origins = {
            m.name
            for m in self._orgs(st)
            # "vinda da fabricante de equipamentos médicos X": lower-case words before the name
            if any(0 <= m.start - e <= 6 and all(w.islower() for w in st.s.texts[e : m.start]) for e in origin_ends)
        }
        if origins:
            for person, org in self.roles_here.items():
                if org not in origins:
                    # the title is held where the person arrives
                    planned = self._future_date(st) or any(m[2][1] == "planned" for m in st.of("modal"))
                    modality = "planned" if planned else "asserted"
                    return [self._claim(st, predicate="joins", subject=person, object=org, modality=modality)]
        for t in st.of("trigger"):
            if t[2][1] != "joins":
                continue
            if t[2][2] < 0:  # "Kettwig holt X", "Corvane hires X"
                after = [m for m in persons if m.start >= t[1]]
                person = after[0].name if after else None
                before = [m for m in self._orgs(st) if m.end <= t[0]]
                org = before[-1].name if before else None
            else:
                person = self._join_person(st, t, persons)
                inside = [m for m in persons if t[0] <= m.start < t[1]]
                at = (inside[0].end - 1, inside[0].end) if inside else (t[0], t[1])
                current = {o for p, (o, _) in self.roles.items() if p == person}
                org = self._join_org(st, at, exclude=current | {person})
            if person is None or org is None:
                continue
            modality = self._modality(st, "joins", t, None)
            if modality == "asserted" and self._future_date(st):
                modality = "planned"
            out.append(self._claim(st, predicate="joins", subject=person, object=org, modality=modality))
            break
        return out

    def _future_date(self, st: _Sent) -> bool:
        s = st.s
        months = {m[0] for m in st.of("month")}
        for f in st.of("future_date"):
            for k in range(f[1], min(f[1] + 3, len(s.texts))):
                if k in months or s.texts[k][:1].isdigit():
                    return True
        return False
