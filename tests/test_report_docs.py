"""docs/report.md cannot drift from the results file's model or the template's context."""

from __future__ import annotations

import re
from pathlib import Path

import attrs
from factories import plan as factory_plan

from planforge.model.report import DutyResult, ReportPeriod, Results, TargetResult
from planforge.rendering.report_context import build_report_context
from planforge.reporting.build import build_report

PAGE = (Path(__file__).resolve().parents[1] / "docs" / "report.md").read_text(encoding="utf-8")


def test_report_md_lists_every_field_of_a_results_file() -> None:
    """Every field of Results, TargetResult and DutyResult is named on the page."""
    missing = [
        f"{cls.__name__}.{field.name}"
        for cls in (Results, TargetResult, DutyResult)
        for field in attrs.fields(cls)
        if f"`{field.name}`" not in PAGE
    ]
    assert missing == []


def test_report_md_lists_every_variable_of_the_template_context() -> None:
    """Every key of the context (and of its rows) is named in the template section."""
    report = build_report(factory_plan(), period=ReportPeriod.YEAR, year=2022)
    context = build_report_context(report)
    section = PAGE[PAGE.index("## Template context") :]
    documented = set(re.findall(r"`([a-z_.]+)`", section))
    shared = {"header", "title", "recipients", "signature"}
    assert set(context) - shared <= {name.split(".")[0] for name in documented}
    assert {f"sections.{key}" for key in context["sections"]} <= documented
    row_keys = {"number", "text", "planned", "results", "note", "achieved", "assessment"}
    assert row_keys | {"body", "status", "notes"} <= documented
