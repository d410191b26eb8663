"""Turn classified drafts into model nodes whose computed labels print as the source's."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import attrs

from planforge.model import (
    Assignment,
    Marker,
    Node,
    Paragraph,
    Reporting,
    Role,
    Section,
    Target,
)
from planforge.model.nodes import SECTION_MARKERS
from planforge.model.numbering import label_children
from planforge.reading.tree import Draft

_HEADED = ("section", "assignment")


def assemble(entries: Sequence[Draft]) -> tuple[Node, ...]:
    """The body tree; markers and explicit labels set so that labels read as printed."""
    return _siblings(entries, 1, Marker.NONE)


def source_marker(item: Draft) -> Marker:
    """The marker of the item's printed label (NONE when it has none)."""
    return item.label.marker if item.label is not None else Marker.NONE


def source_label(item: Draft) -> str:
    return item.label.raw if item.label is not None else ""


def _default_marker(item: Draft, depth: int, item_marker: Marker) -> Marker:
    if item.kind in _HEADED:
        return SECTION_MARKERS[min(depth, len(SECTION_MARKERS)) - 1]
    return item_marker


def _siblings(entries: Sequence[Draft], depth: int, item_marker: Marker) -> tuple[Node, ...]:
    nodes: list[Node] = []
    for item in entries:
        default = _default_marker(item, depth, item_marker)
        wanted = source_marker(item)
        node = _node(item, depth, None if wanted is default else wanted, wanted)
        nodes.append(node)
        labelled = label_children(tuple(nodes), depth, item_marker)[-1].label
        if labelled != source_label(item):
            nodes[-1] = attrs.evolve(node, label=source_label(item))
    return tuple(nodes)


def items_marker(children: Sequence[Draft]) -> Marker:
    """The commonest marker of the non-section children (NONE without any)."""
    counts = Counter(source_marker(c) for c in children if c.kind not in _HEADED)
    return counts.most_common(1)[0][0] if counts else Marker.NONE


def _node(item: Draft, depth: int, marker: Marker | None, effective: Marker) -> Node:
    if item.kind in _HEADED:
        inner = items_marker(item.children)
        children = _siblings(item.children, depth + 1, inner)
        if item.kind == "section":
            role = item.data.get("role", Role.GENERAL)
            return Section(
                marker=marker,
                title=item.text,
                role=role,
                text=item.runin,
                item_marker=inner,
                children=children,
            )
        return Assignment(
            marker=marker,
            heading=item.data["heading"],
            text=item.data["text"],
            agencies=tuple(item.data["agencies"]),
            requested=item.data["requested"],
            roles=tuple(item.data["roles"]),
            item_marker=inner,
            children=children,
        )
    nested = Marker.PLUS if effective is Marker.DASH else Marker.DASH
    children = _siblings(item.children, depth + 1, nested)
    if item.kind == "target":
        return Target(
            marker=marker, text=item.text, measures=item.data["measures"], children=children
        )
    if item.kind == "reporting":
        return Reporting(
            marker=marker, text=item.text, deadlines=item.data["deadlines"], children=children
        )
    return Paragraph(marker=marker, text=item.text, children=children)
