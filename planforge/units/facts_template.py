"""The unit facts sheet to fill (mẫu bảng thông tin đơn vị): one row per unit."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import TYPE_CHECKING

from planforge.units.data import AdministrativeUnit
from planforge.units.facts_schema import Column, FactsSchema, facts_schema
from planforge.units.sheets import SHEET, column_letter

if TYPE_CHECKING:  # openpyxl is imported when a sheet is written, not with every command
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

GUIDE = "Hướng dẫn"
"""The second sheet: what each column takes."""

_HINTS = {
    "code": "Mã đơn vị hành chính; không sửa.",
    "info": "Để đối chiếu; planforge không đọc cột này.",
    "signer": "Họ tên người ký kế hoạch; để trống: dự thảo ghi “[họ tên]”.",
    "title": "Chức vụ người ký: {titles}.",
    "count": "Số {count} của đơn vị (số nguyên, 0 nếu không có).",
    "yes-no": "“có” hoặc “không”; để trống nếu chưa rõ. “không”: các chỉ tiêu về nội dung "
    "này không áp dụng cho đơn vị.",
    "levels": "Các cấp học có trường trên địa bàn, cách nhau bởi dấu phẩy: {levels}.",
    "names": "Các đơn vị được sắp xếp thành đơn vị này, cách nhau bởi dấu phẩy.",
}


def _values(unit: AdministrativeUnit, columns: tuple[Column, ...]) -> list[str]:
    given = {"code": unit.code, "name": unit.name, "kind": unit.kind}
    own = {"ma_don_vi": "code", "ten_don_vi": "name", "loai": "kind"}
    out = []
    for column in columns:
        out.append(given[own[column.key]] if column.key in own else "")
    if unit.predecessors:
        index = next((i for i, c in enumerate(columns) if c.type == "names"), None)
        if index is not None:
            out[index] = ", ".join(unit.predecessors)
    return out


def write_facts_template(units: tuple[AdministrativeUnit, ...], path: Path) -> Path:
    """Write the sheet for ``units`` to ``path``: a .xlsx workbook, or a .csv file."""
    schema = facts_schema()
    if path.suffix.casefold() == ".csv":
        with path.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow([c.header for c in schema.columns] + list(schema.free))
            for unit in units:
                writer.writerow(_values(unit, schema.columns) + [""] * len(schema.free))
        return path
    _workbook(units, schema).save(path)
    return path


def _workbook(units: tuple[AdministrativeUnit, ...], schema: FactsSchema) -> Workbook:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.properties import PageSetupProperties

    book = Workbook()
    sheet = book.worksheets[0]
    sheet.title = SHEET
    titles = [c.header for c in schema.columns] + list(schema.free)
    sheet.append(titles)
    for unit in units:
        sheet.append(_values(unit, schema.columns) + [""] * len(schema.free))
    last = len(units) + 1
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="DDEBF7")
    for cell in sheet[1]:
        cell.font, cell.fill = bold, fill
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    for index, column in enumerate(schema.columns):
        sheet.column_dimensions[column_letter(index)].width = column.width
    for offset in range(len(schema.free)):
        sheet.column_dimensions[column_letter(len(schema.columns) + offset)].width = 20
    sheet.freeze_panes = "D2"  # the code, name and kind stay in view
    sheet.auto_filter.ref = f"A1:{column_letter(len(titles) - 1)}{last}"
    _validations(sheet, schema, last)
    # printed (for signing off the facts), every column fits the width of a landscape page
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.print_title_rows = "1:1"
    guide = book.create_sheet(GUIDE)
    guide.append(["Cột", "Cách điền"])
    for cell in guide[1]:
        cell.font = bold
    for column in schema.columns:
        hint = _HINTS[column.type].format(
            titles=", ".join(t.title for t in schema.titles),
            levels=", ".join(level.level for level in schema.levels),
            count=column.count or "",
        )
        guide.append([column.header, hint])
    guide.append(
        [
            "Cột tự thêm",
            "Tiêu đề là một tên (chữ không dấu, số, _), ví dụ “ghi_chu”: giá trị của đơn vị "
            "dùng được trong hồ sơ phân cấp dưới dạng {ghi_chu}.",
        ]
    )
    guide.column_dimensions["A"].width = 26
    guide.column_dimensions["B"].width = 100
    return book


def _validations(sheet: Worksheet, schema: FactsSchema, last: int) -> None:
    """Lists for yes/no and titles, whole numbers for counts: Excel and LibreOffice warn."""
    from openpyxl.worksheet.datavalidation import DataValidation

    lists = {
        "yes-no": f'"{schema.yes_words[0]},{schema.no_words[0]}"',
        "title": '"' + ",".join(t.title for t in schema.titles) + '"',
    }
    for index, column in enumerate(schema.columns):
        letter = column_letter(index)
        if column.type in lists:
            rule = DataValidation(type="list", formula1=lists[column.type], allow_blank=True)
        elif column.type == "count":
            rule = DataValidation(
                type="whole", operator="greaterThanOrEqual", formula1="0", allow_blank=True
            )
        else:
            continue
        rule.error = "Giá trị không hợp lệ cho cột “" + column.header + "”."
        rule.showErrorMessage = True
        sheet.add_data_validation(rule)
        rule.add(f"{letter}2:{letter}{last}")
