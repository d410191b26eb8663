"""``planforge report PLAN.yaml --period 6m|year -o REPORT.docx``: the report a plan asks for."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from planforge.cli.render import refuse_existing
from planforge.errors import ModelError, PlanforgeError
from planforge.i18n import _
from planforge.loading.plan_file import load_plan
from planforge.loading.results_file import dump_results, load_results
from planforge.model import IssueDate
from planforge.model.report import Report, ReportPeriod
from planforge.outputs import commit, staging, writing_as
from planforge.rendering.pdf import to_pdf
from planforge.rendering.report_docx import render_report
from planforge.reporting.build import build_report
from planforge.reporting.skeleton import skeleton

YAML_SUFFIXES = (".yaml", ".yml")


def register(commands: Any) -> None:
    """Add the ``report`` command."""
    report = commands.add_parser(
        "report",
        help=_(
            "write the progress report of a plan (báo cáo kết quả thực hiện), "
            "or with --skeleton the results file to fill in"
        ),
    )
    report.add_argument("plan", type=Path, metavar="PLAN.yaml")
    report.add_argument(
        "--period",
        choices=[p.value for p in ReportPeriod],
        help=_("6m: the first six months; year: the whole year (default: the results file's)"),
    )
    report.add_argument("--year", type=int, metavar="YYYY", help=_("the year reported on"))
    report.add_argument("--results", type=Path, metavar="RESULTS.yaml", help=_("the results"))
    report.add_argument(
        "--date", metavar="YYYY-MM", help=_("the report's date (default: the period's last month)")
    )
    report.add_argument(
        "--skeleton", action="store_true", help=_("write the results file to fill in instead")
    )
    report.add_argument("-o", "--output", type=Path, required=True, metavar="OUT")
    report.add_argument("--template", type=Path, metavar="T.docx")
    report.add_argument("--force", action="store_true", help=_("replace an existing output file"))
    report.add_argument("--pdf", action="store_true", help=_("also convert to PDF (LibreOffice)"))
    report.set_defaults(run=run)


def _check_output(args: argparse.Namespace) -> None:
    suffix = args.output.suffix.lower()
    if args.skeleton and suffix not in YAML_SUFFIXES:
        raise PlanforgeError(
            _("the skeleton is a YAML file: name it RESULTS.yaml"), str(args.output)
        )
    if not args.skeleton and suffix != ".docx":
        raise PlanforgeError(
            _("the report is a Word document: name it REPORT.docx"), str(args.output)
        )
    if args.skeleton and args.results:
        raise PlanforgeError(_("--skeleton writes a new results file; leave out --results"))
    if args.skeleton and args.pdf:
        raise PlanforgeError(_("--pdf converts the report; the skeleton is a YAML file"))
    outputs = [args.output, args.output.with_suffix(".pdf")] if args.pdf else [args.output]
    refuse_existing(outputs, args.force)


def _date(text: str | None) -> IssueDate | None:
    if text is None:
        return None
    try:
        return IssueDate.parse(text)
    except ModelError as exc:
        raise PlanforgeError(exc.message, "--date") from None


def _render_with_pdf(report: Report, output: Path, template: Path | None) -> Path:
    """Render and convert in a temporary folder, then move both into place together:
    a failed conversion leaves neither (and an old report as it was)."""
    pdf = output.with_suffix(".pdf")
    with staging(output.parent) as work:
        with writing_as(output):  # name the user's file, not the temporary one
            document = render_report(report, work / output.name, template)
        made = to_pdf([document], work)[0]
        spare = work / "spare"
        spare.mkdir()
        commit([(document, output), (made, pdf)], spare)
    return pdf


def run(args: argparse.Namespace) -> int:
    """Write the skeleton, or load plan and results, build the report and render it."""
    _check_output(args)
    plan = load_plan(args.plan)
    period = ReportPeriod(args.period) if args.period else None
    if args.skeleton:
        dump_results(skeleton(plan, period, args.year), args.output)
    else:
        results = (
            load_results(args.results, plan, period=period, year=args.year)
            if args.results
            else None
        )
        report = build_report(plan, results, period=period, year=args.year, date=_date(args.date))
        if args.pdf:
            pdf = _render_with_pdf(report, args.output, args.template)
            print(_("wrote {path}").format(path=args.output))
            print(_("wrote {path}").format(path=pdf))
            return 0
        render_report(report, args.output, args.template)
    print(_("wrote {path}").format(path=args.output))
    return 0
