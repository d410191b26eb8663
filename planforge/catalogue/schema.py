"""The level catalogue's schema (danh mục cấp hành chính): frozen classes read from YAML.

``levels.yaml`` (bundled) holds one :class:`UnitKind` per kind of unit and era,
the bodies of each, their counterparts one level up, and the functions small
bodies lack.  A profile may bring its own catalogue in the same shape.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

import attrs

from planforge.errors import ModelError
from planforge.i18n import _
from planforge.model._checks import lines, not_blank, optional_text, text
from planforge.model._types import typed
from planforge.patterns import PatternError, check_replacement, compile_pattern


def _date(value: str | None) -> datetime.date | None:
    """An ISO date ("2025-07-01") of the catalogue; None when open-ended."""
    if value is None:
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise ModelError(_("{value!r} is not a date (YYYY-MM-DD)").format(value=value)) from None


def _check_date(
    _instance: object, attribute: attrs.Attribute[str | None], value: str | None
) -> None:
    try:
        _date(value)
    except ModelError as exc:
        raise exc.within(attribute.name) from None


def _regex(_instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    try:
        compile_pattern(value)
    except PatternError as exc:
        raise ModelError(str(exc), attribute.name) from None


@attrs.frozen(kw_only=True, field_transformer=typed)
class Body:
    """A body (cơ quan, đơn vị) that exists at one kind of unit.

    ``name`` is canonical ("Phòng Văn hóa - Xã hội"); ``variants`` are the other
    ways plans write it (abbreviations, older spellings); ``counterparts`` are
    the bodies one level up whose duties come down to it ("Sở Y tế", …).
    A name may hold ``{kind}`` ("Công an {kind}"), the unit's common noun.
    """

    name: str = attrs.field(converter=text, validator=not_blank)
    variants: tuple[str, ...] = attrs.field(default=(), converter=lines)
    counterparts: tuple[str, ...] = attrs.field(default=(), converter=lines)
    nouns: tuple[str, ...] = attrs.field(default=(), converter=lines)
    """The nouns of the kind where the body exists; empty: all of them (a ward's office)."""

    def names(self) -> tuple[str, ...]:
        """The canonical name and its variants."""
        return (self.name, *self.variants)


@attrs.frozen(kw_only=True, field_transformer=typed)
class Noun:
    """One common noun of a kind of unit ("huyện", "thị xã", "phường").

    Nouns of one kind share its bodies but differ in their Party committee
    (cấp ủy: "Huyện ủy", "Thị ủy") and the units below them (cấp dưới).
    """

    name: str = attrs.field(converter=text, validator=not_blank)
    party_committee: str = attrs.field(converter=text, validator=not_blank)
    subordinates: str = attrs.field(converter=text, validator=not_blank)
    """The level below as plans name it ("Ủy ban nhân dân các xã, thị trấn")."""
    subordinate_units: tuple[str, ...] = attrs.field(default=(), converter=lines)
    """Its kinds of units ("xã", "thị trấn"), regional variants included ("bản", "ấp")."""


@attrs.frozen(kw_only=True, field_transformer=typed)
class Abolished:
    """A name that does not exist in the kind's era (tên không còn), with its successor.

    ``successor`` None: the province decides (its profile says) or the clerk does.
    """

    name: str = attrs.field(converter=text, validator=not_blank)
    successor: str | None = attrs.field(default=None, converter=optional_text)
    note: str | None = attrs.field(default=None, converter=optional_text)


@attrs.frozen(kw_only=True, field_transformer=typed)
class Absent:
    """A body that never exists at or below this kind (no court in a commune).

    ``pattern`` finds it in a sentence; ``note`` tells the clerk why.
    """

    name: str = attrs.field(converter=text, validator=not_blank)
    pattern: str = attrs.field(converter=text, validator=[not_blank, _regex])
    note: str = attrs.field(converter=text, validator=not_blank)


def _noun_tuple(value: Iterable[Noun]) -> tuple[Noun, ...]:
    return tuple(value)


def _body_tuple(value: Iterable[Body]) -> tuple[Body, ...]:
    return tuple(value)


def _abolished_tuple(value: Iterable[Abolished]) -> tuple[Abolished, ...]:
    return tuple(value)


def _absent_tuple(value: Iterable[Absent]) -> tuple[Absent, ...]:
    return tuple(value)


@attrs.frozen(kw_only=True, field_transformer=typed)
class UnitKind:
    """A kind of unit in one era (loại đơn vị): bodies, Party committee, level below.

    ``id`` is how other entries refer to it ("commune-2025"); ``tier`` the
    level ("province", "department", "district", "commune"); ``above`` the id
    of the kind one level up; ``valid_from`` / ``valid_until`` its era (ISO dates).
    """

    id: str = attrs.field(converter=text, validator=not_blank)
    title: str = attrs.field(converter=text, validator=not_blank)
    tier: str = attrs.field(converter=text, validator=not_blank)
    nouns: tuple[Noun, ...] = attrs.field(converter=_noun_tuple)
    above: str | None = attrs.field(default=None, converter=optional_text)
    valid_from: str | None = attrs.field(default=None, validator=_check_date)
    valid_until: str | None = attrs.field(default=None, validator=_check_date)
    bodies: tuple[Body, ...] = attrs.field(default=(), converter=_body_tuple)
    abolished: tuple[Abolished, ...] = attrs.field(default=(), converter=_abolished_tuple)
    absent: tuple[Absent, ...] = attrs.field(default=(), converter=_absent_tuple)
    foreign_scope: tuple[str, ...] = attrs.field(default=(), converter=lines)
    """Phrases of a higher level's scope that must not stay in the unit's own text."""

    def __attrs_post_init__(self) -> None:
        if not self.nouns:
            raise ModelError(_("a kind of unit needs at least one noun"), "nouns")

    def valid_on(self, day: datetime.date) -> bool:
        """Whether the kind exists on ``day``."""
        start, end = _date(self.valid_from), _date(self.valid_until)
        return (start is None or start <= day) and (end is None or day <= end)

    def noun(self, name: str) -> Noun | None:
        """The noun called ``name`` (case-insensitive), if the kind has it."""
        wanted = name.strip().casefold()
        return next((n for n in self.nouns if n.name.casefold() == wanted), None)


@attrs.frozen(kw_only=True, field_transformer=typed)
class FunctionRule:
    """A function (thẩm quyền) that bodies at some kinds lack, as a clause-level pattern.

    ``pattern`` finds the clause; ``action`` is "drop" (take the clause out) or
    "rewrite" (``replacement``, which may use the pattern's groups); ``holders``
    start the names of the bodies that do have it ("Công an" investigates);
    ``own_text`` also applies it to the unit's own tasks, not only to the
    duties of its bodies; ``reason`` is shown to the clerk.
    """

    id: str = attrs.field(converter=text, validator=not_blank)
    kinds: tuple[str, ...] = attrs.field(converter=lines)
    pattern: str = attrs.field(converter=text, validator=[not_blank, _regex])
    action: str = attrs.field(converter=text)
    reason: str = attrs.field(converter=text, validator=not_blank)
    replacement: str | None = attrs.field(default=None, converter=optional_text)
    holders: tuple[str, ...] = attrs.field(default=(), converter=lines)
    own_text: bool = False

    def __attrs_post_init__(self) -> None:
        if self.action not in ("drop", "rewrite"):
            message = _("unknown action {action!r}; use drop or rewrite")
            raise ModelError(message.format(action=self.action), "action")
        if self.action == "rewrite":
            if self.replacement is None:
                raise ModelError(_("a rewrite needs its replacement"), "replacement")
            try:
                check_replacement(self.pattern, self.replacement)
            except PatternError as exc:
                raise ModelError(str(exc), "replacement") from None

    def held_by(self, body: str) -> bool:
        """Whether ``body`` has the function (its name starts with a holder's)."""
        name = body.casefold()
        return any(name.startswith(h.casefold()) for h in self.holders)


def _kind_tuple(value: Iterable[UnitKind]) -> tuple[UnitKind, ...]:
    return tuple(value)


def _function_tuple(value: Iterable[FunctionRule]) -> tuple[FunctionRule, ...]:
    return tuple(value)


@attrs.frozen(kw_only=True, field_transformer=typed)
class Catalogue:
    """The level catalogue (danh mục cấp): every kind of unit and the function rules."""

    kinds: tuple[UnitKind, ...] = attrs.field(converter=_kind_tuple)
    functions: tuple[FunctionRule, ...] = attrs.field(default=(), converter=_function_tuple)
    location: str | None = attrs.field(
        default=None, eq=False, repr=False, metadata={"located": True}
    )
    """Where the catalogue was read from, for error messages."""

    def __attrs_post_init__(self) -> None:
        ids = [k.id for k in self.kinds]
        for index, kind in enumerate(self.kinds):
            if ids.index(kind.id) != index:
                message = _("two kinds have the id {id!r}").format(id=kind.id)
                raise ModelError(message, f"kinds[{index}].id")
            if kind.above is not None and kind.above not in ids:
                message = _("no kind has the id {id!r}; known: {known}")
                raise ModelError(
                    message.format(id=kind.above, known=", ".join(ids)), f"kinds[{index}].above"
                )
        for index, rule in enumerate(self.functions):
            unknown = [k for k in rule.kinds if k not in ids]
            if unknown:
                message = _("no kind has the id {id!r}; known: {known}")
                raise ModelError(
                    message.format(id=unknown[0], known=", ".join(ids)),
                    f"functions[{index}].kinds",
                )

    def kind(self, id: str) -> UnitKind:
        """The kind with this id; KeyError when there is none."""
        for kind in self.kinds:
            if kind.id == id:
                return kind
        raise KeyError(id)
