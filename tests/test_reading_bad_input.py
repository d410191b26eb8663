"""Bad sources are refused with one clear line, exit status 2, quickly and in bounded memory."""

from __future__ import annotations

import io
import time
import tracemalloc
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from planforge.cli import main
from planforge.reading import ReadError, read_plan
from planforge.reading.source import MAX_FILE_BYTES

SECONDS = 5.0
"""Every refusal comes well within this."""
MEMORY = 48 * 2**20
"""Peak memory a refusal may take (the files below are up to 50 MB, or unpack to 40 MB)."""


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in members.items():
            package.writestr(name, data)
    return buffer.getvalue()


def empty(path: Path) -> None:
    path.write_bytes(b"")


def binary_junk(path: Path) -> None:
    path.write_bytes(bytes(range(256)) * 64)


def corrupt_zip(path: Path) -> None:
    path.write_bytes(b"PK\x03\x04" + bytes(range(200)) * 10)


def encrypted_word(path: Path) -> None:
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 4096)


def spreadsheet(path: Path) -> None:
    path.write_bytes(_zip({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"}))


def huge(path: Path) -> None:
    with path.open("wb") as handle:  # sparse: takes no room on disk
        handle.seek(50 * 2**20)
        handle.write(b"\0")


def zip_bomb(path: Path) -> None:
    path.write_bytes(_zip({"word/document.xml": b"\0" * (40 * 2**20)}))


def ratio_bomb(path: Path) -> None:
    path.write_bytes(_zip({"word/document.xml": b"<w:document>" + b" " * (8 * 2**20)}))


def text_named_docx(path: Path) -> None:
    path.write_text("KẾ HOẠCH\nThực hiện …", encoding="utf-8")


def entity_bomb(path: Path) -> None:
    lol = b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">]><w:document/>'
    path.write_bytes(_zip({"word/document.xml": lol}))


def legacy_encoding(path: Path) -> None:
    path.write_bytes(b"K\xd5 ho\xb9ch ph\xdfng ch\xe8ng m\xb9i d\xa9m\n" * 20)  # TCVN3 bytes


CASES: dict[str, tuple[str, Callable[[Path], None], str]] = {
    "an empty file": ("empty.txt", empty, "empty"),
    "binary junk": ("junk.txt", binary_junk, "binary"),
    "a corrupt zip": ("damaged.docx", corrupt_zip, "damaged"),
    "an encrypted or old Word file": ("secret.docx", encrypted_word, "password"),
    "a spreadsheet renamed .docx": ("table.docx", spreadsheet, "Excel"),
    "a 50 MB file": ("big.docx", huge, "MB"),
    "a zip bomb": ("bomb.docx", zip_bomb, "zip bomb"),
    "a part compressed too well": ("ratio.docx", ratio_bomb, "zip bomb"),
    "text named .docx": ("text.docx", text_named_docx, "not a zip"),
    "XML declaring entities": ("entities.docx", entity_bomb, "entities"),
    "text that is not UTF-8": ("old.txt", legacy_encoding, "UTF"),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_a_bad_source_exits_2_with_one_line_naming_the_file_and_why(
    case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """One line on stderr, starting "planforge: error: FILE:", nothing written, in seconds."""
    name, make, reason = CASES[case]
    source = tmp_path / name
    make(source)
    output = tmp_path / "plan.yaml"
    tracemalloc.start()
    start = time.perf_counter()
    status = main(["import", str(source), "-o", str(output)])
    elapsed = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    captured = capsys.readouterr()
    assert status == 2
    assert captured.err.count("\n") == 1 and captured.out == ""
    assert captured.err.startswith(f"planforge: error: {source}: ")
    assert reason in captured.err, captured.err
    assert "Traceback" not in captured.err
    assert not output.exists()
    assert elapsed < SECONDS
    assert peak < MEMORY, f"{peak / 2**20:.0f} MB"


def test_the_size_limit_is_below_fifty_megabytes() -> None:
    """A 50 MB file is refused by the limit itself, before anything is read."""
    assert MAX_FILE_BYTES < 50 * 2**20


def test_a_missing_file_and_a_folder_are_refused_by_name(tmp_path: Path) -> None:
    """No such file, or a folder: a ReadError naming the path."""
    for path, reason in ((tmp_path / "none.docx", "no such file"), (tmp_path, "folder")):
        with pytest.raises(ReadError, match=reason) as caught:
            read_plan(path)
        assert caught.value.location == str(path)
