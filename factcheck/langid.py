"""Language identification restricted to the languages that have a data file."""

from __future__ import annotations

import threading

from factcheck.languages import available

_lock = threading.Lock()
_detector = None
# lingua is accurate on a few hundred characters; the whole article only costs time.
SAMPLE_CHARS = 1200


def _get_detector():
    global _detector
    if _detector is None:
        with _lock:
            if _detector is None:
                from lingua import IsoCode639_1, LanguageDetectorBuilder

                codes = [getattr(IsoCode639_1, c.upper()) for c in available()]
                _detector = LanguageDetectorBuilder.from_iso_codes_639_1(*codes).build()
    return _detector


def detect(text: str, default: str = "en") -> str:
    """ISO 639-1 code of the text's language (`default` when nothing can be told)."""
    sample = text[:SAMPLE_CHARS]
    if not sample.strip():
        return default
    lang = _get_detector().detect_language_of(sample)
    if lang is None:
        return default
    return lang.iso_code_639_1.name.lower()
