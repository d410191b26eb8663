"""Urgency and circulation marks stand in frames, and the checker finds no fault with them."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest
from factories import plan

from planforge import Severity, Urgency, check_document, render_plan
from planforge.checking.formatting import read_paragraphs
from planforge.rendering.marks_docx import box_width_mm


def test_urgency_frames_have_the_decrees_widths() -> None:
    """KHẨN 20 mm, THƯỢNG KHẨN 40 mm, HỎA TỐC 30 mm; other marks fit their text."""
    assert [box_width_mm(t) for t in ("KHẨN", "THƯỢNG KHẨN", "HỎA TỐC")] == [20, 40, 30]
    assert 40 < box_width_mm("LƯU HÀNH NỘI BỘ") < 60


@pytest.mark.parametrize(
    "changes", [{"urgency": Urgency.HOA_TOC}, {"circulation": "Lưu hành nội bộ"}]
)
def test_a_marked_plan_prints_its_mark_framed_and_passes_m2(
    changes: dict[str, object], tmp_path: Path
) -> None:
    """The mark's paragraph has a frame of the right width; M2 stays silent."""
    marked = plan(header=attrs.evolve(plan().header, **changes))
    path = render_plan(marked, tmp_path / "marked.docx")
    mark = next(p for p in read_paragraphs(path) if p.text in ("HỎA TỐC", "LƯU HÀNH NỘI BỘ"))
    assert mark.paragraph.border_bottom
    width_cm = 16.5 - mark.paragraph.left_cm - mark.paragraph.right_cm
    assert width_cm == pytest.approx(box_width_mm(mark.text) / 10, abs=0.05)
    findings = [f for f in check_document(path) if f.severity is not Severity.NOT_EVALUATED]
    assert [f.code for f in findings] == []
