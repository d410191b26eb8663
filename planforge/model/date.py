"""The date of a document (ngày tháng năm ban hành), with blanks allowed in drafts."""

from __future__ import annotations

import calendar
import datetime
import re

import attrs

from planforge.errors import ModelError
from planforge.i18n import _
from planforge.model._types import typed
from planforge.text.dates import date_words, short_date

UNKNOWN = "[ngày ban hành]"
"""How a plan file writes the date of a document that prints none."""

_ISO = re.compile(r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?\s*$")


@attrs.frozen(field_transformer=typed)
class IssueDate:
    """A date whose day, or day and month, may be blank (a draft).

    Blanks are filled in by the clerk after signing (Nghị định 30, Đ.15.2).
    ``year`` is None only for an imported document that prints no date at all:
    the date is then all blanks, written ``[ngày ban hành]`` in a plan file.
    """

    year: int | None
    month: int | None = None
    day: int | None = None

    def __attrs_post_init__(self) -> None:
        if self.year is None:
            if self.month is not None or self.day is not None:
                raise ModelError(_("a date with no year has no day or month either"), "year")
            return
        if not 1900 <= self.year <= 2200:
            raise ModelError(_("year {year} is out of range").format(year=self.year), "year")
        if self.month is None:
            if self.day is not None:
                raise ModelError(_("a day needs a month; leave both blank or give both"), "day")
            return
        if not 1 <= self.month <= 12:
            raise ModelError(
                _("month {month} does not exist; use 1 to 12").format(month=self.month), "month"
            )
        if self.day is not None:
            last = calendar.monthrange(self.year, self.month)[1]
            if not 1 <= self.day <= last:
                raise ModelError(
                    _(
                        "{day:02d}/{month:02d}/{year} does not exist: "
                        "month {month} of {year} has {last} days"
                    ).format(day=self.day, month=self.month, year=self.year, last=last),
                    "day",
                )

    @property
    def complete(self) -> bool:
        """True when day and month are both given."""
        return self.day is not None and self.month is not None

    @property
    def words(self) -> str:
        """``ngày 04 tháng 11 năm 2021`` (blanks as gaps)."""
        return date_words(self.year, self.month, self.day)

    @property
    def short(self) -> str:
        """``28/9/2021`` as cited inside sentences; falls back to words when blank."""
        if self.year is None or self.month is None or self.day is None:
            return self.words
        return short_date(self.year, self.month, self.day)

    @property
    def first_day(self) -> datetime.date:
        """The earliest day the date may be: a blank day or month is the first.

        A date with no year (a document that prints none) is taken as today's:
        the era (before or after the 2025 reform) is then the present one.
        """
        if self.year is None:
            return datetime.date.today()
        return datetime.date(self.year, self.month or 1, self.day or 1)

    def to_date(self) -> datetime.date:
        """The calendar date; a ModelError for a draft date with blanks."""
        if self.year is None or self.month is None or self.day is None:
            raise ModelError(_("the date has blanks; it is a draft"))
        return datetime.date(self.year, self.month, self.day)

    def __str__(self) -> str:
        if self.year is None:
            return UNKNOWN
        if self.month is None:
            return f"{self.year}"
        if self.day is None:
            return f"{self.year}-{self.month:02d}"
        return f"{self.year}-{self.month:02d}-{self.day:02d}"

    @classmethod
    def parse(cls, text: str) -> IssueDate:
        """Read ``2021-11-04``, ``2023-03`` (day blank) or ``2023`` (day and month blank).

        >>> str(IssueDate.parse("2021-11-4")), str(IssueDate.parse("2023-03"))
        ('2021-11-04', '2023-03')
        """
        if text.strip() == UNKNOWN:
            return cls(None)
        match = _ISO.match(text)
        if not match:
            raise ModelError(
                _(
                    "cannot read date {text!r}; write YYYY-MM-DD, or YYYY-MM / YYYY in a draft"
                ).format(text=text)
            )
        year, month, day = (int(g) if g else None for g in match.groups())
        assert year is not None
        return cls(year, month, day)
