"""A finding of the check against the higher plan: where in the child, which parent item."""

from __future__ import annotations

from dataclasses import dataclass

from planforge.checking.findings import Finding, Severity

__all__ = ["ParentFinding", "Severity", "shorten"]


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
