"""Pieces of paragraphs: the text between tabs and line breaks, with the runs that print it.

A header written in plain paragraphs puts the agency and the national title on one
line, separated by tabs ("ỦY BAN NHÂN DÂN\\tCỘNG HÒA XÃ HỘI…"); a type name and its
subject may share a paragraph split by a line break. Each such piece is judged on its
own, with the formatting of the characters it holds.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace

from planforge.checking.formatting import LocatedParagraph, ParagraphFormat, RunFormat
from planforge.checking.text import is_rule

__all__ = ["Piece", "Side", "split_pieces"]

Side = tuple[object, ...]
"""Which column a piece sits in: ``("cell", table, column)``, ``("tab", 0|1)`` or ``("plain",)``."""
_BREAKS = re.compile(r"[\t\n\v\f]")


@dataclass(frozen=True)
class Piece:
    """A piece of a paragraph: ``index`` of the paragraph, ``part`` counted between breaks.

    ``text`` is in NFC, so that parts are recognised in NFD documents too (rule P4
    reports the NFD text itself).
    """

    index: int
    part: int
    parts: int
    text: str
    runs: tuple[RunFormat, ...]
    located: LocatedParagraph

    @property
    def paragraph(self) -> ParagraphFormat:
        return self.located.paragraph

    @property
    def cell(self) -> tuple[int, int, int] | None:
        return self.located.cell

    @property
    def side(self) -> Side:
        """The column: the table column, left or right of a tab, or the plain text column."""
        if self.cell is not None:
            return ("cell", self.cell[0], self.cell[2])
        if self.parts > 1 and "\t" in self.paragraph.text:
            return ("tab", 0 if self.part == 0 else 1)
        return ("plain",)

    @property
    def is_rule(self) -> bool:
        """Whether the piece prints only a line (underscores, underline, border, shape)."""
        return is_rule(self.paragraph, self.runs)

    @property
    def order(self) -> tuple[int, int]:
        return (self.index, self.part)


def split_pieces(index: int, located: LocatedParagraph) -> list[Piece]:
    """The non-empty pieces of a paragraph; an empty paragraph that draws a line is one piece."""
    chunks: list[list[RunFormat]] = [[]]
    for run in located.paragraph.runs:
        pieces = _BREAKS.split(run.text)
        for number, text in enumerate(pieces):
            if number:
                chunks.append([])
            if text:
                chunks[-1].append(replace(run, text=text))
    found = []
    for part, runs in enumerate(chunks):
        text = unicodedata.normalize("NFC", "".join(run.text for run in runs)).strip()
        piece = Piece(index, part, len(chunks), text, tuple(runs), located)
        if text or (len(chunks) == 1 and piece.is_rule):
            found.append(piece)
    return found
