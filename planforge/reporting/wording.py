"""The sentences of a report that cite its plan: the subject, the opening, the closing."""

from __future__ import annotations

from planforge.model import IssueDate, Plan
from planforge.model.report import ReportPeriod
from planforge.text.dates import month_text

BLANK = "…"
"""What a citation prints for a part of the plan's number or date left blank in a draft."""


def _number(plan: Plan) -> str:
    number = plan.header.number
    return number.file_form if number.serial is not None else f"{BLANK}/{number.symbol}"


def _dated(date: IssueDate) -> str:
    """ "ngày 04/11/2021"; a draft's blanks as "…": "ngày …/3/2023", "năm 2023"."""
    if date.month is None:
        return f"năm {date.year}"
    if date.day is None:
        return f"ngày {BLANK}/{month_text(date.month)}/{date.year}"
    return f"ngày {date.short}"


def short_citation(plan: Plan) -> str:
    """A later citation of the plan: type and number ("Kế hoạch số 7851/KH-UBND")."""
    return f"{plan.header.document_type.title} số {_number(plan)}"


def dated_citation(plan: Plan) -> str:
    """The plan with its date: "Kế hoạch số 7851/KH-UBND ngày 04/11/2021"."""
    return f"{short_citation(plan)} {_dated(plan.header.date)}"


def subject(plan: Plan, period: ReportPeriod, year: int) -> str:
    """The report's trích yếu: "Kết quả thực hiện Kế hoạch số … trong 6 tháng đầu năm 2022"."""
    return f"Kết quả thực hiện {dated_citation(plan)} trong {period.phrase(year)}"


def opening(plan: Plan, period: ReportPeriod, year: int) -> str:
    """The first paragraph, citing the plan in full and saying what follows."""
    header = plan.header
    issuer = header.issuing_agency.name
    topic = header.subject[:1].lower() + header.subject[1:]
    return (
        f"Thực hiện {dated_citation(plan)} của {issuer} về {topic}, {issuer} báo cáo kết quả "
        f"thực hiện {period.phrase(year)} như sau:"
    )


def closing(plan: Plan, period: ReportPeriod, year: int) -> str:
    """The last sentence, before "./.": "Trên đây là báo cáo kết quả thực hiện …"."""
    issuer = plan.header.issuing_agency.name
    return (
        f"Trên đây là báo cáo kết quả thực hiện {short_citation(plan)} {period.phrase(year)} "
        f"của {issuer}."
    )
