"""Unit facts sheets: the template ``planforge units`` writes, and ``derive --facts``."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest

from planforge import load_plan
from planforge.cli import main
from planforge.derivation.data_units import data_profile
from planforge.derivation.rewrite import placeholders
from planforge.model import IssueDate
from planforge.units import find_province, read_facts, select_units

ROOT = Path(__file__).resolve().parents[1]
PLAN = ROOT / "examples" / "lam-dong-2021" / "ke-hoach-7851.yaml"
TITLES = [
    "Mã đơn vị",
    "Tên đơn vị",
    "Loại",
    "Họ tên người ký",
    "Chức vụ người ký",
    "Số thôn",
    "Số tổ dân phố",
    "Có khu công nghiệp",
    "Cấp học có trên địa bàn",
    "Hải đảo",
    "Miền núi",
    "Đơn vị trước sắp xếp",
    "ghi_chu",
]


def _template(folder: Path, name: str = "facts.xlsx") -> Path:
    path = folder / name
    assert main(["units", "Lâm Đồng", "--facts-template", str(path)]) == 0
    return path


def _row(sheet: openpyxl.worksheet.worksheet.Worksheet, code: str) -> int:
    return next(r for r in range(2, sheet.max_row + 1) if sheet.cell(r, 1).value == code)


def _fill(path: Path, cells: dict[str, object]) -> Path:
    """Fill Lạc Dương's row (24848): column letter → value."""
    book = openpyxl.load_workbook(path)
    sheet = book["Đơn vị"]
    row = _row(sheet, "24848")
    for column, value in cells.items():
        sheet[f"{column}{row}"] = value
    book.save(path)
    return path


LAC_DUONG = {
    "D": "Ka Sô Ha Ren",
    "E": "Phó Chủ tịch",
    "F": 6,
    "G": 0,
    "H": "không",
    "I": "mầm non, tiểu học, THCS",
    "K": "có",
    "L": "xã Lát, xã Đạ Sar",
    "M": "Trạm Y tế xã Lạc Dương",
}


def test_the_template_has_one_row_per_unit_a_frozen_filtered_header_and_lists(
    tmp_path: Path,
) -> None:
    path = _template(tmp_path)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Đơn vị", "Hướng dẫn"]
    sheet = book["Đơn vị"]
    assert [c.value for c in sheet[1]] == TITLES
    assert sheet.max_row == 125
    assert [c.value for c in sheet[_row(sheet, "24848")]][:3] == ["24848", "xã Lạc Dương", "xã"]
    assert sheet.freeze_panes == "D2"
    assert sheet.auto_filter.ref == "A1:M125"
    assert sheet.column_dimensions["B"].width == 30
    lists = {str(v.sqref): v.formula1 for v in sheet.data_validations.dataValidation}
    assert lists["H2:H125"] == '"có,không"'
    assert lists["E2:E125"] == '"Chủ tịch,Phó Chủ tịch,Quyền Chủ tịch"'


def test_derive_uses_the_facts_signer_counts_and_applicability(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The sheet's signer signs; 6 thôn restate the 70% target; no industrial park and no
    upper secondary school or university: those parts of the target do not apply."""
    facts = _fill(_template(tmp_path), LAC_DUONG)
    out = tmp_path / "out"
    args = ["derive", str(PLAN), "--units", "24848,24787", "--facts", str(facts)]
    assert main([*args, "-o", str(out)]) == 0
    assert "1 finding of the derivation lint" in capsys.readouterr().out  # Cam Ly's signer
    document = docx.Document(str(out / "24848-xa-lac-duong.docx"))
    cells = [p.text for t in document.tables for r in t.rows for c in r.cells for p in c.paragraphs]
    text = "\n".join([p.text for p in document.paragraphs] + cells)
    assert "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH" in text
    assert "Ka Sô Ha Ren" in text
    assert "[họ tên]" not in text
    assert "Ít nhất 5/6 thôn tổ chức được" in text
    assert (
        "- Ít nhất 70% người lao động tại các cơ sở kinh doanh dịch vụ dễ phát sinh tệ nạn "
        "mại dâm được tuyên truyền, phổ biến chính sách, pháp luật" in text
    )
    assert "60% người lao động trong các khu công nghiệp" not in text
    plan = load_plan(out / "24848-xa-lac-duong.yaml")
    assert all("khu công nghiệp" not in m.population for m in _measures(plan))
    assert (out / "24787-phuong-cam-ly-da-lat.docx").exists()
    # The reviewer's summary: the signer named or missing, the parts that do not apply and why.
    values = list(openpyxl.load_workbook(out / "tong-hop.xlsx")["Đơn vị"].values)
    units = {row[0]: dict(zip(values[0], row, strict=True)) for row in values[1:]}
    assert list(units) == ["xã Lạc Dương", "phường Cam Ly - Đà Lạt"]
    lac_duong, cam_ly = units["xã Lạc Dương"], units["phường Cam Ly - Đà Lạt"]
    assert (lac_duong["Người ký"], lac_duong["Thiếu người ký"]) == ("Ka Sô Ha Ren", "không")
    assert (cam_ly["Người ký"], cam_ly["Thiếu người ký"]) == (None, "có")
    assert (lac_duong["Điểm kiểm tra dự thảo"], cam_ly["Điểm kiểm tra dự thảo"]) == (0, 1)
    era = "II.4.a)-1: đếm theo “địa bàn cấp huyện”: không còn cấp huyện từ 01/7/2025"
    assert lac_duong["Không áp dụng: chỉ tiêu, lý do"].split("\n") == [
        "II.1.a)-3 (một phần): xã không có khu công nghiệp; xã không có trường trung học phổ thông",
        era,
    ]
    assert cam_ly["Không áp dụng: chỉ tiêu, lý do"] == era
    assert lac_duong["Chỉ tiêu không áp dụng"] == cam_ly["Chỉ tiêu không áp dụng"] == 1


def _measures(plan: object) -> list:  # type: ignore[type-arg]
    from planforge.model import Target

    found = []

    def walk(nodes: tuple) -> None:  # type: ignore[type-arg]
        for node in nodes:
            if isinstance(node, Target):
                found.extend(node.measures)
            walk(getattr(node, "children", ()))

    walk(plan.sections)  # type: ignore[attr-defined]
    return found


def test_free_columns_counts_and_predecessors_reach_the_unit(tmp_path: Path) -> None:
    facts = _fill(_template(tmp_path), LAC_DUONG)
    lam_dong = find_province("lam dong")
    read = read_facts(facts, lam_dong)
    assert len(read) == 124
    profile = data_profile(lam_dong, select_units(lam_dong, "24848"), IssueDate(2025, 9), read)
    unit = profile.units[0]
    assert unit.predecessors == ("xã Lát", "xã Đạ Sar")
    assert [(c.kind, c.number) for c in unit.counts] == [("thôn", 6)]
    values = placeholders(profile, unit, "Ủy ban nhân dân tỉnh Lâm Đồng", "")
    assert values["ghi_chu"] == "Trạm Y tế xã Lạc Dương"
    assert values["so_thon"] == "6"
    assert [a.reason for a in unit.absent] == [
        "xã không có khu công nghiệp",
        "xã không có trường trung học phổ thông",
        "xã không có cơ sở giáo dục đại học",
        "xã không có cơ sở giáo dục nghề nghiệp",
    ]


def test_a_csv_sheet_works_too(tmp_path: Path) -> None:
    path = _template(tmp_path, "facts.csv")
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].split(",") == TITLES
    assert len(lines) == 125
    index = next(i for i, line in enumerate(lines) if line.startswith("24848,"))
    lines[index] = "24848,xã Lạc Dương,xã,Ka Sô Ha Ren,Chủ tịch,6,,không,,,,,"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    args = ["derive", str(PLAN), "--units", "Lạc Dương", "--facts", str(path), "-o", str(out)]
    assert main(args) == 0
    plan = load_plan(out / "24848-xa-lac-duong.yaml")
    assert plan.signature is not None
    assert (plan.signature.name, plan.signature.title) == ("Ka Sô Ha Ren", "Chủ tịch")
    assert [str(a) for a in plan.signature.authority] == ["TM. ỦY BAN NHÂN DÂN"]


@pytest.mark.parametrize(
    ("cells", "place", "message"),
    [
        ({"A": "99999"}, "column A (Mã đơn vị)", "no unit of Lâm Đồng has the code '99999'"),
        ({"F": "sáu"}, "column F (Số thôn)", "'sáu' is not a number"),
        ({"H": "có lẽ"}, "column H (Có khu công nghiệp)", "'có lẽ' is neither yes nor no"),
        ({"E": "Bí thư"}, "column E (Chức vụ người ký)", "unknown title 'Bí thư'"),
        ({"I": "THPT, trường chuyên"}, "column I (Cấp học", "unknown school level"),
        (
            {"A": "24781"},
            "column A (Mã đơn vị)",
            "the unit 24781 phường Xuân Hương - Đà Lạt is already in row 2",
        ),
    ],
)
def test_a_bad_cell_is_one_line_naming_sheet_row_and_column_and_nothing_is_written(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    cells: dict[str, object],
    place: str,
    message: str,
) -> None:
    facts = _template(tmp_path)
    row = _row(openpyxl.load_workbook(facts)["Đơn vị"], "24848")
    _fill(facts, cells)
    out = tmp_path / "out"
    args = ["derive", str(PLAN), "--units", "dac-khu", "--facts", str(facts), "-o", str(out)]
    assert main(args) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1
    assert f"{facts}: sheet 'Đơn vị', row {row}, {place}" in error
    assert message in error
    assert not out.exists()


def test_a_bad_csv_cell_names_its_row_and_column(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "facts.csv"
    path.write_text("Mã đơn vị;Số thôn\n24848;6\n23272;nhiều\n", encoding="utf-8")
    out = tmp_path / "out"
    args = ["derive", str(PLAN), "--units", "all", "--facts", str(path), "-o", str(out)]
    assert main(args) == 2
    error = capsys.readouterr().err
    assert f"{path}: row 3, column B (Số thôn): 'nhiều' is not a number" in error
    assert not out.exists()


def test_a_workbook_with_macros_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    facts = _template(tmp_path)
    with zipfile.ZipFile(facts, "a") as package:
        package.writestr("xl/vbaProject.bin", b"\0" * 16)
    out = tmp_path / "out"
    args = ["derive", str(PLAN), "--units", "all", "--facts", str(facts), "-o", str(out)]
    assert main(args) == 2
    assert "carries macros" in capsys.readouterr().err
    macro = tmp_path / "facts.xlsm"
    macro.write_bytes(facts.read_bytes())
    assert main([*args[:-3], str(macro), "-o", str(out)]) == 2
    assert "without macros" in capsys.readouterr().err
    assert not out.exists()


def test_an_existing_template_is_not_replaced_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "facts.xlsx"
    path.write_text("mine", encoding="utf-8")
    assert main(["units", "Lâm Đồng", "--facts-template", str(path)]) == 2
    assert "--force" in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == "mine"
    assert main(["units", "Lâm Đồng", "--facts-template", str(path), "--force"]) == 0
    assert openpyxl.load_workbook(path)["Đơn vị"].max_row == 125


def test_a_blank_free_cell_is_a_visible_placeholder(tmp_path: Path) -> None:
    """A profile's text using {ghi_chu} never stops the run for a unit whose cell is blank."""
    facts = _fill(_template(tmp_path), LAC_DUONG)
    lam_dong = find_province("lam dong")
    chosen = select_units(lam_dong, "24848, 23272")
    profile = data_profile(lam_dong, chosen, IssueDate(2025, 9), read_facts(facts, lam_dong))
    values = [placeholders(profile, u, "", "")["ghi_chu"] for u in profile.units]
    assert values == ["Trạm Y tế xã Lạc Dương", "[ghi_chu]"]


def test_the_review_names_the_units_merged_into_the_unit(tmp_path: Path) -> None:
    facts = _fill(_template(tmp_path), LAC_DUONG)
    out = tmp_path / "out"
    args = ["derive", str(PLAN), "--units", "24848", "--facts", str(facts), "-o", str(out)]
    assert main(args) == 0
    review = docx.Document(str(out / "24848-xa-lac-duong-review.docx"))
    texts = [p.text for p in review.paragraphs]
    assert "Đơn vị trước sắp xếp: xã Lát, xã Đạ Sar" in texts
