"""Labels of the body tree computed from level and position (I., 1., a), -, +)."""

from __future__ import annotations

import re
from collections.abc import Iterator

import attrs

from planforge.model._types import typed
from planforge.model.nodes import (
    SECTION_MARKERS,
    Assignment,
    Marker,
    Node,
    Section,
)
from planforge.text.labels import VIETNAMESE_LETTERS, letter, roman

_ROMAN_DIGITS = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def _roman_value(text: str) -> int | None:
    if not text or any(ch not in _ROMAN_DIGITS for ch in text):
        return None
    total = 0
    for current, following in zip(text, text[1:] + " ", strict=True):
        value = _ROMAN_DIGITS[current]
        total += -value if following != " " and _ROMAN_DIGITS[following] > value else value
    return total


def _letter_value(text: str) -> int | None:
    if text in VIETNAMESE_LETTERS:
        return VIETNAMESE_LETTERS.index(text) + 1
    return None


_PATTERNS = {
    Marker.ROMAN: (re.compile(r"^([IVXLC]+)\.$"), _roman_value),
    Marker.ARABIC: (re.compile(r"^(\d+)\.$"), lambda s: int(s)),
    Marker.LETTER: (re.compile(r"^(\w{1,2})\)$"), _letter_value),
}


def format_label(marker: Marker, position: int) -> str:
    """The label of the ``position``-th entry (1-based) with ``marker``.

    >>> [format_label(m, 5) for m in Marker]
    ['V.', '5.', 'đ)', '-', '+', '']
    """
    if marker is Marker.ROMAN:
        return f"{roman(position)}."
    if marker is Marker.ARABIC:
        return f"{position}."
    if marker is Marker.LETTER:
        return f"{letter(position)})"
    return {Marker.DASH: "-", Marker.PLUS: "+"}.get(marker, "")


def effective_marker(node: Node, depth: int, item_marker: Marker) -> Marker:
    """The marker a node is printed with: its own, else the default for its place.

    Sections and assignments take the Structure B marker of their depth;
    other items take their parent's ``item_marker``.
    """
    if node.marker is not None:
        return node.marker
    if isinstance(node, Section | Assignment):
        return SECTION_MARKERS[min(depth, len(SECTION_MARKERS)) - 1]
    return item_marker


def _restart(marker: Marker, label: str) -> int | None:
    """Where an explicit label resets its marker's count ("6." → 6), if it does."""
    pattern = _PATTERNS.get(marker)
    if pattern is None:
        return None
    match = pattern[0].match(label)
    return pattern[1](match.group(1)) if match else None


@attrs.frozen(field_transformer=typed)
class Entry:
    """A node of the tree with its depth (1 = top) and its printed label."""

    node: Node
    depth: int
    label: str
    marker: Marker


def label_children(
    children: tuple[Node, ...], depth: int, item_marker: Marker = Marker.NONE
) -> list[Entry]:
    """Label the direct children of one parent.

    Numbered markers count separately; an explicit label that reads as a
    number of the same marker sets the count, so "6." after "4." makes the
    next entry "7." (a plan that skips a number); any other explicit label
    ("10.1.") leaves the count alone.
    """
    counts: dict[Marker, int] = {}
    entries = []
    for node in children:
        marker = effective_marker(node, depth, item_marker)
        if node.label is None:
            counts[marker] = counts.get(marker, 0) + 1
            label = format_label(marker, counts[marker])
        else:
            label = node.label
            restart = _restart(marker, label)
            if restart is not None:
                counts[marker] = restart
        entries.append(Entry(node, depth, label, marker))
    return entries


def walk(
    children: tuple[Node, ...], depth: int = 1, item_marker: Marker = Marker.NONE
) -> Iterator[Entry]:
    """Every entry of the tree in document order, labelled."""
    for entry in label_children(children, depth, item_marker):
        yield entry
        node = entry.node
        inner = node.item_marker if isinstance(node, Section | Assignment) else Marker.NONE
        if isinstance(node, Section | Assignment):
            yield from walk(node.children, depth + 1, inner)
        else:
            yield from walk(node.children, depth + 1, _nested_item_marker(entry.marker))


def _nested_item_marker(marker: Marker) -> Marker:
    """Items under a "-" item are "+" items by custom; under others, "-"."""
    return Marker.PLUS if marker is Marker.DASH else Marker.DASH


def item_path(parent: str, label: str, marker: Marker, position: int) -> str:
    """The path of an entry under ``parent``, as the review table of a derivation prints it.

    Numbered labels are joined with dots ("II.1.a)"); an item without a number
    ("-", "+", plain) adds its position ("-1"). A results file names its
    entries by these paths.

    >>> item_path("II.1.a)", "-", Marker.DASH, 1), item_path("", "V.", Marker.ROMAN, 5)
    ('II.1.a)-1', 'V')
    >>> item_path("V", "9.", Marker.ARABIC, 9), item_path("II.1", "a)", Marker.LETTER, 1)
    ('V.9', 'II.1.a)')
    """
    if marker in (Marker.DASH, Marker.PLUS, Marker.NONE) or not label:
        return f"{parent}-{position}"
    label = label.rstrip(".")
    return f"{parent}.{label}" if parent and not parent.endswith(")") else f"{parent}{label}"
