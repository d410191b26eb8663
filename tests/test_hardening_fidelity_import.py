"""Importing a source with characters a Word document cannot carry: refused at its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from planforge.cli import main

SOURCE = """ỦY BAN NHÂN DÂN
TỈNH LÂM ĐỒNG
Số: 7851/KH-UBND

KẾ HOẠCH
Triển khai thực hiện Chương trình

I. MỤC TIÊU
1. Sở Lao động{char} Xã hội & <chủ trì>
"""


@pytest.mark.parametrize("char", ["\x01", "\x1b", "\x7f"])
def test_a_control_character_in_a_text_source_names_the_file_and_line(
    char: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Exit 2, file:line, the character named; no plan file written."""
    source = tmp_path / "ke-hoach.txt"
    source.write_text(SOURCE.format(char=char), encoding="utf-8")
    out = tmp_path / "ke-hoach.yaml"
    assert main(["import", str(source), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert f"{source}:9:" in err and f"U+{ord(char):04X}" in err and "Traceback" not in err
    assert not out.exists()
