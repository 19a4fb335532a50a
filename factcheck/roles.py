"""People: role claims (titles held at an organisation, founders, successions) and joins (a person
moving to an organisation), with the person and the organisation each title belongs to.
"""

from __future__ import annotations

from factcheck.claim import Claim
from factcheck.entities import ORG, PERSON, Mention
from factcheck.reading import (
    _YEAR,
    _Sent,
)


class Roles:
    """Methods of the extractor (factcheck.extractor._Extractor) for this concern."""

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
        # verb-final "von X und Y gegründet", "door X opgericht": the founders inside the match
        final = [(f, True) for f in st.of("founded_by_final")]
        for f, inside in [(f, False) for f in st.of("founded_by")] + final:
            if inside:
                after = [m for m in persons if f[0] < m.start and m.end < f[1]]
            else:
                after = [m for m in persons if m.start >= f[1] and m.start - f[1] <= 4]
            # "founded by the chemist Laura Finch and the engineer Omar Haddad": every founder named in the
            # list after the first is a person too, never the company founded
            if after:
                end = after[0].end
                for m in sorted(st.mentions, key=lambda m: m.start):
                    if m.start < end or m in after:
                        continue
                    gap = st.s.lowers[end : m.start]
                    if m.start - end > 5 or not m.pshape or not any(w in self._conj for w in gap):
                        break
                    if any(end <= a[0] < m.start for a in st.of("article")) and not any(
                        w.isalpha() and w in self._conj for w in gap
                    ):
                        break  # "..., a Quintal Pay tem": an article opens the main clause's subject, no founder
                    after.append(m)
                    end = m.end
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
                for founder in after:
                    out.append(self._claim(st, predicate="role", subject=founder.name, object=org, role="founder"))
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
        out += self._stepping_down(st, persons)
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

    def _stepping_down(self, st: _Sent, persons: list[Mention]) -> list[Claim]:
        """ "X steps down as CEO of Z": X holds the office until then (a claim when the title follows the
        verb), and X's office is what a successor takes."""
        out = []
        for cue in st.of("steps_down"):
            before = [m for m in persons if m.end <= cue[0]]
            if not before:
                continue
            office = self._office_after(st, before[-1].end, exclude={before[-1].name})
            if office:
                self.roles[before[-1].name] = office
                self.sal.persons.append((self.si, before[-1].name))  # "He will be replaced by ..."
                titles = [r for r in self._roles_in(st) if cue[0] < r[0] <= cue[1] + 3 and r[2][1] == office[1]]
                if titles:
                    out.append(
                        self._claim(st, predicate="role", subject=before[-1].name, object=office[0], role=office[1])
                    )
            break
        return out

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
                # "Whitfield still runs the company as ...": only copula words ("still", "now") between
                if p.end == c0 or s.texts[p.end] == "," or all(w in copulas for w in s.lowers[p.end : c0]):
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
            # presidents of countries and courts: only "president of X", "X's president" and the name as a
            # premodifier right before the title ("Emirates President Tim Clark")
            return next((m.name for m in orgs if m.end == r[0] and m.name not in avoid), None)
        orgs = [m for m in orgs if m.name not in avoid]
        exclude = exclude | avoid
        if any(p[1] == r[0] for p in st.of("pronoun")):
            # "Son fondateur", "Su consejero delegado": the organisation just talked about (not "sur TF1")
            obl = {p[1] for p in st.of("oblique_prep")}
            resolved = self.sal.resolve(self.si, st.mentions, r[0], exclude | {m.name for m in orgs if m.start in obl})
            if resolved:
                return resolved
        # a company named inside a quotation is not where the speaker after it holds a title ("«... il vetro
        # di Murano ...», ha spiegato X, amministratrice delegata")
        quoted = _quoted(s.texts)
        before = [m for m in orgs if m.end <= r[0] and (m.start in quoted) == (r[0] in quoted)]
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


# (not the apostrophes "'" and "’", which also end possessives: "Mijares' revenue")
_QUOTES = frozenset({'"', "«", "»", "“", "”", "„"})
_CLOSING = frozenset({"»"})


def _quoted(texts: list[str]) -> set[int]:
    """Positions of the tokens inside quotation marks ("...", «...», „...“, “...”)."""
    out: set[int] = set()
    inside = False
    for i, t in enumerate(texts):
        if t in _QUOTES:
            inside = not inside and t not in _CLOSING
            continue
        if inside:
            out.add(i)
    return out
