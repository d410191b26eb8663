"""Every entry of a body tree with its path (vị trí mục), as review tables name it.

The derivation lint, the review and ``check --parent`` all speak of an item by
its path ("V.11-2"); they walk the tree here, so that their paths agree.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from planforge.model.nodes import Assignment, Marker, Node, Role, Section
from planforge.model.numbering import item_path, label_children


@attrs.frozen
class Placed:
    """A node, its path ("V.11-2"), the agencies of the assignment it belongs to (its own
    for an assignment), and whether it stands under "Tổ chức thực hiện"."""

    path: str
    node: Node
    agencies: tuple[str, ...] = ()
    implementation: bool = False


def placed_nodes(
    nodes: tuple[Node, ...],
    parent: str = "",
    depth: int = 1,
    marker: Marker = Marker.NONE,
    agencies: tuple[str, ...] = (),
    implementation: bool = False,
) -> Iterator[Placed]:
    """Every node under ``nodes`` in document order, placed.

    Items under a section or an assignment take its item marker; items under any
    other item are "-" items (their paths count them: "II.1.a)-1-2").
    """
    positions: dict[Marker, int] = {}
    for entry in label_children(nodes, depth, marker):
        positions[entry.marker] = positions.get(entry.marker, 0) + 1
        path = item_path(parent, entry.label, entry.marker, positions[entry.marker])
        node = entry.node
        inside = implementation or (isinstance(node, Section) and node.role is Role.IMPLEMENTATION)
        own = node.agencies if isinstance(node, Assignment) else agencies
        yield Placed(path, node, own, inside)
        inner = node.item_marker if isinstance(node, Section | Assignment) else Marker.DASH
        yield from placed_nodes(node.children, path, depth + 1, inner, own, inside)
