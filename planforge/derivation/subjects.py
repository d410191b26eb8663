"""The wording of assignments by subject (chủ thể của nhiệm vụ), bundled as YAML.

The level catalogue says who exists at each level; ``subjects.yaml`` says what a
unit's plan writes for them: the item for the level below (cấp dưới), how the
unit directs its own office, which verbs lead a clause about bodies that do not
exist below, how Nơi nhận shortens names.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from importlib import resources

import attrs

from planforge.errors import ModelError
from planforge.loading.structure import structure_yaml
from planforge.model._checks import lines, not_blank, optional_text, text
from planforge.model._types import typed
from planforge.patterns import PatternError, compile_pattern

SUBJECTS_FILE = "planforge/derivation/subjects.yaml"


def _regex(_instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    try:
        compile_pattern(value)
    except PatternError as exc:
        raise ModelError(str(exc), attribute.name) from None


@attrs.frozen(kw_only=True, field_transformer=typed)
class Below:
    """The item a unit's plan gives to the level below it (nhiệm vụ của cấp dưới).

    ``kinds`` are catalogue kind ids, ``nouns`` (empty: all) the unit nouns it
    serves; ``heading`` and ``duties`` may use {subordinates}, {unit}, {kind};
    ``carry`` adds the higher plan's duties for the lower units after ``duties``.
    """

    kinds: tuple[str, ...] = attrs.field(converter=lines)
    nouns: tuple[str, ...] = attrs.field(default=(), converter=lines)
    heading: str = attrs.field(converter=text, validator=not_blank)
    duties: tuple[str, ...] = attrs.field(default=(), converter=lines)
    carry: bool = False
    chairs: str | None = attrs.field(default=None, converter=optional_text)
    """Who the higher plan's "Chủ tịch Ủy ban nhân dân các huyện …" are for the unit."""

    def serves(self, kind: str, noun: str) -> bool:
        """Whether this entry is the one for a unit of ``kind`` called ``noun``."""
        return kind in self.kinds and (not self.nouns or noun in self.nouns)


@attrs.frozen(kw_only=True, field_transformer=typed)
class OwnBudget:
    """The budget section (kinh phí) a unit of ``kinds`` writes in its own words.

    ``paragraphs`` are the section's body (the first an unnumbered paragraph,
    the others its numbered items), which may use {unit}; ``reason`` is shown
    to the clerk.
    """

    kinds: tuple[str, ...] = attrs.field(converter=lines)
    paragraphs: tuple[str, ...] = attrs.field(
        converter=lines, validator=attrs.validators.min_len(1)
    )
    reason: str = attrs.field(converter=text, validator=not_blank)


@attrs.frozen(kw_only=True, field_transformer=typed)
class Shortening:
    """A long name and its short form in Nơi nhận ("Ủy ban nhân dân" → "UBND")."""

    source: str = attrs.field(converter=text, validator=not_blank)
    target: str = attrs.field(converter=text, validator=not_blank)


def _below_tuple(value: Iterable[Below]) -> tuple[Below, ...]:
    return tuple(value)


def _budget_tuple(value: Iterable[OwnBudget]) -> tuple[OwnBudget, ...]:
    return tuple(value)


def _shortening_tuple(value: Iterable[Shortening]) -> tuple[Shortening, ...]:
    return tuple(value)


@attrs.frozen(kw_only=True, field_transformer=typed)
class Subjects:
    """The whole of ``subjects.yaml``."""

    committees: tuple[str, ...] = attrs.field(converter=lines)
    chair: str = attrs.field(default="Chủ tịch", converter=text, validator=not_blank)
    """The title of a People's Committee's head, as "Chủ tịch UBND các huyện" writes it."""
    below: tuple[Below, ...] = attrs.field(default=(), converter=_below_tuple)
    budget: tuple[OwnBudget, ...] = attrs.field(default=(), converter=_budget_tuple)
    coordinate: str = attrs.field(converter=text, validator=[not_blank, _regex])
    direct: str = attrs.field(converter=text, validator=not_blank)
    directing: str = attrs.field(converter=text, validator=[not_blank, _regex])
    recipient_short: tuple[Shortening, ...] = attrs.field(default=(), converter=_shortening_tuple)

    def below_for(self, kind: str, noun: str) -> Below | None:
        """The level-below entry of a unit of ``kind`` called ``noun``, if any."""
        return next((b for b in self.below if b.serves(kind, noun)), None)

    def budget_for(self, kind: str) -> OwnBudget | None:
        """The own budget section of a unit of ``kind``, if its kind writes one."""
        return next((b for b in self.budget if kind in b.kinds), None)

    def short(self, name: str) -> str:
        """``name`` as Nơi nhận writes it."""
        for shortening in self.recipient_short:
            name = name.replace(shortening.source, shortening.target)
        return name


def loads_subjects(source: str, file: str = SUBJECTS_FILE) -> Subjects:
    """The data from YAML text; a broken file is a located error naming its line."""
    result: Subjects = structure_yaml(source, Subjects, file)
    return result


@functools.cache
def subjects() -> Subjects:
    """The bundled data (read once)."""
    source = (resources.files("planforge") / "derivation" / "subjects.yaml").read_text("utf-8")
    return loads_subjects(source)
