"""Appendices (phụ lục), Phụ lục I mục III.1 of Nghị định 30; the usual one is the task table."""

from __future__ import annotations

import re
from collections.abc import Iterable

import attrs

from planforge.model._checks import lines, not_blank, optional_text, text
from planforge.model._types import typed
from planforge.model.nodes import AgencyRole, Assignment, Paragraph, Reporting, Target
from planforge.model.numbering import walk


@attrs.frozen(kw_only=True, field_transformer=typed)
class TaskRow:
    """One row of a task table (bảng phân công nhiệm vụ)."""

    task: str = attrs.field(converter=text, validator=not_blank)
    lead: str = attrs.field(default="", converter=text)
    coordinate: str = attrs.field(default="", converter=text)
    time: str = attrs.field(default="", converter=text)
    output: str = attrs.field(default="", converter=text)


def _rows(value: Iterable[TaskRow]) -> tuple[TaskRow, ...]:
    return tuple(value)


@attrs.frozen(kw_only=True, field_transformer=typed)
class Appendix:
    """A phụ lục: a title and a task table, its rows written out or drawn from the assignments.

    With ``from_assignments`` the rows are the plan's assignments, one per duty
    (:func:`task_rows`); ``rows`` given by hand come after them.  A document
    issued with this one (văn bản ban hành kèm theo: a Quy chế, a Quy định) is
    kept as an appendix too: ``label`` is its type name ("Quy chế", printed
    instead of "Phụ lục") and ``text`` its paragraphs (chapters, articles).
    """

    title: str = attrs.field(converter=text, validator=not_blank)
    rows: tuple[TaskRow, ...] = attrs.field(default=(), converter=_rows)
    from_assignments: bool = False
    landscape: bool = True
    label: str | None = attrs.field(default=None, converter=optional_text)
    text: tuple[str, ...] = attrs.field(default=(), converter=lines)


_OUTPUTS = (
    ("báo cáo", "Báo cáo"),
    ("kế hoạch", "Kế hoạch"),
    ("tập huấn", "Lớp tập huấn"),
    ("bồi dưỡng", "Lớp bồi dưỡng"),
    ("kiểm tra", "Kết quả kiểm tra"),
    ("tuyên truyền", "Hoạt động tuyên truyền"),
    ("mô hình", "Mô hình"),
    ("kinh phí", "Dự toán kinh phí"),
)


def _output(duty: str) -> str:
    lowered = duty.lower()
    return next((name for word, name in _OUTPUTS if word in lowered), "Kết quả thực hiện")


def _period(subject: str, year: int | None) -> str:
    match = re.search(r"(\d{4})\s*[-–]\s*(\d{4})", subject)
    return f"{match.group(1)} - {match.group(2)}" if match else f"Năm {year or ''}".strip()


def _roles(node: Assignment) -> tuple[str, str]:
    leads = [r.agency for r in node.roles if r.role is AgencyRole.LEAD]
    if not leads:  # bodies named together share the lead ("Đề nghị A, B chỉ đạo …")
        leads = list(node.agencies) if node.requested else list(node.agencies[:1])
    stated = [r.agency for r in node.roles if r.role is AgencyRole.COORDINATE]
    others = [a for a in (*stated, *node.agencies) if a not in leads]
    return ", ".join(leads), ", ".join(dict.fromkeys(others))


def task_rows(sections: tuple[object, ...], subject: str, year: int | None) -> tuple[TaskRow, ...]:
    """One row per duty of every assignment: the duty, its lead and coordinating bodies."""
    period = _period(subject, year)
    rows = []
    for entry in walk(sections):  # type: ignore[arg-type]
        node = entry.node
        if not isinstance(node, Assignment):
            continue
        lead, coordinate = _roles(node)
        if node.requested:
            lead = f"Đề nghị {lead}" if lead else lead
        duties = [c.text for c in node.children if isinstance(c, Paragraph | Target | Reporting)]
        for duty in duties or [node.text]:
            rows.append(
                TaskRow(
                    task=duty.rstrip(";.").strip() or duty,  # a duty of punctuation only stays
                    lead=lead,
                    coordinate=coordinate,
                    time=period,
                    output=_output(duty),
                )
            )
    return tuple(rows)
