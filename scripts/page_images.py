"""Render every example and save page images for the docs (run: python scripts/page_images.py).

Writes docs/images/<example>-page1.png and <example>-last.png: the first and
the last page of each example as LibreOffice prints it.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from planforge import load_plan, render_plan  # noqa: E402

IMAGES = ROOT / "docs" / "images"
DPI = 70


def main() -> None:
    """Render, convert in one soffice run, then cut the pages out with pdftoppm."""
    IMAGES.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        documents = []
        for plan_file in sorted((ROOT / "examples").glob("*/ke-hoach*.yaml")):
            name = f"{plan_file.parent.name}-{plan_file.stem}"
            documents.append(render_plan(load_plan(plan_file), folder / f"{name}.docx"))
        subprocess.run(
            [
                "soffice",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(folder),
                *map(str, documents),
            ],
            check=True,
            capture_output=True,
            timeout=300,
        )
        for document in documents:
            pdf = document.with_suffix(".pdf")
            pages = int(
                next(
                    line.split()[-1]
                    for line in subprocess.run(
                        ["pdfinfo", str(pdf)], check=True, capture_output=True, text=True
                    ).stdout.splitlines()
                    if line.startswith("Pages:")
                )
            )
            for page, label in ((1, "page1"), (pages, "last")):
                stem = IMAGES / f"{document.stem}-{label}"
                subprocess.run(
                    [
                        "pdftoppm",
                        "-png",
                        "-r",
                        str(DPI),
                        "-f",
                        str(page),
                        "-l",
                        str(page),
                        "-singlefile",
                        str(pdf),
                        str(stem),
                    ],
                    check=True,
                )
                print(f"wrote {stem}.png")


if __name__ == "__main__":
    main()
