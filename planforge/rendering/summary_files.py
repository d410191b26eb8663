"""The summary workbook (tong-hop.xlsx) and its JSON twin (tong-hop.json) for the reviewer.

The workbook has one sheet per table of :class:`~planforge.derivation.summary.Summary`,
with Vietnamese headers, the header row frozen, a filter on every column,
widths that fit and long texts wrapped; the changes' sheet ends with an empty
"Ý kiến" column for the reviewer's opinion.  The JSON file holds the same rows,
keyed by the English field names, for programs.
"""

from __future__ import annotations

import datetime
import json
import os
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import attrs
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.writer.excel import ExcelWriter

from planforge.derivation.summary import Summary
from planforge.files import atomic_path
from planforge.rendering.package import make_reproducible

Column = tuple[str | None, str, int]
"""A field name (None: a column left for the reviewer), its header, its width in characters."""

UNIT_COLUMNS: tuple[Column, ...] = (
    ("unit", "Đơn vị", 30),
    ("file", "Tệp dự thảo", 34),
    ("kind", "Loại đơn vị", 11),
    ("group", "Nhóm văn bản", 10),
    ("changes", "Số thay đổi", 10),
    ("targets_tightened", "Chỉ tiêu nâng", 10),
    ("targets_not_applicable", "Chỉ tiêu không áp dụng", 12),
    ("not_applicable", "Không áp dụng: chỉ tiêu, lý do", 40),
    ("items_dropped", "Mục, nhiệm vụ bỏ", 11),
    ("to_review", "Câu cần xem lại", 10),
    ("lint_findings", "Điểm kiểm tra dự thảo", 12),
    ("placeholders_left", "Chỗ còn để trống", 10),
    ("signer", "Người ký", 20),
    ("signer_missing", "Thiếu người ký", 10),
)
GROUP_COLUMNS: tuple[Column, ...] = (
    ("group", "Nhóm văn bản", 10),
    ("size", "Số đơn vị", 10),
    ("label", "Văn bản", 40),
    ("units", "Các đơn vị", 90),
)
CHANGE_COLUMNS: tuple[Column, ...] = (
    ("unit", "Đơn vị / nhóm", 24),
    ("group", "Nhóm văn bản", 9),
    ("kind", "Loại", 20),
    ("path", "Mục", 20),
    ("parent_text", "Kế hoạch cấp trên", 50),
    ("draft_text", "Dự thảo", 50),
    ("change", "Thay đổi", 20),
    ("reason", "Lý do, chi tiết", 36),
    (None, "Ý kiến", 30),
)
SHEETS: tuple[tuple[str, str, tuple[Column, ...]], ...] = (
    ("Đơn vị", "units", UNIT_COLUMNS),
    ("Nhóm", "groups", GROUP_COLUMNS),
    ("Thay đổi", "changes", CHANGE_COLUMNS),
)
"""Each sheet's name, the summary's table it shows, and its columns."""

YES, NO = "có", "không"
MAX_CELL = 32_000
"""Excel holds at most 32,767 characters in a cell."""
WRAPPED = 20
"""Columns at least this wide hold sentences: their text wraps."""
CHARACTERS_PER_WIDTH = 1.2
"""Characters of Vietnamese text per unit of column width (widths count wide digits)."""
LINE_POINTS, MAX_HEIGHT = 15, 409
"""The height of a line of text and the tallest row a workbook may have, in points."""


def summary_json(summary: Summary) -> dict[str, Any]:
    """The summary as JSON values: its source, then each table as a list of rows."""
    return {
        "source": summary.source,
        **{table: [attrs.asdict(row) for row in getattr(summary, table)] for _, table, _ in SHEETS},
    }


def write_summary_json(summary: Summary, out: str | os.PathLike[str]) -> Path:
    """Write :func:`summary_json` as indented UTF-8 JSON, atomically."""
    target = Path(out)
    text = json.dumps(summary_json(summary), ensure_ascii=False, indent=1) + "\n"
    with atomic_path(target) as temporary:
        temporary.write_text(text, encoding="utf-8")
    return target


def cell_value(value: Any) -> Any:
    """A field's value as the workbook shows it: yes/no in words, no control characters."""
    if isinstance(value, bool):
        return YES if value else NO
    if isinstance(value, str):
        return ILLEGAL_CHARACTERS_RE.sub("", value)[:MAX_CELL]
    return value


def write_summary_xlsx(
    summary: Summary, out: str | os.PathLike[str], date: datetime.datetime
) -> Path:
    """Write the summary workbook, atomically; ``date`` is its fixed creation date."""
    workbook = Workbook()
    workbook.remove(workbook.worksheets[0])
    for title, table, columns in SHEETS:
        _sheet(workbook.create_sheet(title), getattr(summary, table), columns)
    properties = workbook.properties
    properties.creator = properties.lastModifiedBy = "planforge"
    properties.title = f"Tổng hợp dự thảo kế hoạch theo Kế hoạch số {summary.source}"
    properties.created = properties.modified = date
    properties.language = "vi-VN"
    target = Path(out)
    with atomic_path(target) as temporary:
        # openpyxl's save() stamps the current time as "modified": write it ourselves.
        with zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED) as archive:
            ExcelWriter(workbook, archive).save()
        make_reproducible(temporary)
    return target


def _lines(value: Any, width: int) -> int:
    """How many lines ``value`` takes wrapped in a column ``width`` characters wide."""
    if not isinstance(value, str) or width < WRAPPED:
        return 1
    per_line = int(width * CHARACTERS_PER_WIDTH)
    return sum(max(1, -(-len(part) // per_line)) for part in value.split("\n"))


def _sheet(sheet: Any, rows: Sequence[Any], columns: tuple[Column, ...]) -> None:
    header = Font(bold=True)
    fill = PatternFill("solid", start_color="DDEBF7")
    centred = Alignment(horizontal="center", vertical="center", wrap_text=True)
    # Counts and yes/no centred: right-aligned, they would run into the sentence beside them.
    top = Alignment(horizontal="center", vertical="top", wrap_text=False)
    wrapped = Alignment(vertical="top", wrap_text=True)
    sheet.append([title for _, title, _ in columns])
    for cell in sheet[1]:
        cell.font, cell.fill, cell.alignment = header, fill, centred
    for row in rows:
        values = [cell_value(getattr(row, key)) if key else None for key, _, _ in columns]
        sheet.append(values)
        # Spreadsheet programs do not grow a row for its wrapped text when they open a
        # file: its height is set from the longest cell, in lines of its column's width.
        widths = [width for _, _, width in columns]
        lines = max(_lines(value, width) for value, width in zip(values, widths, strict=True))
        if lines > 1:
            sheet.row_dimensions[sheet.max_row].height = min(LINE_POINTS * lines, MAX_HEIGHT)
    for index, (_, _, width) in enumerate(columns, start=1):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = width
        style = wrapped if width >= WRAPPED else top
        for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
            cell.alignment = style
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{max(len(rows) + 1, 1)}"
    sheet.row_dimensions[1].height = 45
    # Printed (or made a PDF): landscape A4, as wide as the page, the header on every page.
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.print_title_rows = "1:1"
