"""T1–T2: type name and subject (ô 5a); "V/v" subject of an official letter (ô 5b)."""

from __future__ import annotations

from collections.abc import Iterator

from planforge.checking.document import Document
from planforge.checking.pieces import Piece
from planforge.checking.registry import Hit, error, rule
from planforge.checking.rules._common import PL1, grouped, missing, typeface
from planforge.checking.text import rule_mm
from planforge.i18n import N_, _
from planforge.text.metrics import text_width_mm, wrap_lines

TITLE_RULE = (1 / 3 - 0.02, 1 / 2 + 0.02)
TEXT_WIDTH_MM = 160.0
"""Text width of an A4 page with the decree's middle margins (32.5 + 17.5 mm), used when
the document's first section does not give its page width and margins."""
TEXT_WIDTHS_MM = (155.0, 165.0)
"""The text widths the decree's margins allow on A4 (left 30–35 mm, right 15–20 mm)."""
TWIPS_PER_MM = 56.7


def text_width_of(document: Document, piece: Piece) -> float:
    """The width the piece wraps at: the page's text area, less the paragraph's indents.

    The area is kept within what the decree's margins allow: a page with wrong margins
    is rule P3's finding, and the line under the subject is judged on the page as it
    should be laid out.
    """
    page = document.sections[0] if document.sections else None
    width = TEXT_WIDTH_MM
    if page is not None and None not in (page.width, page.left, page.right):
        margins = (page.left or 0) + (page.right or 0) + (page.gutter or 0)
        width = ((page.width or 0) - margins) / TWIPS_PER_MM
        width = min(max(width, TEXT_WIDTHS_MM[0]), TEXT_WIDTHS_MM[1])
    indents = 10 * (piece.paragraph.left_cm + piece.paragraph.right_cm)
    return max(width - indents, 20.0)


@rule("T1", N_("Type name and subject"), f"{PL1}, mục II.5.b")
def type_name(document: Document) -> Iterator[Hit]:
    parts = document.parts
    if document.is_cong_van:
        return
    found = parts.type_name
    if found is None:
        yield missing(document, N_("the type name (e.g. “KẾ HOẠCH”) under the header"))
        return
    where = document.where(found)
    if document.kind is not None and parts.document_type is not document.kind:
        message = _("The type name must be “{expected}”; it is “{text}”.")
        yield error(where, message.format(expected=document.kind.title.upper(), text=found.text))
    yield from typeface(document, found, N_("The type name"), low=13, high=14, bold=True, caps=True)
    if found.paragraph.alignment != "center":
        yield error(where, _("The type name must be centred."))
    if not parts.subject:
        yield error(where, _("The subject is missing under the type name."))
        return
    yield from grouped(
        hit
        for line in parts.subject
        for hit in typeface(document, line, N_("The subject"), low=13, high=14, bold=True)
    )
    off = [line for line in parts.subject if line.paragraph.alignment != "center"]
    if off:
        yield error(document.where(off[0]), _("The subject must be centred."))
    yield from _title_rule(document)


def _title_rule(document: Document) -> Iterator[Hit]:
    parts = document.parts
    line = parts.title_rule
    if line is None:
        yield error(
            document.where(parts.subject[-1]), _("A horizontal line is missing under the subject.")
        )
        return
    length = rule_mm(line.paragraph, line.runs)
    runs = [run for piece in parts.subject for run in piece.runs]
    if length is None or not runs:
        return
    size = max(run.size_pt for run in runs)
    longest = max(  # each paragraph or line-broken piece wraps on its own
        text_width_mm(line_text, size, bold=True)
        for piece in parts.subject
        for line_text in wrap_lines(piece.text, text_width_of(document, piece), size, bold=True)
    )
    if longest and not TITLE_RULE[0] <= length / longest <= TITLE_RULE[1]:
        yield error(
            document.where(line),
            _(
                "The line under the subject must be 1/3 to 1/2 as long as its line of text; "
                "it is {ratio:.0%}."
            ).format(ratio=length / longest),
        )


@rule("T2", N_("Subject of an official letter (“V/v”)"), f"{PL1}, mục II.5.b")
def about(document: Document) -> Iterator[Hit]:
    if not document.is_cong_van:
        return
    parts = document.parts
    if parts.type_name is not None:
        yield error(
            document.where(parts.type_name),
            _("An official letter (công văn) has no type name line."),
        )
    if not parts.about:
        yield missing(document, N_("the letter's subject (“V/v …”) under the number and code"))
        return
    for line in parts.about:
        yield from typeface(document, line, N_("The letter's subject"), low=12, high=13, bold=False)
    number = parts.number
    if number is not None and parts.about[0].side != number.side:
        yield error(
            document.where(parts.about[0]),
            _("The letter's subject must be under the number and code."),
        )
