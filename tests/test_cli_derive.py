"""``planforge derive`` as a clerk runs it: one folder of drafts, or nothing at all."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest

from planforge import Letter, load_plan
from planforge.cli import main
from planforge.loading.plan_file import load_document

ROOT = Path(__file__).resolve().parents[1]
PLAN = ROOT / "examples" / "lam-dong-2021" / "ke-hoach-7851.yaml"
DISTRICTS = ROOT / "examples" / "lam-dong-2021" / "profile-2021-districts.yaml"
PROFILES = sorted((ROOT / "examples").glob("*/profile-*.yaml"))


def docx_text(path: Path) -> str:
    """Every paragraph of a document, tables included, one per line."""
    document = docx.Document(str(path))
    cells = [p.text for t in document.tables for r in t.rows for c in r.cells for p in c.paragraphs]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def _derive(*extra: str) -> list[str]:
    return ["derive", str(PLAN), "--profile", str(DISTRICTS), *extra]


def test_every_unit_gets_a_plan_file_a_document_and_a_review(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Twelve districts: 50 files and the marker listing them, a closing summary."""
    out = tmp_path / "lam-dong"
    assert main(_derive("-o", str(out))) == 0
    names = sorted(p.name for p in out.iterdir() if p.name != ".planforge-derive")
    assert len(names) == 12 * 4 + 2
    assert set(names) <= set((out / ".planforge-derive").read_text(encoding="utf-8").split())
    assert {
        "thanh-pho-da-lat.yaml",
        "thanh-pho-da-lat.docx",
        "thanh-pho-da-lat-review.docx",
        "thanh-pho-da-lat-thay-doi.docx",
        "huyen-da-teh.docx",
        "tong-hop.xlsx",
        "tong-hop.json",
    } <= set(names)
    assert load_plan(out / "huyen-lam-ha.yaml").header.place == "Lâm Hà"
    captured = capsys.readouterr()
    assert re.search(r"^12 units, 36 documents in \d+\.\d s → ", captured.out, re.M)
    assert "12/12 huyện Đam Rông" in captured.err
    assert [p.name for p in tmp_path.iterdir()] == ["lam-dong"]


@pytest.mark.parametrize("profile", PROFILES, ids=[p.stem for p in PROFILES])
def test_every_example_profile_derives(profile: Path, tmp_path: Path) -> None:
    """The district, department and commune examples all run."""
    assert main(["derive", str(PLAN), "--profile", str(profile), "-o", str(tmp_path / "o")]) == 0
    assert any((tmp_path / "o").glob("*-review.docx"))


def test_only_the_named_units(tmp_path: Path) -> None:
    """--unit picks units; names may be typed without diacritics."""
    out = tmp_path / "two"
    assert main(_derive("-o", str(out), "--unit", "Da Lat", "--unit", "huyen Di Linh")) == 0
    assert sorted(p.name for p in out.glob("*.yaml")) == [
        "huyen-di-linh.yaml",
        "thanh-pho-da-lat.yaml",
    ]


def test_an_existing_folder_is_refused_without_force_and_replaced_with_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The clerk's own folder is never touched, not even with --force; a derived one is
    replaced only with --force."""
    out = tmp_path / "out"
    out.mkdir()
    (out / "mine.txt").write_text("giữ nguyên", encoding="utf-8")
    assert main(_derive("-o", str(out), "--unit", "Lâm Hà")) == 2
    assert "--force" in capsys.readouterr().err
    assert [p.name for p in out.iterdir()] == ["mine.txt"]
    assert main(_derive("-o", str(out), "--unit", "Lâm Hà", "--force")) == 2
    assert [p.name for p in out.iterdir()] == ["mine.txt"]
    (out / "mine.txt").unlink()
    out.rmdir()
    assert main(_derive("-o", str(out), "--unit", "Đà Lạt")) == 0
    assert main(_derive("-o", str(out), "--unit", "Lâm Hà")) == 2
    assert main(_derive("-o", str(out), "--unit", "Lâm Hà", "--force")) == 0
    assert sorted(p.name for p in out.iterdir()) == [
        ".planforge-derive",
        "huyen-lam-ha-review.docx",
        "huyen-lam-ha-thay-doi.docx",
        "huyen-lam-ha.docx",
        "huyen-lam-ha.yaml",
        "tong-hop.json",
        "tong-hop.xlsx",
    ]


def test_a_looser_target_stops_everything_with_one_located_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Exit 2, the profile's file and line, and no folder, not even half of one."""
    profile = tmp_path / "profile.yaml"
    profile.write_text(
        DISTRICTS.read_text(encoding="utf-8").replace("value: 80", "value: 50"), encoding="utf-8"
    )
    out = tmp_path / "out"
    assert main(["derive", str(PLAN), "--profile", str(profile), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert re.match(rf"planforge: error: {re.escape(str(profile))}:\d+:\d+: target ", err)
    assert "50%" in err and "70%" in err and err.count("\n") == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["profile.yaml"]


def test_an_unknown_unit_is_refused_with_a_suggestion(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The closest name is offered."""
    assert main(_derive("-o", str(tmp_path / "o"), "--unit", "Đà Lạc")) == 2
    assert "did you mean 'thành phố Đà Lạt'?" in capsys.readouterr().err
    assert not (tmp_path / "o").exists()


def test_a_profile_with_errors_names_file_line_and_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A profile is read like a plan file."""
    profile = tmp_path / "p.yaml"
    profile.write_text(
        DISTRICTS.read_text(encoding="utf-8").replace(
            "level: district\nextends", "level: county\nextends"
        ),
        encoding="utf-8",
    )
    assert main(["derive", str(PLAN), "--profile", str(profile), "-o", str(tmp_path / "o")]) == 2
    err = capsys.readouterr().err
    assert re.match(
        rf"planforge: error: {re.escape(str(profile))}:\d+:8: level: unknown value", err
    )


def test_the_cover_letter_sends_the_plan_to_the_units(tmp_path: Path) -> None:
    """--cover-letter adds the công văn: V/v, Kính gửi the units, "Như trên" first."""
    out = tmp_path / "out"
    assert main(_derive("-o", str(out), "--unit", "Lâm Hà", "--cover-letter")) == 0
    letter = load_document(out / "cong-van.yaml")
    assert isinstance(letter, Letter)
    assert letter.header.number.line.replace("\u00a0", " ").endswith(" /UBND-VX3")
    assert letter.header.subject == "triển khai thực hiện Kế hoạch số 7851/KH-UBND"
    assert letter.addressees == ("Ủy ban nhân dân các huyện, thị xã, thành phố",)
    text = docx_text(out / "cong-van.docx")
    assert "V/v triển khai thực hiện Kế hoạch số 7851/KH-UBND" in text
    assert "Kính gửi: Ủy ban nhân dân các huyện, thị xã, thành phố." in text
    assert "- Như trên;" in text
    # counted from the letter (dated 11/2021, day left blank), not from the plan of 04/11/2021
    assert "trong vòng 30 ngày kể từ ngày ký Công văn này" in text
    assert "KẾ HOẠCH" not in text
