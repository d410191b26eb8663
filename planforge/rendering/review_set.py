"""What the reviewer of a derivation reads besides the drafts: tracked changes and the summary.

Per unit, ``<unit>-thay-doi.docx``: the higher plan's wording with the Word
revisions that make it the unit's draft (:mod:`.tracked_docx`).  For the whole
derivation, ``tong-hop.xlsx`` and ``tong-hop.json`` (:mod:`.summary_files`).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path

from planforge.derivation.review import Review
from planforge.derivation.summary import Drafted, drafted, summarize_drafted
from planforge.model import Plan
from planforge.model.profile import Unit
from planforge.rendering.package import document_datetime
from planforge.rendering.render import render_plan
from planforge.rendering.summary_files import write_summary_json, write_summary_xlsx
from planforge.rendering.tracked_docx import render_changes

SUMMARY = "tong-hop"
"""The summary's file name, without its extension (.xlsx, .json)."""
CHANGES = "-thay-doi"
"""What ends the name of a unit's tracked-changes copy, before .docx."""


def write_changes(
    parent: bytes, source: Plan, unit: Unit, plan: Plan, place: Callable[[str], Path]
) -> Path:
    """Write one unit's tracked-changes copy; return its path.

    ``parent`` is the higher plan rendered with the template of the unit's draft
    ``<file_stem>.docx``, already written in the output folder (``place`` gives the
    path of a file name there), so that both share one layout.
    """
    draft = place(f"{unit.file_stem}.docx").read_bytes()
    date = document_datetime(plan.header.date or source.header.date).date()
    return render_changes(parent, draft, place(f"{unit.file_stem}{CHANGES}.docx"), date)


def write_summary(
    source: Plan,
    derived: Sequence[Drafted],
    place: Callable[[str], Path],
) -> None:
    """Write the derivation's summary, ``tong-hop.xlsx`` and ``tong-hop.json``, from the
    records of the drafts (:func:`~planforge.derivation.summary.drafted`)."""
    summary = summarize_drafted(source, derived)
    write_summary_xlsx(summary, place(f"{SUMMARY}.xlsx"), document_datetime(source.header.date))
    write_summary_json(summary, place(f"{SUMMARY}.json"))


def write_review_set(
    source: Plan,
    derived: Sequence[tuple[Unit, Plan, Review]],
    place: Callable[[str], Path],
    template: str | os.PathLike[str] | None = None,
) -> list[Path]:
    """Write the tracked-changes copies and the summary; return the copies' paths."""
    parent = render_plan(source, None, template)
    copies = [write_changes(parent, source, unit, plan, place) for unit, plan, _ in derived]
    write_summary(source, [drafted(*each) for each in derived], place)
    return copies
