"""Near-duplicate detection for syndicated copies of one article.

Our own 64-bit SimHash (Charikar) over word 3-shingles: one integer per article
is stored, and two articles are compared in O(1) when their claims meet, which
the maintained near-duplicate libraries (MinHash sets of 128+ hashes) do not give.
"""

from __future__ import annotations

import hashlib
import re

_WORD = re.compile(r"\w+", re.UNICODE)
BITS = 64
# Copies with a new headline or a sentence cut stay within this many differing bits;
# two articles of one story told by two outlets are 20+ bits apart.
NEAR_DUPLICATE_BITS = 10


def fingerprint(text: str) -> int:
    """A signed 64-bit SimHash of the text (signed, to fit a database bigint)."""
    words = [w.casefold() for w in _WORD.findall(text)]
    shingles = [" ".join(words[i : i + 3]) for i in range(max(1, len(words) - 2))]
    weights = [0] * BITS
    for shingle in shingles:
        h = int.from_bytes(hashlib.blake2b(shingle.encode("utf-8"), digest_size=8).digest(), "big")
        for bit in range(BITS):
            weights[bit] += 1 if h >> bit & 1 else -1
    value = sum(1 << bit for bit in range(BITS) if weights[bit] > 0)
    return value - (1 << BITS) if value >= 1 << (BITS - 1) else value


def distance(a: int, b: int) -> int:
    return ((a ^ b) & ((1 << BITS) - 1)).bit_count()


def near_duplicates(a: int, b: int) -> bool:
    return distance(a, b) <= NEAR_DUPLICATE_BITS
