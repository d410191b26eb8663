"""The error of the reading package: a source file that cannot be imported."""

from __future__ import annotations

from planforge.errors import PlanforgeError


class ReadError(PlanforgeError, ValueError):
    """A source file (.docx, .txt, .md) that planforge cannot read (không đọc được).

    ``location`` is the file; the message says why in one line, so that the
    command line can print it and exit with status 2.
    """

    def __init__(self, message: str, file: str) -> None:
        super().__init__(message, file)
        self.file = file
