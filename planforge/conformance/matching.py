"""Matching by meaning (đối chiếu theo nội dung): how much of a higher plan's text a child's
text takes up, in other words or not.

Two measures, the larger wins: the share of the text's word pairs (two syllables,
the unit of meaning of most Vietnamese words) found in the candidate, each weighted
by how rare it is in both plans, so that "phòng, chống mại dâm" everywhere counts
little and "nhóm đồng đẳng" much; and rapidfuzz's token-sort ratio, which forgives
reordered words, counted above its chance level: two unrelated sentences of the same
plan share so many syllables ("phòng, chống", "mại dâm", "các") that they score
about 40–50 on it. Scores run from 0 to 100.
"""

from __future__ import annotations

import itertools
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache

import attrs
from rapidfuzz import fuzz

_WORD = re.compile(r"\w+")
CHANCE = 40.0
"""The token-sort ratio of two unrelated sentences of one plan (measured on the bundled plans)."""
CHANCE_GAIN = 1.6
"""How the ratio above chance is stretched back to 0–100."""


def words(text: str) -> list[str]:
    """The syllables of ``text``, lower case, composed (NFC), without punctuation.

    >>> words("Phòng, chống MẠI DÂM!")
    ['phòng', 'chống', 'mại', 'dâm']
    """
    return list(_syllables(text))


# The same texts are read for every duty and target, and the parent's for every
# child: their syllables and pairs are worked out once.
@lru_cache(maxsize=8192)
def _syllables(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(unicodedata.normalize("NFC", text).casefold()))


@lru_cache(maxsize=8192)
def plain(text: str) -> str:
    """The syllables of ``text`` joined by spaces (what rapidfuzz compares)."""
    return " ".join(_syllables(text))


@lru_cache(maxsize=8192)
def pairs(text: str) -> frozenset[str]:
    """The pairs of neighbouring syllables of ``text`` (a one-syllable text: itself)."""
    found = _syllables(text)
    if len(found) < 2:
        return frozenset(found)
    return frozenset(f"{a} {b}" for a, b in itertools.pairwise(found))


@attrs.frozen
class Corpus:
    """The weights of word pairs, from every text of both plans."""

    weights: dict[str, float]
    default: float

    @classmethod
    def of(cls, texts: Iterable[str]) -> Corpus:
        counts: Counter[str] = Counter()
        total = 0
        for text in texts:
            counts.update(pairs(text))
            total += 1
        weights = {p: math.log((total + 1) / (n + 1)) + 1 for p, n in counts.items()}
        return cls(weights, math.log(total + 1) + 1)

    def coverage(self, text: str, candidate: str) -> float:
        """The weighted share (0–100) of ``text``'s word pairs found in ``candidate``."""
        wanted = pairs(text)
        if not wanted:
            return 0.0
        found = pairs(candidate)
        total = sum(self.weights.get(p, self.default) for p in wanted)
        hit = sum(self.weights.get(p, self.default) for p in wanted & found)
        return 100 * hit / total

    def score(self, text: str, candidate: str) -> int:
        """How far ``candidate`` takes up ``text`` (0–100)."""
        mine, other = plain(text), plain(candidate)
        if not mine or not other:
            return 0
        ratio = fuzz.token_sort_ratio(mine, other)
        above_chance = CHANCE_GAIN * (ratio - CHANCE)
        return max(0, min(100, round(max(self.coverage(text, candidate), above_chance))))


@attrs.frozen
class Best:
    """The candidate that takes up a text best: its index, text and score."""

    index: int
    text: str
    score: int


def best(corpus: Corpus, text: str, candidates: Sequence[str]) -> Best | None:
    """The best of ``candidates`` for ``text`` (the first of equals), or None without any."""
    found: Best | None = None
    for index, candidate in enumerate(candidates):
        score = corpus.score(text, candidate)
        if found is None or score > found.score:
            found = Best(index, candidate, score)
    return found
