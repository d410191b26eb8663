"""``planforge render PLAN.yaml … -o OUT [--pdf]``: plan files to Word documents (and PDF)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from planforge.errors import OutputError, OutputExistsError, PlanforgeError
from planforge.i18n import _
from planforge.loading.plan_file import load_document
from planforge.model import Letter, Plan
from planforge.outputs import commit, staging, writing_as
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


NOT_DOCX = (".pdf", ".doc", ".odt", ".rtf", ".txt", ".md", ".html", ".yaml", ".yml")
"""Output suffixes that name another kind of file: never made into a folder of that name."""


def output_pairs(plans: list[Path], output: Path) -> list[tuple[Path, Path]]:
    """Pair each plan with its output file; several plans (or OUT/) mean a folder."""
    if len(plans) == 1 and output.suffix.lower() == ".docx":
        return [(plans[0], output)]
    if output.suffix.lower() == ".docx":
        raise PlanforgeError(
            _("several plans need an output folder, not a .docx file"), str(output)
        )
    if output.suffix.lower() in NOT_DOCX:
        message = _(
            "render writes Word documents: name the output {docx} (add --pdf for a PDF "
            "beside it) or give a folder"
        )
        raise PlanforgeError(message.format(docx=output.with_suffix(".docx").name), str(output))
    if output.exists() and not output.is_dir():
        raise PlanforgeError(_("the output exists and is not a folder"), str(output))
    # Plans of the same name take as many of their folders' names as tell them apart.
    depth = max(len(plan.resolve().parts) for plan in plans)
    for keep in range(1, depth + 1):
        pairs = [(plan, output / f"{_name(plan, keep)}.docx") for plan in plans]
        if _clash(pairs) is None:
            return pairs
    first, second = _clash(pairs) or (plans[0], plans[0])
    message = _(
        "{first} and {second} would be written to the same document; "
        "render them one at a time with -o FILE.docx"
    )
    raise PlanforgeError(message.format(first=first, second=second), str(output))


def _name(plan: Path, keep: int) -> str:
    """The plan's stem after the names of its last ``keep - 1`` folders: ``a-x-p``.

    >>> _name(Path("/data/a/x/p.yaml"), 3)
    'a-x-p'
    """
    folders = [part for part in plan.resolve().parent.parts if part != plan.anchor][-keep + 1 :]
    return "-".join([*folders, plan.stem]) if keep > 1 else plan.stem


def _clash(pairs: list[tuple[Path, Path]]) -> tuple[Path, Path] | None:
    """The first two plans whose documents share a name (regardless of case), if any."""
    seen: dict[str, Path] = {}
    for plan, target in pairs:
        other = seen.setdefault(target.name.casefold(), plan)
        if other is not plan:
            return other, plan
    return None


def refuse_existing(targets: list[Path], force: bool) -> None:
    """Stop before writing anything if an output exists and --force was not given."""
    for target in targets:
        if target.is_dir():
            raise OutputError(_("a folder of that name is in the way"), str(target))
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
    targets = [target for _plan, target in loaded]
    pdfs = [target.with_suffix(".pdf") for target in targets] if args.pdf else []
    refuse_existing([*targets, *pdfs], args.force)
    for path in render_batch(loaded, args.template, pdf=args.pdf):
        print(_("wrote {path}").format(path=path))
    return 0


def render_batch(
    loaded: list[tuple[Plan | Letter, Path]], template: Path | None, *, pdf: bool = False
) -> list[Path]:
    """Render in a temporary folder beside the targets (with ``pdf``, convert in one
    soffice run), then move everything into place.

    The documents (and PDFs) are moved only when all were made: a template error in
    the last plan, a missing LibreOffice or a failed conversion leaves the targets
    untouched, and a folder made for them is removed again.
    """
    folder = loaded[0][1].parent
    with staging(folder) as work:
        documents = []
        for plan, target in loaded:
            with writing_as(target):  # name the user's file, not the temporary one
                documents.append(render_plan(plan, work / target.name, template))
        targets = [target for _plan, target in loaded]
        moves = list(zip(documents, targets, strict=True))
        if pdf:  # each PDF right after its document, as the lines printed say
            pdfs = zip(to_pdf(documents, work), targets, strict=True)
            made = [(pdf, target.with_suffix(".pdf")) for pdf, target in pdfs]
            moves = [move for pair in zip(moves, made, strict=True) for move in pair]
        spare = work / "spare"
        spare.mkdir()
        commit(moves, spare)
    return [place for _source, place in moves]
