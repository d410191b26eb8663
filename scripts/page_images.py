"""Page images of every example and docs/gallery.md (run: python scripts/page_images.py).

Every example document (``examples/*/ke-hoach*.yaml`` and ``cong-van*.yaml``) and, for
each example profile (``examples/*/profile-*.yaml``), the first unit's plan derived from
the plan beside it are rendered with the bundled templates and converted to PDF in one
soffice run. The first and the last page of each go to ``docs/images/<name>-page1.png`` and
``<name>-last.png`` (70 dpi, 16 grey levels, framed); ``docs/gallery.md`` shows them all.
PNGs of docs/images that no document makes any more are deleted.
"""

from __future__ import annotations

import struct
import subprocess
import sys
import tempfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from planforge import Letter, Plan, derive_plan, load_document, load_plan, load_profile  # noqa: E402
from planforge.checking.pdf_layout import page_count  # noqa: E402
from planforge.rendering.pdf import to_pdf  # noqa: E402
from planforge.rendering.render import render_plan  # noqa: E402

EXAMPLES = ROOT / "examples"
IMAGES = ROOT / "docs" / "images"
GALLERY = ROOT / "docs" / "gallery.md"
DPI = 70
DOCUMENTS = ("ke-hoach*.yaml", "cong-van*.yaml")
"""The example files that are documents, by name: plans and công văn."""
FRAME = 0x9  # the grey (of 16) of the one-pixel frame around each page


@dataclass(frozen=True)
class Entry:
    """A document of the gallery: its image name, where it comes from, how to make it."""

    name: str
    source: str
    make: Callable[[], Plan | Letter]


def example_documents() -> list[Path]:
    """The example documents: plan files and công văn files (not profiles, not results)."""
    return sorted(path for pattern in DOCUMENTS for path in EXAMPLES.glob(f"*/{pattern}"))


def example_profiles() -> list[Path]:
    """The example derivation profiles."""
    return sorted(EXAMPLES.glob("*/profile-*.yaml"))


def entries() -> list[Entry]:
    """Every example document, then one derived unit plan per example profile."""
    found = [
        Entry(f"{p.parent.name}-{p.stem}", f"`examples/{p.parent.name}/{p.name}`", _loader(p))
        for p in example_documents()
    ]
    for profile in example_profiles():
        source = next(profile.parent.glob("ke-hoach*.yaml"))
        found.append(
            Entry(
                f"{profile.parent.name}-{profile.stem}",
                f"derived from `{source.name}` with `{profile.name}`, its first unit",
                _deriver(source, profile),
            )
        )
    return found


def _loader(path: Path) -> Callable[[], Plan | Letter]:
    return lambda: load_document(path)


def _deriver(source: Path, profile_path: Path) -> Callable[[], Plan | Letter]:
    def make() -> Plan:
        profile = load_profile(profile_path)
        return derive_plan(load_plan(source), profile.units[0], profile)

    return make


def caption(document: Plan | Letter) -> str:
    """ "Kế hoạch 7851/KH-UBND, Ủy ban nhân dân tỉnh Lâm Đồng"; a draft's blank serial as "…"."""
    header = document.header
    number = header.number.file_form if header.number.serial else f"…{header.number.file_form}"
    return f"{header.document_type.title} {number}, {header.issuing_agency.name}"


def main() -> None:
    """Render all, convert in one soffice run, cut out the pages, write the gallery page."""
    IMAGES.mkdir(parents=True, exist_ok=True)
    sections: list[str] = []
    written: set[Path] = set()
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        made = [(entry, entry.make()) for entry in entries()]
        documents = [render_plan(doc, folder / f"{entry.name}.docx") for entry, doc in made]
        for (entry, document), pdf in zip(made, to_pdf(documents, folder), strict=True):
            images = page_images(pdf, entry.name)
            written.update(images)
            sections.append(gallery_section(entry, caption(document), images, page_count(pdf)))
    for stale in set(IMAGES.glob("*.png")) - written:
        stale.unlink()
        print(f"deleted {stale.relative_to(ROOT)}")
    GALLERY.write_text(gallery_page(sections), encoding="utf-8")
    print(f"wrote {GALLERY.relative_to(ROOT)}")


def page_images(pdf: Path, name: str) -> list[Path]:
    """The first and (if there are more pages) the last page as grey PNGs."""
    pages = page_count(pdf)
    images = []
    for page, label in ((1, "page1"), (pages, "last"))[: 2 if pages > 1 else 1]:
        ppm = pdf.with_name(f"{name}-{label}")
        pages_wanted = ["-f", str(page), "-l", str(page), "-singlefile"]
        subprocess.run(
            ["pdftoppm", "-gray", "-r", str(DPI), *pages_wanted, str(pdf), str(ppm)], check=True
        )
        image = IMAGES / f"{name}-{label}.png"
        image.write_bytes(grey_png(ppm.with_suffix(".pgm").read_bytes()))
        images.append(image)
        print(f"wrote {image.relative_to(ROOT)}")
    return images


def grey_png(pgm: bytes) -> bytes:
    """A binary PGM (P5, 8 bit) as a 4-bit grey PNG with a one-pixel frame: small and sharp."""
    magic, width_text, height_text, _, pixels = pgm.split(maxsplit=4)
    assert magic == b"P5", "pdftoppm -gray writes binary PGM"
    width, height = int(width_text), int(height_text)
    rows = []
    for y in range(height):
        levels = [v >> 4 for v in pixels[y * width : (y + 1) * width]]
        if y in (0, height - 1):
            levels = [FRAME] * width
        levels[0] = levels[-1] = FRAME
        levels.append(0)  # pad an odd width
        packed = bytes(levels[i] << 4 | levels[i + 1] for i in range(0, width, 2))
        rows.append(b"\x00" + packed)  # filter type 0 for each row

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 4, 0, 0, 0, 0)
    return b"".join(
        (
            b"\x89PNG\r\n\x1a\n",
            chunk(b"IHDR", header),
            chunk(b"IDAT", zlib.compress(b"".join(rows), 9)),
            chunk(b"IEND", b""),
        )
    )


def gallery_section(entry: Entry, title: str, images: list[Path], pages: int) -> str:
    """One document: heading, where it comes from, its first and last page side by side."""
    counted = f"{pages} page{'s' if pages > 1 else ''}"
    heads = ["Page 1", f"Page {pages} (last)"][: len(images)]
    cells = [
        f"![{title}, {head.lower()}](images/{image.name})"
        for head, image in zip(heads, images, strict=True)
    ]
    return "\n".join(
        [
            f"## {title}",
            "",
            f"{entry.source}; {counted}.",
            "",
            "| " + " | ".join(heads) + " |",
            "|" + "---|" * len(heads),
            "| " + " | ".join(cells) + " |",
            "",
        ]
    )


def gallery_page(sections: list[str]) -> str:
    """The whole of docs/gallery.md."""
    intro = (
        "# Gallery\n\n"
        "Every example document, and one unit's plan derived with each example profile,\n"
        "as planforge renders them with the bundled templates and LibreOffice prints them:\n"
        "the first and the last page, at 70 dpi. `python scripts/page_images.py` renders them\n"
        "again and rewrites this page; do not edit it by hand.\n"
    )
    return intro + "\n" + "\n".join(sections)


if __name__ == "__main__":
    main()
