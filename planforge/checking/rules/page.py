"""P1–P6: paper, orientation, margins, fonts and Unicode, colour, page numbers (PL I, Phần I, I)."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from planforge.checking.document import Document
from planforge.checking.findings import Severity
from planforge.checking.registry import Hit, error, not_evaluated, rule, warning
from planforge.checking.rules._common import PL1, first_and_count
from planforge.checking.text import size_text, within

A4 = (11906, 16838)
PAPER_TOLERANCE = 20
MARGIN_TOLERANCE = 28
MARGINS = {
    "top": ("trên", 1134, 1418, "20–25 mm"),
    "bottom": ("dưới", 1134, 1418, "20–25 mm"),
    "left": ("trái", 1701, 1985, "30–35 mm"),
    "right": ("phải", 851, 1134, "15–20 mm"),
}
FONT = "Times New Roman"
LEGACY_PREFIXES = (".vn", "vni-", "vni ", "vn-", "abc", "vntime", "vnarial")


def _section(document: Document, number: int) -> str:
    return "page setup" if len(document.sections) == 1 else f"page setup, section {number + 1}"


def _mm(twips: int) -> str:
    return f"{twips / 56.7:.1f}".replace(".", ",") + " mm"


@rule("P1", "Khổ giấy A4", f"{PL1}, mục I.1")
def paper(document: Document) -> Iterator[Hit]:
    if not document.sections:
        yield not_evaluated("page setup", "Văn bản không có thiết lập trang (sectPr).")
    for number, page in enumerate(document.sections):
        if page.width is None or page.height is None:
            yield error(_section(document, number), "Không khai báo khổ giấy; phải là A4.")
            continue
        size = tuple(sorted((page.width, page.height)))
        if any(abs(a - b) > PAPER_TOLERANCE for a, b in zip(size, A4, strict=True)):
            yield error(
                _section(document, number),
                f"Khổ giấy phải là A4 (210 × 297 mm), đang là "
                f"{_mm(page.width)} × {_mm(page.height)}.",
            )


@rule("P2", "Hướng trang dọc", f"{PL1}, mục I.2", Severity.WARNING)
def orientation(document: Document) -> Iterator[Hit]:
    parts = document.parts
    blocks = [parts.national_title, parts.number, parts.date, parts.recipients_label]
    used = {p.cell[0] for p in [*blocks, *parts.signature] if p is not None and p.cell}
    body_tables = bool(document.tables - used)
    for number, page in enumerate(document.sections):
        if page.orientation == "landscape" and not body_tables:
            yield warning(
                _section(document, number),
                "Trang nằm ngang chỉ dùng khi nội dung có bảng biểu; văn bản trình bày theo "
                "chiều dài khổ A4.",
            )


@rule("P3", "Lề trang", f"{PL1}, mục I.3")
def margins(document: Document) -> Iterator[Hit]:
    for number, page in enumerate(document.sections):
        for side, (name, low, high, span) in MARGINS.items():
            value = getattr(page, side)
            if value is None:
                yield error(_section(document, number), f"Không khai báo lề {name}.")
            elif not low - MARGIN_TOLERANCE <= value <= high + MARGIN_TOLERANCE:
                yield error(
                    _section(document, number),
                    f"Lề {name} đang là {_mm(value)}; quy định {span}.",
                )


def _legacy(font: str) -> bool:
    return font.lower().startswith(LEGACY_PREFIXES)


@rule("P4", "Phông chữ Times New Roman, bảng mã Unicode (NFC)", f"{PL1}, mục I.4")
def fonts(document: Document) -> Iterator[Hit]:
    wrong: dict[str, list[int]] = {}
    for index, located in enumerate(document.paragraphs):
        for run in located.paragraph.runs:
            if not run.text.strip():
                continue
            for font in {run.font_ascii, run.font_hansi} - {FONT}:
                wrong.setdefault(font, []).append(index)
            for font in {run.font_cs, run.font_east_asia}:
                if _legacy(font):
                    wrong.setdefault(font, []).append(index)
    for font, indexes in wrong.items():
        where = first_and_count(document, sorted(set(indexes)))
        if _legacy(font):
            yield error(
                where,
                f"Phông chữ cũ {font} (bảng mã TCVN3/VNI) không được dùng; phải dùng phông "
                f"{FONT}, bảng mã Unicode TCVN 6909:2001.",
            )
        else:
            yield error(where, f"Phông chữ phải là {FONT}, đang dùng {font}.")
    nfd = [
        i
        for i, p in enumerate(document.paragraphs)
        if unicodedata.normalize("NFC", p.text) != p.text
    ]
    if nfd:
        yield error(
            first_and_count(document, nfd),
            "Chữ tiếng Việt không ở dạng dựng sẵn (Unicode NFC): dấu được gõ tách rời chữ cái; "
            "hãy chuyển sang Unicode dựng sẵn.",
        )


@rule("P5", "Màu chữ đen", f"{PL1}, mục I.4", Severity.WARNING)
def colour(document: Document) -> Iterator[Hit]:
    coloured = [
        i
        for i, p in enumerate(document.paragraphs)
        if any(r.text.strip() and r.color not in ("auto", "000000") for r in p.paragraph.runs)
    ]
    if coloured:
        yield warning(first_and_count(document, coloured), "Chữ phải màu đen.")


@rule("P6", "Số trang", f"{PL1}, mục I.7")
def page_numbers(document: Document) -> Iterator[Hit]:
    pages = document.layout.pages if document.layout else None
    for info in document.headers[:1]:
        if info.footer_page_field and not info.page_field:
            yield error(
                "page footer", "Số trang phải đặt ở lề trên (phần đầu trang), không ở lề dưới."
            )
        elif not info.page_field and pages != 1:
            yield error(
                "page header",
                "Văn bản không có số trang: đánh số trang bằng chữ số Ả Rập, canh giữa ở lề trên, "
                "từ trang thứ hai.",
            )
        if (info.page_field and not info.title_pg) or info.first_page_field:
            yield error("page header", "Không hiển thị số trang ở trang thứ nhất.")
        if info.page_field and info.page_field_alignment != "center":
            yield error("page header", "Số trang phải canh giữa theo chiều ngang.")
        size = info.page_field_size_pt
        if info.page_field and size is not None and not within({size}, 13, 14):
            yield error(
                "page header", f"Số trang phải cỡ chữ 13–14 pt, đang là {size_text({size})}."
            )
