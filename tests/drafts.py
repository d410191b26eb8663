"""The derived drafts the derivation tests read: the bundled examples' units, derived once."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from planforge import load_plan, load_profile
from planforge.derivation.derive import derive_with_review
from planforge.derivation.review import Review
from planforge.model import Plan

ROOT = Path(__file__).resolve().parents[1]
LAM_DONG = ROOT / "examples" / "lam-dong-2021"
LAI_CHAU = ROOT / "examples" / "lai-chau-2021"
SOURCES = {"lam-dong": LAM_DONG / "ke-hoach-7851.yaml", "lai-chau": LAI_CHAU / "ke-hoach.yaml"}
PROFILES = {
    "districts": ("lam-dong", LAM_DONG / "profile-2021-districts.yaml"),
    "department": ("lam-dong", LAM_DONG / "profile-2021-department.yaml"),
    "communes": ("lam-dong", LAM_DONG / "profile-2025-communes.yaml"),
    "lai-chau": ("lai-chau", LAI_CHAU / "profile-2025-communes.yaml"),
}
"""Each bundled profile by a short name, with the plan it derives from."""
DRAFTS = [
    ("districts", "huyện Lâm Hà"),
    ("districts", "thành phố Đà Lạt"),
    ("department", "so-ldtbxh"),
    ("communes", "xã Lạc Dương"),
    ("communes", "phường B'Lao"),
    ("lai-chau", "xã Bình Lư"),
    ("lai-chau", "phường Tân Phong"),
]
"""A district, a city, a department, a commune and a ward of two provinces."""


@cache
def derived(profile: str, unit: str) -> tuple[Plan, Review]:
    """The unit's draft and review from the bundled profile ``profile`` (a short name)."""
    source, path = PROFILES[profile]
    return derive_with_review(load_plan(SOURCES[source]), unit, load_profile(path))
