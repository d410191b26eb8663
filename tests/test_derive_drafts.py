"""Real sentences of drafts derived from Lâm Đồng's plan 7851/KH-UBND (issue 11, derivefix)."""

from __future__ import annotations

from pathlib import Path

import pytest

from planforge import load_plan
from planforge.derivation.cover_letter import cover_letter
from planforge.derivation.derive import derive_with_review
from planforge.errors import PlanFileError
from planforge.loading.profile_file import load_profile, loads_profile
from planforge.model import Assignment, Paragraph, Reporting, Role, Section

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "lam-dong-2021"
SOURCE = load_plan(EXAMPLES / "ke-hoach-7851.yaml")
DISTRICTS = load_profile(EXAMPLES / "profile-2021-districts.yaml")
COMMUNES = load_profile(EXAMPLES / "profile-2025-communes.yaml")


def _texts(plan: object) -> list[str]:
    out: list[str] = []

    def walk(nodes: tuple[object, ...]) -> None:
        for node in nodes:
            out.append(getattr(node, "text", "") or getattr(node, "title", ""))
            walk(getattr(node, "children", ()))

    walk(plan.sections)  # type: ignore[attr-defined]
    walk(plan.closing)  # type: ignore[attr-defined]
    return out


def _section(plan: object, role: Role) -> Section:
    return next(s for s in plan.sections if isinstance(s, Section) and s.role is role)  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("profile", "unit", "sentence"),
    [
        # the commune writes its budget in its own words: the enumeration heads its own duties
        (COMMUNES, "xã Lạc Dương", "Bố trí nguồn lực để thực hiện các nhiệm vụ, giải pháp"),
        (DISTRICTS, "thành phố Đà Lạt", "Ủy ban nhân dân thành phố Đà Lạt có trách nhiệm bố trí"),
    ],
)
def test_an_enumeration_of_committees_is_rewritten_whole(profile, unit, sentence) -> None:  # type: ignore[no-untyped-def]
    """ "Ủy ban nhân dân các huyện, thành phố Đà Lạt, Bảo Lộc" becomes the unit, not a garble."""
    plan, _ = derive_with_review(SOURCE, unit, profile)
    texts = _texts(plan)
    assert any(t.startswith(sentence) for t in texts)
    assert not any("Đà Lạt, Bảo Lộc" in t for t in texts)


@pytest.mark.parametrize("unit", ["xã Lạc Dương", "phường B'Lao"])
def test_no_doubled_noun_in_a_commune_draft(unit: str) -> None:
    plan, review = derive_with_review(SOURCE, unit, COMMUNES)
    text = "\n".join(_texts(plan))
    assert "Phòng Văn hóa - Xã hội, Phòng Văn hóa - Xã hội" not in text
    assert "cấp xã và 50% ở cấp xã" not in text
    # "các cơ quan báo, đài tỉnh và hệ thống thông tin cơ sở": a commune has the latter only
    kind = unit.split()[0]
    assert f"Chỉ đạo hệ thống thông tin cơ sở của {kind} thông tin, tuyên truyền chủ trương" in text
    assert "và hệ thống thông tin cơ sở" not in text
    assert "tiếp thu có chọn lọc kinh nghiệm của các địa phương khác" in text
    # "70% … cấp tỉnh và 50% ở cấp huyện, cấp xã" keeps the commune's own level and figure
    assert "Ít nhất 50% đội ngũ cán bộ, công chức, viên chức, chiến sĩ cấp xã, các cơ quan" in text
    assert [r.path for r in review.rows if r.kind == "cần xem lại"] == []


def test_a_district_draft_has_no_doubled_city() -> None:
    plan, _ = derive_with_review(SOURCE, "thành phố Đà Lạt", DISTRICTS)
    text = "\n".join(_texts(plan))
    assert "các thành phố, thành phố khác" not in text
    assert "kinh nghiệm của các địa phương khác" in text


def test_bodies_mapped_to_one_office_lead_one_item() -> None:
    """Five higher assignments go to the commune's Phòng Văn hóa - Xã hội: one item, merged."""
    plan, review = derive_with_review(SOURCE, "xã Lạc Dương", COMMUNES)
    items = [n for n in _section(plan, Role.IMPLEMENTATION).children if isinstance(n, Assignment)]
    leads = [n.agencies[0] for n in items if not n.requested]
    assert len(leads) == len(set(leads))
    office = next(n for n in items if n.agencies == ("Phòng Văn hóa - Xã hội",))
    duties = [c.text for c in office.children if isinstance(c, Paragraph)]
    assert duties[0] == "Chịu trách nhiệm chính triển khai các nội dung của kế hoạch này;"
    assert (
        "Chỉ đạo hệ thống thông tin cơ sở của xã thông tin, tuyên "
        "truyền chủ trương, chính sách pháp luật về phòng, chống mại dâm. Phối hợp với các cơ "
        "quan, đơn vị liên quan xây dựng kế hoạch thông tin"
    ) in "\n".join(duties)
    assert not any("phối hợp với Phòng Văn hóa - Xã hội" in d.lower() for d in duties)
    merges = [r.change for r in review.rows if r.kind == "gộp"]
    assert merges == [
        "gộp: Sở Lao động - Thương binh và Xã hội, Sở Y tế, Sở Văn hóa, Thể thao và Du lịch, "
        "Sở Thông tin và Truyền thông, Sở Giáo dục và Đào tạo, Đài Phát thanh và Truyền hình "
        "tỉnh → Phòng Văn hóa - Xã hội"
    ]


def test_a_target_is_restated_with_the_units_count() -> None:
    """70 % of the province's communes → at least 5 of Lạc Dương's 6 thôn (rounded up)."""
    plan, _ = derive_with_review(SOURCE, "xã Lạc Dương", COMMUNES)
    targets = {t.node.origin: t.node for t in plan.targets()}
    first = targets["7851/KH-UBND II.1.a)-1"]
    assert first.text.startswith("Ít nhất 5/6 thôn tổ chức được ít nhất một hình thức tuyên")
    assert (first.measures[0].value, first.measures[0].unit) == (5, "thôn")
    ward, _ = derive_with_review(SOURCE, "phường B'Lao", COMMUNES)
    ward_first = next(t.node for t in ward.targets() if t.node.origin.endswith("II.1.a)-1"))
    # a ward has no thôn: its population is its tổ dân phố
    assert ward_first.text.startswith("Ít nhất 70% số tổ dân phố tổ chức")
    assert ward_first.measures[0].population == "số tổ dân phố"


def test_a_target_not_applicable_leaves_the_draft_with_its_reason() -> None:
    plan, review = derive_with_review(SOURCE, "xã Lạc Dương", COMMUNES)
    assert not any("tại 2 địa bàn cấp huyện" in t for t in _texts(plan))
    row = next(r for r in review.rows if r.path == "II.4.a)-1")
    assert row.derived_text == "" and row.change.startswith("không áp dụng: cấp xã không còn")


def test_the_parents_numbering_slip_is_not_copied() -> None:
    plan, review = derive_with_review(SOURCE, "xã Lạc Dương", COMMUNES)
    measures = _section(plan, Role.MEASURES)
    assert all(child.label is None for child in measures.children)
    assert any(r.change == "đánh số lại: 6. → 5." for r in review.rows)


def test_reporting_dates_are_present_and_match_the_cover_letter() -> None:
    plan, _ = derive_with_review(SOURCE, "xã Lạc Dương", COMMUNES)
    reports = [n for n in plan.closing if isinstance(n, Reporting)]
    assert [(d.day, d.month) for d in reports[0].deadlines] == [(10, 6), (10, 12)]
    assert "6 tháng trước ngày 10/6, hằng năm trước ngày 10/12" in reports[0].text
    letter = cover_letter(SOURCE, COMMUNES)
    sent = [n for n in letter.sections if isinstance(n, Reporting)]
    assert [d for n in sent for d in n.deadlines] == list(reports[0].deadlines)
    asks = letter.sections[0].text
    assert "2021" not in asks and "kể từ ngày ký Công văn này" in asks


def test_the_own_situation_placeholder_is_bracketed() -> None:
    plan, _ = derive_with_review(SOURCE, "xã Lạc Dương", COMMUNES)
    assert plan.legal_basis.opening[1].startswith(
        "[Đánh giá tình hình tệ nạn mại dâm trên địa bàn xã Lạc Dương"
    )


_UNIT = """
name: p
level: commune
extends: commune
units:
  - name: Ủy ban nhân dân xã A
    short_name: xã A
    kind: xã
    place: A
    signature: {authority: [TM. ỦY BAN NHÂN DÂN], title: Chủ tịch, name: X}
"""


def test_not_applicable_without_a_reason_is_a_located_error() -> None:
    text = _UNIT + '    targets: [{target: "II.4.a)-1", not_applicable: " "}]\n'
    with pytest.raises(PlanFileError) as info:
        loads_profile(text, "p.yaml")
    assert info.value.line == 11 and "not_applicable" in (info.value.field or "")


def test_shares_adding_up_to_more_than_the_whole_are_a_located_error() -> None:
    two = (
        _UNIT
        + "    share: 0.7\n"
        + _UNIT.split("units:\n")[1].replace(" A", " B")
        + "    share: 0.4\n"
    )
    text = 'apportion: ["II.4.a)-1"]\n' + two
    with pytest.raises(PlanFileError) as info:
        loads_profile(text, "p.yaml")
    assert "add up to 1.1" in info.value.message


def test_reports_go_to_the_committee_above_through_the_lead_department() -> None:
    """The reporting paragraph names who the unit reports to; without a lead department in
    the profile, no empty "(qua )" is left."""
    plan, _ = derive_with_review(SOURCE, "xã Lạc Dương", COMMUNES)
    closing = "\n".join(_texts(plan))
    assert "để tổng hợp, báo cáo Ủy ban nhân dân tỉnh Lâm Đồng (qua Sở Y tế) theo quy định." in (
        closing
    )
    text = (EXAMPLES / "profile-2025-communes.yaml").read_text(encoding="utf-8")
    bare = loads_profile(text.replace("lead_department: Sở Y tế\n", ""), "bare.yaml")
    plan, _ = derive_with_review(SOURCE, "xã Lạc Dương", bare)
    closing = "\n".join(_texts(plan))
    assert "để tổng hợp, báo cáo Ủy ban nhân dân tỉnh Lâm Đồng theo quy định." in closing
    assert "(qua )" not in closing
