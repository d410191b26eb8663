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
from planforge.text.labels import VIETNAMESE_LETTERS

INDENTS_CM = (1.0, 1.27)
INDENT_TOLERANCE_CM = 0.05
ROMAN = re.compile(r"^(?P<label>[IVXLC]+)\.\s+\S")
PART_LABEL = re.compile(r"^(Phần|Chương|Mục|Tiểu mục)\s+(?P<number>[IVXLC]+|\d+)$", re.IGNORECASE)
ARTICLE = re.compile(r"^Điều\s+\d+\.")
POINT = re.compile(r"^(?P<letter>[a-zđ]{1,2})\)\s")
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


@rule("B1", "Phần nội dung: cỡ chữ, canh đều, thụt đầu dòng", f"{PL1}, mục II.6.e")
def body_text(document: Document) -> Iterator[Hit]:
    body = document.parts.body
    if not body:
        yield unknown("phần nội dung văn bản")
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
            f"Chữ phần nội dung phải cỡ 13–14 pt, đang là {size}.",
        )
    if aligned:
        yield error(first_and_count(document, aligned), "Đoạn văn phải canh đều hai lề.")
    if indented:
        yield error(
            first_and_count(document, indented),
            "Đoạn văn phải lùi đầu dòng 1 cm hoặc 1,27 cm.",
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


@rule("B2", "Khoảng cách đoạn, giãn dòng", f"{PL1}, mục II.6.e")
def spacing(document: Document) -> Iterator[Hit]:
    body = document.parts.body
    if not body:
        yield unknown("phần nội dung văn bản")
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
        yield error(
            first_and_count(document, tight), "Khoảng cách giữa các đoạn văn tối thiểu 6 pt."
        )
    if lines:
        yield error(
            first_and_count(document, lines), "Khoảng cách giữa các dòng từ 1 dòng đến 1,5 dòng."
        )
    if exact:
        yield warning(
            first_and_count(document, exact),
            "Giãn dòng cố định ngoài khoảng 15–24 pt (tương đương 1 đến 1,5 dòng ở cỡ chữ 13–14).",
        )


@rule("B3", "Căn cứ ban hành", f"{PL1}, mục II.6.a", Severity.WARNING)
def legal_bases(document: Document) -> Iterator[Hit]:
    bases = []
    for index in document.parts.body:
        if not document.paragraphs[index].text.strip().startswith("Căn cứ"):
            break
        bases.append(index)
    for index in bases:
        paragraph = document.paragraphs[index].paragraph
        if not all_italic(paragraph.runs):
            yield warning(document.where(index), "Căn cứ ban hành phải in nghiêng.")
        if not paragraph.text.rstrip().endswith((";", ".", ",")):
            yield warning(
                document.where(index),
                "Mỗi căn cứ kết thúc bằng dấu chấm phẩy (;), căn cứ cuối bằng dấu chấm (.).",
            )


@rule("B4", "Phần, chương, mục, điều và đề mục", f"{PL1}, mục II.6.đ và mục V", Severity.WARNING)
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
            yield warning(document.where(index), f"{label[1]} đánh số bằng chữ số La Mã.")
        if label and (not all_bold(paragraph.runs) or paragraph.alignment != "center"):
            yield warning(document.where(index), f"Dòng “{label[1]} …” phải in đậm, canh giữa.")
        if ROMAN.match(text) and len(text) < 200:
            lead = text.split(":")[0]
            if lead != lead.upper() or not all_bold(paragraph.runs[:1]):
                yield warning(
                    document.where(index), "Đề mục cấp La Mã (I., II., …) phải in hoa, in đậm."
                )
        if ARTICLE.match(text) and not all_bold(paragraph.runs[:1]):
            yield warning(document.where(index), "Dòng “Điều …” phải in đậm.")


@rule("B5", "Thứ tự chữ cái của điểm", f"{PL1}, mục II.6.đ", Severity.WARNING)
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
                f"Chữ cái “{letter}” không có trong bảng chữ cái tiếng Việt dùng đánh số điểm.",
            )
        elif want is not None and letter != want:
            yield warning(
                document.where(index),
                f"Điểm “{letter})” đứng ở vị trí của “{want})” (a, b, c, d, đ, e, g…).",
            )
        expected = (
            VIETNAMESE_LETTERS.index(letter) + 1 if letter in VIETNAMESE_LETTERS else expected + 1
        )


@rule("B6", "Dấu kết thúc “./.”", f"{PL3}, các mẫu", Severity.WARNING)
def end_mark(document: Document) -> Iterator[Hit]:
    body = document.parts.body
    if not body:
        yield unknown("phần nội dung văn bản")
        return
    last = body[-1]
    if not END_MARK.search(document.paragraphs[last].text):
        yield warning(document.where(last), "Phần nội dung phải kết thúc bằng dấu “./.”.")
