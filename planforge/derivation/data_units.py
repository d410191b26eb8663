"""A province's communes from data as the units of a derivation (đơn vị từ dữ liệu).

``planforge derive PLAN --units all`` needs no list of units typed into a profile:
each unit's name, kind, place, header lines and file name come from the data
(:mod:`planforge.units`), its signer and facts from the province's unit facts sheet,
and the rules from the bundled ``commune`` defaults, or from a profile given with it
(its own units then only add to the data's units of the same name).
"""

from __future__ import annotations

import datetime

import attrs

from planforge.model import AuthorityLine, IssueDate, Level, Signature
from planforge.model.profile import Count, Profile, Unit
from planforge.model.unit_facts import UnitValue
from planforge.units.data import AdministrativeUnit, Province
from planforge.units.facts import UnitFacts
from planforge.units.lookup import REFORM

MISSING_SIGNER = "[họ tên]"
"""The signer's name a draft prints when the facts sheet gives none: the lint flags it."""
DEFAULT_TITLE = ("Chủ tịch", ("TM. ỦY BAN NHÂN DÂN",))
"""The signer's title when the sheet gives none: the chairman signs for the committee."""
DEFAULTS = "commune"
"""The bundled default rules a province's communes are derived with."""


def data_unit(unit: AdministrativeUnit, facts: UnitFacts | None = None) -> Unit:
    """The derivation unit of a commune, ward or special zone, with its facts if any."""
    facts = facts or UnitFacts(unit.code)
    title, authority = (facts.title, facts.authority) if facts.title else DEFAULT_TITLE
    return Unit(
        name=f"Ủy ban nhân dân {unit.name}",
        short_name=unit.name,
        kind=unit.kind,
        place=place_of(unit),
        level=Level.COMMUNE,
        signature=Signature(
            title=title,
            name=facts.signer or MISSING_SIGNER,
            authority=tuple(AuthorityLine.parse(line) for line in authority),
        ),
        slug=unit.slug,
        code=unit.code,
        counts=tuple(Count(kind=kind, number=number) for kind, number in facts.counts),
        absent=facts.absent,
        values=tuple(UnitValue(name=n, value=v) for n, v in facts.values),
        predecessors=facts.predecessors or unit.predecessors,
    )


def place_of(unit: AdministrativeUnit) -> str:
    """The date line's place name (địa danh): the unit's name without its kind ("Lạc
    Dương"), but the whole name where the name is a number ("Phường 1 Bảo Lộc"): Nghị định
    30/2020/NĐ-CP, Phụ lục I, writes a unit named by a number with its kind."""
    if unit.short_name[:1].isdigit():
        return unit.name[:1].upper() + unit.name[1:]
    return unit.short_name


def draft_day(source: IssueDate, today: datetime.date | None = None) -> IssueDate | None:
    """The date of data units' drafts: a plan of the three-level era is implemented by
    2025 units now (this month); a later plan's month stays (None), and so does the month
    of an imported plan that prints no date (nothing to say its era by)."""
    if source.year is None:
        return None
    if datetime.date(source.year, source.month or 12, source.day or 28) >= REFORM:
        return None
    today = max(today or datetime.date.today(), REFORM)
    return IssueDate(today.year, today.month)


def data_profile(
    province: Province,
    units: tuple[AdministrativeUnit, ...],
    source_date: IssueDate,
    facts: dict[str, UnitFacts] | None = None,
    profile: Profile | None = None,
    today: datetime.date | None = None,
) -> Profile:
    """The profile deriving a plan for ``units`` of ``province``.

    Without ``profile``: the bundled commune defaults. With it: its rules (phrases,
    targets, lead department, date …) on top of the units from data; a unit of the
    profile with a data unit's name gives that unit its signer, targets, counts and
    recipients (the facts sheet's signer and counts win where it has them).
    """
    facts = facts or {}
    made = [_all_values(data_unit(u, facts.get(u.code)), facts) for u in units]
    if profile is not None:
        own = {u.short_name.casefold(): u for u in profile.units}
        made = [_with_own(u, own.get(u.short_name.casefold()), facts) for u in made]
        return attrs.evolve(
            profile,
            units=tuple(made),
            date=profile.date or draft_day(source_date, today),
            level=Level.COMMUNE,
        )
    return Profile(
        name=f"{province.full_name} — cấp xã (dữ liệu đơn vị hành chính)",
        level=Level.COMMUNE,
        units=tuple(made),
        extends=DEFAULTS,
        date=draft_day(source_date, today),
    )


def _all_values(unit: Unit, facts: dict[str, UnitFacts]) -> Unit:
    """The unit with every value the sheet gives any unit: a blank cell is "[name]" in
    the draft, for the lint to report, never an unknown placeholder that stops the run."""
    names = dict.fromkeys(name for f in facts.values() for name, _value in f.values)
    given = {v.name for v in unit.values}
    blanks = tuple(UnitValue(name=n, value=f"[{n}]") for n in names if n not in given)
    return attrs.evolve(unit, values=unit.values + blanks) if blanks else unit


def _with_own(unit: Unit, own: Unit | None, facts: dict[str, UnitFacts]) -> Unit:
    """The data unit with what the profile says of the same unit."""
    if own is None:
        return unit
    known = facts.get(unit.code or "")
    signed = known is not None and known.signer is not None
    named = {value.name for value in own.values}
    return attrs.evolve(
        unit,
        signature=unit.signature if signed else own.signature,
        targets=own.targets,
        counts=unit.counts or own.counts,
        share=own.share,
        recipients=own.recipients,
        archive=own.archive,
        values=own.values + tuple(v for v in unit.values if v.name not in named),
        absent=own.absent + unit.absent,
    )
