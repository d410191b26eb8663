"""Everything planforge writes passes its own checker (issue 10, item 8).

Every kind of document planforge renders is made here: each example document (plans
and the công văn), each example plan derived for every unit of the profiles beside it
(and the Lâm Đồng plan for every profile's units), the công văn that sends each plan
down, the progress report of each example plan (with results where there are some, as
the blank form elsewhere), a plan with two appendices (one drawn from the assignments,
landscape; one written out, portrait), a plan with urgency and circulation marks, one
with a secrecy mark, and a draft with its blank number. Each document must have no
error-level finding and no rule left unevaluated; a sample is also judged on the
printed pages (LibreOffice, one run for all). The derivation's review tables are
working papers for the clerk, not documents under Nghị định 30, and are not checked.
"""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

from planforge import (
    Letter,
    Plan,
    Severity,
    build_report,
    check_document,
    cover_letter,
    derive_plan,
    load_document,
    load_plan,
    load_profile,
    load_results,
    render_plan,
    render_report,
)
from planforge.checking.check import check_documents
from planforge.model import Appendix
from planforge.model.appendix import TaskRow
from planforge.model.header import Secrecy, Urgency
from planforge.model.report import ReportPeriod

ROOT = Path(__file__).resolve().parents[1]
SOURCE_FILE = ROOT / "examples" / "lam-dong-2021" / "ke-hoach-7851.yaml"
SOURCE = load_plan(SOURCE_FILE)
PROFILES = sorted((ROOT / "examples").glob("*/profile-*.yaml"))


def _errors(path: Path, **options: object) -> list[str]:
    findings = check_document(path, **options)  # type: ignore[arg-type]
    return [
        f"{f.code} {f.location}: {f.message}"
        for f in findings
        if f.severity is not Severity.WARNING
    ]


EXAMPLES = sorted(
    p
    for p in (ROOT / "examples").glob("*/*.yaml")
    if not p.name.startswith(("profile-", "results-"))
)


def _plans() -> list[tuple[Path, Plan]]:
    """The example plans (not the letter), each with its file."""
    found = [(path, load_document(path)) for path in EXAMPLES]
    return [(path, plan) for path, plan in found if isinstance(plan, Plan)]


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every kind of document planforge renders (see the module's docstring)."""
    folder = tmp_path_factory.mktemp("outputs")
    documents: dict[str, Path] = {}

    def write(name: str, document: Plan | Letter) -> None:
        documents[name] = render_plan(document, folder / f"{len(documents)}.docx")

    for path in EXAMPLES:
        write(f"example {path.parent.name}/{path.stem}", load_document(path))
    for profile_file in PROFILES:
        profile = load_profile(profile_file)
        sources = {SOURCE_FILE: SOURCE}
        sources.update({p: plan for p, plan in _plans() if p.parent == profile_file.parent})
        for source_file, source in sources.items():
            stem = f"{profile_file.parent.name}/{profile_file.stem} from {source_file.stem}"
            for unit in profile.units:
                write(f"{stem}: {unit.short_name}", derive_plan(source, unit, profile))
            write(f"{stem}: cong-van", cover_letter(source, profile))
    results = load_results(ROOT / "examples" / "lam-dong-2021" / "results-2022-6m.yaml")
    for label, filled in (("report", results), ("report-empty", None)):
        report = build_report(SOURCE, results=filled, period=results.period, year=results.year)
        documents[label] = render_report(report, folder / f"{label}.docx")
    for path, plan in _plans():
        if path != SOURCE_FILE:
            year = plan.header.date.year + 1
            report = build_report(plan, period=ReportPeriod.YEAR, year=year)
            documents[f"report-form {path.parent.name}"] = render_report(
                report, folder / f"report-{len(documents)}.docx"
            )
    write("appendix", attrs.evolve(SOURCE, appendices=(TASKS,)))
    write("two appendices", attrs.evolve(SOURCE, appendices=(TASKS, WRITTEN_OUT)))
    header = SOURCE.header
    marks = {"urgency": Urgency.HOA_TOC, "circulation": "LƯU HÀNH NỘI BỘ"}
    write("marks", attrs.evolve(SOURCE, header=attrs.evolve(header, **marks)))
    secret = {"secrecy": Secrecy.MAT, "urgency": Urgency.KHAN}
    write("secrecy", attrs.evolve(SOURCE, header=attrs.evolve(header, **secret)))
    blank = attrs.evolve(header.number, serial=None)
    write("draft", attrs.evolve(SOURCE, header=attrs.evolve(header, draft=True, number=blank)))
    return documents


TASKS = Appendix(title="Phân công nhiệm vụ thực hiện Kế hoạch", from_assignments=True)
WRITTEN_OUT = Appendix(
    title="Danh mục các hoạt động tuyên truyền",
    rows=(
        TaskRow(task="Tuyên truyền trên đài truyền thanh", lead="Sở Văn hóa", time="Quý I"),
        TaskRow(task="Tập huấn cán bộ cơ sở", lead="Sở Lao động - TBXH", time="Hằng năm"),
    ),
    landscape=False,
)


def test_there_is_something_of_every_kind(outputs: dict[str, Path]) -> None:
    """4 examples; the Lâm Đồng plan for the 12 districts, 1 department, 5 communes and
    wards of Lâm Đồng and 2 of Lai Châu, the Lai Châu plan for its 2, with a letter each
    time (5); 2 reports and the form of 2 more; 2 plans with appendices, 2 with marks,
    a draft."""
    assert len(outputs) == 4 + (12 + 1 + 5 + 2 + 2) + 5 + 2 + 2 + 2 + 2 + 1


def test_every_document_planforge_writes_has_no_error(outputs: dict[str, Path]) -> None:
    """No error and no rule left unevaluated, in any of them."""
    failures = {name: errors for name, path in outputs.items() if (errors := _errors(path))}
    assert failures == {}


@pytest.mark.libreoffice
def test_a_sample_is_clean_on_the_printed_pages_too(outputs: dict[str, Path]) -> None:
    """Layout rules on a district, a commune and a ward plan, a letter, a report, the
    appendices, the marks and a draft."""
    names = [
        n
        for n in outputs
        if n.endswith(
            (": thành phố Đà Lạt", ": xã Lạc Dương", "districts from ke-hoach-7851: cong-van")
        )
        or ("from ke-hoach:" in n and "phường" in n)
    ]
    names += ["report", "two appendices", "marks", "draft"]
    results = check_documents([outputs[n] for n in names], layout=True)
    failures = {
        name: [f"{f.code}: {f.message}" for f in findings if f.severity is not Severity.WARNING]
        for name, findings in zip(names, results, strict=True)
    }
    assert {name: found for name, found in failures.items() if found} == {}
