"""The summary as a workbook (bảng tổng hợp .xlsx) for the province's clerk: a sheet with
one row per plan, one with one row per finding, one with the matches; headers frozen,
filters on. Written in a staging folder beside the target, then moved into place."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from planforge.conformance.check import Judgement
from planforge.conformance.findings import ParentFinding
from planforge.conformance.summary import rows
from planforge.outputs import commit, staging, writing_as

# The workbook is a document for clerks: Vietnamese, whatever the interface language.
PLANS = "Tổng hợp"
FINDINGS = "Phát hiện"
MATCHES = "Đối chiếu"
PLAN_HEADER = ["Kế hoạch", "Cấp", "Lỗi", "Cảnh báo", "Ghi chú", "Nhiệm vụ", "Chỉ tiêu"]
FINDING_HEADER = [
    "Kế hoạch",
    "Mã",
    "Mức độ",
    "Vị trí",
    "Mục của kế hoạch cấp trên",
    "Nội dung",
    "Điểm khớp",
]
MATCH_HEADER = [
    "Kế hoạch",
    "Loại",
    "Mục cấp trên",
    "Nội dung cấp trên",
    "Mục khớp",
    "Nội dung khớp",
    "Điểm",
    "Kết quả",
]
SEVERITIES = {
    "error": "Lỗi",
    "warning": "Cảnh báo",
    "not-evaluated": "Chưa kiểm tra",
    "info": "Ghi chú",
}
KINDS = {"duty": "Nhiệm vụ", "target": "Chỉ tiêu"}
STATUSES = {"matched": "đã có", "review": "cần xem", "missing": "thiếu"}
WIDTHS = (40, 10, 10, 10, 10, 12, 12, 60)


def _sheet(
    sheet: Worksheet, header: list[str], body: list[list[object]], widths: Sequence[int]
) -> None:
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in body:
        sheet.append(row)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    # printed as a clerk files it: landscape, every column on one page's width
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.print_title_rows = "1:1"
    for number, line in enumerate(sheet.iter_rows(min_row=2), start=2):
        tallest = 1
        for cell, width in zip(line, widths, strict=False):
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            tallest = max(tallest, -(-len(str(cell.value or "")) // max(1, width - 2)))
        # a spreadsheet does not grow a row for wrapped text it did not lay out itself
        sheet.row_dimensions[number].height = 15 * tallest


def workbook(judged: Sequence[Judgement]) -> Workbook:
    """The three sheets of the summary."""
    book = Workbook()
    plans = book.active
    assert plans is not None
    plans.title = PLANS
    body: list[list[object]] = []
    for row in rows(judged)[1:]:
        body.append([row[0], row[1], int(row[2]), int(row[3]), int(row[4]), row[5], row[6]])
    _sheet(plans, PLAN_HEADER, body, (34, 10, 8, 10, 9, 11, 11))
    findings: list[list[object]] = []
    for j in judged:
        for f in j.findings:
            score = f.score if isinstance(f, ParentFinding) else None
            findings.append(
                [
                    j.child,
                    f.code,
                    SEVERITIES[f.severity.value],
                    f.location,
                    f.source,
                    f.message,
                    score,
                ]
            )
    _sheet(book.create_sheet(FINDINGS), FINDING_HEADER, findings, (28, 7, 10, 12, 24, 80, 10))
    matches: list[list[object]] = []
    for j in judged:
        for m in j.matches:
            matches.append(
                [
                    j.child,
                    KINDS[m.kind],
                    m.parent,
                    m.parent_text,
                    m.child,
                    m.child_text,
                    m.score,
                    STATUSES[m.status],
                ]
            )
    _sheet(book.create_sheet(MATCHES), MATCH_HEADER, matches, (28, 10, 20, 55, 12, 55, 8, 9))
    return book


def write_workbook(judged: Sequence[Judgement], target: Path) -> Path:
    """Write the summary to ``target`` whole, or not at all."""
    with staging(target.parent) as work:
        made = work / target.name
        with writing_as(target):
            workbook(judged).save(made)
        spare = work / "spare"
        spare.mkdir()
        commit([(made, target)], spare)
    return target
