"""``planforge validate PLAN.yaml …``: load plan files and summarise them."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from planforge.i18n import _
from planforge.loading.plan_file import load_document
from planforge.model import Letter


def register(commands: Any) -> None:
    """Add the ``validate`` command."""
    validate = commands.add_parser("validate", help=_("check that plan files load without error"))
    validate.add_argument("plans", nargs="+", type=Path, metavar="PLAN.yaml")
    validate.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Print one line per plan: ok and its counts."""
    # load_document, as render does: a công văn file validates like a plan file.
    for path in args.plans:
        plan = load_document(path)
        if isinstance(plan, Letter):
            print(
                _("{path}: ok (official letter, {entries} entries)").format(
                    path=path, entries=len(plan.entries())
                )
            )
            continue
        print(
            _(
                "{path}: ok ({entries} entries, {targets} targets, {assignments} assignments)"
            ).format(
                path=path,
                entries=len(list(plan.entries())),
                targets=len(plan.targets()),
                assignments=len(plan.assignments()),
            )
        )
    return 0
