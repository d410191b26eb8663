"""The skeleton of a results file: one empty entry per target and per assignment of a plan."""

from __future__ import annotations

from planforge.model import Plan
from planforge.model.report import DutyResult, ReportPeriod, Results, TargetResult
from planforge.reporting.paths import assignment_paths, target_paths
from planforge.reporting.recipients import default_recipients


def skeleton(plan: Plan, period: ReportPeriod | None = None, year: int | None = None) -> Results:
    """Results with nothing filled in: each target's text and one empty slot per measure.

    The recipients (when the period is known) and the signature are the
    defaults, written out so that the clerk can change them.
    """
    targets = tuple(
        TargetResult(path=path, text=target.text, result=(None,) * len(target.measures))
        for path, target in target_paths(plan)
    )
    duties = tuple(
        DutyResult(path=path, text=assignment.text) for path, assignment in assignment_paths(plan)
    )
    return Results(
        period=period,
        year=year,
        targets=targets,
        assignments=duties,
        recipients=default_recipients(plan, period) if period else None,
        signature=plan.signature,
    )
