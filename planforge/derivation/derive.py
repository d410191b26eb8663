"""derive_plan: the higher plan and one unit of a profile in, the unit's draft plan out."""

from __future__ import annotations

import functools
import re
from typing import Any

import attrs

from planforge.derivation.absent import without_absent
from planforge.derivation.assignments import (
    agency_names,
    derive_assignment,
    map_all,
    merge_same_body,
)
from planforge.derivation.context import FLAG, Context
from planforge.derivation.deadlines import move_reporting
from planforge.derivation.draft_header import draft_header
from planforge.derivation.enumerations import rewrite_enumerations
from planforge.derivation.grammar import grammar
from planforge.derivation.level_below import recipient_values, with_own_duties
from planforge.derivation.review import Review
from planforge.derivation.rewrite import (
    Enumerations,
    build_rewriter,
    fill,
    map_agency,
    placeholders,
)
from planforge.derivation.structure import regime, renumber, situation
from planforge.derivation.target_scale import apportion, restate
from planforge.derivation.targets import tighten
from planforge.derivation.unit_kind import catalogue_of, draft_date, unit_kind
from planforge.errors import DerivationError
from planforge.i18n import _
from planforge.loading.profile_file import with_defaults
from planforge.model import (
    Assignment,
    DocumentReference,
    Header,
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
from planforge.model.profile import Profile, Unit
from planforge.text.names import closest_names
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
    places = {u.place: u.short_name for u in profile.units}
    close = closest_names(name, [*(u.short_name for u in profile.units), *places])
    return places.get(close[0], close[0]) if close else None


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


def _enumerations(context: Context, source: Plan) -> Enumerations:
    """Rewrites "Ủy ban nhân dân các huyện, thành phố Đà Lạt và Bảo Lộc" as one phrase."""
    known = frozenset(agency_names(source))

    def target_of(body: str) -> str | None:
        mapping = context.mapped.get(body) or map_agency(body, context.agency_rules, context.values)
        return mapping.target if mapping is not None else None

    return functools.partial(
        rewrite_enumerations, grammar=grammar(), known=known, target_of=target_of
    )


def _text_map(context: Context) -> dict[str, str]:
    return {m.source: m.target for m in context.mapped.values() if m.target is not None}


def _children(
    context: Context, nodes: tuple[Node, ...], parent: str, depth: int, item_marker: Marker
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


def _node(context: Context, node: Node, path: str, depth: int) -> Node | None:
    if isinstance(node, Target):
        return _target(context, node, path)
    if isinstance(node, Assignment):
        return derive_assignment(context, node, path, depth, _children)
    inner = node.item_marker if isinstance(node, Section) else Marker.NONE
    children = _children(context, node.children, path, depth + 1, inner)
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
        return attrs.evolve(moved, text=context.say(moved.text, path), children=children)
    return attrs.evolve(node, text=context.say(node.text, path), children=children)


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
    notes += [f"không áp dụng phần: {reason}" for reason in lacked]
    scaled = context.target_at_scale(node, derived, path)
    if scaled is None:
        return None
    derived, restated = restate(
        scaled, context.profile.restatements, {c.kind: c.number for c in context.unit.counts}
    )
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


def _keep(profile: Profile, node: Node) -> bool:
    return not profile.keep or not isinstance(node, Section) or node.role in profile.keep


def _recipients(context: Context, source: Plan) -> Recipients:
    """Nơi nhận: the profile's lines (the Party committee and the level below from the
    catalogue), the bodies given duties, the unit's own."""
    values = {**context.values, **recipient_values(context)}
    entries = [
        Recipient.parse(fill(r.line, values, "recipients"))
        for r in context.profile.recipients
        if not _blank_line(r.line, values)
    ]
    bodies = [
        context.rewrite(m.target) for m in context.mapped.values() if m.target and not m.is_self
    ]
    entries += [Recipient(name[:1].upper() + name[1:]) for name in dict.fromkeys(bodies)]
    entries += list(context.unit.recipients)
    return Recipients(tuple(dict.fromkeys(entries)), context.unit.archive)


def _blank_line(line: str, values: dict[str, str]) -> bool:
    """A line made only of catalogue values the unit lacks (no level below: a department)."""
    names = re.findall(r"\{(\w+)\}", line)
    return bool(names) and all(n in values and not values[n] for n in names)


def derive_with_review(
    source: Plan, unit: Unit | str, profile: Profile, **overrides: Any
) -> tuple[Plan, Review]:
    """The unit's draft plan and the review of every source target and assignment."""
    profile = with_defaults(profile)  # a Profile built in Python honours its extends
    if isinstance(unit, str):
        unit = find_unit(profile, unit)
    values = placeholders(profile, unit, source.header.issuing_agency.name, citation(source))
    context = Context(
        profile=profile,
        unit=unit,
        values=values,
        agency_rules=profile.agencies,
        overrides={o.target: o for o in (*profile.targets, *unit.targets)},
        number=source.header.number.file_form,
    )
    context.catalogue = catalogue_of(profile)
    day = draft_date(source.header.date, profile)
    context.kind = unit_kind(unit, profile, day, context.catalogue)
    if context.kind is None:
        raise DerivationError(
            _(
                "the level catalogue has no kind of unit {kind!r} ({level}) on {date}: "
                "check the unit's kind and the profile's date"
            ).format(kind=unit.kind, level=(unit.level or profile.level).value, date=day),
            profile.location or profile.name,
        )
    map_all(context, source, profile.location or profile.name)
    dropped = [m.source for m in context.mapped.values() if m.target is None]
    context.rewrite = build_rewriter(
        _text_map(context), profile.phrases, values, dropped, _enumerations(context, source)
    )
    context.prepare(source)
    kept = tuple(n for n in source.sections if _keep(profile, n))
    for node in source.sections:
        if node not in kept and isinstance(node, Section):
            context.row("section", node.title, node.title, "", "bỏ mục (không áp dụng cho cấp này)")
    sections = with_own_duties(context, _children(context, kept, "", 1, Marker.NONE))
    closing = tuple(_node(context, n, f"closing-{i + 1}", 1) for i, n in enumerate(source.closing))
    closing += regime(context, sections, closing)
    sections = renumber(context, sections)
    _unused(context)
    opening = fill(profile.opening or DEFAULT_OPENING, values, "opening")
    plan = Plan(
        header=draft_header(context, source),
        legal_basis=LegalBasis(
            (source_reference(source), *source.legal_basis.references),
            (opening, *situation(context)),
        ),
        sections=sections,
        closing=tuple(n for n in closing if isinstance(n, Paragraph | Reporting)),
        recipients=_recipients(context, source),
        signature=unit.signature,
    )
    if overrides:
        plan = _apply(plan, overrides)
    review = Review(
        unit=unit.name,
        source=source.header.number.file_form,
        rows=tuple(context.rows),
        predecessors=unit.predecessors,
    )
    review = review.linted(plan, unit, profile)
    return plan, review


def _unused(context: Context) -> None:
    for override in (*context.profile.targets, *context.unit.targets):
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
