"""The one exception tree of planforge; every error carries where it happened."""

from __future__ import annotations


class PlanforgeError(Exception):
    """Base of every planforge error (lỗi).

    ``location`` says where: ``file:line:column``, a field path such as
    ``header.number``, a template file, or a paragraph.  The command line
    prints ``str(error)`` and exits with :attr:`exit_code`.
    """

    exit_code = 2

    def __init__(self, message: str, location: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.location = location

    def __str__(self) -> str:
        if self.location:
            return f"{self.location}: {self.message}"
        return self.message


class ModelError(PlanforgeError, ValueError):
    """A value the model refuses (giá trị không hợp lệ), with its field path."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message, field)
        self.field = field

    def within(self, outer: str) -> ModelError:
        """Return the same error with ``outer`` prefixed to its field path."""
        path = f"{outer}.{self.field}" if self.field else outer
        if self.field and self.field.startswith("["):
            path = f"{outer}{self.field}"
        return type(self)(self.message, path)


class PlanFileError(PlanforgeError):
    """A plan file (tệp kế hoạch) that cannot be read: YAML syntax or an invalid value."""

    def __init__(
        self,
        message: str,
        file: str,
        line: int | None = None,
        column: int | None = None,
        field: str | None = None,
    ) -> None:
        place = file
        if line is not None:
            place += f":{line}"
            if column is not None:
                place += f":{column}"
        if field:
            place += f": {field}"
        super().__init__(message, place)
        self.file = file
        self.line = line
        self.column = column
        self.field = field


class OutputExistsError(PlanforgeError, FileExistsError):
    """The output file exists and overwriting was not asked for."""


class RenderError(PlanforgeError):
    """The document could not be rendered (kết xuất)."""


class TemplateError(RenderError):
    """A Word template (mẫu) that is missing, malformed, or unsafe."""


class DerivationError(PlanforgeError):
    """A lower unit's plan cannot be derived (lập kế hoạch cấp dưới): a looser target,
    an unknown unit, a rule that points nowhere.  ``location`` names the profile line."""


class ConversionError(RenderError):
    """A document could not be converted to PDF (LibreOffice), or a PDF could not be read."""


class ArgumentError(PlanforgeError, TypeError):
    """A public function called with an argument of the wrong type (or order).

    ``location`` is the function's name and the message names the parameter:
    ``render_plan: plan must be Plan or Letter, not NoneType``.
    """


class OutputError(PlanforgeError):
    """An output file or folder that cannot be written (full disk, a folder in the way,
    a name too long, a folder taken by another run); ``location`` names the path."""


class UnitsError(PlanforgeError):
    """A province or administrative unit the data does not know, or a unit facts sheet
    (bảng thông tin đơn vị) with a bad cell; ``location`` names the argument or the
    file, sheet, row and column."""
