"""Refuse a source whose text holds characters a Word document cannot carry, naming its line.

The plan built from the source would refuse them anyway (planforge.model), but
only here is the line or paragraph of the source known.
"""

from __future__ import annotations

from collections.abc import Sequence

from planforge.i18n import _
from planforge.reading.errors import ReadError
from planforge.reading.lines import Line
from planforge.text.controls import forbidden_message


def refuse_control_characters(lines: Sequence[Line], name: str) -> None:
    """Raise a ReadError at ``name:LINE`` (or the paragraph's number) for the first one found."""
    for index, line in enumerate(lines, 1):
        message = forbidden_message(line.text)
        if message is None:
            continue
        if line.line is not None:
            raise ReadError(message, f"{name}:{line.line}")
        number = line.number or index  # paragraph numbers are set later; until then, order
        raise ReadError(
            _("paragraph {number}: {message}").format(number=number, message=message), name
        )
