"""docs/gallery.md shows a page image of every example, and exactly the images there are."""

from __future__ import annotations

import importlib.util
import re
import struct
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]
IMAGES = ROOT / "docs" / "images"
GALLERY = ROOT / "docs" / "gallery.md"
MAX_BYTES = 100_000
MAX_SIDE = round(297 / 25.4 * 70) + 1
"""The long side of an A4 page at 70 dpi, in pixels."""


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "page_images", ROOT / "scripts" / "page_images.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


SCRIPT = _script()
NAMES = [entry.name for entry in SCRIPT.entries()]


def test_the_gallery_covers_every_example_document_and_every_example_profile() -> None:
    """One entry per ke-hoach*/cong-van* file and one per profile-*.yaml under examples/."""
    documents = [*ROOT.glob("examples/*/ke-hoach*.yaml"), *ROOT.glob("examples/*/cong-van*.yaml")]
    profiles = list(ROOT.glob("examples/*/profile-*.yaml"))
    assert len(NAMES) == len(set(NAMES)) == len(documents) + len(profiles)
    assert {f"{p.parent.name}-{p.stem}" for p in [*documents, *profiles]} == set(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_every_example_has_an_image_of_its_first_page(name: str) -> None:
    """Run ``python scripts/page_images.py`` after adding an example."""
    assert (IMAGES / f"{name}-page1.png").is_file()


def test_the_gallery_references_exactly_the_images_present() -> None:
    """No image is missing from the page, and the page shows no image that does not exist."""
    shown = re.findall(r"!\[[^\]]*\]\(images/([^)]+\.png)\)", GALLERY.read_text(encoding="utf-8"))
    assert len(shown) == len(set(shown))
    assert set(shown) == {path.name for path in IMAGES.glob("*.png")}


@pytest.mark.parametrize("image", sorted(IMAGES.glob("*.png")), ids=lambda p: p.name)
def test_every_image_is_small(image: Path) -> None:
    """At most 70 dpi (an A4 side ≤ 820 pixels) and 100 KB."""
    data = image.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert max(width, height) <= MAX_SIDE
    assert len(data) <= MAX_BYTES
