"""Argument choice: who is the subject and who the object of a claim, among the typed mentions of
its sentence (possessives, prepositions, passives, proximity), or the organisation an implied
subject ("the company") refers to.
"""

from __future__ import annotations

from factcheck import knowledge
from factcheck.entities import ORG, PERSON, PLACE, Mention
from factcheck.numbers import Value
from factcheck.reading import (
    TWO_PLACE,
    _Implied,
    _Sent,
)


class Arguments:
    """Methods of the extractor (factcheck.extractor._Extractor) for this concern."""

    def _resolve(self, st: _Sent, imp: _Implied, exclude: set) -> str | None:
        named = self.noun_of.get(imp.noun)
        if named and named not in exclude:
            return named
        return self.sal.resolve(self.si, st.mentions, imp.start, exclude)

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

    def _arguments(self, st: _Sent, pred: str, t: tuple, v: Value | None) -> tuple[str | None, str | None]:
        obj = None
        passive = self._passive_holding(st, pred, t)
        if passive is not None:
            return passive
        sale = self._sale(st, pred, v)
        if sale is not None:
            return sale
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

    def _sale(self, st: _Sent, pred: str, v: Value | None) -> tuple[str, str] | None:
        """ "Brisa ha ceduto il 35% del capitale al fondo Aurora per 140 milioni", "sold its 40% stake in
        Carrow to Pellham for £30m": the buyer holds the stake sold and paid its price; what is held is
        the company named with the stake, else the seller."""
        if pred not in ("stake", "investment") or v is None:
            return None
        s = st.s
        orgs = self._orgs(st)
        for cue in st.of("sells"):
            if cue[1] > v.start and pred == "stake":
                continue
            buyer = None
            for p in st.of("payee_prep"):
                if p[0] < cue[1]:
                    continue
                # "al fondo milanese Aurora", "to the Paris-based fund X": lower-case words may stand between
                buyer = next(
                    (
                        m
                        for m in orgs
                        if p[1] <= m.start <= p[1] + 4
                        and all(
                            s.texts[k][:1].islower() or (not s.texts[k][:1].isalpha() and s.texts[k] != ",")
                            for k in range(p[1], m.start)
                        )
                    ),
                    None,
                )
                if buyer is not None:
                    break
            if buyer is None:
                continue
            sold = [x for x in st.values if x.unit == "%" and cue[1] <= x.start < buyer.start]
            if pred == "stake" and not (cue[1] <= v.start < buyer.start):
                continue
            if pred == "investment" and not (sold and buyer.end <= v.start <= buyer.end + 12):
                continue
            held = next((m for m in orgs if cue[1] <= m.start < buyer.start and m.name != buyer.name), None)
            if held is None:
                before = [m for m in orgs if m.end <= cue[0] and m.name != buyer.name]
                if before:
                    held = before[-1]
            if held is not None:
                return buyer.name, held.name
            implied = [i for i in st.implied if not i.person and i.end <= cue[0]]
            got = self._resolve(st, implied[-1], {buyer.name}) if implied else None
            return (buyer.name, got) if got else None
        return None

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
        if sure:
            return sure
        # a name that opens with a given name is a person's before one that only looks like it ("Molina Carta")
        shaped = [m for m in st.mentions if m.pshape and m.kind != PLACE]
        given = [m for m in shaped if knowledge.is_given_name(m.name.split()[0].split("-")[0])]
        return given or shaped

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
