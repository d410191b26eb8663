"""Reporting deadlines (chế độ báo cáo) stated in a sentence: periods, days, recipients."""

from __future__ import annotations

import re

from planforge.model import Deadline, Period
from planforge.reading.agencies import agency_phrase, split_agencies
from planforge.reading.vietnamese import is_agency_start

_PERIODS = (
    (Period.SIX_MONTHS, r"\b(?:0?6|sáu)\s+tháng\b"),
    (Period.QUARTER, r"\b(?:hằng|hàng|mỗi|theo|từng)\s+quý\b|\bbáo cáo quý\b"),
    (Period.MONTH, r"\b(?:hằng|hàng|mỗi|từng)\s+tháng\b"),
    (Period.YEAR, r"\b(?:hằng|hàng|mỗi)\s+năm\b|\b0?1\s+năm\b|\bbáo cáo năm\b|\bcả năm\b"),
    (Period.AD_HOC, r"\bđột xuất\b"),
)
_REPORT = re.compile(r"\bbáo cáo\b", re.IGNORECASE)
_DAY = re.compile(r"\b(?:trước|chậm nhất|trước ngày|ngày)\s+(?:ngày\s+)?(\d{1,2})/(\d{1,2})\b")
_VIA = re.compile(r"\(\s*qua\s+(?P<via>[^)]+)\)", re.IGNORECASE)
_TO = re.compile(r"\b(?:về|gửi|lên)\s+", re.IGNORECASE)
WINDOW = 90
"""How far (in characters) before "báo cáo" a period may stand to belong to it."""
AFTER = 15
"""How far after "báo cáo" a period may stand ("báo cáo 6 tháng")."""


def deadlines(text: str) -> tuple[Deadline, ...]:
    """The deadlines a sentence states; none unless it names a period near "báo cáo".

    >>> [(d.period.value, d.day, d.month, d.recipient) for d in deadlines(
    ...     "Các đơn vị báo cáo 6 tháng gửi trước ngày 25/6, báo cáo năm trước ngày 25/12")]
    [('six-months', 25, 6, None), ('year', 25, 12, None)]
    """
    reports = [m.start() for m in _REPORT.finditer(text)]
    if not reports:
        return ()
    found: list[tuple[int, Period]] = []
    for period, pattern in _PERIODS:
        for match in re.finditer(pattern, text, re.IGNORECASE):
            near = any(-AFTER <= r - match.start() <= WINDOW for r in reports)
            if near and period not in (p for _, p in found):
                found.append((match.start(), period))
    if not found:
        return ()
    found.sort()
    dates: dict[Period, tuple[int | None, int | None]] = {}
    for match in _DAY.finditer(text):
        before = [p for at, p in found if at < match.start() and p not in dates]
        given = int(match.group(1)), int(match.group(2))
        if before and 1 <= given[0] <= 31 and 1 <= given[1] <= 12:
            dates[before[-1]] = given
    recipients = _recipients(text, reports) or [None]
    out = []
    for _, period in found:
        day, month = dates[period] if period in dates else (None, None)
        for recipient in recipients:
            out.append(Deadline(period, day, month, recipient))
    return tuple(out)


def _recipients(text: str, reports: list[int]) -> list[str | None]:
    for start in reports:
        after = text[start + len("báo cáo") :].lstrip(" ,:")
        if is_agency_start(after):
            return list(split_agencies(agency_phrase(after)))
        to = _TO.search(after[:60])
        if to and is_agency_start(after[to.end() :]):
            return list(split_agencies(agency_phrase(after[to.end() :])))
    via = _VIA.search(text)
    if via:
        return [via["via"].strip()]
    return []
