"""``planforge check CHILD… --parent PARENT``: lower units' plans against their higher plan."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from planforge.checking.findings import Severity
from planforge.cli._parser import error_line
from planforge.errors import PlanforgeError
from planforge.i18n import _

LEVEL_CHOICES = ("xa", "phuong", "huyen", "so")
"""The values of ``--level``: the keys of ``levels`` in planforge/conformance/rules.yaml."""


def add_parent_options(check: Any) -> None:
    """The options of ``check`` for the check against the higher plan."""
    check.add_argument(
        "--parent",
        type=Path,
        metavar="PARENT",
        help=_("check the plans (.docx, .txt, .md, .yaml) against this higher plan"),
    )
    check.add_argument(
        "--level",
        choices=LEVEL_CHOICES,
        help=_("the plans' level (default: told from the issuing agency); with --parent"),
    )
    check.add_argument(
        "--xlsx",
        type=Path,
        metavar="SUMMARY.xlsx",
        help=_("also write the summary as a workbook; with --parent"),
    )
    check.add_argument("--force", action="store_true", help=_("replace an existing --xlsx file"))


def run_parent(args: argparse.Namespace) -> int:
    """Exit 0 without errors, 1 with errors, 2 when a file cannot be read or written.

    An unreadable child gets one line on stderr and the others are still checked;
    an unreadable parent, a missing --parent or an existing --xlsx stop before anything.
    """
    if args.parent is None:
        raise PlanforgeError(_("--level and --xlsx need --parent PARENT (the higher plan)"))
    # imported here: every command's start-up would otherwise load the matching libraries
    from planforge.conformance.check import Judgement, judge
    from planforge.conformance.sources import load_any
    from planforge.conformance.summary import as_json, child_report, table

    if args.xlsx is not None:
        from planforge.cli.render import refuse_existing

        refuse_existing([args.xlsx], args.force)
    parent = load_any(args.parent)
    judged: list[Judgement] = []
    failed = 0
    for path in args.documents:
        try:
            judged.append(judge(path, parent, level=args.level, layout=args.layout))
        except PlanforgeError as exc:
            failed += 1
            print(error_line(exc), file=sys.stderr)
    if args.xlsx is not None and judged:
        from planforge.conformance.workbook import write_workbook

        write_workbook(judged, args.xlsx)
    if args.json:
        print(json.dumps(as_json(judged), ensure_ascii=False, indent=2))
    elif judged:  # every child refused: their lines on stderr say it all
        for judgement in judged:
            print(child_report(judgement))
        print(table(judged))
    if failed:
        return 2
    return 1 if any(j.count(Severity.ERROR) for j in judged) else 0
