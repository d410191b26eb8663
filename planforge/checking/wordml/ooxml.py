"""WordprocessingML names and the small XML helpers the reader uses (ECMA-376 values)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from xml.etree.ElementTree import Element

__all__ = [
    "OFFICE",
    "R_ID",
    "UNITS_PER_PT",
    "WP",
    "A",
    "V",
    "W",
    "child_where",
    "children_of",
    "descend",
    "first_child",
    "is_on",
    "measure",
    "nearest",
    "on_off",
    "value_of",
]

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
V = "{urn:schemas-microsoft-com:vml}"
OFFICE = "{urn:schemas-microsoft-com:office:office}"
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
UNITS_PER_PT = {"pt": 1.0, "in": 72.0, "mm": 72 / 25.4, "cm": 72 / 2.54, "pc": 12.0, "pi": 12.0}


def first_child(element: Element | None, tag: str) -> Element | None:
    return element.find(W + tag) if element is not None else None


def descend(element: Element | None, *tags: str) -> Element | None:
    for tag in tags:
        element = first_child(element, tag)
    return element


def child_where(
    element: Element | None, tag: str, attribute: str, value: str | None
) -> Element | None:
    """The child ``tag`` of ``element`` whose ``attribute`` equals ``value``."""
    for child in element.findall(W + tag) if element is not None else ():
        if child.get(W + attribute) == value:
            return child
    return None


def value_of(element: Element | None) -> str | None:
    return element.get(W + "val") if element is not None else None


def children_of(styles: Sequence[Element], tag: str) -> list[Element | None]:
    return [first_child(style, tag) for style in styles]


def nearest(levels: Sequence[Element | None], tag: str) -> Element | None:
    """The ``tag`` child of the highest-priority (last) level that has one."""
    for level in reversed(levels):
        found = first_child(level, tag)
        if found is not None:
            return found
    return None


def on_off(value: str | None, *, default: bool = True) -> bool:
    """An ST_OnOff value; an absent value means ``default``."""
    if value is None:
        return default
    return value.lower() in ("1", "true", "on")


def is_on(element: Element | None) -> bool:
    """An on/off element: absent is off, present without ``w:val`` is on."""
    return element is not None and on_off(element.get(W + "val"))


def measure(value: str | None, per_pt: float = 20) -> float | None:
    """A number of units (twips by default), also from a universal measure such as ``1.5cm``."""
    if value is None:
        return None
    match = re.fullmatch(r"\s*(-?\d+(?:\.\d+)?)\s*(pt|in|mm|cm|pc|pi)?\s*", value)
    if match is None:
        return None
    number = float(match[1])
    return number * UNITS_PER_PT[match[2]] * per_pt if match[2] else number
