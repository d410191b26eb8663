"""``planforge template init|check``: an agency's own copy of a template, and its check."""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path
from typing import Any

from planforge.errors import OutputExistsError
from planforge.files import atomic_path
from planforge.i18n import _, ngettext
from planforge.rendering.context_schema import SCHEMAS
from planforge.rendering.render import default_template
from planforge.rendering.template_check import check_template

PROBLEMS = 1
"""Exit status of ``template check`` when the template has problems (2: unreadable)."""


def bundled_names() -> list[str]:
    """The names of the bundled templates (``ke-hoach`` …)."""
    return sorted(path.stem for path in default_template().parent.glob("*.docx"))


def register(commands: Any) -> None:
    """Add the ``template`` command and its ``init`` and ``check`` actions."""
    template = commands.add_parser("template", help=_("copy a bundled Word template, check one"))
    actions = template.add_subparsers(dest="action", required=True, metavar="ACTION")
    init = actions.add_parser("init", help=_("write a copy of a bundled template to edit in Word"))
    init.add_argument("name", choices=bundled_names(), metavar="NAME", help=_("e.g. ke-hoach"))
    init.add_argument("output", type=Path, metavar="T.docx")
    init.add_argument("--force", action="store_true", help=_("replace an existing file"))
    init.set_defaults(run=run_init)
    check = actions.add_parser(
        "check", help=_("report split tags, unknown variables and docxtpl pitfalls")
    )
    check.add_argument("template", type=Path, metavar="T.docx")
    check.add_argument(
        "--type",
        dest="schema",
        choices=sorted(SCHEMAS),
        help=_(
            "the document type whose context the template receives "
            "(default: the template's title property, else ke-hoach)"
        ),
    )
    check.set_defaults(run=run_check)


def run_init(args: argparse.Namespace) -> int:
    """Copy the bundled template; an existing file is kept unless --force."""
    if args.output.exists() and not args.force:
        raise OutputExistsError(
            _("the file exists; pass --force to replace it, or choose another name"),
            str(args.output),
        )
    with atomic_path(args.output) as temporary:
        shutil.copyfile(default_template(args.name), temporary)
    print(_("wrote {path}").format(path=args.output))
    return 0


def run_check(args: argparse.Namespace) -> int:
    """One line per problem, then a summary; exit 1 when there are problems."""
    report = check_template(args.template, SCHEMAS[args.schema] if args.schema else None)
    for problem in report.problems:
        print(f"{args.template}: {problem}")
    count = len(report.problems)
    if count:
        problems = ngettext("{count} problem", "{count} problems", count).format(count=count)
        print(f"{args.template}: {problems}")
        return PROBLEMS
    print(
        _("{template}: ok ({tags} tags, {schema} context)").format(
            template=args.template, tags=report.tags, schema=report.schema
        )
    )
    return 0
