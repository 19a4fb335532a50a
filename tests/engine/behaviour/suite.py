"""A CheckList-style behavioural suite for `factcheck.extract`.

Templates (`templates/<lang>.toml`) are short newsroom sentences with slots; `cases()`
fills each one with several fillers from `names.py` (seeded, so the same seed always
gives the same texts) and attaches the claims a reader would expect. A case passes
when the language is detected, every expected claim is extracted and nothing else is
(a spurious claim fails the case). Negative templates (figures that are no claim:
inflation, share prices, sports, weather ...) pass only with no claim at all.

Template format, one array of tables per predicate plus `[[negative]]`:

    [[stake]]
    text = "{ORG} hält {PCT} Prozent an {ORG2}."          # or a list of sentences
    claims = [{ predicate = "stake", subject = "{ORG}", object = "{ORG2}", value = "{PCT}" }]
    optional = [...]   # claims that may be extracted or not without failing the case

Slots: ORG, ORG2 (organisations; ORG_BASE without, ORG_FULL with a legal form,
ORG_SHORT a short form, ORG_GEN the genitive in de/en), PERSON, PERSON_LAST, CITY,
CITYADJ_M/_F, NAT_M/_F (demonyms), IN_COUNTRY, PCT, RATE (a small rate for negatives), MONEY, MONEY2, COUNT, BIGCOUNT,
POP, YEAR, LASTYEAR. "<<m|f>>" picks the form agreeing with PERSON's gender. In a
claim, the value "{MONEY}" (or "-{MONEY}" for a loss) brings its currency as the unit,
"{PCT}" brings "%" and counts bring "count"; `in` is the index of the sentence that
holds the claim (default: the last one).
"""

from __future__ import annotations

import datetime as dt
import random
import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from factcheck.claim import PREDICATES
from tests.engine.behaviour import names as N

TEMPLATES = Path(__file__).parent / "templates"
FIELDS = ("predicate", "subject", "object", "value", "unit", "period", "time", "role")
PERSON_PREDICATES = frozenset({"role", "joins"})
SLOT = re.compile(r"\{([A-Z][A-Z0-9_]*)\}")
GENDERED = re.compile(r"<<([^|>]*)\|([^>]*)>>")
ELISION = re.compile(r"\b([dD]|[qQ]u)e (?=[AEIOUYÉÈÊÂÎÔ])")
ELISION_IT = re.compile(r"\b(il|al|del|dal|nel) (?=(?:8|11|18|80)\b)")
DEFAULT_PER_TEMPLATE = 6
DEFAULT_SEED = 20250615


@dataclass(frozen=True, slots=True)
class Template:
    lang: str
    id: str  # "de-stake-2", "fr-negative-4"
    predicate: str  # "negative" for templates that must give no claim
    sentences: tuple[str, ...]
    claims: tuple[dict, ...]
    optional: tuple[dict, ...]
    topic: str | None = None  # what a negative template is about

    @property
    def slots(self) -> set[str]:
        return {m for s in self.sentences for m in SLOT.findall(s)}


@dataclass(frozen=True, slots=True)
class Label:
    predicate: str
    template: str
    kind: str  # the name kind of the main slot (ORG, or PERSON for role/joins); "none" when the text names nobody


@dataclass(slots=True)
class Case:
    lang: str
    text: str
    published: dt.date
    expected: list[dict]
    label: Label
    optional: list[dict] = field(default_factory=list)

    def check(self, extraction) -> tuple[bool, str]:
        """(passed, why): right language, every expected claim found, no other claim."""
        if extraction.lang != self.lang:
            return False, f"language {extraction.lang!r} instead of {self.lang!r}"
        got = [c.to_dict() for c in extraction.claims]
        used: set[int] = set()
        missing = []
        for want in self.expected:
            hit = next((i for i, g in enumerate(got) if i not in used and matches(want, g)), None)
            if hit is None:
                missing.append(want)
            else:
                used.add(hit)
        # A repeat of a found claim counts once (as in the contract's scoring); an optional one is allowed.
        spurious = [
            g
            for i, g in enumerate(got)
            if i not in used and not any(matches(w, g) for w in (*self.expected, *self.optional))
        ]
        if not missing and not spurious:
            return True, "ok"
        why = []
        if missing:
            why.append("missing " + "; ".join(brief(w) for w in missing))
        if spurious:
            why.append("spurious " + "; ".join(brief(g) for g in spurious))
        return False, " | ".join(why)


def brief(claim: dict) -> str:
    return "{" + ", ".join(f"{k}={claim.get(k)!r}" for k in FIELDS if claim.get(k) is not None) + "}"


def _names(gold: str | None) -> set[str]:
    return {n.strip().casefold() for n in (gold or "").split("|") if n.strip()}


def matches(want: dict, got: dict) -> bool:
    """The contract's matching: names ignoring case, `time` and `period` only when expected, values within 1 %."""
    if want["predicate"] != got.get("predicate"):
        return False
    if (got.get("subject") or "").casefold() not in _names(want.get("subject")):
        return False
    if want.get("object") is not None and (got.get("object") or "").casefold() not in _names(want["object"]):
        return False
    for f in ("unit", "role"):
        if (want.get(f) or None) != (got.get(f) or None):
            return False
    for f in ("time", "period"):
        if want.get(f) is not None and str(want[f]).casefold() != str(got.get(f) or "").casefold():
            return False
    a, b = want.get("value"), got.get("value")
    if (a is None) != (b is None):
        return False
    return a is None or abs(a - b) <= 0.01 * max(abs(a), abs(b))


# -- templates ---------------------------------------------------------------------------


@cache
def templates(lang: str) -> tuple[Template, ...]:
    path = TEMPLATES / f"{lang}.toml"
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    unknown = set(data) - {*PREDICATES, "negative"}
    if unknown:
        raise ValueError(f"{path}: unknown sections {sorted(unknown)}; use a predicate or 'negative'")
    out = []
    for section in (*PREDICATES, "negative"):
        for n, t in enumerate(data.get(section, []), 1):
            text = t["text"]
            sentences = (text,) if isinstance(text, str) else tuple(text)
            out.append(
                Template(
                    lang=lang,
                    id=f"{lang}-{section}-{n}",
                    predicate=section,
                    sentences=sentences,
                    claims=tuple(t.get("claims", ())),
                    optional=tuple(t.get("optional", ())),
                    topic=t.get("topic"),
                )
            )
    return tuple(out)


# -- filling -----------------------------------------------------------------------------


def _words(org: N.Org) -> set[str]:
    return {w.casefold() for w in re.findall(r"\w+", f"{org.name} {org.legal or ''}")}


def _other_org(lang: str, rng: random.Random, *taken: N.Org) -> N.Org:
    """An organisation of any kind sharing no word with those already in the text."""
    while True:
        o = rng.choice(N.orgs(lang, rng.choice(N.ORG_KINDS)))
        if all(not (_words(o) & _words(t)) for t in taken):
            return o


def _genitive(name: str, lang: str) -> str:
    if lang == "en":
        return name + ("'" if name.endswith("s") else "'s")
    return name + ("'" if name[-1] in "sxzß" else "s")


def _published(rng: random.Random) -> dt.date:
    return dt.date(2025, 1, 10) + dt.timedelta(days=rng.randrange(0, 500))


def fill(template: Template, i: int, seed: int = DEFAULT_SEED) -> Case:
    """The i-th filling of a template (deterministic for a seed)."""
    lang = template.lang
    rng = random.Random(f"{seed}:{template.id}:{i}")
    slots = template.slots | {
        m for c in template.claims + template.optional for v in c.values() for m in SLOT.findall(str(v))
    }
    published = _published(rng)
    person_main = template.predicate in PERSON_PREDICATES
    offset = sum(map(ord, template.id))  # spread the kinds' order over templates
    values: dict[str, str] = {}
    gold: dict[str, object] = {}
    units: dict[str, str] = {}
    kind = "none"

    org = None
    if slots & {"ORG", "ORG_BASE", "ORG_FULL", "ORG_SHORT", "ORG_GEN"}:
        okind = N.ORG_KINDS[(i + offset) % len(N.ORG_KINDS)] if not person_main else rng.choice(N.ORG_KINDS)
        org = rng.choice(N.orgs(lang, okind))
        kind = okind if not person_main else kind
        base = org.name
        values["ORG"] = org.shown
        values["ORG_BASE"] = base
        if "ORG_FULL" in slots and not org.legal:
            # a template naming the legal form first needs one; invented names get the language's usual one
            org = N.Org(org.name, org.kind, f"{org.name} {N.DEFAULT_LEGAL[lang]}", org.short)
        values["ORG_FULL"] = org.legal or base
        values["ORG_SHORT"] = org.short or base
        values["ORG_GEN"] = _genitive(base, lang)
        for s in ("ORG", "ORG_BASE", "ORG_FULL", "ORG_SHORT", "ORG_GEN"):
            gold[s] = org.gold
    if "ORG2" in slots:
        org2 = _other_org(lang, rng, *([org] if org else []))
        values["ORG2"] = org2.shown
        gold["ORG2"] = org2.gold
    person = None
    if slots & {"PERSON", "PERSON_LAST"}:
        pkind = N.PERSON_KINDS[(i + offset) % len(N.PERSON_KINDS)] if person_main else rng.choice(N.PERSON_KINDS)
        person = rng.choice(N.persons(lang, pkind))
        if person_main:
            kind = pkind
        values["PERSON"] = person.name
        values["PERSON_LAST"] = person.last
        gold["PERSON"] = gold["PERSON_LAST"] = person.name
    city, cadj_m, cadj_f = rng.choice(N.CITIES[lang])
    values.update(CITY=city, CITYADJ_M=cadj_m, CITYADJ_F=cadj_f)
    values["NAT_M"], values["NAT_F"] = rng.choice(N.DEMONYMS[lang])
    values["IN_COUNTRY"] = rng.choice(N.IN_COUNTRY[lang])
    for s in ("MONEY", "MONEY2"):
        if s in slots:
            m = N.money(lang, rng)
            while s == "MONEY2" and m.value == gold.get("MONEY"):
                m = N.money(lang, rng)
            values[s], gold[s], units[s] = m.text, m.value, m.unit
    for s, make, unit in (
        ("PCT", N.percent, "%"),
        ("RATE", N.rate, "%"),
        ("COUNT", N.count, "count"),
        ("BIGCOUNT", N.big_count, "count"),
        ("POP", N.population, "count"),
    ):
        if s in slots:
            values[s], gold[s] = make(lang, rng)
            units[s] = unit
    year = published.year - rng.choice((1, 1, 2, 3))
    values["YEAR"], values["LASTYEAR"] = str(year), str(published.year - 1)
    gold["YEAR"], gold["LASTYEAR"] = values["YEAR"], values["LASTYEAR"]

    def render(s: str) -> str:
        if GENDERED.search(s):
            if person is None:
                raise ValueError(f"{template.id}: '<<m|f>>' needs a PERSON slot")
            s = GENDERED.sub(lambda m: m.group(1 if person.gender == "m" else 2), s)
        return SLOT.sub(lambda m: values[m.group(1)], s)

    # a name ending in a dot closes the sentence itself: "... von Voss N.V." not "N.V.."
    sentences = [render(s).replace("..", ".") for s in template.sentences]
    if lang == "fr":  # elision: "de Airbus" -> "d'Airbus", "que Eni" -> "qu'Eni"
        sentences = [ELISION.sub(r"\1'", s) for s in sentences]
    if lang == "it":  # "al 8%" -> "all'8%", "il 11%" -> "l'11%"
        sentences = [
            ELISION_IT.sub(lambda m: ("l" if m.group(1) == "il" else m.group(1) + "l") + "'", s) for s in sentences
        ]
    text = " ".join(sentences)

    def claim(spec: dict) -> dict:
        out: dict = {f: None for f in FIELDS}
        out["predicate"] = spec["predicate"]
        for f in ("subject", "object"):
            v = spec.get(f)
            if v is not None:
                m = SLOT.fullmatch(v)
                out[f] = str(gold[m.group(1)]) if m else v
        v = spec.get("value")
        if isinstance(v, str):
            m = re.fullmatch(r"(-?)\{([A-Z0-9_]+)\}", v)
            if not m:
                raise ValueError(f"{template.id}: value {v!r} must be a slot such as '{{MONEY}}' or '-{{MONEY}}'")
            out["value"] = (-1 if m.group(1) else 1) * float(gold[m.group(2)])
            out["unit"] = units.get(m.group(2))
        elif v is not None:
            out["value"] = float(v)
        for f in ("unit", "period", "time", "role"):
            if spec.get(f) is not None:
                out[f] = SLOT.sub(lambda m: str(gold[m.group(1)]), str(spec[f]))
        out["text"] = sentences[spec.get("in", len(sentences) - 1)]
        return out

    return Case(
        lang=lang,
        text=text,
        published=published,
        expected=[claim(c) for c in template.claims],
        optional=[claim(c) for c in template.optional],
        label=Label(template.predicate, template.id, kind),
    )


def cases(lang: str | None = None, per_template: int = DEFAULT_PER_TEMPLATE, seed: int = DEFAULT_SEED) -> list[Case]:
    """Every template of one language (or all seven) filled `per_template` times."""
    langs = (lang,) if lang else N.LANGS
    return [fill(t, i, seed) for lg in langs for t in templates(lg) for i in range(per_template)]


def sanity(per_template: int = DEFAULT_PER_TEMPLATE, seed: int = DEFAULT_SEED) -> list[str]:
    """Problems with the suite itself (not the engine): empty sections, unfilled slots, claims not in the text."""
    problems = []
    for lang in N.LANGS:
        ts = templates(lang)
        for p in (*PREDICATES, "negative"):
            n = sum(t.predicate == p for t in ts)
            if n < 3:
                problems.append(f"{lang}: {n} templates for {p} (want at least 3)")
        for t in ts:
            if t.predicate == "negative" and (t.claims or t.optional):
                problems.append(f"{t.id}: a negative template expects no claim")
            if t.predicate != "negative" and not t.claims:
                problems.append(f"{t.id}: no expected claim")
            if t.predicate != "negative" and t.predicate not in {c["predicate"] for c in t.claims}:
                problems.append(f"{t.id}: no claim of its own section's predicate {t.predicate}")
            for c in t.claims:
                if c["predicate"] not in PREDICATES or set(c) - {*FIELDS, "in"}:
                    problems.append(f"{t.id}: bad claim {c}")
    for case in cases(per_template=per_template, seed=seed):
        where = case.label.template
        if re.search(r"[{}]|<<|>>", case.text):
            problems.append(f"{where}: unfilled slot in {case.text!r}")
        for c in case.expected + case.optional:
            if c["text"] not in case.text:
                problems.append(f"{where}: claim text {c['text']!r} not in {case.text!r}")
            for f in ("subject", "object"):
                if c[f] and not any(n in case.text for n in c[f].split("|")):
                    problems.append(f"{where}: {f} {c[f]!r} not named in {case.text!r}")
            if c["predicate"] == "role" and not c["role"]:
                problems.append(f"{where}: role claim without a title")
    return problems


# -- running -----------------------------------------------------------------------------


@dataclass(slots=True)
class Result:
    case: Case
    passed: bool
    why: str
    got: list[dict]


def run(selected: list[Case] | None = None) -> list[Result]:
    """Extract every case as a user submits it (text and publication date, no language) and check it."""
    from factcheck import extract

    out = []
    for case in cases() if selected is None else selected:
        ex = extract(case.text, published=case.published)
        passed, why = case.check(ex)
        out.append(Result(case, passed, why, [c.to_dict() for c in ex.claims]))
    return out


def rates(results: list[Result], key) -> dict[str, tuple[int, int]]:
    """(passed, total) per group; `key` maps a Result to its group ("de", "stake", "real" ...)."""
    out: dict[str, list[int]] = {}
    for r in results:
        c = out.setdefault(key(r), [0, 0])
        c[0] += r.passed
        c[1] += 1
    return {k: (v[0], v[1]) for k, v in sorted(out.items())}


def describe(result: Result) -> str:
    """A failing case as text, expected and got, for a failure list."""
    c = result.case
    lines = [
        f"[{c.label.template}] {c.label.kind} published {c.published}: {result.why}",
        f"  text:     {c.text}",
        f"  expected: {'; '.join(brief(w) for w in c.expected) or 'no claim'}",
        f"  got:      {'; '.join(brief(g) for g in result.got) or 'no claim'}",
    ]
    return "\n".join(lines)
