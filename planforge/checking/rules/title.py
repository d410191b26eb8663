"""T1–T2: type name and subject (ô 5a); "V/v" subject of an official letter (ô 5b)."""

from __future__ import annotations

from collections.abc import Iterator

from planforge.checking.document import Document
from planforge.checking.registry import Hit, error, rule
from planforge.checking.rules._common import PL1, grouped, missing, typeface
from planforge.checking.text import rule_mm
from planforge.text.metrics import text_width_mm, wrap_lines

TITLE_RULE = (1 / 3 - 0.02, 1 / 2 + 0.02)
TEXT_WIDTH_MM = 160.0
"""Text width of an A4 page with the decree's middle margins (32.5 + 17.5 mm)."""


@rule("T1", "Tên loại và trích yếu nội dung", f"{PL1}, mục II.5.b")
def type_name(document: Document) -> Iterator[Hit]:
    parts = document.parts
    if document.is_cong_van:
        return
    found = parts.type_name
    if found is None:
        yield missing(document, "tên loại văn bản (ví dụ “KẾ HOẠCH”) dưới phần đầu văn bản")
        return
    where = document.where(found)
    if document.kind is not None and parts.document_type is not document.kind:
        yield error(
            where, f"Tên loại phải là “{document.kind.title.upper()}”, đang là “{found.text}”."
        )
    yield from typeface(document, found, "Tên loại văn bản", low=13, high=14, bold=True, caps=True)
    if found.paragraph.alignment != "center":
        yield error(where, "Tên loại văn bản phải canh giữa.")
    if not parts.subject:
        yield error(where, "Thiếu trích yếu nội dung dưới tên loại văn bản.")
        return
    yield from grouped(
        hit
        for line in parts.subject
        for hit in typeface(document, line, "Trích yếu nội dung", low=13, high=14, bold=True)
    )
    off = [line for line in parts.subject if line.paragraph.alignment != "center"]
    if off:
        yield error(document.where(off[0]), "Trích yếu nội dung phải canh giữa.")
    yield from _title_rule(document)


def _title_rule(document: Document) -> Iterator[Hit]:
    parts = document.parts
    line = parts.title_rule
    if line is None:
        yield error(
            document.where(parts.subject[-1]), "Thiếu đường kẻ ngang dưới trích yếu nội dung."
        )
        return
    length = rule_mm(line.paragraph, line.runs)
    runs = [run for piece in parts.subject for run in piece.runs]
    if length is None or not runs:
        return
    size = max(run.size_pt for run in runs)
    text = " ".join(piece.text for piece in parts.subject)
    longest = max(
        text_width_mm(line_text, size, bold=True)
        for line_text in wrap_lines(text, TEXT_WIDTH_MM, size, bold=True)
    )
    if longest and not TITLE_RULE[0] <= length / longest <= TITLE_RULE[1]:
        yield error(
            document.where(line),
            "Đường kẻ dưới trích yếu phải dài 1/3 đến 1/2 dòng chữ, "
            f"đang bằng {length / longest:.0%}.",
        )


@rule("T2", "Trích yếu công văn “V/v”", f"{PL1}, mục II.5.b")
def about(document: Document) -> Iterator[Hit]:
    if not document.is_cong_van:
        return
    parts = document.parts
    if parts.type_name is not None:
        yield error(document.where(parts.type_name), "Công văn không có dòng tên loại văn bản.")
    if not parts.about:
        yield missing(document, "trích yếu nội dung công văn (“V/v …”) dưới số, ký hiệu")
        return
    for line in parts.about:
        yield from typeface(document, line, "Trích yếu công văn", low=12, high=13, bold=False)
    number = parts.number
    if number is not None and parts.about[0].side != number.side:
        yield error(document.where(parts.about[0]), "Trích yếu công văn phải đặt dưới số, ký hiệu.")
