"""Tokens and sentences: spaCy's blank tokenizer and rule-based sentencizer per language."""

from __future__ import annotations

import threading
from dataclasses import dataclass

_lock = threading.Lock()
_nlps: dict[str, object] = {}


@dataclass(frozen=True, slots=True)
class TokenizerSpec:
    """How a language's tokenizer is built: the `[text]` section of its data file."""

    abbreviations: tuple[str, ...] = ()
    # The spaCy language whose tokenizer rules to start from; "xx" is spaCy's
    # language-neutral one. Empty: the language's own.
    base: str = ""
    # Split elided articles and pronouns from the word that follows ("l'entreprise").
    elision: bool = False


def get_nlp(code: str, spec: TokenizerSpec = TokenizerSpec()):
    """A blank spaCy pipeline (tokenizer + sentencizer), built once per language."""
    nlp = _nlps.get(code)
    if nlp is not None:
        return nlp
    with _lock:
        nlp = _nlps.get(code)
        if nlp is None:
            nlp = _nlps[code] = _build(code, spec)
    return nlp


def _build(code: str, spec: TokenizerSpec):
    import spacy
    from spacy.attrs import ORTH
    from spacy.lang.char_classes import ALPHA
    from spacy.util import compile_infix_regex

    nlp = spacy.blank(spec.base or code)
    # Split "49%-Beteiligung", "Halvex-Chef" and "US-Dollar" so that numbers,
    # names and heads are tokens of their own; spaCy keeps them whole by default.
    infixes = [
        *nlp.Defaults.infixes,
        r"(?<=[0-9])%",
        r"(?<=%)-",
        r"(?<=[A-Za-zÀ-ÿ])-(?=[A-Za-zÀ-ÿ0-9])",
    ]
    if spec.elision:
        infixes.append(rf"(?<=[{ALPHA}]['’])(?=[{ALPHA}])")
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    for abbr in spec.abbreviations:
        nlp.tokenizer.add_special_case(abbr, [{ORTH: abbr}])
        cap = abbr[:1].upper() + abbr[1:]
        if cap != abbr:
            nlp.tokenizer.add_special_case(cap, [{ORTH: cap}])
    nlp.add_pipe("sentencizer")
    return nlp


def make_tokenizer(code: str, spec: TokenizerSpec = TokenizerSpec()):
    nlp = get_nlp(code, spec)
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


def sentences(text: str, code: str, spec: TokenizerSpec = TokenizerSpec()) -> list[Sentence]:
    """Sentences with their tokens; a line break always ends a sentence (headlines)."""
    from spacy.attrs import IDX, IS_SPACE, LENGTH, SENT_START

    nlp = get_nlp(code, spec)
    doc = nlp(text)
    # one array read instead of a Token object per token (those cost more than the tokenizer)
    rows = doc.to_array([IDX, LENGTH, SENT_START, IS_SPACE]).tolist() if len(doc) else []
    out: list[Sentence] = []
    texts: list[str] = []
    starts: list[int] = []
    ends: list[int] = []

    def flush() -> None:
        if texts:
            out.append(Sentence(starts[0], ends[-1], texts[:], [t.lower() for t in texts], starts[:], ends[:]))
            texts.clear()
            starts.clear()
            ends.clear()

    n = len(text)
    for idx, length, sent_start, is_space in rows:
        if sent_start == 1:
            flush()
        end = idx + length
        if is_space:
            if "\n" in text[idx:end]:
                flush()
            continue
        texts.append(text[idx:end])
        starts.append(idx)
        ends.append(end)
        if end < n and text[end] == "\n":
            flush()
    flush()
    for i, snt in enumerate(out):
        snt.index = i
    return out
