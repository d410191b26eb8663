"""The whole job as a clerk does it, through the command line only.

The province's plan arrives as a Word file; it is imported, every district's
plan is derived with the cover letter, and every document written is checked
against Nghị định 30.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from planforge.cli import main

ROOT = Path(__file__).resolve().parents[1]
PLAN = ROOT / "examples" / "lam-dong-2021" / "ke-hoach-7851.yaml"
PROFILE = ROOT / "examples" / "lam-dong-2021" / "profile-2021-districts.yaml"


def test_word_file_in_checked_district_plans_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """render → import → derive --cover-letter → check: every step exits 0, nothing to fix."""
    province = tmp_path / "ke-hoach-7851.docx"
    assert main(["render", str(PLAN), "-o", str(province)]) == 0
    imported = tmp_path / "ke-hoach-7851.yaml"
    assert main(["import", str(province), "-o", str(imported)]) == 0
    out = tmp_path / "huyen"
    assert (
        main(["derive", str(imported), "--profile", str(PROFILE), "-o", str(out), "--cover-letter"])
        == 0
    )
    documents = sorted(
        str(p) for p in out.glob("*.docx") if not p.stem.endswith(("-review", "-thay-doi"))
    )
    assert len(documents) == 13
    capsys.readouterr()
    assert main(["--lang", "vi", "check", *documents]) == 0
    assert "13 tệp: 0 lỗi" in capsys.readouterr().out
