"""PDF layout of documents: batch conversion with LibreOffice, word boxes from pdftotext."""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass, replace
from xml.etree.ElementTree import Element, ParseError, fromstring

from planforge.errors import ConversionError
from planforge.i18n import _
from planforge.rendering.pdf import DEFAULT_TIMEOUT_S, to_pdf

__all__ = [
    "DEFAULT_TIMEOUT_S",
    "ConversionError",
    "Line",
    "Word",
    "lines",
    "page_count",
    "to_pdf",
    "words",
]

XHTML = "{http://www.w3.org/1999/xhtml}"
MAX_GAP = 2.0
"""The widest gap, in line heights, that still joins two pieces of one visual line."""


@dataclass(frozen=True)
class Word:
    """A word of a PDF page: its text, page (from 1), line (from 0 on its page) and box in points.

    Coordinates are PDF points from the page's top-left corner, y growing downwards.
    """

    text: str
    page: int
    line: int
    x_min: float
    y_min: float
    x_max: float
    y_max: float


@dataclass(frozen=True)
class Line:
    """A visual line: words pdftotext puts on one baseline in one column, with their box."""

    text: str
    page: int
    x_min: float
    y_min: float
    x_max: float
    y_max: float
    words: tuple[Word, ...]

    @property
    def width(self) -> float:
        """Width of the line's box in points."""
        return self.x_max - self.x_min

    @property
    def centre(self) -> float:
        """Horizontal centre of the line's box in points."""
        return (self.x_min + self.x_max) / 2


def words(pdf: str | os.PathLike[str]) -> list[Word]:
    """Every word of the PDF, page by page, visual line by visual line."""
    return [word for line in lines(pdf) for word in line.words]


def lines(pdf: str | os.PathLike[str], *, max_gap: float = MAX_GAP) -> list[Line]:
    """The visual lines of the PDF, page by page, top to bottom, then left to right.

    pdftotext's lines, joined when they share a baseline and the gap between them
    is at most ``max_gap`` line heights (a gap of no-break spaces splits pdftotext's
    line, as in "Số:       /KH-UBND"; a table's columns stay apart).
    """
    found: list[Line] = []
    for page, pieces in enumerate(_pages(_layout(pdf)), start=1):
        groups = _join(sorted(pieces, key=lambda piece: piece.x_min), max_gap)
        groups.sort(key=lambda group: (min(p.y_min for p in group), group[0].x_min))
        found += [_merged(group, page, index) for index, group in enumerate(groups)]
    return found


def page_count(pdf: str | os.PathLike[str]) -> int:
    """The number of pages of the PDF."""
    return len(_pages(_layout(pdf)))


def _join(pieces: list[Line], max_gap: float) -> list[list[Line]]:
    """Group pieces (sorted by left edge) that continue one another on one baseline."""
    groups: list[list[Line]] = []
    for piece in pieces:
        for group in groups:
            last = group[-1]
            height = min(last.y_max - last.y_min, piece.y_max - piece.y_min)
            overlap = min(last.y_max, piece.y_max) - max(last.y_min, piece.y_min)
            if overlap > height / 2 and piece.x_min - last.x_max <= max_gap * height:
                group.append(piece)
                break
        else:
            groups.append([piece])
    return groups


def _merged(group: list[Line], page: int, index: int) -> Line:
    """One visual line from its pieces, its words numbered with the line's index."""
    found = tuple(replace(word, page=page, line=index) for piece in group for word in piece.words)
    return Line(
        " ".join(word.text for word in found),
        page,
        min(piece.x_min for piece in group),
        min(piece.y_min for piece in group),
        max(piece.x_max for piece in group),
        max(piece.y_max for piece in group),
        words=found,
    )


# --- soffice -------------------------------------------------------------------------


# --- pdftotext -----------------------------------------------------------------------


def _layout(pdf: str | os.PathLike[str]) -> Element:
    """The XHTML that ``pdftotext -bbox-layout`` writes for the PDF."""
    tool = shutil.which("pdftotext")
    if tool is None:
        raise ConversionError(_("pdftotext (poppler) is not installed or not on PATH"))
    try:
        result = subprocess.run(
            [tool, "-bbox-layout", "-enc", "UTF-8", os.fspath(pdf), "-"],
            capture_output=True,
            check=False,
            timeout=DEFAULT_TIMEOUT_S,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise ConversionError(
            _("cannot run pdftotext: {exc}").format(exc=exc), os.fspath(pdf)
        ) from exc
    if result.returncode != 0:
        message = result.stderr.decode("utf-8", "replace").strip()
        raise ConversionError(
            _("pdftotext failed: {message}").format(message=message), os.fspath(pdf)
        )
    try:
        return fromstring(result.stdout)
    except ParseError as exc:
        raise ConversionError(
            _("unreadable pdftotext output: {exc}").format(exc=exc), os.fspath(pdf)
        ) from exc


def _pages(layout: Element) -> list[list[Line]]:
    """pdftotext's lines of each page (their words not yet numbered)."""
    return [
        [_line(line) for line in page.iter(XHTML + "line")] for page in layout.iter(XHTML + "page")
    ]


def _line(line: Element) -> Line:
    found = tuple(Word(word.text or "", 0, 0, *_box(word)) for word in line.iter(XHTML + "word"))
    return Line(" ".join(word.text for word in found), 0, *_box(line), words=found)


def _box(element: Element) -> tuple[float, float, float, float]:
    x_min, y_min, x_max, y_max = (
        float(element.get(n, "0")) for n in ("xMin", "yMin", "xMax", "yMax")
    )
    return x_min, y_min, x_max, y_max
