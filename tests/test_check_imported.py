"""The rules on the types agencies send besides plans, as planforge renders them after import.

A qualified type name ("BÁO CÁO SƠ KẾT"), a type Phụ lục III does not list ("PHIẾU TRÌNH")
and a draft's blank date are accepted; the rules still fire on a defect of each.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from import_cases import CASES
from test_check_rules import Package, edited, run_property, set_text, text_of

from planforge.checking.check import check_document
from planforge.checking.findings import Finding, Severity
from planforge.cli import main


def _rendered(name: str, folder: Path) -> Path:
    """The text fixture ``name`` imported and rendered."""
    plan, docx = folder / f"{name}.yaml", folder / f"{name}.docx"
    assert main(["import", str(CASES / f"{name}.txt"), "-o", str(plan)]) == 0
    assert main(["render", str(plan), "-o", str(docx)]) == 0
    return docx


@pytest.fixture(scope="module")
def phieu_trinh(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _rendered("phieu-trinh-generic", tmp_path_factory.mktemp("phieu"))


def _errors(findings: list[Finding]) -> list[str]:
    return sorted({f.code for f in findings if f.severity is Severity.ERROR})


def test_an_unlisted_type_is_judged_as_no_type_and_its_name_still_checked(
    phieu_trinh: Path, tmp_path: Path
) -> None:
    """ "PHIẾU TRÌNH" is found as the type name: no H5 for its code "PTr"; a name not bold
    is a T1 error, as for any type."""
    assert check_document(phieu_trinh) == []

    def plain(xml: Package) -> None:
        run_property(xml.paragraph("PHIẾU TRÌNH"), "b", val="0")

    findings = check_document(edited(phieu_trinh, tmp_path / "plain.docx", plain))
    assert _errors(findings) == ["T1"]


def test_an_unlisted_type_with_kính_gửi_is_not_a_công_văn(
    phieu_trinh: Path, tmp_path: Path
) -> None:
    """With a "Kính gửi" line the document is still judged by its type name, not as a letter
    (no T2 "a công văn has no type name")."""

    def addressed(xml: Package) -> None:
        first = xml.paragraph("Văn phòng Ủy ban")
        set_text(first, "Kính gửi: Chủ tịch Ủy ban nhân dân tỉnh.")

    findings = check_document(edited(phieu_trinh, tmp_path / "addressed.docx", addressed))
    assert "T2" not in {f.code for f in findings}
    assert _errors(findings) == []


def test_a_qualified_type_name_is_its_type(tmp_path: Path) -> None:
    """ "BÁO CÁO SƠ KẾT" is a báo cáo: clean as it is, and a mismatch when judged as a plan."""
    rendered = _rendered("bc-one-line-caps", tmp_path)
    assert check_document(rendered) == []
    findings = check_document(rendered, kind="ke-hoach")
    assert "T1" in _errors(findings) and "H5" in _errors(findings)


@pytest.mark.parametrize(
    ("date", "clean"),
    [
        ("Tân Phú, ngày tháng năm", True),
        ("Tân Phú, ngày … tháng … năm …", True),
        ("Tân Phú, ngày 5 tháng năm", False),
        ("tân Phú, ngày tháng năm", False),
    ],
)
def test_a_wholly_blank_date_is_a_draft_s(date: str, clean: bool, tmp_path: Path) -> None:
    """The undated plan's blank date passes H6; a half-written one or a lower-case place does
    not."""
    rendered = _rendered("kh-no-date", tmp_path)

    def dated(xml: Package) -> None:
        line = xml.paragraph("Tân Phú, ngày")
        assert " ".join(text_of(line).split()) == "Tân Phú, ngày tháng năm"
        set_text(line, date)

    findings = check_document(edited(rendered, tmp_path / "dated.docx", dated))
    assert _errors(findings) == ([] if clean else ["H6"])


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not on PATH")
def test_an_attached_quy_chế_counts_its_pages_from_1(tmp_path: Path) -> None:
    """The quyết định's Quy chế starts a new page count, as an appendix does (rule L7): its
    first page shows no number, and the printed document has no finding."""
    rendered = _rendered("qd-quy-che", tmp_path)
    findings = check_document(rendered, layout=True)
    assert findings == [], "\n".join(str(f) for f in findings)


def test_a_quyết_định_and_a_tờ_trình_are_laid_out_as_their_forms(tmp_path: Path) -> None:
    """The authority line and "QUYẾT ĐỊNH:" centred bold, the legal bases italic, "Điều 1."
    bold and its text regular, the attached Quy chế's "Chương I" centred bold; a tờ trình's
    "Kính gửi" set as a công văn's."""
    import docx

    decision = docx.Document(str(_rendered("qd-quy-che", tmp_path)))
    by_text = {p.text: p for p in decision.paragraphs}
    for centred in ("ỦY BAN NHÂN DÂN TỈNH BÌNH ĐỊNH", "QUYẾT ĐỊNH:"):
        assert by_text[centred].style.name == "PF Centred"
    assert by_text["Theo đề nghị của Giám đốc Sở Nội vụ,"].style.name == "PF Basis"
    article = next(p for p in decision.paragraphs if p.text.startswith("Điều 3."))
    assert [(r.text, r.bold) for r in article.runs if r.text][:1] == [("Điều 3.", True)]
    assert article.text.endswith("./.")
    chapter = by_text["Chương I"]
    assert chapter.alignment == 1 and all(r.bold for r in chapter.runs)  # centred
    assert all(r.bold for r in by_text["Điều 1. Phạm vi điều chỉnh"].runs)
    report = docx.Document(str(_rendered("to-trinh-pipes", tmp_path)))
    addressed = next(p for p in report.paragraphs if p.text.startswith("Kính gửi"))
    assert addressed.style.name == "PF Kinh Gui"
