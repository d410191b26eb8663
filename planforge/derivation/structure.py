"""The derived plan's own structure: numbering, reporting regime, own-situation placeholder."""

from __future__ import annotations

import re

import attrs

from planforge.derivation.context import FLAG, Context
from planforge.derivation.deadlines import dated, describe
from planforge.derivation.rewrite import fill
from planforge.model import Marker, Node, Reporting, Section
from planforge.model.numbering import label_children

_NUMBERED = {
    Marker.ROMAN: re.compile(r"[IVXLC]+\."),
    Marker.ARABIC: re.compile(r"\d+\."),
    Marker.LETTER: re.compile(r"\w{1,2}\)"),
}
"""Labels that are a marker's count: the parent's own numbering, to be redone."""


def renumber(context: Context, nodes: tuple[Node, ...], depth: int = 1) -> tuple[Node, ...]:
    """The tree with the parent's explicit numbers dropped where items were dropped or added.

    A parent that skips a number ("4." then "6.") would pass its slip on, and
    a dropped or merged item would leave a gap: every numbered label is
    counted again, and each change is a review row ("đánh số lại: 6. → 5.").
    """
    return _renumber(context, nodes, depth, Marker.NONE, "")


def _renumber(
    context: Context, nodes: tuple[Node, ...], depth: int, item_marker: Marker, path: str
) -> tuple[Node, ...]:
    before = label_children(nodes, depth, item_marker)
    cleared = tuple(
        attrs.evolve(e.node, label=None) if _numbered(e.marker, e.node.label) else e.node
        for e in before
    )
    out: list[Node] = []
    for old, new in zip(before, label_children(cleared, depth, item_marker), strict=True):
        if old.label != new.label:
            where = f"{path} {old.label}".strip()
            context.row(
                "section", where, old.label, new.label, f"đánh số lại: {old.label} → {new.label}"
            )
        node = new.node
        inner = node.item_marker if isinstance(node, Section) else Marker.NONE
        inner = getattr(node, "item_marker", inner)
        children = _renumber(
            context, node.children, depth + 1, inner, f"{path} {new.label}".strip()
        )
        out.append(attrs.evolve(node, children=children) if node.children else node)
    return tuple(out)


def _numbered(marker: Marker, label: str | None) -> bool:
    pattern = _NUMBERED.get(marker)
    return label is not None and pattern is not None and pattern.fullmatch(label) is not None


def regime(
    context: Context, sections: tuple[Node, ...], closing: tuple[Node | None, ...]
) -> tuple[Reporting, ...]:
    """The unit's reporting paragraph when the higher plan dates no report: the profile's.

    The dates are the profile's own, never invented here; without them the
    review flags the missing regime for the clerk.
    """
    reports = [n for n in _walk(sections) if isinstance(n, Reporting)]
    reports += [n for n in closing if isinstance(n, Reporting)]
    if dated(reports):
        return ()
    rule = context.profile.reporting
    if rule is None or rule.text is None:
        context.row(
            FLAG,
            "chế độ báo cáo",
            "",
            "",
            f"{FLAG}: kế hoạch cấp trên và hồ sơ không có hạn báo cáo",
        )
        return ()
    values = {**context.values, "dates": describe(rule.deadlines)}
    text = fill(rule.text, values, "reporting.text")
    context.row("section", "chế độ báo cáo", "", text, "thêm chế độ báo cáo theo hồ sơ phân cấp")
    return (Reporting(text=text, deadlines=rule.deadlines),)


def _walk(nodes: tuple[Node, ...]) -> list[Node]:
    out: list[Node] = []
    for node in nodes:
        out += [node, *_walk(node.children)]
    return out


def situation(context: Context) -> tuple[str, ...]:
    """The own-situation placeholder the profile asks for, visibly bracketed for the clerk."""
    template = context.profile.situation
    if template is None:
        return ()
    text = fill(template, context.values, "situation")
    return (text if text.startswith("[") else f"[{text}]",)
