"""The body of a plan (nội dung): a tree of headed sections and items."""

from __future__ import annotations

import enum
from collections.abc import Iterable

import attrs

from planforge.errors import ModelError
from planforge.i18n import _
from planforge.model._checks import lines, not_blank, paragraph
from planforge.model._types import typed
from planforge.model.target import Measure


class Marker(enum.Enum):
    """How an entry is labelled (ký hiệu đề mục) in Structure B of Nghị định 30."""

    ROMAN = "roman"  # I., II. — mục
    ARABIC = "arabic"  # 1., 2. — khoản
    LETTER = "letter"  # a), b), … đ) — điểm
    DASH = "dash"  # "-" under a điểm, by custom
    PLUS = "plus"  # "+" under a dash, by custom
    NONE = "none"  # a plain paragraph


SECTION_MARKERS = (Marker.ROMAN, Marker.ARABIC, Marker.LETTER, Marker.DASH, Marker.PLUS)
"""Default marker of a headed section by depth (1-based)."""


class Role(enum.Enum):
    """What a section holds, so that derivation and reports can find it."""

    GENERAL = "general"
    PRINCIPLES = "principles"  # quan điểm
    OBJECTIVES = "objectives"  # mục tiêu, mục đích, yêu cầu
    TARGETS = "targets"  # chỉ tiêu
    TASKS = "tasks"  # nhiệm vụ
    MEASURES = "measures"  # giải pháp
    BUDGET = "budget"  # kinh phí
    IMPLEMENTATION = "implementation"  # tổ chức thực hiện, phân công thực hiện
    REPORTING = "reporting"  # chế độ báo cáo


class Period(enum.Enum):
    """A reporting period (kỳ báo cáo)."""

    MONTH = "month"
    QUARTER = "quarter"
    SIX_MONTHS = "six-months"
    YEAR = "year"
    AD_HOC = "ad-hoc"


class AgencyRole(enum.Enum):
    """An agency's part in a duty: chủ trì (lead) or phối hợp (coordinate)."""

    LEAD = "lead"
    COORDINATE = "coordinate"


@attrs.frozen(field_transformer=typed)
class Deadline:
    """One report due: "báo cáo 6 tháng gửi trước ngày 25/6" is SIX_MONTHS, 25, 6."""

    period: Period
    day: int | None = None
    month: int | None = None
    recipient: str | None = None

    def __attrs_post_init__(self) -> None:
        if self.month is not None and not 1 <= self.month <= 12:
            raise ModelError(_("month {month} does not exist").format(month=self.month), "month")
        if self.day is not None and not 1 <= self.day <= 31:
            raise ModelError(_("day {day} does not exist").format(day=self.day), "day")


@attrs.frozen(field_transformer=typed)
class RoleAssignment:
    """One agency and its stated role in an assignment."""

    agency: str = attrs.field(converter=paragraph, validator=not_blank)
    role: AgencyRole = AgencyRole.LEAD


def _children(value: Iterable[Node]) -> tuple[Node, ...]:
    return tuple(value)


def _label(value: str | None) -> str | None:
    if value is None:
        return None
    return paragraph(value)


@attrs.frozen(kw_only=True, field_transformer=typed)
class Paragraph:
    """A paragraph or list item of the body (đoạn văn, gạch đầu dòng)."""

    label: str | None = attrs.field(default=None, converter=_label)
    marker: Marker | None = None
    text: str = attrs.field(converter=paragraph, validator=not_blank)
    children: tuple[Node, ...] = attrs.field(default=(), converter=_children)


def _deadline_tuple(value: Iterable[Deadline]) -> tuple[Deadline, ...]:
    return tuple(value)


def _measure_tuple(value: Iterable[Measure]) -> tuple[Measure, ...]:
    return tuple(value)


def _role_assignment_tuple(value: Iterable[RoleAssignment]) -> tuple[RoleAssignment, ...]:
    return tuple(value)


@attrs.frozen(kw_only=True, field_transformer=typed)
class Target:
    """A target (chỉ tiêu): its sentence and the measurable parts it states.

    ``origin`` names the target of the higher plan this one was derived from
    ("7851/KH-UBND II.1.a)-1"); it is empty in a plan written by hand.
    """

    label: str | None = attrs.field(default=None, converter=_label)
    marker: Marker | None = None
    text: str = attrs.field(converter=paragraph, validator=not_blank)
    measures: tuple[Measure, ...] = attrs.field(default=(), converter=_measure_tuple)
    origin: str | None = attrs.field(default=None, converter=_label)
    children: tuple[Node, ...] = attrs.field(default=(), converter=_children)


@attrs.frozen(kw_only=True, field_transformer=typed)
class Reporting:
    """A sentence of the reporting schedule (chế độ báo cáo) and its deadlines."""

    label: str | None = attrs.field(default=None, converter=_label)
    marker: Marker | None = None
    text: str = attrs.field(converter=paragraph, validator=not_blank)
    deadlines: tuple[Deadline, ...] = attrs.field(default=(), converter=_deadline_tuple)
    children: tuple[Node, ...] = attrs.field(default=(), converter=_children)


@attrs.frozen(kw_only=True, field_transformer=typed)
class Assignment:
    """A duty given to agencies (phân công thực hiện).

    ``text`` is the item as written: a heading naming the agencies
    ("Sở Lao động - Thương binh và Xã hội:") when ``heading`` is set, or a
    whole sentence ("Công an tỉnh chủ trì, rà soát …").  ``agencies`` names
    the bodies; ``requested`` is set for bodies the issuer does not command
    ("Đề nghị Viện Kiểm sát nhân dân tỉnh …"); ``children`` are the duties;
    ``origin`` names the assignment of the higher plan it was derived from.
    """

    label: str | None = attrs.field(default=None, converter=_label)
    marker: Marker | None = None
    heading: bool = False
    text: str = attrs.field(converter=paragraph, validator=not_blank)
    agencies: tuple[str, ...] = attrs.field(default=(), converter=lines)
    requested: bool = False
    roles: tuple[RoleAssignment, ...] = attrs.field(default=(), converter=_role_assignment_tuple)
    item_marker: Marker = Marker.NONE
    origin: str | None = attrs.field(default=None, converter=_label)
    children: tuple[Node, ...] = attrs.field(default=(), converter=_children)


@attrs.frozen(kw_only=True, field_transformer=typed)
class Section:
    """A headed section (mục, khoản, điểm with a title).

    ``text`` is a run-in paragraph printed after the title in the same
    paragraph ("1. Mục đích. Tạo sự …"); ``item_marker`` is the default
    marker of the section's paragraph-like children.
    """

    label: str | None = attrs.field(default=None, converter=_label)
    marker: Marker | None = None
    title: str = attrs.field(converter=paragraph, validator=not_blank)
    role: Role = Role.GENERAL
    text: str = attrs.field(default="", converter=paragraph)
    item_marker: Marker = Marker.NONE
    children: tuple[Node, ...] = attrs.field(default=(), converter=_children)


Node = Section | Paragraph | Target | Assignment | Reporting
"""Any entry of the body tree."""

NODE_TYPES: tuple[type, ...] = (Section, Paragraph, Target, Assignment, Reporting)
