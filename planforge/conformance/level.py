"""The child's level (cấp): given by ``--level``, or read from its issuing agency's name
against the level catalogue ("Ủy ban nhân dân phường B'Lao" → a 2025 commune, noun phường)."""

from __future__ import annotations

import datetime
import re

import attrs

from planforge.catalogue.loading import bundled_catalogue
from planforge.catalogue.queries import kind_of
from planforge.catalogue.schema import Catalogue, UnitKind
from planforge.conformance.rules import rules
from planforge.errors import DerivationError
from planforge.model import IssueDate, Plan

_COMMITTEE = re.compile(r"^(?:Ủy ban nhân dân|UBND|Uỷ ban nhân dân)\s+", re.IGNORECASE)


@attrs.frozen
class ChildLevel:
    """The child's kind of unit in the catalogue and its own noun ("phường")."""

    kind: UnitKind
    noun: str
    catalogue: Catalogue


def day_of(date: IssueDate) -> datetime.date:
    """The plan's date, a blank day or month read as the first; a document that prints
    no date at all (an import) is taken as of today, the era it is read in."""
    if date.year is None:
        return datetime.date.today()
    return datetime.date(date.year, date.month or 1, date.day or 1)


def child_level(plan: Plan, level: str | None = None) -> ChildLevel | None:
    """The child's level, or None when neither ``level`` nor its agency tells it."""
    catalogue = bundled_catalogue()
    day = day_of(plan.header.date)
    if level is not None:
        noun = rules().levels[level]
        try:
            return ChildLevel(kind_of(noun, day, catalogue=catalogue), noun, catalogue)
        except DerivationError:
            return None
    return _from_agency(plan.header.issuing_agency.name, day, catalogue)


def _from_agency(name: str, day: datetime.date, catalogue: Catalogue) -> ChildLevel | None:
    committee = _COMMITTEE.match(name)
    rest = name[committee.end() :] if committee else name
    below = [k for k in catalogue.kinds if k.valid_on(day) and k.tier != "province"]
    nouns = sorted(
        ((noun.name, kind) for kind in below for noun in kind.nouns),
        key=lambda pair: len(pair[0]),
        reverse=True,  # "thị xã" before "xã"
    )
    for noun, kind in nouns:
        if kind.tier == "department" and committee:
            continue  # a People's Committee is no department
        if re.match(rf"{re.escape(noun)}(?!\w)", rest, re.IGNORECASE):
            return ChildLevel(kind, noun, catalogue)
    return None
