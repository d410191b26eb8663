"""Deadlines (thời hạn): the child's reports are due no later than the higher plan's (PR1),
and the child's plan does not run past the higher plan's period (PR2)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from planforge.conformance.findings import ParentFinding, Severity
from planforge.conformance.tree import Located
from planforge.i18n import N_, _
from planforge.model import Assignment, Period, Plan, Reporting

PERIODS = {
    Period.MONTH: N_("monthly"),
    Period.QUARTER: N_("quarterly"),
    Period.SIX_MONTHS: N_("six-month"),
    Period.YEAR: N_("yearly"),
    Period.AD_HOC: N_("ad hoc"),
}
_SPAN = re.compile(r"giai đoạn\s+(?:19|20)\d\d\s*[-–]\s*((?:19|20)\d\d)", re.IGNORECASE)
_YEAR = re.compile(r"(?:năm|đến năm)\s+((?:19|20)\d\d)", re.IGNORECASE)


def dated(entries: Iterable[Located]) -> dict[Period, tuple[int, int, str]]:
    """The earliest dated deadline of each period: (month, day, path)."""
    found: dict[Period, tuple[int, int, str]] = {}
    for entry in entries:
        node = entry.node
        if not isinstance(node, Reporting):
            continue
        for deadline in node.deadlines:
            if deadline.day is None or deadline.month is None:
                continue
            due = (deadline.month, deadline.day, entry.path)
            if deadline.period not in found or due[:2] < found[deadline.period][:2]:
                found[deadline.period] = due
    return found


def latest(entries: Iterable[Located]) -> dict[Period, tuple[int, int, str]]:
    """The latest dated deadline of each period: what the child gives itself at most."""
    found: dict[Period, tuple[int, int, str]] = {}
    for entry in entries:
        node = entry.node
        if not isinstance(node, Reporting):
            continue
        for deadline in node.deadlines:
            if deadline.day is None or deadline.month is None:
                continue
            due = (deadline.month, deadline.day, entry.path)
            if deadline.period not in found or due[:2] > found[deadline.period][:2]:
                found[deadline.period] = due
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
    parent: list[Located], child: list[Located], parent_name: str
) -> Iterator[ParentFinding]:
    """PR1 for each period whose report the child sets later than the higher plan."""
    wanted = dated(parent)
    given = latest(child)
    for period, (month, day, path) in wanted.items():
        if period not in given:
            continue
        c_month, c_day, c_path = given[period]
        if (c_month, c_day) > (month, day):
            message = _(
                "the {period} report is due on {child}, later than the higher plan's {parent}"
            ).format(
                period=_(PERIODS[period]),
                child=f"{c_day:02d}/{c_month:02d}",
                parent=f"{day:02d}/{month:02d}",
            )
            where = f"{parent_name} {path}"
            yield ParentFinding("PR1", Severity.ERROR, c_path, message, where, where)


def end_year(plan: Plan) -> int | None:
    """The last year of the plan's period, from its subject ("giai đoạn 2021 - 2025")."""
    subject = plan.header.subject
    span = _SPAN.search(subject)
    if span:
        return int(span.group(1))
    years = [int(y) for y in _YEAR.findall(subject)]
    return max(years) if years else None


def judge_period(child: Plan, parent: Plan, parent_name: str) -> Iterator[ParentFinding]:
    """PR2 when the child's plan runs past the end of the higher plan's period."""
    mine, theirs = end_year(child), end_year(parent)
    if mine is not None and theirs is not None and mine > theirs:
        message = _("the plan runs to {year}, past the end of the higher plan ({parent_year})")
        yield ParentFinding(
            "PR2",
            Severity.ERROR,
            _("subject"),
            message.format(year=mine, parent_year=theirs),
            parent_name,
            parent_name,
        )
