"""The addressees of a công văn (ô 9a, "Kính gửi:"): inline, as "- …;" lines, or in a table."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from planforge.reading.lines import Line

_KINH_GUI = re.compile(r"^Kính\s+gửi\s*:?\s*(?P<rest>.*)$", re.IGNORECASE)
_DASH = re.compile(r"^[-–—•+]\s*")
_SEARCHED = 80
"""How far from the top "Kính gửi" is looked for: it follows the header."""


@dataclass(frozen=True)
class Addressed:
    """The names after "Kính gửi" and the indexes of the lines that print them."""

    names: tuple[str, ...]
    taken: frozenset[int]
    first: Line


def _name(text: str) -> str:
    return _DASH.sub("", text).strip().rstrip(";.,").strip()


def find_addressees(lines: Sequence[Line]) -> Addressed | None:
    """The first "Kính gửi" near the top and the addressees it lists, or None.

    The names are the rest of its line ("Kính gửi: Sở Y tế."), the "- …;" lines
    that follow it (up to one ending with "."), or the other cells of its table row.
    """
    for index, line in enumerate(lines[:_SEARCHED]):
        match = _KINH_GUI.match(line.text)
        if match:
            return _collect(lines, index, match["rest"])
    return None


def _collect(lines: Sequence[Line], index: int, rest: str) -> Addressed:
    first = lines[index]
    names: list[str] = []
    taken = {index}
    if rest.strip(" :"):
        names.extend(_name(part) for part in re.split(r";\s*(?=[-–—•+]\s)", rest))
        if rest.rstrip().endswith("."):
            return Addressed(tuple(n for n in names if n), frozenset(taken), first)
    row = (first.cell[0], first.cell[1]) if first.cell else None
    for at in range(index + 1, min(len(lines), index + 40)):
        line = lines[at]
        in_row = row is not None and line.cell is not None and line.cell[:2] == row
        if not in_row and not _DASH.match(line.text):
            break
        taken.add(at)
        names.append(_name(line.text))
        if line.text.rstrip().endswith(".") and not in_row:
            break
    return Addressed(tuple(n for n in names if n), frozenset(taken), first)
