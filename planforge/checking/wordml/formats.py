"""What the reader gives: the effective formatting of runs and paragraphs, and where they are."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, TypeAlias

__all__ = [
    "BodyLocation",
    "Cell",
    "LocatedParagraph",
    "Location",
    "ParagraphFormat",
    "RunFormat",
    "TableLocation",
]


BodyLocation: TypeAlias = tuple[Literal["body"], int]
TableLocation: TypeAlias = tuple[Literal["table"], int, int, int, int]
Location: TypeAlias = BodyLocation | TableLocation
"""``("body", index)`` or ``("table", table, row, column, index)``, all counted from 0."""
Cell: TypeAlias = tuple[int, int, int]


@dataclass(frozen=True)
class RunFormat:
    """The effective formatting of one run that carries text.

    Fonts are real names (theme fonts resolved), sizes in points, ``color`` is
    ``"auto"`` or ``RRGGBB``, ``underline`` a ``w:u`` value (``"none"`` when absent).
    """

    text: str
    font_ascii: str
    font_hansi: str
    font_cs: str
    font_east_asia: str
    size_pt: float
    bold: bool
    italic: bool
    color: str
    underline: str
    caps: bool = False
    vertical: str = "baseline"
    """A ``w:vertAlign`` value: ``"subscript"`` and ``"superscript"`` print small, off the line."""
    hint: str = ""
    """The ``w:rFonts w:hint`` (``"eastAsia"``, ``"cs"``): which slot shared characters use."""
    complex_script: bool = False
    """``w:cs`` or ``w:rtl``: the run is complex script and prints in its ``cs`` slot."""

    @property
    def fonts(self) -> tuple[str, str, str, str]:
        """The four font slots: ascii, hAnsi, cs, eastAsia."""
        return (self.font_ascii, self.font_hansi, self.font_cs, self.font_east_asia)


@dataclass(frozen=True)
class ParagraphFormat:
    """The effective formatting of one paragraph and of its runs.

    ``alignment`` is a ``w:jc`` value (``"left"``, ``"center"``, ``"right"``, ``"both"``…);
    ``first_line_cm`` is negative for a hanging indent. ``line`` is a multiple of single
    spacing when ``line_rule`` is ``"auto"``, else points (``"exact"``, ``"atLeast"``).
    Numbering labels are not part of ``text``.
    """

    text: str
    style_id: str | None
    style_name: str | None
    alignment: str
    first_line_cm: float
    left_cm: float
    right_cm: float
    space_before_pt: float
    space_after_pt: float
    line: float
    line_rule: str
    keep_next: bool
    runs: tuple[RunFormat, ...]
    contextual_spacing: bool = False
    border_bottom: bool = False
    """True when the paragraph has a visible bottom border (a rule drawn under its text)."""
    drawn_lines_mm: tuple[float, ...] = ()
    """Widths in mm of the horizontal line shapes anchored in the paragraph (DrawingML, VML)."""


@dataclass(frozen=True)
class LocatedParagraph:
    """A paragraph and where it is: in the body or in a table cell."""

    location: Location
    paragraph: ParagraphFormat

    @property
    def text(self) -> str:
        """The paragraph's text."""
        return self.paragraph.text

    @property
    def cell(self) -> Cell | None:
        """``(table, row, column)`` of the cell holding the paragraph, or None in the body."""
        if self.location[0] == "table":
            return (self.location[1], self.location[2], self.location[3])
        return None
