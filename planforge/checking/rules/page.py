"""P1–P6: paper, orientation, margins, fonts and Unicode, colour, page numbers (PL I, Phần I, I)."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from planforge.checking.document import Document
from planforge.checking.findings import Severity
from planforge.checking.fonts import font_kinds, used_fonts
from planforge.checking.page_fill import ONE_PAGE, page_fill
from planforge.checking.registry import Hit, error, not_evaluated, rule, warning
from planforge.checking.rules._common import PL1, first_and_count
from planforge.checking.text import size_text, within
from planforge.i18n import N_, _

A4 = (11906, 16838)
PAPER_TOLERANCE = 20
MARGIN_TOLERANCE = 28
MARGINS = {
    "top": (N_("top"), 1134, 1418, "20–25 mm"),
    "bottom": (N_("bottom"), 1134, 1418, "20–25 mm"),
    "left": (N_("left"), 1701, 1985, "30–35 mm"),
    "right": (N_("right"), 851, 1134, "15–20 mm"),
}
FONT = "Times New Roman"


def _section(document: Document, number: int) -> str:
    return "page setup" if len(document.sections) == 1 else f"page setup, section {number + 1}"


def _mm(twips: int) -> str:
    return f"{twips / 56.7:.1f}".replace(".", ",") + " mm"


@rule("P1", N_("A4 paper"), f"{PL1}, mục I.1")
def paper(document: Document) -> Iterator[Hit]:
    if not document.sections:
        yield not_evaluated("page setup", _("The document has no page setup (sectPr)."))
    for number, page in enumerate(document.sections):
        if page.width is None or page.height is None:
            yield error(_section(document, number), _("No paper size is set; it must be A4."))
            continue
        size = tuple(sorted((page.width, page.height)))
        if any(abs(a - b) > PAPER_TOLERANCE for a, b in zip(size, A4, strict=True)):
            message = _("The paper must be A4 (210 × 297 mm); it is {width} × {height}.")
            yield error(
                _section(document, number),
                message.format(width=_mm(page.width), height=_mm(page.height)),
            )


@rule("P2", N_("Portrait orientation"), f"{PL1}, mục I.2", Severity.WARNING)
def orientation(document: Document) -> Iterator[Hit]:
    parts = document.parts
    blocks = [parts.national_title, parts.number, parts.date, parts.recipients_label]
    used = {p.cell[0] for p in [*blocks, *parts.signature] if p is not None and p.cell}
    body_tables = bool(document.tables - used)
    for number, page in enumerate(document.sections):
        if page.orientation == "landscape" and not body_tables:
            yield warning(
                _section(document, number),
                _(
                    "Landscape pages are only for content with tables; the document is laid "
                    "out in portrait A4."
                ),
            )


@rule("P3", N_("Page margins"), f"{PL1}, mục I.3")
def margins(document: Document) -> Iterator[Hit]:
    for number, page in enumerate(document.sections):
        for side, (name, low, high, span) in MARGINS.items():
            value = getattr(page, side)
            if value is None:
                message = _("No {side} margin is set.").format(side=_(name))
                yield error(_section(document, number), message)
            elif not low - MARGIN_TOLERANCE <= value <= high + MARGIN_TOLERANCE:
                message = _("The {side} margin is {value}; the decree requires {span}.")
                yield error(
                    _section(document, number),
                    message.format(side=_(name), value=_mm(value), span=span),
                )


@rule("P4", N_("Times New Roman font, Unicode encoding (NFC)"), f"{PL1}, mục I.4")
def fonts(document: Document) -> Iterator[Hit]:
    kinds = font_kinds()
    wrong: dict[str, list[int]] = {}
    for index, located in enumerate(document.paragraphs):
        for run in located.paragraph.runs:
            for font in used_fonts(run) - {FONT}:
                if not kinds.is_symbol(font):  # bullets and ticks, not text
                    wrong.setdefault(font, []).append(index)
    for font, indexes in wrong.items():
        where = first_and_count(document, sorted(set(indexes)))
        encoding = kinds.legacy_encoding(font)
        if encoding is not None:
            message = _(
                "The legacy font {font} ({encoding} encoding) must not be used; use "
                "{required} in Unicode (TCVN 6909:2001)."
            )
            yield error(where, message.format(font=font, encoding=encoding, required=FONT))
        else:
            message = _("The font must be {required}; {font} is used.")
            yield error(where, message.format(required=FONT, font=font))
    nfd = [
        i
        for i, p in enumerate(document.paragraphs)
        if unicodedata.normalize("NFC", p.text) != p.text
    ]
    if nfd:
        yield error(
            first_and_count(document, nfd),
            _(
                "Vietnamese text is not precomposed (Unicode NFC): the diacritics are typed "
                "apart from their letters; convert the text to precomposed Unicode."
            ),
        )


@rule("P5", N_("Black text"), f"{PL1}, mục I.4", Severity.WARNING)
def colour(document: Document) -> Iterator[Hit]:
    coloured = [
        i
        for i, p in enumerate(document.paragraphs)
        if any(r.text.strip() and r.color not in ("auto", "000000") for r in p.paragraph.runs)
    ]
    if coloured:
        yield warning(first_and_count(document, coloured), _("Text must be black."))


@rule("P6", N_("Page numbers"), f"{PL1}, mục I.7")
def page_numbers(document: Document) -> Iterator[Hit]:
    if document.layout is not None:
        one_page = document.layout.pages == 1
    else:
        one_page = page_fill(document.paragraphs, document.sections) <= ONE_PAGE
    for info in document.headers[:1]:
        if info.footer_page_field and not info.page_field:
            yield error(
                "page footer",
                _("Page numbers belong in the top margin (the page header), not the bottom one."),
            )
        elif not info.page_field and not one_page:
            yield error(
                "page header",
                _(
                    "The document has no page numbers: number the pages in Arabic numerals, "
                    "centred in the top margin, from the second page."
                ),
            )
        if (info.page_field and not info.title_pg) or info.first_page_field:
            yield error("page header", _("The first page must not show a page number."))
        if info.page_field and info.page_field_alignment != "center":
            yield error("page header", _("Page numbers must be centred horizontally."))
        size = info.page_field_size_pt
        if info.page_field and size is not None and not within({size}, 13, 14):
            message = _("Page numbers must be set in 13–14 pt; they are {size}.")
            yield error("page header", message.format(size=size_text({size})))
