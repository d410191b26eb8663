"""What a profile or a unit facts sheet says about one unit beyond its name and signer."""

from __future__ import annotations

import re
from collections.abc import Iterable

import attrs

from planforge.errors import ModelError
from planforge.i18n import _
from planforge.model._checks import lines, not_blank, text
from planforge.model._types import typed

_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,39}")


@attrs.frozen(kw_only=True, field_transformer=typed)
class UnitValue:
    """A value of the unit a profile's texts may use in braces (giá trị riêng của đơn vị):
    ``{tram_y_te}`` → "Trạm Y tế xã Lạc Dương"."""

    name: str = attrs.field(converter=text)
    value: str = attrs.field(converter=text)

    def __attrs_post_init__(self) -> None:
        if not _NAME.fullmatch(self.name):
            message = _("{name!r} cannot name a placeholder; use letters, digits and _")
            raise ModelError(message.format(name=self.name), "name")


@attrs.frozen(kw_only=True, field_transformer=typed)
class Absence:
    """Something the unit does not have (không có khu công nghiệp), so that the parts of
    targets about it do not apply to it.

    A clause of a target (up to ";") naming one of ``words`` is not applicable,
    unless it also names one of ``unless`` (a topic the unit has); ``reason`` is
    the review's words for it.
    """

    words: tuple[str, ...] = attrs.field(converter=lines)
    reason: str = attrs.field(converter=text, validator=not_blank)
    unless: tuple[str, ...] = attrs.field(default=(), converter=lines)

    def __attrs_post_init__(self) -> None:
        if not self.words:
            raise ModelError(_("give the words that name what the unit lacks"), "words")


def unit_value_tuple(value: Iterable[UnitValue]) -> tuple[UnitValue, ...]:
    return tuple(value)


def absence_tuple(value: Iterable[Absence]) -> tuple[Absence, ...]:
    return tuple(value)
