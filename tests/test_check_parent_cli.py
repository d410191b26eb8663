"""``planforge check CHILD… --parent PARENT`` as a clerk runs it: the summary, --json,
--xlsx, and the exit statuses of ``check`` (0 clean, 1 errors, 2 unreadable)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from drafts import LAI_CHAU, derived
from openpyxl import load_workbook

from planforge import dump_plan, render_plan
from planforge.cli import main

PARENT = LAI_CHAU / "ke-hoach.yaml"
DATA = Path(__file__).resolve().parent / "data" / "parent"
WARD = DATA / "phuong-doan-ket-2350.txt"


@pytest.fixture(scope="module")
def drafts(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """A ward's draft as a plan file and a commune's as a Word document (its form checked too)."""
    folder = tmp_path_factory.mktemp("parent")
    ward = folder / "tan-phong.yaml"
    dump_plan(derived("lai-chau", "phường Tân Phong")[0], ward)
    commune = render_plan(derived("lai-chau", "xã Bình Lư")[0], folder / "binh-lu.docx")
    return [ward, commune]


def test_clean_drafts_exit_0_with_the_summary_table(
    drafts: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--lang", "en", "check", *map(str, drafts), "--parent", str(PARENT)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[-3].split() == ["Plan", "Level", "Errors", "Warnings", "Notes", "Duties", "Targets"]
    assert out[-2].split()[1:] == ["phường", "0", "0", "0", "3/3", "7/7"]
    assert out[-1].split()[1:] == ["xã", "0", "0", "0", "3/3", "7/7"]


def test_a_plan_with_errors_exits_1_and_names_the_parent_item(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["--lang", "vi", "check", str(WARD), "--parent", str(PARENT)]) == 1
    out = capsys.readouterr().out
    assert "PT1  toàn văn  ← 2350/KH-UBND II.1.a)-3" in out
    assert "thiếu: chỉ tiêu" in out


def test_json_gives_matches_and_findings_per_child(
    drafts: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["--lang", "en", "check", str(drafts[0]), str(WARD), "--parent", str(PARENT), "--json"]
    assert main(args) == 1
    data = json.loads(capsys.readouterr().out)
    assert [c["file"] for c in data] == [str(drafts[0]), str(WARD)]
    assert data[0]["errors"] == 0 and data[1]["errors"] == 2
    duty = next(m for m in data[1]["matches"] if m["parent"] == "2350/KH-UBND V.12-3")
    assert duty["status"] == "matched" and duty["child"] == "III.3" and duty["score"] >= 40
    finding = data[1]["findings"][0]
    assert finding["code"] == "PT1" and finding["parent"] == "2350/KH-UBND II.1.a)-3"
    assert finding["score"] is not None and finding["match"]


def test_xlsx_has_a_row_per_plan_and_per_finding(
    drafts: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "tong-hop.xlsx"
    args = [*map(str, drafts), str(WARD), "--parent", str(PARENT), "--xlsx", str(target)]
    assert main(["check", *args]) == 1
    book = load_workbook(target)
    assert book.sheetnames == ["Tổng hợp", "Phát hiện", "Đối chiếu"]
    plans, findings, matched = (book[name] for name in book.sheetnames)
    assert [c.value for c in plans[1]][:3] == ["Kế hoạch", "Cấp", "Lỗi"]
    assert [row[0] for row in plans.iter_rows(min_row=2, values_only=True)] == [
        *map(str, drafts),
        str(WARD),
    ]
    assert [row[1] for row in findings.iter_rows(min_row=2, values_only=True)] == ["PT1", "PT2"]
    assert matched.max_row == 1 + 3 * 10  # ten duties and targets for each plan
    for sheet in (plans, findings, matched):
        assert sheet.freeze_panes == "A2"
        assert sheet.auto_filter.ref == sheet.dimensions
    capsys.readouterr()
    assert main(["check", str(WARD), "--parent", str(PARENT), "--xlsx", str(target)]) == 2
    assert "--force" in capsys.readouterr().err
    assert load_workbook(target)["Tổng hợp"].max_row == 4  # untouched
    assert (
        main(["check", str(WARD), "--parent", str(PARENT), "--xlsx", str(target), "--force"]) == 1
    )
    assert load_workbook(target)["Tổng hợp"].max_row == 2


def test_an_unreadable_child_exits_2_and_the_others_are_checked(
    drafts: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    odd = tmp_path / "notes.pdf"
    odd.write_bytes(b"%PDF-1.4")
    args = ["--lang", "en", "check", str(odd), str(drafts[0]), "--parent", str(PARENT)]
    assert main(args) == 2
    captured = capsys.readouterr()
    assert captured.err.count("\n") == 1 and "Traceback" not in captured.err
    assert f"{odd}: cannot compare a .pdf file" in captured.err
    assert "tan-phong.yaml (phường)" in captured.out


def test_a_letter_or_a_decision_is_refused_and_the_plans_still_checked(
    drafts: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """A công văn and a quyết định among the children: one line each on stderr naming
    what they are, exit 2; the plan beside them is checked; alone, nothing on stdout."""
    cases = Path(__file__).resolve().parent / "data" / "import_cases"
    letter, decision = cases / "cv-so-vv-colon.txt", cases / "qd-chu-tich.txt"
    args = ["--lang", "en", "check", str(letter), str(drafts[0]), str(decision)]
    assert main([*args, "--parent", str(PARENT)]) == 2
    captured = capsys.readouterr()
    lines = captured.err.splitlines()
    assert len(lines) == 2 and "Traceback" not in captured.err
    assert lines[0].startswith(f"planforge: error: {letter}: this is a công văn, not a plan")
    assert lines[1].startswith(f"planforge: error: {decision}: this is a quyết định, not a plan")
    assert "tan-phong.yaml (phường)" in captured.out
    assert captured.out.splitlines()[-1].split()[1:] == ["phường", "0", "0", "0", "3/3", "7/7"]
    assert main(["--lang", "vi", "check", str(letter), "--parent", str(PARENT)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "đây là công văn, không phải kế hoạch" in captured.err


def test_level_and_xlsx_need_a_parent(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "en", "check", str(WARD), "--level", "xa"]) == 2
    assert capsys.readouterr().err.strip() == (
        "planforge: error: --level and --xlsx need --parent PARENT (the higher plan)"
    )


def test_an_unreadable_parent_stops_before_anything(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert main(["--lang", "en", "check", str(WARD), "--parent", str(tmp_path / "x.yaml")]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.count("\n") == 1


def test_the_level_choices_are_the_rules_levels() -> None:
    """--level offers exactly the levels rules.yaml knows (kept apart so that the CLI
    starts without loading the matching libraries)."""
    from planforge.cli._check_parent import LEVEL_CHOICES
    from planforge.conformance.rules import rules

    assert LEVEL_CHOICES == tuple(rules().levels)
