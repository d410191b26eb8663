"""derive_plan: the higher plan and one unit of a profile in, the unit's draft plan out."""

from __future__ import annotations

from typing import Any

import attrs

from planforge.derivation.deadlines import move_reporting
from planforge.derivation.review import Review, ReviewRow
from planforge.derivation.rewrite import (
    AgencyMapping,
    Rewriter,
    build_rewriter,
    fill,
    map_agency,
    placeholders,
)
from planforge.derivation.targets import tighten
from planforge.errors import DerivationError
from planforge.i18n import _
from planforge.loading.profile_file import with_defaults
from planforge.model import (
    Agency,
    Assignment,
    DocumentNumber,
    DocumentReference,
    Header,
    IssueDate,
    LegalBasis,
    Marker,
    Node,
    Paragraph,
    Plan,
    Recipient,
    Recipients,
    Reporting,
    Role,
    Section,
    Target,
)
from planforge.model.numbering import item_path, label_children
from planforge.model.profile import Profile, TargetOverride, Unit
from planforge.text.slug import slugify

DEFAULT_OPENING = (
    "Thực hiện {citation}, {unit} ban hành Kế hoạch triển khai thực hiện trên địa bàn "
    "{unit_short} như sau:"
)


def citation(plan: Plan) -> str:
    """ "Kế hoạch số 7851/KH-UBND ngày 04/11/2021 của Ủy ban nhân dân tỉnh Lâm Đồng về …"."""
    header = plan.header
    subject = header.subject[:1].lower() + header.subject[1:]
    reference = source_reference(plan)
    return f"{reference.citation} về {subject}"


def source_reference(plan: Plan) -> DocumentReference:
    """The higher plan as a cited document."""
    header = plan.header
    return DocumentReference(
        header.document_type,
        header.issuing_agency.name,
        header.number.file_form if header.number.serial else None,
        header.date,
        None,
    )


def _closest(name: str, profile: Profile) -> str | None:
    import difflib

    names = {slugify(u.short_name): u.short_name for u in profile.units}
    names.update({slugify(u.place): u.short_name for u in profile.units})
    close = difflib.get_close_matches(slugify(name), list(names), n=1, cutoff=0.5)
    return names[close[0]] if close else None


def find_unit(profile: Profile, name: str, where: str | None = None) -> Unit:
    """The unit called ``name``: full or short name or place, with or without diacritics.

    An unknown name is an error suggesting the closest unit; ``where`` names
    the profile file in that message.
    """
    wanted = slugify(name)
    for unit in profile.units:
        if wanted in (slugify(unit.name), slugify(unit.short_name), slugify(unit.place), unit.slug):
            return unit
    close = _closest(name, profile)
    names = ", ".join(u.short_name for u in profile.units)
    where = where or profile.location or profile.name
    if close:
        message = _("no unit named {name!r} in the profile; did you mean {close!r}?")
    else:
        message = _("no unit named {name!r} in the profile; the units are: {names}")
    raise DerivationError(message.format(name=name, close=close, names=names), where)


@attrs.define
class _Context:
    """The state of one derivation: rules, values, review rows being collected."""

    profile: Profile
    unit: Unit
    values: dict[str, str]
    agency_rules: tuple[Any, ...]
    overrides: dict[str, TargetOverride]
    number: str
    rows: list[ReviewRow] = attrs.field(factory=list)
    mapped: dict[str, AgencyMapping] = attrs.field(factory=dict)
    own_duties: list[Node] = attrs.field(factory=list)
    used: set[str] = attrs.field(factory=set)
    rewrite: Rewriter = attrs.field(default=Rewriter(()))

    def row(self, kind: str, path: str, source: str, derived: str, change: str) -> None:
        self.rows.append(
            ReviewRow(kind=kind, path=path, source_text=source, derived_text=derived, change=change)
        )


def _agency_names(plan: Plan) -> list[str]:
    names: list[str] = []
    for entry in plan.entries():
        if isinstance(entry.node, Assignment):
            names += [a for a in entry.node.agencies if a not in names]
    return names


def _map_all(context: _Context, plan: Plan, where: str | None) -> None:
    names = _agency_names(plan)
    for name in names:
        mapping = map_agency(name, context.agency_rules, context.values)
        if mapping is not None:
            context.mapped[name] = mapping
    if names and not context.mapped:
        shown = ", ".join(names[:3]) + (" …" if len(names) > 3 else "")
        raise DerivationError(
            _(
                "the profile's agency rules map none of the plan's {count} bodies "
                "({shown}); is it the profile for this plan and level?"
            ).format(count=len(names), shown=shown),
            where,
        )


def _text_map(context: _Context) -> dict[str, str]:
    return {m.source: m.target for m in context.mapped.values() if m.target is not None}


def _children(
    context: _Context, nodes: tuple[Node, ...], parent: str, depth: int, item_marker: Marker
) -> tuple[Node, ...]:
    out: list[Node] = []
    positions: dict[Marker, int] = {}
    for entry in label_children(nodes, depth, item_marker):
        positions[entry.marker] = positions.get(entry.marker, 0) + 1
        path = item_path(parent, entry.label, entry.marker, positions[entry.marker])
        derived = _node(context, entry.node, path, depth)
        if derived is not None:
            out.append(derived)
    return tuple(out)


def _node(context: _Context, node: Node, path: str, depth: int) -> Node | None:
    if isinstance(node, Target):
        return _target(context, node, path)
    if isinstance(node, Assignment):
        return _assignment(context, node, path, depth)
    inner = node.item_marker if isinstance(node, Section) else Marker.NONE
    children = _children(context, node.children, path, depth + 1, inner)
    if isinstance(node, Section):
        return attrs.evolve(
            node,
            title=context.rewrite(node.title),
            text=context.rewrite(node.text),
            children=children,
        )
    if isinstance(node, Reporting):
        moved, _ = move_reporting(node, context.profile.report_days_earlier or 0)
        return attrs.evolve(moved, text=context.rewrite(moved.text), children=children)
    return attrs.evolve(node, text=context.rewrite(node.text), children=children)


def _target(context: _Context, node: Target, path: str) -> Target:
    origin = f"{context.number} {path}"
    derived = attrs.evolve(node, text=context.rewrite(node.text), origin=origin)
    change = "điều chỉnh phạm vi" if derived.text != node.text else "giữ nguyên"
    override = context.overrides.get(path) or next(
        (o for key, o in context.overrides.items() if node.text.startswith(key)), None
    )
    if override is not None:
        context.used.add(override.target)
        derived, change = tighten(derived, override)
    context.row("target", path, node.text, derived.text, change)
    return derived


def _assignment(context: _Context, node: Assignment, path: str, depth: int) -> Node | None:
    mappings = [context.mapped.get(a) for a in node.agencies]
    known = [m for m in mappings if m is not None]
    children = _children(context, node.children, path, depth + 1, node.item_marker)
    if known and all(m.is_self for m in known):
        context.own_duties.extend(children or (Paragraph(text=context.rewrite(node.text)),))
        context.row("assignment", path, node.text, "", "thành nhiệm vụ, giải pháp của đơn vị")
        return None
    if known and all(m.target is None for m in known):
        names = ", ".join(m.source for m in known)
        context.row("assignment", path, node.text, "", f"bỏ: không có cơ quan tương ứng ({names})")
        return None
    agencies = tuple(
        dict.fromkeys(context.rewrite(m.target) for m in known if m.target and not m.is_self)
    )
    unmapped = [a for a, m in zip(node.agencies, mappings, strict=True) if m is None]
    derived = attrs.evolve(
        node,
        text=context.rewrite(node.text),
        agencies=agencies + tuple(unmapped),
        roles=tuple(attrs.evolve(r, agency=context.rewrite(r.agency)) for r in node.roles),
        children=children,
        origin=f"{context.number} {path}",
    )
    notes = [f"{m.source} → {m.target}" for m in known if m.target and m.target != m.source]
    notes += [f"bỏ {m.source}" for m in known if m.target is None]
    notes += [f"giữ nguyên tên (chưa có quy tắc): {a}" for a in unmapped]
    change = "giao cho: " + "; ".join(notes) if notes else "giữ nguyên"
    context.row("assignment", path, node.text, derived.text, change)
    return derived


def _keep(profile: Profile, node: Node) -> bool:
    return not profile.keep or not isinstance(node, Section) or node.role in profile.keep


def _with_own_duties(context: _Context, sections: tuple[Node, ...]) -> tuple[Node, ...]:
    """Append the duties the higher plan gave to units like this one to its measures."""
    if not context.own_duties:
        return sections
    duties = tuple(_as_item(d) for d in context.own_duties)
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


def _as_item(node: Node) -> Node:
    if isinstance(node, Paragraph | Target | Reporting) and node.marker is None:
        return attrs.evolve(node, marker=Marker.ARABIC)
    return node


def _recipients(context: _Context, source: Plan) -> Recipients:
    values = context.values
    entries = [
        Recipient.parse(fill(r.line, values, "recipients")) for r in context.profile.recipients
    ]
    bodies = [
        context.rewrite(m.target) for m in context.mapped.values() if m.target and not m.is_self
    ]
    entries += [Recipient(name[:1].upper() + name[1:]) for name in dict.fromkeys(bodies)]
    entries += list(context.unit.recipients)
    return Recipients(tuple(dict.fromkeys(entries)), context.unit.archive)


def _header(context: _Context, source: Plan) -> Header:
    unit = context.unit
    date = context.profile.date or IssueDate(source.header.date.year, source.header.date.month)
    return Header(
        document_type=source.header.document_type,
        parent_agency=unit.parent,
        issuing_agency=Agency(
            unit.name,
            unit.abbreviation,
            unit.level or context.profile.level,
            unit.place,
            unit.header_lines,
        ),
        number=DocumentNumber(None, unit.abbreviation, type_code=source.header.number.type_code),
        place=unit.place,
        date=date,
        subject=context.rewrite(source.header.subject),
    )


def derive_with_review(
    source: Plan, unit: Unit | str, profile: Profile, **overrides: Any
) -> tuple[Plan, Review]:
    """The unit's draft plan and the review of every source target and assignment."""
    profile = with_defaults(profile)  # a Profile built in Python honours its extends
    if isinstance(unit, str):
        unit = find_unit(profile, unit)
    values = placeholders(profile, unit, source.header.issuing_agency.name, citation(source))
    context = _Context(
        profile=profile,
        unit=unit,
        values=values,
        agency_rules=profile.agencies,
        overrides={o.target: o for o in unit.targets},
        number=source.header.number.file_form,
    )
    _map_all(context, source, profile.location or profile.name)
    dropped = [m.source for m in context.mapped.values() if m.target is None]
    context.rewrite = build_rewriter(_text_map(context), profile.phrases, values, dropped)
    kept = tuple(n for n in source.sections if _keep(profile, n))
    for node in source.sections:
        if node not in kept and isinstance(node, Section):
            context.row("section", node.title, node.title, "", "bỏ mục (không áp dụng cho cấp này)")
    sections = _with_own_duties(context, _children(context, kept, "", 1, Marker.NONE))
    closing = tuple(_node(context, n, f"closing-{i + 1}", 1) for i, n in enumerate(source.closing))
    _unused(context)
    opening = fill(profile.opening or DEFAULT_OPENING, values, "opening")
    plan = Plan(
        header=_header(context, source),
        legal_basis=LegalBasis(
            (source_reference(source), *source.legal_basis.references), (opening,)
        ),
        sections=sections,
        closing=tuple(n for n in closing if isinstance(n, Paragraph | Reporting)),
        recipients=_recipients(context, source),
        signature=unit.signature,
    )
    if overrides:
        plan = _apply(plan, overrides)
    review = Review(unit=unit.name, source=source.header.number.file_form, rows=tuple(context.rows))
    review = review.linted(plan, unit, profile)
    return plan, review


def _unused(context: _Context) -> None:
    for override in context.unit.targets:
        if override.target not in context.used:
            raise DerivationError(
                _(
                    "no target of the higher plan matches {target!r}; give its path "
                    "(e.g. II.1.a)-1, as in the review table) or the first words of its sentence"
                ).format(target=override.target),
                override.location,
            )


def _apply(plan: Plan, overrides: dict[str, Any]) -> Plan:
    header_fields = {f.name for f in attrs.fields(Header)}
    header_changes = {k: v for k, v in overrides.items() if k in header_fields}
    plan_changes = {k: v for k, v in overrides.items() if k not in header_fields}
    if header_changes:
        plan = attrs.evolve(plan, header=attrs.evolve(plan.header, **header_changes))
    return attrs.evolve(plan, **plan_changes) if plan_changes else plan


def derive_plan(source: Plan, unit: Unit | str, profile: Profile, **overrides: Any) -> Plan:
    """The unit's draft plan implementing ``source``; ``source`` is never changed.

    Keyword ``overrides`` replace fields of the result's header (``date``,
    ``subject`` …) or of the plan itself (``signature`` …).
    """
    return derive_with_review(source, unit, profile, **overrides)[0]
