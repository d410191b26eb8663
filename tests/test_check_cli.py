"""``planforge check`` as a clerk runs it: the report, ``--json``, exit statuses 0, 1 and 2."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pytest
from factories import plan
from test_check_rules import DEFECTS, edited

from planforge import render_plan
from planforge.cli import main

ENCRYPTED = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504 + "EncryptionInfo".encode("utf-16-le")


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The factory plan rendered: a document with no finding."""
    return render_plan(plan(), tmp_path_factory.mktemp("cli") / "clean.docx")


@pytest.fixture(scope="module")
def faulty(clean: Path) -> Path:
    """The factory document with "Số: 5/KH-UBND" (H4) and no end mark (B6, a warning)."""
    first = edited(clean, clean.with_name("step.docx"), DEFECTS["number 5 unpadded"][1])
    return edited(first, clean.with_name("faulty.docx"), DEFECTS["no end mark"][1])


def test_a_clean_document_exits_0_with_a_short_report(
    clean: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """One line per clean file, then the summary."""
    assert main(["--lang", "vi", "check", str(clean)]) == 0
    out = capsys.readouterr().out
    assert f"{clean}: đạt" in out
    assert out.rstrip().splitlines()[-1] == "1 tệp: 0 lỗi, 0 cảnh báo, 0 chưa kiểm tra được"


def test_errors_exit_1_and_the_report_groups_them_by_severity(
    faulty: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Errors first, then warnings; each with code, location, Vietnamese message and source."""
    assert main(["--lang", "vi", "check", str(faulty)]) == 1
    out = capsys.readouterr().out
    assert out.index("Lỗi (1):") < out.index("Cảnh báo (1):")
    assert 'H4  paragraph 7 (table 1, row 2, cell 1) "Số: 5/KH-UBND"' in out
    assert "Số nhỏ hơn 10 phải ghi thêm số 0 phía trước (“05”)." in out
    assert "[NĐ 30/2020/NĐ-CP, Phụ lục I, Phần I, mục II.3; Điều 15]" in out
    assert out.rstrip().endswith("1 tệp: 1 lỗi, 1 cảnh báo, 0 chưa kiểm tra được")


def test_warnings_alone_exit_0(clean: Path, tmp_path: Path) -> None:
    """A document whose only finding is a warning (no "./.") passes."""
    warned = edited(clean, tmp_path / "warned.docx", DEFECTS["no end mark"][1])
    assert main(["check", str(warned)]) == 0


def test_json_lists_every_finding_with_its_file(
    faulty: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--json prints a list of objects: file, code, severity, location, message, source."""
    assert main(["check", "--json", str(faulty)]) == 1
    data = json.loads(capsys.readouterr().out)
    assert [(d["code"], d["severity"]) for d in data] == [("H4", "error"), ("B6", "warning")]
    assert set(data[0]) == {"file", "code", "severity", "location", "message", "source"}
    assert data[0]["file"] == str(faulty)


def unreadable(folder: Path) -> dict[str, tuple[Path, str]]:
    """Files that are not Word documents, with the reason the command must give."""
    text = folder / "notes.docx"
    text.write_text("not a document", encoding="utf-8")
    encrypted = folder / "locked.docx"
    encrypted.write_bytes(ENCRYPTED)
    legacy = folder / "old.docx"
    legacy.write_bytes(ENCRYPTED[:8] + b"\0" * 600)
    empty_zip = folder / "empty.docx"
    with zipfile.ZipFile(empty_zip, "w") as package:
        package.writestr("readme.txt", "nothing")
    corrupt = folder / "corrupt.docx"
    corrupt.write_bytes(b"PK\x03\x04" + b"\0" * 40)
    return {
        "text": (text, "not a .docx (not a zip package)"),
        "encrypted": (encrypted, "encrypted (password-protected)"),
        "legacy": (legacy, "old Word 97-2003 (.doc)"),
        "no document": (empty_zip, "no word/document.xml"),
        "corrupt": (corrupt, "corrupt zip package"),
        "missing": (folder / "missing.docx", "no such file"),
    }


@pytest.mark.parametrize(
    "kind", ["text", "encrypted", "legacy", "no document", "corrupt", "missing"]
)
def test_an_unreadable_input_exits_2_with_one_line_saying_why(
    kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """One line "planforge: error: FILE: cannot read the document: <why>", no traceback."""
    path, reason = unreadable(tmp_path)[kind]
    assert main(["check", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith(f"planforge: error: {path}: cannot read the document: ")
    assert reason in err


def test_the_readable_files_of_a_batch_are_still_checked(
    clean: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A missing file gives exit 2, but the other documents get their report."""
    assert main(["--lang", "vi", "check", str(clean), str(tmp_path / "gone.docx")]) == 2
    captured = capsys.readouterr()
    assert f"{clean}: đạt" in captured.out
    assert "gone.docx: không đọc được văn bản: không có tệp này" in captured.err


def test_layout_without_libreoffice_says_so_and_exits_2(
    clean: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """--layout needs soffice; without it the command stops before checking anything."""
    monkeypatch.setattr(shutil, "which", lambda name: None)
    assert main(["check", "--layout", str(clean)]) == 2
    err = capsys.readouterr().err
    assert "LibreOffice (soffice)" in err and err.count("\n") == 1


def test_type_cong_van_judges_a_plan_as_a_letter(
    clean: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--type cong-van on a plan: the type code and the type-name line are errors there."""
    assert main(["check", "--json", "--type", "cong-van", str(clean)]) == 1
    codes = {d["code"] for d in json.loads(capsys.readouterr().out)}
    assert {"H5", "T2", "K1"} <= codes


@pytest.mark.libreoffice
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not on PATH")
def test_layout_checks_two_files_of_one_name_in_one_run(
    clean: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two "clean.docx" in different folders both get their printed pages checked."""
    twin = tmp_path / "other" / "clean.docx"
    twin.parent.mkdir()
    twin.write_bytes(clean.read_bytes())
    assert main(["--lang", "vi", "check", "--layout", str(clean), str(twin)]) == 0
    out = capsys.readouterr().out
    assert out.count(": đạt") == 2
