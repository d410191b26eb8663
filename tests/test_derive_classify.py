"""Tổ chức thực hiện by subject (issue 11, item 2): each higher body classified with the
level catalogue, the level below given its item, the unit directing its own office, and
Nơi nhận's Party committee and subordinates from the catalogue — on the bundled drafts."""

from __future__ import annotations

import pytest
from drafts import DRAFTS, derived

from planforge.derivation.lint import LintFinding
from planforge.model import Assignment, Plan, Role, Section

_derived = derived


def _implementation(plan: Plan) -> tuple[Assignment, ...]:
    section = next(
        n for n in plan.sections if isinstance(n, Section) and n.role is Role.IMPLEMENTATION
    )
    return tuple(n for n in section.children if isinstance(n, Assignment))


def _texts(plan: Plan) -> list[str]:
    return [e.node.text for e in plan.entries()]


def test_a_district_plan_has_an_item_for_its_communes() -> None:
    plan, review = _derived("districts", "huyện Lâm Hà")
    item = next(a for a in _implementation(plan) if a.text == "Ủy ban nhân dân các xã, thị trấn:")
    duties = [c.text for c in item.children]
    assert duties[0].startswith("Căn cứ Kế hoạch này và tình hình thực tế của địa phương, xây")
    assert "về Ủy ban nhân dân huyện Lâm Hà theo quy định." in duties[0]
    # the province's duties for the lower committees, for the communes: they do coordinate
    assert (
        "Phối hợp Phòng Lao động - Thương binh và Xã hội từng bước xây dựng, tổ chức cung cấp "
        "dịch vụ hỗ trợ xã hội, hỗ trợ hòa nhập cộng đồng đối với người bán dâm."
    ) in duties
    assert item.origin == "7851/KH-UBND V.11"
    requests = [a for a in _implementation(plan) if a.requested]
    assert _implementation(plan).index(item) < _implementation(plan).index(requests[0])
    assert any(r.kind == "nhiệm vụ của đơn vị" and r.path == item.agencies[0] for r in review.rows)


def test_a_city_names_its_wards_below() -> None:
    plan, _ = _derived("districts", "thành phố Đà Lạt")
    assert "Ủy ban nhân dân các xã, phường:" in [a.text for a in _implementation(plan)]


@pytest.mark.parametrize(
    ("profile", "unit", "heading"),
    [
        ("communes", "xã Lạc Dương", "Trưởng thôn, Tổ trưởng tổ dân phố:"),
        ("communes", "phường B'Lao", "Tổ trưởng tổ dân phố:"),
        ("lai-chau", "xã Bình Lư", "Trưởng thôn, Tổ trưởng tổ dân phố:"),
    ],
)
def test_a_commune_plan_gives_the_thon_heads_an_item_and_no_committee(
    profile: str, unit: str, heading: str
) -> None:
    plan, review = _derived(profile, unit)
    item = next(a for a in _implementation(plan) if a.text == heading)
    assert item.children[0].text.startswith("Tuyên truyền, vận động nhân dân ở các ")
    assert not [t for t in _texts(plan) if "Ủy ban nhân dân các thôn" in t or "UBND các thôn" in t]
    assert not [f for f in review.findings if f.code == "L6"]


def test_a_department_has_no_item_for_a_level_below() -> None:
    plan, _ = _derived("department", "so-ldtbxh")
    assert not [a for a in _implementation(plan) if "Ủy ban nhân dân các xã" in a.text]


def test_the_unit_directs_its_own_office_instead_of_coordinating_with_it() -> None:
    plan, review = _derived("communes", "xã Lạc Dương")
    texts = _texts(plan)
    assert (
        "Chỉ đạo Phòng Văn hóa - Xã hội từng bước xây dựng, tổ chức cung cấp dịch vụ hỗ trợ xã "
        "hội, hỗ trợ hòa nhập cộng đồng đối với người bán dâm."
    ) in texts
    assert not [t for t in texts if t.startswith("Phối hợp Phòng Văn hóa - Xã hội")]
    assert any("không “phối hợp” với nó" in r.change for r in review.rows)


def test_an_office_no_longer_coordinates_with_itself_in_a_merged_item() -> None:
    """Lai Châu: the Sở Y tế's "Phối hợp với Sở LĐTBXH chỉ đạo …", both now one office."""
    plan, _ = _derived("lai-chau", "xã Bình Lư")
    texts = _texts(plan)
    assert [t for t in texts if "Chỉ đạo việc phối hợp thực hiện các biện pháp giảm hại" in t]
    assert not [t for t in texts if "Phối hợp với Phòng Văn hóa - Xã hội chỉ đạo" in t]


def test_no_court_or_procuracy_below_the_district() -> None:
    plan, review = _derived("districts", "huyện Lâm Hà")
    request = next(a for a in _implementation(plan) if "Viện Kiểm sát" in a.text)
    assert request.text.startswith(
        "Đề nghị Viện Kiểm sát nhân dân huyện, Tòa án nhân dân huyện nâng cao năng lực của lực "
        "lượng kiểm sát, thẩm phán"
    )
    assert not [t for t in _texts(plan) if "Tòa án nhân dân các xã" in t]
    assert any(r.change.startswith("bỏ “chỉ đạo, hướng dẫn Viện Kiểm sát") for r in review.rows)
    commune, commune_review = _derived("communes", "xã Lạc Dương")
    assert not [t for t in _texts(commune) if "Viện Kiểm sát" in t or "Tòa án" in t]
    assert any(
        r.kind == "phân loại" and r.path == "Tòa án nhân dân tỉnh" and "không có" in r.change
        for r in commune_review.rows
    )


def test_bodies_go_to_their_counterparts_from_the_catalogue() -> None:
    """A ward's economy office is the Phòng Kinh tế, Hạ tầng và Đô thị; each decision has
    its reason in the review."""
    ward, review = _derived("communes", "phường B'Lao")
    assert "Phòng Kinh tế, Hạ tầng và Đô thị" in [a.agencies[0] for a in _implementation(ward)]
    row = next(r for r in review.rows if r.kind == "phân loại" and r.path == "Sở Tài chính")
    assert row.change == (
        "phân loại: Sở Tài chính → Phòng Kinh tế, Hạ tầng và Đô thị "
        "(cơ quan tương ứng theo danh mục cấp)"
    )
    commune, _ = _derived("communes", "xã Lạc Dương")
    assert "Phòng Kinh tế" in [a.agencies[0] for a in _implementation(commune)]
    # the department profile's own rule still wins over the catalogue
    _, department = _derived("department", "so-ldtbxh")
    row = next(r for r in department.rows if r.path == "Ủy ban nhân dân các huyện")
    assert "theo quy tắc riêng của hồ sơ" in row.change


@pytest.mark.parametrize(
    ("profile", "unit", "committee", "below"),
    [
        ("districts", "thành phố Đà Lạt", "TT. Thành ủy, TT. HĐND", "UBND các xã, phường"),
        ("districts", "huyện Lâm Hà", "TT. Huyện ủy, TT. HĐND", "UBND các xã, thị trấn"),
        ("communes", "xã Lạc Dương", "TT. Đảng ủy xã, TT. HĐND xã", "Các thôn, tổ dân phố"),
        ("communes", "phường B'Lao", "TT. Đảng ủy phường, TT. HĐND phường", "Các tổ dân phố"),
    ],
)
def test_noi_nhan_takes_the_party_committee_and_the_level_below_from_the_catalogue(
    profile: str, unit: str, committee: str, below: str
) -> None:
    plan, _ = _derived(profile, unit)
    names = [r.name for r in plan.recipients.entries]
    assert names[:2] == ["UBND tỉnh", names[1]]  # the higher body first (b/c)
    assert committee in names and below in names


def _codes(findings: tuple[LintFinding, ...], codes: set[str]) -> list[LintFinding]:
    return [f for f in findings if f.code in codes]


@pytest.mark.parametrize(("profile", "unit"), DRAFTS)
def test_no_classification_finding_in_the_bundled_drafts(profile: str, unit: str) -> None:
    """L2 (one body twice), L3 (self-coordination), L6 (absent bodies), L9 (Party committee)."""
    _plan, review = _derived(profile, unit)
    assert _codes(review.findings, {"L2", "L3", "L6", "L9"}) == []


def test_a_departments_subject_names_no_territory() -> None:
    """A Sở's plan is its sector's across the province: no "trên địa bàn tỉnh" in its
    subject, while a district's subject names the district."""
    department, _ = derived("department", "so-ldtbxh")
    assert department.header.subject == (
        "Triển khai thực hiện Chương trình phòng, chống mại dâm giai đoạn 2021 - 2025"
    )
    district, _ = derived("districts", "huyện Lâm Hà")
    assert district.header.subject.endswith("giai đoạn 2021 - 2025 trên địa bàn huyện Lâm Hà")
