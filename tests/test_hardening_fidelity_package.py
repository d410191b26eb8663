"""The written .docx carry the document's own core properties, and the same input gives the
same bytes: render, derive and report twice and compare."""

from __future__ import annotations

import re
import time
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT
from factories import header, plan

from planforge import IssueDate, render_plan
from planforge.cli import main

LAM_DONG = ROOT / "examples" / "lam-dong-2021"
PLAN = LAM_DONG / "ke-hoach-7851.yaml"
PROFILE = LAM_DONG / "profile-2021-districts.yaml"
RESULTS = LAM_DONG / "results-2022-6m.yaml"


def core(path: Path) -> dict[str, str]:
    """The elements of docProps/core.xml by local name."""
    xml = zipfile.ZipFile(path).read("docProps/core.xml").decode("utf-8")
    return {m[1]: m[2] for m in re.finditer(r"<(?:\w+:)?(\w+)[^>/]*>([^<]*)</(?:\w+:)?\1>", xml)}


def test_core_properties_are_the_plans_own(tmp_path: Path) -> None:
    """Creator and lastModifiedBy the issuing agency; title type + subject; the plan's date."""
    out = render_plan(plan(), tmp_path / "kh.docx")
    props = core(out)
    assert props["creator"] == "Ủy ban nhân dân tỉnh Lâm Đồng"
    assert props["lastModifiedBy"] == "Ủy ban nhân dân tỉnh Lâm Đồng"
    assert props["title"].startswith("Kế hoạch Triển khai thực hiện Chương trình")
    assert props["created"].startswith("2021-11-04") and props["modified"].startswith("2021-11-04")
    assert "python-docx" not in str(props) and "2020-03-05" not in str(props)


@pytest.mark.parametrize(
    ("date", "expected"),
    [(IssueDate(2021, 11), "2021-11-01"), (IssueDate(2021), "2021-01-01")],
)
def test_a_blank_day_or_month_is_the_first(date: IssueDate, expected: str, tmp_path: Path) -> None:
    """A draft's blank day: the first of the month; a blank month: the first of the year."""
    out = render_plan(plan(header=header(date=date)), tmp_path / "kh.docx")
    assert core(out)["created"].startswith(expected)


def test_rendering_twice_gives_the_same_bytes(tmp_path: Path) -> None:
    """Two renders a few seconds apart are byte-identical (no time in the zip entries)."""
    first = render_plan(plan(), tmp_path / "a.docx").read_bytes()
    time.sleep(2.1)  # the zip timestamp resolution is two seconds
    second = render_plan(plan(), tmp_path / "b.docx").read_bytes()
    assert first == second
    entries = zipfile.ZipFile(tmp_path / "a.docx").infolist()
    assert entries[0].filename == "[Content_Types].xml"
    assert {e.date_time for e in entries} == {(1980, 1, 1, 0, 0, 0)}


def test_derive_twice_gives_the_same_files(tmp_path: Path) -> None:
    """Every plan, document and review of two derivations is byte-identical."""
    first, second = tmp_path / "first", tmp_path / "second"
    assert main(["derive", str(PLAN), "--profile", str(PROFILE), "-o", str(first)]) == 0
    time.sleep(2.1)
    assert main(["derive", str(PLAN), "--profile", str(PROFILE), "-o", str(second)]) == 0
    names = sorted(p.name for p in first.iterdir())
    assert names == sorted(p.name for p in second.iterdir())
    assert any(n.endswith("-review.docx") for n in names)
    for name in names:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name
    review = next(first / n for n in names if n.endswith("-review.docx"))
    props = core(review)
    assert "python-docx" not in str(props) and props["title"].startswith("Bảng đối chiếu")
    document = next(first / n for n in names if n.endswith(".docx") and "review" not in n)
    assert core(document)["creator"] != "planforge"


def test_report_twice_gives_the_same_bytes_and_its_own_properties(tmp_path: Path) -> None:
    """The report: the plan's issuer as author, "Báo cáo" + subject as title, same bytes."""
    outs = []
    for name in ("a.docx", "b.docx"):
        out = tmp_path / name
        assert main(["report", str(PLAN), "--results", str(RESULTS), "-o", str(out)]) == 0
        outs.append(out.read_bytes())
        time.sleep(2.1)
    assert outs[0] == outs[1]
    props = core(tmp_path / "a.docx")
    assert props["creator"] == "Ủy ban nhân dân tỉnh Lâm Đồng"
    assert props["title"].startswith("Báo cáo Kết quả thực hiện")
    assert props["created"].startswith("2022-06-01")
