"""Benchmark: ``import`` and ``check`` of a ten-page plan, each against 100 ms.

Run: ``python benchmarks/import_check.py [ROUNDS]`` (default 10).  The Lâm Đồng
plan is rendered (about ten A4 pages) and then read back as ``planforge import``
does (``read_plan_report``) and checked as ``planforge check`` does
(``check_document``, without LibreOffice's layout); the medians are printed.
The first call of each is left out of the medians and printed apart: it loads
the rule and catalogue files once per process.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from planforge import check_document, load_plan, read_plan_report, render_plan  # noqa: E402

PLAN = ROOT / "examples" / "lam-dong-2021" / "ke-hoach-7851.yaml"


def _timed(action: Callable[[], object], rounds: int) -> tuple[float, float, float]:
    """The first call's time, the median of the next ``rounds`` and their median CPU time
    (on a shared machine the CPU time tells what the wall time cannot)."""
    times, cpu = [], []
    for _ in range(rounds + 1):
        start, start_cpu = time.perf_counter(), time.process_time()
        action()
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return times[0], statistics.median(times[1:]), statistics.median(cpu[1:])


def main(rounds: int = 10) -> None:
    """Print the first and median times of import and check."""
    with tempfile.TemporaryDirectory() as work:
        document = render_plan(load_plan(PLAN), Path(work) / "ke-hoach.docx")
        size = document.stat().st_size
        first_import, imported, import_cpu = _timed(lambda: read_plan_report(document), rounds)
        first_check, checked, check_cpu = _timed(lambda: check_document(document), rounds)
    print(f"document: the Lâm Đồng plan rendered ({size // 1024} KB, about ten pages)")
    for name, first, median, cpu in (
        ("import (read_plan_report)", first_import, imported, import_cpu),
        ("check  (check_document)  ", first_check, checked, check_cpu),
    ):
        print(
            f"{name}: {median * 1000:7.1f} ms median, {cpu * 1000:.1f} ms CPU "
            f"(first {first * 1000:.0f} ms; target < 100)"
        )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10)
