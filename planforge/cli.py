"""The ``planforge`` command line: a thin layer over the library."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from planforge import __version__
from planforge.errors import OutputExistsError, PlanforgeError
from planforge.loading.plan_file import load_plan
from planforge.rendering.render import render_plan

INTERNAL_ERROR = 70


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="planforge",
        description="Kế hoạch theo Nghị định 30/2020/NĐ-CP: render, check and derive plans.",
    )
    parser.add_argument("--version", action="version", version=f"planforge {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    render = commands.add_parser("render", help="render plan files (.yaml) to Word (.docx)")
    render.add_argument("plans", nargs="+", type=Path, metavar="PLAN.yaml")
    render.add_argument(
        "-o",
        "--output",
        type=Path,
        required=True,
        metavar="OUT",
        help="the .docx to write; a folder when several plans are given",
    )
    render.add_argument(
        "--template",
        type=Path,
        metavar="T.docx",
        help="a Word template of your own instead of the bundled one",
    )
    render.add_argument("--force", action="store_true", help="replace existing output files")
    render.set_defaults(run=_render)

    validate = commands.add_parser("validate", help="check that plan files load without error")
    validate.add_argument("plans", nargs="+", type=Path, metavar="PLAN.yaml")
    validate.set_defaults(run=_validate)
    return parser


def _targets(plans: list[Path], output: Path) -> list[tuple[Path, Path]]:
    """Pair each plan with its output file; several plans (or OUT/) mean a folder."""
    if len(plans) == 1 and output.suffix.lower() == ".docx":
        return [(plans[0], output)]
    if output.suffix.lower() == ".docx":
        raise PlanforgeError("several plans need an output folder, not a .docx file", str(output))
    if output.exists() and not output.is_dir():
        raise PlanforgeError("the output exists and is not a folder", str(output))
    pairs = [(plan, output / f"{plan.stem}.docx") for plan in plans]
    names = [target for _, target in pairs]
    if len(set(names)) != len(names):
        pairs = [(plan, output / f"{plan.parent.name}-{plan.stem}.docx") for plan in plans]
    return pairs


def _render(args: argparse.Namespace) -> int:
    pairs = _targets(args.plans, args.output)
    loaded = [(load_plan(plan), target) for plan, target in pairs]
    if not args.force:
        for _, target in loaded:
            if target.exists():
                raise OutputExistsError(
                    "the file exists; pass --force to replace it, or choose another output",
                    str(target),
                )
    for plan, target in loaded:
        render_plan(plan, target, args.template, overwrite=True)
        print(f"wrote {target}")
    return 0


def _validate(args: argparse.Namespace) -> int:
    for plan in args.plans:
        loaded = load_plan(plan)
        print(
            f"{plan}: ok ({len(list(loaded.entries()))} entries, "
            f"{len(loaded.targets())} targets, {len(loaded.assignments())} assignments)"
        )
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (2 for bad input)."""
    args = _parser().parse_args(argv)
    try:
        status: int = args.run(args)
        return status
    except PlanforgeError as exc:
        print(f"planforge: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        if os.environ.get("PLANFORGE_DEBUG"):
            raise
        print(
            f"planforge: internal error: {type(exc).__name__}: {exc} "
            "(set PLANFORGE_DEBUG=1 for details and report it)",
            file=sys.stderr,
        )
        return INTERNAL_ERROR
