"""Read a table a user filled in a spreadsheet (.xlsx) or a CSV file, within limits.

A workbook is opened as a package (planforge/packages.py: size, members, zip bombs),
refused if it carries macros, then read by openpyxl in read-only mode, values only
(no formulas run, no links followed): at most ``MAX_ROWS`` rows of ``MAX_COLUMNS``.
"""

from __future__ import annotations

import csv
import datetime
import io
import os
import zipfile
from pathlib import Path

import attrs

from planforge.errors import UnitsError
from planforge.i18n import _
from planforge.inputs import read_input
from planforge.packages import PackageError, open_package

MAX_BYTES = 16 * 1024 * 1024
"""The largest sheet read: the country's 3,321 units fill well under 1 MB."""
MAX_ROWS = 5000
"""The most rows read (a header and the units of the largest province, many times over)."""
MAX_COLUMNS = 100
"""The most columns read."""
SHEET = "Đơn vị"
"""The sheet read when a workbook has several: the one the template names so."""


@attrs.frozen
class Table:
    """A header row and the rows below it, as text ("" for a blank cell).

    ``sheet`` is the sheet's name (None for a CSV file); rows carry their number
    in the file (the header is row 1).
    """

    file: str
    sheet: str | None
    header: tuple[str, ...]
    rows: tuple[tuple[int, tuple[str, ...]], ...]

    def place(self, row: int, column: int) -> str:
        """Where a cell is, for a message: file, sheet, row and column (letter and title)."""
        title = self.header[column] if column < len(self.header) else ""
        letter = column_letter(column)
        if self.sheet is None:
            return _("{file}: row {row}, column {column} ({title})").format(
                file=self.file, row=row, column=letter, title=title
            )
        return _("{file}: sheet {sheet!r}, row {row}, column {column} ({title})").format(
            file=self.file, sheet=self.sheet, row=row, column=letter, title=title
        )


def column_letter(index: int) -> str:
    """ "A" for the first column (index 0), "AA" for the 27th."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    return str(value).strip()


def read_table(path: str | os.PathLike[str]) -> Table:
    """The table of a .xlsx workbook or a .csv file (by the file's extension)."""
    name = os.fspath(path)
    suffix = Path(name).suffix.casefold()
    if suffix in (".xlsm", ".xltm", ".xlsb", ".xls"):
        message = _(
            "planforge reads .xlsx workbooks without macros and .csv files; save the sheet "
            "as an Excel workbook (.xlsx)"
        )
        raise UnitsError(message, str(name))
    if suffix == ".csv":
        return _csv(name)
    if suffix in (".xlsx", ".xltx"):
        return _xlsx(name)
    raise UnitsError(_("give a .xlsx workbook or a .csv file"), str(name))


def _rows(file: str, sheet: str | None, raw: list[list[str]]) -> Table:
    numbered = [(n, tuple(r)) for n, r in enumerate(raw, start=1) if any(c for c in r)]
    if not numbered or numbered[0][0] != 1:
        raise UnitsError(_("the first row must hold the column titles"), file)
    header = numbered[0][1]
    width = len(header)
    rows = tuple((n, r[:width] + ("",) * (width - len(r))) for n, r in numbered[1:])
    for number, row in numbered[1:]:
        if any(row[width:]):
            column = width + next(i for i, c in enumerate(row[width:]) if c)
            table = Table(file, sheet, header, rows)
            raise UnitsError(_("a value in a column without a title"), table.place(number, column))
    return Table(file, sheet, header, rows)


def _csv(file: str) -> Table:
    data = read_input(file, MAX_BYTES)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UnitsError(_("the CSV file is not UTF-8; save it as CSV UTF-8"), file) from None
    first = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first.count)
    raw: list[list[str]] = []
    for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
        if len(raw) >= MAX_ROWS:
            raise UnitsError(_too_many(), file)
        if len(row) > MAX_COLUMNS:
            raise UnitsError(_too_wide(), file)
        raw.append([cell.strip() for cell in row])
    return _rows(file, None, raw)


def _too_many() -> str:
    return _("more than {rows} rows; planforge reads sheets up to that").format(rows=MAX_ROWS)


def _too_wide() -> str:
    return _("more than {columns} columns; planforge reads sheets up to that").format(
        columns=MAX_COLUMNS
    )


def _xlsx(file: str) -> Table:
    data = read_input(file, MAX_BYTES)
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise UnitsError(_("not an .xlsx workbook (damaged, or another kind of file)"), file)
    try:
        package = open_package(file, data)
    except PackageError as exc:
        raise UnitsError(exc.message, file) from None
    macros = package.macro_parts()
    if macros:
        message = _(
            "this workbook carries macros or ActiveX controls ({parts}); planforge does not "
            "use macro-enabled files: save it as an Excel workbook (.xlsx)"
        ).format(parts=", ".join(macros))
        raise UnitsError(message, file)
    import openpyxl

    try:
        book = openpyxl.load_workbook(
            package.stream(), read_only=True, data_only=True, keep_links=False
        )
    except Exception as exc:  # openpyxl raises many kinds for a damaged workbook
        message = _("cannot read the workbook: {reason}").format(reason=exc)
        raise UnitsError(message, file) from None
    try:
        sheet = book[SHEET] if SHEET in book.sheetnames else book.worksheets[0]
        raw: list[list[str]] = []
        rows = sheet.iter_rows(max_row=MAX_ROWS + 1, max_col=MAX_COLUMNS + 1, values_only=True)
        for row in rows:
            cells = [_text(value) for value in row]
            if len(cells) > MAX_COLUMNS and cells[MAX_COLUMNS]:
                raise UnitsError(_too_wide(), file)
            raw.append(cells[:MAX_COLUMNS])
        if len(raw) > MAX_ROWS and any(raw[MAX_ROWS]):
            raise UnitsError(_too_many(), file)
        title = str(sheet.title)
    finally:
        book.close()
    return _rows(file, title, raw[:MAX_ROWS])
