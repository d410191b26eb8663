"""Benchmark: planforge's render against a plain docxtpl render of the same content.

Run: ``python benchmarks/render_vs_docxtpl.py [ROUNDS]``. Both sides render the
Lâm Đồng example with the bundled template; the plain side gets the context
already computed and uses docxtpl's default (unsandboxed) Jinja environment, so
the first ratio is what planforge's context building, sandbox, marks, document
properties and atomic, reproducible write cost on top of docxtpl itself (the
target: at most 1.0, the prepared template cache paying for them).  The second
adds reading the plan's YAML, which plain docxtpl does not do.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

from docxtpl import DocxTemplate

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from planforge import load_plan, render_plan  # noqa: E402
from planforge.rendering.context import build_context  # noqa: E402
from planforge.rendering.render import default_template  # noqa: E402

EXAMPLE = ROOT / "examples" / "lam-dong-2021" / "ke-hoach-7851.yaml"


def _timed(action: object, rounds: int) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        action()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(rounds: int = 10) -> None:
    """Print both medians and their ratio."""
    template = default_template()
    context = build_context(load_plan(EXAMPLE))
    with tempfile.TemporaryDirectory() as work:
        out = Path(work)

        def plain() -> None:
            document = DocxTemplate(template)
            document.render(context, autoescape=True)
            document.save(out / "plain.docx")

        plan = load_plan(EXAMPLE)

        def planforge_render() -> None:
            render_plan(plan, out / "planforge.docx")

        def planforge_load_render() -> None:
            render_plan(load_plan(EXAMPLE), out / "planforge.docx")

        plain_s = _timed(plain, rounds)
        ours_s = _timed(planforge_render, rounds)
        loaded_s = _timed(planforge_load_render, rounds)
    print(f"plain docxtpl render      : {plain_s * 1000:8.1f} ms (median of {rounds})")
    print(f"planforge render_plan     : {ours_s * 1000:8.1f} ms (context + sandboxed render)")
    print(f"planforge load+render_plan: {loaded_s * 1000:8.1f} ms (and reading the YAML)")
    print(f"ratio planforge/plain     : {ours_s / plain_s:8.2f} (target <= 1.0)")
    print(f"ratio with loading/plain  : {loaded_s / plain_s:8.2f}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10)
