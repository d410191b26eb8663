"""Golden checks of the rendered Word XML: the effective formatting of every part meets NĐ 30.

The tiny factory plan and every example plan file are rendered once each. The
documents are read back with planforge.checking.formatting, which resolves what
Word shows (direct formatting, character and paragraph styles, table style,
document defaults), and each part is compared with /work/shared/nd30.md §1, §3
and §8: page, fonts, header block, title block, body, recipients, signature and
page numbers.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import attrs
import docx
import pytest
import yaml
from conftest import EXAMPLES
from factories import plan as factory_plan

from planforge import Paragraph, Plan, Section, load_plan, render_plan
from planforge.checking.formatting import (
    LocatedParagraph,
    ParagraphFormat,
    RunFormat,
    header_footer_info,
    page_setup,
    read_paragraphs,
)
from planforge.rendering.context import MOTTO, NATIONAL_TITLE, build_context
from planforge.text.metrics import text_width_mm

FONT = "Times New Roman"
MM_PER_PT = 25.4 / 72
NUMBER_LINE = re.compile(r"^Số: (\d{2,}|\s+)/[A-Za-zĐđ]+(-[A-Za-zĐđ0-9]+)+$")
DATE_LINE = re.compile(
    r"^(?P<place>[^,]+), ngày (0[1-9]|[12]\d|3[01]|\u00a0+) "
    r"tháng (01|02|[3-9]|1[0-2]|\u00a0+) năm \d{4}$"
)
RECIPIENT_LINE = re.compile(r"^- .+;$")
ARCHIVE_LINE = re.compile(r"^- Lưu: VT(, [^.;]+)*\.$")
AUTHORITY_PREFIXES = ("TM. ", "KT. ", "TL. ", "TUQ. ", "Q. ")
ROMAN_LABEL = re.compile(r"^[IVXLCDM]+\.$")
ARABIC_LABEL = re.compile(r"^\d+")

HEADER_TABLE = 0
AGENCY_CELL, NATIONAL_CELL = (HEADER_TABLE, 0, 0), (HEADER_TABLE, 0, 1)
NUMBER_CELL, DATE_CELL = (HEADER_TABLE, 1, 0), (HEADER_TABLE, 1, 1)


# --- rendering the cases once ------------------------------------------------------------


def _example_loader(path: Path) -> Callable[[], Plan]:
    return lambda: load_plan(path)


def is_plan_file(path: Path) -> bool:
    """Plan files have a header; other YAML under examples/ (derivation profiles) has none."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return isinstance(data, dict) and "header" in data


PLAN_EXAMPLES = [path for path in EXAMPLES if is_plan_file(path)]
"""The example plan files: EXAMPLES without the derivation profiles that sit beside them."""

CASES: dict[str, Callable[[], Plan]] = {
    "factory": factory_plan,
    **{f"{p.parent.name}--{p.stem}": _example_loader(p) for p in PLAN_EXAMPLES},
}


@dataclass(frozen=True)
class Rendered:
    """A plan, its template context, its .docx and the document's paragraphs read back."""

    name: str
    plan: Plan
    context: dict[str, Any]
    path: Path
    paragraphs: list[LocatedParagraph]

    def cell(self, where: tuple[int, int, int]) -> list[ParagraphFormat]:
        """The paragraphs of one table cell, in order."""
        return [p.paragraph for p in self.paragraphs if p.cell == where]

    def title_index(self) -> int:
        """Index (in ``paragraphs``) of the type name: the first body paragraph after the header."""
        after_header = False
        for index, located in enumerate(self.paragraphs):
            after_header = after_header or located.cell is not None
            if after_header and located.cell is None:
                return index
        raise AssertionError("no body paragraph after the header table")

    def title_block(self) -> list[LocatedParagraph]:
        """Type name, subject and the rule under them."""
        start = self.title_index()
        return self.paragraphs[start : start + 3]

    def body(self) -> list[ParagraphFormat]:
        """The body paragraphs: after the title rule, up to the signature table."""
        found = []
        for located in self.paragraphs[self.title_index() + 3 :]:
            if located.cell is not None:
                break
            found.append(located.paragraph)
        return found

    def signature_table(self) -> int:
        """The number of the table holding the recipients and the signature (the last one)."""
        return max(p.cell[0] for p in self.paragraphs if p.cell is not None)


def render(name: str, plan: Plan, folder: Path) -> Rendered:
    """Render ``plan`` into ``folder`` and read the document back."""
    path = render_plan(plan, folder / f"{name}.docx")
    return Rendered(name, plan, build_context(plan), path, read_paragraphs(path))


@pytest.fixture(scope="module", params=sorted(CASES))
def rendered(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    """Each case rendered once: the factory plan and every example plan file."""
    name = request.param
    return render(name, CASES[name](), tmp_path_factory.mktemp("xml"))


# --- small helpers -----------------------------------------------------------------------


def runs_of(paragraph: ParagraphFormat) -> tuple[RunFormat, ...]:
    """The runs of a paragraph; a paragraph checked for formatting must have some."""
    assert paragraph.runs, f"paragraph {paragraph.text!r} has no text runs"
    return paragraph.runs


def sizes(paragraph: ParagraphFormat) -> set[float]:
    return {run.size_pt for run in runs_of(paragraph)}


def all_bold(paragraph: ParagraphFormat) -> bool:
    return all(run.bold for run in runs_of(paragraph))


def none_bold(paragraph: ParagraphFormat) -> bool:
    return not any(run.bold for run in runs_of(paragraph))


def all_italic(paragraph: ParagraphFormat) -> bool:
    return all(run.italic for run in runs_of(paragraph))


def none_italic(paragraph: ParagraphFormat) -> bool:
    return not any(run.italic for run in runs_of(paragraph))


def is_caps(text: str) -> bool:
    return text == text.upper() and any(c.isalpha() for c in text)


def within(values: set[float], low: float, high: float) -> bool:
    return bool(values) and all(low <= v <= high for v in values)


def underscore_mm(paragraph: ParagraphFormat) -> float:
    """Printed width of a rule of underscores: 0.5 em each at the runs' sizes."""
    assert set(paragraph.text) == {"_"}, f"not a rule of underscores: {paragraph.text!r}"
    return sum(len(run.text) * 0.5 * run.size_pt * MM_PER_PT for run in runs_of(paragraph))


def printed_mm(paragraph: ParagraphFormat) -> float:
    """Printed width of a one-line paragraph, run by run, in its effective faces and sizes."""
    return sum(
        text_width_mm(run.text, run.size_pt, bold=run.bold, italic=run.italic)
        for run in runs_of(paragraph)
    )


def every_run(rendered: Rendered) -> Iterator[tuple[LocatedParagraph, RunFormat]]:
    for located in rendered.paragraphs:
        for run in located.paragraph.runs:
            yield located, run


def entries_with_paragraphs(rendered: Rendered) -> Iterator[tuple[Any, ParagraphFormat]]:
    """Each body entry of the plan with the paragraph printing it."""
    body = rendered.body()
    opening = len(rendered.plan.legal_basis.opening)
    entries = list(rendered.plan.entries())
    assert len(body) == len(rendered.context["body"]) + 1, "body paragraphs do not match the plan"
    yield from zip(entries, body[opening : opening + len(entries)], strict=True)


def runs_covering(paragraph: ParagraphFormat, length: int) -> list[RunFormat]:
    """The runs that print the first ``length`` characters of a paragraph."""
    covering, printed = [], 0
    for run in runs_of(paragraph):
        if printed >= length:
            break
        covering.append(run)
        printed += len(run.text)
    return covering


def line_spacing_ok(paragraph: ParagraphFormat) -> bool:
    """Single to 1.5 lines; exact/at-least spacing judged by nd30.md's 15–24 pt band."""
    if paragraph.line_rule == "auto":
        return 1.0 - 1e-9 <= paragraph.line <= 1.5 + 1e-9
    return 15 <= paragraph.line <= 24.2


# --- page and text -----------------------------------------------------------------------


def test_the_examples_are_found_and_none_is_left_out_by_mistake() -> None:
    """Example plan files exist; every other examples/*/*.yaml is a derivation profile."""
    assert PLAN_EXAMPLES, "no example plan file in examples/*/*.yaml"
    for path in set(EXAMPLES) - set(PLAN_EXAMPLES):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert isinstance(data, dict) and "units" in data, f"{path} is neither plan nor profile"


def test_the_page_is_a4_portrait_with_margins_inside_the_decree_ranges(rendered: Rendered) -> None:
    """Every section is A4 (11906×16838 tw), portrait, margins T/B 20–25, L 30–35, R 15–20 mm."""
    for setup in page_setup(rendered.path):
        assert (setup.width, setup.height, setup.orientation) == (11906, 16838, "portrait")
        assert setup.top is not None and 1134 <= setup.top <= 1418
        assert setup.bottom is not None and 1134 <= setup.bottom <= 1418
        assert setup.left is not None and 1701 <= setup.left <= 1985
        assert setup.right is not None and 851 <= setup.right <= 1134


def test_every_run_is_times_new_roman_in_all_four_font_slots(rendered: Rendered) -> None:
    """Effective ascii, hAnsi, cs and eastAsia fonts of every run are Times New Roman."""
    wrong = [
        (p.location, r.text[:30], r.fonts) for p, r in every_run(rendered) if set(r.fonts) != {FONT}
    ]
    assert not wrong, f"runs not in {FONT}: {wrong[:5]}"


def test_every_run_is_black_or_automatic_colour(rendered: Rendered) -> None:
    """No run is coloured: its effective colour is auto or 000000."""
    wrong = [
        (p.location, r.text[:30], r.color)
        for p, r in every_run(rendered)
        if r.color not in ("auto", "000000")
    ]
    assert not wrong, f"coloured runs: {wrong[:5]}"


def test_all_text_is_nfc(rendered: Rendered) -> None:
    """Every paragraph's text is NFC-precomposed Unicode (TCVN 6909:2001)."""
    wrong = [p.text for p in rendered.paragraphs if unicodedata.normalize("NFC", p.text) != p.text]
    assert not wrong, f"text not in NFC: {wrong[:3]}"


# --- header block ------------------------------------------------------------------------


def test_the_national_title_is_exact_bold_13_pt_and_centred(rendered: Rendered) -> None:
    """Ô 1: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold, 13 pt, centred."""
    title = rendered.cell(NATIONAL_CELL)[0]
    assert title.text == NATIONAL_TITLE == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert all_bold(title) and none_italic(title)
    assert sizes(title) == {13.0}
    assert title.alignment == "center"


def test_the_motto_is_exact_with_hyphen_minus_bold_14_pt(rendered: Rendered) -> None:
    """Ô 1: "Độc lập - Tự do - Hạnh phúc" with hyphen-minus, bold, 14 pt, centred."""
    motto = rendered.cell(NATIONAL_CELL)[1]
    assert motto.text == MOTTO == "Độc lập - Tự do - Hạnh phúc"
    assert "\u2013" not in motto.text and motto.text.count(" - ") == 2
    assert all_bold(motto) and none_italic(motto)
    assert sizes(motto) == {14.0}
    assert motto.alignment == "center"


def test_the_motto_rule_is_underscores_as_long_as_the_motto(rendered: Rendered) -> None:
    """The line under the motto is underscores within 5% of the motto's printed width."""
    motto, rule = rendered.cell(NATIONAL_CELL)[1:3]
    ratio = underscore_mm(rule) / printed_mm(motto)
    assert abs(ratio - 1) <= 0.05, f"rule is {ratio:.1%} of the motto"
    assert rule.alignment == "center"


def test_agency_lines_are_caps_bold_13_pt_and_parent_lines_caps_regular_13_pt(
    rendered: Rendered,
) -> None:
    """Ô 2: parent agency lines CAPS, not bold; issuing agency lines CAPS, bold; all 13 pt."""
    header = rendered.context["header"]
    cell = rendered.cell(AGENCY_CELL)
    parents, agencies = header["parent_lines"], header["agency_lines"]
    assert agencies, "no issuing agency line"
    assert [p.text for p in cell[: len(parents) + len(agencies)]] == [*parents, *agencies]
    for line in cell[: len(parents)]:
        assert is_caps(line.text) and none_bold(line) and sizes(line) == {13.0}, line.text
    for line in cell[len(parents) : len(parents) + len(agencies)]:
        assert is_caps(line.text) and all_bold(line) and sizes(line) == {13.0}, line.text
    assert {p.alignment for p in cell} == {"center"}


def test_the_agency_rule_is_a_third_to_a_half_of_the_longest_agency_line(
    rendered: Rendered,
) -> None:
    """The rule under the agency name is 1/3 to 1/2 of its longest line."""
    cell = rendered.cell(AGENCY_CELL)
    agencies = cell[-1 - len(rendered.context["header"]["agency_lines"]) : -1]
    longest = max(printed_mm(line) for line in agencies)
    ratio = underscore_mm(cell[-1]) / longest
    assert 1 / 3 <= ratio <= 1 / 2, f"agency rule is {ratio:.2f} of the longest line"


def test_the_number_line_is_13_pt_and_well_formed(rendered: Rendered) -> None:
    """Ô 3: "Số: 7851/KH-UBND" (or a blank number in a draft), 13 pt, upright, not bold."""
    (number,) = rendered.cell(NUMBER_CELL)
    assert NUMBER_LINE.match(number.text), number.text
    assert sizes(number) == {13.0}
    assert none_bold(number) and none_italic(number)


def test_the_date_line_is_italic_well_formed_and_in_the_number_lines_row(
    rendered: Rendered,
) -> None:
    """Ô 4: "<Place>, ngày DD tháng M năm YYYY", italic, 13–14 pt, in the row of "Số:"."""
    numbers = [p for p in rendered.paragraphs if p.text.startswith("Số:")]
    dates = [p for p in rendered.paragraphs if DATE_LINE.match(p.text)]
    assert len(numbers) == 1, "expected one number line"
    assert len(dates) == 1, f"no well-formed date line in {rendered.cell(DATE_CELL)}"
    number, date = numbers[0], dates[0]
    assert number.cell is not None and date.cell is not None
    assert number.cell[:2] == date.cell[:2], "date and number are not in one table row"
    assert number.cell[2] < date.cell[2], "the date is not right of the number"
    assert all_italic(date.paragraph) and none_bold(date.paragraph)
    assert within(sizes(date.paragraph), 13, 14)


# --- title block and body ----------------------------------------------------------------


def test_the_type_name_is_caps_bold_centred_outside_any_table(rendered: Rendered) -> None:
    """Ô 5a: "KẾ HOẠCH", CAPS, bold, 13–14 pt, centred, in the body (not a table)."""
    type_name = rendered.title_block()[0]
    assert type_name.location[0] == "body"
    assert type_name.text == rendered.context["title"]["type_name"] == "KẾ HOẠCH"
    assert is_caps(type_name.text) and all_bold(type_name.paragraph)
    assert within(sizes(type_name.paragraph), 13, 14)
    assert type_name.paragraph.alignment == "center"


def test_the_subject_is_bold_and_centred_with_a_short_rule_under_it(rendered: Rendered) -> None:
    """Ô 5a: the subject is bold 13–14 pt, centred; the rule under it is 1/3–1/2 of a line."""
    _, subject, rule = (p.paragraph for p in rendered.title_block())
    assert subject.text == rendered.context["title"]["subject"]
    assert subject.text.replace("\u00a0", " ") == rendered.plan.header.subject
    assert all_bold(subject) and none_italic(subject)
    assert within(sizes(subject), 13, 14)
    assert subject.alignment == "center" and rule.alignment == "center"
    assert set(rule.text) == {"_"}


def test_body_paragraphs_are_justified_indented_and_spaced_per_the_decree(
    rendered: Rendered,
) -> None:
    """Body: 13–14 pt, justified, first line 1 or 1.27 cm, ≥ 6 pt before, 1–1.5 lines."""
    body = rendered.body()
    assert body
    for p in body:
        assert within(sizes(p), 13, 14), (p.text[:40], sizes(p))
        assert p.alignment == "both", (p.text[:40], p.alignment)
        assert min(abs(p.first_line_cm - 1.0), abs(p.first_line_cm - 1.27)) <= 0.05, (
            p.text[:40],
            p.first_line_cm,
        )
        assert p.space_before_pt >= 6, (p.text[:40], p.space_before_pt)
        assert line_spacing_ok(p), (p.text[:40], p.line, p.line_rule)


def test_headings_follow_structure_b(rendered: Rendered) -> None:
    """Structure B: "I. TITLE" bold CAPS with a Roman label; "1. Title" bold, Arabic label.

    Run-in headings ("2. Yêu cầu: …") are checked on their lead; a label is checked
    for its kind of number only, as examples keep their sources' typos ("1 Mục đích.").
    """
    for entry, paragraph in entries_with_paragraphs(rendered):
        node = entry.node
        if entry.depth > 2 or not (isinstance(node, Section) or getattr(node, "heading", False)):
            continue
        title = node.title if isinstance(node, Section) else node.text
        lead = f"{entry.label} {title}" if entry.label else title
        printed = paragraph.text[: len(lead)]
        assert printed.casefold() == lead.casefold(), (printed, lead)
        assert all(run.bold for run in runs_covering(paragraph, len(lead))), f"not bold: {lead!r}"
        if entry.depth == 1:
            assert ROMAN_LABEL.match(entry.label), entry.label
            assert is_caps(printed), printed
        else:
            assert ARABIC_LABEL.match(entry.label), entry.label


def test_the_body_ends_with_the_end_mark(rendered: Rendered) -> None:
    """The last body paragraph ends with "./."."""
    assert rendered.body()[-1].text.endswith("./.")


# --- recipients and signature ------------------------------------------------------------


def test_the_recipients_label_is_bold_italic_12_pt(rendered: Rendered) -> None:
    """Ô 9b: "Nơi nhận:" bold, italic, 12 pt, first in its cell."""
    cell = rendered.cell((rendered.signature_table(), 0, 0))
    assert cell[0].text == "Nơi nhận:"
    assert all_bold(cell[0]) and all_italic(cell[0]) and sizes(cell[0]) == {12.0}


def test_recipient_lines_are_11_pt_and_end_with_the_archive_line(rendered: Rendered) -> None:
    """Ô 9b: "- …;" lines then "- Lưu: VT, ….", 11 pt, upright, in the signature's row."""
    table = rendered.signature_table()
    lines = rendered.cell((table, 0, 0))[1:]
    assert lines, "no recipient lines"
    for line in lines[:-1]:
        assert RECIPIENT_LINE.match(line.text), line.text
    assert ARCHIVE_LINE.match(lines[-1].text), lines[-1].text
    for line in lines:
        assert sizes(line) == {11.0} and none_bold(line) and none_italic(line), line.text
    signature = rendered.context["signature"]
    authority = rendered.cell((table, 0, 1))
    assert authority and authority[0].text == [*signature["authority_lines"], signature["title"]][0]


def test_authority_lines_are_caps_bold_and_start_with_a_prefix(rendered: Rendered) -> None:
    """Ô 7a: authority lines and the title are CAPS bold 13–14; prefixes TM./KT./TL./TUQ./Q."""
    signature = rendered.context["signature"]
    cell = rendered.cell((rendered.signature_table(), 0, 1))
    lines = [*signature["authority_lines"], signature["title"]]
    assert [p.text for p in cell[: len(lines)]] == lines
    for authority in signature["authority_lines"]:
        assert authority.startswith(AUTHORITY_PREFIXES), authority
    for p in cell[: len(lines)]:
        assert is_caps(p.text) and all_bold(p) and within(sizes(p), 13, 14), p.text
        assert p.alignment == "center"


def test_the_signer_name_is_bold_and_not_caps(rendered: Rendered) -> None:
    """Ô 7b: the signer's name, last in the cell, bold 13–14 pt, normal case, centred."""
    name = rendered.cell((rendered.signature_table(), 0, 1))[-1]
    assert name.text == rendered.plan.signature.name
    assert all_bold(name) and within(sizes(name), 13, 14) and not is_caps(name.text)
    assert name.alignment == "center"


def test_page_one_has_an_empty_header_and_the_others_a_centred_page_number(
    rendered: Rendered,
) -> None:
    """titlePg with an empty first-page header; the default header has a centred PAGE field."""
    for info in header_footer_info(rendered.path):
        assert info.title_pg and info.first_header_empty
        assert info.page_field and info.page_field_alignment == "center"
        assert info.page_field_size_pt is not None and 13 <= info.page_field_size_pt <= 14


# --- text that looks like markup ---------------------------------------------------------

MARKUP = "A & B <c> \"d\" 'e' </w:t> &amp;"


@pytest.fixture(scope="module")
def markup(tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    """The factory plan with XML-special characters in its subject and in a body paragraph."""
    base = factory_plan()
    section = Section(title="Mục tiêu", children=(Paragraph(text=f"Nội dung {MARKUP}."),))
    header = attrs.evolve(base.header, subject=f"Kế hoạch {MARKUP}")
    plan = attrs.evolve(base, header=header, sections=(section,))
    return render("markup", plan, tmp_path_factory.mktemp("markup"))


def test_markup_characters_in_the_plan_appear_literally(markup: Rendered) -> None:
    """&, <, > and quotes in plan text are printed as typed, not escaped twice or lost."""
    texts = [p.text for p in markup.paragraphs]
    assert f"Kế hoạch {MARKUP}" in texts
    assert any(f"Nội dung {MARKUP}." in t for t in texts)


def test_the_markup_document_opens_with_python_docx(markup: Rendered) -> None:
    """python-docx opens the document with markup characters and reads the same text."""
    assert_opens_with_python_docx(markup)


def test_the_rendered_documents_open_with_python_docx(rendered: Rendered) -> None:
    """python-docx opens each rendered document and reads the same body text."""
    assert_opens_with_python_docx(rendered)


def assert_opens_with_python_docx(case: Rendered) -> None:
    document = docx.Document(str(case.path))
    expected = [p.text for p in case.paragraphs if p.location[0] == "body"]
    assert [p.text for p in document.paragraphs] == expected
    cells = [
        p.text for t in document.tables for row in t.rows for c in row.cells for p in c.paragraphs
    ]
    assert cells == [p.text for p in case.paragraphs if p.location[0] == "table"]
