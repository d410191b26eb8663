"""Build ``templates/bao-cao.docx``, the progress report's docxtpl template (Mẫu 1.4)."""

from __future__ import annotations

import io
import sys
from collections.abc import Sequence
from pathlib import Path

import docx
from docx.document import Document
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Twips
from docx.table import Table

sys.path.insert(0, str(Path(__file__).resolve().parent))
import build_templates as base  # a script beside this one, not a package

TEMPLATE = Path(__file__).with_name("bao-cao.docx")
TEXT_WIDTH = 11906 - 1701 - 851
"""The text width of the page (twips): every ruled table spans exactly this."""
CELL_SIDE = 85
"""Left and right padding of a ruled table's cells (1.5 mm)."""

TARGET_COLUMNS = (
    ("STT", 680),
    ("Chỉ tiêu", 3288),
    ("Chỉ tiêu đề ra", 1588),
    ("Kết quả thực hiện", 1417),
    ("Tỷ lệ đạt", 1134),
    ("Đánh giá", 1247),
)
"""Column titles and widths (twips) of the targets table: 12, 58, 28, 25, 20 and 22 mm.

"100% (2025)" and "≥ 2 mô hình" fit on one line in the third column, "Chưa đạt" in the last."""
DUTY_COLUMNS = (
    ("STT", 680),
    ("Cơ quan, đơn vị được giao", 3573),
    ("Tình hình thực hiện", 1928),
    ("Kết quả, ghi chú", 3173),
)
"""Column titles and widths (twips) of the duties table: 12, 63, 34 and 56 mm."""

TABLE_STYLES = (
    base._block("PF Table Head", 12, base.CENTER, bold=True, before=40, after=40),
    base._block("PF Table Text", 12, base.LEFT, before=40, after=40),
    base._block("PF Table Centre", 12, base.CENTER, before=40, after=40),
)

Cell = list[base.Para]


def _lines(style: str, items: str) -> Cell:
    """One paragraph per item of a list: ``{%p for … %}`` inside a table cell."""
    return base._loop(style, f"{{%p for line in {items} %}}", ["{{ line }}"])


TARGET_ROW: tuple[Cell, ...] = (
    [("PF Table Centre", ("{{ row.number }}",))],
    [("PF Table Text", ("{{ row.text }}",))],
    _lines("PF Table Centre", "row.planned"),
    [
        *_lines("PF Table Centre", "row.results"),
        ("PF Table Text", ("{%p if row.note %}",)),
        ("PF Table Text", ("{{ row.note }}",)),
        ("PF Table Text", ("{%p endif %}",)),
    ],
    _lines("PF Table Centre", "row.achieved"),
    [("PF Table Centre", ("{{ row.assessment }}",))],
)
DUTY_ROW: tuple[Cell, ...] = (
    [("PF Table Centre", ("{{ row.number }}",))],
    [("PF Table Text", ("{{ row.body }}",))],
    [("PF Table Centre", ("{{ row.status }}",))],
    [("PF Table Text", ("{{ row.notes }}",))],
)
OPENING = base._loop("PF Body", "{%p for p in opening %}", ["{{ p }}"])


def _section(key: str, items: str | None = None) -> list[base.Para]:
    """A "I. TITLE" heading and, when ``items`` is given, one body paragraph per item."""
    heading: list[base.Para] = [("PF Heading 1", (f"{{{{ sections.{key} }}}}",))]
    if items is None:
        return heading
    return [*heading, *base._loop("PF Body", f"{{%p for p in {items} %}}", ["{{ p }}"])]


def build_bao_cao(path: str | Path = TEMPLATE) -> None:
    """Build the Báo cáo template at ``path``; building twice gives identical XML parts.

    Run ``python templates/build_report_template.py``; the variables the template may
    use are listed in ``docs/report.md``. Page setup, styles, header, title and
    signature blocks are those of ``build_templates.py`` (imported, never changed
    here); this script adds the two ruled tables and the report's sections.
    """
    doc = docx.Document()
    base._setup_package(doc, "Báo cáo", "Mẫu 1.4, Nghị định 30/2020/NĐ-CP")
    base._setup_styles(doc)
    for spec in TABLE_STYLES:
        base._add_style(doc, spec)
    base._setup_section(doc)
    _build_body(doc)
    buffer = io.BytesIO()
    doc.save(buffer)
    base._write_fixed_zip(buffer.getvalue(), Path(path))


def _build_body(doc: Document) -> None:
    """Header and title as in a plan; opening, two tables, sections, closing, signature."""
    base._add_paragraphs(doc, base.MARKS)
    header = base._add_table(doc, widths=(3969, 5811), indent=-425, top=0, rows=2, side=0)
    base._fill(header, 0, 0, base.AGENCY_CELL)
    base._fill(header, 0, 1, base.NATIONAL_CELL)
    base._fill(header, 1, 0, base.NUMBER_CELL)
    base._fill(header, 1, 1, base.DATE_CELL)
    base._add_paragraphs(doc, [*base.TITLE, *OPENING, *_section("targets")])
    _ruled_table(doc, TARGET_COLUMNS, "targets", TARGET_ROW)
    base._add_paragraphs(doc, _section("duties"))
    _ruled_table(doc, DUTY_COLUMNS, "duties", DUTY_ROW)
    base._add_paragraphs(
        doc,
        [
            *_section("difficulties", "difficulties"),
            *_section("proposals", "proposals"),
            ("PF Body Last", ("{{ last }}",)),
        ],
    )
    signature = base._add_table(doc, widths=(3686, 5669), indent=0, top=120, rows=1)
    base._fill(signature, 0, 0, base.RECIPIENTS_CELL)
    base._fill(signature, 0, 1, base.SIGNATURE_CELL)
    for row in signature.rows:
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    doc.element.body.sectPr.addprevious(parse_xml(base._TAIL))


def _ruled_table(
    doc: Document, columns: Sequence[tuple[str, int]], items: str, row: Sequence[Cell]
) -> Table:
    """A ruled table: a title row repeated on every page, then ``{%tr for row in items %}``."""
    widths = [width for _, width in columns]
    table: Table = doc.add_table(rows=4, cols=len(columns))
    tbl = table._tbl
    tbl.remove(tbl.tblPr)
    tbl.insert(0, parse_xml(_ruled_properties()))
    for column, width in zip(tbl.tblGrid.findall(qn("w:gridCol")), widths, strict=True):
        column.set(qn("w:w"), str(width))
    for table_row in table.rows:
        for cell, width in zip(table_row.cells, widths, strict=True):
            cell.width = Twips(width)
    for index, (title, _) in enumerate(columns):
        base._fill(table, 0, index, [("PF Table Head", (title,))])
        base._fill(table, 2, index, row[index])
    base._fill(table, 1, 0, [("PF Table Text", (f"{{%tr for row in {items} %}}",))])
    base._fill(table, 3, 0, [("PF Table Text", ("{%tr endfor %}",))])
    table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    table.rows[2]._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    return table


def _ruled_properties() -> str:
    borders = "".join(
        f'<w:{edge} w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
        for edge in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    return (
        f"<w:tblPr {nsdecls('w')}>"
        f'<w:tblW w:w="{TEXT_WIDTH}" w:type="dxa"/><w:tblInd w:w="0" w:type="dxa"/>'
        f'<w:tblBorders>{borders}</w:tblBorders><w:tblLayout w:type="fixed"/>'
        f'<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="{CELL_SIDE}" w:type="dxa"/>'
        f'<w:bottom w:w="0" w:type="dxa"/><w:right w:w="{CELL_SIDE}" w:type="dxa"/>'
        "</w:tblCellMar>"
        '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" '
        'w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr>'
    )


if __name__ == "__main__":
    build_bao_cao(TEMPLATE)
    print(f"wrote {TEMPLATE}")
