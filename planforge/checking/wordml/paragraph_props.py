"""Paragraph properties read from a list of levels (defaults → styles → direct), nearest first."""

from __future__ import annotations

from collections.abc import Sequence
from xml.etree.ElementTree import Element

from planforge.checking.wordml.ooxml import W, first_child, measure, nearest, on_off

__all__ = [
    "AUTO_SPACING_PT",
    "first_line_twips",
    "has_border_bottom",
    "indent_twips",
    "line_spacing",
    "spacing_pt",
]


AUTO_SPACING_PT = 14.0
"""What Word puts before or after a paragraph with ``beforeAutospacing``/``afterAutospacing``."""


def first_line_twips(levels: Sequence[Element | None]) -> float:
    """First-line indent in twips, negative when hanging; the nearest level giving either wins."""
    for ppr in reversed(levels):
        ind = first_child(ppr, "ind")
        if ind is None:
            continue
        hanging = measure(ind.get(W + "hanging"))
        if hanging is not None:
            return -hanging if hanging else 0.0
        first = measure(ind.get(W + "firstLine"))
        if first is not None:
            return first
    return 0.0


def indent_twips(levels: Sequence[Element | None], *names: str) -> float:
    """An indent in twips from the nearest level giving any of ``names``."""
    for ppr in reversed(levels):
        ind = first_child(ppr, "ind")
        values = [measure(ind.get(W + name)) for name in names] if ind is not None else []
        for value in values:
            if value is not None:
                return value
    return 0.0


def spacing_pt(levels: Sequence[Element | None], side: str) -> float:
    """Space before or after in points; automatic spacing counts as 14 pt as in Word."""
    for ppr in reversed(levels):
        spacing = first_child(ppr, "spacing")
        if spacing is None:
            continue
        if on_off(spacing.get(W + side + "Autospacing"), default=False):
            return AUTO_SPACING_PT
        value = measure(spacing.get(W + side))
        if value is not None:
            return value / 20
    return 0.0


def line_spacing(levels: Sequence[Element | None]) -> tuple[float, str]:
    """Line spacing: (multiple, "auto") or (points, "exact"/"atLeast"); single when unset."""
    for ppr in reversed(levels):
        spacing = first_child(ppr, "spacing")
        value = measure(spacing.get(W + "line")) if spacing is not None else None
        if spacing is not None and value is not None:
            rule = spacing.get(W + "lineRule", "auto")
            return (value / 240, rule) if rule == "auto" else (value / 20, rule)
    return 1.0, "auto"


def has_border_bottom(levels: Sequence[Element | None]) -> bool:
    """A visible bottom border from the nearest level that sets borders."""
    border = first_child(nearest(levels, "pBdr"), "bottom")
    return border is not None and border.get(W + "val", "none") not in ("none", "nil")
