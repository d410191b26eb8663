"""The place-and-date line (ô 4) as printed: in words, in figures, or cut before its year."""

from __future__ import annotations

import re

from planforge.errors import ModelError
from planforge.model import IssueDate

_GAP = r"[\s.…_]*"
_DATE = re.compile(
    rf"^(?P<place>.*?),?\s*\bngày\b{_GAP}(?P<day>\d{{1,2}})?{_GAP}\btháng\b{_GAP}"
    rf"(?P<month>\d{{1,2}})?{_GAP}\bnăm\b\s*(?P<year>\d{{4}})\s*\.?$",
    re.IGNORECASE,
)
_SHORT_DATE = re.compile(
    r"^(?P<place>.*?),?\s*\bngày\b\s*(?P<day>\d{1,2})[/.-](?P<month>\d{1,2})[/.-](?P<year>\d{4})\s*\.?$",
    re.IGNORECASE,
)
OPEN_DATE = re.compile(
    rf"^.*?,?\s*\bngày\b{_GAP}(?:\d{{1,2}})?{_GAP}(?:\btháng\b{_GAP}(?:\d{{1,2}})?{_GAP}"
    rf"(?:\bnăm\b)?)?\s*$",
    re.IGNORECASE,
)
"""A date line hard-wrapped before its year ("Đồng Hỷ, ngày 12 tháng 5 năm")."""


def date_of(text: str) -> tuple[str | None, IssueDate] | None:
    """The place and the date of a date line, or None."""
    match = _DATE.match(text) or _SHORT_DATE.match(text)
    if not match:
        return None
    place = match["place"].strip() or None
    year = int(match["year"])
    month = int(match["month"]) if match["month"] else None
    day = int(match["day"]) if match["day"] and month else None
    try:
        return place, IssueDate(year, month, day)
    except ModelError:
        try:
            return place, IssueDate(year, month if month and 1 <= month <= 12 else None)
        except ModelError:
            return None
