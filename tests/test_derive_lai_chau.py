"""A second province: Lai Châu's 2021 plan derived for communes and wards of 2025 with the
bundled defaults and catalogue only (examples/lai-chau-2021/profile-2025-communes.yaml)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from planforge import Plan, load_plan, load_profile
from planforge.derivation.derive import derive_with_review
from planforge.derivation.review import Review

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "lai-chau-2021"
UNITS = ("xã Bình Lư", "phường Tân Phong")


@cache
def _derived(unit: str) -> tuple[Plan, Review]:
    source = load_plan(EXAMPLE / "ke-hoach.yaml")
    return derive_with_review(source, unit, load_profile(EXAMPLE / "profile-2025-communes.yaml"))


def _text(plan: Plan) -> str:
    return "\n".join(e.node.text for e in plan.entries())


@pytest.mark.parametrize("unit", UNITS)
def test_the_draft_has_no_finding_of_the_lint(unit: str) -> None:
    assert _derived(unit)[1].findings == ()


@pytest.mark.parametrize("unit", UNITS)
def test_the_subject_names_the_units_own_territory(unit: str) -> None:
    """ "trên địa bàn tỉnh Lai Châu" is the unit's ("xã Bình Lư"), not "xã Lai Châu"."""
    plan, _ = _derived(unit)
    assert plan.header.subject == f"Phòng, chống mại dâm giai đoạn 2021 - 2025 trên địa bàn {unit}"


@pytest.mark.parametrize("unit", UNITS)
def test_no_labour_body_however_the_parent_spelled_it(unit: str) -> None:
    """The parent writes "Sở Lao động Thương binh và Xã hội" and "Sở Lao động -Thương binh";
    both go to the commune's office, in the closing as in the duties."""
    plan, _ = _derived(unit)
    text = _text(plan) + "\n" + "\n".join(c.text for c in plan.closing)
    assert "Thương binh" not in text
    assert "báo cáo UBND " + unit.split()[0] + " (qua Phòng Văn hóa - Xã hội để tổng hợp)" in text


def test_the_police_of_a_commune_directs_no_police_of_all_levels() -> None:
    """A commune's police is the force on its territory: it neither directs nor guides
    "lực lượng công an các cấp" (was "Hướng dẫn, đôn đốc lực lượng công an trên địa bàn")."""
    plan, _ = _derived("xã Bình Lư")
    text = _text(plan)
    assert "công an các cấp" not in text and "đôn đốc lực lượng công an" not in text
    assert "\nTổ chức đấu tranh phòng, chống tội phạm mại dâm; tổ chức điều tra" in text
    assert "\nTăng cường xử phạt vi phạm hành chính trong lĩnh vực phòng, chống mại dâm." in text


def test_a_target_restated_for_the_thon_does_not_call_them_communes() -> None:
    plan, _ = _derived("xã Bình Lư")
    first = plan.targets()[0].node.text
    assert first.startswith("Ít nhất 70% số thôn, tổ dân phố tổ chức được ít nhất một hình thức")
