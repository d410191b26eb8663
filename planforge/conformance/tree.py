"""Every entry of a plan's body with its path, as the review table and results files name it."""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from planforge.model import Assignment, Marker, Node, Plan, Reporting, Role, Section
from planforge.model.numbering import item_path, label_children


@attrs.frozen
class Located:
    """A node, its path ("V.11-2"), the agencies of the assignment it belongs to, and
    whether it stands under "Tổ chức thực hiện"."""

    path: str
    node: Node
    agencies: tuple[str, ...] = ()
    implementation: bool = False


def located(plan: Plan) -> list[Located]:
    """The body's entries in document order, then the closing paragraphs ("Đoạn kết 1" …)."""
    found = list(_walk(plan.sections, "", 1, Marker.NONE, (), False))
    found += [Located(f"Đoạn kết {i + 1}", node) for i, node in enumerate(plan.closing)]
    return found


def _walk(
    nodes: tuple[Node, ...],
    parent: str,
    depth: int,
    marker: Marker,
    agencies: tuple[str, ...],
    implementation: bool,
) -> Iterator[Located]:
    positions: dict[Marker, int] = {}
    for entry in label_children(nodes, depth, marker):
        positions[entry.marker] = positions.get(entry.marker, 0) + 1
        path = item_path(parent, entry.label, entry.marker, positions[entry.marker])
        node = entry.node
        inside = implementation or (isinstance(node, Section) and node.role is Role.IMPLEMENTATION)
        own = node.agencies if isinstance(node, Assignment) else agencies
        yield Located(path, node, own, inside)
        # the same markers as the derivation lint's walk, so that paths agree with it
        inner = node.item_marker if isinstance(node, Section | Assignment) else Marker.DASH
        yield from _walk(node.children, path, depth + 1, inner, own, inside)


def reportings(plan: Plan) -> list[Located]:
    """The reporting sentences (chế độ báo cáo) of the body and the closing."""
    return [item for item in located(plan) if isinstance(item.node, Reporting)]
