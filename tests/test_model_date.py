"""Dates: impossible dates refused, blanks allowed in drafts, the date line."""

import pytest

from planforge import IssueDate, ModelError
from planforge.text.dates import date_line


def test_the_date_line_pads_days_and_the_first_two_months() -> None:
    """ "ngày 04 tháng 11", "ngày 05 tháng 02", "tháng 3" unpadded."""
    assert date_line("Lâm Đồng", 2021, 11, 4) == "Lâm Đồng, ngày 04 tháng 11 năm 2021"
    assert date_line("Hà Nội", 2020, 2, 5) == "Hà Nội, ngày 05 tháng 02 năm 2020"
    assert date_line("Hà Nội", 2020, 3, 5) == "Hà Nội, ngày 05 tháng 3 năm 2020"


def test_a_draft_leaves_the_day_or_the_day_and_month_blank() -> None:
    """Blanks print as gaps the clerk fills in after signing."""
    line = date_line("Lạng Sơn", 2023, 3, None).replace("\u00a0", "_")
    assert line == "Lạng Sơn, ngày ____ tháng 3 năm 2023"
    line = date_line("Lạng Sơn", 2023, None, None).replace("\u00a0", "_")
    assert line == "Lạng Sơn, ngày ____ tháng ____ năm 2023"


@pytest.mark.parametrize("text", ["2021-02-31", "2023-02-29", "2021-13-01", "2021-04-31"])
def test_it_refuses_impossible_dates(text: str) -> None:
    """31/02 and friends do not exist."""
    with pytest.raises(ModelError, match="does not exist"):
        IssueDate.parse(text)


def test_it_accepts_the_29th_of_february_in_a_leap_year() -> None:
    """2024 is a leap year."""
    assert IssueDate.parse("2024-02-29").day == 29


def test_a_day_without_a_month_is_refused() -> None:
    """Only the day, or the day and the month, may be blank."""
    with pytest.raises(ModelError, match="needs a month"):
        IssueDate(2023, None, 5)


def test_short_citation_form() -> None:
    """Sentences cite dates as 28/9/2021 and 27/02/2023."""
    assert IssueDate(2021, 9, 28).short == "28/9/2021"
    assert IssueDate(2023, 2, 27).short == "27/02/2023"
