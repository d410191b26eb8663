"""Walking the body in document order: paragraphs, tables (with their styles) and shown runs."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING
from xml.etree.ElementTree import Element

from planforge.checking.wordml.formats import Cell, Location
from planforge.checking.wordml.ooxml import W, descend, first_child, on_off, value_of

if TYPE_CHECKING:
    from planforge.checking.wordml.styles import Styles

__all__ = [
    "EDGE_LOOKS",
    "RUN_CHARACTERS",
    "RUN_CONTAINERS",
    "Found",
    "Walker",
    "shown_runs",
    "text_runs",
]

#: Elements inside a paragraph whose runs are shown (deletions and move sources are not).
RUN_CONTAINERS = frozenset(
    W + tag
    for tag in "hyperlink ins moveTo smartTag sdt sdtContent customXml fldSimple dir bdo".split()
)

#: Run children that print a fixed character.
RUN_CHARACTERS = {
    W + "tab": "\t",
    W + "ptab": "\t",
    W + "cr": "\n",
    W + "noBreakHyphen": "\u2011",
    W + "softHyphen": "\u00ad",
}
#: ``w:tblLook`` switches for the first row, last row, first column and last column.
EDGE_LOOKS = ("firstRow", "lastRow", "firstColumn", "lastColumn")


@dataclass(frozen=True)
class Found:
    """A paragraph element, its location and the style chain of the table around it."""

    element: Element
    location: Location
    table: Sequence[Element]


class Walker:
    """Walks block content in document order, numbering tables (nested ones too) as it goes."""

    def __init__(self, styles: Styles | None = None) -> None:
        self.styles = styles
        self.tables = 0

    def blocks(
        self, container: Element, cell: Cell | None = None, table: Sequence[Element] = ()
    ) -> Iterator[Found]:
        index = 0
        for element in _unwrapped(container):
            if element.tag == W + "p":
                yield Found(element, _location(cell, index), table)
                index += 1
            elif element.tag == W + "tbl":
                yield from self._table(element)

    def _table(self, tbl: Element) -> Iterator[Found]:
        number = self.tables
        self.tables += 1
        style_id = value_of(descend(tbl, "tblPr", "tblStyle"))
        chain = self.styles.chain(style_id, "table") if self.styles else []
        look = _table_look(descend(tbl, "tblPr", "tblLook"))
        rows = [e for e in _unwrapped(tbl) if e.tag == W + "tr"]
        for row, tr in enumerate(rows):
            cells = [e for e in _unwrapped(tr) if e.tag == W + "tc"]
            for column, tc in enumerate(cells):
                edges = (row == 0, row == len(rows) - 1, column == 0, column == len(cells) - 1)
                levels = _table_levels(chain, _conditions(look, edges))
                yield from self.blocks(tc, (number, row, column), levels)


def _table_look(look: Element | None) -> frozenset[str]:
    """The conditional formats a table turns on; Word's default (04A0) when it says nothing."""
    if look is None:
        return frozenset({"firstRow", "firstColumn"})
    mask = int(look.get(W + "val", "0"), 16)
    named = {"firstRow": 0x20, "lastRow": 0x40, "firstColumn": 0x80, "lastColumn": 0x100}
    return frozenset(
        name
        for name, bit in named.items()
        if on_off(look.get(W + name), default=False) or mask & bit
    )


def _conditions(look: frozenset[str], edges: tuple[bool, bool, bool, bool]) -> list[str]:
    """The ``w:tblStylePr`` types that apply to a cell, lowest priority first.

    ``edges`` tells whether the cell is in the first row, last row, first column,
    last column. Banding is left out: it changes shading, rarely text.
    """
    first_row, last_row, first_col, last_col = (
        edge and name in look for edge, name in zip(edges, EDGE_LOOKS, strict=True)
    )
    corners = {
        "nwCell": first_row and first_col,
        "neCell": first_row and last_col,
        "swCell": last_row and first_col,
        "seCell": last_row and last_col,
    }
    sides = {"firstCol": first_col, "lastCol": last_col, "firstRow": first_row, "lastRow": last_row}
    return [name for name, on in [*sides.items(), *corners.items()] if on]


def _table_levels(chain: Sequence[Element], conditions: Sequence[str]) -> list[Element]:
    """The table style chain, then its conditional formats that apply, lowest priority first."""
    levels = list(chain)
    for kind in conditions:
        levels += [
            c
            for style in chain
            for c in style.findall(W + "tblStylePr")
            if c.get(W + "type") == kind
        ]
    return levels


def _unwrapped(container: Element) -> Iterator[Element]:
    """Children of a block container, looking through content controls and custom XML."""
    for child in container:
        if child.tag == W + "sdt":
            content = first_child(child, "sdtContent")
            if content is not None:
                yield from _unwrapped(content)
        elif child.tag == W + "customXml":
            yield from _unwrapped(child)
        else:
            yield child


def _location(cell: Cell | None, index: int) -> Location:
    if cell is None:
        return ("body", index)
    return ("table", cell[0], cell[1], cell[2], index)


def shown_runs(container: Element) -> Iterator[Element]:
    """The shown runs of a paragraph, through hyperlinks, insertions, fields and controls."""
    for child in container:
        if child.tag == W + "r":
            yield child
        elif child.tag in RUN_CONTAINERS:
            yield from shown_runs(child)


def text_runs(p: Element) -> Iterator[tuple[Element, str]]:
    """Runs that print something, with their text."""
    for run in shown_runs(p):
        text = _run_text(run)
        if text:
            yield run, text


def _run_text(run: Element) -> str:
    """The printed text of a run: text, tabs, breaks, special hyphens, symbols."""
    parts = []
    for child in run:
        if child.tag == W + "t":
            parts.append(child.text or "")
        elif child.tag == W + "br":
            parts.append("\f" if child.get(W + "type") == "page" else "\n")
        elif child.tag == W + "sym":
            parts.append(chr(int(child.get(W + "char", "20"), 16)))
        else:
            parts.append(RUN_CHARACTERS.get(child.tag, ""))
    return "".join(parts)
