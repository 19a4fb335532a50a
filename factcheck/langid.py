"""Language identification restricted to the languages that have a data file."""

from __future__ import annotations

import re
import threading
import tomllib
from functools import cache

from factcheck.languages import LANG_DIR, available, stop_words

_lock = threading.Lock()
_detectors: dict[bool, object] = {}
# lingua is accurate on a few hundred characters; the whole article only costs time.
SAMPLE_CHARS = 300
# The low-accuracy models (26 MB) are as good as the full ones (~180 MB) on an article's first
# few hundred characters, but not on a lone sentence ("Orvane owns 20% of X." reads as Dutch):
# below this length the full models are loaded, on first need.
SHORT_CHARS = 200
# Below this many lower-case words a text is one or two sentences: lingua alone confuses close
# languages there ("Meta posee el 49% de Scale AI." reads as Dutch), so the words of our own
# data files (trigger verbs and nouns, scale and currency words) and the stop words vote too.
SHORT_WORDS = 16
# A clear majority of one language's stop words settles most articles at a small part of
# lingua's cost; lingua decides the rest (short texts, close calls such as es/pt).
STOP_WORD_MIN_HITS = 8
STOP_WORD_MARGIN = 1.5
_WORD = re.compile(r"\w+")


def _get_detector(accurate: bool):
    det = _detectors.get(accurate)
    if det is None:
        with _lock:
            det = _detectors.get(accurate)
            if det is None:
                from lingua import IsoCode639_1, LanguageDetectorBuilder

                codes = [getattr(IsoCode639_1, c.upper()) for c in available()]
                builder = LanguageDetectorBuilder.from_iso_codes_639_1(*codes)
                if not accurate:
                    builder = builder.with_low_accuracy_mode()
                det = _detectors[accurate] = builder.build()
    return det


def detect(text: str, default: str = "en") -> str:
    """ISO 639-1 code of the text's language (`default` when nothing can be told)."""
    sample = _common_words(text)
    if not sample:
        sample = text[:SAMPLE_CHARS].strip()  # a text of names only
    if not sample:
        return default
    clear = _stop_word_majority(sample)
    if clear is not None:
        return clear
    words = _WORD.findall(sample)
    if len(words) < SHORT_WORDS:
        return _short_text(text[: SAMPLE_CHARS * 2], words) or default
    lang = _get_detector(accurate=len(sample) < SHORT_CHARS).detect_language_of(sample)
    if lang is None:
        return default
    return lang.iso_code_639_1.name.lower()


@cache
def _cue_words(code: str) -> frozenset[str]:
    """Every word of the language's data file (triggers, nouns, cues, scale and currency words)
    plus its stop words."""
    raw = tomllib.loads((LANG_DIR / f"{code}.toml").read_text(encoding="utf-8"))
    words: set[str] = set()

    def walk(node) -> None:
        if isinstance(node, dict):
            for k, v in node.items():
                if not isinstance(v, (dict, list)):
                    walk(k)  # the words of a map ("dólares" = "USD", "millón" = 1e6), not section names
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)
        elif isinstance(node, str):
            words.update(w for w in _WORD.findall(node.lower()) if len(w) > 1 and not w.isdigit())

    walk({k: v for k, v in raw.items() if k not in ("meta", "text")})
    return frozenset(words | stop_words(code))


def _short_text(text: str, words: list[str]) -> str | None:
    """A sentence or two: our own words vote (a word known to k languages gives each 1/k),
    and lingua's confidence on the whole text (names included) breaks ties."""
    codes = available()
    votes = dict.fromkeys(codes, 0.0)
    for w in {w.lower() for w in words}:
        having = [c for c in codes if w in _cue_words(c)]
        for c in having:
            votes[c] += 1 / len(having)
    for conf in _get_detector(accurate=True).compute_language_confidence_values(text):
        code = conf.language.iso_code_639_1.name.lower()
        if code in votes:
            votes[code] += conf.value
    best = max(votes.items(), key=lambda kv: kv[1])
    return best[0] if best[1] > 0 else None


def _common_words(text: str) -> str:
    """The text's first few hundred characters of lower-case words.

    Names are left out: a Spanish report on "Banco do Brasil" and "Serra da Estrela" is
    told by its own words, not by the Portuguese words inside the names it quotes.
    """
    out: list[str] = []
    size = 0
    for m in _WORD.finditer(text, 0, SAMPLE_CHARS * 6):
        w = m.group()
        if w.islower():
            out.append(w)
            size += len(w) + 1
            if size >= SAMPLE_CHARS:
                break
    return " ".join(out)


def _stop_word_majority(sample: str) -> str | None:
    words = [w.lower() for w in _WORD.findall(sample)]
    scores = []
    for code in available():
        stop = stop_words(code)
        scores.append((sum(w in stop for w in words), code))
    scores.sort(reverse=True)
    if len(scores) < 2:
        return scores[0][1] if scores and scores[0][0] >= STOP_WORD_MIN_HITS else None
    (best, code), (second, _) = scores[0], scores[1]
    if best >= STOP_WORD_MIN_HITS and best >= STOP_WORD_MARGIN * second:
        return code
    return None
