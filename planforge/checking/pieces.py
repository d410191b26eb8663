"""Pieces of paragraphs: the text between tabs and line breaks, with the runs that print it.

A header written in plain paragraphs puts the agency and the national title on one
line, separated by tabs ("ỦY BAN NHÂN DÂN\\tCỘNG HÒA XÃ HỘI…") or by a run of spaces
("ỦY BAN NHÂN DÂN      CỘNG HÒA XÃ HỘI…"); a type name and its subject may share a
paragraph split by a line break. Each such piece is judged on its own, with the
formatting of the characters it holds.

Spaces split a line in two columns only where the right one starts with a part of the
header's right column — the national title, the motto, the place and date — or where
both sides are lines of underscores: the gaps inside "Số:      /KH-UBND" or "ngày    tháng"
of a draft are blanks to fill in, not columns.
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
_GAP = re.compile(r"(?<=\S)[ \u00a0]{2,}(?=\S)")
"""Two or more spaces between two printed characters: a column gap when what follows is one."""
_RIGHT_COLUMN = re.compile(r"(?:CỘNG\s+H|ĐỘC\s+LẬP\b|[^,\d]{2,40},\s*ngày\b)", re.IGNORECASE)
_UNDERSCORES = re.compile(r"_+")


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
    columns: bool = False
    """The paragraph is laid out in two columns (split by a tab or a run of spaces)."""

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
        if self.parts > 1 and self.columns:
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
    gaps = _column_gaps(located.paragraph.text)
    chunks: list[list[RunFormat]] = [[]]
    offset = 0
    for run in located.paragraph.runs:
        text = run.text
        if gaps:
            text = "".join(
                "\t" if any(start <= offset + n < end for start, end in gaps) else c
                for n, c in enumerate(run.text)
            )
        offset += len(run.text)
        for number, piece_text in enumerate(_BREAKS.split(text)):
            if number:
                chunks.append([])
            if piece_text:
                chunks[-1].append(replace(run, text=piece_text))
    columns = bool(gaps) or "\t" in located.paragraph.text
    found = []
    for part, runs in enumerate(chunks):
        text = unicodedata.normalize("NFC", "".join(run.text for run in runs)).strip()
        piece = Piece(index, part, len(chunks), text, tuple(runs), located, columns)
        if text or (len(chunks) == 1 and piece.is_rule):
            found.append(piece)
    return found


def _column_gaps(text: str) -> list[tuple[int, int]]:
    """Where runs of spaces split a line into the header's two columns (see above).

    >>> _column_gaps("UBND TỈNH LÂM ĐỒNG     CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    [(18, 23)]
    >>> _column_gaps("Số:      /KH-UBND"), _column_gaps("______      ________")
    ([], [(6, 12)])
    """
    if "\t" in text:
        return []  # a tab already splits the columns; spaces beside it are padding
    found = []
    underscores = set(_UNDERSCORES.sub("", text).replace("\u00a0", " ")) <= {" "}
    for gap in _GAP.finditer(text):
        if underscores or _RIGHT_COLUMN.match(unicodedata.normalize("NFC", text[gap.end() :])):
            found.append(gap.span())
    return found
