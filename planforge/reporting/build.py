"""build_report: a plan and its results in, the progress report (báo cáo) out."""

from __future__ import annotations

from typing import TypeVar

from planforge.errors import ModelError
from planforge.i18n import _
from planforge.model import DocumentNumber, DocumentType, Header, IssueDate, Plan, Target
from planforge.model.report import (
    DutyRow,
    Report,
    ReportPeriod,
    Results,
    TargetResult,
    TargetRow,
)
from planforge.reporting.assessment import overall
from planforge.reporting.check import problems
from planforge.reporting.paths import assignment_paths, target_paths
from planforge.reporting.recipients import default_recipients
from planforge.reporting.wording import closing, opening, subject

T = TypeVar("T")


def _agreed(name: str, given: T | None, written: T | None) -> T:
    """The period or year: given (command line) and written (results file) must agree."""
    if given is not None and written is not None and given != written:
        raise ModelError(
            _("the results file is for {name} {written}, not {given}").format(
                name=name, written=_shown(written), given=_shown(given)
            ),
            name,
        )
    value = given if given is not None else written
    if value is None:
        raise ModelError(
            _(
                "the report needs its {name} (--{name} on the command line, or {name} in the "
                "results file)"
            ).format(name=name),
            name,
        )
    return value


def _shown(value: object) -> str:
    return str(value.value) if isinstance(value, ReportPeriod) else str(value)


def report_header(
    plan: Plan, period: ReportPeriod, year: int, date: IssueDate | None = None
) -> Header:
    """The plan's issuer and place; a blank number "/BC-<issuer>"; the period's last month."""
    source = plan.header
    return Header(
        document_type=DocumentType.BAO_CAO,
        parent_agency=source.parent_agency,
        issuing_agency=source.issuing_agency,
        number=DocumentNumber(None, source.number.issuer_code, type_code="BC"),
        place=source.place,
        date=date or IssueDate(year, period.end_month),
        subject=subject(plan, period, year),
    )


def _target_row(path: str, target: Target, entry: TargetResult | None) -> TargetRow:
    if entry is None:
        return TargetRow(path=path, target=target)
    assessment = entry.assessment
    if assessment is None and entry.result:
        assessment = overall(target.measures, entry.result)
    return TargetRow(
        path=path, target=target, result=entry.result, note=entry.note, assessment=assessment
    )


def build_report(
    plan: Plan,
    results: Results | None = None,
    *,
    period: ReportPeriod | None = None,
    year: int | None = None,
    date: IssueDate | None = None,
) -> Report:
    """The progress report the plan asks for, with the clerk's ``results`` filled in.

    ``period`` and ``year`` come from the arguments or from ``results`` (they
    must agree); ``date`` defaults to the period's last month with a blank
    day. Without ``results`` every result, assessment and status is left
    empty for the clerk to write by hand. A result for a path the plan does
    not have, or with the wrong number of values, is an error.
    """
    results = results or Results()
    chosen = _agreed("period", period, results.period)
    when = _agreed("year", year, results.year)
    found = problems(plan, results)
    if found:
        raise found[0].error()
    by_target = {entry.path: entry for entry in results.targets}
    by_duty = {entry.path: entry for entry in results.assignments}
    duties = []
    for path, assignment in assignment_paths(plan):
        entry = by_duty.get(path)
        status, notes = (entry.status, entry.notes) if entry else (None, None)
        duties.append(DutyRow(path=path, assignment=assignment, status=status, notes=notes))
    return Report(
        header=report_header(plan, chosen, when, date),
        period=chosen,
        year=when,
        opening=results.opening or (opening(plan, chosen, when),),
        targets=[_target_row(p, t, by_target.get(p)) for p, t in target_paths(plan)],
        duties=duties,
        difficulties=results.difficulties,
        proposals=results.proposals,
        closing=closing(plan, chosen, when),
        recipients=results.recipients or default_recipients(plan, chosen),
        signature=results.signature or plan.signature,
    )
