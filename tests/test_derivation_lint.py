"""The derivation lint on today's drafts of the bundled examples: it finds the problems a
clerk found (issue 11), and nothing on small clean plans."""

from __future__ import annotations

import datetime
from pathlib import Path

import attrs
import docx
import pytest
from drafts import LAM_DONG, derived

from planforge import load_plan
from planforge.catalogue import bundled_catalogue, kind_of
from planforge.cli import main
from planforge.derivation.lint import LintFinding, lint, mask_citations
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
from planforge.rendering.review_docx import render_review

SOURCE = load_plan(LAM_DONG / "ke-hoach-7851.yaml")


def _derived(profile: str, unit: str) -> tuple[Plan, tuple[LintFinding, ...]]:
    plan, review = derived(profile, unit)
    return plan, review.findings


def _found(findings: tuple[LintFinding, ...], code: str, path: str) -> list[str]:
    return [f.words for f in findings if f.code == code and f.path == path]


def test_a_2025_commune_draft_names_no_labour_body() -> None:
    """ "báo cáo Bộ Lao động - Thương binh và Xã hội và Ủy ban nhân dân tỉnh" (V.1-6) becomes
    the commune's own channel, "ngành Lao động …" (V.1-7) its successor; the lint has nothing
    left to say about names of 2021."""
    plan, findings = _derived("communes", "xã Lạc Dương")
    sentence = next(e.node.text for e in plan.entries() if "Kế hoạch này, báo cáo" in e.node.text)
    assert sentence.endswith("báo cáo Ủy ban nhân dân xã, theo quy định.")
    assert not [e for e in plan.entries() if "Lao động - Thương binh" in e.node.text]
    assert [f for f in findings if f.code == "L5"] == []


def test_todays_drafts_no_longer_double_a_body_or_lead_two_items_with_it() -> None:
    """The merge of bodies and the whole-enumeration rewrite left no L1/L2 in any draft."""
    for profile, unit in (
        ("communes", "xã Lạc Dương"),
        ("communes", "phường B'Lao"),
        ("districts", "huyện Lâm Hà"),
        ("districts", "thành phố Đà Lạt"),
        ("department", "so-ldtbxh"),
    ):
        _plan, findings = _derived(profile, unit)
        assert [f for f in findings if f.code in ("L1", "L2", "L7")] == [], unit


def test_the_commune_draft_neither_coordinates_with_its_own_office_nor_inspects() -> None:
    """ "thanh tra" for a commune office (V.1-8) is mended by the function rules, the committee
    coordinating with its own office (III.7) by the classification (test_derive_classify)."""
    _plan, findings = _derived("communes", "xã Lạc Dương")
    assert _found(findings, "L3", "III.7") == []
    assert _found(findings, "L10", "V.1-8") == []


def _garbled_commune_plan() -> Plan:
    """The sentences the clerks found in the drafts of issue 11, as a commune plan."""
    plan, _ = _derived("communes", "xã Lạc Dương")
    office = "Phòng Văn hóa - Xã hội"
    duties = Section(
        title="TỔ CHỨC THỰC HIỆN",
        role=Role.IMPLEMENTATION,
        children=(
            Assignment(
                text=f"{office}, {office} chỉ đạo các cơ quan, đơn vị triển khai Kế hoạch.",
                agencies=(office,),
            ),
            Assignment(
                text=f"{office} phối hợp với {office} kiểm tra các cơ sở kinh doanh dịch vụ.",
                agencies=(office,),
            ),
        ),
    )
    goals = Section(
        title="MỤC TIÊU",
        children=(
            Paragraph(
                text="Ít nhất 70% cơ sở điều trị cấp xã và 50% ở cấp xã có điểm tư vấn; "
                "học tập kinh nghiệm của các thành phố, thành phố khác."
            ),
        ),
    )
    return _clean(plan, (goals, duties), ("UBND tỉnh (b/c)", "TT. Đảng ủy, TT. HĐND xã"))


def test_doubled_nouns_a_body_leading_two_items_and_self_coordination_are_found() -> None:
    kind = kind_of("xã", datetime.date(2025, 9, 1))
    plan = _garbled_commune_plan()
    found = lint(plan, kind, bundled_catalogue(), noun="xã", unit=plan.header.issuing_agency.name)
    words = {(f.code, f.words) for f in found}
    assert ("L1", "Phòng Văn hóa - Xã hội, Phòng Văn hóa - Xã hội") in words
    assert ("L1", "cấp xã và 50% ở cấp xã") in words
    assert ("L1", "thành phố, thành phố") in words
    assert "L2" in {f.code for f in found}  # one office leads both items
    assert "L3" in {f.code for f in found}  # and coordinates with itself


def test_a_ward_gets_the_communes_economy_office() -> None:
    """The catalogue gives a ward its Phòng Kinh tế, Hạ tầng và Đô thị (was: Phòng Kinh tế)."""
    plan, findings = _derived("communes", "phường B'Lao")
    assert [f for f in findings if f.words == "Phòng Kinh tế"] == []
    assert "Phòng Kinh tế, Hạ tầng và Đô thị" in [r.name for r in plan.recipients.entries]
    _plan, commune = _derived("communes", "xã Lạc Dương")
    assert [f for f in commune if f.words == "Phòng Kinh tế"] == []  # a xã has a Phòng Kinh tế


def test_a_district_draft_asks_courts_of_communes_that_do_not_exist() -> None:
    _plan, findings = _derived("districts", "huyện Lâm Hà")
    assert [f for f in findings if f.code == "L6"] == []  # the clause is dropped now
    assert [f for f in findings if f.code == "L10"] == []  # functions cut to the district's


def test_a_city_draft_copies_the_district_party_committee() -> None:
    """Was "TT. Huyện ủy" for a city; Nơi nhận takes the Party committee from the catalogue."""
    _plan, findings = _derived("districts", "thành phố Đà Lạt")
    assert _found(findings, "L9", "Nơi nhận") == []
    _plan, district = _derived("districts", "huyện Lâm Hà")
    assert _found(district, "L9", "Nơi nhận") == []  # a huyện's committee is the Huyện ủy


def test_the_department_draft_no_longer_investigates_or_prosecutes() -> None:
    _plan, findings = _derived("department", "so-ldtbxh")
    assert _found(findings, "L10", "II.3.b)-4") == []
    assert not [f for f in findings if f.code == "L4"]  # a Sở works province-wide


def test_the_lai_chau_plan_derived_for_a_commune() -> None:
    plan, findings = _derived("lai-chau", "xã Bình Lư")
    assert not [e for e in plan.entries() if "UBND các thôn" in e.node.text]  # rewritten whole
    assert [f for f in findings if f.code in ("L4", "L5", "L10")] == []


def test_the_review_table_lists_the_findings(tmp_path: Path) -> None:
    _plan, review = derived("communes", "xã Lạc Dương")
    garbled = _garbled_commune_plan()  # today's drafts may have no finding left to show
    found = lint(garbled, kind_of("xã", datetime.date(2025, 9, 1)), bundled_catalogue(), noun="xã")
    review = attrs.evolve(review, findings=tuple(found))
    document = docx.Document(str(render_review(review, tmp_path / "review.docx")))
    rows = [[c.text for c in row.cells] for row in document.tables[1].rows]
    assert rows[0] == ["STT", "Mã", "Mục", "Từ ngữ", "Cần xem lại"]
    assert ["L1", "II.1", "Phòng Văn hóa - Xã hội, Phòng Văn hóa - Xã hội"] in [
        r[1:4] for r in rows
    ]
    assert len(rows) == len(review.findings) + 1


def test_derive_prints_how_many_findings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    command = [
        "derive",
        str(SOURCE_FILE),
        "--profile",
        str(LAM_DONG / "profile-2021-districts.yaml"),
    ]
    assert main([*command, "-o", str(tmp_path / "o"), "--unit", "Lâm Hà", "--unit", "Đà Lạt"]) == 0
    total = len(_derived("districts", "huyện Lâm Hà")[1]) + len(
        _derived("districts", "thành phố Đà Lạt")[1]
    )
    expected = (
        f"{total} findings of the derivation lint "
        "(per unit in tong-hop.xlsx, in full in the review tables)"
    )
    assert expected in capsys.readouterr().out.splitlines()


SOURCE_FILE = LAM_DONG / "ke-hoach-7851.yaml"


def _clean(plan: Plan, sections: tuple[Section, ...], recipients: tuple[str, ...]) -> Plan:
    entries = tuple(Recipient.parse(r) for r in recipients)
    return attrs.evolve(
        plan, sections=sections, closing=(), recipients=Recipients(entries, ("VT",))
    )


def test_a_clean_commune_plan_has_no_finding() -> None:
    """The province's name in a citation or as the body reported to is no finding."""
    plan, _ = _derived("communes", "xã Lạc Dương")
    duties = Section(
        title="TỔ CHỨC THỰC HIỆN",
        role=Role.IMPLEMENTATION,
        children=(
            Assignment(
                heading=True,
                text="Phòng Văn hóa - Xã hội:",
                agencies=("Phòng Văn hóa - Xã hội",),
                item_marker=Marker.DASH,
                children=(
                    Paragraph(
                        text="Chủ trì triển khai Kế hoạch này; kiểm tra các cơ sở kinh doanh "
                        "dịch vụ; báo cáo Ủy ban nhân dân xã và Ủy ban nhân dân tỉnh theo Kế "
                        "hoạch số 7851/KH-UBND ngày 04/11/2021 của Ủy ban nhân dân tỉnh Lâm Đồng."
                    ),
                ),
            ),
            Assignment(
                text="Công an xã phối hợp với Phòng Văn hóa - Xã hội kiểm tra, phát hiện các "
                "hành vi vi phạm; tổ chức điều tra, khám phá các vụ án theo thẩm quyền.",
                agencies=("Công an xã",),
            ),
            Assignment(
                text="Các thôn, tổ dân phố tuyên truyền cho học sinh, sinh viên về phòng, "
                "chống mại dâm, mại dâm trẻ em.",
                agencies=("Trưởng thôn, Tổ trưởng tổ dân phố",),
            ),
        ),
    )
    clean = _clean(
        plan, (duties,), ("UBND tỉnh (b/c)", "Sở Y tế (b/c)", "TT. Đảng ủy, TT. HĐND xã")
    )
    kind = kind_of("xã", datetime.date(2025, 9, 1))
    assert (
        lint(clean, kind, bundled_catalogue(), noun="xã", unit=plan.header.issuing_agency.name)
        == []
    )


def test_a_clean_district_plan_has_no_finding() -> None:
    plan, _ = _derived("districts", "huyện Lâm Hà")
    duties = Section(
        title="TỔ CHỨC THỰC HIỆN",
        role=Role.IMPLEMENTATION,
        children=(
            Assignment(
                text="Đề nghị Viện Kiểm sát nhân dân huyện, Tòa án nhân dân huyện phối hợp với "
                "Phòng Lao động - Thương binh và Xã hội thống kê về truy tố, xét xử tội phạm.",
                agencies=("Viện Kiểm sát nhân dân huyện", "Tòa án nhân dân huyện"),
                requested=True,
            ),
            Assignment(
                text="Ủy ban nhân dân các xã, thị trấn xây dựng kế hoạch của địa phương.",
                agencies=("Ủy ban nhân dân các xã, thị trấn",),
            ),
        ),
    )
    clean = _clean(plan, (duties,), ("UBND tỉnh (b/c)", "TT. Huyện ủy, TT. HĐND huyện"))
    kind = kind_of("huyện", datetime.date(2021, 11, 1))
    assert (
        lint(clean, kind, bundled_catalogue(), noun="huyện", unit=plan.header.issuing_agency.name)
        == []
    )


def test_citations_are_masked_but_the_units_own_scope_is_read() -> None:
    text = "theo Quyết định số 12/QĐ-UBND ngày 01/3/2022 của Ủy ban nhân dân tỉnh Lâm Đồng về y"
    assert "tỉnh" not in mask_citations(text) and mask_citations(text).endswith(" về y")
    plan, _ = _derived("communes", "xã Lạc Dương")
    scoped = _clean(
        plan,
        (
            Section(
                title="GIẢI PHÁP", children=(Paragraph(text="Tuyên truyền trên địa bàn tỉnh."),)
            ),
        ),
        ("UBND tỉnh (b/c)",),
    )
    kind = kind_of("xã", datetime.date(2025, 9, 1))
    found = lint(scoped, kind, bundled_catalogue(), noun="xã", unit=plan.header.issuing_agency.name)
    assert [(f.code, f.path, f.words) for f in found] == [("L4", "I-1", "trên địa bàn tỉnh")]
