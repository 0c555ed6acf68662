"""How alike two passages are, word by word: for carried-over plans and word-level diffs."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Hashable, Iterator, Sequence
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Literal, NamedTuple

CARRIED_OVER = 0.8
"""Share of words two plans must have in common, in order, to count as the same plan again."""

REWRITTEN = 0.3
"""Below this likeness two passages are shown as one removed and one added, not word by word."""

_WORD = re.compile(r"\S+")
LONG = 1_000
"""Word sequences longer than this are aligned with difflib's junk heuristic on (words that
make up over 1% of a text are not used to anchor matches), which keeps the work near-linear:
without it, two long paragraphs of a small vocabulary take minutes."""


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def _key(word: str) -> str:
    return word.lower().strip(".,;:()“”\"'’‘")


@lru_cache(maxsize=8192)
def keys(text: str) -> tuple[str, ...]:
    """The text's words as compared: lower case, punctuation at their edges dropped. Cached:
    a report compares each paragraph with many others."""
    return tuple(_key(w) for w in words(text))


def likeness(a: str, b: str) -> float:
    """0..1: the share of words the two texts have in common, in order, ignoring case and
    punctuation at word edges. `quick_ratio` bounds the cost of clearly different texts."""
    left, right = keys(a), keys(b)
    if not left or not right:
        return 0.0
    matcher = SequenceMatcher(None, left, right, autojunk=max(len(left), len(right)) > LONG)
    if matcher.real_quick_ratio() < CARRIED_OVER or matcher.quick_ratio() < CARRIED_OVER:
        return matcher.quick_ratio()
    return matcher.ratio()


CONTAINED_MIN_WORDS = 8
"""An item shorter than this counts as carried over only when its likeness says so: a few
common words turn up inside any long paragraph."""


def similarity(item: str, other: str) -> float:
    """How far `item` comes back in `other`: their likeness, or, for an item of some length,
    the share of its words that `other` keeps in the same order (carried over and added to)."""
    score = likeness(item, other)
    left = keys(item)
    if score >= CARRIED_OVER or len(left) < CONTAINED_MIN_WORDS:
        return score
    right = keys(other)
    matcher = SequenceMatcher(None, left, right, autojunk=max(len(left), len(right)) > LONG)
    kept = sum(block.size for block in matcher.get_matching_blocks())
    return max(score, kept / len(left))


class Chunk(NamedTuple):
    """A run of words that is the same in both texts, or only in the old or the new one."""

    op: Literal["same", "removed", "added"]
    text: str


def word_diff(old: str, new: str) -> list[Chunk]:
    """What changed between two passages, word by word, as `git diff --word-diff` shows it."""
    left, right = words(old), words(new)
    matcher = SequenceMatcher(
        None,
        [_key(w) for w in left],
        [_key(w) for w in right],
        autojunk=max(len(left), len(right)) > LONG,
    )
    if matcher.ratio() < REWRITTEN:
        # Word-level alignment of unrelated texts is noise ("a" matched with "a"): say it plainly.
        return [
            c for c in (Chunk("removed", " ".join(left)), Chunk("added", " ".join(right))) if c.text
        ]
    chunks: list[Chunk] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            chunks.append(Chunk("same", " ".join(right[j1:j2])))
            continue
        if i2 > i1:
            chunks.append(Chunk("removed", " ".join(left[i1:i2])))
        if j2 > j1:
            chunks.append(Chunk("added", " ".join(right[j1:j2])))
    return chunks


def plain_word_diff(chunks: list[Chunk]) -> str:
    """The diff without colour: `[-removed-]{+added+}`, git's --word-diff=plain markers."""
    marks = {"same": "{}", "removed": "[-{}-]", "added": "{{+{}+}}"}
    return " ".join(marks[c.op].format(c.text) for c in chunks)


SHINGLE = 4
COMMON_SHINGLE = 50
"""A run of four words found in more places than this is boilerplate, not a sign of a copy."""


def near_copies(
    texts: Sequence[str], groups: Sequence[Hashable], min_words: int = 1
) -> Iterator[tuple[int, int, float]]:
    """(i, j, likeness) for every pair of texts of different groups, j < i, that are mostly the
    same words in order. Shared four-word shingles find the candidates cheaply (near-linear in
    the text), the likeness confirms them."""
    distinct = {t: keys(t) for t in set(texts)}
    keyed = [distinct[t] for t in texts]
    sets = {
        t: {tuple(ws[i : i + SHINGLE]) for i in range(max(len(ws) - SHINGLE + 1, 1))}
        for t, ws in distinct.items()
    }
    shingles = [sets[t] for t in texts]
    seen: dict[tuple[str, str], float] = {}
    index: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for number, found in enumerate(shingles):
        for shingle in found:
            index[shingle].append(number)
    for number, text in enumerate(texts):
        if len(keyed[number]) < min_words:
            continue
        shared: dict[int, int] = defaultdict(int)
        for shingle in shingles[number]:
            others = index[shingle]
            if len(others) > COMMON_SHINGLE:
                continue
            for other in others:
                if other < number:
                    shared[other] += 1
        for other in sorted(shared):
            if groups[other] == groups[number] or shared[other] < 0.5 * min(
                len(shingles[number]), len(shingles[other])
            ):
                continue
            pair = (text, texts[other])
            score = seen.get(pair)
            if score is None:
                score = seen[pair] = likeness(*pair)
            if score >= CARRIED_OVER:
                yield number, other, score
