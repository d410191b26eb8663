"""Documents made by other tools: the seeds' text turned into .docx by LibreOffice.

The plain-text seeds become one paragraph per line in Liberation Mono; the Lạng Sơn
seed goes through HTML (its ``**bold**`` marks become bold). None of them carries a
national title or motto, the fonts and margins are LibreOffice's, and the header is
stacked in plain paragraphs: the checker must report exactly those real defects,
find the parts that are there, and never crash.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from seeds import SEEDS

from planforge.checking.check import check_document, read_document
from planforge.checking.findings import Finding, Severity

pytestmark = [
    pytest.mark.libreoffice,
    pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not on PATH"),
]
TEXT_SEEDS = ("lai-chau-2021-ke-hoach", "lam-dong-2021-ke-hoach-7851")


@pytest.fixture(autouse=True)
def _vietnamese(monkeypatch: pytest.MonkeyPatch) -> None:
    """The findings are read in Vietnamese, the words a clerk sees by default."""
    monkeypatch.setenv("PLANFORGE_LANG", "vi")


def soffice_docx(sources: list[Path], outdir: Path, infilter: str | None = None) -> None:
    """Convert files to .docx in one soffice run with a private profile."""
    with tempfile.TemporaryDirectory(prefix="planforge-test-soffice-") as profile:
        command = [
            "soffice",
            f"-env:UserInstallation={Path(profile).as_uri()}",
            "--headless",
            "--convert-to",
            "docx:MS Word 2007 XML",
            *([f"--infilter={infilter}"] if infilter else []),
            "--outdir",
            str(outdir),
            *map(str, sources),
        ]
        subprocess.run(command, check=True, capture_output=True, timeout=180)


def markdown_html(text: str) -> str:
    """The seed's light Markdown as HTML: blank lines part paragraphs, ``**…**`` is bold."""
    paragraphs = []
    for block in re.split(r"\n\s*\n", text):
        lines = [re.sub(r"^#+\s*", "", line).strip() for line in block.splitlines()]
        body = "<br/>".join(html.escape(line) for line in lines if line)
        body = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", body, flags=re.S)
        if body:
            paragraphs.append(f"<p>{body}</p>")
    return (
        '<html><head><meta charset="utf-8"></head><body>' + "".join(paragraphs) + "</body></html>"
    )


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The three seeds as .docx: two from plain text, one from HTML."""
    folder = tmp_path_factory.mktemp("tools")
    texts = [folder / f"{name}.txt" for name in TEXT_SEEDS]
    for target in texts:
        shutil.copy(SEEDS / target.name, target)
    page = folder / "lang-son-2023.html"
    seed = (SEEDS / "lang-son-2023-so-ldtbxh-ke-hoach.txt").read_text(encoding="utf-8")
    page.write_text(markdown_html(seed), encoding="utf-8")
    soffice_docx(texts, folder / "out", "Text (encoded):UTF8,LF,,,")
    soffice_docx([page], folder / "out")
    return {path.stem: path for path in (folder / "out").glob("*.docx")}


def by_code(findings: list[Finding]) -> dict[str, list[Finding]]:
    found: dict[str, list[Finding]] = {}
    for finding in findings:
        found.setdefault(finding.code, []).append(finding)
    return found


def test_the_three_seed_documents_were_made(converted: dict[str, Path]) -> None:
    """LibreOffice wrote a .docx for each seed."""
    assert sorted(converted) == sorted([*TEXT_SEEDS, "lang-son-2023"])


@pytest.mark.parametrize("name", [*TEXT_SEEDS, "lang-son-2023"])
def test_a_libreoffice_document_gets_its_real_defects_and_no_crash(
    name: str, converted: dict[str, Path]
) -> None:
    """No national title, no motto, LibreOffice's fonts and margins, no page number."""
    findings = by_code(check_document(converted[name]))
    for code in ("H1", "H2", "P3", "P4", "P6", "B1"):
        assert code in findings, (code, sorted(findings))
    assert "Liberation" in findings["P4"][0].message
    assert not [f for found in findings.values() for f in found if "lỗi nội bộ" in f.message]


@pytest.mark.parametrize("name", [*TEXT_SEEDS, "lang-son-2023"])
def test_the_recipients_and_the_signature_are_found_in_plain_paragraphs(
    name: str, converted: dict[str, Path]
) -> None:
    """ "Nơi nhận:", its list ending "- Lưu: VT, …." and the signer's block are located."""
    parts = read_document(converted[name]).parts
    assert parts.recipients_label is not None
    assert parts.recipients[-1].text.startswith("- Lưu: VT")
    assert parts.signature, "no signature block"
    assert parts.signature[-1].text in ("Tống Thanh Hải", "Đặng Trí Dũng", "Nguyễn Văn Giang")
    assert all(
        f.code not in ("S1", "S2") or f.severity is not Severity.NOT_EVALUATED
        for f in check_document(converted[name])
    )


def test_a_header_without_number_and_date_reports_them_missing(
    converted: dict[str, Path],
) -> None:
    """The Lai Châu seed starts with its body: no agency, number, date or type name."""
    findings = by_code(check_document(converted["lai-chau-2021-ke-hoach"]))
    for code in ("H3", "H4", "H6", "T1"):
        assert findings[code][0].message.startswith("Không tìm thấy"), code


def test_a_stacked_header_is_read_and_its_number_judged(converted: dict[str, Path]) -> None:
    """Lâm Đồng: "Số: 7851/KH-UBND" is well formed, but the date is not on its line."""
    document = converted["lam-dong-2021-ke-hoach-7851"]
    parts = read_document(document).parts
    assert parts.number is not None and parts.number.text == "Số: 7851/KH-UBND"
    assert parts.type_name is not None and parts.type_name.text == "KẾ HOẠCH"
    messages = [f.message for f in by_code(check_document(document))["H6"]]
    assert any("cùng một dòng" in m for m in messages)
    assert "H5" not in by_code(check_document(document))


def test_a_missing_semicolon_in_the_recipients_is_found(converted: dict[str, Path]) -> None:
    """Lai Châu's "- Cổng thông tin điện tử tỉnh" has no ";" (a real slip in the seed)."""
    findings = by_code(check_document(converted["lai-chau-2021-ke-hoach"]))
    assert any("Cổng thông tin điện tử tỉnh" in f.message for f in findings["R2"])


def test_a_draft_number_and_date_left_blank_are_accepted(converted: dict[str, Path]) -> None:
    """Lạng Sơn: "Số: /KH-SLĐTBXH" and "ngày tháng 3" are a draft's blanks, not errors."""
    findings = by_code(check_document(converted["lang-son-2023"]))
    number = [f.message for f in findings.get("H4", [])]
    assert not [m for m in number if "Số, ký hiệu phải viết" in m or "số 0" in m]
    dates = [f.message for f in findings.get("H6", [])]
    assert not [m for m in dates if "Phải viết" in m or "số 0" in m]
