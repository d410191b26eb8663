"""Results files: the skeleton, filling it in, reading it back, and located errors."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conftest import EXAMPLES, ROOT

from planforge import PlanFileError, load_plan
from planforge.loading.results_file import dumps_results, load_results, loads_results
from planforge.model.report import Assessment, DutyStatus, ReportPeriod, Results
from planforge.reporting.build import build_report
from planforge.reporting.skeleton import skeleton

LAM_DONG = ROOT / "examples" / "lam-dong-2021" / "ke-hoach-7851.yaml"
PLAN = load_plan(LAM_DONG)


def located(text: str) -> str:
    """The message of the error reading ``text`` as results of the Lâm Đồng plan."""
    with pytest.raises(PlanFileError) as caught:
        loads_results(text, "r.yaml", PLAN)
    return str(caught.value)


@pytest.mark.parametrize("path", EXAMPLES, ids=[f"{p.parent.name}--{p.stem}" for p in EXAMPLES])
def test_the_skeleton_has_one_entry_per_target_and_assignment_and_reads_back(path: Path) -> None:
    """Skeleton → YAML → results: the same value, every entry with its text, nothing filled."""
    plan = load_plan(path)
    empty = skeleton(plan, ReportPeriod.YEAR, 2022)
    assert len(empty.targets) == len(plan.targets())
    assert len(empty.assignments) == len(plan.assignments())
    assert [t.text for t in empty.targets] == [e.node.text for e in plan.targets()]
    assert loads_results(dumps_results(empty), "s.yaml", plan) == empty
    report = build_report(plan, loads_results(dumps_results(empty), "s.yaml", plan))
    assert all(row.assessment is None for row in report.targets)


def test_the_skeleton_is_plain_yaml_keyed_by_path_without_comments() -> None:
    """The clerk sees each path, the target's text and one empty slot per measurable part."""
    text = dumps_results(skeleton(PLAN, ReportPeriod.SIX_MONTHS, 2022))
    assert "#" not in text
    data = yaml.safe_load(text)
    assert (data["period"], data["year"]) == ("6m", 2022)
    assert data["targets"]["II.1.a)-3"]["result"] == [None, None, None]
    assert data["targets"]["II.1.a)-2"]["result"] == []
    assert data["assignments"]["V.2"]["text"].startswith("Công an tỉnh chủ trì")
    assert data["signature"]["name"] == "Đặng Trí Dũng"
    assert data["recipients"]["entries"] == ["Bộ Lao động - TBXH (b/c)"]


def test_a_filled_skeleton_gives_a_report_with_the_figures_and_assessments() -> None:
    """Skeleton → fill in the YAML → read → report: results, statuses and assessments arrive."""
    data = yaml.safe_load(dumps_results(skeleton(PLAN, ReportPeriod.SIX_MONTHS, 2022)))
    data["targets"]["II.1.a)-1"]["result"] = [68]
    data["targets"]["II.1.a)-3"]["result"] = [75, 61, 71]
    data["targets"]["II.2.a)-1"]["result"] = 100
    data["targets"]["II.1.a)-2"].update(note="36 tin, bài.", assessment="Đạt")
    data["assignments"]["V.1"]["status"] = "done"
    data["assignments"]["V.2"]["status"] = "Đang thực hiện"
    data["difficulties"] = ["Kinh phí còn hạn chế."]
    report = build_report(PLAN, loads_results(yaml.safe_dump(data, allow_unicode=True), "f.yaml"))
    rows = {row.path: row for row in report.targets}
    assert rows["II.1.a)-1"].assessment is Assessment.NOT_MET
    assert rows["II.1.a)-3"].assessment is Assessment.EXCEEDED
    assert rows["II.2.a)-1"].assessment is Assessment.MET
    assert rows["II.1.a)-2"].assessment is Assessment.MET
    assert rows["II.1.a)-2"].note == "36 tin, bài."
    assert [d.status for d in report.duties[:3]] == [DutyStatus.DONE, DutyStatus.IN_PROGRESS, None]
    assert report.difficulties == ("Kinh phí còn hạn chế.",)


def test_the_example_results_file_reads_against_its_plan() -> None:
    """examples/lam-dong-2021/results-2022-6m.yaml is valid for plan 7851/KH-UBND."""
    results = load_results(LAM_DONG.with_name("results-2022-6m.yaml"), PLAN)
    assert (results.period, results.year) == (ReportPeriod.SIX_MONTHS, 2022)
    assert results.targets[0].result == (71.8,)
    assert results.signature is None


def test_an_empty_file_means_no_results() -> None:
    """A file with only comments is read as results with nothing in them."""
    assert loads_results("# nothing yet\n\n", "r.yaml") == Results()


def test_an_unknown_target_path_is_located_at_its_key_and_named() -> None:
    """file:line:column of the key, the field path, the path and the closest one."""
    message = located("period: 6m\ntargets:\n  II.1.a)-9:\n    result: 80\n")
    assert message.startswith(
        "r.yaml:3:3: targets.II.1.a)-9: the plan has no target at 'II.1.a)-9'"
    )
    assert "did you mean 'II.1.a)-" in message


def test_an_unknown_assignment_path_is_an_error_too() -> None:
    """Paths of the duties table are checked like those of targets."""
    message = located("assignments:\n  V.20:\n    status: done\n")
    assert message.startswith("r.yaml:2:3: assignments.V.20: the plan has no assignment at 'V.20'")


def test_the_wrong_number_of_results_is_located_at_the_result() -> None:
    """Three measurable parts need three numbers, and the message shows them."""
    message = located("targets:\n  II.1.a)-3:\n    result: [65, 52]\n")
    assert message.startswith("r.yaml:3:13: targets.II.1.a)-3.result: 2 results for 3")
    assert "(≥ 70%, ≥ 60%, ≥ 70%)" in message


def test_numbers_for_a_target_without_a_number_are_refused() -> None:
    """A target with no measures is reported in words: note and assessment."""
    message = located("targets:\n  II.1.a)-2:\n    result: 5\n")
    assert message.startswith("r.yaml:3:13: targets.II.1.a)-2.result: this target states no")


def test_a_text_that_no_longer_matches_the_plan_is_refused() -> None:
    """Figures never land on another target after the plan was edited."""
    message = located("targets:\n  II.1.a)-1:\n    text: 100% tố giác được xử lý;\n")
    assert message.startswith("r.yaml:3:11: targets.II.1.a)-1.text: does not match the plan's")


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("period: 3m\n", "r.yaml:1:9: period: unknown value '3m'; use one of: 6m, year"),
        ("year: 2022.5\n", "r.yaml:1:7: year: expected a whole number"),
        (
            "targets:\n  II.1.a)-1:\n    result: [bảy mươi]\n",
            "r.yaml:3:14: targets.II.1.a)-1.result[0]: expected a number",
        ),
        (
            "targets:\n  II.1.a)-1:\n    result: [-3]\n",
            "r.yaml:3:13: targets.II.1.a)-1.result: a result cannot be negative",
        ),
        (
            "targets:\n  II.1.a)-1:\n    assessment: tốt\n",
            "r.yaml:3:17: targets.II.1.a)-1.assessment: unknown value 'tốt'; use one of: met (Đạt)",
        ),
        (
            "assignments:\n  V.1:\n    status: xong\n",
            "r.yaml:3:13: assignments.V.1.status: unknown value 'xong'",
        ),
        (
            "targets:\n  II.1.a)-1:\n    resul: 70\n",
            "r.yaml:3:12: targets.II.1.a)-1.resul: unknown field 'resul'",
        ),
        (
            "targets:\n  II.1.a)-1:\n    path: II.1.a)-1\n",
            "r.yaml:3:11: targets.II.1.a)-1.path: the path is the entry's key",
        ),
        ("targets:\n  II.1.a)-1: 70\n", "r.yaml:2:3: targets.II.1.a)-1: expected the entry's"),
        ("period: 6m\n  year: 2022\n", "r.yaml:2:7: YAML syntax error"),
    ],
)
def test_bad_results_files_say_where_and_what(text: str, start: str) -> None:
    """Every error reads file:line:column: field: message."""
    assert located(text).startswith(start)


def test_a_missing_results_file_is_an_error_naming_it(tmp_path: Path) -> None:
    """No such file: the path and what to check."""
    with pytest.raises(PlanFileError, match="no such file"):
        load_results(tmp_path / "missing.yaml", PLAN)


def test_statuses_and_assessments_are_read_in_english_or_vietnamese() -> None:
    """ "in-progress", "in_progress" and "Đang thực hiện" are one status."""
    for written in ("in-progress", "in_progress", "Đang thực hiện", "đang thực hiện"):
        results = loads_results(f"assignments:\n  V.2:\n    status: {written}\n", "r.yaml", PLAN)
        assert results.assignments[0].status is DutyStatus.IN_PROGRESS
    for written in ("exceeded", "Vượt"):
        results = loads_results(f"targets:\n  I-1:\n    assessment: {written}\n", "r.yaml")
        assert results.targets[0].assessment is Assessment.EXCEEDED
