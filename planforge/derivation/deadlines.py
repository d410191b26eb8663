"""Reporting deadlines moved earlier, so the unit can report before the higher deadline."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable

import attrs

from planforge.model import Deadline, Period, Reporting

_YEAR = 2001  # any year without 29 February: deadlines are day and month only


def earlier(deadline: Deadline, days: int) -> Deadline:
    """The deadline ``days`` days before (25/6 − 5 days → 20/6)."""
    if deadline.day is None or deadline.month is None or days == 0:
        return deadline
    moved = datetime.date(_YEAR, deadline.month, deadline.day) - datetime.timedelta(days=days)
    return attrs.evolve(deadline, day=moved.day, month=moved.month)


def _date_patterns(day: int, month: int) -> list[tuple[str, str]]:
    """How a sentence may write a day and month, and the format to write it back in."""
    return [
        (rf"(?<!\d)0?{day}/0?{month}(?![\d/])", "{d}/{m}"),
        (rf"ngày 0?{day} tháng 0?{month}(?!\d)", "ngày {d:02d} tháng {m}"),
    ]


def move_reporting(node: Reporting, days: int) -> tuple[Reporting, list[str]]:
    """The reporting sentence with every dated deadline ``days`` earlier, and notes."""
    text, deadlines, notes = node.text, [], []
    for deadline in node.deadlines:
        moved = earlier(deadline, days)
        deadlines.append(moved)
        if moved == deadline or deadline.day is None or deadline.month is None:
            continue
        assert moved.day is not None and moved.month is not None
        for pattern, form in _date_patterns(deadline.day, deadline.month):
            text = re.sub(pattern, form.format(d=moved.day, m=moved.month), text, count=1)
        notes.append(f"{deadline.day}/{deadline.month} → {moved.day}/{moved.month}")
    return attrs.evolve(node, text=text, deadlines=tuple(deadlines)), notes


PERIOD_WORDS = {
    Period.SIX_MONTHS: "6 tháng",
    Period.YEAR: "hằng năm",
    Period.QUARTER: "hằng quý",
    Period.MONTH: "hằng tháng",
    Period.AD_HOC: "đột xuất",
}
"""How a reporting sentence names each period ("6 tháng trước ngày 20/6")."""


def describe(deadlines: Iterable[Deadline]) -> str:
    """ "6 tháng trước ngày 20/6, hằng năm trước ngày 10/12"."""
    return ", ".join(f"{PERIOD_WORDS[d.period]} trước ngày {d.day}/{d.month}" for d in deadlines)


def dated(nodes: Iterable[Reporting]) -> list[Deadline]:
    """The dated deadlines of some reporting paragraphs, each once."""
    found = [d for n in nodes for d in n.deadlines if d.day is not None and d.month is not None]
    return list(dict.fromkeys(found))
