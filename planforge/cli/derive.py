"""``planforge derive PLAN.yaml --profile P.yaml -o OUTDIR``: every lower unit's draft."""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path
from typing import Any

from planforge.batch import default_jobs, run_batch
from planforge.cli._data_units import add_arguments, units_profile
from planforge.cli._folders import check_replaceable, folder_lock, replace_folder, write_marker
from planforge.cli._progress import Progress
from planforge.derivation.cover_letter import cover_letter
from planforge.derivation.derive import derive_with_review, find_unit
from planforge.derivation.summary import Drafted, drafted
from planforge.errors import OutputError, OutputExistsError, UnitsError
from planforge.i18n import _, ngettext
from planforge.loading.plan_file import dump_plan, load_plan
from planforge.loading.profile_file import load_profile
from planforge.model import Plan
from planforge.model.profile import Profile, Unit
from planforge.outputs import inside, made_folder, staging
from planforge.rendering.pdf import to_pdf
from planforge.rendering.render import render_plan
from planforge.rendering.review_docx import render_review
from planforge.rendering.review_set import CHANGES, write_changes, write_summary


def register(commands: Any) -> None:
    """Add the ``derive`` command."""
    derive = commands.add_parser(
        "derive", help=_("draft each lower unit's plan from a higher plan (lập kế hoạch cấp dưới)")
    )
    derive.add_argument("plan", type=Path, metavar="PLAN.yaml")
    derive.add_argument("--profile", type=Path, metavar="PROFILE.yaml")
    derive.add_argument("-o", "--output", type=Path, required=True, metavar="OUTDIR")
    derive.add_argument(
        "--unit",
        action="append",
        default=[],
        metavar="NAME",
        help=_("only this unit (repeat for several); default: every unit"),
    )
    add_arguments(derive)
    derive.add_argument("--template", type=Path, metavar="T.docx")
    derive.add_argument("--pdf", action="store_true", help=_("also convert to PDF (LibreOffice)"))
    derive.add_argument(
        "--cover-letter",
        action="store_true",
        help=_("also write the công văn that sends the plan to the units"),
    )
    derive.add_argument("--force", action="store_true", help=_("replace an existing OUTDIR"))
    derive.add_argument(
        "--jobs",
        type=_jobs,
        default=default_jobs(),
        metavar="N",
        help=_("derive N units at a time, in N processes (default: the number of cores)"),
    )
    derive.set_defaults(run=run)


def _jobs(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(_("a whole number of at least 1"))
    return int(text)


def run(args: argparse.Namespace) -> int:
    """Derive every unit in memory first, then write them all into a fresh folder."""
    started = time.monotonic()
    source = load_plan(args.plan)
    given = load_profile(args.profile) if args.profile else None
    if args.units is not None:
        profile = units_profile(args, source, given)
    elif given is None:
        raise UnitsError(_("give --profile, or --units to take the units from data"), "derive")
    else:
        profile = given
    if args.facts is not None and args.units is None:
        raise UnitsError(_("--facts goes with --units"), str(args.facts))
    units = [find_unit(profile, name, str(args.profile)) for name in args.unit]
    units = units or list(profile.units)
    output: Path = args.output
    with made_folder(output.parent), folder_lock(output):
        if output.exists() and not args.force:
            raise OutputExistsError(
                _("the output folder exists; pass --force to replace it, or choose another folder"),
                str(output),
            )
        if output.exists():
            check_replaceable(output)
        with staging(output.parent, prefix=f".{output.name[:40]}.") as temporary:
            findings, count = _write(args, units, source, profile, temporary)
            replace_folder(temporary, output)
    seconds = time.monotonic() - started
    units_done = ngettext("{units} unit", "{units} units", len(units)).format(units=len(units))
    print(
        _("{units_done}, {count} documents in {seconds:.1f} s → {output}").format(
            units_done=units_done, count=count, seconds=seconds, output=output
        )
    )
    print(
        ngettext(
            "{count} finding of the derivation lint "
            "(per unit in tong-hop.xlsx, in full in the review tables)",
            "{count} findings of the derivation lint "
            "(per unit in tong-hop.xlsx, in full in the review tables)",
            findings,
        ).format(count=findings)
    )
    return 0


def _write(
    args: argparse.Namespace,
    units: list[Unit],
    source: Plan,
    profile: Profile,
    folder: Path,
) -> tuple[int, int]:
    """Derive and write every unit's files (draft, review table, tracked-changes copy),
    ``args.jobs`` units at a time, then the summary, the cover letter, the PDFs and the
    marker into ``folder``.

    Returns the number of lint findings and of documents.  A write error names the
    file in the output folder.
    """

    def place(name: str) -> Path:
        return inside(folder, name)

    parent = render_plan(source, None, args.template)  # once, shared by the workers

    def one(unit: Unit) -> Drafted:
        """Derive one unit and write its files: done in a worker process.

        What the summary needs of the unit's draft goes back to this process, not the
        whole draft (a national run has thousands).
        """
        plan, review = derive_with_review(source, unit, profile)
        stem = unit.file_stem
        dump_plan(plan, place(f"{stem}.yaml"))
        render_plan(plan, place(f"{stem}.docx"), args.template)
        render_review(review, place(f"{stem}-review.docx"))
        write_changes(parent, source, unit, plan, place)
        return drafted(unit, plan, review)

    documents = [
        place(f"{unit.file_stem}{suffix}.docx")
        for unit in units
        for suffix in ("", "-review", CHANGES)
    ]
    try:
        with Progress([unit.short_name for unit in units]) as progress:
            results = run_batch(
                units, one, jobs=args.jobs, on_done=lambda index, _done: progress.step(index)
            )
        write_summary(source, results, place)
        if args.cover_letter:
            letter = cover_letter(source, profile)
            dump_plan(letter, place("cong-van.yaml"))
            documents.append(render_plan(letter, place("cong-van.docx")))
        if args.pdf:
            to_pdf(documents, folder)
        write_marker(folder, (p.name for p in folder.iterdir()))
        # mkdtemp made the folder private (0700); give it the mode a plain mkdir would.
        umask = os.umask(0)
        os.umask(umask)
        folder.chmod(0o777 & ~umask)
    except OutputError as exc:  # name the user's folder, not the temporary one
        where = Path(exc.location or "")
        place = args.output / where.name if where.parent == folder else args.output
        raise OutputError(exc.message, str(place)) from exc
    findings = sum(len(record.review.findings) for record in results)
    return findings, len(documents) * (2 if args.pdf else 1)
