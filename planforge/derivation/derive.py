"""derive_plan: the higher plan and one unit of a profile in, the unit's draft plan out."""

from __future__ import annotations

from typing import Any

import attrs

from planforge.derivation.assignments import map_all
from planforge.derivation.context import FLAG, Context
from planforge.derivation.draft_header import draft_header
from planforge.derivation.era import period_over
from planforge.derivation.level_below import with_own_duties
from planforge.derivation.recipients import recipients
from planforge.derivation.review import Review
from planforge.derivation.rewrite import fill, placeholders
from planforge.derivation.rewriters import build_rewriters, level_values
from planforge.derivation.sections import children_of, derive_node, kept
from planforge.derivation.structure import regime, renumber, situation
from planforge.derivation.unit_kind import catalogue_of, draft_date, unit_kind
from planforge.derivation.units import find_unit
from planforge.errors import DerivationError
from planforge.i18n import _
from planforge.loading.profile_file import with_defaults
from planforge.model import (
    DocumentReference,
    Header,
    LegalBasis,
    Marker,
    Paragraph,
    Plan,
    Reporting,
    Section,
)
from planforge.model.profile import Profile, Unit

__all__ = ["citation", "derive_plan", "derive_with_review", "find_unit", "source_reference"]

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
    late = period_over(source.header.subject, day)
    if late is not None:
        shown = f"tháng {day.month:02d}/{day.year}" if day.month else str(day.year)
        context.row(FLAG, "Ngày ban hành", source.header.subject, shown, f"{FLAG}: {late}")
    context.kind = unit_kind(unit, profile, day, context.catalogue)
    if context.kind is None:
        raise DerivationError(
            _(
                "the level catalogue has no kind of unit {kind!r} ({level}) on {date}: "
                "check the unit's kind and the profile's date"
            ).format(kind=unit.kind, level=(unit.level or profile.level).value, date=day),
            profile.location or profile.name,
        )
    values.update(level_values(context))
    map_all(context, source, profile.location or profile.name)
    build_rewriters(context, source)
    context.prepare(source)
    kept_nodes = tuple(n for n in source.sections if kept(profile, n))
    for node in source.sections:
        if node not in kept_nodes and isinstance(node, Section):
            context.row("section", node.title, node.title, "", "bỏ mục (không áp dụng cho cấp này)")
    sections = with_own_duties(context, children_of(context, kept_nodes, "", 1, Marker.NONE))
    closing = tuple(
        derive_node(context, n, f"closing-{i + 1}", 1) for i, n in enumerate(source.closing)
    )
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
        recipients=recipients(context),
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
