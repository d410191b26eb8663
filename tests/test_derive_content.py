"""What the bundled drafts say, read as the clerk who signs them: duties right for the unit's
level, its own bodies only, nothing the 2025 reform abolished, no garbled sentence."""

from __future__ import annotations

import datetime
import re

import attrs
import pytest
from drafts import DRAFTS, LAI_CHAU, derived

from planforge import load_plan
from planforge.catalogue import bundled_catalogue, kind_of
from planforge.catalogue.schema import Noun
from planforge.derivation.derive import derive_with_review
from planforge.derivation.lint import lint
from planforge.loading.profile_file import loads_profile
from planforge.model import (
    Assignment,
    Marker,
    Paragraph,
    Plan,
    Recipient,
    Recipients,
    Role,
    Section,
)

COMMUNES = [
    ("communes", "xã Lạc Dương"),
    ("communes", "phường B'Lao"),
    ("lai-chau", "xã Bình Lư"),
    ("lai-chau", "phường Tân Phong"),
]
"""Communes and wards of 2025, from two provinces' plans."""


def _texts(plan: Plan) -> list[str]:
    out: list[str] = []

    def walk(nodes: tuple[object, ...]) -> None:
        for node in nodes:
            out.extend(t for t in (getattr(node, "title", ""), getattr(node, "text", "")) if t)
            walk(getattr(node, "children", ()))

    walk(plan.sections)
    walk(plan.closing)
    return out


def _all(plan: Plan) -> str:
    """Every printed sentence of the draft's body, closing and Nơi nhận."""
    return "\n".join([*_texts(plan), *(r.name for r in plan.recipients.entries)])


def _section(plan: Plan, role: Role) -> Section:
    return next(s for s in plan.sections if isinstance(s, Section) and s.role is role)


def _item(plan: Plan, heading: str) -> Assignment:
    duties = _section(plan, Role.IMPLEMENTATION).children
    return next(n for n in duties if isinstance(n, Assignment) and n.text == heading)


def _duties(item: Assignment) -> list[str]:
    return [c.text for c in item.children if isinstance(c, Paragraph)]


@pytest.mark.parametrize(("profile", "unit"), DRAFTS)
def test_every_bundled_draft_has_no_finding_of_the_lint(profile: str, unit: str) -> None:
    assert derived(profile, unit)[1].findings == ()


# A department (Sở)


def test_a_department_spends_from_its_own_estimates() -> None:
    """Was the province's section: "Ngân sách tỉnh bảo đảm chi cho các hoạt động của các Sở,
    ngành …" and "Phòng Lao động - Thương binh và Xã hội các huyện, thành phố có trách nhiệm
    bố trí kinh phí của cấp mình …"."""
    plan, review = derived("department", "so-ldtbxh")
    budget = _section(plan, Role.BUDGET)
    assert budget.text == ""  # a paragraph of its own under the heading, not run in
    assert [c.text for c in budget.children] == [
        "Kinh phí thực hiện Kế hoạch được bố trí trong dự toán chi thường xuyên hằng năm của "
        "Sở Lao động - Thương binh và Xã hội theo phân cấp quản lý ngân sách nhà nước hiện "
        "hành; lồng ghép trong các chương trình, đề án, dự án có liên quan và các nguồn kinh "
        "phí hợp pháp khác theo quy định."
    ]
    assert budget.children[0].marker is Marker.NONE
    text = _all(plan)
    assert "Ngân sách tỉnh" not in text and "kinh phí của cấp mình" not in text
    row = next(r for r in review.rows if r.change.startswith("thay nội dung kinh phí"))
    assert "Ngân sách tỉnh bảo đảm chi" in row.source_text


def test_a_departments_district_offices_advise_their_committees() -> None:
    """A district office has no budget or socio-economic programme of its own: it advises its
    People's Committee (was "Bố trí nguồn lực …", "Đưa công tác … là một trong các nhiệm vụ
    phát triển kinh tế - xã hội của địa phương")."""
    plan, _ = derived("department", "so-ldtbxh")
    duties = _duties(_item(plan, "Phòng Lao động - Thương binh và Xã hội các huyện, thành phố:"))
    assert duties[0].startswith(
        "Tham mưu Ủy ban nhân dân cùng cấp bố trí nguồn lực để thực hiện các nhiệm vụ"
    )
    assert duties[2].startswith(
        "Tham mưu Ủy ban nhân dân cùng cấp đưa công tác phòng, chống mại dâm là một trong"
    )
    assert not [d for d in duties if d.startswith(("Bố trí", "Đưa công tác"))]


def test_a_department_directs_no_upper_secondary_school_or_university() -> None:
    plan, _ = derived("department", "so-ldtbxh")
    duties = _duties(_item(plan, "Phòng Phòng, chống tệ nạn xã hội:"))
    assert duties[-1].startswith(
        "Phối hợp với các trường trung học phổ thông, cơ sở giáo dục đại học và cơ sở giáo "
        "dục nghề nghiệp trên địa bàn tỉnh tổ chức tuyên truyền"
    )
    assert "Chỉ đạo các trường" not in _all(plan)


def test_a_departments_heading_no_longer_prosecutes() -> None:
    """The heading "…; điều tra, truy tố các tội phạm liên quan đến mại dâm" was kept whole and
    flagged; the clause is the police's and the procuracy's."""
    plan, review = derived("department", "so-ldtbxh")
    assert "truy tố" not in _all(plan)
    assert not [r for r in review.rows if r.kind == "cần xem lại" and r.path == "II.3"]


# Communes and wards of 2025


@pytest.mark.parametrize(("profile", "unit"), COMMUNES)
def test_a_commune_neither_prosecutes_nor_investigates_nor_inspects(
    profile: str, unit: str
) -> None:
    plan, _ = derived(profile, unit)
    texts = _texts(plan)
    text = "\n".join(texts)
    assert "truy tố" not in text and "điều tra, khám phá" not in text
    assert "thanh tra" not in text.lower()
    assert (
        "Tăng cường kiểm tra; kịp thời phát hiện, xử lý các vi phạm pháp luật về phòng, chống "
        "mại dâm"
    ) in texts
    assert (
        "Tăng cường quản lý về an ninh, trật tự. Nâng cao hiệu quả công tác kiểm tra, giám sát "
        "các hoạt động đấu tranh phòng, chống vi phạm hành chính, tội phạm liên quan đến mại "
        "dâm từ cơ sở."
    ) in texts


@pytest.mark.parametrize(("profile", "unit"), COMMUNES)
def test_a_commune_sets_up_no_interagency_team(profile: str, unit: str) -> None:
    """Was "Thành lập, kiện toàn Đội kiểm tra liên ngành phòng, chống mại dâm các cấp …" among
    the commune's tasks, and "tham mưu kiện toàn Đội kiểm tra liên ngành … xã", a team that
    Nghị định 178/2004/NĐ-CP does not set up in a commune."""
    plan, review = derived(profile, unit)
    text = _all(plan)
    assert "kiện toàn Đội kiểm tra liên ngành" not in text
    assert "Đội kiểm tra liên ngành phòng, chống mại dâm các cấp" not in text
    assert any("Nghị định 178/2004/NĐ-CP" in r.change for r in review.rows)


def test_a_communes_office_keeps_the_rest_of_a_duty_without_the_team() -> None:
    plan, _ = derived("communes", "xã Lạc Dương")
    duties = _duties(_item(plan, "Phòng Văn hóa - Xã hội:"))
    assert (
        "Xây dựng kế hoạch và phối hợp với các cơ quan, đơn vị có liên quan chỉ đạo thực hiện "
        "công tác phòng, chống mại dâm theo các nội dung của Kế hoạch này;"
    ) in duties


def test_a_communes_police_directs_no_police_below_it() -> None:
    """Was "…; chỉ đạo lực lượng công an các đơn vị, địa phương tăng cường đấu tranh …";
    a district's police of 2021 did have commune police under it and keeps the words."""
    plan, _ = derived("communes", "xã Lạc Dương")
    text = _all(plan)
    assert "chỉ đạo lực lượng công an" not in text
    assert (
        "Công an xã chủ trì, rà soát, kiến nghị cấp có thẩm quyền sửa đổi, bổ sung các quy định "
        "về quản lý an ninh trật tự đối với các cơ sở kinh doanh dịch vụ dễ phát sinh tệ nạn "
        "mại dâm; tăng cường đấu tranh, triệt phá ổ nhóm đường dây"
    ) in text
    district, _ = derived("districts", "huyện Lâm Hà")
    assert "chỉ đạo lực lượng công an các đơn vị, địa phương tăng cường" in _all(district)


@pytest.mark.parametrize(("profile", "unit"), COMMUNES)
def test_no_general_services_centre_is_invented(profile: str, unit: str) -> None:
    """Was "Trung tâm Dịch vụ tổng hợp xã" for every commune: not a body every commune has
    (levels.md); the provincial broadcaster's duty goes to the office that runs the
    commune's grassroots information, its Phòng Văn hóa - Xã hội."""
    plan, _ = derived(profile, unit)
    assert "Dịch vụ tổng hợp" not in _all(plan)
    duties = _duties(_item(plan, "Phòng Văn hóa - Xã hội:"))
    assert any(
        "thường xuyên đưa nội dung tuyên truyền phòng, chống mại dâm vào các chương trình "
        "thông tin, truyền thông" in d
        for d in duties
    )


# Lai Châu's plan for its communes and wards


@pytest.mark.parametrize(
    ("unit", "heads"),
    [
        ("xã Bình Lư", "Trưởng thôn, Tổ trưởng tổ dân phố"),
        ("phường Tân Phong", "Tổ trưởng tổ dân phố"),
    ],
)
def test_the_closing_asks_the_heads_below_not_the_units_own_chairman(unit: str, heads: str) -> None:
    """Was "UBND xã yêu cầu Thủ trưởng các cơ quan, đơn vị xã; Chủ tịch Ủy ban nhân dân xã
    Bình Lư căn cứ …": the province's "Chủ tịch UBND các huyện, thành phố" are, for a
    commune, the heads of its thôn and tổ dân phố."""
    plan, _ = derived("lai-chau", unit)
    kind = unit.split()[0]
    closing = plan.closing[0].text
    assert closing.startswith(
        f"Căn cứ nội dung Kế hoạch này, UBND {kind} yêu cầu Thủ trưởng các cơ quan, đơn vị "
        f"{kind}; {heads} căn cứ chức năng nhiệm vụ được giao"
    )
    assert "Chủ tịch" not in closing


_DISTRICT = """
name: Lai Châu 2021 — cấp huyện
level: district
extends: district
lead_department: Sở Lao động - Thương binh và Xã hội
date: 2021-12
units:
  - name: Ủy ban nhân dân huyện Tam Đường
    short_name: huyện Tam Đường
    kind: huyện
    place: Tam Đường
    signature: {authority: [TM. ỦY BAN NHÂN DÂN, KT. CHỦ TỊCH], title: Phó Chủ tịch, name: X}
"""


def _lai_chau_district() -> Plan:
    source = load_plan(LAI_CHAU / "ke-hoach.yaml")
    return derive_with_review(source, "huyện Tam Đường", loads_profile(_DISTRICT, "p.yaml"))[0]


def test_a_district_asks_the_chairs_of_its_communes() -> None:
    plan = _lai_chau_district()
    assert (
        "UBND huyện yêu cầu Thủ trưởng các cơ quan, đơn vị huyện; Chủ tịch Ủy ban nhân dân các "
        "xã, thị trấn căn cứ chức năng nhiệm vụ được giao"
    ) in plan.closing[0].text


@pytest.mark.parametrize("unit", ["xã Bình Lư", "phường Tân Phong"])
def test_a_commune_issues_no_publishing_licence(unit: str) -> None:
    """Was "Chủ trì cấp Giấy phép xuất bản tài liệu không kinh doanh …": the ministry's or the
    province's department's power (Luật Xuất bản, Điều 25)."""
    plan, review = derived("lai-chau", unit)
    assert "Giấy phép xuất bản" not in _all(plan)
    duties = _duties(_item(plan, "Phòng Văn hóa - Xã hội:"))
    assert (
        "Tăng cường công tác kiểm tra, giám sát nhằm phòng ngừa việc lợi dụng các phương tiện "
        "tuyền thông trong hoạt động mại dâm."
    ) in duties
    assert any("Luật Xuất bản" in r.change for r in review.rows)


def test_a_district_of_2021_issues_none_either() -> None:
    assert "Giấy phép xuất bản" not in _all(_lai_chau_district())


@pytest.mark.parametrize("unit", ["xã Bình Lư", "phường Tân Phong"])
def test_a_commune_has_no_labour_federation(unit: str) -> None:
    """Was "Đề nghị … Hội Cựu chiến binh xã, Liên đoàn Lao động xã:": the labour federation is
    the province's since 2025 (grassroots unions below it); a district of 2021 had its own."""
    plan, _ = derived("lai-chau", unit)
    kind = unit.split()[0]
    requests = [n.text for n in _section(plan, Role.IMPLEMENTATION).children if n.requested]
    assert requests == [
        f"Đề nghị Mặt trận Tổ quốc {kind}, Hội Liên hiệp Phụ nữ {kind}, Đoàn Thanh niên Cộng sản "
        f"Hồ Chí Minh {kind}, Hội Nông dân {kind}, Hội Cựu chiến binh {kind}:"
    ]
    assert "Liên đoàn Lao động" not in _all(plan)
    assert "Liên đoàn Lao động huyện" in _all(_lai_chau_district())


@pytest.mark.parametrize("unit", ["xã Bình Lư", "phường Tân Phong"])
def test_a_commune_has_no_press_and_reports_to_no_ministry(unit: str) -> None:
    """Was "… đăng tải trên cơ quan báo chí cấp xã …", "… trên các phương tiện thông tin đại
    chúng cấp xã", "… báo cáo UBND xã, Bộ Y tế theo quy định", and "Chủ trì, phối hợp với Sở
    Văn hóa, Thể thao và Du lịch chỉ đạo các cơ quan thông tin đại chúng …" (the department
    spelled with a comma is the commune's own office too)."""
    plan, _ = derived("lai-chau", unit)
    kind = unit.split()[0]
    text = _all(plan)
    for gone in ("báo chí", "thông tin đại chúng", "Bộ Y tế", "Sở Văn hóa"):
        assert gone not in text
    assert (
        f"Thông tin về phòng, chống mại dâm được đăng tải trên hệ thống thông tin cơ sở của "
        f"{kind} ít nhất một quý một lần;"
    ) in _texts(plan)
    assert f"định kỳ báo cáo UBND {kind} theo quy định." in text
    assert f"Chủ trì chỉ đạo hệ thống thông tin cơ sở của {kind} đẩy mạnh việc thông tin" in text


# The lint


def test_l9_takes_no_name_inside_the_units_own_committee_for_another() -> None:
    """A catalogue whose nouns' committees contain one another ("Đảng ủy xã" in "Đảng ủy xã
    đảo"): the unit's own is no finding, the other one still is."""
    commune = kind_of("xã", datetime.date(2025, 9, 1))
    island = Noun(name="xã đảo", party_committee="Đảng ủy xã đảo", subordinates="các thôn")
    kind = attrs.evolve(commune, nouns=(*commune.nouns, island))
    plan, _ = derived("communes", "xã Lạc Dương")

    def found(line: str) -> list[str]:
        sent = Recipients((Recipient.parse(line),), ("VT",))
        draft = attrs.evolve(plan, sections=(), closing=(), recipients=sent)
        findings = lint(draft, kind, bundled_catalogue(), noun="xã đảo", unit="UBND xã đảo A")
        return [f.words for f in findings if f.code == "L9"]

    assert found("TT. Đảng ủy xã đảo, TT. HĐND xã đảo") == []
    assert found("TT. Đảng ủy xã, TT. HĐND xã") == ["Đảng ủy xã"]


@pytest.mark.parametrize(("profile", "unit"), COMMUNES)
def test_a_communes_localities_are_its_thon_and_its_committee_is_one_level(
    profile: str, unit: str
) -> None:
    """Was "… tại các địa phương", "Ủy ban nhân dân các cấp phải đưa …" in a commune's plan;
    "kinh nghiệm của các địa phương khác" (other provinces) stays."""
    plan, _ = derived(profile, unit)
    text = _all(plan)
    assert "các địa phương" not in text.replace("các địa phương khác", "")
    assert "các cấp phải" not in text
    if profile == "communes":  # a ward has no thôn
        below = "các tổ dân phố" if unit.startswith("phường") else "các thôn, tổ dân phố"
        assert f"tại {below}; thực hiện chế độ báo cáo" in text
    if unit.startswith("phường"):
        assert re.search(r"(?<!\w)thôn(?!\w)", text) is None


@pytest.mark.parametrize("unit", ["xã Bình Lư", "phường Tân Phong"])
def test_a_communes_office_takes_part_in_the_provinces_team_inspections(unit: str) -> None:
    """Was "Tổ chức tốt hoạt động kiểm tra liên ngành của Đội 178 …": the team is the
    province's; the commune's office works with it."""
    plan, _ = derived("lai-chau", unit)
    duties = _duties(_item(plan, "Phòng Văn hóa - Xã hội:"))
    assert (
        "Phối hợp với Đội 178 của tỉnh trong hoạt động kiểm tra liên ngành, tăng cường kiểm tra "
        "các cơ sở kinh doanh dịch vụ"
    ) in "\n".join(duties)
    kind = unit.split()[0]
    assert f"Ủy ban nhân dân {kind} phải đưa công tác phòng, chống mại dâm" in _all(plan)


@pytest.mark.parametrize(
    ("unit", "below"),
    [("xã Bình Lư", "các thôn, tổ dân phố"), ("phường Tân Phong", "các tổ dân phố")],
)
def test_an_office_works_with_the_level_below_not_with_its_own_committee(
    unit: str, below: str
) -> None:
    """Was "Phối hợp với các cơ quan liên quan, Ủy ban nhân dân xã Bình Lư tổ chức …" and
    "Tổng hợp báo cáo của … và Ủy ban nhân dân xã Bình Lư": in a body's duty, the province's
    "UBND các huyện, thành phố" are the unit's level below."""
    plan, _ = derived("lai-chau", unit)
    duties = "\n".join(_duties(_item(plan, "Phòng Văn hóa - Xã hội:")))
    kind = unit.split()[0]
    assert f"Phối hợp với các cơ quan liên quan, {below} tổ chức triển khai" in duties
    assert f"Tổng hợp báo cáo của các cơ quan, đơn vị đoàn thể {kind} và {below} về" in duties
    assert f"Ủy ban nhân dân {unit}" not in duties
    district = "\n".join(_texts(_lai_chau_district()))
    assert (
        "Phối hợp với các cơ quan liên quan, Ủy ban nhân dân các xã, thị trấn tổ chức" in district
    )


def test_a_departments_office_reports_through_the_departments_leaders() -> None:
    """Was "…, báo cáo Bộ Lao động - Thương binh và Xã hội và Ủy ban nhân dân tỉnh, theo quy
    định." in the duties of the Sở's own office: the Sở reports, its office prepares it."""
    plan, _ = derived("department", "so-ldtbxh")
    duties = "\n".join(_duties(_item(plan, "Phòng Phòng, chống tệ nạn xã hội:")))
    assert (
        "tham mưu Lãnh đạo Sở báo cáo Bộ Lao động - Thương binh và Xã hội và Ủy ban nhân dân "
        "tỉnh, theo quy định."
    ) in duties
    assert "thực hiện chế độ báo cáo, sơ kết, tổng kết" in duties  # a report regime, kept
