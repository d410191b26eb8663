"""The schema of ``facts.yaml``: the columns of a unit facts sheet and what they mean."""

from __future__ import annotations

import functools
from importlib import resources

import attrs

from planforge.loading.structure import structure_yaml

TYPES = ("code", "info", "signer", "title", "count", "yes-no", "levels", "names")


@attrs.frozen(kw_only=True)
class Column:
    """One column of the sheet: its fact's ``key``, its Vietnamese ``header``, its type."""

    key: str
    header: str
    type: str = attrs.field(validator=attrs.validators.in_(TYPES))
    width: int = 12
    count: str | None = None
    """For a count: the subordinate units counted ("thôn")."""


@attrs.frozen(kw_only=True)
class Title:
    """A signer's title and the authority lines printed above it."""

    title: str
    authority: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class AbsenceRule:
    """What a "không" in the yes-no column ``key`` makes not applicable."""

    key: str
    words: tuple[str, ...]
    reason: str


@attrs.frozen(kw_only=True)
class SchoolLevel:
    """A school level (cấp học) and the words that name it in a target."""

    level: str
    name: str
    """What the review says the unit lacks ("trường trung học phổ thông")."""
    words: tuple[str, ...]


@attrs.frozen(kw_only=True)
class FactsSchema:
    """Everything ``facts.yaml`` says."""

    columns: tuple[Column, ...]
    free: tuple[str, ...] = ()
    yes_words: tuple[str, ...] = ()
    no_words: tuple[str, ...] = ()
    titles: tuple[Title, ...] = ()
    absences: tuple[AbsenceRule, ...] = ()
    levels: tuple[SchoolLevel, ...] = ()

    def column(self, key: str) -> Column:
        """The column of the fact ``key``."""
        return next(c for c in self.columns if c.key == key)


@functools.cache
def facts_schema() -> FactsSchema:
    """The bundled ``planforge/units/facts.yaml``."""
    source = resources.files("planforge") / "units" / "facts.yaml"
    schema: FactsSchema = structure_yaml(
        source.read_text(encoding="utf-8"), FactsSchema, "planforge/units/facts.yaml"
    )
    return schema
