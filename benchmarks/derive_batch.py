"""Benchmark: deriving and rendering a batch of units against plain docxtpl renders.

Run: ``python benchmarks/derive_batch.py [UNITS]`` (default 60). The Lâm Đồng
plan is derived for UNITS communes made from the 2025 commune profile and each
draft rendered; the plain side renders the same number of documents with
docxtpl from one precomputed context. The ratio is the cost of derivation
(re-scoping, mapping, review) on top of rendering, per unit — the number that
decides how long all 3,321 communes of the country take.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import attrs
from docxtpl import DocxTemplate

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from planforge import load_plan, load_profile, render_plan  # noqa: E402
from planforge.derivation.derive import derive_with_review  # noqa: E402
from planforge.rendering.context import build_context  # noqa: E402
from planforge.rendering.render import default_template  # noqa: E402

PLAN = ROOT / "examples" / "lam-dong-2021" / "ke-hoach-7851.yaml"
PROFILE = ROOT / "examples" / "lam-dong-2021" / "profile-2025-communes.yaml"


def main(count: int = 60) -> None:
    """Print both totals, the time per unit and their ratio."""
    source = load_plan(PLAN)
    profile = load_profile(PROFILE)
    template = profile.units[-1]
    units = [
        attrs.evolve(
            template, name=f"Ủy ban nhân dân xã Thử {i}", short_name=f"xã Thử {i}", place=f"Thử {i}"
        )
        for i in range(count)
    ]
    context = build_context(derive_with_review(source, units[0], profile)[0])
    with tempfile.TemporaryDirectory() as work:
        out = Path(work)
        start = time.perf_counter()
        for index in range(count):
            document = DocxTemplate(default_template())
            document.render(context, autoescape=True)
            document.save(out / f"plain-{index}.docx")
        plain = time.perf_counter() - start
        start = time.perf_counter()
        for index, unit in enumerate(units):
            plan, _ = derive_with_review(source, unit, profile)
            render_plan(plan, out / f"unit-{index}.docx")
        ours = time.perf_counter() - start
    print(
        f"plain docxtpl, {count} renders     : {plain:7.2f} s ({plain / count * 1000:6.1f} ms each)"
    )
    print(
        f"planforge derive + render, {count} : {ours:7.2f} s ({ours / count * 1000:6.1f} ms each)"
    )
    print(f"ratio planforge/plain             : {ours / plain:7.2f}")
    print(f"3,321 communes at this rate       : {ours / count * 3321 / 60:7.1f} min")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 60)
