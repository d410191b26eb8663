"""Documents of every kind agencies send, written for planforge in their real layouts.

Each fixture of tests/data/import_cases (and each Word one built by tests/import_cases.py)
is imported, validated and rendered as a user would; its header fields are compared with
the ones written down beside it, and the per-field accuracy is printed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from import_cases import CASES, case_files, expected, legacy_vni, tcvn3

from planforge.checking.check import check_document
from planforge.checking.findings import Severity
from planforge.cli import main
from planforge.model import Letter, Plan
from planforge.reading import read_plan_report
from planforge.reading.folding import fold

FIELDS = ("type", "type_name", "issuer", "number", "date", "subject", "signer", "addressees")
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return case_files(tmp_path_factory.mktemp("word-cases"))


def fields(document: Plan | Letter) -> dict[str, Any]:
    """The header fields of an imported document, as the expected files write them."""
    header = document.header
    date = header.date
    return {
        "type": header.document_type.value,
        "type_name": header.type_name,
        "issuer": header.issuing_agency.name,
        "number": header.number.file_form,
        "date": None if date.year is None else str(date),
        "subject": header.subject,
        "signer": document.signature.name,
        "addressees": list(document.addressees) if isinstance(document, Letter) else None,
    }


def _same(name: str, got: Any, want: Any) -> bool:
    if name in ("issuer", "type_name", "subject") and isinstance(got, str) and want:
        return fold(got) == fold(str(want))
    if name == "date" and want is not None:
        want = str(want)
    return bool(got == want)


def test_every_header_field_is_read_right_on_every_fixture(
    files: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """Per-field accuracy over the fixtures, printed; every field of every fixture right."""
    right = dict.fromkeys(FIELDS, 0)
    wrong: list[str] = []
    for name, path in files.items():
        got = fields(read_plan_report(path).plan)
        want = expected(name)
        for field in FIELDS:
            if _same(field, got[field], want.get(field)):
                right[field] += 1
            else:
                wrong.append(f"{name}: {field}: {got[field]!r} != {want.get(field)!r}")
    with capsys.disabled():
        print(f"\nimport fixtures: {len(files)}")
        for field in FIELDS:
            print(f"  {field:<10} {right[field]}/{len(files)}")
    assert not wrong, "\n".join(wrong)


NAMES = sorted(
    [p.name.split(".")[0] for p in CASES.glob("*.expected.yaml")],
)


@pytest.mark.parametrize("name", NAMES)
def test_import_validate_render(
    name: str, files: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Whatever import writes, validate accepts and render renders."""
    plan = tmp_path / f"{name}.yaml"
    assert main(["import", str(files[name]), "-o", str(plan)]) == 0
    assert main(["validate", str(plan)]) == 0
    assert main(["render", str(plan), "-o", str(tmp_path / f"{name}.docx")]) == 0
    assert (tmp_path / f"{name}.docx").stat().st_size > 0
    assert "error" not in capsys.readouterr().err


CHECK_WARNINGS: dict[str, list[str]] = {}
"""Warnings ``planforge check`` may give on a fixture's render, by fixture: none today.

A render is judged as an agency would issue it; a fixture that lacks something the decree
asks for would be listed here with the reason. The undated plans (kh-no-date, kh-no-header)
print the blank "ngày … tháng … năm" of a draft (Điều 15.2: the date is given when the
document is issued), which rule H6 accepts like a blank number."""


@pytest.mark.parametrize("name", NAMES)
def test_every_imported_document_renders_and_passes_check(
    name: str, files: dict[str, Path], tmp_path: Path
) -> None:
    """Imported, rendered, checked: no error, and only the warnings listed for it."""
    plan, rendered = tmp_path / f"{name}.yaml", tmp_path / f"{name}.docx"
    assert main(["import", str(files[name]), "-o", str(plan)]) == 0
    assert main(["render", str(plan), "-o", str(rendered)]) == 0
    findings = check_document(rendered)
    errors = [str(f) for f in findings if f.severity is Severity.ERROR]
    assert errors == [], "\n".join(errors)
    warnings = sorted(f.code for f in findings if f.severity is Severity.WARNING)
    assert warnings == CHECK_WARNINGS.get(name, []), "\n".join(str(f) for f in findings)


def test_an_attached_regulation_is_an_appendix_never_the_signature(files: dict[str, Path]) -> None:
    """The Quy chế after a quyết định's signature: an appendix with its chapters and articles;
    the signer is the quyết định's, and no "Chương" line reaches the signature or the body."""
    plan = read_plan_report(files["qd-quy-che"]).plan
    assert isinstance(plan, Plan)
    assert plan.signature.title == "PHÓ CHỦ TỊCH"
    assert [str(line) for line in plan.signature.authority] == [
        "TM. ỦY BAN NHÂN DÂN",
        "KT. CHỦ TỊCH",
    ]
    (appendix,) = plan.appendices
    assert appendix.label == "Quy chế"
    assert appendix.text[:2] == ("Chương I", "QUY ĐỊNH CHUNG")
    assert "Điều 3. Trách nhiệm bảo quản" in appendix.text
    printed = [e.node.text for e in plan.entries()] + [p.text for p in plan.closing]
    assert not any("Chương" in text or "Phạm vi điều chỉnh" in text for text in printed)
    assert plan.legal_basis.opening[0] == "ỦY BAN NHÂN DÂN TỈNH BÌNH ĐỊNH"
    assert plan.legal_basis.opening[-1] == "Theo đề nghị của Giám đốc Sở Nội vụ,"
    decides, *articles = plan.entries()
    assert (decides.depth, getattr(decides.node, "title", None)) == (1, "QUYẾT ĐỊNH:")
    assert [(e.depth, e.label) for e in articles] == [
        (2, "Điều 1."),
        (2, "Điều 2."),
        (2, "Điều 3."),
    ]


def test_a_document_that_prints_no_date_keeps_a_visible_blank(files: dict[str, Path]) -> None:
    """No date line: the date stays blank (never this year, never a cited year), with a warning;
    the rendered date line shows the gaps."""
    reading = read_plan_report(files["kh-no-date"])
    assert reading.plan.header.date.year is None
    assert any("header: no date" in str(w) for w in reading.warnings)
    from planforge.rendering.context import header_context

    line = header_context(reading.plan.header)["date_line"]
    assert line.startswith("Xã Tân Phú, ngày ") or "ngày" in line
    assert not any(ch.isdigit() for ch in line)


def test_no_header_is_not_invented(files: dict[str, Path]) -> None:
    """A text with no header: the issuer comes from the opening (never the Prime Minister of
    the cited decision); number and date are left blank, each with a warning."""
    reading = read_plan_report(files["kh-no-header"])
    messages = [w.message for w in reading.warnings]
    assert "header: no number (left blank: /KH-UBND)" in messages
    assert any(m.startswith("header: no date") for m in messages)
    assert any("from the opening paragraph" in m for m in messages)
    assert reading.plan.header.number.serial is None


def test_a_letter_s_opening_is_its_body_and_tờ_trình_stays_a_tờ_trình(
    files: dict[str, Path],
) -> None:
    """A công văn's first paragraph is the start of its body, not a legal basis; a tờ trình
    with "Kính gửi" keeps its type and its words."""
    letter = read_plan_report(files["cv-kinh-gui-list"]).plan
    assert isinstance(letter, Letter)
    assert not letter.legal_basis.opening
    assert letter.sections[0].text.startswith("Thực hiện chỉ đạo của Bộ Y tế")
    report = read_plan_report(files["to-trinh-pipes"]).plan
    assert isinstance(report, Plan)
    assert report.legal_basis.opening[0] == "Kính gửi: Ủy ban nhân dân tỉnh Lạng Sơn."


def test_tcvn3_is_converted_letter_by_letter(files: dict[str, Path]) -> None:
    """A .VnTime document reads as Unicode: headings in .VnTimeH come out in capitals."""
    plan = read_plan_report(files["legacy-tcvn3"]).plan
    titles = [e.node.title for e in plan.entries() if hasattr(e.node, "title")]
    assert titles[:2] == ["MỤC ĐÍCH, YÊU CẦU", "TỔ CHỨC THỰC HIỆN"]
    assert plan.recipients.entries[0].name == "Bộ Văn hóa, Thể thao và Du lịch"


def _refused(source: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    out = tmp_path / "out.yaml"
    assert main(["import", str(source), "-o", str(out)]) == 2
    assert not out.exists()
    captured = capsys.readouterr()
    assert captured.out == ""
    (line,) = captured.err.splitlines()
    return line


def test_vni_is_refused_in_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """VNI is not converted: exit 2, one line naming the file and the way out, nothing written."""
    source = tmp_path / "vni.docx"
    legacy_vni(source)
    line = _refused(source, tmp_path, capsys)
    assert line == (
        f"planforge: error: {source}: the text is in the legacy VNI encoding (.VnTime or VNI "
        "fonts); convert it to Unicode first (e.g. with Unikey's converter) and import that copy"
    )


def test_tcvn3_pasted_as_text_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """TCVN3 shown as Latin-1 in a text file (no font says which letters are capitals): refused,
    never imported as mojibake; so is a Word file whose TCVN3 font is named nowhere."""
    source = tmp_path / "tcvn3.txt"
    text = (CASES / "kh-no-date.txt").read_text(encoding="utf-8")
    source.write_text(tcvn3(text), encoding="utf-8")
    assert "legacy TCVN3 encoding" in _refused(source, tmp_path, capsys)


def test_tcvn3_in_a_unicode_font_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """TCVN3 codes in a Word file that names no TCVN3 font cannot be told apart from Latin-1
    by their font: refused rather than imported as "Céng hoµ"."""
    import docx

    source = tmp_path / "no-font.docx"
    document = docx.Document()
    for line in ("ỦY BAN NHÂN DÂN TỈNH NINH BÌNH", "Cộng hòa xã hội chủ nghĩa Việt Nam"):
        document.add_paragraph(tcvn3(line))
    document.save(str(source))
    assert "legacy TCVN3 encoding" in _refused(source, tmp_path, capsys)
