"""build_report: the rows, the header and the defaults of a progress report, from any plan."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest
from conftest import EXAMPLES, ROOT
from factories import plan as factory_plan

from planforge import (
    Comparison,
    Deadline,
    DocumentType,
    IssueDate,
    Measure,
    ModelError,
    Period,
    Plan,
    PlanforgeError,
    Reporting,
    Section,
    Target,
    load_plan,
    load_profile,
)
from planforge.derivation.derive import derive_with_review
from planforge.model.report import (
    Assessment,
    DutyResult,
    DutyStatus,
    ReportPeriod,
    Results,
    TargetResult,
)
from planforge.reporting.assessment import assess, overall, share_achieved
from planforge.reporting.build import build_report
from planforge.reporting.paths import assignment_paths, target_paths
from planforge.reporting.values import measure_text

LAM_DONG = ROOT / "examples" / "lam-dong-2021" / "ke-hoach-7851.yaml"
SIX = ReportPeriod.SIX_MONTHS


def one_target_plan(*measures: Measure, text: str = "Ít nhất 70% số xã được tuyên truyền.") -> Plan:
    """The factory plan with one target section holding one target."""
    target = Target(text=text, measures=measures)
    return attrs.evolve(factory_plan(), sections=(Section(title="Chỉ tiêu", children=(target,)),))


@pytest.mark.parametrize("path", EXAMPLES, ids=[f"{p.parent.name}--{p.stem}" for p in EXAMPLES])
def test_each_example_gets_one_row_per_target_and_one_per_assignment(path: Path) -> None:
    """The two tables list the plan's targets and assignments, all of them, in order."""
    plan = load_plan(path)
    report = build_report(plan, period=SIX, year=2022)
    assert [row.target for row in report.targets] == [e.node for e in plan.targets()]
    assert [row.assignment for row in report.duties] == [e.node for e in plan.assignments()]
    assert len({row.path for row in report.targets}) == len(report.targets)
    assert len({row.path for row in report.duties}) == len(report.duties)


def test_paths_are_those_of_the_derivation_review_table() -> None:
    """A results file and the review table of `planforge derive` name items alike."""
    plan = load_plan(LAM_DONG)
    profile = load_profile(ROOT / "examples" / "lam-dong-2021" / "profile-2021-districts.yaml")
    _, review = derive_with_review(plan, profile.units[0], profile)
    reviewed: dict[str, list[str]] = {"target": [], "assignment": [], "section": []}
    for row in review.rows:
        reviewed.setdefault(row.kind, []).append(row.path)  # also "gộp", "cần xem lại"
    assert [p for p, _ in target_paths(plan)] == reviewed["target"]
    assert sorted(p for p, _ in assignment_paths(plan)) == sorted(reviewed["assignment"])
    assert [p for p, _ in target_paths(plan)][:3] == ["II.1.a)-1", "II.1.a)-2", "II.1.a)-3"]
    assert [p for p, _ in assignment_paths(plan)][-1] == "V.13"


def test_the_header_is_the_plans_issuer_with_a_blank_bc_number_and_the_periods_last_month() -> None:
    """Số:      /BC-UBND, the plan's place, June (six months) or December (year), no day."""
    plan = load_plan(LAM_DONG)
    six = build_report(plan, period=SIX, year=2022).header
    year = build_report(plan, period=ReportPeriod.YEAR, year=2022).header
    assert six.document_type is DocumentType.BAO_CAO
    assert six.issuing_agency == plan.header.issuing_agency
    assert six.number.line.replace("\u00a0", " ") == "Số:       /BC-UBND"
    assert six.place == "Lâm Đồng"
    assert (six.date, year.date) == (IssueDate(2022, 6), IssueDate(2022, 12))
    assert six.subject == (
        "Kết quả thực hiện Kế hoạch số 7851/KH-UBND ngày 04/11/2021 trong 6 tháng đầu năm 2022"
    )
    assert year.subject.endswith("trong năm 2022")


def test_a_date_given_replaces_the_default() -> None:
    """--date 2022-07 dates the report in July."""
    report = build_report(load_plan(LAM_DONG), period=SIX, year=2022, date=IssueDate(2022, 7))
    assert report.header.date == IssueDate(2022, 7)


def test_the_opening_cites_the_plan_and_the_closing_names_the_period() -> None:
    """ "Thực hiện Kế hoạch số … về …" and "Trên đây là báo cáo … 6 tháng đầu năm 2022 …"."""
    report = build_report(load_plan(LAM_DONG), period=SIX, year=2022)
    assert report.opening[0].startswith(
        "Thực hiện Kế hoạch số 7851/KH-UBND ngày 04/11/2021 của Ủy ban nhân dân tỉnh Lâm Đồng về "
        "triển khai thực hiện Chương trình"
    )
    assert report.opening[0].endswith("báo cáo kết quả thực hiện 6 tháng đầu năm 2022 như sau:")
    assert report.closing == (
        "Trên đây là báo cáo kết quả thực hiện Kế hoạch số 7851/KH-UBND 6 tháng đầu năm 2022 "
        "của Ủy ban nhân dân tỉnh Lâm Đồng."
    )


def test_a_draft_plans_blank_number_and_day_are_cited_as_ellipses() -> None:
    """A plan still without its number is cited "Kế hoạch số …/KH-SLĐTBXH ngày …/3/2023"."""
    plan = load_plan(ROOT / "examples" / "lang-son-2023" / "ke-hoach-so-ldtbxh.yaml")
    report = build_report(plan, period=ReportPeriod.YEAR, year=2023)
    assert report.header.subject == (
        "Kết quả thực hiện Kế hoạch số …/KH-SLĐTBXH ngày …/3/2023 trong năm 2023"
    )
    assert report.header.number.symbol == "BC-SLĐTBXH"
    assert report.header.parent_agency == plan.header.parent_agency


def test_without_results_every_result_status_and_assessment_is_empty() -> None:
    """A report drafted before the figures are in has cells to fill in by hand."""
    report = build_report(load_plan(LAM_DONG), period=SIX, year=2022)
    assert all(row.result == () and row.assessment is None for row in report.targets)
    assert all(row.status is None and row.notes is None for row in report.duties)
    assert report.difficulties == report.proposals == ()


def test_computed_assessments_follow_the_comparison_of_each_target() -> None:
    """At least 70%: 69 not met, 70 met, 75 exceeded; a range 3–5: 4 met, 6 exceeded."""
    cases = [
        (Measure(Comparison.AT_LEAST, 70), 69, Assessment.NOT_MET),
        (Measure(Comparison.AT_LEAST, 70), 70, Assessment.MET),
        (Measure(Comparison.AT_LEAST, 70), 75, Assessment.EXCEEDED),
        (Measure(Comparison.EXACTLY, 100), 100, Assessment.MET),
        (Measure(Comparison.EXACTLY, 100), 98, Assessment.NOT_MET),
        (Measure(Comparison.RANGE, 3, upper=5), 2.5, Assessment.NOT_MET),
        (Measure(Comparison.RANGE, 3, upper=5), 4, Assessment.MET),
        (Measure(Comparison.RANGE, 3, upper=5), 6, Assessment.EXCEEDED),
        (Measure(Comparison.AT_MOST, 5), 5, Assessment.MET),
        (Measure(Comparison.AT_MOST, 5), 7, Assessment.NOT_MET),
    ]
    for measure, result, expected in cases:
        plan = one_target_plan(measure)
        entry = TargetResult(path=target_paths(plan)[0][0], result=(result,))
        report = build_report(plan, Results(targets=(entry,)), period=SIX, year=2022)
        assert report.targets[0].assessment is expected, (measure, result)
        assert assess(measure, result) is expected


def test_a_target_with_several_parts_is_as_good_as_its_worst_part() -> None:
    """Not met if one part is; exceeded only if every part is; unknown while a part is missing."""
    parts = (Measure(Comparison.AT_LEAST, 70), Measure(Comparison.AT_LEAST, 60))
    assert overall(parts, (75, 65)) is Assessment.EXCEEDED
    assert overall(parts, (75, 60)) is Assessment.MET
    assert overall(parts, (65, None)) is Assessment.NOT_MET
    assert overall(parts, (75, None)) is None


def test_an_assessment_in_the_results_replaces_the_computed_one() -> None:
    """The clerk may judge a target with no number, or overrule the arithmetic."""
    plan = one_target_plan(Measure(Comparison.AT_LEAST, 70))
    entry = TargetResult(path="I-1", result=(50,), assessment=Assessment.MET)
    report = build_report(plan, Results(targets=(entry,)), period=SIX, year=2022)
    assert report.targets[0].assessment is Assessment.MET


def test_the_share_achieved_is_the_result_over_the_value() -> None:
    """72 of at least 70 is 102.9%; a range counts from its lower end; at most has none."""
    assert share_achieved(Measure(Comparison.AT_LEAST, 70), 72) == pytest.approx(102.857, 1e-3)
    assert share_achieved(Measure(Comparison.RANGE, 3, upper=5), 4) == pytest.approx(133.33, 1e-3)
    assert share_achieved(Measure(Comparison.AT_MOST, 5), 3) is None
    assert share_achieved(Measure(Comparison.EXACTLY, 0, unit="vụ"), 0) is None


def test_value_sets_print_short() -> None:
    """ "≥ 70%", "3–5%", "100% (2025)", "≤ 5%", "≥ 2 mô hình"."""
    assert [
        measure_text(m)
        for m in (
            Measure(Comparison.AT_LEAST, 70),
            Measure(Comparison.RANGE, 3, upper=5),
            Measure(Comparison.EXACTLY, 100, year=2025),
            Measure(Comparison.AT_MOST, 5),
            Measure(Comparison.AT_LEAST, 2, unit="mô hình"),
        )
    ] == ["≥ 70%", "3–5%", "100% (2025)", "≤ 5%", "≥ 2 mô hình"]


def test_duty_rows_carry_the_status_and_notes_of_the_results() -> None:
    """V.2 in progress with a note; the bodies are the assignment's agencies."""
    plan = load_plan(LAM_DONG)
    entry = DutyResult(path="V.2", status=DutyStatus.IN_PROGRESS, notes="Khởi tố 5 vụ.")
    report = build_report(plan, Results(assignments=(entry,)), period=SIX, year=2022)
    row = report.duties[1]
    assert (row.body, row.status, row.notes) == ("Công an tỉnh", entry.status, "Khởi tố 5 vụ.")
    assert report.duties[0].body == "Sở Lao động - Thương binh và Xã hội"
    assert DutyStatus.IN_PROGRESS.label == "Đang thực hiện"


def test_a_result_for_an_unknown_path_is_an_error_naming_it() -> None:
    """Built in Python, the error names the field path."""
    results = Results(targets=(TargetResult(path="II.9-1", result=(1,)),))
    with pytest.raises(ModelError, match=r"targets\.II\.9-1: the plan has no target at 'II\.9-1'"):
        build_report(load_plan(LAM_DONG), results, period=SIX, year=2022)


def test_the_period_and_year_come_from_the_results_and_must_agree() -> None:
    """Results for 6m/2022 give both; asking for the year 2023 is refused."""
    plan = load_plan(LAM_DONG)
    results = Results(period=SIX, year=2022)
    assert build_report(plan, results).period is SIX
    with pytest.raises(PlanforgeError, match="year 2022, not 2023"):
        build_report(plan, results, year=2023)
    with pytest.raises(PlanforgeError, match="needs its period"):
        build_report(plan, Results(year=2022))


def test_default_recipients_are_the_bodies_the_reporting_schedule_names() -> None:
    """ "báo cáo 6 tháng … Sở Lao động" gives "- Sở Lao động … (b/c);" then the plan's archive."""
    schedule = Reporting(
        text="Định kỳ 6 tháng, hằng năm báo cáo Sở Lao động - Thương binh và Xã hội.",
        deadlines=(
            Deadline(Period.SIX_MONTHS, 25, 6, "Sở Lao động - Thương binh và Xã hội"),
            Deadline(Period.YEAR, 25, 12, "UBND tỉnh"),
        ),
    )
    plan = attrs.evolve(factory_plan(), closing=(schedule,))
    six = build_report(plan, period=SIX, year=2022).recipients.lines
    year = build_report(plan, period=ReportPeriod.YEAR, year=2022).recipients.lines
    assert six == ["- Sở Lao động - Thương binh và Xã hội (b/c);", "- Lưu: VT, VX3."]
    assert year == ["- Bộ Lao động - TBXH (b/c);", "- Lưu: VT, VX3."]  # UBND tỉnh is the issuer


def test_the_results_recipients_and_signature_replace_the_plans() -> None:
    """The example results file lists its own recipients and keeps the plan's signer."""
    from planforge.loading.results_file import load_results

    plan = load_plan(LAM_DONG)
    results = load_results(LAM_DONG.with_name("results-2022-6m.yaml"), plan)
    report = build_report(plan, results)
    assert report.recipients.lines[1] == "- TT. Tỉnh ủy (b/c);"
    assert report.signature == plan.signature
    assert len(report.difficulties) == len(report.proposals) == 2
