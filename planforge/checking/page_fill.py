"""How much of a page the document fills (số trang ước tính), without printing it.

Rule P6 does not ask for page numbers on a one-page document. With ``--layout`` the
page count of the PDF LibreOffice prints decides; without it, this estimate does. The
text of each paragraph is measured with Times New Roman metrics and wrapped at the
width of the text area (of its table column, for a cell), each line counted at 1.15
times its size and its line spacing, with the space before and after; a table row
is as high as its highest cell. A page break or a second section means more than
one page. The estimate errs on the long side (wrapping loses part of each line), and
a document counts as one page only when it fills at most :data:`ONE_PAGE` of it, so
that a document that may run onto a second page still needs its numbers.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import replace

from planforge.checking.formatting import (
    LocatedParagraph,
    PageSetup,
    ParagraphFormat,
    RunFormat,
)
from planforge.text.metrics import text_width_mm

__all__ = ["ONE_PAGE", "page_fill"]

ONE_PAGE = 0.9
"""The largest estimated fill of a document taken as printing on one page."""
TWIPS_PER_MM = 56.7
A4_MM = (210.0, 297.0)
DEFAULT_MARGINS_MM = (20.0, 20.0, 30.0, 15.0)
"""Top, bottom, left, right when the section does not say (the decree's smallest)."""
LINE_HEIGHT = 1.15
"""A single-spaced line of Times New Roman, as a multiple of the font size."""
WRAP_LOSS = 1.08
"""Text takes this much more room once wrapped at word boundaries."""
EMPTY_SIZE_PT = 13.0
CELL_PADDING_PT = 2.0
PT_PER_MM = 72 / 25.4


def page_fill(paragraphs: Sequence[LocatedParagraph], sections: Sequence[PageSetup]) -> float:
    """Pages the content fills: 0.6 is most of one page, 1.4 runs onto a second.

    Each page break and each section after the first adds a whole page.
    """
    page = sections[0] if sections else None
    width, height = _page_mm(page)
    top, bottom, left, right = _margins_mm(page)
    text_mm = max(width - left - right, 20.0)
    usable_pt = max(height - top - bottom, 20.0) * PT_PER_MM
    total = 0.0
    rows: dict[tuple[int, int], dict[int, float]] = {}
    columns: dict[tuple[int, int], int] = {}
    breaks = max(len(sections) - 1, 0)
    for located in paragraphs:
        paragraph = located.paragraph
        breaks += paragraph.text.count("\f")
        cell = located.cell
        if cell is None:
            total += _height_pt(paragraph, text_mm)
            continue
        row = (cell[0], cell[1])
        columns[row] = max(columns.get(row, 0), cell[2] + 1)
        rows.setdefault(row, {})
    for located in paragraphs:
        cell = located.cell
        if cell is not None:
            row = (cell[0], cell[1])
            heights = rows[row]
            column_mm = text_mm / columns[row]
            heights[cell[2]] = heights.get(cell[2], 0.0) + _height_pt(located.paragraph, column_mm)
    total += sum(max(cells.values()) + CELL_PADDING_PT for cells in rows.values())
    return breaks + total / usable_pt


def _page_mm(page: PageSetup | None) -> tuple[float, float]:
    if page is None or page.width is None or page.height is None:
        return A4_MM
    return page.width / TWIPS_PER_MM, page.height / TWIPS_PER_MM


def _margins_mm(page: PageSetup | None) -> tuple[float, float, float, float]:
    given = (page.top, page.bottom, page.left, page.right) if page else (None,) * 4
    return tuple(  # type: ignore[return-value]
        abs(value) / TWIPS_PER_MM if value is not None else default
        for value, default in zip(given, DEFAULT_MARGINS_MM, strict=True)
    )


def _height_pt(paragraph: ParagraphFormat, width_mm: float) -> float:
    """Space before, the wrapped lines, space after."""
    size = max((run.size_pt for run in paragraph.runs if run.text.strip()), default=EMPTY_SIZE_PT)
    available = max(width_mm - 10 * (paragraph.left_cm + paragraph.right_cm), 10.0)
    lines = 0
    for chunk in _lines(paragraph):
        printed = sum(
            text_width_mm(run.text, run.size_pt, bold=run.bold, italic=run.italic) for run in chunk
        )
        lines += max(1, math.ceil(printed * WRAP_LOSS / available))
    if paragraph.line_rule == "exact":
        line = paragraph.line
    elif paragraph.line_rule == "atLeast":
        line = max(paragraph.line, size * LINE_HEIGHT)
    else:
        line = size * LINE_HEIGHT * paragraph.line
    return paragraph.space_before_pt + lines * line + paragraph.space_after_pt


def _lines(paragraph: ParagraphFormat) -> list[list[RunFormat]]:
    """The runs of each line the paragraph starts with a line break (``\\n``)."""
    found: list[list[RunFormat]] = [[]]
    for run in paragraph.runs:
        for number, text in enumerate(run.text.replace("\f", "").split("\n")):
            if number:
                found.append([])
            if text:
                found[-1].append(replace(run, text=text))
    return found
