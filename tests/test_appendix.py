"""Appendices: the task table drawn from the assignments, in sections of their own."""

from __future__ import annotations

import subprocess
import zipfile
from pathlib import Path

import attrs
import pytest
from lxml import etree

from planforge import dumps_plan, load_plan, loads_plan, render_plan
from planforge.model import Appendix, TaskRow, task_rows
from planforge.rendering.appendix_docx import appendix_label, reference_line
from planforge.rendering.pdf import to_pdf

ROOT = Path(__file__).resolve().parents[1]
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
SOURCE = load_plan(ROOT / "examples" / "lam-dong-2021" / "ke-hoach-7851.yaml")
TASKS = Appendix(title="Phân công nhiệm vụ thực hiện Kế hoạch", from_assignments=True)


def test_the_task_table_has_one_row_per_duty_with_its_bodies() -> None:
    """V.1 and V.11 list 6 and 3 duties, the 11 other items one each.

    "Đề nghị" bodies named together share the lead.
    """
    rows = task_rows(SOURCE.sections, SOURCE.header.subject, 2021)
    assert len(rows) == 6 + 3 + 11
    assert {r.lead for r in rows[:6]} == {"Sở Lao động - Thương binh và Xã hội"}
    assert rows[0].time == "2021 - 2025"
    requested = next(r for r in rows if r.task.startswith("Đề nghị Viện Kiểm sát"))
    assert requested.lead == "Đề nghị Viện Kiểm sát nhân dân tỉnh, Tòa án nhân dân tỉnh"
    assert requested.coordinate == ""


def test_appendices_are_numbered_in_roman_only_when_there_are_two_or_more() -> None:
    """Phụ lục I mục III.1."""
    assert appendix_label(1, 1) == "Phụ lục"
    assert [appendix_label(i, 3) for i in (1, 2, 3)] == ["Phụ lục I", "Phụ lục II", "Phụ lục III"]


def test_the_reference_line_names_the_plan() -> None:
    """ "(Kèm theo Kế hoạch số … ngày … của …)"."""
    assert reference_line(SOURCE) == (
        "(Kèm theo Kế hoạch số 7851/KH-UBND ngày 04/11/2021 của Ủy ban nhân dân tỉnh Lâm Đồng)"
    )


def test_appendices_survive_the_plan_file() -> None:
    """Written out and read back unchanged."""
    plan = attrs.evolve(
        SOURCE,
        appendices=(
            TASKS,
            Appendix(
                title="Danh mục mô hình",
                rows=(TaskRow(task="Mô hình thí điểm", lead="Sở LĐTBXH"),),
                landscape=False,
            ),
        ),
    )
    assert loads_plan(dumps_plan(plan)) == plan


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Lâm Đồng plan with two appendices."""
    extra = Appendix(
        title="Danh mục mô hình thí điểm",
        landscape=False,
        rows=(TaskRow(task="Mô hình hỗ trợ & <giảm hại>", lead="Sở LĐTBXH"),),
    )
    plan = attrs.evolve(SOURCE, appendices=(TASKS, extra))
    return render_plan(plan, tmp_path_factory.mktemp("appendix") / "kh.docx")


def test_each_appendix_has_a_section_with_its_own_page_numbers(rendered: Path) -> None:
    """Three sections: the plan (portrait), a landscape and a portrait appendix from page 1."""
    with zipfile.ZipFile(rendered) as package:
        root = etree.fromstring(package.read("word/document.xml"))
    sections = root.findall(f".//{W}sectPr")
    assert len(sections) == 3
    sizes = [
        (s.find(f"{W}pgSz").get(f"{W}w"), s.find(f"{W}pgSz").get(f"{W}orient")) for s in sections
    ]
    assert sizes == [("11906", None), ("16838", "landscape"), ("11906", None)]
    starts = [s.find(f"{W}pgNumType") for s in sections]
    assert starts[0] is None or starts[0].get(f"{W}start") is None
    assert [s.get(f"{W}start") for s in starts[1:]] == ["1", "1"]
    text = "".join(t.text or "" for t in root.iter(f"{W}t"))
    assert "Phụ lục IPHÂN CÔNG NHIỆM VỤ THỰC HIỆN KẾ HOẠCH" in text
    assert "Mô hình hỗ trợ & <giảm hại>" in text


def test_the_appendix_pages_are_numbered_from_one_in_the_pdf(
    rendered: Path, tmp_path: Path
) -> None:
    """LibreOffice prints the plan's pages, then the appendix's from 1 (its page 2 reads "2")."""
    pdf = to_pdf([rendered], tmp_path)[0]
    pages = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout.split("\f")
    first = next(i for i, page in enumerate(pages) if "Phụ lục I" in page)
    assert first >= 8
    assert pages[first + 1].strip().splitlines()[0].strip() == "2"
    assert "Danh mục mô hình thí điểm".upper() in pages[-2] + pages[-1]
