"""The higher plan's sections, item by item, in the unit's terms (nội dung của dự thảo).

Each node is rewritten by the derivation's :class:`~.context.Context`: texts
re-scoped, targets tightened or restated for the unit, assignments given to
the unit's bodies (:mod:`.assignments`), reporting dates moved earlier. A
duty the unit's level lacks whole leaves the draft; a section the unit's kind
writes in its own words (a department's budget) is replaced from
``subjects.yaml``. Every change is a review row.
"""

from __future__ import annotations

import attrs

from planforge.derivation.absent import without_absent
from planforge.derivation.assignments import derive_assignment, merge_same_body
from planforge.derivation.context import FLAG, Context
from planforge.derivation.deadlines import move_reporting
from planforge.derivation.rewrite import fill
from planforge.derivation.subjects import OwnBudget, subjects
from planforge.derivation.target_scale import apportion, restate, reworded
from planforge.derivation.targets import tighten
from planforge.model import Assignment, Marker, Node, Paragraph, Reporting, Role, Section, Target
from planforge.model.numbering import item_path, label_children, walk
from planforge.model.profile import Profile


def children_of(
    context: Context, nodes: tuple[Node, ...], parent: str, depth: int, item_marker: Marker
) -> tuple[Node, ...]:
    """``nodes`` (children of the item at ``parent``) derived; those that leave are left out."""
    out: list[Node] = []
    positions: dict[Marker, int] = {}
    for entry in label_children(nodes, depth, item_marker):
        positions[entry.marker] = positions.get(entry.marker, 0) + 1
        path = item_path(parent, entry.label, entry.marker, positions[entry.marker])
        derived = derive_node(context, entry.node, path, depth)
        if derived is not None:
            out.append(derived)
    return tuple(out)


def derive_node(context: Context, node: Node, path: str, depth: int) -> Node | None:
    """``node`` at ``path`` in the unit's terms; None when it leaves the draft."""
    if isinstance(node, Target):
        return _target(context, node, path)
    if isinstance(node, Assignment):
        return derive_assignment(context, node, path, depth, children_of)
    if isinstance(node, Section) and node.role is Role.BUDGET and context.kind is not None:
        own = subjects().budget_for(context.kind.id)
        if own is not None:
            return _own_budget(context, node, path, own)
    inner = node.item_marker if isinstance(node, Section) else Marker.NONE
    children = children_of(context, node.children, path, depth + 1, inner)
    if isinstance(node, Section):
        if node.role is Role.IMPLEMENTATION:
            children = merge_same_body(context, children, path)
        return attrs.evolve(
            node,
            title=context.say(node.title, path),
            text=context.say(node.text, path),
            children=children,
        )
    if isinstance(node, Reporting):
        moved, _ = move_reporting(node, context.profile.report_days_earlier or 0)
        # whom the unit reports to, as its rewritten sentence says ("báo cáo UBND xã")
        deadlines = tuple(
            attrs.evolve(d, recipient=context.rewrite(d.recipient)) if d.recipient else d
            for d in moved.deadlines
        )
        text = context.say(moved.text, path)
        return attrs.evolve(moved, text=text, deadlines=deadlines, children=children)
    text = context.say(node.text, path)
    if node.text and not text and not children:
        return None  # a duty the unit's level lacks, dropped whole (the review says why)
    return attrs.evolve(node, text=text, children=children)


def _own_budget(context: Context, node: Section, path: str, own: OwnBudget) -> Section:
    """The budget section in the unit's own words, the higher plan's listed in the review."""
    texts = [fill(t, context.values, "subjects.budget") for t in own.paragraphs]
    higher = "\n".join(e.node.text for e in walk((node,)) if e.node.text)
    context.row("section", path, higher, "\n".join(texts), f"thay nội dung kinh phí: {own.reason}")
    return attrs.evolve(
        node,
        title=context.say(node.title, path),
        text="",
        children=(
            Paragraph(text=texts[0], marker=Marker.NONE),
            *(Paragraph(text=t) for t in texts[1:]),
        ),
    )


def _target(context: Context, node: Target, path: str) -> Target | None:
    origin = f"{context.number} {path}"
    derived = attrs.evolve(node, text=context.say(node.text, path), origin=origin)
    notes = ["điều chỉnh phạm vi"] if derived.text != node.text else []
    override = context.overrides.get(path) or next(
        (o for key, o in context.overrides.items() if node.text.startswith(key)), None
    )
    if override is not None:
        context.used.add(override.target)
        if override.not_applicable is not None:
            reason = f"không áp dụng: {override.not_applicable}"
            context.row("target", path, node.text, "", reason)
            return None
        if override.value is not None or override.year is not None:
            derived, change = tighten(derived, override)
            notes = [change]
    present, lacked = without_absent(derived, context.unit.absent)
    if present is None:
        context.row("target", path, node.text, "", f"không áp dụng: {'; '.join(lacked)}")
        return None
    derived = present
    if lacked:  # one note: "không áp dụng phần: xã không có …; xã không có …"
        notes.append(f"không áp dụng phần: {'; '.join(lacked)}")
    scaled = context.target_at_scale(node, derived, path)
    if scaled is None:
        return None
    rules = tuple(
        attrs.evolve(r, target=fill(r.target, context.values, "restatements"))
        for r in context.profile.restatements
    )
    derived, restated = restate(scaled, rules, {c.kind: c.number for c in context.unit.counts})
    derived = reworded(derived, context.rewrite)
    notes += restated
    share = override.share if override is not None and override.share else None
    if share is None and path in context.profile.apportion:
        share = context.unit.share
    if share is not None:
        derived, shared = apportion(derived, share)
        notes += [f"phân bổ: {n}" for n in shared]
    elif path in context.profile.apportion:
        context.row(FLAG, path, node.text, derived.text, f"{FLAG}: đơn vị chưa có tỷ lệ phân bổ")
    context.row("target", path, node.text, derived.text, "; ".join(notes) or "giữ nguyên")
    return derived


def kept(profile: Profile, node: Node) -> bool:
    """Whether the profile keeps ``node`` (its ``keep`` roles; all sections without one)."""
    return not profile.keep or not isinstance(node, Section) or node.role in profile.keep
