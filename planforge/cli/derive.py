"""``planforge derive PLAN.yaml --profile P.yaml -o OUTDIR``: every lower unit's draft."""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from planforge.derivation.cover_letter import cover_letter
from planforge.derivation.derive import derive_with_review, find_unit
from planforge.errors import OutputExistsError
from planforge.i18n import _, ngettext
from planforge.loading.plan_file import dump_plan, load_plan
from planforge.loading.profile_file import load_profile
from planforge.rendering.pdf import to_pdf
from planforge.rendering.render import render_plan
from planforge.rendering.review_docx import render_review
from planforge.text.slug import slugify


def register(commands: Any) -> None:
    """Add the ``derive`` command."""
    derive = commands.add_parser(
        "derive", help=_("draft each lower unit's plan from a higher plan (lập kế hoạch cấp dưới)")
    )
    derive.add_argument("plan", type=Path, metavar="PLAN.yaml")
    derive.add_argument("--profile", type=Path, required=True, metavar="PROFILE.yaml")
    derive.add_argument("-o", "--output", type=Path, required=True, metavar="OUTDIR")
    derive.add_argument(
        "--unit",
        action="append",
        default=[],
        metavar="NAME",
        help=_("only this unit (repeat for several); default: every unit"),
    )
    derive.add_argument("--template", type=Path, metavar="T.docx")
    derive.add_argument("--pdf", action="store_true", help=_("also convert to PDF (LibreOffice)"))
    derive.add_argument(
        "--cover-letter",
        action="store_true",
        help=_("also write the công văn that sends the plan to the units"),
    )
    derive.add_argument("--force", action="store_true", help=_("replace an existing OUTDIR"))
    derive.set_defaults(run=run)


def _progress(done: int, total: int, name: str) -> None:
    if not sys.stderr.isatty():
        print(f"{done}/{total} {name}", file=sys.stderr)
        return
    width = 24
    filled = round(width * done / total)
    bar = "#" * filled + "-" * (width - filled)
    end = "\n" if done == total else ""
    print(f"\r[{bar}] {done}/{total} {name[:40]:<40}", end=end, file=sys.stderr, flush=True)


def _replace_folder(temporary: Path, target: Path) -> None:
    """Move the finished folder into place; an old one is removed only afterwards."""
    old = None
    if target.exists():
        old = target.with_name(f".{target.name}.old-{time.time_ns()}")
        target.rename(old)
    temporary.rename(target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def run(args: argparse.Namespace) -> int:
    """Derive every unit in memory first, then write them all into a fresh folder."""
    started = time.monotonic()
    source = load_plan(args.plan)
    profile = load_profile(args.profile)
    units = [find_unit(profile, name, str(args.profile)) for name in args.unit]
    units = units or list(profile.units)
    if args.output.exists() and not args.force:
        raise OutputExistsError(
            _("the output folder exists; pass --force to replace it, or choose another folder"),
            str(args.output),
        )
    derived = [(unit, *derive_with_review(source, unit, profile)) for unit in units]
    args.output.parent.mkdir(parents=True, exist_ok=True)
    temporary = Path(tempfile.mkdtemp(prefix=f".{args.output.name}.", dir=args.output.parent))
    try:
        documents: list[Path] = []
        for done, (unit, plan, review) in enumerate(derived, start=1):
            slug = unit.slug or slugify(unit.short_name)
            dump_plan(plan, temporary / f"{slug}.yaml")
            documents.append(render_plan(plan, temporary / f"{slug}.docx", args.template))
            documents.append(render_review(review, temporary / f"{slug}-review.docx"))
            _progress(done, len(derived), unit.short_name)
        if args.cover_letter:
            letter = cover_letter(source, profile)
            dump_plan(letter, temporary / "cong-van.yaml")
            documents.append(render_plan(letter, temporary / "cong-van.docx"))
        if args.pdf:
            to_pdf(documents, temporary)
        _replace_folder(temporary, args.output)
    except BaseException:
        shutil.rmtree(temporary, ignore_errors=True)
        raise
    count = len(documents) * (2 if args.pdf else 1)
    seconds = time.monotonic() - started
    units_done = ngettext("{units} unit", "{units} units", len(derived)).format(units=len(derived))
    print(
        _("{units_done}, {count} documents in {seconds:.1f} s → {output}").format(
            units_done=units_done, count=count, seconds=seconds, output=args.output
        )
    )
    return 0
