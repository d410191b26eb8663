"""Paths of a plan's targets and assignments ("II.1.a)-1", "V.9"), as the review table prints."""

from __future__ import annotations

from collections.abc import Iterator

from planforge.model import Assignment, Marker, Node, Plan, Section, Target
from planforge.model.numbering import label_children


def item_path(parent: str, label: str, marker: Marker, position: int) -> str:
    """The path of an entry under ``parent``, as ``planforge.derivation.derive`` writes it.

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


def _walk(
    nodes: tuple[Node, ...], parent: str, depth: int, item_marker: Marker
) -> Iterator[tuple[str, Node]]:
    positions: dict[Marker, int] = {}
    for entry in label_children(nodes, depth, item_marker):
        positions[entry.marker] = positions.get(entry.marker, 0) + 1
        path = item_path(parent, entry.label, entry.marker, positions[entry.marker])
        node = entry.node
        yield path, node
        inner = node.item_marker if isinstance(node, Section | Assignment) else Marker.NONE
        yield from _walk(node.children, path, depth + 1, inner)


def target_paths(plan: Plan) -> list[tuple[str, Target]]:
    """Every target (chỉ tiêu) of the body with its path, in document order."""
    return [(p, n) for p, n in _walk(plan.sections, "", 1, Marker.NONE) if isinstance(n, Target)]


def assignment_paths(plan: Plan) -> list[tuple[str, Assignment]]:
    """Every assignment (phân công) of the body with its path, in document order."""
    walked = _walk(plan.sections, "", 1, Marker.NONE)
    return [(p, n) for p, n in walked if isinstance(n, Assignment)]
