"""The kind of a unit (loại đơn vị) in the level catalogue: its noun, level and date."""

from __future__ import annotations

from functools import cache

from planforge.catalogue.loading import bundled_catalogue, load_catalogue
from planforge.catalogue.queries import kind_of
from planforge.catalogue.schema import Catalogue, UnitKind
from planforge.errors import DerivationError
from planforge.model import IssueDate
from planforge.model.profile import Profile, Unit


def unit_kind(
    unit: Unit, profile: Profile, date: IssueDate, catalogue: Catalogue
) -> UnitKind | None:
    """The catalogue's kind for ``unit`` on ``date`` (a blank day or month: the first),
    or None when the catalogue has none: derivation goes on, and the lint says so."""
    day = date.first_day
    level = (unit.level or profile.level).value
    tiers = {k.tier for k in catalogue.kinds}
    try:
        return kind_of(unit.kind, day, level=level if level in tiers else None, catalogue=catalogue)
    except DerivationError:
        return None


def draft_date(source_date: IssueDate, profile: Profile) -> IssueDate:
    """The date of a derived draft: the profile's, else the higher plan's month."""
    return profile.date or IssueDate(source_date.year, source_date.month)


def catalogue_of(profile: Profile) -> Catalogue:
    """The level catalogue a profile derives with: its own file, or the bundled one."""
    return _load(profile.catalogue) if profile.catalogue else bundled_catalogue()


@cache
def _load(path: str) -> Catalogue:
    return load_catalogue(path)
