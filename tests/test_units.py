"""The 2025 provinces and communes from data, and ``planforge units`` listing them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from planforge.cli import main
from planforge.errors import UnitsError
from planforge.units import find_province, provinces, select_units, units_of
from planforge.units.data import all_units
from planforge.units.lookup import issuing_province


def test_the_country_has_34_provinces_and_3321_units() -> None:
    """The counts of Nghị quyết 202/2025/QH15 and the data: 2,621 xã, 687 phường, 13 đặc khu."""
    assert len(provinces()) == 34
    kinds = [u.kind for u in all_units()]
    assert (kinds.count("xã"), kinds.count("phường"), kinds.count("đặc khu")) == (2621, 687, 13)
    assert len({u.code for u in all_units()}) == 3321


def test_lam_dong_has_124_units_with_codes_kinds_and_names() -> None:
    lam_dong = find_province("Lâm Đồng")
    units = units_of(lam_dong)
    assert (lam_dong.code, lam_dong.full_name, len(units)) == ("68", "tỉnh Lâm Đồng", 124)
    by_code = {u.code: u for u in units}
    lac_duong = by_code["24848"]
    assert (lac_duong.name, lac_duong.kind, lac_duong.short_name) == (
        "xã Lạc Dương",
        "xã",
        "Lạc Dương",
    )
    assert lac_duong.slug == "24848-xa-lac-duong"
    assert by_code["23272"].name == "đặc khu Phú Quý"
    assert by_code["24781"].short_name == "Xuân Hương - Đà Lạt"
    assert lam_dong.former == ("Đắk Nông", "Bình Thuận")


def test_the_data_s_slips_are_mended() -> None:
    """The data writes "Xã Đắk song" and "Phường  Buôn Ma Thuột" (two spaces)."""
    names = {u.name for u in all_units()}
    assert "xã Đắk Song" in names
    assert "phường Buôn Ma Thuột" in names
    assert not any("  " in name for name in names)


def test_every_province_of_the_merger_table_is_in_the_data() -> None:
    """provinces.yaml names the 2025 provinces as the data does: 29 former ones merged."""
    assert sum(len(p.former) for p in provinces()) == 29
    assert find_province("Thừa Thiên Huế").name == "Huế"


@pytest.mark.parametrize("typed", ["lam dong", "LÂM ĐỒNG", "Tỉnh Lâm Đồng", "68"])
def test_a_province_is_found_without_diacritics_or_case(typed: str) -> None:
    assert find_province(typed).name == "Lâm Đồng"


def test_a_former_province_names_its_successor() -> None:
    with pytest.raises(UnitsError, match="part of Lâm Đồng"):
        find_province("Đắk Nông")


def test_the_plan_s_province_is_read_from_its_issuing_agency() -> None:
    assert issuing_province(["ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG"], "p").name == "Lâm Đồng"
    assert issuing_province(["Ủy ban nhân dân Thành phố Hồ Chí Minh"], "p").name == "Hồ Chí Minh"
    assert issuing_province(["Sở Y tế", "UBND TỈNH LẠNG SƠN"], "p").name == "Lạng Sơn"
    with pytest.raises(UnitsError, match=r"former province Bình Thuận.*--province 'Lâm Đồng'"):
        issuing_province(["Ủy ban nhân dân tỉnh Bình Thuận"], "p")
    with pytest.raises(UnitsError, match="--province NAME"):
        issuing_province(["Bộ Y tế"], "p")


def test_units_are_chosen_by_kind_or_by_names_and_codes() -> None:
    lam_dong = find_province("lam dong")
    assert len(select_units(lam_dong, "all")) == 124
    assert len(select_units(lam_dong, "xa")) == 103
    assert len(select_units(lam_dong, "phuong")) == 20
    assert [u.name for u in select_units(lam_dong, "dac-khu")] == ["đặc khu Phú Quý"]
    chosen = select_units(lam_dong, "lac duong, 23272, Phường B'Lao")
    assert [u.code for u in chosen] == ["24848", "23272", "24829"]
    assert len(select_units(lam_dong, "phuong, dac-khu, 24781")) == 21
    with pytest.raises(UnitsError, match="did you mean 'xã Lạc Dương'"):
        select_units(lam_dong, "Lac Duongg")


def test_the_command_lists_the_provinces(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["units"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 35  # 34 provinces and the data's date
    assert "68  tỉnh Lâm Đồng: 124 units (103 xã, 20 phường, 1 đặc khu)" in lines
    assert lines[0].startswith("01  thành phố Hà Nội: 126 units")


def test_the_command_lists_a_province_s_units(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["units", "lam dong"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "tỉnh Lâm Đồng (68): 124 units (103 xã, 20 phường, 1 đặc khu)"
    assert len(lines) == 125
    assert "24848  xã       Lạc Dương" in lines
    assert "23272  đặc khu  Phú Quý" in lines


def test_a_typo_suggests_the_closest_provinces(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["units", "Lam Dongg"]) == 2
    error = capsys.readouterr().err.strip()
    assert error.startswith("planforge: error: PROVINCE: no province or unit named 'Lam Dongg'")
    assert "did you mean 'Lâm Đồng'" in error
    assert "\n" not in error


def test_a_reader_that_stops_early_is_no_error() -> None:
    """`planforge units "Lâm Đồng" | head -3`: no complaint about the closed pipe (here a
    reader that leaves before the first line, as `head` does after its lines)."""
    root = Path(__file__).resolve().parents[1]
    command = f'"{sys.executable}" -m planforge units "Lâm Đồng" | true'
    env = {**os.environ, "PYTHONPATH": str(root)}
    result = subprocess.run(
        command, shell=True, capture_output=True, text=True, env=env, check=False, timeout=60
    )
    assert result.returncode == 0  # the shell reports the reader's status
    assert result.stderr == ""
