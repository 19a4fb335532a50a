"""The extraction engine: plain Python, no Django.

`extract` is imported lazily so that importing the contract types
(factcheck.claim, factcheck.agreement) never loads spaCy or the language models.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from factcheck.claim import Extraction


def extract(text: str, **kwargs: Any) -> Extraction:
    from factcheck.extractor import extract as _extract

    return _extract(text, **kwargs)


__all__ = ["extract"]
