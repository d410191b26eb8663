"""``planforge check`` speaks the chosen language: Vietnamese by default, English on request.

The Vietnamese findings are the reviewed wording, unchanged; the English ones keep the
decree's own words, the quoted text, the locations and the sources as they are.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from factories import plan
from test_check_rules import DEFECTS, edited

from planforge import render_plan
from planforge.checking.check import check_document, read_document, rules
from planforge.checking.findings import Severity
from planforge.checking.registry import Rule
from planforge.cli import main
from planforge.i18n import speaking

ROOT = Path(__file__).resolve().parents[1]
VIETNAMESE_LETTERS = set("ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ")
"""Letters only Vietnamese uses: an English message shows them only inside quotes."""
KEPT_TERMS = ("công văn", "Phụ lục III", "Nghị định 30")
"""Vietnamese names an English finding keeps unquoted: the kind of document, the decree."""


@pytest.fixture(scope="module")
def faulty(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The factory document with "Số: 5/KH-UBND" (H4, an error) and no "./." (B6, a warning)."""
    folder = tmp_path_factory.mktemp("i18n-check")
    clean = render_plan(plan(), folder / "clean.docx")
    first = edited(clean, folder / "step.docx", DEFECTS["number 5 unpadded"][1])
    return edited(first, folder / "faulty.docx", DEFECTS["no end mark"][1])


@pytest.fixture(scope="module")
def defects(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Every one-defect document of the rule tests."""
    folder = tmp_path_factory.mktemp("i18n-defects")
    clean = render_plan(plan(), folder / "clean.docx")
    return [
        edited(clean, folder / f"defect{number}.docx", change)
        for number, (_, change) in enumerate(DEFECTS.values())
    ]


@pytest.fixture
def default_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """No language asked for anywhere: neither PLANFORGE_LANG nor a locale."""
    for name in ("PLANFORGE_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)


def _unquoted(message: str) -> str:
    """The message without its “quoted” parts and the Vietnamese names it may keep."""
    text = re.sub(r"“[^”]*”", "", message)
    for term in KEPT_TERMS:
        text = text.replace(term, "")
    return text


def test_the_report_is_vietnamese_by_default(
    faulty: Path, default_environment: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """The reviewed wording, grouped under Vietnamese headings, with the Vietnamese summary."""
    assert main(["check", str(faulty)]) == 1
    out = capsys.readouterr().out
    assert out.index("  Lỗi (1):") < out.index("  Cảnh báo (1):")
    assert "        Số nhỏ hơn 10 phải ghi thêm số 0 phía trước (“05”).\n" in out
    assert "        Phần nội dung phải kết thúc bằng dấu “./.”.\n" in out
    assert out.rstrip("\n").endswith("\n1 tệp: 1 lỗi, 1 cảnh báo, 0 chưa kiểm tra được")


def test_the_report_is_english_with_lang_en(
    faulty: Path, default_environment: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """--lang en: English headings, findings and summary; location and source unchanged."""
    assert main(["--lang", "en", "check", str(faulty)]) == 1
    out = capsys.readouterr().out
    assert out.index("  Errors (1):") < out.index("  Warnings (1):")
    assert '    H4  paragraph 7 (table 1, row 2, cell 1) "Số: 5/KH-UBND"\n' in out
    assert "        A number below 10 takes a leading zero (“05”).\n" in out
    assert "        The body must end with the mark “./.”.\n" in out
    assert "        [NĐ 30/2020/NĐ-CP, Phụ lục I, Phần I, mục II.3; Điều 15]\n" in out
    assert out.rstrip("\n").endswith("\n1 file: 1 error, 1 warning, 0 not evaluated")
    assert "phải" not in out and "Lỗi" not in out


def test_a_clean_report_and_the_plural_summary_in_both_languages(
    faulty: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The one-line report of a clean file; the summary counts several files."""
    clean = render_plan(plan(), tmp_path / "clean.docx")
    assert main(["--lang", "en", "check", str(clean), str(faulty)]) == 1
    out = capsys.readouterr().out
    assert f"{clean}: passed — no format errors found.\n" in out
    assert out.rstrip("\n").endswith("\n2 files: 1 error, 1 warning, 0 not evaluated")
    assert main(["--lang", "vi", "check", str(clean), str(faulty)]) == 1
    out = capsys.readouterr().out
    assert f"{clean}: đạt — không phát hiện lỗi thể thức.\n" in out
    assert out.rstrip("\n").endswith("\n2 tệp: 1 lỗi, 1 cảnh báo, 0 chưa kiểm tra được")


def test_json_messages_follow_the_language_and_nothing_else_does(
    faulty: Path, default_environment: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """--json: the same findings in both languages; only ``message`` is translated."""
    assert main(["check", "--json", str(faulty)]) == 1
    vietnamese = json.loads(capsys.readouterr().out)
    assert main(["--lang", "en", "check", "--json", str(faulty)]) == 1
    english = json.loads(capsys.readouterr().out)
    assert [f["message"] for f in vietnamese] == [
        "Số nhỏ hơn 10 phải ghi thêm số 0 phía trước (“05”).",
        "Phần nội dung phải kết thúc bằng dấu “./.”.",
    ]
    assert [f["message"] for f in english] == [
        "A number below 10 takes a leading zero (“05”).",
        "The body must end with the mark “./.”.",
    ]
    strip = [{k: v for k, v in f.items() if k != "message"} for f in vietnamese]
    assert strip == [{k: v for k, v in f.items() if k != "message"} for f in english]
    assert [f["severity"] for f in english] == ["error", "warning"]


def test_every_defect_reads_as_english_with_lang_en_and_differs_from_vietnamese(
    defects: list[Path],
) -> None:
    """Each finding of every one-defect document: translated, and no Vietnamese left in the
    English outside the quoted words (“KẾ HOẠCH”, “Nơi nhận:”…)."""
    for document in defects:
        with speaking("en"):
            english = check_document(document)
        with speaking("vi"):
            vietnamese = check_document(document)
        assert [f.code for f in english] == [f.code for f in vietnamese], document
        for en, vi in zip(english, vietnamese, strict=True):
            assert en.location == vi.location and en.source == vi.source
            assert en.message != vi.message, en
            assert not VIETNAMESE_LETTERS & set(_unquoted(en.message).lower()), en.message


def test_a_subprocess_follows_planforge_lang_and_the_locale(faulty: Path) -> None:
    """PLANFORGE_LANG=en, or an English locale, gives English findings; no choice, Vietnamese."""
    base = {k: v for k, v in os.environ.items() if k not in ("PLANFORGE_LANG", "LC_ALL")}
    base["PYTHONPATH"] = str(ROOT)
    command = [sys.executable, "-m", "planforge", "check", str(faulty)]
    runs = {
        "PLANFORGE_LANG=en": {**base, "PLANFORGE_LANG": "en"},
        "LANG=en_US.UTF-8": {**base, "LANG": "en_US.UTF-8", "LC_MESSAGES": ""},
        "default": {**base, "LANG": "C.UTF-8", "LC_MESSAGES": ""},
    }
    outputs = {
        name: subprocess.run(
            command, env=env, capture_output=True, text=True, check=False, timeout=120
        )
        for name, env in runs.items()
    }
    assert all(result.returncode == 1 for result in outputs.values())
    assert "A number below 10 takes a leading zero" in outputs["PLANFORGE_LANG=en"].stdout
    assert "A number below 10 takes a leading zero" in outputs["LANG=en_US.UTF-8"].stdout
    assert "Số nhỏ hơn 10 phải ghi thêm số 0" in outputs["default"].stdout


def test_a_rule_title_is_an_english_key_with_a_vietnamese_label() -> None:
    """Titles are registered at import time as English keys and translated where shown."""
    titles = {r.code: r for r in rules(layout=True)}
    with speaking("vi"):
        assert titles["P1"].label == "Khổ giấy A4"
        assert titles["H1"].label == "Quốc hiệu"
        assert titles["R2"].label == "Nơi nhận: danh sách và dòng “Lưu”"
        vietnamese = {code: r.label for code, r in titles.items()}
    with speaking("en"):
        assert titles["P1"].label == titles["P1"].title == "A4 paper"
        assert all(r.label == r.title for r in titles.values())
    assert all(vietnamese[code] != r.title for code, r in titles.items()), vietnamese


def test_a_rule_that_fails_says_so_in_the_chosen_language(faulty: Path) -> None:
    """The not-evaluated finding of a rule that raised: "lỗi nội bộ" / "internal error"."""

    def broken(document: object) -> list[object]:
        raise ValueError("odd value")

    rule = Rule("Z9", "test", "nowhere", Severity.ERROR, broken)  # type: ignore[arg-type]
    document = read_document(faulty)
    with speaking("vi"):
        (vietnamese,) = rule(document)
    with speaking("en"):
        (english,) = rule(document)
    assert vietnamese.message == (
        "Quy tắc Z9 không áp dụng được cho văn bản này (lỗi nội bộ: ValueError: odd value)"
    )
    assert english.message == (
        "Rule Z9 could not be applied to this document (internal error: ValueError: odd value)"
    )


def test_a_missing_part_is_named_in_the_chosen_language(tmp_path: Path) -> None:
    """A document without its parts: “Không tìm thấy …” / “Cannot find …”, not evaluated too."""
    from docx import Document as WordDocument

    path = tmp_path / "bare.docx"
    word = WordDocument()
    word.add_paragraph("Một đoạn văn.")
    word.save(str(path))
    with speaking("vi"):
        vietnamese = {(f.code, f.message) for f in check_document(path)}
    with speaking("en"):
        english = {(f.code, f.message) for f in check_document(path)}
    assert ("H1", "Không tìm thấy Quốc hiệu “CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM”.") in vietnamese
    assert ("H1", "Cannot find the national title “CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM”.") in english
    assert (
        "S1",
        "Không kiểm tra được vì không tìm thấy khối chữ ký (quyền hạn, chức vụ, họ tên người ký).",
    ) in vietnamese
    assert (
        "S1",
        "Not checked, because the signature block (authority, title, signer's name) "
        "cannot be found.",
    ) in english
    assert {f.severity for f in check_document(path)} >= {Severity.ERROR, Severity.NOT_EVALUATED}


# --- planforge import --report ----------------------------------------------------------

LAM_DONG = ROOT / "tests" / "data" / "seeds" / "lam-dong-2021-ke-hoach-7851.txt"


def test_import_report_is_vietnamese_by_default(
    tmp_path: Path, default_environment: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """The summary line, every label, the tree notes, the counts and the warnings' places."""
    out = tmp_path / "ke-hoach.yaml"
    assert main(["import", str(LAM_DONG), "-o", str(out), "--report"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == (
        f"đã ghi {out}: 22 mục, 9 chỉ tiêu, 13 nhiệm vụ (2 đề nghị), 0 mục báo cáo, "
        "7 nơi nhận, 5 cảnh báo"
    )
    assert lines[1] == f"nguồn: {LAM_DONG} (102 đoạn)"
    assert lines[2] == "phần đầu văn bản:"
    for expected in (
        "  cơ quan ban hành: Ủy ban nhân dân tỉnh Lâm Đồng (UBND, province)  "
        "(không có trong văn bản nguồn)",
        "  số, ký hiệu: 7851/KH-UBND  (đoạn 1)",
        "  địa danh, ngày tháng năm: Lâm Đồng, ngày 04 tháng 11 năm 2021  (đoạn 2)",
        "  tên loại: Kế hoạch  (đoạn 3)",
        "căn cứ: 1 đoạn mở đầu, 1 văn bản được viện dẫn",
        "các mục:",
        "      a) Chỉ tiêu  [targets, 3 chỉ tiêu]",
        "phần cuối: 0 đoạn, 0 đoạn có thời hạn báo cáo",
        "nơi nhận: 7, và “Lưu: VT, VX₃”",
        "chữ ký: KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / Đặng Trí Dũng",
        "số lượng: 22 mục, 9 chỉ tiêu, 13 nhiệm vụ (2 đề nghị), 0 mục báo cáo, 7 nơi nhận",
        "cảnh báo (5):",
    ):
        assert expected in lines, expected
    assert any(
        line.startswith("  đoạn 62 (dòng 127): 6. đứng sau 4.: thiếu 5. “") for line in lines
    )
    assert any("[nhiệm vụ đề nghị: Viện Kiểm sát nhân dân tỉnh;" in line for line in lines)
    assert any("[nhiệm vụ: Công an tỉnh, chủ trì Công an tỉnh]" in line for line in lines)


def test_import_report_is_english_with_lang_en(
    tmp_path: Path, default_environment: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """--lang en: the same report with English labels; a count of one is singular."""
    out = tmp_path / "ke-hoach.yaml"
    assert main(["--lang", "en", "import", str(LAM_DONG), "-o", str(out), "--report"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == (
        f"wrote {out}: 22 sections, 9 targets, 13 assignments (2 requested), 0 reporting, "
        "7 recipients, 5 warnings"
    )
    assert lines[1:3] == [f"source: {LAM_DONG} (102 paragraphs)", "header:"]
    for expected in (
        "  issuing agency: Ủy ban nhân dân tỉnh Lâm Đồng (UBND, province)  "
        "(not printed in the source)",
        "  number: 7851/KH-UBND  (paragraph 1)",
        "legal basis: 1 opening paragraph, 1 cited document",
        "      a) Chỉ tiêu  [targets, 1 target]",
        "closing: 0 paragraphs, 0 with reporting deadlines",
        "recipients: 7, and “Lưu: VT, VX₃”",
        "counts: 22 sections, 9 targets, 13 assignments (2 requested), 0 reporting, 7 recipients",
        "warnings (5):",
    ):
        assert expected in lines, expected
    assert any(
        line.startswith("  paragraph 62 (line 127): 6. follows 4.: 5. is skipped “")
        for line in lines
    )
    assert any("[requested assignment: Viện Kiểm sát nhân dân tỉnh;" in line for line in lines)
    assert any("[assignment: Công an tỉnh, lead Công an tỉnh]" in line for line in lines)


def test_import_summary_counts_one_of_a_kind_in_the_singular(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A plan with one section and one recipient: "1 section", "1 recipient" in English."""
    source = render_plan(plan(), tmp_path / "one.docx")
    out = tmp_path / "one.yaml"
    assert main(["--lang", "en", "import", str(source), "-o", str(out)]) == 0
    assert capsys.readouterr().out == (
        f"wrote {out}: 1 section, 0 targets, 0 assignments (0 requested), 0 reporting, "
        "1 recipient, 0 warnings\n"
    )
