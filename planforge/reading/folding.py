"""Folding Vietnamese text for matching: case, tone placement and dashes ignored."""

from __future__ import annotations

import functools
import re
import unicodedata

_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")
_DASHES = str.maketrans({"–": "-", "—": "-", "−": "-", "‐": "-", "\u00a0": " "})
_WORD = re.compile(r"\w+", re.UNICODE)


def _fold_word(match: re.Match[str]) -> str:
    return _fold_syllable(match.group(0))


@functools.lru_cache(maxsize=1 << 15)  # a language of a few thousand syllables, met again and again
def _fold_syllable(word: str) -> str:
    """Move the tone mark of a syllable to its end: "hoà" and "hòa" fold alike."""
    if word.isascii():
        return word
    letters = unicodedata.normalize("NFD", word)
    tones = "".join(ch for ch in letters if ch in _TONES)
    return "".join(ch for ch in letters if ch not in _TONES) + tones


@functools.lru_cache(maxsize=1 << 12)  # the catalogue's names are folded for every paragraph
def fold(text: str) -> str:
    """A key for matching words: lower case, tone placement and dashes ignored, spaces single.

    Old and new tone placement ("HOÀ"/"HÒA", "Uỷ"/"Ủy") fold alike; words that
    differ in tone ("chỉ tiêu"/"chi tiêu") do not.

    >>> fold("CỘNG HOÀ") == fold("Cộng hòa"), fold("chỉ tiêu") == fold("chi tiêu")
    (True, False)
    """
    text = text.translate(_DASHES).casefold()
    return " ".join(_WORD.sub(_fold_word, text).split())


def starts_with(text: str, phrases: frozenset[str] | tuple[str, ...]) -> str | None:
    """The phrase (of folded ``phrases``) that ``text`` starts with, whole words only."""
    key = fold(text)
    for phrase in sorted(phrases, key=len, reverse=True):
        if key == phrase or key.startswith(phrase + " ") or key.startswith(phrase + ","):
            return phrase
    return None


def folded(*words: str) -> frozenset[str]:
    """The folded forms of ``words``."""
    return frozenset(fold(w) for w in words)
