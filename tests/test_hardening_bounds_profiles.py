"""Profiles bounded: ``extends`` reaches nothing outside the profile's folder, and the
regular expressions of its rules are checked when read and cannot hang a derivation."""

from __future__ import annotations

import os
import time
from pathlib import Path

import attrs
import pytest
from bounded_run import SECONDS, run_bounded

from planforge import DerivationError, PlanFileError, load_plan
from planforge.derivation.derive import derive_plan
from planforge.loading.profile_file import (
    ExtendsError,
    apply_extends,
    load_profile,
    loads_profile,
)
from planforge.model.profile import PhraseRule

ROOT = Path(__file__).resolve().parents[1]
PLAN_FILE = ROOT / "examples" / "lam-dong-2021" / "ke-hoach-7851.yaml"
DISTRICTS = ROOT / "examples" / "lam-dong-2021" / "profile-2021-districts.yaml"
TEXT = DISTRICTS.read_text(encoding="utf-8")
EXTENDS_LINE = 17
SLOW = r"^(\w|\w\w|\s)+$"
"""Exponential backtracking on any sentence that ends with a full stop."""
SLOW_NAME = r"^(?:.|..|...)+(?<=#)$"
"""Exponential backtracking on any name of more than 30 letters."""


def _profile(folder: Path, text: str) -> Path:
    path = folder / "profile.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "name",
    [
        "../district",
        "../outside.yaml",
        "/etc/passwd",
        "~/defaults.yaml",
        "sub/defaults.yaml",
        "https://example.org/defaults.yaml",
        "C:defaults.yaml",
        ".hidden.yaml",
        "de\\u0000fault.yaml",
        "..\\\\defaults.yaml",
    ],
)
def test_extends_cannot_name_a_path_a_url_or_a_nul(tmp_path: Path, name: str) -> None:
    """Each is a located profile error at ``extends``, and nothing outside is read."""
    (tmp_path / "outside.yaml").write_text("level: district\n", encoding="utf-8")
    folder = tmp_path / "profiles"
    folder.mkdir()
    path = _profile(folder, TEXT.replace("extends: district", f'extends: "{name}"'))
    with pytest.raises(PlanFileError) as info:
        load_profile(path)
    assert (info.value.file, info.value.line, info.value.field) == (
        str(path),
        EXTENDS_LINE,
        "extends",
    )


def test_extends_may_name_a_defaults_file_beside_the_profile(tmp_path: Path) -> None:
    """A folder's own defaults: its rules apply after the profile's, as a bundled one's."""
    (tmp_path / "defaults.yaml").write_text(
        "level: district\nphrases:\n  - {source: tỉnh nhà, target: huyện nhà}\n", encoding="utf-8"
    )
    path = _profile(tmp_path, TEXT.replace("extends: district", "extends: defaults.yaml"))
    profile = load_profile(path)
    assert profile.phrases[-1].source == "tỉnh nhà"


def test_a_link_out_of_the_folder_is_refused(tmp_path: Path) -> None:
    """``defaults.yaml`` beside the profile, but a symbolic link to a file elsewhere."""
    outside = tmp_path / "outside.yaml"
    outside.write_text("level: district\n", encoding="utf-8")
    folder = tmp_path / "profiles"
    folder.mkdir()
    os.symlink(outside, folder / "defaults.yaml")
    path = _profile(folder, TEXT.replace("extends: district", "extends: defaults.yaml"))
    with pytest.raises(PlanFileError, match="leads out of the profile's folder") as info:
        load_profile(path)
    assert info.value.line == EXTENDS_LINE


def test_a_profile_built_in_python_gets_its_defaults_the_same_way() -> None:
    """``apply_extends`` gives what ``load_profile`` gives; a path is refused there too."""
    bare = loads_profile(TEXT.replace("extends: district\n", ""))
    assert bare.extends is None and apply_extends(bare) == bare
    built = attrs.evolve(bare, extends="district")
    assert apply_extends(built) == load_profile(DISTRICTS)
    with pytest.raises(ExtendsError, match=r"not '\.\./x\.yaml'"):
        apply_extends(attrs.evolve(bare, extends="../x.yaml"))
    with pytest.raises(ExtendsError, match="bundled default profile"):  # no folder given
        apply_extends(attrs.evolve(bare, extends="defaults.yaml"))


@pytest.mark.parametrize(
    ("rule", "field", "words"),
    [
        ('{source: "(unclosed", target: x, pattern: true}', "source", "invalid regular"),
        (r'{source: "(a)", target: "\\9", pattern: true}', "target", "group"),
        (r'{source: "(a)", target: "\\g<name>", pattern: true}', "target", "group"),
        (r'{source: "(?P<n>a)", target: "\\q", pattern: true}', "target", "invalid replacement"),
        ('{source: "' + "a" * 2000 + '", target: x, pattern: true}', "source", "longer than"),
    ],
)
def test_a_bad_pattern_or_replacement_is_a_located_error_when_read(
    tmp_path: Path, rule: str, field: str, words: str
) -> None:
    """``file:line:column: phrases[3].target: …`` before any derivation starts."""
    text = TEXT.replace("phrases:\n", f"phrases:\n  - {rule}\n", 1)
    path = _profile(tmp_path, text)
    with pytest.raises(PlanFileError) as info:
        load_profile(path)
    assert info.value.field == f"phrases[0].{field}"
    assert info.value.line == 21
    assert words in info.value.message


def test_a_valid_pattern_with_groups_still_works() -> None:
    """The example's ``^Ủy ban nhân dân (các )?(huyện|thành phố)`` kind of rule is kept."""
    rule = PhraseRule(source=r"(huyện) (\w+)", target=r"\2 \1", pattern=True)
    assert rule.target == r"\2 \1"


def test_a_runaway_pattern_stops_the_derivation_naming_its_rule(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A DerivationError placed at the rule's line, after the time limit, not forever."""
    monkeypatch.setattr("planforge.patterns.MATCH_SECONDS", 0.2)
    text = TEXT.replace(
        "phrases:\n", f"phrases:\n  - {{source: '{SLOW}', target: x, pattern: true}}\n", 1
    )
    profile = load_profile(_profile(tmp_path, text))
    start = time.monotonic()
    with pytest.raises(DerivationError) as info:
        derive_plan(load_plan(PLAN_FILE), profile.units[0], profile)
    assert time.monotonic() - start < SECONDS
    assert info.value.location == f"{tmp_path / 'profile.yaml'}:21:5"
    assert SLOW in info.value.message


def test_a_runaway_agency_pattern_is_stopped_too(tmp_path: Path) -> None:
    """``derive`` on the command line: exit 2 within seconds, the rule's place, no folder."""
    text = TEXT.replace(
        "phrases:\n",
        f"agencies:\n  - {{source: '{SLOW_NAME}', target: x, pattern: true}}\nphrases:\n",
        1,
    )
    path = _profile(tmp_path, text)
    run = run_bounded("derive", PLAN_FILE, "--profile", path, "-o", tmp_path / "out")
    assert run.code == 2, run.err
    assert f"{path}:21:5: the pattern" in run.err
    assert run.seconds < SECONDS
    assert not (tmp_path / "out").exists()
