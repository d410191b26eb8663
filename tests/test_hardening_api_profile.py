"""A Profile built in Python honours ``extends`` as a profile file does."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

import planforge
from planforge.loading.profile_file import with_defaults

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "lam-dong-2021"


@pytest.mark.parametrize(
    ("profile_file", "level"),
    [("profile-2021-districts.yaml", "district"), ("profile-2021-department.yaml", "department")],
)
def test_a_profile_built_in_python_gets_the_defaults_it_extends(
    profile_file: str, level: str
) -> None:
    plan = planforge.load_plan(EXAMPLE / "ke-hoach-7851.yaml")
    text = (EXAMPLE / profile_file).read_text(encoding="utf-8")
    from_file = planforge.load_profile(EXAMPLE / profile_file)
    own_rules_only = planforge.loads_profile(text.replace(f"extends: {level}\n", ""))
    built = attrs.evolve(own_rules_only, extends=level)  # as a caller would build it
    unit = from_file.units[0]
    expected = planforge.derive_plan(plan, unit, from_file)
    try:  # without the defaults the result differs, or derivation fails outright
        assert planforge.derive_plan(plan, unit, own_rules_only) != expected
    except planforge.DerivationError:
        pass
    assert planforge.derive_plan(plan, unit, built) == expected
    assert planforge.derive_with_review(plan, unit.name, built) == planforge.derive_with_review(
        plan, unit.name, from_file
    )


def test_defaults_already_applied_are_not_applied_twice() -> None:
    profile = planforge.load_profile(EXAMPLE / "profile-2021-districts.yaml")
    assert with_defaults(profile) is profile


def test_an_unknown_extends_in_python_is_a_planforge_error() -> None:
    profile = planforge.load_profile(EXAMPLE / "profile-2021-districts.yaml")
    plan = planforge.load_plan(EXAMPLE / "ke-hoach-7851.yaml")
    with pytest.raises(planforge.PlanforgeError, match="unknown default profile 'province'"):
        planforge.derive_plan(plan, profile.units[0], attrs.evolve(profile, extends="province"))
