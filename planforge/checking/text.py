"""Small text and formatting tests the rules share: normalised keys, caps, sizes, rule lines."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from planforge.checking.formatting import ParagraphFormat, RunFormat
from planforge.text.metrics import text_width_mm

__all__ = [
    "DASHES",
    "all_bold",
    "all_italic",
    "any_bold",
    "any_italic",
    "is_caps",
    "is_rule",
    "key",
    "printed_mm",
    "printed_text",
    "rule_mm",
    "shown",
    "size_text",
    "sizes",
    "within",
]

DASHES = "\u2010\u2011\u2012\u2013\u2014\u2212"
"""Dash characters people type instead of the hyphen-minus (en dash, em dash, minus…)."""
_SPACES = re.compile(r"[\s\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
SIZE_TOLERANCE = 0.26
"""Half-points are the unit of ``w:sz``; 12.5 pt is not 13 pt."""


def key(text: str) -> str:
    """NFC, spaces of any kind collapsed, dashes as hyphen-minus, "HOÀ" as "HÒA", upper case.

    >>> key("Cộng hoà  xã\u00a0hội")
    'CỘNG HÒA XÃ HỘI'
    >>> key("Độc lập – Tự do")
    'ĐỘC LẬP - TỰ DO'
    """
    text = _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip()
    text = re.sub(f"[{DASHES}]", "-", text).upper()
    return text.replace("HOÀ", "HÒA").replace("HOÁ", "HÓA").replace("HUỶ", "HỦY")


def shown(run: RunFormat) -> str:
    """The run's text as printed: capitals when the run is formatted as all caps."""
    return run.text.upper() if run.caps else run.text


def printed_text(runs: Iterable[RunFormat]) -> str:
    """The text of runs as printed (caps formatting applied)."""
    return "".join(shown(run) for run in runs)


def is_caps(runs: Iterable[RunFormat]) -> bool:
    """Every cased letter printed as a capital, and some letter there."""
    text = printed_text(runs)
    return text == text.upper() and any(c.isalpha() for c in text)


def _inked(runs: Iterable[RunFormat]) -> list[RunFormat]:
    """Runs that print something other than white space."""
    return [run for run in runs if run.text.strip()]


def all_bold(runs: Iterable[RunFormat]) -> bool:
    inked = _inked(runs)
    return bool(inked) and all(run.bold for run in inked)


def any_bold(runs: Iterable[RunFormat]) -> bool:
    return any(run.bold for run in _inked(runs))


def all_italic(runs: Iterable[RunFormat]) -> bool:
    inked = _inked(runs)
    return bool(inked) and all(run.italic for run in inked)


def any_italic(runs: Iterable[RunFormat]) -> bool:
    return any(run.italic for run in _inked(runs))


def sizes(runs: Iterable[RunFormat]) -> set[float]:
    """The sizes of the runs that print ink."""
    return {run.size_pt for run in _inked(runs)}


def within(found: set[float], low: float, high: float) -> bool:
    """All sizes in ``low``–``high`` points (half a half-point of tolerance)."""
    return bool(found) and all(
        low - SIZE_TOLERANCE <= size <= high + SIZE_TOLERANCE for size in found
    )


def size_text(found: set[float]) -> str:
    """Sizes for a message: "12 pt", "12/14 pt".

    >>> size_text({12.0, 14.0}), size_text({10.5})
    ('12/14 pt', '10,5 pt')
    """
    return "/".join(f"{size:g}".replace(".", ",") for size in sorted(found)) + " pt"


def printed_mm(runs: Iterable[RunFormat]) -> float:
    """Printed width of runs on one line, in their faces and sizes (Times New Roman metrics)."""
    return sum(
        text_width_mm(shown(run), run.size_pt, bold=run.bold, italic=run.italic) for run in runs
    )


def rule_mm(paragraph: ParagraphFormat, runs: Iterable[RunFormat]) -> float | None:
    """Length of the line a rule piece prints: underscores, underlined blanks or a drawn line.

    None when the line is a paragraph border, whose length depends on the column.
    """
    runs = list(runs)
    lines = [
        run
        for run in runs
        if set(run.text.strip()) == {"_"} or (not run.text.strip() and run.underline != "none")
    ]
    if lines:
        return printed_mm(lines)
    if paragraph.drawn_lines_mm:
        return max(paragraph.drawn_lines_mm)
    return None


def is_rule(paragraph: ParagraphFormat, runs: Iterable[RunFormat]) -> bool:
    """Whether a piece prints only a horizontal line (underscores, underline, shape, border)."""
    runs = list(runs)
    text = "".join(run.text for run in runs).strip()
    underlined = any(not run.text.strip() and run.underline != "none" for run in runs)
    if text and set(text) <= {"_"}:
        return True
    if text:
        return False
    return underlined or bool(paragraph.drawn_lines_mm) or paragraph.border_bottom
