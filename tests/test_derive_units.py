"""``planforge derive PLAN --units …``: the issuing province's 2025 units from data."""

from __future__ import annotations

import datetime
from pathlib import Path

import docx
import pytest

from planforge import load_plan
from planforge.cli import main
from planforge.derivation.data_units import MISSING_SIGNER, data_profile, draft_day
from planforge.model import IssueDate
from planforge.units import find_province, select_units

ROOT = Path(__file__).resolve().parents[1]
PLAN = ROOT / "examples" / "lam-dong-2021" / "ke-hoach-7851.yaml"
COMMUNES = ROOT / "examples" / "lam-dong-2021" / "profile-2025-communes.yaml"
DISTRICTS = ROOT / "examples" / "lam-dong-2021" / "profile-2021-districts.yaml"


def docx_lines(path: Path) -> list[str]:
    """Every paragraph of a document, the header and signature tables' cells included."""
    document = docx.Document(str(path))
    cells = [p.text for t in document.tables for r in t.rows for c in r.cells for p in c.paragraphs]
    return [p.text for p in document.paragraphs] + cells


def test_all_124_units_of_lam_dong_become_units_of_the_derivation() -> None:
    """Names, kinds, places and file names from the data; a blank signer to fill."""
    lam_dong = find_province("Lâm Đồng")
    today = datetime.date(2026, 3, 9)
    profile = data_profile(
        lam_dong, select_units(lam_dong, "all"), IssueDate(2021, 11, 4), None, None, today
    )
    assert len(profile.units) == 124
    assert profile.extends == "commune"
    assert profile.date == IssueDate(2026, 3)
    unit = next(u for u in profile.units if u.code == "24848")
    assert (unit.name, unit.short_name, unit.kind, unit.place) == (
        "Ủy ban nhân dân xã Lạc Dương",
        "xã Lạc Dương",
        "xã",
        "Lạc Dương",
    )
    assert unit.file_stem == "24848-xa-lac-duong"
    assert unit.signature.name == MISSING_SIGNER
    assert [str(a) for a in unit.signature.authority] == ["TM. ỦY BAN NHÂN DÂN"]
    assert len({u.file_stem for u in profile.units}) == 124
    assert {u.kind for u in profile.units} == {"xã", "phường", "đặc khu"}


def test_a_plan_of_the_three_level_era_is_drafted_now_and_a_later_one_in_its_month() -> None:
    today = datetime.date(2026, 3, 9)
    assert draft_day(IssueDate(2021, 11, 4), today) == IssueDate(2026, 3)
    assert draft_day(IssueDate(2025, 9, 2), today) is None


def test_named_units_get_their_header_date_line_signature_and_file_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A xã, a phường and the special zone, as the clerk who signs each reads it."""
    out = tmp_path / "out"
    units = "Lạc Dương, dac khu Phu Quy, 24781"
    assert main(["derive", str(PLAN), "--units", units, "-o", str(out)]) == 0
    names = sorted(p.name for p in out.iterdir() if p.suffix == ".docx")
    assert names == [
        "23272-dac-khu-phu-quy-review.docx",
        "23272-dac-khu-phu-quy-thay-doi.docx",
        "23272-dac-khu-phu-quy.docx",
        "24781-phuong-xuan-huong-da-lat-review.docx",
        "24781-phuong-xuan-huong-da-lat-thay-doi.docx",
        "24781-phuong-xuan-huong-da-lat.docx",
        "24848-xa-lac-duong-review.docx",
        "24848-xa-lac-duong-thay-doi.docx",
        "24848-xa-lac-duong.docx",
    ]
    for stem, agency, place, territory in [
        ("24848-xa-lac-duong", ["ỦY BAN NHÂN DÂN", "XÃ LẠC DƯƠNG"], "Lạc Dương", "xã Lạc Dương"),
        (
            "23272-dac-khu-phu-quy",
            ["ỦY BAN NHÂN DÂN", "ĐẶC KHU PHÚ QUÝ"],
            "Phú Quý",
            "đặc khu Phú Quý",
        ),
        (
            "24781-phuong-xuan-huong-da-lat",
            ["ỦY BAN NHÂN DÂN PHƯỜNG", "XUÂN HƯƠNG - ĐÀ LẠT"],
            "Xuân Hương - Đà Lạt",
            "phường Xuân Hương - Đà Lạt",
        ),
    ]:
        lines = docx_lines(out / f"{stem}.docx")
        start = lines.index(agency[0])
        assert lines[start : start + 2] == agency
        assert any(line.startswith(f"{place}, ngày") for line in lines)
        assert any(line.endswith(f"trên địa bàn {territory}") for line in lines)
        assert "TM. ỦY BAN NHÂN DÂN" in lines
        assert "[họ tên]" in lines
        plan = load_plan(out / f"{stem}.yaml")
        assert plan.header.issuing_agency.name == f"Ủy ban nhân dân {territory}"
    printed = capsys.readouterr().out
    assert "3 units, 9 documents" in printed
    assert "3 findings of the derivation lint" in printed  # the three missing signers


def test_units_of_one_kind(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["derive", str(PLAN), "--units", "dac-khu", "-o", str(out)]) == 0
    assert sorted(p.name for p in out.glob("*.yaml")) == ["23272-dac-khu-phu-quy.yaml"]


def test_an_unknown_unit_is_refused_with_a_suggestion_and_nothing_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert main(["derive", str(PLAN), "--units", "Lac Duongg", "-o", str(out)]) == 2
    error = capsys.readouterr().err
    assert "--units: Lâm Đồng has no unit named 'Lac Duongg'; did you mean 'xã Lạc Dương'" in error
    assert not out.exists()


def test_a_former_province_s_plan_needs_the_province_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Bình Thuận's plan of 2021: its territory is only part of the new Lâm Đồng."""
    plan = tmp_path / "binh-thuan.yaml"
    plan.write_text(
        PLAN.read_text(encoding="utf-8").replace("tỉnh Lâm Đồng", "tỉnh Bình Thuận"),
        encoding="utf-8",
    )
    out = tmp_path / "out"
    assert main(["derive", str(plan), "--units", "dac-khu", "-o", str(out)]) == 2
    error = capsys.readouterr().err
    assert f"{plan}: the plan was issued by the former province Bình Thuận" in error
    assert not out.exists()
    args = ["derive", str(plan), "--units", "dac-khu", "--province", "lam dong", "-o", str(out)]
    assert main(args) == 0
    assert (out / "23272-dac-khu-phu-quy.docx").exists()


def test_a_profile_given_with_units_adds_its_local_rules(tmp_path: Path) -> None:
    """The 2025 example profile: its lead department, and its own Lạc Dương's signer and
    6 thôn, on the data's unit."""
    out = tmp_path / "out"
    args = ["derive", str(PLAN), "--units", "Lạc Dương, 24787", "--profile", str(COMMUNES)]
    assert main([*args, "-o", str(out)]) == 0
    lac_duong = load_plan(out / "24848-xa-lac-duong.yaml")
    assert lac_duong.signature is not None
    assert lac_duong.signature.name == "Ka Sô Ha Ren"
    assert lac_duong.header.date == IssueDate(2025, 9)
    assert "Sở Y tế" in [r.name for r in lac_duong.recipients.entries]
    texts = "\n".join(docx_lines(out / "24848-xa-lac-duong.docx"))
    assert "Ít nhất 5/6 thôn tổ chức được" in texts
    cam_ly = load_plan(out / "24787-phuong-cam-ly-da-lat.yaml")  # not in the profile
    assert cam_ly.signature is not None and cam_ly.signature.name == "[họ tên]"


def test_a_district_profile_does_not_go_with_units(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["derive", str(PLAN), "--units", "all", "--profile", str(DISTRICTS)]
    assert main([*args, "-o", str(tmp_path / "out")]) == 2
    assert "this profile is for the level district" in capsys.readouterr().err


def test_derive_needs_a_profile_or_units(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["derive", str(PLAN), "-o", str(tmp_path / "out")]) == 2
    assert "give --profile, or --units" in capsys.readouterr().err
