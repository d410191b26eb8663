"""Progress reports (báo cáo kết quả thực hiện): the results a clerk gives, the rows built."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from typing import Any

import attrs

from planforge.errors import ModelError
from planforge.i18n import _
from planforge.model._checks import lines, not_blank, paragraph, text
from planforge.model._types import typed
from planforge.model.header import Header
from planforge.model.nodes import Assignment, Period, Target
from planforge.model.recipients import Recipients
from planforge.model.signature import Signature


class ReportPeriod(enum.Enum):
    """The period a progress report covers (kỳ báo cáo): the first six months or the year."""

    SIX_MONTHS = "6m"
    YEAR = "year"

    @property
    def schedule_period(self) -> Period:
        """The period of a plan's reporting schedule (chế độ báo cáo) that asks for it."""
        return Period.SIX_MONTHS if self is ReportPeriod.SIX_MONTHS else Period.YEAR

    @property
    def end_month(self) -> int:
        """The last month of the period: 6 or 12."""
        return 6 if self is ReportPeriod.SIX_MONTHS else 12

    def phrase(self, year: int) -> str:
        """How the report names its period.

        >>> ReportPeriod.SIX_MONTHS.phrase(2022), ReportPeriod.YEAR.phrase(2022)
        ('6 tháng đầu năm 2022', 'năm 2022')
        """
        return f"6 tháng đầu năm {year}" if self is ReportPeriod.SIX_MONTHS else f"năm {year}"


class Assessment(enum.Enum):
    """The assessment of a target (đánh giá): met, not met, or exceeded."""

    MET = "met"
    NOT_MET = "not-met"
    EXCEEDED = "exceeded"

    @property
    def label(self) -> str:
        """The printed word: "Đạt", "Chưa đạt", "Vượt"."""
        return _ASSESSMENT_LABELS[self]


_ASSESSMENT_LABELS = {
    Assessment.MET: "Đạt",
    Assessment.NOT_MET: "Chưa đạt",
    Assessment.EXCEEDED: "Vượt",
}


class DutyStatus(enum.Enum):
    """How far an assigned body got with its duties (tình hình thực hiện nhiệm vụ)."""

    DONE = "done"
    IN_PROGRESS = "in-progress"
    NOT_STARTED = "not-started"

    @property
    def label(self) -> str:
        """The printed words: "Đã hoàn thành", "Đang thực hiện", "Chưa thực hiện"."""
        return _STATUS_LABELS[self]


_STATUS_LABELS = {
    DutyStatus.DONE: "Đã hoàn thành",
    DutyStatus.IN_PROGRESS: "Đang thực hiện",
    DutyStatus.NOT_STARTED: "Chưa thực hiện",
}


def _year(_instance: object, attribute: attrs.Attribute[Any], value: int | None) -> None:
    if value is not None and not 1900 <= value <= 2200:
        raise ModelError(_("year {value} is out of range").format(value=value), attribute.name)


def _result_tuple(value: Iterable[float | None]) -> tuple[float | None, ...]:
    return tuple(value)


def _not_negative(
    _instance: object, attribute: attrs.Attribute[Any], value: tuple[float | None, ...]
) -> None:
    for number in value:
        if number is not None and number < 0:
            raise ModelError(
                _("a result cannot be negative ({number})").format(number=number), attribute.name
            )


def _optional_paragraph(value: str | None) -> str | None:
    """Converter: a paragraph, and an empty one becomes None."""
    return (paragraph(value) or None) if value is not None else None


@attrs.frozen(kw_only=True, field_transformer=typed)
class TargetResult:
    """The result of one target (kết quả thực hiện chỉ tiêu), as the clerk enters it.

    ``path`` names the target ("II.1.a)-1"); ``text`` repeats its sentence for
    orientation and, when given, must still match the plan; ``result`` holds
    one number per measurable part (None: not known yet); ``note`` is printed
    under the numbers (or alone, for a target without a number);
    ``assessment`` overrides the computed one.
    """

    path: str = attrs.field(converter=text, validator=not_blank)
    text: str | None = attrs.field(default=None, converter=_optional_paragraph)
    result: tuple[float | None, ...] = attrs.field(
        default=(), converter=_result_tuple, validator=_not_negative
    )
    note: str | None = attrs.field(default=None, converter=_optional_paragraph)
    assessment: Assessment | None = None
    location: str | None = attrs.field(
        default=None, eq=False, repr=False, metadata={"located": True}
    )
    """Where the entry was written (file:line:column), for error messages."""


@attrs.frozen(kw_only=True, field_transformer=typed)
class DutyResult:
    """How one assignment was carried out (kết quả thực hiện nhiệm vụ được phân công).

    ``path`` names the assignment ("V.1"); ``text`` repeats it for orientation
    and, when given, must still match the plan.
    """

    path: str = attrs.field(converter=text, validator=not_blank)
    text: str | None = attrs.field(default=None, converter=_optional_paragraph)
    status: DutyStatus | None = None
    notes: str | None = attrs.field(default=None, converter=_optional_paragraph)
    location: str | None = attrs.field(
        default=None, eq=False, repr=False, metadata={"located": True}
    )
    """Where the entry was written (file:line:column), for error messages."""


def _target_results(value: Iterable[TargetResult]) -> tuple[TargetResult, ...]:
    return tuple(value)


def _duty_results(value: Iterable[DutyResult]) -> tuple[DutyResult, ...]:
    return tuple(value)


def _paragraphs(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(p for p in (paragraph(v) for v in value) if p)


def _unique_paths(
    _instance: object, attribute: attrs.Attribute[Any], value: tuple[Any, ...]
) -> None:
    paths = [item.path for item in value]
    twice = sorted({p for p in paths if paths.count(p) > 1})
    if twice:
        raise ModelError(_("the path {path!r} appears twice").format(path=twice[0]), attribute.name)


@attrs.frozen(kw_only=True, field_transformer=typed)
class Results:
    """The results file of a report (số liệu báo cáo): what the plan cannot know.

    Every field is optional: without results the report has empty cells to
    fill in by hand.  ``recipients`` and ``signature`` replace the defaults
    (the plan's reporting schedule, the plan's signer); ``opening`` replaces
    the opening paragraph.
    """

    period: ReportPeriod | None = None
    year: int | None = attrs.field(default=None, validator=_year)
    opening: tuple[str, ...] = attrs.field(default=(), converter=lines)
    targets: tuple[TargetResult, ...] = attrs.field(
        default=(), converter=_target_results, validator=_unique_paths
    )
    assignments: tuple[DutyResult, ...] = attrs.field(
        default=(), converter=_duty_results, validator=_unique_paths
    )
    difficulties: tuple[str, ...] = attrs.field(default=(), converter=_paragraphs)
    proposals: tuple[str, ...] = attrs.field(default=(), converter=_paragraphs)
    recipients: Recipients | None = None
    signature: Signature | None = None


@attrs.frozen(kw_only=True, field_transformer=typed)
class TargetRow:
    """One row of the targets table (dòng chỉ tiêu): a target, its result, its assessment.

    ``result`` has one number (or None) per measure of the target, or is
    empty when nothing was entered; ``assessment`` is the one printed.
    """

    path: str
    target: Target
    result: tuple[float | None, ...] = attrs.field(default=(), converter=_result_tuple)
    note: str | None = None
    assessment: Assessment | None = None


@attrs.frozen(kw_only=True, field_transformer=typed)
class DutyRow:
    """One row of the duties table (dòng nhiệm vụ): an assignment and how far it got."""

    path: str
    assignment: Assignment
    status: DutyStatus | None = None
    notes: str | None = None

    @property
    def body(self) -> str:
        """The assigned bodies as printed: a heading as written ("Đề nghị" left out), else
        the names of the agencies, else the duty's text."""
        duty = self.assignment
        if duty.heading:
            name = duty.text.rstrip(":.; ")
            if duty.requested and name.lower().startswith(_REQUEST):
                name = name[len(_REQUEST) :].strip()
            return name[:1].upper() + name[1:]
        return ", ".join(duty.agencies) or duty.text


_REQUEST = "đề nghị "


def _target_rows(value: Iterable[TargetRow]) -> tuple[TargetRow, ...]:
    return tuple(value)


def _duty_rows(value: Iterable[DutyRow]) -> tuple[DutyRow, ...]:
    return tuple(value)


@attrs.frozen(kw_only=True, field_transformer=typed)
class Report:
    """Báo cáo kết quả thực hiện kế hoạch: a Mẫu 1.4 document with the type name "BÁO CÁO".

    ``opening`` cites the plan; the two tables hold one row per target and
    per assignment; ``closing`` is the last sentence ("Trên đây là …"), to
    which the renderer adds "./.".
    """

    header: Header
    period: ReportPeriod
    year: int = attrs.field(validator=_year)
    opening: tuple[str, ...] = attrs.field(converter=lines)
    targets: tuple[TargetRow, ...] = attrs.field(converter=_target_rows)
    duties: tuple[DutyRow, ...] = attrs.field(converter=_duty_rows)
    difficulties: tuple[str, ...] = attrs.field(default=(), converter=_paragraphs)
    proposals: tuple[str, ...] = attrs.field(default=(), converter=_paragraphs)
    closing: str = attrs.field(converter=paragraph, validator=not_blank)
    recipients: Recipients
    signature: Signature
