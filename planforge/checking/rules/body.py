"""B1–B6: body text, spacing, legal bases, headings, point letters, end mark (PL I, II.6)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from planforge.checking.document import Document
from planforge.checking.findings import Severity
from planforge.checking.formatting import ParagraphFormat
from planforge.checking.registry import Hit, error, rule, warning
from planforge.checking.rules._common import PL1, PL3, first_and_count, unknown
from planforge.checking.text import all_bold, all_italic, is_caps, size_text, sizes, within
from planforge.i18n import N_, _
from planforge.text.labels import VIETNAMESE_LETTERS

INDENTS_CM = (1.0, 1.27)
INDENT_TOLERANCE_CM = 0.05
ROMAN = re.compile(r"^(?P<label>[IVXLC]+)\.\s+\S")
PART_LABEL = re.compile(r"^(Phần|Chương|Mục|Tiểu mục)\s+(?P<number>[IVXLC]+|\d+)$", re.IGNORECASE)
ARTICLE = re.compile(r"^Điều\s+\d+\.")
POINT = re.compile(r"^(?P<letter>[a-zđ]{1,2})\)\s")
BODY = N_("the body of the document")
NUMBERED = re.compile(r"^(\d+(\.\d+)*\.?|[IVXLC]+\.)\s")
END_MARK = re.compile(r"\./\.\s*$")


def _centred_heading(paragraph: ParagraphFormat) -> bool:
    """Structure A labels and titles, "QUYẾT ĐỊNH:", a lone "./." may be centred."""
    text = paragraph.text.strip()
    return (
        bool(
            PART_LABEL.match(text)
            or is_caps(paragraph.runs)
            or text in ("./.",)
            or text.endswith(":")
        )
        and paragraph.alignment == "center"
    )


def _indent_ok(paragraph: ParagraphFormat) -> bool:
    return any(abs(paragraph.first_line_cm - cm) <= INDENT_TOLERANCE_CM for cm in INDENTS_CM)


@rule("B1", N_("Body text: size, justification, first-line indent"), f"{PL1}, mục II.6.e")
def body_text(document: Document) -> Iterator[Hit]:
    body = document.parts.body
    if not body:
        yield unknown(BODY)
        return
    small: dict[str, list[int]] = {}
    aligned, indented = [], []
    for index in body:
        paragraph = document.paragraphs[index].paragraph
        found = sizes(paragraph.runs)
        if found and not within(found, 13, 14):
            small.setdefault(size_text(found), []).append(index)
        if _centred_heading(paragraph):
            continue
        if paragraph.alignment != "both":
            aligned.append(index)
        if not _indent_ok(paragraph):
            indented.append(index)
    for size, indexes in small.items():
        yield error(
            first_and_count(document, indexes),
            _("Body text must be set in 13–14 pt; it is {size}.").format(size=size),
        )
    if aligned:
        yield error(first_and_count(document, aligned), _("Paragraphs must be justified."))
    if indented:
        yield error(
            first_and_count(document, indented),
            _("Paragraphs must have a first-line indent of 1 cm or 1.27 cm."),
        )


def _gap(previous: ParagraphFormat, current: ParagraphFormat) -> float:
    """Space Word puts between two paragraphs (contextual spacing removes it in one style)."""
    if current.style_id == previous.style_id and (
        current.contextual_spacing or previous.contextual_spacing
    ):
        after = 0.0 if previous.contextual_spacing else previous.space_after_pt
        before = 0.0 if current.contextual_spacing else current.space_before_pt
        return after + before
    return previous.space_after_pt + current.space_before_pt


@rule("B2", N_("Paragraph and line spacing"), f"{PL1}, mục II.6.e")
def spacing(document: Document) -> Iterator[Hit]:
    body = document.parts.body
    if not body:
        yield unknown(BODY)
        return
    tight, lines, exact = [], [], []
    for previous, index in zip([None, *body], body, strict=False):
        paragraph = document.paragraphs[index].paragraph
        if previous is not None and previous == index - 1:
            if _gap(document.paragraphs[previous].paragraph, paragraph) < 6 - 0.05:
                tight.append(index)
        if paragraph.line_rule == "auto" and not 1.0 - 0.01 <= paragraph.line <= 1.5 + 0.01:
            lines.append(index)
        elif paragraph.line_rule != "auto" and not 15 <= paragraph.line <= 24.2:
            exact.append(index)
    if tight:
        yield error(first_and_count(document, tight), _("Paragraphs must be at least 6 pt apart."))
    if lines:
        yield error(
            first_and_count(document, lines),
            _("Line spacing must be from single to 1.5 lines."),
        )
    if exact:
        yield warning(
            first_and_count(document, exact),
            _("Exact line spacing outside 15–24 pt (single to 1.5 lines at 13–14 pt)."),
        )


@rule("B3", N_("Legal bases"), f"{PL1}, mục II.6.a", Severity.WARNING)
def legal_bases(document: Document) -> Iterator[Hit]:
    bases = []
    for index in document.parts.body:
        text = document.paragraphs[index].text.strip()
        if not text.startswith("Căn cứ") or text.endswith(":"):
            break  # "Căn cứ …, Ủy ban nhân dân … ban hành Kế hoạch như sau:" opens the body
        bases.append(index)
    for index in bases:
        paragraph = document.paragraphs[index].paragraph
        if not all_italic(paragraph.runs):
            yield warning(document.where(index), _("A legal basis (“Căn cứ …”) must be italic."))
        if not paragraph.text.rstrip().endswith((";", ".", ",")):
            yield warning(
                document.where(index),
                _("Each legal basis ends with a semicolon (;), the last one with a full stop (.)."),
            )


@rule(
    "B4",
    N_("Parts, chapters, sections, articles and headings"),
    f"{PL1}, mục II.6.đ và mục V",
    Severity.WARNING,
)
def headings(document: Document) -> Iterator[Hit]:
    for index in document.parts.body:
        paragraph = document.paragraphs[index].paragraph
        text = paragraph.text.strip()
        label = PART_LABEL.match(text)
        if (
            label
            and label[1].lower() in ("phần", "chương")
            and not re.fullmatch(r"[IVXLC]+", label["number"])
        ):
            message = _("A “{label}” is numbered in Roman numerals.")
            yield warning(document.where(index), message.format(label=label[1]))
        if label and (not all_bold(paragraph.runs) or paragraph.alignment != "center"):
            message = _("The line “{label} …” must be bold and centred.")
            yield warning(document.where(index), message.format(label=label[1]))
        if ROMAN.match(text) and len(text) < 200:
            lead = text.split(":")[0]
            if lead != lead.upper() or not all_bold(paragraph.runs[:1]):
                yield warning(
                    document.where(index),
                    _("Roman-numbered headings (I., II., …) must be in capitals and bold."),
                )
        if ARTICLE.match(text) and not all_bold(paragraph.runs[:1]):
            yield warning(document.where(index), _("The line “Điều …” must be bold."))


@rule("B5", N_("Order of the point letters"), f"{PL1}, mục II.6.đ", Severity.WARNING)
def point_letters(document: Document) -> Iterator[Hit]:
    expected = 0
    for index in document.parts.body:
        text = document.paragraphs[index].text.strip()
        point = POINT.match(text)
        if point is None:
            if NUMBERED.match(text):
                expected = 0
            continue
        letter = point["letter"]
        want = VIETNAMESE_LETTERS[expected] if expected < len(VIETNAMESE_LETTERS) else None
        if letter in ("f", "j", "w", "z"):
            yield warning(
                document.where(index),
                _(
                    "The letter “{letter}” is not in the Vietnamese alphabet used to letter points."
                ).format(letter=letter),
            )
        elif want is not None and letter != want:
            yield warning(
                document.where(index),
                _(
                    "Point “{letter})” stands where “{expected})” belongs (a, b, c, d, đ, e, g…)."
                ).format(letter=letter, expected=want),
            )
        expected = (
            VIETNAMESE_LETTERS.index(letter) + 1 if letter in VIETNAMESE_LETTERS else expected + 1
        )


@rule("B6", N_("End mark “./.”"), f"{PL3}, các mẫu", Severity.WARNING)
def end_mark(document: Document) -> Iterator[Hit]:
    body = document.parts.body
    if not body:
        yield unknown(BODY)
        return
    last = body[-1]
    if not END_MARK.search(document.paragraphs[last].text):
        yield warning(document.where(last), _("The body must end with the mark “./.”."))
