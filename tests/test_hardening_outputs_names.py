"""Output names: nothing a profile or a file name says can place a file outside ``-o``,
and no two outputs of one run share a name."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from factories import plan

from planforge import dump_plan
from planforge.cli import main
from planforge.errors import OutputError
from planforge.outputs import inside

ROOT = Path(__file__).resolve().parents[1]
PLAN = ROOT / "examples" / "lam-dong-2021" / "ke-hoach-7851.yaml"
DISTRICTS = ROOT / "examples" / "lam-dong-2021" / "profile-2021-districts.yaml"
BAO_LOC = "    short_name: thành phố Bảo Lộc\n"


def _profile(tmp_path: Path, old: str, new: str) -> Path:
    text = DISTRICTS.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "profile.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def _listing(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.mark.parametrize(
    "slug",
    [
        "../victim",
        "../../x",
        "/tmp/absolute",
        "/",
        "a\\\\b",
        "a\\0b",
        "x" * 300,
        "..",
        ".hidden",
    ],
    ids=["parent", "grandparent", "absolute", "root", "backslash", "nul", "300", "dots", "hidden"],
)
def test_a_slug_that_is_not_one_plain_file_name_is_a_located_profile_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], slug: str
) -> None:
    """Exit 2, the profile's file, line and `units[1].slug`, nothing written anywhere."""
    profile = _profile(tmp_path, BAO_LOC, f'{BAO_LOC}    slug: "{slug}"\n')
    (tmp_path / "victim.yaml").write_text("mine", encoding="utf-8")
    before = _listing(tmp_path)
    out = tmp_path / "out"
    assert main(["derive", str(PLAN), "--profile", str(profile), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert re.match(
        rf"planforge: error: {re.escape(str(profile))}:\d+:\d+: units\[1\]\.slug: ", err
    )
    assert err.count("\n") == 1
    assert _listing(tmp_path) == before


def test_a_short_name_that_slugs_to_nothing_asks_for_a_slug(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A name of only punctuation would give the files "", ".docx": refused at the name."""
    profile = _profile(tmp_path, BAO_LOC, "    short_name: “—”\n")
    assert main(["derive", str(PLAN), "--profile", str(profile), "-o", str(tmp_path / "o")]) == 2
    err = capsys.readouterr().err
    assert re.search(r":\d+:\d+: units\[1\]\.short_name: .*slug", err)
    assert not (tmp_path / "o").exists()


def test_a_300_character_short_name_asks_for_a_shorter_slug(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Not ENAMETOOLONG half-way through the run: refused when the profile is read."""
    profile = _profile(tmp_path, BAO_LOC, f"    short_name: thành phố {'Bảo Lộc ' * 40}\n")
    assert main(["derive", str(PLAN), "--profile", str(profile), "-o", str(tmp_path / "o")]) == 2
    assert "units[1].short_name: " in capsys.readouterr().err
    assert not (tmp_path / "o").exists()


@pytest.mark.parametrize(
    ("slug", "why"),
    [
        ("thanh-pho-da-lat", "same"),
        ("THANH-PHO-DA-LAT", "case"),
        ("thanh-pho-da-lat-review", "review"),
    ],
)
def test_two_units_that_would_write_the_same_file_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], slug: str, why: str
) -> None:
    """Today they overwrote each other silently; now the second unit's slug is named."""
    profile = _profile(tmp_path, BAO_LOC, f"{BAO_LOC}    slug: {slug}\n")
    assert main(["derive", str(PLAN), "--profile", str(profile), "-o", str(tmp_path / "o")]) == 2
    err = capsys.readouterr().err
    assert re.search(r":\d+:\d+: units\[1\]\.slug: units\[0\] and units\[1\] would write", err), why
    assert not (tmp_path / "o").exists()


def test_a_unit_cannot_take_the_cover_letters_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """cong-van.yaml is the công văn's file."""
    profile = _profile(tmp_path, BAO_LOC, f"{BAO_LOC}    slug: cong-van\n")
    assert main(["derive", str(PLAN), "--profile", str(profile), "-o", str(tmp_path / "o")]) == 2
    assert "units[1].slug: the file name 'cong-van'" in capsys.readouterr().err


def test_a_valid_slug_names_the_units_files(tmp_path: Path) -> None:
    """Letters, digits, '-', '_' and '.' are kept as given."""
    profile = _profile(tmp_path, BAO_LOC, f"{BAO_LOC}    slug: Bao_Loc.2021\n")
    out = tmp_path / "o"
    args = ["derive", str(PLAN), "--profile", str(profile), "-o", str(out), "--unit", "Bảo Lộc"]
    assert main(args) == 0
    assert (out / "Bao_Loc.2021.docx").is_file() and (out / "Bao_Loc.2021-review.docx").is_file()


@pytest.mark.parametrize("name", ["../x.docx", "a/b.docx", "..", "", "/etc/passwd", "a\0b"])
def test_the_writing_point_refuses_a_name_that_leaves_the_folder(tmp_path: Path, name: str) -> None:
    """The last guard, whatever the model let through."""
    with pytest.raises(OutputError) as caught:
        inside(tmp_path, name)
    assert caught.value.location == str(tmp_path)
    assert inside(tmp_path, "ok.docx") == tmp_path / "ok.docx"


def test_plans_of_the_same_name_in_folders_of_the_same_name_get_as_many_folders_as_needed(
    tmp_path: Path,
) -> None:
    """a/x/p.yaml and b/x/p.yaml: neither p.docx nor x-p.docx tells them apart; a-x-p does."""
    first, second = tmp_path / "a" / "x" / "p.yaml", tmp_path / "b" / "x" / "p.yaml"
    for path in (first, second):
        path.parent.mkdir(parents=True)
        dump_plan(plan(), path)
    out = tmp_path / "out"
    assert main(["render", str(first), str(second), "-o", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["a-x-p.docx", "b-x-p.docx"]


def test_the_same_plan_given_twice_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """One file named twice cannot be told apart by any folder: refused, nothing written."""
    source = tmp_path / "p.yaml"
    dump_plan(plan(), source)
    out = tmp_path / "out"
    assert main(["render", str(source), str(source), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert str(source) in err and err.count("\n") == 1
    assert not out.exists()


def test_plans_of_the_same_name_in_different_folders_get_the_folder_in_their_name(
    tmp_path: Path,
) -> None:
    """a/p.yaml and b/P.yaml (the same name on a case-insensitive disk) → a-p, b-P."""
    first, second = tmp_path / "a" / "p.yaml", tmp_path / "b" / "P.yaml"
    for path in (first, second):
        path.parent.mkdir(parents=True)
        dump_plan(plan(), path)
    out = tmp_path / "out"
    assert main(["render", str(first), str(second), "-o", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["a-p.docx", "b-P.docx"]


@pytest.mark.parametrize("suffix", [".pdf", ".odt", ".yaml", ".txt"])
def test_render_never_makes_a_folder_named_like_a_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], suffix: str
) -> None:
    """`render p.yaml -o x.pdf` says to name it x.docx and add --pdf; writes nothing."""
    source = tmp_path / "p.yaml"
    dump_plan(plan(), source)
    out = tmp_path / f"x{suffix}"
    assert main(["render", str(source), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert f"{out}: " in err and "x.docx" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.yaml"]


@pytest.mark.parametrize("name", ["out.docx", "out.txt", "out"])
def test_import_writes_only_a_yaml_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    """A plan file under a Word name would fool the next program that opens it."""
    text = tmp_path / "plan.txt"
    text.write_text("KẾ HOẠCH\nThực hiện nhiệm vụ năm 2025\n", encoding="utf-8")
    assert main(["import", str(text), "-o", str(tmp_path / name)]) == 2
    err = capsys.readouterr().err
    assert f"{tmp_path / name}: " in err and ".yaml" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.txt"]


def test_a_derived_folder_gets_the_usual_permissions(tmp_path: Path) -> None:
    """Not the private 0700 of a temporary folder: colleagues read the drafts."""
    out = tmp_path / "o"
    args = ["derive", str(PLAN), "--profile", str(DISTRICTS), "-o", str(out), "--unit", "Lâm Hà"]
    assert main(args) == 0
    umask = os.umask(0)
    os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o777 & ~umask
