"""The summary of a derivation (tong-hop.xlsx, tong-hop.json): read back as a reviewer's
spreadsheet program and a machine read them."""

from __future__ import annotations

import datetime
import json
import re
import struct
from functools import cache
from pathlib import Path
from typing import Any

import attrs
import openpyxl
import pytest
from drafts import PROFILES, SOURCES, derived

from planforge import load_plan, load_profile
from planforge.derivation.grouping import PLACE, SIGNER, UNIT, Masks, group_drafts
from planforge.derivation.review import Review
from planforge.derivation.summary import Summary, summarize
from planforge.model import Plan
from planforge.model.profile import Unit
from planforge.rendering.summary_files import (
    SHEETS,
    YES,
    summary_json,
    write_summary_json,
    write_summary_xlsx,
)

DATE = datetime.datetime(2021, 11, 4)


@cache
def drafts(profile: str) -> tuple[tuple[Unit, Plan, Review], ...]:
    """Every unit of a bundled profile with its draft and review."""
    units = load_profile(PROFILES[profile][1]).units
    return tuple((unit, *derived(profile, unit.short_name)) for unit in units)


@cache
def summary(profile: str) -> Summary:
    return summarize(load_plan(SOURCES[PROFILES[profile][0]]), drafts(profile))


def workbook(tmp_path: Path, profile: str) -> Any:
    path = write_summary_xlsx(summary(profile), tmp_path / "tong-hop.xlsx", DATE)
    return openpyxl.load_workbook(path)


def rows(sheet: Any) -> list[dict[str, Any]]:
    """The sheet's rows below its header, keyed by the header's titles."""
    values = list(sheet.iter_rows(values_only=True))
    return [dict(zip(values[0], row, strict=True)) for row in values[1:]]


def test_the_districts_workbook_has_a_row_per_unit_and_names_its_group(tmp_path: Path) -> None:
    """Twelve districts: ten huyện are one text, the two cities each tightened a target."""
    book = workbook(tmp_path, "districts")
    assert book.sheetnames == ["Đơn vị", "Nhóm", "Thay đổi"]
    units = {row["Đơn vị"]: row for row in rows(book["Đơn vị"])}
    assert len(units) == 12
    assert units["thành phố Đà Lạt"]["Chỉ tiêu nâng"] == 1
    assert units["thành phố Đà Lạt"]["Tệp dự thảo"] == "thanh-pho-da-lat"
    assert units["huyện Lâm Hà"]["Chỉ tiêu nâng"] == 0
    assert units["huyện Lâm Hà"]["Nhóm văn bản"] == units["huyện Đam Rông"]["Nhóm văn bản"] == 1
    assert units["thành phố Bảo Lộc"]["Nhóm văn bản"] != 1
    assert {row["Thiếu người ký"] for row in units.values()} == {"không"}
    groups = rows(book["Nhóm"])
    assert groups[0]["Văn bản"] == "10 huyện: một văn bản"
    assert groups[0]["Số đơn vị"] == 10
    assert [g["Văn bản"] for g in groups[1:]] == [
        "thành phố Đà Lạt: văn bản riêng",
        "thành phố Bảo Lộc: văn bản riêng",
    ]


def test_a_change_is_listed_once_for_the_units_that_make_it(tmp_path: Path) -> None:
    """A tightened target is the city's own row; a change of every draft is one row."""
    changes = rows(workbook(tmp_path, "districts")["Thay đổi"])
    tightened = [c for c in changes if c["Thay đổi"] == "nâng chỉ tiêu"]
    assert [(c["Đơn vị / nhóm"], c["Mục"], c["Lý do, chi tiết"]) for c in tightened] == [
        ("thành phố Đà Lạt", "II.1.a)-1", "70% → 80%"),
        ("thành phố Bảo Lộc", "II.3.a)-2", "năm 2025 → năm 2024"),
    ]
    assert "Ít nhất 80%" in tightened[0]["Dự thảo"]
    assert "Ít nhất 70%" in tightened[0]["Kế hoạch cấp trên"]
    everyone = [c for c in changes if c["Đơn vị / nhóm"] == "Tất cả (12 đơn vị)"]
    assert everyone and all(c["Nhóm văn bản"] is None for c in everyone)
    moved = [c for c in everyone if c["Kế hoạch cấp trên"] == "Sở Y tế"]
    assert [c["Dự thảo"] for c in moved] == ["Phòng Y tế"]
    assert {c["Ý kiến"] for c in changes} == {None}
    keys = [(c["Đơn vị / nhóm"], c["Mục"], c["Kế hoạch cấp trên"], c["Dự thảo"]) for c in changes]
    assert len(keys) == len(set(keys))


def test_the_communes_workbook_counts_what_each_draft_left_to_do(tmp_path: Path) -> None:
    """Five communes and wards of 2025: a target not applicable, an item dropped, the
    situation placeholder left for the clerk; three wards are one text."""
    book = workbook(tmp_path, "communes")
    units = {row["Đơn vị"]: row for row in rows(book["Đơn vị"])}
    assert list(units) == [
        "phường Xuân Hương - Đà Lạt",
        "phường Lâm Viên - Đà Lạt",
        "phường Lang Biang - Đà Lạt",
        "phường B'Lao",
        "xã Lạc Dương",
    ]
    for row in units.values():
        assert row["Chỉ tiêu không áp dụng"] == 1
        assert row["Mục, nhiệm vụ bỏ"] == 1
        assert row["Chỗ còn để trống"] == 1
        assert row["Điểm kiểm tra dự thảo"] == 0
    assert units["phường Xuân Hương - Đà Lạt"]["Chỉ tiêu nâng"] == 1
    groups = rows(book["Nhóm"])
    assert groups[0]["Văn bản"] == "3 phường: một văn bản"
    assert groups[0]["Các đơn vị"] == (
        "phường Lâm Viên - Đà Lạt, phường Lang Biang - Đà Lạt, phường B'Lao"
    )
    own = [c for c in rows(book["Thay đổi"]) if c["Đơn vị / nhóm"] == "phường Xuân Hương - Đà Lạt"]
    assert [c["Mục"] for c in own] == ["II.1.a)-1"]
    # The profile's target override gives its reason; each draft's signer is named.
    assert {row["Không áp dụng: chỉ tiêu, lý do"] for row in units.values()} == {
        "II.4.a)-1: cấp xã không còn địa bàn cấp huyện để thí điểm mô hình; do tỉnh chỉ định"
    }
    assert units["xã Lạc Dương"]["Người ký"] == "Ka Sô Ha Ren"
    # What every ward does, and no commune, is listed once for the wards, not by their names.
    labels = {c["Đơn vị / nhóm"] for c in rows(book["Thay đổi"])}
    assert not any(label.startswith("4 đơn vị") for label in labels)
    # Shared changes first, then fewer and fewer units: each label's rows are together.
    order = [c["Đơn vị / nhóm"] for c in rows(book["Thay đổi"])]
    runs = [label for i, label in enumerate(order) if i == 0 or order[i - 1] != label]
    assert runs == [
        "Tất cả (5 đơn vị)",
        "Tất cả phường (4 đơn vị)",
        "Nhóm 1 (3 phường)",
        "phường Xuân Hương - Đà Lạt",
        "xã Lạc Dương",
    ]


def test_the_sheets_are_ready_to_filter_and_read(tmp_path: Path) -> None:
    """Frozen header row, a filter over every column, wrapped sentences."""
    book = workbook(tmp_path, "communes")
    for title, _table, columns in SHEETS:
        sheet = book[title]
        assert sheet.freeze_panes == "A2"
        last = sheet.cell(1, len(columns)).column_letter
        assert sheet.auto_filter.ref == f"A1:{last}{sheet.max_row}"
        assert [c.value for c in sheet[1]] == [title for _, title, _ in columns]
        assert all(c.font.b for c in sheet[1])
    changes = book["Thay đổi"]
    assert changes["E2"].alignment.wrap_text
    assert changes.column_dimensions["E"].width == 50


@pytest.mark.parametrize("profile", ["districts", "communes"])
def test_the_json_holds_the_workbook_rows(tmp_path: Path, profile: str) -> None:
    """Every sheet's rows, in order, are the JSON's rows under the English field names."""
    book = workbook(tmp_path, profile)
    data = json.loads(
        write_summary_json(summary(profile), tmp_path / "tong-hop.json").read_text("utf-8")
    )
    assert data == summary_json(summary(profile))
    assert data["source"] == "7851/KH-UBND"
    for title, table, columns in SHEETS:
        sheet_rows = rows(book[title])
        assert len(sheet_rows) == len(data[table]) > 0
        for sheet_row, json_row in zip(sheet_rows, data[table], strict=True):
            for key, header, _width in columns:
                if key is None:
                    continue
                value = json_row[key]
                expected = (YES if value else "không") if isinstance(value, bool) else value
                assert sheet_row[header] == (expected if expected != "" else None)


def test_units_of_one_text_are_one_group_and_a_changed_target_parts_them() -> None:
    """Names set aside, the ten huyện are one text; a target of one of them tightened
    makes it a text of its own."""
    units = drafts("districts")
    groups = group_drafts([(unit, plan) for unit, plan, _ in units])
    assert [len(g.members) for g in groups] == [10, 1, 1]
    assert groups[0].label == "10 huyện: một văn bản"
    unit, plan, _ = units[3]
    assert unit.short_name == "huyện Lâm Hà"
    first = plan.sections[1].children[0].children[0].children[0]
    changed = attrs.evolve(first, text=first.text.replace("70%", "75%"))
    parts = list(plan.sections[1].children[0].children[0].children)
    parts[0] = changed
    edited = _replace(plan, parts)
    others = [(u, p) for u, p, _ in units]
    others[3] = (unit, edited)
    regrouped = group_drafts(others)
    assert [len(g.members) for g in regrouped] == [9, 1, 1, 1]
    assert 3 not in regrouped[0].members


def _replace(plan: Plan, targets: list[Any]) -> Plan:
    section = plan.sections[1]
    task = section.children[0]
    part = task.children[0]
    part = attrs.evolve(part, children=tuple(targets))
    task = attrs.evolve(task, children=(part, *task.children[1:]))
    section = attrs.evolve(section, children=(task, *section.children[1:]))
    return attrs.evolve(plan, sections=(plan.sections[0], section, *plan.sections[2:]))


def test_masks_set_aside_the_unit_place_and_signer_in_any_case() -> None:
    unit, plan, _ = drafts("districts")[3]
    masks = Masks.of(unit, plan)
    assert masks("ỦY BAN NHÂN DÂN HUYỆN LÂM HÀ") == f"ỦY BAN NHÂN DÂN {UNIT}"
    assert masks("Lâm Hà, ngày 10 tháng 11 năm 2021") == f"{PLACE}, ngày 10 tháng 11 năm 2021"
    assert masks(plan.signature.name) == SIGNER


def test_a_name_is_set_aside_as_a_whole_word_only() -> None:
    """Phường 1's place "1" is not a name: numbers stay; "Lâm Hà" inside a longer word stays."""
    unit, plan, _ = drafts("districts")[3]
    ward = attrs.evolve(unit, short_name="phường 1", place="1", name="Ủy ban nhân dân phường 1")
    masks = Masks.of(ward, plan)
    assert masks("Ít nhất 10% số hộ của phường 1") == f"Ít nhất 10% số hộ của {UNIT}"
    lam_ha = Masks.of(unit, plan)
    assert lam_ha("Lâm Hàxyz và Lâm Hà") == f"Lâm Hàxyz và {PLACE}"


def test_the_pictures_of_the_review_outputs_exist_and_are_small() -> None:
    """docs/derive.md shows the workbook and a tracked-changes page."""
    root = Path(__file__).resolve().parents[1]
    page = (root / "docs" / "derive.md").read_text(encoding="utf-8")
    shown = re.findall(r"!\[[^\]]*\]\((images/review/[^)]+\.png)\)", page)
    present = {f"images/review/{p.name}" for p in (root / "docs/images/review").glob("*.png")}
    assert set(shown) == present and len(present) == 4  # workbook ×2, first and last page
    for image in shown:
        data = (root / "docs" / image).read_bytes()
        assert len(data) < 100_000
        assert max(struct.unpack(">II", data[16:24])) <= 820
