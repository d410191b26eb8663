"""Duties at the unit's scale and names of its era, on real sentences of the bundled drafts."""

from __future__ import annotations

import pytest
from drafts import DRAFTS, derived

from planforge.derivation.scale import drop_clause
from planforge.model import Plan

_derived = derived


def _text(plan: Plan) -> str:
    return "\n".join(e.node.text for e in plan.entries())


def test_no_scope_era_or_function_finding_in_the_bundled_drafts() -> None:
    for profile, unit in DRAFTS:
        findings = _derived(profile, unit)[1].findings
        assert [f for f in findings if f.code in ("L4", "L5", "L10")] == [], unit


def test_a_2025_commune_reports_to_its_committee_and_names_no_labour_body() -> None:
    """The province reported to the Ministry; the commune's office reports to its committee,
    and the abolished labour sector is named by its successor for this programme."""
    plan, review = _derived("communes", "xã Lạc Dương")
    text = _text(plan)
    assert "Lao động - Thương binh và Xã hội" not in text
    assert "báo cáo Bộ" not in text
    assert (
        "giám sát đánh giá công tác phòng, chống mại dâm theo các nội dung của Kế hoạch này, "
        "báo cáo Ủy ban nhân dân xã, theo quy định." in text
    )
    assert "công tác phối hợp với ngành y tế triển khai các biện pháp can thiệp giảm hại" in text
    era = [r for r in review.rows if r.kind == "thời kỳ"]
    assert "“ngành Lao động - Thương binh và Xã hội” → “ngành y tế”" in next(
        r.change for r in era if r.path == "V.3"
    )
    assert "kế hoạch cấp trên ban hành năm 2021" in era[0].change  # the older parent is noted
    opening = plan.legal_basis.opening[0]
    assert opening.startswith("Thực hiện Kế hoạch số 7851/KH-UBND ngày 04/11/2021")  # unaffected


def test_a_ward_names_its_own_economy_office() -> None:
    plan, _review = _derived("communes", "phường B'Lao")
    heads = [e.node.text for e in plan.assignments()]
    assert any(h.startswith("Phòng Kinh tế, Hạ tầng và Đô thị, hàng năm") for h in heads)
    assert "Phòng Kinh tế" not in [r.name for r in plan.recipients.entries]


def test_the_department_draft_does_not_investigate_or_prosecute() -> None:
    plan, review = _derived("department", "so-ldtbxh")
    text = _text(plan)
    assert "điều tra, khám phá các vụ án" not in text
    assert "kịp thời truy tố" not in text
    assert "Tăng cường quản lý về an ninh, trật tự. Nâng cao hiệu quả công tác kiểm tra" in text
    row = next(r for r in review.rows if r.kind == "điều chỉnh chức năng")
    assert "Sở không có chức năng điều tra (chỉ cơ quan công an)" in row.change


def test_district_and_commune_bodies_keep_only_their_functions() -> None:
    for profile, unit in DRAFTS[:2] + DRAFTS[3:5]:
        text = _text(_derived(profile, unit)[0])
        assert "chỉ đạo ngành y tế các cấp" not in text, unit
        assert "hướng dẫn, đôn đốc ngành y tế trên địa bàn thực hiện khám bệnh định kỳ" in text
        assert "chủ trì, rà soát, kiến nghị cấp có thẩm quyền sửa đổi, bổ sung các quy định" in text
        assert "chỉ đạo kiểm tra các cơ sở kinh doanh dịch vụ văn hóa" in text


def test_no_thanh_tra_for_a_commune_office() -> None:
    for profile, unit in (("communes", "xã Lạc Dương"), ("lai-chau", "xã Bình Lư")):
        plan, _review = _derived(profile, unit)
        duties = [e.node.text for e in plan.entries() if "thanh tra" in e.node.text.lower()]
        assert duties == [], unit
    text = _text(_derived("lai-chau", "xã Bình Lư")[0])
    assert "tăng cường kiểm tra các cơ sở kinh doanh dịch vụ, các điểm" in text  # not doubled


def test_a_commune_keeps_its_own_level_of_a_two_level_target() -> None:
    plan, review = _derived("communes", "xã Lạc Dương")
    target = next(t.node for t in plan.targets() if "đội ngũ cán bộ" in t.node.text)
    assert target.text.startswith(
        "Ít nhất 50% đội ngũ cán bộ, công chức, viên chức, chiến sĩ cấp xã,"
    )
    assert [m.value for m in target.measures] == [50]
    assert any("bỏ mức 70%" in r.change for r in review.rows)


def test_a_target_counted_over_districts_does_not_apply_to_a_2025_commune() -> None:
    plan, review = _derived("lai-chau", "xã Bình Lư")
    assert not [t for t in plan.targets() if "địa bàn huyện" in t.node.text]
    row = next(r for r in review.rows if r.path == "II.4.a)-1")
    assert (
        row.change == "không áp dụng: đếm theo “huyện, thành phố”: không còn cấp huyện từ 01/7/2025"
    )
    assert "xây dựng xã lành mạnh không có tệ nạn mại dâm" in _text(plan)


def test_a_clause_is_dropped_whole_or_not_at_all() -> None:
    text = "Tăng cường quản lý; tổ chức điều tra các vụ án. Nâng cao hiệu quả; kịp thời truy tố."
    start = text.index("tổ chức")
    assert drop_clause(text, start, text.index(".")) == (
        "Tăng cường quản lý. Nâng cao hiệu quả; kịp thời truy tố."
    )
    first = "Kịp thời truy tố các tội phạm; nâng cao hiệu quả."
    assert drop_clause(first, 0, first.index(";")) == "Nâng cao hiệu quả."
    inside = "Công an chủ trì, rà soát, đề xuất sửa đổi các quy định; chỉ đạo lực lượng."
    assert drop_clause(inside, inside.index("đề xuất"), inside.index(";")) is None


@pytest.mark.parametrize(
    ("profile", "unit", "head"),
    [
        ("communes", "xã Lạc Dương", "Phối hợp với"),
        (
            "districts",
            "huyện Lâm Hà",
            "Phòng Giáo dục và Đào tạo, Phòng Lao động - Thương binh và Xã hội phối hợp với",
        ),
    ],
)
def test_a_district_or_commune_works_with_schools_it_does_not_run(
    profile: str, unit: str, head: str
) -> None:
    """Upper secondary schools and universities are not the district's or the commune's to
    direct: its office works with them, and the review says why."""
    plan, review = _derived(profile, unit)
    text = _text(plan)
    assert "hỉ đạo các trường trung học phổ thông" not in text
    assert (
        f"{head} các trường trung học phổ thông, cơ sở giáo dục đại học và cơ sở giáo dục nghề "
        "nghiệp trên địa bàn tổ chức tuyên truyền"
    ) in text
    assert any("không do cấp huyện, cấp xã quản lý" in r.change for r in review.rows)
