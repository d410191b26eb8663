"""Benchmark: PDF through LibreOffice, one soffice per document against one for the batch.

Run: ``python benchmarks/pdf.py [DOCUMENTS]`` (default 8).  The Lâm Đồng plan is
derived for DOCUMENTS communes and each draft rendered; then the drafts are
converted once with one soffice run per document (what a script calling
``soffice --convert-to pdf`` per file does) and once with ``planforge.to_pdf``,
which converts the whole batch in one soffice process with one private profile
(what ``planforge derive --pdf`` and ``planforge render --pdf`` do).  soffice's
start-up (a few seconds) is paid once instead of once per document.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from derive_batch import PLAN, PROFILE, _units  # noqa: E402

from planforge import load_plan, load_profile, render_plan  # noqa: E402
from planforge.derivation.derive import derive_with_review  # noqa: E402
from planforge.rendering.pdf import to_pdf  # noqa: E402


def main(count: int = 8) -> None:
    """Print both rates in documents per second."""
    source, profile = load_plan(PLAN), load_profile(PROFILE)
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        drafts = [
            render_plan(derive_with_review(source, unit, profile)[0], folder / f"{index}.docx")
            for index, unit in enumerate(_units(count))
        ]
        start = time.perf_counter()
        for draft in drafts:
            to_pdf([draft], folder / "one-by-one")
        single = time.perf_counter() - start
        start = time.perf_counter()
        pdfs = to_pdf(drafts, folder / "batch")
        batch = time.perf_counter() - start
        assert all(pdf.stat().st_size > 0 for pdf in pdfs)
    print(f"documents                      : {count}")
    print(f"one soffice per document       : {count / single:6.2f} docs/s ({single:6.1f} s)")
    print(f"one soffice for the batch      : {count / batch:6.2f} docs/s ({batch:6.1f} s)")
    print(f"speed-up of the batch          : {single / batch:6.2f}x")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 8)
