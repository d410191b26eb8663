"""Urgency, secrecy and circulation marks in their single-line frames (ô 10, 11; PL I III.2)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm

from planforge.text.metrics import text_width_mm

MARK_STYLE = "PF Mark"
URGENCY_BOX_MM = {"KHẨN": 20.0, "THƯỢNG KHẨN": 40.0, "HỎA TỐC": 30.0}
"""Frame widths Nghị định 30 gives for the urgency marks (each 8 mm high)."""
CIRCULATION = ("LƯU HÀNH NỘI BỘ", "XEM XONG TRẢ LẠI")
TEXT_WIDTH_MM = 165.0
PADDING_MM = 6.0


def box_width_mm(text: str) -> float:
    """The frame's width: the decree's for an urgency mark, else the text's and a margin."""
    return URGENCY_BOX_MM.get(text, text_width_mm(text, 13, bold=True) + PADDING_MM)


def _box(paragraph: Any) -> None:
    properties = paragraph._p.get_or_add_pPr()
    borders = properties.find(qn("w:pBdr"))
    if borders is None:
        borders = OxmlElement("w:pBdr")
        properties.append(borders)
    for side in ("top", "left", "bottom", "right"):
        line = OxmlElement(f"w:{side}")
        for name, value in (("val", "single"), ("sz", "8"), ("space", "1"), ("color", "auto")):
            line.set(qn(f"w:{name}"), value)
        borders.append(line)


def _mark_paragraphs(document: Any) -> Callable[[str | None], bool]:
    """Whether a paragraph of a given style id has the style named ``MARK_STYLE``.

    python-docx's ``paragraph.style`` searches styles.xml (XPath) for every
    paragraph; reading the styles once gives the same answer: the first style of
    an id, if it is a paragraph style; else (no id, an unknown id, a style of
    another type) the last default paragraph style.
    """
    named: dict[str, str | None] = {}
    seen: set[str] = set()
    default = None
    for style in document.styles:
        if style.type == WD_STYLE_TYPE.PARAGRAPH and style.element.default:
            default = style.name
        if style.style_id in seen:
            continue
        seen.add(style.style_id)
        if style.type == WD_STYLE_TYPE.PARAGRAPH:
            named[style.style_id] = style.name

    def is_mark(style_id: str | None) -> bool:
        name = named.get(style_id, default) if style_id else default
        return name == MARK_STYLE

    return is_mark


def frame_marks(document: Any) -> None:
    """Put every mark paragraph in a frame as wide as the decree asks.

    Circulation notes (ô 11) stand centred at the top; urgency and secrecy
    marks (ô 10) on the left.
    """
    is_mark = _mark_paragraphs(document)
    for paragraph in document.paragraphs:
        if not is_mark(paragraph._p.style):
            continue
        text = paragraph.text.strip()
        if not text:
            continue
        spare = max(TEXT_WIDTH_MM - box_width_mm(text), 0.0)
        fmt = paragraph.paragraph_format
        fmt.alignment = WD_ALIGN_PARAGRAPH.CENTER
        fmt.first_line_indent = Mm(0)
        centred = text in CIRCULATION
        fmt.left_indent = Mm(spare / 2 if centred else 0)
        fmt.right_indent = Mm(spare / 2 if centred else spare)
        _box(paragraph)
