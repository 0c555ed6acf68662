"""The report's own language: the words that carry meaning, word forms folded together by the
Snowball English stemmer, and the acronyms the report defines, so that "Executive Management
Committee (EMC)" and "EMC" and "the executive management committee" are one term.

The stemmer is snowballstemmer (pure Python, the stemmer Sphinx's search uses): deterministic,
offline, and it folds "incorporate"/"incorporating" and "redesigns"/"redesigned".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from typing import NamedTuple

_WORD = re.compile(r"([A-Za-z][A-Za-z0-9]*(?:['’.](?![sS]\b)[A-Za-z0-9]+)*)(?:['’][sS]\b)?")
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"(])|(?<=:)\s+|;\s+")

_FUNCTION_WORDS = """
    a about above across after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each eg etc
    few for from further had has have having he her here hers him his how i ie if in into is it
    its itself just me more most my no nor not now of off on once only or other our ours out over
    own same she should so some such than that the their theirs them then there these they this
    those through to too under until up very was we were what when where which while who whom
    why will with would you your yours within via per one two three new use used using including
    include includes well able way ways year years
"""
STOPWORDS = frozenset(_FUNCTION_WORDS.split())
"""Function words, and a few words every paragraph of such a report uses."""


@cache
def _stemmer() -> object:
    # The English stemmer alone: the package's own entry point imports all 36 of them.
    from snowballstemmer.english_stemmer import EnglishStemmer

    return EnglishStemmer()


@cache
def stem(word: str) -> str:
    return str(_stemmer().stemWord(word))  # type: ignore[attr-defined]


def surface_words(text: str) -> list[str]:
    """The words of a text as written, possessives dropped ("ERTP’s" -> "ERTP")."""
    return _WORD.findall(text)


def sentences(text: str) -> list[str]:
    """A paragraph split into sentences (and the clauses a colon or semicolon ends)."""
    return [s for s in _SENTENCE.split(text) if s.strip()]


class Acronym(NamedTuple):
    short: str
    """As the report writes it: "ERTP"."""
    long: tuple[str, ...]
    """The stems of the words it stands for."""
    expansion: str
    """The words it stands for, as the report first writes them."""


_DEFINED = re.compile(r"\(([A-Z][A-Za-z]{0,2}[A-Z]{1,8}s?)\)")
_SPELLED = re.compile(r"\b([A-Z][A-Za-z]{0,2}[A-Z]{1,8}s?)\s+\(([^()]{3,120})\)")


def _long_form(short: str, before: list[str]) -> list[str] | None:
    """Schwartz and Hearst's algorithm (2003): the shortest run of words ending just before
    the brackets whose letters spell the acronym in order, its first letter starting a word."""
    letters = [c.lower() for c in short.rstrip("s") if c.isalnum()]
    text = " ".join(before)
    s, l_ = len(letters) - 1, len(text) - 1
    while s >= 0:
        c = letters[s]
        while l_ >= 0 and (text[l_].lower() != c or (s == 0 and l_ > 0 and text[l_ - 1].isalnum())):
            l_ -= 1
        if l_ < 0:
            return None
        l_ -= 1
        s -= 1
    found = text[l_ + 1 :].split()
    if not found or len(found) > len(letters) + 5 or len(found) < 2:
        return None
    return found


def acronyms(texts: Iterable[str]) -> dict[str, Acronym]:
    """Every acronym the texts define, by the acronym in lower case."""
    found: dict[str, Acronym] = {}
    for text in texts:
        for match in _DEFINED.finditer(text):
            short = match[1]
            before = surface_words(text[: match.start()])[-(len(short) + 5) :]
            words = _long_form(short, before)
            if words:
                _add(found, short, words)
        for match in _SPELLED.finditer(text):
            short, inside = match[1], surface_words(match[2])
            words = _long_form(short, inside)
            if words and len(words) == len(inside):
                _add(found, short, words)
    return found


def _add(found: dict[str, Acronym], short: str, words: list[str]) -> None:
    key = (
        short.rstrip("s").lower() if short.endswith("s") and short[:-1].isupper() else short.lower()
    )
    stems = tuple(stem(w.lower()) for w in words if w.lower() not in STOPWORDS)
    if key not in found and stems:
        found[key] = Acronym(
            short.rstrip("s") if key != short.lower() else short, stems, " ".join(words)
        )


class Vocabulary:
    """Turns text into terms: stems of the words that carry meaning, plus `=acr` for every
    acronym the report defines, whether the text writes the acronym or spells it out."""

    def __init__(self, defined: dict[str, Acronym]):
        self.acronyms = defined
        self._known: dict[str, tuple[str | None, str | None]] = {}
        self._by_first: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
        for key, acronym in defined.items():
            self._by_first.setdefault(acronym.long[0], []).append((key, acronym.long))

    def terms(self, text: str) -> dict[str, str]:
        """Each term of the text, with the first word that gave it (to show as the tie)."""
        out: dict[str, str] = {}
        stems: list[str] = []
        written: list[str] = []
        known = self._known
        for word in surface_words(text):
            found = known.get(word)
            if found is None:
                found = known[word] = self._read(word)
            term, stemmed = found
            if term is not None:
                out.setdefault(term, word)
            if stemmed is not None:
                stems.append(stemmed)
                written.append(word)
        by_first = self._by_first
        for i, first in enumerate(stems):
            for key, long in by_first.get(first, ()):
                if tuple(stems[i : i + len(long)]) == long:
                    out.setdefault("=" + key, " ".join(written[i : i + len(long)]))
        return out

    def _read(self, word: str) -> tuple[str | None, str | None]:
        """A word's term (None for a function word) and its stem (None for an acronym the
        report defines, or a function word), worked out once per distinct word."""
        low = word.lower()
        if word[:1].isupper() and word[1:2].isupper():
            key = low if low in self.acronyms else low[:-1] if word.endswith("s") else None
            if key in self.acronyms:
                return "=" + key, None
        if low in STOPWORDS:
            return None, None
        stemmed = stem(low)
        return (stemmed if len(low) > 1 and not low.isdigit() else None), stemmed
