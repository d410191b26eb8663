"""``planforge render PLAN.yaml … -o OUT``: plan files to Word documents."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from planforge.errors import OutputExistsError, PlanforgeError
from planforge.loading.plan_file import load_document
from planforge.rendering.render import render_plan


def register(commands: Any) -> None:
    """Add the ``render`` command."""
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
    render.set_defaults(run=run)


def output_pairs(plans: list[Path], output: Path) -> list[tuple[Path, Path]]:
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


def refuse_existing(targets: list[Path], force: bool) -> None:
    """Stop before writing anything if an output exists and --force was not given."""
    if force:
        return
    for target in targets:
        if target.exists():
            raise OutputExistsError(
                "the file exists; pass --force to replace it, or choose another output",
                str(target),
            )


def run(args: argparse.Namespace) -> int:
    """Load every plan first, so that one bad file leaves no document half the batch."""
    pairs = output_pairs(args.plans, args.output)
    loaded = [(load_document(plan), target) for plan, target in pairs]
    refuse_existing([target for _, target in loaded], args.force)
    for plan, target in loaded:
        render_plan(plan, target, args.template, overwrite=True)
        print(f"wrote {target}")
    return 0
