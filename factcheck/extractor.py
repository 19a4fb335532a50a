"""One language-neutral extractor driven by the per-language data files.

An article passes through layers, each in its own module: sentences and tokens (text), figures
(numbers), typed mentions (entities, with knowledge), mentions tied across the article (salience),
figures linked to predicates (figures), arguments chosen among the mentions (arguments), people's
roles and moves (roles), time and modality (timing), and a confidence per claim (confidence).
This module runs them in order over each sentence.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import replace
from functools import lru_cache

from factcheck import confidence, knowledge, langid, languages
from factcheck.arguments import Arguments
from factcheck.claim import Claim, Extraction
from factcheck.entities import ORG, OTHER, PERSON, PLACE, Mention, find_mentions
from factcheck.figures import Figures
from factcheck.languages import LangData
from factcheck.numbers import find_values
from factcheck.reading import CLAIM_CUES, FISCAL, KIND_OUT, _dedupe, _Implied, _Sent
from factcheck.roles import Roles
from factcheck.salience import _Salience
from factcheck.text import Sentence, make_tokenizer, sentences
from factcheck.timing import Timing


def extract(
    text: str,
    *,
    published: dt.date | None = None,
    lang: str | None = None,
    entities: Mapping[str, str] | None = None,
    min_confidence: float = confidence.MIN_CONFIDENCE,
) -> Extraction:
    """Structured claims of one article (see shared/spec/claims.md), each with a confidence; claims below
    `min_confidence` are left out (0 keeps every claim)."""
    code = lang or langid.detect(text)
    ld = languages.get(code)
    result = Extraction(lang=code)
    if not text.strip():
        return result
    sents = sentences(_without_datelines(text), code, ld.tokenizer)
    matches = [ld.lexicon.find_all(s.lowers) for s in sents]
    mentions = find_mentions(sents, matches, ld, entities, make_tokenizer(code, ld.tokenizer))
    ex = _Extractor(text, ld, published, result)
    ex.doc_names = len({m.name for ms in mentions for m in ms if m.kind in (ORG, PERSON)})
    for s, sm, ms in zip(sents, matches, mentions, strict=True):
        ex.sentence(s, sm, ms)
    result.claims = _dedupe([c for c in result.claims if _sure_enough(c, min_confidence)])
    result.incomplete = _dedupe([c for c in result.incomplete if _sure_enough(c, min_confidence)])
    return result


# "MILANO (ANSA) - ", "München (dpa-AFX) – ", "MADRID (EFE).- ", "COPENHAGEN, Nov 6 - ": where and from whom a
# story came. The agency is no company of the story and the city no place of its figures; blanked to spaces
# so that every offset into the text stays as it is.
_DATELINE = re.compile(
    r"^[ \t]*(?:"
    r"(?:[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’. /-]{1,40}?[ \t]*\([^()\n]{2,30}\)"
    r"|[A-ZÀ-ÖØ-Þ][\w'’. /-]{1,40}?[ \t]*\((?i:[^()\n]*\b(?:dpa|afp|reuters|ansa|efe|lusa|anp|belga|apa|ap|"
    r"bloomberg|sda|ats|kna|epd|afx|europa press|agi|adnkronos|aec|aei|agência brasil)\b[^()\n]*)\))"
    r"(?:,[^\n()]{1,25})?[ \t]*(?:[-–—]{1,2}|\.-|:)"
    r"|[A-ZÀ-ÖØ-Þ]{3,}(?:[ /-][A-ZÀ-ÖØ-Þ]{2,})*(?:,[^\n\-–—]{1,25})?[ \t]*[-–—]{1,2}"
    r")[ \t]+",
    re.M,
)


# A word of two letters or more, a full stop and a capital inside one name: two sentences glued together
# (but "Dr. Oetker", "Tessaline Co. Ltd", "J. P. Morgan" are names).
_RUN_ON = re.compile(
    r"(?<![\w&])(?!(?:Dr|St|Co|Corp|Inc|Ltd|Jr|Sr|Bros|Mr|Mrs|Ms|Prof|Ste|Cie|Sra|Dott|Ing)\.)[\w&]{2,}\. \w"
)


# "HVN.L", "ITPV3", "KDL-B": how a company's shares are listed, not its name
_TICKER = re.compile(r"^[A-Z]{2,6}(?:\.[A-Z]{1,2}|\d{1,2}|-[A-Z])$")


@lru_cache(maxsize=4096)
def _a_word(token: str) -> bool:
    """Whether a name's word is an ordinary word of any of our languages (simplemma's dictionaries)."""
    import simplemma

    return any(simplemma.is_known(token.lower(), lang=code) for code in languages.available())


def _without_datelines(text: str) -> str:
    return _DATELINE.sub(lambda m: " " * len(m.group()), text)


def _sure_enough(c: Claim, least: float) -> bool:
    return least <= 0 or c.confidence is None or c.confidence >= least


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


class _Extractor(Figures, Arguments, Roles, Timing):
    """Reads an article sentence by sentence; each concern's methods live in its own module (figures,
    arguments, roles, timing), this class holds the state they share and the order they run in."""

    def __init__(self, text: str, ld: LangData, published: dt.date | None, result: Extraction) -> None:
        self.text = text
        self.ld = ld
        self.published = published
        self.result = result
        self.doc_names = 0  # organisations and people the whole text names (a confidence feature)
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
        self.takeover: tuple[int, Claim] | None = None  # the last takeover told without its price

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
        st.named = {m.name: m for m in ms}
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

    # ------------------------------------------------------------------ main
    def sentence(self, s: Sentence, sm: list, ms: list[Mention]) -> None:
        self.si = s.index
        claims: list[Claim] = []
        st: _Sent | None = None
        if ms:
            # "Orbisal Holding", "Vireo Investments": a trigger word inside a name is part of the name
            covered = {k for m in ms for k in range(m.start, m.end)}
            sm = [m for m in sm if not (m[2][0] in ("trigger", "noun") and m[0] in covered and m[1] - 1 in covered)]
        if any(m[2][0] in CLAIM_CUES for m in sm) or self._pct_cue(s, sm):
            st = self._prepare(s, sm, ms)
            claims += self._value_claims(st)
            claims = self._takeover_price(st, claims)
            claims += self._priceless_acquisitions(st, claims)
            claims += self._role_claims(st)
            claims += self._join_claims(st)
        else:
            # most sentences state no claim: only what later sentences need is kept
            self._remember_appositions(s, [m for m in sm if m[2][0] == "company"], ms)
        if claims:
            claims = [self._with_confidence(st, c) for c in claims if self._types_fit(st, c)]
        if not any(c.predicate in FISCAL for c in claims) and any(m[2][0] in ("quarter", "half") for m in sm):
            self._carry_quarter(st or self._prepare(s, sm, ms))
        for c in claims:
            if c.predicate == "acquisition" and c.value is None:
                self.takeover = (self.si, c)
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

    def _takeover_price(self, st: _Sent, claims: list[Claim]) -> list[Claim]:
        """ "X has completed the takeover of Y. X paid €600m for the business." / "X zahlte dafür ...": a
        payment by the buyer, right after a takeover told without its price, with no other company named,
        is that takeover's price. The takeover claim gets it; no payment is reported."""
        if self.takeover is None or self.si - self.takeover[0] > 2:
            return claims
        deal = self.takeover[1]
        money = [v for v in st.values if v.unit not in ("%", "count")]
        pays = [t for t in st.of("trigger") if t[2][1] == "payment"]
        named = {m.name for m in self._orgs(st)}
        if len(money) != 1 or not pays or not named <= {deal.subject, deal.object} or deal.subject not in named:
            return claims
        v = money[0]
        priced = replace(deal, value=v.value, unit=v.unit, qualifier=v.qualifier)
        self.result.claims = [priced if c is deal else c for c in self.result.claims]
        self.takeover = None
        return [c for c in claims if not (c.predicate == "payment" and c.subject == deal.subject)]

    def _types_fit(self, st: _Sent, c: Claim) -> bool:
        """A claim's arguments have the types its predicate takes: a person holds a title or joins, an
        organisation is what is held, joined or employs; a person never has revenue or staff, and a place
        only acts as a state."""
        if any(n and n.split()[0].islower() for n in (c.subject, c.object)):
            return False  # "den Aufsichtsrat": a phrase, not a name
        named = st.named
        subj, obj = named.get(c.subject), named.get(c.object) if c.object else None
        if any(m is not None and m.kind == OTHER for m in (subj, obj)):
            return False
        if any(n and _RUN_ON.search(n) for n in (c.subject, c.object)):
            return False  # "Ipsos I&O. Daarin": a name does not run over the end of a sentence
        if any(n and (_TICKER.match(n) or n in self.ld.legal_forms) for n in (c.subject, c.object)):
            return False  # "HVN.L", "ITPV3", "GmbH": a ticker or a legal form is not the company's name
        if c.predicate in ("role", "joins"):
            if subj is None and not self._person_like(c.subject):
                return False  # a title holder from an earlier sentence must at least look like a person
            if self._not_an_employer(c.object, obj):
                return False  # "CEO of London", "joins Albert Pemberton": a title is held at an organisation
            return not (subj and subj.kind == ORG and not subj.pshape) and not (obj and obj.kind == PERSON)
        if c.object and obj is None and self._first_and_surname(c.object.split()) and not _a_word(c.object.split()[-1]):
            return False  # "détient 35 % de la société" resolved to "Julien Morel": what is held is no person
        if subj is not None and (subj.kind == PERSON or (subj.kind == PLACE and not subj.state)):
            return c.predicate == "stake" and subj.kind == PERSON  # founders hold stakes
        if c.predicate != "stake" and self._only_a_persons_name(c.subject, subj):
            return False  # "Gianmaria Ferrulli" has no revenue or staff, even when the text left his type open
        return not (obj and obj.kind in (PERSON, PLACE))

    def _only_a_persons_name(self, name: str, m: Mention | None) -> bool:
        """A first name and a surname that the text shows to be a person's: one who holds a title or joins,
        or the founder of a company named after them ("Gianmaria Ferrulli" beside "Ferrulli S.p.A.")."""
        if m is not None and (m.evidence != "shape" or not m.pshape):
            return False
        words = name.split()
        if not self._first_and_surname(words):
            return False
        if name in self.roles or any(c.subject == name for c in self.result.claims if c.predicate in ("role", "joins")):
            return True
        return any(
            other != name and words[-1] in other.split() and kind == ORG for other, kind in self.result.entities.items()
        )

    def _not_an_employer(self, name: str | None, m: Mention | None) -> bool:
        """A place that cannot act as a state, or a first name and a surname the text gives no company sign."""
        if name is None:
            return False
        if m is not None and (m.kind != ORG or m.evidence != "shape"):
            return m.kind == PLACE and not m.state
        where = knowledge.place(name)
        if where is not None and where.major and not where.ambiguous and where.kind == "city":
            return True
        words = name.split()
        return (
            self._first_and_surname(words)
            and (m is not None or name not in self.result.entities)
            # "Nova Terra", "Rosa Blanca": a surname that is a word of one of our languages may be a company's
            and not _a_word(words[-1])
        )

    def _first_and_surname(self, words: list[str]) -> bool:
        """A known first name, then up to three more words, none of them a company word or legal form."""
        return (
            2 <= len(words) <= 4
            and knowledge.is_given_name(words[0].split("-")[0])
            and not any(w.lower() in self.ld.org_words or w in self.ld.legal_forms for w in words)
        )

    def _person_like(self, name: str) -> bool:
        words = name.split()
        return (
            len(words) >= 2
            and not any(w.lower() in self.ld.org_words for w in words)
            and words[-1] not in self.ld.legal_forms
        )

    def _with_confidence(self, st: _Sent, c: Claim) -> Claim:
        named = st.named
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
            subject_first=bool(
                subj and subj.name == next((m.name for m in st.mentions if m.kind in (ORG, PERSON)), "")
            ),
            in_order=bool(subj and obj and subj.start < obj.start),
            doc_names=self.doc_names,
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

    @property
    def _conj(self) -> frozenset[str]:
        return self.ld.cue_set("conjunctions")

        # a figure whose triggers were all taken keeps its nearest one ("€180m a year, €1.26bn in total")
