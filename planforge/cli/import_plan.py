"""``planforge import SOURCE -o PLAN.yaml``: a Word, text or Markdown plan to a plan file."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from planforge.errors import OutputExistsError, PlanforgeError
from planforge.i18n import _, ngettext
from planforge.loading.plan_file import dump_plan
from planforge.reading.read import read_plan_report
from planforge.reading.report import counts


def register(commands: Any) -> None:
    """Add the ``import`` command."""
    command = commands.add_parser(
        "import", help=_("read an existing plan (.docx, .txt, .md) into a plan file (.yaml)")
    )
    command.add_argument("source", type=Path, metavar="SOURCE")
    command.add_argument(
        "-o",
        "--output",
        type=Path,
        required=True,
        metavar="PLAN.yaml",
        help=_("the plan file to write"),
    )
    command.add_argument(
        "--report",
        action="store_true",
        help=_("print what was recognised: header, section tree, counts and every warning"),
    )
    command.add_argument("--force", action="store_true", help=_("replace an existing plan file"))
    command.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Read first, then write atomically; an existing file is kept unless --force."""
    if args.output.suffix.lower() not in (".yaml", ".yml"):
        message = _("import writes a plan file (YAML): name it {name}")
        raise PlanforgeError(
            message.format(name=args.output.with_suffix(".yaml").name), str(args.output)
        )
    if args.output.exists() and not args.force:
        raise OutputExistsError(
            _("the file exists; pass --force to replace it, or choose another output"),
            str(args.output),
        )
    reading = read_plan_report(args.source)
    dump_plan(reading.plan, args.output, overwrite=args.force)
    plan = reading.plan
    summary = counts(plan.sections, plan.closing, len(plan.recipients.entries))
    warnings = ngettext("{count} warning", "{count} warnings", len(reading.warnings))
    print(
        _("wrote {path}: {summary}, {warnings}").format(
            path=args.output, summary=summary, warnings=warnings.format(count=len(reading.warnings))
        )
    )
    if args.report:
        print(reading.report())
    return 0
