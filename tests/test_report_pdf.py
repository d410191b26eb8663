"""The report as LibreOffice prints it: pages, the targets' texts, nothing past the margin.

Every example plan's report (without results) and the Lâm Đồng report with its example
results are rendered and converted to PDF in one soffice run; pdftotext's word boxes are
checked against nd30.md §1–§3 as tests/test_render_pdf.py does for plans.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass

import pytest
from conftest import EXAMPLES, ROOT

from planforge import load_plan
from planforge.checking.pdf_layout import Line, lines, page_count
from planforge.loading.results_file import load_results
from planforge.model.report import Report, ReportPeriod
from planforge.rendering.pdf import to_pdf
from planforge.rendering.report_docx import render_report
from planforge.reporting.build import build_report

pytestmark = [
    pytest.mark.libreoffice,
    pytest.mark.skipif(
        shutil.which("soffice") is None,
        reason="LibreOffice (soffice) is not on PATH; scripts/test.sh installs it",
    ),
]

TEXT_LEFT = 1701 / 20
TEXT_RIGHT = (11906 - 851) / 20
"""Right edge of the text area in points: the 15 mm right margin."""
TARGET_COLUMN = (TEXT_LEFT + 680 / 20, TEXT_LEFT + (680 + 3288) / 20)
"""Left and right edge (points) of the targets table's "Chỉ tiêu" column."""
TOP_BAND = 56.0
LAM_DONG = ROOT / "examples" / "lam-dong-2021" / "ke-hoach-7851.yaml"


@dataclass(frozen=True)
class Printed:
    """A report, its PDF's visual lines and its page count."""

    report: Report
    lines: list[Line]
    pages: int

    def column_text(self, left: float, right: float) -> str:
        """The words that start inside a column, line by line, top to bottom, page by page."""
        found = [w.text for ln in self.lines for w in ln.words if left <= w.x_min < right]
        return " ".join(" ".join(found).split())


def _reports() -> dict[str, Report]:
    plan = load_plan(LAM_DONG)
    results = load_results(LAM_DONG.with_name("results-2022-6m.yaml"), plan)
    reports = {"lam-dong-results": build_report(plan, results)}
    for path in EXAMPLES:
        name = f"{path.parent.name}--{path.stem}"
        reports[name] = build_report(load_plan(path), period=ReportPeriod.YEAR, year=2022)
    return reports


@pytest.fixture(scope="module")
def printed_all(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Printed]:
    """Every report rendered, then all converted in one soffice run."""
    folder = tmp_path_factory.mktemp("report-pdf")
    reports = _reports()
    documents = [render_report(report, folder / f"{name}.docx") for name, report in reports.items()]
    pdfs = to_pdf(documents, folder)
    return {
        name: Printed(report, lines(pdf), page_count(pdf))
        for (name, report), pdf in zip(reports.items(), pdfs, strict=True)
    }


@pytest.fixture(params=["lam-dong-results", *(f"{p.parent.name}--{p.stem}" for p in EXAMPLES)])
def printed(request: pytest.FixtureRequest, printed_all: dict[str, Printed]) -> Printed:
    """One printed report."""
    return printed_all[request.param]


def test_the_report_has_pages_and_every_target_text_is_printed(printed: Printed) -> None:
    """At least one page; the "Chỉ tiêu" column reads every target's sentence in order."""
    assert printed.pages >= 1
    column = printed.column_text(*TARGET_COLUMN)
    position = 0
    for row in printed.report.targets:
        sentence = " ".join(row.target.text.split())
        found = column.find(sentence, position)
        assert found >= 0, sentence[:60]
        position = found + len(sentence)


def test_the_type_name_and_the_closing_are_printed(printed: Printed) -> None:
    """ "BÁO CÁO" on page 1; the last body line ends with "./." on the signature's page."""
    assert any(ln.text == "BÁO CÁO" and ln.page == 1 for ln in printed.lines)
    label = next(ln for ln in printed.lines if ln.text == "Nơi nhận:")
    name = next(ln for ln in printed.lines if ln.text == printed.report.signature.name)
    assert name.page == label.page
    ends = [ln for ln in printed.lines if ln.text.endswith("./.")]
    assert ends and ends[-1].page == label.page


def test_no_word_runs_into_the_right_margin(printed: Printed) -> None:
    """No word, in the tables either, ends right of the text area (1 pt of tolerance)."""
    over = [(w.page, w.text, w.x_max) for ln in printed.lines for w in ln.words]
    assert not [o for o in over if o[2] > TEXT_RIGHT + 1], over[:5]


def test_later_pages_show_their_number_and_page_one_none(printed: Printed) -> None:
    """Page n ≥ 2 shows "n" in its top margin; page 1 shows nothing there."""
    for page in range(1, printed.pages + 1):
        band = [ln for ln in printed.lines if ln.page == page and ln.y_max < TOP_BAND]
        top = [w.text for ln in band for w in ln.words]
        assert top == ([] if page == 1 else [str(page)]), (page, top)


def test_the_results_are_printed_in_the_report(printed_all: dict[str, Printed]) -> None:
    """The example results: a share, an assessment, a status, a difficulty."""
    text = " ".join(ln.text for ln in printed_all["lam-dong-results"].lines)
    for expected in ("71,8%", "102,6%", "Chưa đạt", "Đang thực hiện", "mạng xã hội"):
        assert expected in text
