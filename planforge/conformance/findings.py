"""A finding of the check against the higher plan: where in the child, which parent item."""

from __future__ import annotations

from dataclasses import dataclass

import attrs

from planforge.checking.findings import Finding, Severity

__all__ = ["Match", "ParentFinding", "Severity", "shorten"]


@dataclass(frozen=True)
class ParentFinding(Finding):
    """A :class:`Finding` of ``check --parent`` (phát hiện khi đối chiếu).

    ``location`` is the item of the child ("II.1.a)-1", "Căn cứ"); ``source`` and
    ``parent`` name the item of the higher plan it concerns ("7851/KH-UBND V.11-2");
    ``match`` is the child's text that came closest and ``score`` how close (0–100),
    when the finding is about matching.
    """

    parent: str = ""
    match: str = ""
    score: int | None = None


@attrs.frozen
class Match:
    """What became of one item of the higher plan: the child's item, its text and the score.

    ``kind`` is "duty" or "target"; ``status`` "matched", "review" or "missing".
    """

    kind: str
    parent: str
    parent_text: str
    child: str
    child_text: str
    score: int
    status: str


def shorten(text: str, limit: int = 90) -> str:
    """``text`` cut to ``limit`` characters at a word, with "…" when cut.

    >>> shorten("một hai ba bốn", 8)
    'một hai…'
    """
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if text[limit - 1] != " ":  # a word cut in two goes whole
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:") + "…"
