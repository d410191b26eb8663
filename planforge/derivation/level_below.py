"""The unit's own duties and its level below (cấp dưới) in the derived plan.

The higher plan's duties for its lower People's Committees become the unit's
own, in its voice: it directs its own office ("Chỉ đạo Phòng …") where the
higher plan had the lower committees coordinate with a department.  Where the
unit has a level below (the catalogue's ``subordinates``), Tổ chức thực hiện
gets one numbered item for it ("Ủy ban nhân dân các xã, thị trấn: …"; for a
commune "Trưởng thôn, Tổ trưởng tổ dân phố", thôn having no People's Committee).
Courts and procuracies that do not exist below the unit leave the clause that
names them.  Each change is a review row.
"""

from __future__ import annotations

import re

import attrs

from planforge.catalogue.queries import bodies, named, noun_of
from planforge.derivation.context import Context
from planforge.derivation.grammar import grammar
from planforge.derivation.rewrite import fill
from planforge.derivation.subjects import subjects
from planforge.model import Assignment, Marker, Node, Paragraph, Reporting, Role, Section, Target
from planforge.patterns import compile_pattern

OWN = "nhiệm vụ của đơn vị"
"""The review kind of a change to the unit's own duties, or the item for its level below."""

OWN_DUTIES = "thành nhiệm vụ, giải pháp của đơn vị"
"""The review change of a higher assignment to the lower units: the unit's own duties."""


def recipient_values(context: Context) -> dict[str, str]:
    """{party_committee} and {subordinates} for Nơi nhận, from the catalogue ("" unknown)."""
    if context.kind is None:
        return {"party_committee": "", "subordinates": ""}
    noun = noun_of(context.kind, context.unit.kind)
    below = subjects().short(noun.subordinates)
    return {"party_committee": noun.party_committee, "subordinates": below[:1].upper() + below[1:]}


def _own_offices(context: Context) -> list[str]:
    """The unit's own bodies: those its plan gives duties to, and the catalogue's."""
    names = [m.target for m in context.mapped.values() if m.target and not m.is_self]
    if context.kind is not None:
        noun = context.unit.kind
        names += [named(b.name, noun) for b in bodies(context.kind, noun)]
    return sorted(set(names), key=len, reverse=True)


def in_own_voice(context: Context, node: Node, path: str) -> Node:
    """A duty of the unit itself: "Phối hợp Phòng X …" becomes "Chỉ đạo Phòng X …"."""
    if not isinstance(node, Paragraph | Target | Reporting):
        return node
    data = subjects()
    for office in _own_offices(context):
        pattern = data.coordinate + " " + re.escape(office) + r"(?!\w)"
        if re.search(pattern, node.text):
            text = re.sub(pattern, f"{data.direct} {office}", node.text, count=1)
            reason = f"đơn vị chỉ đạo cơ quan của mình ({office}), không “phối hợp” với nó"
            context.row(OWN, path, node.text, text, reason)
            return attrs.evolve(node, text=text)
    return node


def level_below(context: Context, own: list[Node]) -> Assignment | None:
    """The numbered item for the unit's level below, or None (a department, an unknown kind)."""
    if context.kind is None:
        return None
    noun = noun_of(context.kind, context.unit.kind)
    entry = subjects().below_for(context.kind.id, noun.name)
    if entry is None:
        return None
    values = {**context.values, "subordinates": noun.subordinates}
    heading = fill(entry.heading, values, "subjects.below.heading")
    duties: list[Node] = [Paragraph(text=fill(d, values, "subjects.below")) for d in entry.duties]
    if entry.carry:
        duties += [attrs.evolve(d, marker=None) for d in own if isinstance(d, Paragraph)]
    texts = dict.fromkeys(getattr(d, "text", "") for d in duties)
    children = tuple(Paragraph(text=t) for t in texts if t)
    reason = f"giao nhiệm vụ cho cấp dưới của đơn vị ({noun.subordinates})"
    context.row(OWN, heading, "", heading, reason)
    # Its duties come from the higher plan's assignment to the lower units: that is its origin.
    paths = [r.path for r in context.rows if r.kind == "assignment" and r.change == OWN_DUTIES]
    return Assignment(
        origin=f"{context.number} {paths[0]}" if paths else None,
        heading=True,
        text=f"{heading}:",
        agencies=(heading,),
        item_marker=Marker.DASH,
        children=children,
    )


def without_absent(context: Context, text: str, path: str) -> str:
    """``text`` without the clause that names bodies absent below the unit.

    "Đề nghị Viện Kiểm sát nhân dân huyện, Tòa án nhân dân huyện chỉ đạo, hướng dẫn
    Viện Kiểm sát, Tòa án nhân dân các xã, phường, thị trấn nâng cao …" keeps the
    district's own court and procuracy, and drops "chỉ đạo, hướng dẫn … thị trấn".
    """
    if context.kind is None:
        return text
    kinds = "|".join(re.escape(k) for k in grammar().kinds)
    rest = rf"(?:,? (?:và )?(?:{kinds})(?!\w))*"
    for absent in context.kind.absent:
        pattern = compile_pattern(
            subjects().directing + " (?:" + absent.pattern + ")" + rest + ",? "
        )
        match = pattern.search(text, timeout=1.0)
        if match is None:
            continue
        trimmed = text[: match.start()] + text[match.end() :]
        context.row(OWN, path, text, trimmed, f"bỏ “{match.group(0).strip()}”: {absent.note}")
        text = trimmed
    return text


def with_own_duties(context: Context, sections: tuple[Node, ...]) -> tuple[Node, ...]:
    """Append the duties the higher plan gave to units like this one to its measures, in
    the unit's voice, and give the level below its item in Tổ chức thực hiện."""
    below = level_below(context, context.own_duties)
    if below is not None:
        sections = _with_item_below(sections, below)
    if not context.own_duties:
        return sections
    duties = tuple(
        _as_item(in_own_voice(context, d, "nhiệm vụ của đơn vị")) for d in context.own_duties
    )
    for index, node in enumerate(sections):
        if isinstance(node, Section) and node.role is Role.MEASURES:
            merged = attrs.evolve(node, children=node.children + duties)
            return (*sections[:index], merged, *sections[index + 1 :])
    heading = Section(
        title="Nhiệm vụ của " + context.unit.name,
        role=Role.MEASURES,
        item_marker=Marker.DASH,
        children=duties,
    )
    return (*sections[:-1], heading, *sections[-1:]) if sections else (heading,)


def _with_item_below(sections: tuple[Node, ...], item: Assignment) -> tuple[Node, ...]:
    """Tổ chức thực hiện with the level below's item before the "Đề nghị …" requests."""
    for index, node in enumerate(sections):
        if isinstance(node, Section) and node.role is Role.IMPLEMENTATION:
            children = node.children
            at = next(
                (i for i, c in enumerate(children) if isinstance(c, Assignment) and c.requested),
                len(children),
            )
            evolved = attrs.evolve(node, children=(*children[:at], item, *children[at:]))
            return (*sections[:index], evolved, *sections[index + 1 :])
    return sections


def _as_item(node: Node) -> Node:
    if isinstance(node, Paragraph | Target | Reporting) and node.marker is None:
        return attrs.evolve(node, marker=Marker.ARABIC)
    return node
