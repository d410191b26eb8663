"""Appendices (phụ lục) added after the signature: own section, own page numbers, task table."""

from __future__ import annotations

import re
from typing import Any

from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt, Twips

from planforge.model import Appendix, Plan, TaskRow, task_rows
from planforge.text.case import upper
from planforge.text.labels import roman
from planforge.text.metrics import rule_under

COLUMNS = (
    ("STT", 12),
    ("Nhiệm vụ", 95),
    ("Cơ quan chủ trì", 45),
    ("Cơ quan phối hợp", 45),
    ("Thời gian thực hiện", 27),
    ("Sản phẩm", 28),
)
"""Task-table columns and widths in mm: 252 mm, the text width of a landscape A4 page."""
PORTRAIT_SCALE = 165 / 252
TABLE_PT = 12


def appendix_label(index: int, count: int) -> str:
    """ "Phụ lục" alone, or "Phụ lục I", "Phụ lục II" … when there are two or more (III.1)."""
    return "Phụ lục" if count == 1 else f"Phụ lục {roman(index)}"


def reference_line(plan: Plan, label: str | None = None) -> str:
    """ "(Kèm theo Kế hoạch số 7851/KH-UBND ngày 04/11/2021 của Ủy ban nhân dân tỉnh Lâm Đồng)"."""
    header = plan.header
    number = (
        header.number.file_form if header.number.serial else "\u00a0" * 6 + header.number.file_form
    )
    date = header.date.short if header.date.complete else header.date.words
    when = f"ngày {date}" if header.date.complete else date
    issued = "Ban hành kèm theo" if label else "Kèm theo"  # an attached Quy chế is issued
    return f"({issued} {header.printed_type} số {number} {when} của {header.issuing_agency.name})"


def rows_of(appendix: Appendix, plan: Plan) -> tuple[TaskRow, ...]:
    """The rows printed: drawn from the assignments when asked, then those written by hand."""
    drawn = (
        task_rows(plan.sections, plan.header.subject, plan.header.date.year)
        if appendix.from_assignments
        else ()
    )
    return drawn + appendix.rows


def _paragraph(
    document: Any,
    text: str,
    *,
    size: float = 14,
    bold: bool = False,
    italic: bool = False,
    after: float = 0,
    before: float = 0,
) -> None:
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    fmt = paragraph.paragraph_format
    fmt.first_line_indent, fmt.space_before, fmt.space_after = Twips(0), Pt(before), Pt(after)
    fmt.line_spacing = 1.0
    run = paragraph.add_run(text)
    run.bold, run.italic, run.font.size = bold, italic, Pt(size)


PART_LABEL = re.compile(r"^(Phần|Chương|Mục|Tiểu mục)\s+([IVXLC]+|\d+)$")
ARTICLE = re.compile(r"^(?P<label>Điều\s+\d+\.)\s*(?P<rest>.*)$")


def _attached_text(document: Any, lines: tuple[str, ...]) -> None:
    """An attached Quy chế or Quy định laid out as Structure A (PL I, mục II.6.đ): "Chương I"
    and the title in capitals under it centred and bold; "Điều 1. Title" bold, or only its
    label when the article's text follows on the line; the rest as body text."""
    labelled = False
    for text in lines:
        line = text.strip()
        article = ARTICLE.match(line)
        if PART_LABEL.match(line) or (labelled and line == upper(line)):
            _paragraph(document, line, bold=True, before=6)
        elif article and not article["rest"].endswith((".", ";", ":")):
            _body(document, [(line, True)])
        elif article:
            _body(document, [(article["label"], True), (" " + article["rest"], False)])
        else:
            _body(document, [(line, False)])
        labelled = PART_LABEL.match(line) is not None


def _body(document: Any, runs: list[tuple[str, bool]]) -> None:
    """A body paragraph of an attached text: 14 pt, justified, 1 cm first line, 6 pt apart."""
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    fmt = paragraph.paragraph_format
    fmt.first_line_indent, fmt.space_before, fmt.space_after = Cm(1), Pt(6), Pt(0)
    fmt.line_spacing = 1.15
    for text, bold in runs:
        run = paragraph.add_run(text)
        run.bold, run.font.size = bold, Pt(14)


def _section(document: Any, landscape: bool) -> None:
    section = document.add_section(WD_SECTION.NEW_PAGE)
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Mm(297), Mm(210)
    else:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    numbering = section._sectPr.find(qn("w:pgNumType"))
    if numbering is None:
        numbering = OxmlElement("w:pgNumType")
        section._sectPr.append(numbering)
    numbering.set(qn("w:start"), "1")  # each appendix is numbered on its own (III.1.đ)


def _cell(
    cell: Any, text: str, width_mm: float, *, bold: bool = False, center: bool = False
) -> None:
    cell.width = Mm(width_mm)
    paragraph = cell.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER if center else WD_ALIGN_PARAGRAPH.LEFT
    fmt = paragraph.paragraph_format
    fmt.first_line_indent, fmt.space_before, fmt.space_after = Twips(0), Pt(2), Pt(2)
    fmt.line_spacing = 1.0
    run = paragraph.add_run(text)
    run.bold, run.font.size = bold, Pt(TABLE_PT)


def _table(document: Any, rows: tuple[TaskRow, ...], landscape: bool) -> None:
    scale = 1.0 if landscape else PORTRAIT_SCALE
    widths = [w * scale for _, w in COLUMNS]
    table = document.add_table(rows=1, cols=len(COLUMNS))
    table.style = document.styles["Table Grid"] if "Table Grid" in document.styles else None
    table.autofit = False
    for column, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths, strict=True):
        column.set(qn("w:w"), str(round(width * 56.7)))
    heading = table.rows[0]
    heading._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))  # repeats on each page
    for cell, (title, _), width in zip(heading.cells, COLUMNS, widths, strict=True):
        _cell(cell, title, width, bold=True, center=True)
    for number, row in enumerate(rows, start=1):
        values = (str(number), row.task, row.lead, row.coordinate, row.time, row.output)
        for index, (cell, value) in enumerate(zip(table.add_row().cells, values, strict=True)):
            _cell(cell, value, widths[index], center=index in (0, 4))
    _borders(table)


def _borders(table: Any) -> None:
    """Single black borders, whether or not the template has a "Table Grid" style."""
    properties = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        line = OxmlElement(f"w:{side}")
        for key, value in (("val", "single"), ("sz", "4"), ("space", "0"), ("color", "000000")):
            line.set(qn(f"w:{key}"), value)
        borders.append(line)
    properties.append(borders)


def add_appendices(document: Any, plan: Plan) -> None:
    """Append every appendix of ``plan`` to the rendered ``document``, each in its own section."""
    count = len(plan.appendices)
    for index, appendix in enumerate(plan.appendices, start=1):
        _section(document, appendix.landscape)
        label = upper(appendix.label) if appendix.label else appendix_label(index, count)
        _paragraph(document, label, bold=True)
        title = upper(appendix.title)
        _paragraph(document, title, bold=True)
        _paragraph(document, reference_line(plan, appendix.label), italic=True)
        _paragraph(document, rule_under([title], 14, bold=True), after=6)
        _attached_text(document, appendix.text)
        if appendix.rows or appendix.from_assignments or not appendix.text:
            _table(document, rows_of(appendix, plan), appendix.landscape)
