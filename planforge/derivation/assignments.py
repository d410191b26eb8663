"""Tổ chức thực hiện: each higher assignment to the unit's counterpart, one item per body."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable

import attrs

from planforge.derivation.classify import classify, split_rules
from planforge.derivation.context import Context
from planforge.derivation.level_below import OWN_DUTIES, without_absent
from planforge.errors import DerivationError
from planforge.i18n import _
from planforge.model import Assignment, Marker, Node, Paragraph, Plan

MERGE = "gộp"
"""The review kind of several higher assignments made one item of the unit's."""

CLASSIFY = "phân loại"
"""The review kind of the decision on one body of the higher plan (whom it stands for)."""

Children = Callable[[Context, tuple[Node, ...], str, int, Marker], tuple[Node, ...]]


def agency_names(plan: Plan) -> list[str]:
    """Every body the plan's assignments name, in order of first mention."""
    names: list[str] = []
    for entry in plan.entries():
        if isinstance(entry.node, Assignment):
            names += [a for a in entry.node.agencies if a not in names]
    return names


def map_all(context: Context, plan: Plan, where: str | None) -> None:
    """Map every body of the plan; a profile that maps none is the wrong profile."""
    names = agency_names(plan)
    noun = context.unit.kind
    rules = split_rules(context.profile)
    for name in names:
        decision = classify(name, rules, context.kind, noun, context.catalogue, context.values)
        if decision is not None:
            context.mapped[name] = decision.mapping
            target = decision.mapping.target or "bỏ"
            change = f"phân loại: {name} → {target} ({decision.reason})"
            context.row(CLASSIFY, name, name, decision.mapping.target or "", change)
    if names and not context.mapped:
        shown = ", ".join(names[:3]) + (" …" if len(names) > 3 else "")
        raise DerivationError(
            _(
                "the profile's agency rules map none of the plan's {count} bodies "
                "({shown}); is it the profile for this plan and level?"
            ).format(count=len(names), shown=shown),
            where,
        )


def derive_assignment(
    context: Context, node: Assignment, path: str, depth: int, children_of: Children
) -> Node | None:
    """The assignment given to the unit's counterparts, or None when it leaves the draft."""
    mappings = [context.mapped.get(a) for a in node.agencies]
    known = [m for m in mappings if m is not None]
    children = children_of(context, node.children, path, depth + 1, node.item_marker)
    if known and all(m.is_self for m in known):
        own = children or (Paragraph(text=context.say(node.text, path)),)
        context.own_duties.extend(own)
        context.row("assignment", path, node.text, "", OWN_DUTIES)
        return None
    if known and all(m.target is None for m in known):
        names = ", ".join(m.source for m in known)
        context.row("assignment", path, node.text, "", f"bỏ: không có cơ quan tương ứng ({names})")
        return None
    agencies = tuple(
        dict.fromkeys(context.rewrite(m.target) for m in known if m.target and not m.is_self)
    )
    unmapped = [a for a, m in zip(node.agencies, mappings, strict=True) if m is None]
    origin = f"{context.number} {path}"
    text = without_absent(context, context.say(node.text, path), path)
    for agency in agencies:
        text = without_self_coordination(text, agency)
    derived = attrs.evolve(
        node,
        text=text,
        agencies=agencies + tuple(unmapped),
        roles=tuple(
            attrs.evolve(r, agency=context.rewrite(r.agency))
            for r in node.roles
            if not _dropped(context, r.agency)
        ),
        children=tuple(_own(c, agencies) for c in children),
        origin=origin,
    )
    context.sources[origin] = tuple(m.source for m in known if m.target) + tuple(unmapped)
    notes = [f"{m.source} → {m.target}" for m in known if m.target and m.target != m.source]
    notes += [f"bỏ {m.source}" for m in known if m.target is None]
    notes += [f"giữ nguyên tên (chưa có quy tắc): {a}" for a in unmapped]
    change = "giao cho: " + "; ".join(notes) if notes else "giữ nguyên"
    context.row("assignment", path, node.text, derived.text, change)
    return derived


def _dropped(context: Context, agency: str) -> bool:
    """Whether the unit's level has no body for ``agency``: its role leaves with it (a
    commune has no Liên đoàn Lao động, whose "phối hợp" the province's item gave it)."""
    mapping = context.mapped.get(agency)
    return mapping is not None and mapping.target is None


def _own(node: Node, agencies: tuple[str, ...]) -> Node:
    if not isinstance(node, Paragraph):
        return node
    text = node.text
    for agency in agencies:
        text = without_self_coordination(text, agency)
    return attrs.evolve(node, text=text) if text != node.text else node


def without_self_coordination(text: str, body: str) -> str:
    """``text`` of ``body``'s own duty without "phối hợp với ``body``" (one cannot coordinate
    with oneself): "Phối hợp với X, các cơ quan …" → "Phối hợp với các cơ quan …";
    "… và phối hợp với X trong …" → "… trong …"; a sentence "Phối hợp với X chỉ đạo …"
    → "Chỉ đạo …"."""
    name = re.escape(body)
    text = re.sub(rf"([Pp]hối hợp(?: với)?) {name}(?:, | và )", r"\1 ", text)
    text = re.sub(rf"(^|\. )[Pp]hối hợp(?: với)? {name} (\w)", lambda m: m[1] + m[2].upper(), text)
    return re.sub(rf",? (?:và )?phối hợp(?: với)? {name}(?= )", "", text)


def _duty(node: Assignment) -> tuple[Node, ...]:
    """An assignment's duties as items under its body's name."""
    if node.children:
        return node.children
    text = node.text
    for agency in node.agencies:
        if text.startswith(agency):
            text = text[len(agency) :].lstrip(" ,")
            break
    return (Paragraph(text=text[:1].upper() + text[1:]),)


def merge_same_body(context: Context, nodes: tuple[Node, ...], path: str) -> tuple[Node, ...]:
    """One numbered item per body: the duties of all the assignments it leads, in order.

    Several higher bodies mapped to one lower body ("Sở Y tế", "Sở Giáo dục và
    Đào tạo" → "Phòng Văn hóa - Xã hội") would otherwise lead several items;
    a duty written twice is kept once.  Each merge is a review row.
    """
    groups: dict[str, list[Assignment]] = {}
    for node in nodes:
        if (key := _single_body(node)) is not None:
            groups.setdefault(key, []).append(node)  # type: ignore[arg-type]
    out: list[Node] = []
    for node in nodes:
        key = _single_body(node)
        group = groups.get(key, []) if key is not None else []
        if len(group) < 2:
            out.append(node)
        elif node is group[0]:
            out.append(_merged(context, group[0].agencies[0], group, path))
    return tuple(out)


def _single_body(node: Node) -> str | None:
    """The one body an assignment gives its duties to ("Đề nghị …" requests stay apart)."""
    if isinstance(node, Assignment) and len(node.agencies) == 1 and not node.requested:
        return node.agencies[0]
    return None


NEAR_DOUBLE = 0.9
"""How alike two duties of one merged body must be (difflib's ratio) to be one duty: two
departments' "… lợi dụng các phương tiện thông tin …" and "… phương tiện truyền thông …"
are one duty of the commune's one office; distinct duties of the bundled plans stay below
0.6."""


def _near(text: str, kept: Iterable[str]) -> str | None:
    """The kept duty ``text`` says again in other words, if any."""
    for other in kept:
        if difflib.SequenceMatcher(None, text, other).ratio() >= NEAR_DOUBLE:
            return other
    return None


def _merged(context: Context, body: str, group: list[Assignment], path: str) -> Assignment:
    duties: dict[str, Node] = {}
    doubles: list[str] = []
    for member in group:
        for duty in _duty(member):
            key = getattr(duty, "text", repr(duty))
            if key not in duties and key and _near(key, duties) is not None:
                doubles.append(key)
                continue
            duties.setdefault(key, duty)
    children = tuple(_own(d, (body,)) for d in duties.values())
    origins = [m.origin or "" for m in group]
    sources = [s for o in origins for s in context.sources.get(o, ())]
    merged = Assignment(
        heading=True,
        text=f"{body}:",
        agencies=(body,),
        item_marker=Marker.DASH,
        children=children,
        origin=origins[0] + "".join(", " + o.split(" ")[-1] for o in origins[1:]),
    )
    shown = ", ".join(dict.fromkeys(sources))
    context.row(
        MERGE,
        ", ".join(o.split(" ")[-1] for o in origins),
        "\n".join(m.text for m in group),
        merged.text,
        f"gộp: {shown} → {body}" + "".join(f"; bỏ nhiệm vụ trùng “{d}”" for d in doubles),
    )
    return merged
