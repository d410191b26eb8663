"""Layout of the rendered plans as LibreOffice prints them: where each part lands on the page.

The factory plan, long factory plans (about sixty paragraphs, three pages or more)
and every example are rendered and converted to PDF in one soffice run. pdftotext's
word boxes are then checked against nd30.md §1–§3: the header lines do not wrap, the
number and the date share a baseline, the type name is centred, the recipients sit
level with the signature and share its page with the end of the body, nothing runs
into the right margin, and every page but the first has its number centred at the top.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import attrs
import pytest
from factories import plan as factory_plan
from test_render_xml import PLAN_EXAMPLES

from planforge import Paragraph, Plan, Section, load_plan, render_plan
from planforge.checking.pdf_layout import Line, Word, lines, page_count, to_pdf
from planforge.rendering.context import MOTTO, NATIONAL_TITLE, build_context

pytestmark = [
    pytest.mark.libreoffice,
    pytest.mark.skipif(
        shutil.which("soffice") is None,
        reason="LibreOffice (soffice) is not on PATH; scripts/test.sh installs it",
    ),
]

PAGE_WIDTH = 11906 / 20
TEXT_LEFT = 1701 / 20
"""Left edge of the text area: the template's 30 mm left margin (85.05 pt)."""
TEXT_RIGHT = PAGE_WIDTH - 851 / 20
"""Right edge of the text area: the template's 15 mm right margin (552.75 pt)."""
TEXT_WIDTH = TEXT_RIGHT - TEXT_LEFT
TEXT_CENTRE = (TEXT_LEFT + TEXT_RIGHT) / 2
TOP_BAND = 56.0
"""Words ending above this y (points) are in the top margin, where page numbers go."""

LONG_TEXT = (
    "Tăng cường công tác tuyên truyền, giáo dục, nâng cao nhận thức của cán bộ, công chức, "
    "viên chức và nhân dân về phòng, chống tệ nạn xã hội; kiểm tra, giám sát việc thực hiện "
    "tại cơ sở và báo cáo kết quả định kỳ theo quy định."
)


LONG_LENGTHS = (60, 61, 62)
"""Body lengths of the long plans. About nine such paragraphs fill a page, so the page ends
shift by a paragraph between them: at 61 and 62 paragraphs the page would end inside the
signature block, or between the body and it, if rows could split or the body's last
paragraph did not keep with the signature."""


def long_plan(paragraphs: int) -> Callable[[], Plan]:
    """The factory plan with ``paragraphs`` body paragraphs: three pages or more."""

    def make() -> Plan:
        body = tuple(Paragraph(text=f"Nội dung {n}: {LONG_TEXT}") for n in range(1, paragraphs + 1))
        section = Section(title="Mục tiêu", children=body)
        return attrs.evolve(factory_plan(), sections=(section,))

    return make


def _example_loader(path: Path) -> Callable[[], Plan]:
    return lambda: load_plan(path)


CASES: dict[str, Callable[[], Plan]] = {
    "factory": factory_plan,
    **{f"long-{n}": long_plan(n) for n in LONG_LENGTHS},
    **{f"{p.parent.name}--{p.stem}": _example_loader(p) for p in PLAN_EXAMPLES},
}


@dataclass(frozen=True)
class Printed:
    """A plan, its template context, its PDF and the PDF's visual lines."""

    name: str
    plan: Plan
    context: dict[str, Any]
    pdf: Path
    lines: list[Line]
    pages: int

    @property
    def words(self) -> list[Word]:
        return [word for line in self.lines for word in line.words]

    def line(self, text: str, page: int | None = None) -> Line:
        """The first line reading exactly ``text`` (spaces of any kind collapsed)."""
        wanted = " ".join(text.split())
        found = [ln for ln in self.lines if ln.text == wanted and page in (None, ln.page)]
        assert found, f"{self.name}: no line reads {wanted!r}"
        return found[0]

    def below(self, line: Line) -> list[Line]:
        """The lines under ``line`` on its page, top to bottom."""
        return [ln for ln in self.lines if ln.page == line.page and ln.y_min > line.y_min + 1]


@pytest.fixture(scope="module")
def printed_all(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Printed]:
    """Every case rendered to .docx, then all converted to PDF in one soffice run."""
    folder = tmp_path_factory.mktemp("pdf")
    plans = {name: make() for name, make in CASES.items()}
    documents = [render_plan(plan, folder / f"{name}.docx") for name, plan in plans.items()]
    pdfs = to_pdf(documents, folder)
    return {
        name: Printed(name, plan, build_context(plan), pdf, lines(pdf), page_count(pdf))
        for (name, plan), pdf in zip(plans.items(), pdfs, strict=True)
    }


@pytest.fixture(params=sorted(CASES))
def printed(request: pytest.FixtureRequest, printed_all: dict[str, Printed]) -> Printed:
    """One printed case."""
    return printed_all[request.param]


def test_the_long_plans_span_at_least_three_pages(printed_all: dict[str, Printed]) -> None:
    """The long plans really test page breaks and page numbers: three pages or more each."""
    assert all(printed_all[f"long-{n}"].pages >= 3 for n in LONG_LENGTHS)


def test_the_national_title_and_the_motto_each_fit_on_one_line(printed: Printed) -> None:
    """Neither the national title nor the motto wraps."""
    printed.line(NATIONAL_TITLE, page=1)
    printed.line(MOTTO, page=1)


def test_the_motto_rule_is_as_wide_as_the_motto(printed: Printed) -> None:
    """The underscores under the motto are within 5% of the motto's printed width."""
    motto = printed.line(MOTTO, page=1)
    rule = next(
        ln
        for ln in printed.below(motto)
        if set(ln.text) == {"_"} and motto.x_min <= ln.centre <= motto.x_max
    )
    ratio = rule.width / motto.width
    assert abs(ratio - 1) <= 0.05, f"motto rule is {ratio:.1%} of the motto"


def test_the_number_and_the_date_share_a_baseline(printed: Printed) -> None:
    """ "Số: …" and "<Place>, ngày …" are printed on one line (|Δy| < 2 pt)."""
    header = printed.context["header"]
    number = printed.line(header["number_line"], page=1)
    date = printed.line(header["date_line"], page=1)
    assert abs(number.y_max - date.y_max) < 2
    assert number.x_max < date.x_min


def test_the_type_name_is_centred_on_the_text_area(printed: Printed) -> None:
    """ "KẾ HOẠCH" is centred between the margins (within 3 pt)."""
    type_name = printed.line(printed.context["title"]["type_name"], page=1)
    assert abs(type_name.centre - TEXT_CENTRE) <= 3, type_name.centre


def test_a_wrapping_subject_spans_most_of_the_text_width(printed: Printed) -> None:
    """A subject on several lines uses more than 60% of the text width, not a narrow column."""
    type_name = printed.line(printed.context["title"]["type_name"], page=1)
    under = printed.below(type_name)
    rule = next(i for i, ln in enumerate(under) if set(ln.text) == {"_"})
    subject = under[:rule]
    assert " ".join(ln.text for ln in subject) == " ".join(printed.plan.header.subject.split())
    if len(subject) > 1:
        span = max(ln.x_max for ln in subject) - min(ln.x_min for ln in subject)
        assert span > 0.6 * TEXT_WIDTH, f"subject spans {span / TEXT_WIDTH:.0%} of the text width"


def test_the_recipients_label_is_level_with_the_first_authority_line(printed: Printed) -> None:
    """The top of "Nơi nhận:" is within 3 pt of the top of the first authority line."""
    signature = printed.context["signature"]
    first = [*signature["authority_lines"], signature["title"]][0]
    label = printed.line(printed.context["recipients"]["label"])
    authority = printed.line(first, page=label.page)
    assert abs(label.y_min - authority.y_min) <= 3
    assert label.x_max < authority.x_min


def test_the_recipients_and_the_signature_share_a_page_with_the_end_of_the_body(
    printed: Printed,
) -> None:
    """From "Nơi nhận:" to the signer's name, and the body's last line ("./."), on one page."""
    signature = printed.context["signature"]
    label = printed.line(printed.context["recipients"]["label"])
    block = [
        label,
        *(printed.line(text) for text in [*signature["authority_lines"], signature["title"]]),
        printed.line(signature["name"]),
        next(ln for ln in printed.lines if ln.text.startswith("- Lưu:")),
    ]
    assert {ln.page for ln in block} == {label.page}, [(ln.text, ln.page) for ln in block]
    before = [ln for ln in printed.lines if (ln.page, ln.y_min) < (label.page, label.y_min)]
    last_body = [ln for ln in before if ln.text.endswith("./.")]
    assert last_body, "no body line ends with ./."
    assert last_body[-1].page == label.page, "the body's last line is on an earlier page"


def test_no_word_runs_into_the_right_margin(printed: Printed) -> None:
    """No word ends right of the text area (552.75 pt, 1 pt of tolerance)."""
    over = [(w.page, w.text, w.x_max) for w in printed.words if w.x_max > TEXT_RIGHT + 1]
    assert not over, over[:5]


def test_page_one_has_no_page_number_at_the_top(printed: Printed) -> None:
    """Nothing is printed in the top margin of page 1."""
    top = [w.text for w in printed.words if w.page == 1 and w.y_max < TOP_BAND]
    assert not top, top


def test_later_pages_have_their_number_centred_at_the_top(printed: Printed) -> None:
    """Page n ≥ 2 shows just "n" in its top margin, centred on the text area (within 3 pt)."""
    for page in range(2, printed.pages + 1):
        top = [w for w in printed.words if w.page == page and w.y_max < TOP_BAND]
        assert [w.text for w in top] == [str(page)], (page, [w.text for w in top])
        centre = (top[0].x_min + top[0].x_max) / 2
        assert abs(centre - TEXT_CENTRE) <= 3, (page, centre)
