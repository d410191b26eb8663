"""``planforge render PLAN.yaml … -o OUT [--pdf]``: plan files to Word documents (and PDF)."""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

from planforge.errors import OutputExistsError, PlanforgeError
from planforge.i18n import _
from planforge.loading.plan_file import load_document
from planforge.model import Letter, Plan
from planforge.rendering.pdf import to_pdf
from planforge.rendering.render import render_plan


def register(commands: Any) -> None:
    """Add the ``render`` command."""
    render = commands.add_parser("render", help=_("render plan files (.yaml) to Word (.docx)"))
    render.add_argument("plans", nargs="+", type=Path, metavar="PLAN.yaml")
    render.add_argument(
        "-o",
        "--output",
        type=Path,
        required=True,
        metavar="OUT",
        help=_("the .docx to write; a folder when several plans are given"),
    )
    render.add_argument(
        "--template",
        type=Path,
        metavar="T.docx",
        help=_("a Word template of your own instead of the bundled one"),
    )
    render.add_argument(
        "--pdf",
        action="store_true",
        help=_("also write a PDF beside each document (LibreOffice, one run for all)"),
    )
    render.add_argument("--force", action="store_true", help=_("replace existing output files"))
    render.set_defaults(run=run)


def output_pairs(plans: list[Path], output: Path) -> list[tuple[Path, Path]]:
    """Pair each plan with its output file; several plans (or OUT/) mean a folder."""
    if len(plans) == 1 and output.suffix.lower() == ".docx":
        return [(plans[0], output)]
    if output.suffix.lower() == ".docx":
        raise PlanforgeError(
            _("several plans need an output folder, not a .docx file"), str(output)
        )
    if output.exists() and not output.is_dir():
        raise PlanforgeError(_("the output exists and is not a folder"), str(output))
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
                _("the file exists; pass --force to replace it, or choose another output"),
                str(target),
            )


def run(args: argparse.Namespace) -> int:
    """Load every plan first, so that one bad file leaves no document half the batch."""
    pairs = output_pairs(args.plans, args.output)
    loaded = [(load_document(plan), target) for plan, target in pairs]
    targets = [target for _, target in loaded]
    pdfs = [target.with_suffix(".pdf") for target in targets] if args.pdf else []
    refuse_existing([*targets, *pdfs], args.force)
    if args.pdf:
        for path in render_with_pdf(loaded, args.template):
            print(_("wrote {path}").format(path=path))
        return 0
    for plan, target in loaded:
        render_plan(plan, target, args.template, overwrite=True)
        print(_("wrote {path}").format(path=target))
    return 0


def render_with_pdf(loaded: list[tuple[Plan | Letter, Path]], template: Path | None) -> list[Path]:
    """Render in a temporary folder beside the targets, convert in one soffice run, move.

    The documents and PDFs are moved into place only when all were made: a missing
    LibreOffice or a failed conversion leaves the targets untouched.
    """
    folder = loaded[0][1].parent
    created = not folder.exists()
    folder.mkdir(parents=True, exist_ok=True)
    try:
        with tempfile.TemporaryDirectory(prefix=".planforge-render-", dir=folder) as work:
            documents = [
                render_plan(plan, Path(work) / target.name, template) for plan, target in loaded
            ]
            pdfs = to_pdf(documents, work)
            written: list[Path] = []
            for (_, target), document, pdf in zip(loaded, documents, pdfs, strict=True):
                for source, place in ((document, target), (pdf, target.with_suffix(".pdf"))):
                    os.replace(source, place)
                    written.append(place)
    except BaseException:
        if created:
            shutil.rmtree(folder, ignore_errors=True)
        raise
    return written
