"""``planforge import SOURCE -o PLAN.yaml [--report] [--force]`` as a user runs it."""

from __future__ import annotations

from pathlib import Path

import pytest
from seeds import SEEDS
from test_examples_model import EXAMPLES

from planforge import load_plan
from planforge.cli import main

LAM_DONG = SEEDS / EXAMPLES["lam-dong-2021"].seed


def test_import_writes_a_plan_file_that_loads_and_says_what_it_holds(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Exit 0, one line with the counts and the number of warnings; the file loads."""
    out = tmp_path / "plans" / "ke-hoach.yaml"
    assert main(["import", str(LAM_DONG), "-o", str(out)]) == 0
    printed = capsys.readouterr().out.splitlines()
    assert printed == [
        f"wrote {out}: 22 sections, 9 targets, 13 assignments (2 requested), 0 reporting, "
        "7 recipients, 5 warnings"
    ]
    assert str(load_plan(out).header.number) == "7851/KH-UBND"


def test_import_refuses_to_overwrite_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A user's file is kept unless --force; with it, the file is replaced."""
    out = tmp_path / "ke-hoach.yaml"
    out.write_text("my own notes", encoding="utf-8")
    assert main(["import", str(LAM_DONG), "-o", str(out)]) == 2
    assert "--force" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "my own notes"
    assert main(["import", str(LAM_DONG), "-o", str(out), "--force"]) == 0
    assert load_plan(out).signature.name == "Đặng Trí Dũng"


def test_the_report_shows_header_parts_tree_counts_and_warnings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--report: each header part with its paragraph, every section with its label and role,
    the counts, and every warning with its paragraph."""
    out = tmp_path / "ke-hoach.yaml"
    assert main(["import", str(LAM_DONG), "-o", str(out), "--report"]) == 0
    report = capsys.readouterr().out
    assert "  number: 7851/KH-UBND  (paragraph 1)" in report
    assert "  place and date: Lâm Đồng, ngày 04 tháng 11 năm 2021  (paragraph 2)" in report
    assert "  I. QUAN ĐIỂM, MỤC TIÊU  [objectives]" in report
    assert "      a) Chỉ tiêu  [targets, 3 targets]" in report
    assert "    12. Đề nghị Viện Kiểm sát" in report
    assert "counts: 22 sections, 9 targets, 13 assignments (2 requested)" in report
    assert "warnings (5):" in report
    assert "paragraph 62 (line 127): 6. follows 4.: 5. is skipped" in report


def test_a_missing_source_exits_2_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """One located line, no plan file."""
    out = tmp_path / "ke-hoach.yaml"
    assert main(["import", str(tmp_path / "none.docx"), "-o", str(out)]) == 2
    assert (
        capsys.readouterr().err
        == f"planforge: error: {tmp_path / 'none.docx'}: no such file; check the path\n"
    )
    assert not out.exists()
