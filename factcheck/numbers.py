"""Numbers, money and percentages in one locale's conventions.

Digits are parsed with babel (strict, so that en "14,3" is not read as 143);
scale words, currency names and percent words come from the language data file
because babel has no scale words and lacks bare "Dollar", "dólares", "Franken".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from factcheck.languages import LangData

# A token that starts with a digit: the number and an optional glued scale ("14.3bn").
_NUM = re.compile(r"^(\d[\d.,\u00a0\u202f']*\d|\d)([^\W\d_]*)$")
_SPACE_GROUPS = {" ", "\u00a0", "\u202f"}


@dataclass(slots=True)
class Value:
    start: int  # token range in the sentence
    end: int
    value: float
    unit: str  # "%", an ISO 4217 code, or "count"
    qualifier: str = "exact"
    scaled: bool = False  # had a scale word ("Millionen"): never a year or a day


_DOLLAR_SIGNS = frozenset({"$", "US$", "U$S"})
_US_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+")


@lru_cache(maxsize=4096)
def parse_number(s: str, locale: str) -> float | None:
    """A digit string in `locale`'s format, else in the other convention ("1.5" in German text)."""
    from babel.numbers import NumberFormatError, parse_decimal

    # space-grouped digits ("9 800") were joined by the caller; babel wants the locale's own space
    s = s.replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
    others = ("en_US", "de_DE") if locale.startswith("en") else ("de_DE", "en_US")
    for loc in (locale, *others):
        try:
            return float(parse_decimal(s, locale=loc, strict=True))
        except (NumberFormatError, ValueError):
            continue
        except Exception:  # babel raises plain exceptions on odd group layouts
            continue
    return None


@lru_cache(maxsize=4096)
def words_to_number(s: str, code: str) -> float | None:
    """A number spelled entirely in words ("zweihundert", "twelve"), via text2num."""
    from text_to_num import text2num

    try:
        return float(text2num(s, code))
    except (ValueError, KeyError, IndexError, AttributeError):
        return None


def _index(matches) -> tuple[dict, dict]:
    by_start: dict[int, list] = {}
    by_end: dict[int, list] = {}
    for m in matches:
        by_start.setdefault(m[0], []).append(m)
        by_end.setdefault(m[1], []).append(m)
    return by_start, by_end


def _kind_at(by_start: dict, i: int, kind: str):
    best = None
    for m in by_start.get(i, ()):
        if m[2][0] == kind and (best is None or m[1] > best[1]):
            best = m
    return best


def find_values(texts, starts, ends, ld: LangData, by_start: dict, by_end: dict) -> list[Value]:
    """Every number with its scale, unit and qualifier in one sentence's tokens."""
    out: list[Value] = []
    n = len(texts)
    i = 0
    while i < n:
        t = texts[i]
        j = i + 1
        num = None
        mult = 1.0
        if t[0].isdigit():
            m = _NUM.match(t)
            if m is None:
                i += 1
                continue
            digits, suffix = m.group(1), m.group(2)
            # French/Portuguese "2 400": groups split by a (narrow) space are separate tokens; other
            # languages' press writes them too ("135 000 Mitarbeiter", Swiss style) after 1-3 digits
            while (
                (ld.group in _SPACE_GROUPS or (digits.isdigit() and len(digits.replace(" ", "")) <= 3) or " " in digits)
                and j < n
                and len(texts[j]) == 3
                and texts[j].isdigit()
                and starts[j] - ends[j - 1] == 1
                and not suffix
            ):
                digits += " " + texts[j]
                j += 1
            if suffix:
                sc = next((p for p in ld.lexicon.exact.get(suffix.lower(), ()) if p[1][0] == "scale"), None)
                if sc is None:
                    i = j
                    continue
                mult = sc[1][1]
            locale = ld.parse_locale
            # "$17,000 millones": in the Americas the dollar sign brings US-style grouping into
            # Spanish and Portuguese text, where a comma would otherwise be the decimal mark.
            if ld.decimal == "," and i > 0 and texts[i - 1] in _DOLLAR_SIGNS and _US_GROUPED.fullmatch(digits):
                locale = "en_US"
            num = parse_number(digits, locale)
        elif ld.number_words and t.isalpha() and j < n:
            nxt = by_start.get(j, ())
            if any(p[2][0] in ("scale", "percent") for p in nxt):
                num = words_to_number(t.lower(), ld.code)
            elif any(p[2][0] == "noun" for p in nxt):
                # "duemila dipendenti", "três mil" is caught above; "un" or "uma" alone is no figure
                num = words_to_number(t.lower(), ld.code)
                if num is not None and num < 10:
                    num = None
        if num is None:
            i = j if j > i + 1 else i + 1
            continue
        start = i
        scaled = mult != 1.0
        unit = None
        # scale words, possibly several ("mil milhões"), then connector, then currency/percent
        while j < n:
            sc = _kind_at(by_start, j, "scale")
            if sc is None:
                # "£455m." at the end of a sentence stays one token
                low = texts[j].lower()
                if low.endswith(".") and len(low) > 1:
                    hit = next((p for p in ld.lexicon.exact.get(low[:-1], ()) if p[1][0] == "scale"), None)
                    if hit is not None:
                        mult *= hit[1][1]
                        scaled = True
                        j += 1
                break
            mult *= sc[2][1]
            scaled = True
            j = sc[1]
        k = j
        conn = _kind_at(by_start, k, "connector")
        if conn is not None:
            k = conn[1]
        cur = _kind_at(by_start, k, "currency")
        if cur is None and k < n and texts[k] in ld.currency_symbols:
            cur = (k, k + 1, ("currency", ld.currency_symbols[texts[k]]))
        if cur is None and scaled and j > start:
            # "350 M€", "1,2 Md€": the currency sign is part of the scale token
            last = texts[j - 1].lower().rstrip(".")
            sym = next((c for c in ld.currency_symbols if len(last) > len(c) and last.endswith(c.lower())), None)
            if sym is not None:
                cur = (j, j, ("currency", ld.currency_symbols[sym]))
        if cur is not None:
            unit = cur[2][1]
            j = cur[1]
        else:
            pc = _kind_at(by_start, j, "percent")
            if pc is not None:
                unit = "%"
                j = pc[1]
        if unit is None and start > 0:
            prev = texts[start - 1]
            if prev in ld.currency_symbols:
                unit = ld.currency_symbols[prev]
                start -= 1
            else:
                cur = next((m for m in by_end.get(start, ()) if m[2][0] == "currency"), None)
                if cur is not None and cur[0] == start - 1:
                    unit = cur[2][1]
                    start = cur[0]
        if unit is None:
            unit = "count"
        qual = "exact"
        for m in by_end.get(start, ()):
            if m[2][0] == "qual":
                qual = m[2][1]
        out.append(Value(start, j, num * mult, unit, qual, scaled))
        i = j
    return out
