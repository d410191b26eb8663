"""Drafts of the 2025 units from data (``derive --units``), read as the clerk who signs them
and the province's reviewer: a xã, a phường and the special zone of Lâm Đồng, and a xã and a
phường of Lai Châu, derived with the bundled commune defaults only."""

from __future__ import annotations

import datetime
import re
from functools import cache

from drafts import LAI_CHAU, LAM_DONG

from planforge import load_plan
from planforge.derivation.data_units import data_profile, data_unit
from planforge.derivation.derive import derive_with_review
from planforge.derivation.review import Review
from planforge.loading.profile_file import loads_profile
from planforge.model import Plan, Reporting, Role, Section, Target
from planforge.model.numbering import walk
from planforge.units import find_province, select_units

SOURCES = {"Lâm Đồng": LAM_DONG / "ke-hoach-7851.yaml", "Lai Châu": LAI_CHAU / "ke-hoach.yaml"}
UNITS = [
    ("Lâm Đồng", "xã Lạc Dương"),
    ("Lâm Đồng", "phường Xuân Hương - Đà Lạt"),
    ("Lâm Đồng", "đặc khu Phú Quý"),
    ("Lai Châu", "xã Bình Lư"),
    ("Lai Châu", "phường Tân Phong"),
]


@cache
def _derived(province: str, unit: str) -> tuple[Plan, Review]:
    found = find_province(province)
    source = load_plan(SOURCES[province])
    units = select_units(found, unit)
    profile = data_profile(found, units, source.header.date, today=datetime.date(2026, 3, 9))
    return derive_with_review(source, profile.units[0], profile)


def _texts(plan: Plan) -> list[str]:
    found = [e.node for e in walk(plan.sections)] + [e.node for e in walk(plan.closing)]
    return [t for n in found for t in (getattr(n, "title", ""), getattr(n, "text", "")) if t]


def _budget(plan: Plan) -> Section:
    return next(s for s in plan.sections if isinstance(s, Section) and s.role is Role.BUDGET)


def test_a_commune_budget_is_its_own_not_the_province_s_said_twice() -> None:
    """Was "Ngân sách xã bảo đảm chi … có tác động đến nhiều địa phương trong xã …" and then
    "Ủy ban nhân dân xã Lạc Dương có trách nhiệm bố trí kinh phí của cấp mình …": the
    province's two budgets made one and the same, twice."""
    for province, unit in UNITS:
        plan, review = _derived(province, unit)
        kind = unit.split(" ", 1)[0] if not unit.startswith("đặc khu") else "đặc khu"
        budget = _budget(plan)
        assert [c.text for c in budget.children] == [
            f"Kinh phí thực hiện Kế hoạch được bố trí trong dự toán ngân sách {kind} hằng năm "
            "giao cho các cơ quan, đơn vị theo phân cấp quản lý ngân sách nhà nước hiện hành; "
            "lồng ghép trong các chương trình, đề án, dự án có liên quan trên địa bàn; huy "
            "động sự tham gia, đóng góp của các tổ chức, cá nhân và các nguồn kinh phí hợp "
            "pháp khác theo quy định của pháp luật."
        ], unit
        text = "\n".join(_texts(plan))
        assert "kinh phí của cấp mình" not in text
        assert "nhiều địa phương trong" not in text
        assert any(r.change.startswith("thay nội dung kinh phí") for r in review.rows)


def test_no_levels_below_a_commune_are_spoken_of() -> None:
    """ "các cấp, các ngành", "ở các cấp", "cộng tác viên các cấp": a commune has no levels
    below it but its thôn and tổ dân phố ("các cấp ủy", Party committees, is another word)."""
    for province, unit in UNITS:
        plan, _ = _derived(province, unit)
        text = "\n".join(_texts(plan))
        assert re.findall(r"các cấp(?! ủy)", text) == [], unit
        below = "các tổ dân phố" if unit.startswith("phường") else "các thôn, tổ dân phố"
        kind = "đặc khu" if unit.startswith("đặc khu") else unit.split(" ", 1)[0]
        assert "nhận thức và hành động của các cơ quan, đơn vị, các tổ chức xã hội" in text
        assert f"sơ kết tổng kết ở {kind} và {below} nhằm" in text.replace("kết, tổng", "kết tổng")
        assert f"cộng tác viên ở {below} về công tác phòng, chống mại dâm" in text
        assert "phòng, chống tệ nạn xã hội của các cơ quan, đơn vị có liên quan" in text


def test_a_commune_publishes_on_its_own_information_system() -> None:
    """Lâm Đồng's target "… được đăng tải trên các báo, đài địa phương": the province's press."""
    plan, _ = _derived("Lâm Đồng", "đặc khu Phú Quý")
    assert (
        "Thông tin về phòng, chống mại dâm được đăng tải trên hệ thống thông tin cơ sở "
        "của đặc khu;" in _texts(plan)
    )
    assert not any("báo, đài" in t for t in _texts(plan))


def test_the_measures_count_what_the_rewritten_target_says() -> None:
    """Lai Châu's "100% các huyện, thành phố …" reads "100% các thôn, tổ dân phố …" in a xã:
    its measure no longer counts districts, nor "… trên địa bàn tỉnh" the province's pupils."""
    wards = [("xã Bình Lư", "các thôn, tổ dân phố"), ("phường Tân Phong", "các tổ dân phố")]
    for unit, below in wards:
        plan, _ = _derived("Lai Châu", unit)
        targets = [e.node for e in walk(plan.sections) if isinstance(e.node, Target)]
        populations = [m.population or "" for t in targets for m in t.measures]
        assert populations.count(below) == 2, unit
        assert not any(re.search(r"huyện|tỉnh", p) for p in populations), populations
        assert populations[-1].startswith("đội ngũ cán bộ, công chức, viên chức, chiến sĩ cấp ")
        kind = unit.split(" ", 1)[0]
        assert any(p.endswith(f"nghề nghiệp trên địa bàn {kind}") for p in populations)
        lower = "số thôn, tổ dân phố" if kind == "xã" else "số tổ dân phố"
        assert populations[0] == lower  # was "số xã, phường, thị trấn (cấp xã)"


def test_a_unit_named_by_a_number_is_dated_with_its_kind() -> None:
    """Nghị định 30: "Phường 1 Bảo Lộc, ngày …", never "1 Bảo Lộc, ngày …"."""
    lam_dong = find_province("Lâm Đồng")
    (first,) = select_units(lam_dong, "phường 1 Bảo Lộc")
    assert data_unit(first).place == "Phường 1 Bảo Lộc"
    (named,) = select_units(lam_dong, "xã Lạc Dương")
    assert data_unit(named).place == "Lạc Dương"


def test_a_body_the_commune_lacks_leaves_the_roles_and_reports_go_to_the_unit() -> None:
    """Lai Châu's item for the mass organisations gave the Liên đoàn Lao động tỉnh a role; a
    commune has none (its text no longer names it, its roles did). Its reporting sentence
    reads "báo cáo UBND xã": so does each deadline's recipient, not the province."""
    plan, _ = _derived("Lai Châu", "xã Bình Lư")
    roles = [r.agency for e in walk(plan.sections) for r in getattr(e.node, "roles", ())]
    assert "Hội Cựu chiến binh xã" in roles
    assert not any("Liên đoàn Lao động" in r or "tỉnh" in r for r in roles), roles
    (reporting,) = [n for n in plan.closing if isinstance(n, Reporting)]
    assert "báo cáo UBND xã (qua Phòng Văn hóa - Xã hội" in reporting.text
    assert [d.recipient for d in reporting.deadlines] == ["UBND xã", "UBND xã"]


def test_two_departments_duty_said_twice_is_one_duty_of_the_commune_office() -> None:
    """Lai Châu gave "Tăng cường công tác kiểm tra, giám sát nhằm phòng ngừa việc lợi dụng
    các phương tiện thông tin …" to two departments in two wordings; both go to the one
    Phòng Văn hóa - Xã hội, which the draft gave the duty twice."""
    plan, review = _derived("Lai Châu", "xã Bình Lư")
    duties = [t for t in _texts(plan) if t.startswith("Tăng cường công tác kiểm tra, giám sát")]
    assert duties == [
        "Tăng cường công tác kiểm tra, giám sát nhằm phòng ngừa việc lợi dụng các phương "
        "tiện tuyền thông trong hoạt động mại dâm."
    ]
    assert any("bỏ nhiệm vụ trùng “Tăng cường công tác kiểm tra" in r.change for r in review.rows)


def test_a_department_office_checks_it_does_not_inspect() -> None:
    """Lai Châu's plan has its labour department "tăng cường kiểm tra, thanh tra các cơ sở
    kinh doanh dịch vụ": in the department's own plan that duty is its phòng's, which has no
    inspection power (the Thanh tra Sở had)."""
    text = (LAM_DONG / "profile-2021-department.yaml").read_text(encoding="utf-8")
    text = text.replace("Lâm Đồng", "Lai Châu").replace("LÂM ĐỒNG", "LAI CHÂU")
    profile = loads_profile(text, "profile-lai-chau-department.yaml")
    source = load_plan(SOURCES["Lai Châu"])
    plan, review = derive_with_review(source, "so-ldtbxh", profile)
    duties = [t for t in _texts(plan) if t.startswith("Tổ chức tốt hoạt động kiểm tra liên ngành")]
    assert duties == [
        "Tổ chức tốt hoạt động kiểm tra liên ngành của Đội 178, tăng cường kiểm tra các cơ sở "
        "kinh doanh dịch vụ, các điểm, khu vực dễ phát sinh tệ nạn mại dâm trên địa bàn."
    ]
    assert any("“kiểm tra, thanh tra” → “kiểm tra”" in r.change for r in review.rows)


def test_a_draft_dated_after_the_higher_plan_s_period_is_flagged() -> None:
    """The units of 2025 from data are drafted now: in 2026 the targets "đến năm 2025" of a
    "giai đoạn 2021 - 2025" plan are due. The reviewer sees it; the profile of 2025 does not."""
    _, review = _derived("Lâm Đồng", "xã Lạc Dương")
    (row,) = [r for r in review.rows if r.path == "Ngày ban hành"]
    assert row.kind == "cần xem lại"
    assert row.derived_text == "tháng 03/2026"
    assert "dự thảo lập năm 2026, sau giai đoạn 2021 - 2025 của kế hoạch cấp trên" in row.change
    profile = loads_profile((LAM_DONG / "profile-2025-communes.yaml").read_text(encoding="utf-8"))
    _, in_2025 = derive_with_review(load_plan(SOURCES["Lâm Đồng"]), "xã Lạc Dương", profile)
    assert not any(r.path == "Ngày ban hành" for r in in_2025.rows)
