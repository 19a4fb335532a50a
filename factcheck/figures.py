"""Figures and their predicates: each number linked to the nearest compatible trigger (a nearer
distractor, such as a share-price move, wins it away), the claims built from the links, and
claims plainly stated without their figure (incomplete).
"""

from __future__ import annotations

from dataclasses import replace

from factcheck import languages
from factcheck.claim import Claim
from factcheck.entities import ORG, PERSON, Mention
from factcheck.numbers import Value
from factcheck.reading import (
    _YEAR,
    AFTER_COST,
    COUNT_PREDICATES,
    FISCAL,
    MAX_LINK,
    MONEY_PREDICATES,
    PRICE_PREDICATES,
    TWO_PLACE,
    _dedupe,
    _Sent,
)


class Figures:
    """Methods of the extractor (factcheck.extractor._Extractor) for this concern."""

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
                        c = replace(c, subject=gap[-1].name, object=stake_parties[1])
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

    def _priceless_acquisitions(self, st: _Sent, found: list[Claim]) -> list[Claim]:
        """A takeover told without its price ("Valtrix will acquire Lumen", "Lumen wird von Valtrix
        übernommen"): the buyer and the company bought, each named in the sentence. Not where the sentence
        also tells a stake or a share (a partial purchase), nor where a price was already linked."""
        if any(c.predicate in ("acquisition", "stake") for c in found) or st.of("percent"):
            return []
        out = []
        orgs = self._orgs(st)
        arts = self.ld.cue_set("articles")
        negations = self.ld.cue_set("negations")
        for t in st.of("trigger"):
            if t[2][1] != "acquisition" or len(t[2]) > 3:
                continue
            if any(w in negations for w in st.s.lowers[: t[0]]):
                continue  # "n'a pas l'intention de racheter X", "no tiene intención de comprar X"
            subj, obj = self._arguments(st, "acquisition", t, None)
            if not subj or not obj or subj == obj:
                continue
            named = {m.name: m for m in orgs}
            if subj not in named or obj not in named:
                continue  # both named here: an implied buyer or target is too often another deal's
            o = named[obj]
            # the company bought right after the verb, with only an article, a company noun or "of" between
            # ("acquire Lumen", "la compra de la empresa Lumen"; not "bought shares in Lumen"), or, passive,
            # before it ("Lumen wird ... übernommen")
            glue = arts | {k for p in st.of("company") + st.of("of_prep") for k in range(p[0], p[1])}
            right_after = 0 <= o.start - t[1] <= 3 and all(
                k in glue or st.s.lowers[k] in arts for k in range(t[1], o.start)
            )
            # verb-final, a perfect or a modal: "Halvex hat (die Firma) Orvane übernommen", "Halvex wil Orvane
            # kopen": the buyer, an auxiliary, the company bought right before the participle; nothing else
            # between ("hat Anteile an Orvane gekauft" bought shares, not the company)
            s = named[subj]
            auxiliaries = self.ld.cue_set("auxiliaries")
            perfect = (
                self.ld.verb_final
                and s.end <= o.start
                and o.end == t[0]
                and any(st.s.lowers[k] in auxiliaries for k in range(s.end, o.start))
                and all(k in glue or st.s.lowers[k] in arts | auxiliaries for k in range(s.end, o.start))
            )
            if not (right_after or perfect or (o.end <= t[0] and s.start > o.start)):
                continue
            out.append(
                self._claim(
                    st,
                    predicate="acquisition",
                    subject=subj,
                    object=obj,
                    modality=self._modality(st, "acquisition", t, None),
                )
            )
            break
        return out

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
