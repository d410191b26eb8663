"""Benchmark: a batch of units against plain docxtpl renders of the same documents.

Run: ``python benchmarks/derive_batch.py [UNITS] [--jobs N]`` (default 60 units, the
cores).  The Lâm Đồng plan is derived for UNITS communes made from the 2025
commune profile.  Three figures, all measured in this one run:

1. plain docxtpl renders each unit's draft one by one (its context computed
   beforehand, a fresh ``DocxTemplate`` each time, as a script would);
2. planforge renders the same drafts as a batch (``planforge.batch.run_batch``
   across the workers: the template prepared once, the package written in one
   pass) — the target is at least 2x the documents per second of (1);
3. planforge derives and renders each unit as ``planforge derive`` does (plan file,
   draft, review), across the workers: the cost of the derivation on top.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import attrs
from docxtpl import DocxTemplate

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from planforge import load_plan, load_profile, render_plan  # noqa: E402
from planforge.batch import default_jobs, run_batch  # noqa: E402
from planforge.derivation.derive import derive_with_review  # noqa: E402
from planforge.loading.plan_file import dump_plan  # noqa: E402
from planforge.model import Plan  # noqa: E402
from planforge.model.profile import Unit  # noqa: E402
from planforge.rendering.context import build_context  # noqa: E402
from planforge.rendering.render import default_template  # noqa: E402
from planforge.rendering.review_docx import render_review  # noqa: E402

PLAN = ROOT / "examples" / "lam-dong-2021" / "ke-hoach-7851.yaml"
PROFILE = ROOT / "examples" / "lam-dong-2021" / "profile-2025-communes.yaml"


def _units(count: int) -> list[Unit]:
    template = load_profile(PROFILE).units[-1]
    return [
        attrs.evolve(
            template,
            name=f"Ủy ban nhân dân xã Thử {i}",
            short_name=f"xã Thử {i}",
            place=f"Thử {i}",
        )
        for i in range(count)
    ]


def main() -> None:
    """Print the three rates and the ratios."""
    parser = argparse.ArgumentParser()
    parser.add_argument("units", type=int, nargs="?", default=60)
    parser.add_argument("--jobs", type=int, default=default_jobs())
    args = parser.parse_args()
    count, jobs = args.units, args.jobs
    source = load_plan(PLAN)
    profile = load_profile(PROFILE)
    units = _units(count)
    drafts: list[Plan] = [derive_with_review(source, unit, profile)[0] for unit in units]
    contexts: list[dict[str, Any]] = [dict(build_context(plan)) for plan in drafts]
    with tempfile.TemporaryDirectory() as work:
        out = Path(work)
        start = time.perf_counter()
        for index, context in enumerate(contexts):
            document = DocxTemplate(default_template())
            document.render(context, autoescape=True)
            document.save(out / f"plain-{index}.docx")
        plain = time.perf_counter() - start

        def render_one(index: int) -> None:
            render_plan(drafts[index], out / f"batch-{index}.docx")

        start = time.perf_counter()
        run_batch(range(count), render_one, jobs=jobs)
        batch = time.perf_counter() - start

        def derive_one(unit: Unit) -> None:
            plan, review = derive_with_review(source, unit, profile)
            stem = unit.file_stem
            dump_plan(plan, out / f"{stem}.yaml")
            render_plan(plan, out / f"{stem}.docx")
            render_review(review, out / f"{stem}-review.docx")

        start = time.perf_counter()
        run_batch(units, derive_one, jobs=jobs)
        derived = time.perf_counter() - start
    print(f"units: {count}, workers: {jobs}")
    print(f"plain docxtpl, one by one   : {count / plain:7.1f} docs/s ({plain:6.2f} s)")
    print(f"planforge render batch      : {count / batch:7.1f} docs/s ({batch:6.2f} s)")
    print(f"ratio batch/plain (docs/s)  : {plain / batch:7.2f} (target >= 2)")
    print(
        f"planforge derive + draft + review, batch: {count / derived:7.1f} units/s "
        f"({derived:6.2f} s; {2 * count / derived:.1f} docs/s)"
    )
    print(f"ratio derive-batch/plain (docs/s, drafts only): {plain / derived:7.2f}")
    print(f"3,321 communes at this rate : {derived / count * 3321 / 60:7.1f} min")


if __name__ == "__main__":
    main()
