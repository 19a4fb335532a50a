"""Which registered names a text can contain, so a caller need not pass its whole registry.

The engine matches registry aliases token by token, so a name can only be found in a
text that spells it. `name_candidates` lists, casefolded and space-joined as the
registry normalises aliases, every word sequence of a text that could be such a
spelling: a caller with hundreds of thousands of aliases then fetches the few dozen
that matter instead of all of them for every article.
"""

from __future__ import annotations

import re

# Words keep inner apostrophes, hyphens, dots and ampersands: "L'Oréal", "Rolls-Royce", "AT&T", "Inc."
_WORD = re.compile(r"\w(?:[\w&.'’\-]*\w)?\.?")
_ELISION = re.compile(r"^(?:[^\W\d_]{1,2}|qu)['’](?=\w)", re.IGNORECASE)  # d'Orvane, l'Orvane, qu'Orvane
_POSSESSIVE = ("'s", "’s", "'", "’")
# No alias spans these, so word sequences stop at them.
_BREAK = re.compile(r"[,;:()\[\]\"“”«»„\n]")
LONGEST = 6  # words in the longest alias looked for


def _ends(word: str) -> set[str]:
    """A name's last word as the text may inflect it: "Orvane's", "Orvanes", "Inc."."""
    out = {word, word.rstrip(".")}
    for p in _POSSESSIVE:
        if word.endswith(p):
            out.add(word[: -len(p)])
    if len(word) > 3 and word.endswith("s"):
        out.add(word[:-1])  # German and Dutch genitive
    return {w for w in out if w}


def name_candidates(text: str, longest: int = LONGEST) -> set[str]:
    """Casefolded word sequences of `text` that could be a registered alias.

    Only sequences whose first word holds a capital or a digit: names are written so in
    every language we read ("eBay" and "3M" included).
    """
    out: set[str] = set()
    for part in _BREAK.split(text):
        words = _WORD.findall(part)
        for i, first in enumerate(words):
            if not any(c.isupper() or c.isdigit() for c in first):
                continue
            firsts = {first, _ELISION.sub("", first)}  # "L'Oréal" is a name, "d'Orvane" holds one
            for j in range(i + 1, min(i + longest, len(words)) + 1):
                middle = words[i + 1 : j - 1]
                for start in firsts:
                    if j == i + 1:
                        out.update(w.casefold() for w in _ends(start))
                        continue
                    head = " ".join([start, *middle])
                    out.update(f"{head} {last}".casefold() for last in _ends(words[j - 1]))
    return out
