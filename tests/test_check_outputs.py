"""Everything planforge writes passes its own checker: derived plans, cover letters, reports.

Every unit of every example profile is derived and rendered, with the công văn that sends
the plan down; the progress report is rendered with and without results. Each document
must have no error-level finding; a sample is also judged on the printed pages
(LibreOffice, one run for all).
"""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

from planforge import (
    Severity,
    build_report,
    check_document,
    cover_letter,
    derive_plan,
    load_plan,
    load_profile,
    load_results,
    render_plan,
    render_report,
)
from planforge.checking.check import check_documents
from planforge.model import Appendix

ROOT = Path(__file__).resolve().parents[1]
SOURCE = load_plan(ROOT / "examples" / "lam-dong-2021" / "ke-hoach-7851.yaml")
PROFILES = sorted((ROOT / "examples").glob("*/profile-*.yaml"))


def _errors(path: Path, **options: object) -> list[str]:
    findings = check_document(path, **options)  # type: ignore[arg-type]
    return [
        f"{f.code} {f.location}: {f.message}"
        for f in findings
        if f.severity is not Severity.WARNING
    ]


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every derived plan and cover letter, two reports, a plan with its task appendix."""
    folder = tmp_path_factory.mktemp("outputs")
    documents: dict[str, Path] = {}
    for profile_file in PROFILES:
        profile = load_profile(profile_file)
        for unit in profile.units:
            name = f"{profile_file.stem}-{unit.short_name}"
            documents[name] = render_plan(
                derive_plan(SOURCE, unit, profile), folder / f"{len(documents)}.docx"
            )
        letter = cover_letter(SOURCE, profile)
        documents[f"{profile_file.stem}-cong-van"] = render_plan(
            letter, folder / f"{len(documents)}.docx"
        )
    results = load_results(ROOT / "examples" / "lam-dong-2021" / "results-2022-6m.yaml")
    for label, filled in (("report", results), ("report-empty", None)):
        report = build_report(SOURCE, results=filled, period=results.period, year=results.year)
        documents[label] = render_report(report, folder / f"{label}.docx")
    with_tasks = attrs.evolve(
        SOURCE,
        appendices=(
            Appendix(title="Phân công nhiệm vụ thực hiện Kế hoạch", from_assignments=True),
        ),
    )
    documents["appendix"] = render_plan(with_tasks, folder / "appendix.docx")
    return documents


def test_there_is_something_of_every_kind(outputs: dict[str, Path]) -> None:
    """12 districts, a department, 5 communes and wards of Lâm Đồng and 2 of Lai Châu,
    3 letters, 2 reports, 1 appendix."""
    assert len(outputs) == 12 + 1 + 5 + 2 + 3 + 2 + 1


def test_every_document_planforge_writes_has_no_error(outputs: dict[str, Path]) -> None:
    """No error and no rule left unevaluated, in any of them."""
    failures = {name: errors for name, path in outputs.items() if (errors := _errors(path))}
    assert failures == {}


@pytest.mark.libreoffice
def test_a_sample_is_clean_on_the_printed_pages_too(outputs: dict[str, Path]) -> None:
    """Layout rules on a district plan, a commune plan, a letter, a report, the appendix."""
    names = [n for n in outputs if n.endswith(("Đà Lạt", "xã Lạc Dương", "districts-cong-van"))]
    names += ["report", "appendix"]
    results = check_documents([outputs[n] for n in names], layout=True)
    failures = {
        name: [f"{f.code}: {f.message}" for f in findings if f.severity is not Severity.WARNING]
        for name, findings in zip(names, results, strict=True)
    }
    assert {name: found for name, found in failures.items() if found} == {}
