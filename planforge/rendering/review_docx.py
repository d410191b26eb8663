"""The review document (bảng đối chiếu): source and derived items side by side."""

from __future__ import annotations

import copy
import functools
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape as xml_escape

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from lxml import etree

from planforge.derivation.review import Review
from planforge.files import atomic_path
from planforge.rendering.package import save_package, set_core_properties

COLUMNS = (
    ("STT", 12),
    ("Mục", 22),
    ("Kế hoạch cấp trên", 100),
    ("Dự thảo của đơn vị", 100),
    ("Thay đổi", 33),
)
"""Column titles and widths in mm (landscape A4 less 20 mm margins: 267 mm)."""

KINDS = {"target": "Chỉ tiêu", "assignment": "Phân công", "section": "Mục"}

FINDING_COLUMNS = (("STT", 12), ("Mã", 14), ("Mục", 28), ("Từ ngữ", 80), ("Cần xem lại", 133))
"""The lint findings' table: the same landscape width as the rows'."""


def _font(document: object) -> None:
    style = document.styles["Normal"]  # type: ignore[attr-defined]
    style.font.name = "Times New Roman"
    style.font.size = Pt(11)
    fonts = style.element.rPr.rFonts
    for slot in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(slot), "Times New Roman")


def _landscape(document: object) -> None:
    section = document.sections[0]  # type: ignore[attr-defined]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(15))


def _title(document: object, review: Review) -> None:
    lines = [
        (f"BẢNG ĐỐI CHIẾU DỰ THẢO KẾ HOẠCH CỦA {review.unit.upper()}", 13),
        (f"với Kế hoạch số {review.source} của cấp trên", 12),
    ]
    if review.predecessors:
        lines.append((f"Đơn vị trước sắp xếp: {', '.join(review.predecessors)}", 12))
    for text, size in lines:
        paragraph = document.add_paragraph()  # type: ignore[attr-defined]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run(text)
        run.bold, run.font.size = True, Pt(size)


def _table(document: object, columns: tuple[tuple[str, int], ...]) -> object:
    table = document.add_table(rows=1, cols=len(columns))  # type: ignore[attr-defined]
    # table.style = "Table Grid", its id looked up once (python-docx searches every time)
    table._tbl.tblStyle_val = _blank().grid_style
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for column, (_, width) in zip(
        table._tbl.tblGrid.findall(qn("w:gridCol")), columns, strict=True
    ):
        column.set(qn("w:w"), str(int(width * 56.7)))
    for cell, (title, width) in zip(table.rows[0].cells, columns, strict=True):
        cell.width = Mm(width)
        cell.paragraphs[0].add_run(title).bold = True
    _keep_row(table.rows[0], "w:tblHeader")
    return table


def _keep_row(row: Any, *flags: str) -> None:
    """A row that never splits across pages; the header row also repeats on every page."""
    properties = row._tr.get_or_add_trPr()
    for flag in ("w:cantSplit", *flags):
        if properties.find(qn(flag)) is None:
            properties.append(OxmlElement(flag))


def _findings(document: object, review: Review) -> None:
    """The derivation lint's findings after the rows: what the clerk must still fix."""
    heading = document.add_paragraph()  # type: ignore[attr-defined]
    heading.add_run("CÁC ĐIỂM CẦN XEM LẠI TRONG DỰ THẢO (kiểm tra tự động)").bold = True
    if not review.findings:
        document.add_paragraph("Không phát hiện điểm nào cần xem lại.")  # type: ignore[attr-defined]
        return
    table: Any = _table(document, FINDING_COLUMNS)
    _rows(
        table,
        FINDING_COLUMNS,
        (
            (str(number), finding.code, finding.path, finding.words, finding.message)
            for number, finding in enumerate(review.findings, start=1)
        ),
    )


def _rows(table: Any, columns: tuple[tuple[str, int], ...], rows: Iterable[Sequence[str]]) -> None:
    """Append a row of plain text cells for each of ``rows``, each cell ``columns`` wide.

    What ``table.add_row()``, ``cell.width = …`` and ``add_run(value)`` give, built
    faster (a review has hundreds of cells, python-docx walks each text letter by
    letter): one row is made so, and its XML, with each text in one ``w:t``, is the
    pattern of all rows, parsed at once.  A text with a tab or a line break is set
    by python-docx itself, which turns them into ``w:tab`` and ``w:br``.
    """
    rows = list(rows)
    if not rows:
        return
    row = table.add_row()
    _keep_row(row)  # every row made from this pattern keeps together on one page
    pattern = row._tr
    for cell, (_, width) in zip(pattern.tc_lst, columns, strict=True):
        cell.width = Mm(width)
    text = etree.tostring(pattern, encoding="unicode")
    table._tbl.remove(pattern)
    opening = text[: text.index(">") + 1]  # <w:tr xmlns:w="…" …>: the declarations
    pieces = text[len(opening) : -len("</w:tr>")].split("<w:p/>")
    special: list[tuple[int, int, str]] = []
    xml = [f"<w:tbl{opening[len('<w:tr') : -1]}>"]
    for row, values in enumerate(rows):
        xml.append("<w:tr>")
        for column, (piece, value) in enumerate(zip(pieces, values, strict=False)):
            xml.append(piece)
            if any(mark in value for mark in "\t\r\n"):
                special.append((row, column, value))
                xml.append("<w:p/>")
            else:
                xml.append(_paragraph(value))
        xml.append(pieces[-1] + "</w:tr>")
    xml.append("</w:tbl>")
    made = parse_xml("".join(xml))
    first = len(table._tbl.tr_lst)
    for row_element in list(made):
        table._tbl.append(row_element)
    added = table._tbl.tr_lst[first:]
    for row, column, value in special:
        added[row].tc_lst[column].p_lst[0].add_r().text = value


def _paragraph(value: str) -> str:
    """``<w:p>`` with one run of ``value`` (no tab, no line break), as python-docx writes it."""
    if not value:
        return "<w:p><w:r/></w:p>"
    space = ' xml:space="preserve"' if len(value.strip()) < len(value) else ""
    return f"<w:p><w:r><w:t{space}>{xml_escape(value)}</w:t></w:r></w:p>"


@dataclass(frozen=True)
class _Blank:
    """The empty landscape review document, made once: each review starts from a copy
    (copying python-docx's parsed package costs half of parsing it again)."""

    document: Any
    unchanged: dict[str, bytes]
    """The parts a review never changes (all but its body and core properties), serialized."""
    grid_style: str


@functools.cache
def _blank() -> _Blank:
    document = Document()
    _font(document)
    _landscape(document)
    changing = {document.part, document.part.package._core_properties_part}
    unchanged = {
        str(part.partname): part.blob
        for part in document.part.package.parts
        if part not in changing
    }
    part: Any = document.part  # (get_style_id is untyped)
    grid = part.get_style_id("Table Grid", WD_STYLE_TYPE.TABLE)
    return _Blank(document, unchanged, grid)


def render_review(review: Review, out: str | os.PathLike[str]) -> Path:
    """Write the review as a landscape .docx table, one row per source item, atomically."""
    blank = _blank()
    document = copy.deepcopy(blank.document)
    _title(document, review)
    table: Any = _table(document, COLUMNS)
    _rows(
        table,
        COLUMNS,
        (
            (
                str(number),
                f"{KINDS.get(row.kind, row.kind)} {row.path}",
                row.source_text,
                row.derived_text or "(không còn trong dự thảo)",
                row.change,
            )
            for number, row in enumerate(review.rows, start=1)
        ),
    )
    _findings(document, review)
    # The review carries no date of its own: a fixed one keeps two derivations identical.
    set_core_properties(
        document,
        author=review.unit,
        title=f"Bảng đối chiếu dự thảo kế hoạch của {review.unit}",
        date=None,
    )
    target = Path(out)
    with atomic_path(target) as temporary:
        save_package(document, temporary, blank.unchanged)
    return target
