"""The place-and-date line (địa danh, ngày tháng năm) of Nghị định 30."""

from __future__ import annotations

DRAFT_GAP = "\u00a0" * 4
"""What stands for a day or month left blank in a draft: four no-break spaces."""


def day_text(day: int | None) -> str:
    """Return the day with a leading zero below 10, or a gap when blank.

    >>> day_text(4), day_text(28)
    ('04', '28')
    """
    return DRAFT_GAP if day is None else f"{day:02d}"


def month_text(month: int | None) -> str:
    """Return the month: 01 and 02 padded, 3 to 12 written plainly.

    >>> [month_text(m) for m in (1, 2, 3, 11)]
    ['01', '02', '3', '11']
    """
    if month is None:
        return DRAFT_GAP
    return f"{month:02d}" if month <= 2 else str(month)


def date_words(year: int | None, month: int | None, day: int | None) -> str:
    """Return "ngày DD tháng M năm YYYY" with Nghị định 30's padding.

    >>> date_words(2021, 11, 4)
    'ngày 04 tháng 11 năm 2021'
    >>> date_words(2020, 2, 5)
    'ngày 05 tháng 02 năm 2020'
    >>> date_words(2023, 3, None).replace("\u00a0", "_")
    'ngày ____ tháng 3 năm 2023'
    """
    shown = DRAFT_GAP * 2 if year is None else str(year)
    return f"ngày {day_text(day)} tháng {month_text(month)} năm {shown}"


def date_line(place: str, year: int | None, month: int | None, day: int | None) -> str:
    """Return the whole line of ô 4: place, a comma, then the date in words.

    >>> date_line("Lâm Đồng", 2021, 11, 4)
    'Lâm Đồng, ngày 04 tháng 11 năm 2021'
    """
    return f"{place}, {date_words(year, month, day)}"


def short_date(year: int, month: int, day: int) -> str:
    """Return the short citation form used inside sentences ("28/9/2021").

    >>> short_date(2021, 9, 28), short_date(2023, 2, 27)
    ('28/9/2021', '27/02/2023')
    """
    return f"{day:02d}/{month_text(month)}/{year}"
