"""Deadlines (thời hạn): the child's reports are due no later than the higher plan's (PR1),
and the child's plan does not run past the higher plan's period (PR2)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from planforge.conformance.findings import ParentFinding, Severity
from planforge.conformance.tree import Located, located
from planforge.i18n import N_, _
from planforge.model import Assignment, Deadline, Period, Plan, Reporting, Target

PERIODS = {
    Period.MONTH: N_("monthly"),
    Period.QUARTER: N_("quarterly"),
    Period.SIX_MONTHS: N_("six-month"),
    Period.YEAR: N_("yearly"),
    Period.AD_HOC: N_("ad hoc"),
}
_SPAN = re.compile(r"giai đoạn\s+(?:19|20)\d\d\s*[-–]\s*((?:19|20)\d\d)", re.IGNORECASE)
_YEAR = re.compile(r"(?:năm|đến năm)\s+((?:19|20)\d\d)", re.IGNORECASE)
_OWN_END = re.compile(
    r"(?:thực hiện|hoàn thành|triển khai)\b[^.;:]{0,40}?\b(?:đến|trước|hết|xong)\s+"
    r"(?:hết\s+)?(?:ngày\s+\d{1,2}/\d{1,2}/|năm\s+)((?:19|20)\d\d)\b",
    re.IGNORECASE,
)
"""The plan's own end: "Kế hoạch được thực hiện đến hết năm 2026", "hoàn thành trước
ngày 31/12/2026"."""
PERIOD_END = {Period.SIX_MONTHS: 6, Period.YEAR: 12}
"""The month a report's period ends in: a due month more than six months before it is
in the following year ("báo cáo năm trước ngày 15/01" comes after "trước ngày 20/12")."""

Due = tuple[int, int, int]
"""When a report is due, comparable: (years after the period's, month, day)."""


def due(deadline: Deadline, text: str, year: int | None) -> Due | None:
    """When ``deadline`` (read in ``text``, of a plan for ``year``) falls due; None undated.

    A date written with its year ("15/01/2026") after the plan's year is in a later year;
    without one, a month long before the period's end is in the year after it.

    >>> due(Deadline(Period.YEAR, 15, 1), "báo cáo năm trước ngày 15/01", None)
    (1, 1, 15)
    >>> due(Deadline(Period.YEAR, 15, 12), "báo cáo trước ngày 15/12/2025", 2025)
    (0, 12, 15)
    """
    if deadline.day is None or deadline.month is None:
        return None
    written = re.search(rf"\b0?{deadline.day}/0?{deadline.month}/((?:19|20)\d\d)\b", text)
    if written is not None and year is not None:
        return (max(0, int(written.group(1)) - year), deadline.month, deadline.day)
    end = PERIOD_END.get(deadline.period)
    later = end is not None and end - deadline.month > 6
    return (1 if later else 0, deadline.month, deadline.day)


def _dues(entries: Iterable[Located], year: int | None) -> Iterator[tuple[Period, Due, str]]:
    for entry in entries:
        node = entry.node
        if not isinstance(node, Reporting):
            continue
        for deadline in node.deadlines:
            when = due(deadline, node.text, year)
            if when is not None:
                yield deadline.period, when, entry.path


def dated(entries: Iterable[Located], year: int | None = None) -> dict[Period, tuple[Due, str]]:
    """The earliest dated deadline of each period, and its path."""
    found: dict[Period, tuple[Due, str]] = {}
    for period, when, path in _dues(entries, year):
        if period not in found or when < found[period][0]:
            found[period] = (when, path)
    return found


def latest(entries: Iterable[Located], year: int | None = None) -> dict[Period, tuple[Due, str]]:
    """The latest dated deadline of each period: what the child gives itself at most."""
    found: dict[Period, tuple[Due, str]] = {}
    for period, when, path in _dues(entries, year):
        if period not in found or when > found[period][0]:
            found[period] = (when, path)
    return found


def for_child(parent: list[Located], addressed: set[str]) -> list[Located]:
    """The higher plan's reporting that binds the child: outside any assignment (every unit
    reports), or inside one addressed to the child."""
    return [
        e
        for e in parent
        if isinstance(e.node, Reporting)
        and (not e.agencies or any(e.path.startswith(p) for p in addressed))
        and not isinstance(e.node, Assignment)
    ]


def judge_reporting(
    parent: list[Located],
    child: list[Located],
    parent_name: str,
    years: tuple[int | None, int | None] = (None, None),
) -> Iterator[ParentFinding]:
    """PR1 for each period whose report the child sets later than the higher plan;
    ``years`` are the child's and the parent's plan years (for dates written in full)."""
    wanted = dated(parent, years[1])
    given = latest(child, years[0])
    for period, (when, path) in wanted.items():
        if period not in given:
            continue
        mine, c_path = given[period]
        if mine > when:
            message = _(
                "the {period} report is due on {child}, later than the higher plan's {parent}"
            ).format(period=_(PERIODS[period]), child=_shown(mine), parent=_shown(when))
            where = f"{parent_name} {path}"
            yield ParentFinding("PR1", Severity.ERROR, c_path, message, where, where)


def _shown(when: Due) -> str:
    later, month, day = when
    shown = f"{day:02d}/{month:02d}"
    return shown + (_(" of the following year") if later else "")


def end_year(plan: Plan) -> int | None:
    """The last year of the plan's period: from its subject ("giai đoạn 2021 - 2025",
    "năm 2025"), or later when its own text says so ("thực hiện đến hết năm 2026")."""
    found = _end(plan)
    return found[0] if found else None


def _end(plan: Plan) -> tuple[int, str | None] | None:
    """The plan's last year and the path of the text saying it (None: the subject)."""
    subject = plan.header.subject
    span = _SPAN.search(subject)
    years = [int(span.group(1))] if span else [int(y) for y in _YEAR.findall(subject)]
    found: list[tuple[int, str | None]] = [(y, None) for y in years]
    for entry in located(plan):
        text = getattr(entry.node, "text", "")
        if text and not isinstance(entry.node, Target):  # a target's "đến năm 2030" is an aim
            found += [(int(m.group(1)), entry.path) for m in _OWN_END.finditer(text)]
    return max(found, key=lambda f: f[0]) if found else None


def plan_year(plan: Plan) -> int | None:
    """The year a plan is for: its period's last year, or the year it is dated."""
    return end_year(plan) or plan.header.date.year


def judge_period(child: Plan, parent: Plan, parent_name: str) -> Iterator[ParentFinding]:
    """PR2 when the child's plan runs past the end of the higher plan's period."""
    ends, theirs = _end(child), end_year(parent)
    if ends is not None and theirs is not None and ends[0] > theirs:
        mine, where = ends
        message = _("the plan runs to {year}, past the end of the higher plan ({parent_year})")
        yield ParentFinding(
            "PR2",
            Severity.ERROR,
            where or _("subject"),
            message.format(year=mine, parent_year=theirs),
            parent_name,
            parent_name,
        )
