"""What a profile says about the higher plan's targets for its units (chỉ tiêu của đơn vị)."""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from planforge.errors import ModelError
from planforge.i18n import _
from planforge.model._checks import lines, not_blank, text
from planforge.model._types import typed


@attrs.frozen(kw_only=True, field_transformer=typed)
class TargetOverride:
    """A unit's own value for a target (chỉ tiêu riêng); it may be stricter, never looser.

    ``target`` picks the higher plan's target by its path ("II.1.a)-1") or by
    the first words of its sentence; ``measure`` is the 1-based measurable part.
    ``not_applicable`` (không áp dụng) drops the target with its reason ("xã
    không có khu công nghiệp"); ``share`` (phân bổ) takes that part of an
    absolute figure (2 mô hình × 0,5 → 1 mô hình).
    """

    target: str = attrs.field(converter=text, validator=not_blank)
    measure: int = 1
    value: float | None = None
    year: int | None = None
    not_applicable: str | None = None
    share: float | None = None
    location: str | None = attrs.field(
        default=None, eq=False, repr=False, metadata={"located": True}
    )
    """Where the override was written (file:line:column), for error messages."""

    def __attrs_post_init__(self) -> None:
        if self.not_applicable is not None and not self.not_applicable.strip():
            raise ModelError(
                _("say why the target does not apply to the unit (the review shows it)"),
                "not_applicable",
            )
        if (self.value, self.year, self.not_applicable, self.share) == (None,) * 4:
            raise ModelError(
                _("give the unit's value, its year, a share, or not_applicable with a reason"),
                "value",
            )
        if self.measure < 1:
            raise ModelError(_("measures are counted from 1"), "measure")
        check_share(self.share, "share")


def check_share(share: float | None, field: str) -> None:
    """A share is a part of the whole: more than 0, at most 1."""
    if share is not None and not 0 < share <= 1:
        raise ModelError(
            _("a share is more than 0 and at most 1, not {share}").format(share=share), field
        )


@attrs.frozen(kw_only=True, field_transformer=typed)
class Restatement:
    """A target's population at the unit's level (chỉ tiêu tính theo cấp của đơn vị).

    ``population`` is the higher plan's ("số xã, phường, thị trấn"), ``target``
    the unit's ("số thôn, tổ dân phố"); with ``count`` naming the unit's own
    counts ("thôn", "tổ dân phố"), a percentage becomes a number of them:
    70 % of 6 thôn → "ít nhất 5/6 thôn" (rounded up, never below the target).
    """

    population: str = attrs.field(converter=text, validator=not_blank)
    target: str = attrs.field(converter=text, validator=not_blank)
    count: tuple[str, ...] = attrs.field(default=(), converter=lines)
    location: str | None = attrs.field(
        default=None, eq=False, repr=False, metadata={"located": True}
    )


def target_override_tuple(value: Iterable[TargetOverride]) -> tuple[TargetOverride, ...]:
    return tuple(value)


def restatement_tuple(value: Iterable[Restatement]) -> tuple[Restatement, ...]:
    return tuple(value)


@attrs.frozen(kw_only=True, field_transformer=typed)
class Count:
    """How many subordinate units of one kind the unit has ("thôn", 6)."""

    kind: str = attrs.field(converter=text, validator=not_blank)
    number: int

    def __attrs_post_init__(self) -> None:
        if self.number < 1:
            raise ModelError(_("a count is at least 1"), "number")


def count_tuple(value: Iterable[Count]) -> tuple[Count, ...]:
    return tuple(value)
