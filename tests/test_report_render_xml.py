"""The rendered report's Word XML: the effective formatting of every part meets NĐ 30.

Each case (the factory plan, every example plan without results, the Lâm Đồng plan with
its example results) is rendered once and read back with planforge.checking.formatting,
as tests/test_render_xml.py does for plans: page, fonts, header block, title block, body,
the two tables, recipients, signature, page numbers (/work/shared/nd30.md §1, §3, §6.1, §8).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import docx
import pytest
from conftest import EXAMPLES, ROOT
from docx.oxml.ns import qn
from factories import plan as factory_plan

from planforge import load_plan
from planforge.checking.formatting import (
    LocatedParagraph,
    ParagraphFormat,
    header_footer_info,
    page_setup,
    read_paragraphs,
)
from planforge.loading.results_file import load_results
from planforge.model.report import Report, ReportPeriod
from planforge.rendering.context import MOTTO, NATIONAL_TITLE
from planforge.rendering.report_context import build_report_context
from planforge.rendering.report_docx import render_report
from planforge.reporting.build import build_report

FONT = "Times New Roman"
TEXT_WIDTH = 11906 - 1701 - 851
NUMBER_LINE = re.compile(r"^Số: \s+/BC-[A-Za-zĐđ0-9]+$")
DATE_LINE = re.compile(r"^[^,]+, ngày \u00a0+ tháng (6|12) năm 2022$")
RECIPIENT_LINE = re.compile(r"^- .+;$")
ARCHIVE_LINE = re.compile(r"^- Lưu: VT(, [^.;]+)*\.$")
HEADER, TARGETS, DUTIES, SIGNATURE = 0, 1, 2, 3
LAM_DONG = ROOT / "examples" / "lam-dong-2021" / "ke-hoach-7851.yaml"


def _lam_dong_with_results() -> Report:
    plan = load_plan(LAM_DONG)
    return build_report(plan, load_results(LAM_DONG.with_name("results-2022-6m.yaml"), plan))


def _without_results(path: Path) -> Callable[[], Report]:
    return lambda: build_report(load_plan(path), period=ReportPeriod.YEAR, year=2022)


CASES: dict[str, Callable[[], Report]] = {
    "factory": lambda: build_report(factory_plan(), period=ReportPeriod.SIX_MONTHS, year=2022),
    "lam-dong-results": _lam_dong_with_results,
    **{f"{p.parent.name}--{p.stem}": _without_results(p) for p in EXAMPLES},
}


@dataclass(frozen=True)
class Rendered:
    """A report, its context, its .docx and the document's paragraphs read back."""

    name: str
    report: Report
    context: dict[str, Any]
    path: Path
    paragraphs: list[LocatedParagraph]

    def cell(self, table: int, row: int, column: int) -> list[ParagraphFormat]:
        return [p.paragraph for p in self.paragraphs if p.cell == (table, row, column)]

    def column(self, table: int, column: int) -> list[str]:
        """The text of each row of a table's column, title row included."""
        rows = sorted({p.cell[1] for p in self.paragraphs if p.cell and p.cell[0] == table})
        return ["\n".join(p.text for p in self.cell(table, row, column)) for row in rows]

    def body(self) -> list[ParagraphFormat]:
        """The paragraphs outside tables, after the header table."""
        return [p.paragraph for p in self.paragraphs[self.first_body() :] if p.cell is None]

    def first_body(self) -> int:
        return next(i for i, p in enumerate(self.paragraphs) if p.cell == (0, 0, 0))


@pytest.fixture(scope="module", params=sorted(CASES))
def rendered(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    """Each case rendered once."""
    report = CASES[request.param]()
    path = render_report(report, tmp_path_factory.mktemp("report") / f"{request.param}.docx")
    context = build_report_context(report)
    return Rendered(request.param, report, context, path, read_paragraphs(path))


def sizes(paragraph: ParagraphFormat) -> set[float]:
    assert paragraph.runs, f"no runs in {paragraph.text!r}"
    return {run.size_pt for run in paragraph.runs}


def all_bold(paragraph: ParagraphFormat) -> bool:
    return bool(paragraph.runs) and all(run.bold for run in paragraph.runs)


def test_the_page_is_a4_portrait_with_the_decrees_margins(rendered: Rendered) -> None:
    """A4 portrait (no landscape section), margins T/B 20–25, L 30–35, R 15–20 mm."""
    for setup in page_setup(rendered.path):
        assert (setup.width, setup.height, setup.orientation) == (11906, 16838, "portrait")
        assert setup.top is not None and 1134 <= setup.top <= 1418
        assert setup.bottom is not None and 1134 <= setup.bottom <= 1418
        assert setup.left is not None and 1701 <= setup.left <= 1985
        assert setup.right is not None and 851 <= setup.right <= 1134


def test_every_run_is_times_new_roman_black_and_nfc(rendered: Rendered) -> None:
    """Effective fonts in all four slots, colour auto or black, text precomposed."""
    for located in rendered.paragraphs:
        text = located.paragraph.text
        assert unicodedata.normalize("NFC", text) == text
        for run in located.paragraph.runs:
            assert set(run.fonts) == {FONT}, (located.location, run.text[:30], run.fonts)
            assert run.color in ("auto", "000000"), (located.location, run.text[:30])


def test_the_header_is_that_of_a_plan_with_a_blank_bc_number(rendered: Rendered) -> None:
    """Ô 1–4: national title, motto, agency lines, "Số:      /BC-…", italic date, one row."""
    title, motto = rendered.cell(HEADER, 0, 1)[:2]
    assert (title.text, motto.text) == (NATIONAL_TITLE, MOTTO)
    assert all_bold(title) and sizes(title) == {13.0}
    assert all_bold(motto) and sizes(motto) == {14.0}
    agency = rendered.cell(HEADER, 0, 0)
    lines = rendered.context["header"]["agency_lines"]
    parents = rendered.context["header"]["parent_lines"]
    assert [p.text for p in agency[len(parents) : len(parents) + len(lines)]] == lines
    assert all(all_bold(p) and sizes(p) == {13.0} for p in agency[len(parents) : -1])
    (number,) = rendered.cell(HEADER, 1, 0)
    assert NUMBER_LINE.match(number.text), number.text
    assert sizes(number) == {13.0} and not any(r.bold for r in number.runs)
    (date,) = rendered.cell(HEADER, 1, 1)
    assert DATE_LINE.match(date.text), date.text
    assert all(run.italic for run in date.runs)


def test_the_type_name_is_bao_cao_and_the_subject_names_the_plan(rendered: Rendered) -> None:
    """Ô 5a: "BÁO CÁO" bold 14 centred; the subject bold centred; a rule under it."""
    type_name, subject, rule = rendered.body()[:3]
    assert type_name.text == "BÁO CÁO" and all_bold(type_name) and sizes(type_name) == {14.0}
    assert type_name.alignment == subject.alignment == rule.alignment == "center"
    assert subject.text.replace("\u00a0", " ") == rendered.report.header.subject
    assert subject.text.startswith("Kết quả thực hiện Kế hoạch số ")
    assert all_bold(subject) and set(rule.text) == {"_"}


def test_body_paragraphs_are_justified_indented_and_spaced(rendered: Rendered) -> None:
    """Outside the tables: 13–14 pt, justified, first line 1 cm, ≥ 6 pt before, ≤ 1.5 lines.

    The title block comes before, and the 1 pt paragraph Word needs after the last table after.
    """
    for p in rendered.body()[3:-1]:
        assert sizes(p) <= {13.0, 14.0}, (p.text[:40], sizes(p))
        assert p.alignment == "both", p.text[:40]
        assert abs(p.first_line_cm - 1.0) <= 0.05, p.text[:40]
        assert p.space_before_pt >= 6, p.text[:40]
        assert p.line_rule == "auto" and 1.0 <= p.line <= 1.5


def test_the_sections_are_roman_capital_bold_headings_in_order(rendered: Rendered) -> None:
    """I. KẾT QUẢ … CHỈ TIÊU, II. … PHÂN CÔNG, III. KHÓ KHĂN, VƯỚNG MẮC, IV. ĐỀ XUẤT, KIẾN NGHỊ."""
    headings = [p for p in rendered.body() if re.match(r"^[IV]+\. ", p.text)]
    assert [p.text.split(" ", 1)[0] for p in headings] == ["I.", "II.", "III.", "IV."]
    assert headings[2].text == "III. KHÓ KHĂN, VƯỚNG MẮC"
    assert all(all_bold(p) and p.text == p.text.upper() and p.keep_next for p in headings)


def test_the_body_ends_with_the_closing_sentence_and_the_end_mark(rendered: Rendered) -> None:
    """ "Trên đây là báo cáo …./." just before the signature table, kept with it."""
    last = rendered.body()[-2]  # the tiny paragraph Word needs after the last table follows
    assert last.text.startswith("Trên đây là báo cáo kết quả thực hiện") and last.keep_next
    assert last.text.endswith("./.")


def test_the_targets_table_has_one_row_per_target_with_its_text(rendered: Rendered) -> None:
    """Title row, then one row per target: number, text, value set, results, share, verdict."""
    texts = rendered.column(TARGETS, 1)
    assert texts == ["Chỉ tiêu", *(row.target.text for row in rendered.report.targets)]
    numbers = rendered.column(TARGETS, 0)[1:]
    assert numbers == [str(n) for n in range(1, len(rendered.report.targets) + 1)]
    verdicts = rendered.column(TARGETS, 5)[1:]
    assert verdicts == [r.assessment.label if r.assessment else "" for r in rendered.report.targets]


def test_the_duties_table_has_one_row_per_assignment(rendered: Rendered) -> None:
    """Title row, then one row per assignment: number, bodies, status, notes."""
    assert rendered.column(DUTIES, 1) == [
        "Cơ quan, đơn vị được giao",
        *(row.body for row in rendered.report.duties),
    ]
    statuses = rendered.column(DUTIES, 2)[1:]
    assert statuses == [r.status.label if r.status else "" for r in rendered.report.duties]


def test_table_text_is_12_pt_and_titles_bold(rendered: Rendered) -> None:
    """Ruled tables: 12 pt (NĐ 30 sets no table size; 12 keeps the columns readable)."""
    for table in (TARGETS, DUTIES):
        for located in rendered.paragraphs:
            if located.cell and located.cell[0] == table and located.paragraph.runs:
                assert sizes(located.paragraph) == {12.0}
                assert all_bold(located.paragraph) == (located.cell[1] == 0)


def test_the_ruled_tables_span_the_text_width_and_repeat_their_title_row(
    rendered: Rendered,
) -> None:
    """Fixed layout, no indent, columns summing to the text width: nothing past the margin."""
    document = docx.Document(str(rendered.path))
    for index in (TARGETS, DUTIES):
        tbl = document.tables[index]._tbl
        widths = [int(c.get(qn("w:w"))) for c in tbl.tblGrid.findall(qn("w:gridCol"))]
        assert sum(widths) == TEXT_WIDTH
        assert tbl.tblPr.find(qn("w:tblInd")).get(qn("w:w")) == "0"
        assert tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
        first = tbl.findall(qn("w:tr"))[0]
        assert first.find(qn("w:trPr")).find(qn("w:tblHeader")) is not None


def test_recipients_and_signature_follow_the_decree(rendered: Rendered) -> None:
    """ "Nơi nhận:" bold italic 12; "- …;" lines and "- Lưu: VT, …." 11 pt; authority CAPS bold."""
    label, *lines = rendered.cell(SIGNATURE, 0, 0)
    assert label.text == "Nơi nhận:" and all_bold(label) and sizes(label) == {12.0}
    assert all(run.italic for run in label.runs)
    assert all(RECIPIENT_LINE.match(line.text) for line in lines[:-1])
    assert ARCHIVE_LINE.match(lines[-1].text)
    assert all(sizes(line) == {11.0} for line in lines)
    signature = rendered.context["signature"]
    cell = rendered.cell(SIGNATURE, 0, 1)
    authority = [*signature["authority_lines"], signature["title"]]
    assert [p.text for p in cell[: len(authority)]] == authority
    assert all(all_bold(p) and p.text == p.text.upper() for p in cell[: len(authority)])
    assert cell[-1].text == rendered.report.signature.name and all_bold(cell[-1])


def test_page_numbers_start_on_page_two(rendered: Rendered) -> None:
    """titlePg with an empty first-page header; a centred PAGE field of 13–14 pt after it."""
    for info in header_footer_info(rendered.path):
        assert info.title_pg and info.first_header_empty
        assert info.page_field and info.page_field_alignment == "center"
        assert info.page_field_size_pt is not None and 13 <= info.page_field_size_pt <= 14


def test_results_appear_in_their_cells(tmp_path: Path) -> None:
    """The example results: "≥ 70%" planned, "71,8%" achieved 102,6%, "Vượt"; V.2 in progress."""
    report = _lam_dong_with_results()
    path = render_report(report, tmp_path / "r.docx")
    case = Rendered("r", report, build_report_context(report), path, read_paragraphs(path))
    assert case.column(TARGETS, 2)[1] == "≥ 70%"
    assert case.column(TARGETS, 3)[1].startswith("71,8%\n102/142")
    assert case.column(TARGETS, 4)[1] == "102,6%"
    assert case.column(TARGETS, 5)[1:4] == ["Vượt", "Đạt", "Chưa đạt"]
    assert case.column(TARGETS, 2)[6] == "3–5%\n≥ 20%\n100% (2025)"
    assert case.column(DUTIES, 2)[2] == "Đang thực hiện"
    assert "Hoạt động mại dâm ngày càng tinh vi" in "\n".join(p.text for p in case.body())
