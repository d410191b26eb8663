"""Derivation: a unit's draft from the higher plan, re-scoped, never looser, reviewed."""

from __future__ import annotations

import re
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planforge import (
    Comparison,
    Deadline,
    DerivationError,
    Measure,
    Paragraph,
    Period,
    Plan,
    Reporting,
    Section,
    Target,
    dumps_plan,
    load_plan,
)
from planforge.derivation.derive import derive_plan, derive_with_review
from planforge.loading.profile_file import load_profile, loads_profile
from planforge.model import IssueDate
from planforge.model.profile import TargetOverride
from planforge.rendering.context import body_paragraphs

ROOT = Path(__file__).resolve().parents[1]
SOURCE = load_plan(ROOT / "examples" / "lam-dong-2021" / "ke-hoach-7851.yaml")
PROFILE_FILE = ROOT / "examples" / "lam-dong-2021" / "profile-2021-districts.yaml"
PROFILE = load_profile(PROFILE_FILE)
UNITS = [u.short_name for u in PROFILE.units]


def _body_text(plan: Plan) -> list[str]:
    """The body as printed, without the opening paragraph that cites the higher plan."""
    return [p["lead"] + " " + p["text"] for p in body_paragraphs(plan)[1:]]


def test_derivation_is_deterministic_and_leaves_the_source_alone() -> None:
    """Same inputs, same plan; the source plan's file form is unchanged."""
    before = dumps_plan(SOURCE)
    first = derive_plan(SOURCE, "huyện Lâm Hà", PROFILE)
    second = derive_plan(SOURCE, "huyện Lâm Hà", PROFILE)
    assert dumps_plan(first) == dumps_plan(second)
    assert dumps_plan(SOURCE) == before


def test_the_header_is_the_units_draft() -> None:
    """Issuer, blank number with the unit's codes, its place, blank day, re-scoped subject."""
    plan = derive_plan(SOURCE, "huyện Đức Trọng", PROFILE)
    header = plan.header
    assert header.issuing_agency.name == "Ủy ban nhân dân huyện Đức Trọng"
    assert header.number.serial is None and header.number.symbol == "KH-UBND"
    assert (header.place, header.date.year, header.date.month, header.date.day) == (
        "Đức Trọng",
        2021,
        11,
        None,
    )
    assert header.subject.endswith("trên địa bàn huyện Đức Trọng")


def test_the_higher_plan_is_cited_first_in_full() -> None:
    """Type, number, date, issuer and subject, then the higher plan's own bases."""
    plan = derive_plan(SOURCE, "huyện Di Linh", PROFILE)
    assert plan.legal_basis.opening[0].startswith(
        "Thực hiện Kế hoạch số 7851/KH-UBND ngày 04/11/2021 của Ủy ban nhân dân tỉnh Lâm Đồng "
        "về triển khai thực hiện Chương trình phòng, chống mại dâm"
    )
    assert plan.legal_basis.opening[0].endswith(
        "Ủy ban nhân dân huyện Di Linh ban hành Kế hoạch "
        "triển khai thực hiện trên địa bàn huyện Di Linh như sau:"
    )
    first, second = plan.legal_basis.references
    assert first.number == "7851/KH-UBND" and second.number == "1629/QĐ-TTg"


@pytest.mark.parametrize("unit", UNITS)
def test_no_sentence_of_the_body_still_speaks_of_the_province(unit: str) -> None:
    """ "tỉnh", "Sở …" and the province's name are gone from the unit's body, but where the
    unit says whom it reports to: "báo cáo Ủy ban nhân dân tỉnh Lâm Đồng (qua Sở …)"."""
    reported_to = "báo cáo Ủy ban nhân dân tỉnh Lâm Đồng (qua Sở Lao động - Thương binh và Xã hội)"
    leftovers = [
        t
        for t in _body_text(derive_plan(SOURCE, unit, PROFILE))
        if re.search(r"\btỉnh\b|\bSở\b|Lâm Đồng", t.replace(reported_to, ""))
    ]
    assert leftovers == []


def test_agencies_are_mapped_to_the_units_own_bodies() -> None:
    """Provincial departments become district offices; the province's police, the district's."""
    plan = derive_plan(SOURCE, "huyện Bảo Lâm", PROFILE)
    agencies = [a for e in plan.assignments() for a in e.node.agencies]
    assert "Phòng Lao động - Thương binh và Xã hội" in agencies
    assert "Công an huyện" in agencies and "Phòng Tài chính - Kế hoạch" in agencies
    assert not any(a.startswith("Sở ") or a.endswith(" tỉnh") for a in agencies)


def test_a_body_without_counterpart_is_dropped_from_the_text_and_reported() -> None:
    """ "Báo Lâm Đồng" has no district counterpart."""
    plan, review = derive_with_review(SOURCE, "huyện Cát Tiên", PROFILE)
    texts = [e.node.text for e in plan.assignments()]
    assert not any("Báo Lâm Đồng" in t for t in texts)
    assert any("Trung tâm Văn hóa, Thông tin và Thể thao huyện căn cứ" in t for t in texts)
    assert any("bỏ Báo Lâm Đồng" in row.change for row in review.rows)


def test_duties_given_to_the_lower_units_become_the_units_own() -> None:
    """ "Ủy ban nhân dân các huyện, thành phố: …" moves into the unit's measures (III)."""
    plan, review = derive_with_review(SOURCE, "huyện Lạc Dương", PROFILE)
    measures = next(
        s for s in plan.sections if isinstance(s, Section) and s.title.startswith("CÁC GIẢI PHÁP")
    )
    assert any(
        isinstance(c, Paragraph) and c.text.startswith("Bố trí nguồn lực")
        for c in measures.children
    )
    assert [r.change for r in review.rows if r.path == "V.11"] == [
        "thành nhiệm vụ, giải pháp của đơn vị"
    ]


@pytest.mark.parametrize("unit", UNITS)
def test_the_review_lists_every_source_target_and_assignment_exactly_once(unit: str) -> None:
    """One row per source item, and every derived item names the row it came from."""
    plan, review = derive_with_review(SOURCE, unit, PROFILE)
    rows = [(r.kind, r.path) for r in review.rows]
    assert len(rows) == len(set(rows))
    assert sum(1 for k, _ in rows if k == "target") == len(SOURCE.targets())
    assert sum(1 for k, _ in rows if k == "assignment") == len(SOURCE.assignments())
    paths = {p for _, p in rows}
    for entry in plan.targets() + plan.assignments():
        assert entry.node.origin and entry.node.origin.split(" ", 1)[1] in paths


def test_a_unit_may_tighten_a_target() -> None:
    """Đà Lạt: 70% → 80%, in the sentence and in the measure; the review says so."""
    plan, review = derive_with_review(SOURCE, "thành phố Đà Lạt", PROFILE)
    first = plan.targets()[0].node
    assert first.text.startswith("Ít nhất 80% số xã, phường, thị trấn")
    assert first.measures[0].value == 80
    assert next(r for r in review.rows if r.kind == "target").change == "nâng chỉ tiêu: 70% → 80%"


def test_a_unit_may_bring_a_year_forward() -> None:
    """Bảo Lộc checks every establishment by 2024 instead of 2025."""
    plan = derive_plan(SOURCE, "thành phố Bảo Lộc", PROFILE)
    target = next(e.node for e in plan.targets() if e.node.origin.endswith("II.3.a)-2"))
    assert target.measures[2].year == 2024 and "đến năm 2024, 100%" in target.text


def _profile_with(override: str) -> str:
    text = PROFILE_FILE.read_text(encoding="utf-8")
    return text.replace('      - {target: "II.1.a)-1", value: 80}', override)


def test_a_looser_override_is_an_error_naming_target_values_and_profile_line() -> None:
    """60% where the province says at least 70% is refused."""
    profile = loads_profile(_profile_with('      - {target: "II.1.a)-1", value: 60}'), "p.yaml")
    with pytest.raises(DerivationError) as info:
        derive_plan(SOURCE, "thành phố Đà Lạt", profile)
    message = str(info.value)
    assert re.match(r"p\.yaml:\d+:\d+: target 'Ít nhất 70% số xã", message)
    assert "60%" in message and "70%" in message and "looser" in message


def test_an_override_that_matches_no_target_is_an_error() -> None:
    """A typo in the path does not pass silently."""
    profile = loads_profile(_profile_with('      - {target: "II.9.a)-1", value: 90}'), "p.yaml")
    with pytest.raises(DerivationError, match="no target of the higher plan matches"):
        derive_plan(SOURCE, "thành phố Đà Lạt", profile)


def test_an_unknown_unit_suggests_the_closest() -> None:
    """Diacritics may be left out; a near miss gets a suggestion."""
    assert derive_plan(SOURCE, "huyen lam ha", PROFILE).header.place == "Lâm Hà"
    with pytest.raises(DerivationError, match="did you mean 'huyện Lâm Hà'"):
        derive_plan(SOURCE, "Lam Hai", PROFILE)


def test_an_unknown_placeholder_is_an_error_naming_the_rule() -> None:
    """{tinh} is not a placeholder."""
    text = PROFILE_FILE.read_text(encoding="utf-8").replace(
        'target: "trên địa bàn {unit_short}"', 'target: "trên địa bàn {tinh}"'
    )
    with pytest.raises(DerivationError, match=r"unknown placeholder \{tinh\}"):
        derive_plan(SOURCE, "huyện Lâm Hà", loads_profile(text, "p.yaml"))


def test_reporting_deadlines_move_earlier() -> None:
    """25/6 becomes 20/6 with the default 5 days, in the sentence and in the data."""
    reporting = Reporting(
        text="Các đơn vị báo cáo 6 tháng gửi trước ngày 25/6, báo cáo năm "
        "trước ngày 25/12 hằng năm về Ủy ban nhân dân tỉnh.",
        deadlines=(Deadline(Period.SIX_MONTHS, 25, 6), Deadline(Period.YEAR, 25, 12)),
    )
    source = attrs.evolve(SOURCE, closing=(reporting,))
    derived = derive_plan(source, "huyện Lâm Hà", PROFILE).closing[0]
    assert isinstance(derived, Reporting)
    assert [(d.day, d.month) for d in derived.deadlines] == [(20, 6), (20, 12)]
    assert "trước ngày 20/6" in derived.text and "trước ngày 20/12" in derived.text
    assert derived.text.endswith("về Ủy ban nhân dân huyện.")


def test_recipients_report_upward_and_keep_the_archive() -> None:
    """The higher People's Committee and lead department (b/c) first, then the unit's bodies."""
    plan = derive_plan(SOURCE, "huyện Đam Rông", PROFILE)
    lines = plan.recipients.lines
    assert lines[:2] == ["- UBND tỉnh (b/c);", "- Sở Lao động - Thương binh và Xã hội (b/c);"]
    assert "- Công an huyện;" in lines and lines[-1] == "- Lưu: VT, LĐTBXH."


def _target(value: float, comparison: Comparison = Comparison.AT_LEAST) -> Plan:
    target = Target(
        text=f"Ít nhất {value:g}% số xã tổ chức tuyên truyền.",
        measures=(Measure(comparison, value),),
    )
    section = Section(title="Chỉ tiêu", children=(target,))
    return attrs.evolve(SOURCE, sections=(section,))


@settings(max_examples=60, deadline=None)
@given(
    st.integers(0, 100),
    st.integers(0, 100),
    st.sampled_from([Comparison.AT_LEAST, Comparison.EXACTLY, Comparison.AT_MOST]),
)
def test_targets_are_never_looser_than_the_source(
    old: int, new: int, comparison: Comparison
) -> None:
    """Any override is either refused or yields a target at least as strict."""
    source = _target(old, comparison)
    unit = attrs.evolve(PROFILE.units[2], targets=(TargetOverride(target="I-1", value=new),))
    profile = attrs.evolve(PROFILE, units=(unit,))
    try:
        derived = derive_plan(source, unit, profile).targets()[0].node.measures[0].value
    except DerivationError as error:
        assert "looser" in str(error)
        assert (new > old) if comparison is Comparison.AT_MOST else (new < old)
    else:
        assert derived == new
        assert (new <= old) if comparison is Comparison.AT_MOST else (new >= old)


def test_a_unit_kind_the_catalogue_does_not_have_then_is_refused() -> None:
    """A profile built in Python with a kind the level catalogue has no kind of (or not on
    the draft's date): one error naming the kind and the profile, nothing derived."""
    bare = attrs.evolve(PROFILE, units=tuple(attrs.evolve(u, kind="khu") for u in PROFILE.units))
    with pytest.raises(DerivationError, match="no kind of unit 'khu' \\(district\\)"):
        derive_plan(SOURCE, "huyện Lâm Hà", bare)
    late = attrs.evolve(PROFILE, date=IssueDate(2025, 9))  # no huyện after 1 July 2025
    with pytest.raises(DerivationError, match="no kind of unit 'huyện'"):
        derive_plan(SOURCE, "huyện Lâm Hà", late)
