"""Doubled nouns a rewrite makes (danh từ lặp): mended where dropping words mends them.

Mapping two higher bodies to one lower body, or two scopes to one, can make a
list name one thing twice: "Phòng Văn hóa - Xã hội, Phòng Văn hóa - Xã hội chỉ
đạo …", "các thành phố, thành phố khác". Those are mended by dropping the second
mention. "… cấp xã và 50% ở cấp xã" cannot be: a measure stands between the
two, so the sentence is reported as a problem and the caller keeps the higher
plan's words for the clerk to rewrite.
"""

from __future__ import annotations

import re

from planforge.derivation.grammar import Grammar

_SEPARATORS = re.compile(r"(, | và |; )")


def _shared(left: str, right: str, kinds: tuple[str, ...]) -> str | None:
    """The longest words that end ``left`` and begin ``right``, if they make a noun."""
    words = left.split(" ")
    for size in range(len(words), 0, -1):
        tail = " ".join(words[-size:])
        if right != tail and not right.startswith(tail + " "):
            continue
        if size >= 2 or tail in kinds:
            return tail
    return None


def _scope_end(text: str, scopes: tuple[str, ...]) -> str | None:
    return next((s for s in scopes if text == s or text.endswith(" " + s)), None)


def mend(text: str, source: str, grammar: Grammar) -> tuple[str, str | None]:
    """``text`` without the doubles the rewrite of ``source`` made, and what could not be mended.

    A double already in the higher plan's sentence is its author's, left as is.
    """
    pieces = _SEPARATORS.split(text)
    index = 1
    while index < len(pieces) - 1:
        left, separator, right = pieces[index - 1], pieces[index], pieces[index + 1]
        shared = _shared(left, right, grammar.kinds) if separator != "; " else None
        if shared is not None and f"{shared}{separator}{shared}" not in source:
            pieces[index - 1 : index + 2] = [left + right[len(shared) :]]
            continue
        index += 2
    mended = "".join(pieces)
    pieces = _SEPARATORS.split(mended)
    for index in range(1, len(pieces) - 1, 2):
        if pieces[index] == "; ":
            continue
        scope = _scope_end(pieces[index - 1], grammar.scopes)
        if scope is not None and scope == _scope_end(pieces[index + 1], grammar.scopes):
            twice = f"{scope}{pieces[index]}"
            if source.count(scope) < 2 and twice not in source:
                return mended, f"“{scope}” hai lần trong một liệt kê"
    return mended, None
