"""Time attribution and modality: the time a figure refers to (resolved against the publication
date), its period when it is a rate, and whether it is asserted, planned, forecast, reported or
denied.
"""

from __future__ import annotations

from factcheck.numbers import Value
from factcheck.reading import (
    _YEAR,
    COUNT_PREDICATES,
    FISCAL,
    _Sent,
)


class Timing:
    """Methods of the extractor (factcheck.extractor._Extractor) for this concern."""

    def _carry_quarter(self, st: _Sent) -> None:
        """ "X ist im zweiten Quartal in die Verlustzone gerutscht. Unter dem Strich stand ...": a quarter or
        half named in a sentence without a figure is the time of the figures that follow it."""
        if st.times is None:
            st.times = self._times(st)
        parts = [tm for _, tm in st.times if "-" in tm]
        # one period, already begun when the article appeared ("closing expected in the third quarter" is a
        # deadline, not the period of the figures that follow)
        if len(set(parts)) == 1 and self._begun(parts[0]):
            self.last_fiscal_time = parts[0]

    def _begun(self, time: str) -> bool:
        if self.published is None:
            return False
        year, part = time.split("-")
        return (int(year), _start_month(part[0], int(part[1]))) <= (self.published.year, self.published.month)

    def _quarter_match(self, token: str):
        return self.ld.quarter_token.match(token) if self.ld.quarter_token else None

    def _times(self, st: _Sent) -> list[tuple[int, str]]:
        """Time expressions: (token position, "2024" | "2025-Q2")."""
        s = st.s
        out: list[tuple[int, str]] = []
        since_end = {m[1] for m in st.of("since")}
        # "fundada en 2016 por X": the founding year is no figure's time
        founded = {k for m in st.of("founded_by") for k in range(m[0], m[1])}
        founded.update(k for m in st.of("founded_by_final") for k in range(m[0] - 1, m[1]))  # "2015 von X gegründet"
        years = {}
        for i, t in enumerate(s.texts):
            if _YEAR.match(t) and i not in since_end and (i - 1) not in since_end and i not in founded:
                years[i] = t
        used = set()
        pub_year = self.published.year if self.published else None
        for kind, letter, token in (("quarter", "Q", self.ld.quarter_token), ("half", "H", self.ld.half_token)):
            for q in st.of(kind):
                qi = q[0]
                num = None
                for o in st.by_end.get(qi, []) + st.by_end.get(qi - 1, []):
                    if o[2][0] == "ordinal":
                        num = o[2][1]
                m = token.match(s.texts[qi]) if token else None
                if num is None and qi + 1 < len(s.texts) and s.texts[qi + 1].isdigit() and len(s.texts[qi + 1]) == 1:
                    num = int(s.texts[qi + 1])
                if num is None and m:
                    num = int(m.group(1))
                if num is None or (letter == "H" and num > 2):
                    continue
                year = None
                for k in range(q[1], min(q[1] + 3, len(s.texts))):
                    if k in years:
                        year = years[k]
                        used.add(k)
                        break
                year = year or self._year_of(letter, num)
                if year:
                    out.append((qi, f"{year}-{letter}{num}"))
            # "Q3 2024", "2024 Q3", "H1 2025"
            for i, t in enumerate(s.texts):
                m = token.match(t) if token else None
                if m and not any(p == i for p, _ in out):
                    year = years.get(i + 1) or years.get(i - 1)
                    if year:
                        used.add(i + 1 if i + 1 in years else i - 1)
                    year = year or self._year_of(letter, int(m.group(1)))
                    if year:
                        out.append((i, f"{year}-{letter}{m.group(1)}"))
        for i, y in years.items():
            if i not in used:
                out.append((i, y))
        if pub_year:
            # "ein Jahr zuvor", "a year earlier" next to a quarter (in this sentence, or the one the text is
            # about): that quarter a year before, not the whole of last year
            quarters = [tm for _, tm in out if "-" in tm] or (
                [self.last_fiscal_time] if self.last_fiscal_time and "-" in self.last_fiscal_time else []
            )
            for r in st.of("rel_year"):
                if len(r[2]) > 2 and quarters:
                    year, part = quarters[0].split("-")
                    out.append((r[0], f"{int(year) - 1}-{part}"))
                    st.rel_before.add(r[0])
                else:
                    out.append((r[0], str(pub_year + r[2][1])))
        return out

    def _compared(self, st: _Sent) -> list[tuple[int, int]]:
        """Spans from a comparison word to the time it compares with: "rispetto allo stesso periodo del 2024",
        "compared with €1.8bn in 2023". The time there is the earlier figure's, not the sentence's."""
        if st.compared is None:
            cues = self.ld.cue_set("comparisons")
            st.compared = [(c, c + 9) for c, word in enumerate(st.s.lowers) if word in cues]
        return st.compared

    def _year_of(self, letter: str, num: int) -> str | None:
        """The year of a quarter or half named without one ("im dritten Quartal", "il primo semestre"): the
        publication's, unless that period starts more than three months after the article was published, when
        the text reports the one before ("im vierten Quartal" in a January article is last year's)."""
        if self.published is None:
            return None
        start_month = _start_month(letter, num)
        year = self.published.year
        return str(year - 1 if start_month - self.published.month > 3 else year)

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
        compared = self._compared(st)
        for pos, tm in st.times:
            if any(c < pos <= end and not c <= anchor <= pos + 2 for c, end in compared):
                continue  # a comparison's time belongs to the figure compared with, inside the comparison
            if pos in st.rel_before and st.dist(pos, anchor) > 6:
                continue  # "ein Jahr zuvor" dates the figure next to it, not the sentence
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

    def _future_date(self, st: _Sent) -> bool:
        s = st.s
        months = {m[0] for m in st.of("month")}
        for f in st.of("future_date"):
            for k in range(f[1], min(f[1] + 3, len(s.texts))):
                if k in months or s.texts[k][:1].isdigit():
                    return True
        return False


def _start_month(letter: str, num: int) -> int:
    """The first month of quarter ("Q") or half ("H") `num`."""
    return (num - 1) * (3 if letter == "Q" else 6) + 1
