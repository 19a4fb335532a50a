"""Tokens and sentences: spaCy's blank tokenizer and rule-based sentencizer per language."""

from __future__ import annotations

import threading
from dataclasses import dataclass

_lock = threading.Lock()
_nlps: dict[str, object] = {}


def get_nlp(code: str, abbreviations: tuple[str, ...] = ()):
    """A blank spaCy pipeline (tokenizer + sentencizer), built once per language."""
    nlp = _nlps.get(code)
    if nlp is not None:
        return nlp
    with _lock:
        nlp = _nlps.get(code)
        if nlp is None:
            nlp = _nlps[code] = _build(code, abbreviations)
    return nlp


def _build(code: str, abbreviations: tuple[str, ...]):
    import spacy
    from spacy.attrs import ORTH
    from spacy.util import compile_infix_regex

    nlp = spacy.blank(code)
    # Split "49%-Beteiligung", "Nordwerk-Chef" and "US-Dollar" so that numbers,
    # names and heads are tokens of their own; spaCy keeps them whole by default.
    infixes = [
        *nlp.Defaults.infixes,
        r"(?<=[0-9])%",
        r"(?<=%)-",
        r"(?<=[A-Za-zÀ-ÿ])-(?=[A-Za-zÀ-ÿ0-9])",
    ]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    for abbr in abbreviations:
        nlp.tokenizer.add_special_case(abbr, [{ORTH: abbr}])
        cap = abbr[:1].upper() + abbr[1:]
        if cap != abbr:
            nlp.tokenizer.add_special_case(cap, [{ORTH: cap}])
    nlp.add_pipe("sentencizer")
    return nlp


def make_tokenizer(code: str, abbreviations: tuple[str, ...] = ()):
    nlp = get_nlp(code, abbreviations)
    return lambda s: [t.text for t in nlp.tokenizer(s)]


@dataclass(slots=True)
class Sentence:
    start: int  # character offsets in the document
    end: int
    texts: list[str]  # token texts (whitespace tokens dropped)
    lowers: list[str]
    starts: list[int]  # token character offsets
    ends: list[int]
    index: int = 0


def sentences(text: str, code: str, abbreviations: tuple[str, ...] = ()) -> list[Sentence]:
    """Sentences with their tokens; a line break always ends a sentence (headlines)."""
    nlp = get_nlp(code, abbreviations)
    doc = nlp(text)
    out: list[Sentence] = []
    for sent in doc.sents:
        cur: list = []
        for tok in sent:
            if tok.is_space:
                if "\n" in tok.text and cur:
                    out.append(_mk(cur))
                    cur = []
                continue
            cur.append(tok)
            if "\n" in tok.whitespace_ and cur:
                out.append(_mk(cur))
                cur = []
        if cur:
            out.append(_mk(cur))
    for i, s in enumerate(out):
        s.index = i
    return out


def _mk(toks: list) -> Sentence:
    texts = [t.text for t in toks]
    starts = [t.idx for t in toks]
    ends = [t.idx + len(t.text) for t in toks]
    return Sentence(starts[0], ends[-1], texts, [t.lower() for t in texts], starts, ends)
