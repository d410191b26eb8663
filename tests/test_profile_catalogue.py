"""A profile's own level catalogue beside it, and unit kinds checked against the catalogue."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from planforge import load_plan
from planforge.cli import main
from planforge.derivation.derive import derive_with_review
from planforge.errors import PlanFileError
from planforge.loading.profile_file import load_profile

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "lam-dong-2021"
PROFILE = EXAMPLES / "profile-2021-districts.yaml"
LEVELS = ROOT / "planforge" / "catalogue" / "levels.yaml"


def _profile(folder: Path, text: str) -> Path:
    path = folder / "profile.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_unit_kind_the_catalogue_does_not_know_is_a_located_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = PROFILE.read_text(encoding="utf-8").replace("kind: thành phố", "kind: thanh pho", 1)
    path = _profile(tmp_path, text)
    with pytest.raises(PlanFileError) as error:
        load_profile(path)
    line = next(i for i, t in enumerate(text.splitlines(), 1) if "kind: thanh pho" in t)
    assert error.value.location is not None
    assert error.value.location.startswith(f"{path}:{line}:")
    assert "units[0].kind" in str(error.value) and "'thanh pho'" in str(error.value)
    plan = str(EXAMPLES / "ke-hoach-7851.yaml")
    assert main(["derive", plan, "--profile", str(path), "-o", str(tmp_path / "o")]) == 2
    assert not (tmp_path / "o").exists()
    assert "units[0].kind" in capsys.readouterr().err


def test_a_catalogue_beside_the_profile_replaces_the_bundled_one(tmp_path: Path) -> None:
    """A province that calls the city's Party committee otherwise says so in its copy."""
    levels = LEVELS.read_text(encoding="utf-8")
    own = levels.replace(
        '{name: thành phố, party_committee: Thành ủy, subordinates: "Ủy ban nhân dân các xã, '
        'phường"',
        '{name: thành phố, party_committee: Thành ủy thành phố, subordinates: "Ủy ban nhân '
        'dân các xã, phường"',
    )
    assert own != levels
    (tmp_path / "cap-hanh-chinh.yaml").write_text(own, encoding="utf-8")
    text = PROFILE.read_text(encoding="utf-8").replace(
        "extends: district\n", "extends: district\ncatalogue: cap-hanh-chinh.yaml\n"
    )
    profile = load_profile(_profile(tmp_path, text))
    assert profile.catalogue == str((tmp_path / "cap-hanh-chinh.yaml").resolve())
    source = load_plan(EXAMPLES / "ke-hoach-7851.yaml")
    plan, _ = derive_with_review(source, "thành phố Đà Lạt", profile)
    names = [r.name for r in plan.recipients.entries]
    assert "TT. Thành ủy thành phố, TT. HĐND" in names
    bundled, _ = derive_with_review(source, "thành phố Đà Lạt", load_profile(PROFILE))
    assert "TT. Thành ủy, TT. HĐND" in [r.name for r in bundled.recipients.entries]


@pytest.mark.parametrize("name", ["../levels.yaml", "/etc/passwd", "levels.txt", "missing.yaml"])
def test_the_catalogue_is_a_yaml_file_beside_the_profile(tmp_path: Path, name: str) -> None:
    folder = tmp_path / "p"
    folder.mkdir()
    shutil.copy(LEVELS, tmp_path / "levels.yaml")
    text = PROFILE.read_text(encoding="utf-8").replace(
        "extends: district\n", f"extends: district\ncatalogue: {name}\n"
    )
    with pytest.raises(PlanFileError, match="catalogue") as error:
        load_profile(_profile(folder, text))
    assert str(folder / "profile.yaml") in str(error.value)


def test_a_rule_giving_duties_to_a_body_the_era_no_longer_has_is_a_located_error(
    tmp_path: Path,
) -> None:
    """A 2025 commune profile that sends the labour department's duties to a "Phòng Lao
    động - Thương binh và Xã hội" contradicts the catalogue: refused at the rule's target."""
    text = (EXAMPLES / "profile-2025-communes.yaml").read_text(encoding="utf-8")
    rule = (
        "agencies:\n  - {source: Sở Lao động - Thương binh và Xã hội, "
        "target: Phòng Lao động - Thương binh và Xã hội}\n"
    )
    path = _profile(tmp_path, text.replace("phrases:\n", rule + "phrases:\n", 1))
    with pytest.raises(PlanFileError) as error:
        load_profile(path)
    assert "agencies[0].target" in str(error.value)
    assert "does not exist for these units on 2025-09-01" in str(error.value)
    assert error.value.location is not None and error.value.location.startswith(f"{path}:")
