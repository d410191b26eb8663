"""Paths of a plan's targets and assignments ("II.1.a)-1", "V.9"), as the review table prints."""

from __future__ import annotations

from collections.abc import Iterator

from planforge.model import Assignment, Marker, Node, Plan, Section, Target
from planforge.model.numbering import item_path, label_children


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
