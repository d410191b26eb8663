"""Fixed phrases of the header (Quốc hiệu, Tiêu ngữ) that may arrive split over lines."""

from __future__ import annotations

import unicodedata

from planforge.reading.folding import fold
from planforge.reading.lines import Line


def squash(text: str) -> str:
    """``text`` folded, without spaces, hyphens or diacritics: how the phrases are compared.

    The phrases are fixed and long, so a misspelt mark ("CỘNG HÕA") still reads as them.

    >>> squash("Độc lập - Tự do") == squash("ĐỘC LẬP-TỰ DO")
    True
    >>> squash("CỘNG HÕA") == squash("Cộng hòa")
    True
    """
    letters = unicodedata.normalize("NFD", fold(text).replace("đ", "d"))
    return (
        "".join(c for c in letters if not unicodedata.combining(c))
        .replace(" ", "")
        .replace("-", "")
    )


class FixedPhrase:
    """A fixed phrase (national title, motto) that may arrive split over several lines.

    The pieces of a phrase not yet complete are only provisionally its own: an agency
    line "CỘNG HÒA XÃ HỘI" starts the national title too.  When the phrase starts over,
    or never completes, those pieces are handed back (:attr:`rejected`) to be read as
    what they are.
    """

    def __init__(self, phrase: str) -> None:
        self.target = squash(phrase)
        self.position = 0
        self.pending: list[tuple[str, Line, tuple[int, int]]] = []
        self.rejected: list[tuple[str, Line, tuple[int, int]]] = []

    def feed(self, text: str, line: Line, place: tuple[int, int]) -> bool:
        """Whether ``text`` continues the phrase; ``place`` is where it would stand otherwise."""
        piece = squash(text)
        if len(piece) < 2:
            return False
        if self.target.startswith(piece, self.position):
            self.position += len(piece)
        elif self.target.startswith(piece):
            self.rejected.extend(self.pending)
            self.pending = []
            self.position = len(piece)
        else:
            return False
        self.pending.append((text, line, place))
        if self.position == len(self.target):
            self.pending = []
        return True

    def finish(self) -> list[tuple[str, Line, tuple[int, int]]]:
        """Every piece that turned out not to be the phrase, in reading order."""
        if self.position < len(self.target):
            self.rejected.extend(self.pending)
            self.pending = []
        return self.rejected
