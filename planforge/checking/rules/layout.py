"""L1–L7: what only the printed page shows (``--layout``: the PDF LibreOffice makes).

Each rule finds the parts located in the .docx among the visual lines of the PDF.
"""

from __future__ import annotations

from collections.abc import Iterator

from planforge.checking.document import Document, Layout
from planforge.checking.pdf_layout import Line
from planforge.checking.pieces import Piece
from planforge.checking.registry import Hit, error, not_evaluated, rule
from planforge.checking.rules._common import PL1
from planforge.checking.text import key
from planforge.i18n import N_, _

LEVEL_PT = 3.0
"""How far apart (points) two lines may be and still count as level."""
CENTRE_PT = 4.0
"""How far (points) from the centre of the text area a centred line may be."""
MOTTO_RULE = (0.9, 1.1)


def _find(layout: Layout, piece: Piece | None, page: int | None = None) -> Line | None:
    """The first printed line that reads the piece's text (the whole text on one line)."""
    if piece is None:
        return None
    wanted = key(piece.text)
    for line in layout.lines:
        if (page is None or line.page == page) and wanted and wanted in key(line.text):
            return line
    return None


def _starts(layout: Layout, piece: Piece | None) -> Line | None:
    """The printed line where the piece's text starts: a line holding all of it, else the
    first line whose text begins the piece's text (a wrapped piece)."""
    if piece is None:
        return None
    whole = _find(layout, piece)
    if whole is not None:
        return whole
    wanted = key(piece.text)
    return next(
        (ln for ln in layout.lines if key(ln.text) and wanted.startswith(key(ln.text))), None
    )


def _text_area(document: Document, section: int = 0) -> tuple[float, float]:
    page = document.sections[section] if document.sections else None
    width = (page.width or 11906) / 20 if page else 595.3
    left = (page.left or 1701) / 20 if page else 85.05
    right = (page.right or 851) / 20 if page else 42.55
    return left, width - right


def _layout(document: Document) -> Layout:
    assert document.layout is not None
    return document.layout


@rule("L1", N_("National title and motto each on one line"), f"{PL1}, mục II.1", layout=True)
def one_line(document: Document) -> Iterator[Hit]:
    layout = _layout(document)
    for piece, name in (
        (document.parts.national_title, N_("The national title")),
        (document.parts.motto, N_("The motto")),
    ):
        if piece is None:
            continue
        if _find(layout, piece, page=1) is None:
            yield error(
                document.where(piece),
                _("{name} breaks over several lines when printed; it must fit on one line.").format(
                    name=_(name)
                ),
            )


@rule(
    "L2",
    N_("Line under the motto as long as the motto (printed)"),
    f"{PL1}, mục II.1.b",
    layout=True,
)
def motto_rule(document: Document) -> Iterator[Hit]:
    layout = _layout(document)
    parts = document.parts
    motto = _find(layout, parts.motto, page=1)
    if motto is None or parts.motto_rule is None or "_" not in parts.motto_rule.text:
        return
    below = [
        ln
        for ln in layout.lines
        if ln.page == 1
        and ln.y_min > motto.y_min + 1
        and set(ln.text) == {"_"}
        and motto.x_min - 5 <= ln.centre <= motto.x_max + 5
    ]
    if not below:
        yield not_evaluated(
            document.where(parts.motto_rule),
            _("The line under the motto is not seen on the printed page."),
        )
        return
    ratio = below[0].width / motto.width
    if not MOTTO_RULE[0] <= ratio <= MOTTO_RULE[1]:
        yield error(
            document.where(parts.motto_rule),
            _(
                "On the printed page, the line under the motto is {ratio:.0%} of the motto; "
                "it must be as long."
            ).format(ratio=ratio),
        )


@rule(
    "L3",
    N_("Number and code level with the place and date (printed)"),
    f"{PL1}, mục II.4",
    layout=True,
)
def number_level_with_date(document: Document) -> Iterator[Hit]:
    layout = _layout(document)
    piece = document.parts.date
    number = _starts(layout, document.parts.number)
    date = _starts(layout, piece)
    if number is None or date is None or piece is None:
        return
    if number.page != date.page or abs(number.y_max - date.y_max) > LEVEL_PT:
        yield error(
            document.where(piece),
            _(
                "On the printed page, the place and date are not on the line of the number "
                "and code."
            ),
        )


@rule("L4", N_("Type name centred (printed)"), f"{PL1}, mục II.5", layout=True)
def type_name_centred(document: Document) -> Iterator[Hit]:
    line = _find(_layout(document), document.parts.type_name)
    if line is None or document.parts.type_name is None:
        return
    left, right = _text_area(document)
    if abs(line.centre - (left + right) / 2) > CENTRE_PT:
        yield error(
            document.where(document.parts.type_name),
            _("On the printed page, the type name is not centred on the text area."),
        )


@rule(
    "L5",
    N_("“Nơi nhận” level with the first line of the signature block (printed)"),
    f"{PL1}, mục II.9.d",
    layout=True,
)
def label_level(document: Document) -> Iterator[Hit]:
    layout = _layout(document)
    parts = document.parts
    label = _find(layout, parts.recipients_label)
    first = _starts(layout, parts.signature[0]) if parts.signature else None
    if label is None or first is None or parts.recipients_label is None:
        return
    if label.page != first.page or abs(label.y_min - first.y_min) > LEVEL_PT:
        yield error(
            document.where(parts.recipients_label),
            _(
                "On the printed page, “Nơi nhận:” is not level with the first line of the "
                "signer's authority and title."
            ),
        )


@rule(
    "L6",
    N_("Recipients and signature whole on one page, not alone (printed)"),
    f"{PL1}, mục II.7, II.9",
    layout=True,
)
def block_whole(document: Document) -> Iterator[Hit]:
    layout = _layout(document)
    parts = document.parts
    pieces = [parts.recipients_label, *parts.recipients[-1:], *parts.signature]
    lines = [_starts(layout, p) for p in pieces if p is not None]
    found = [ln for ln in lines if ln is not None]
    if not found or parts.recipients_label is None:
        return
    where = document.where(parts.recipients_label)
    pages = {ln.page for ln in found}
    if len(pages) > 1:
        yield error(
            where,
            _(
                "The recipients and the signature block are split over {count} pages; they "
                "must fit on one page."
            ).format(count=len(pages)),
        )
        return
    top = min(found, key=lambda ln: ln.y_min)
    body = [ln for ln in layout.lines if ln.page == top.page and ln.y_max < top.y_min - 1]
    if top.page > 1 and not [ln for ln in body if not ln.text.strip().isdigit()]:
        yield error(
            where,
            _(
                "The recipients and the signature block stand alone on a page, with no line "
                "of the body."
            ),
        )


@rule(
    "L7",
    N_("Page numbers centred in the top margin from page 2 (printed)"),
    f"{PL1}, mục I.7, III.1",
    layout=True,
)
def page_numbers(document: Document) -> Iterator[Hit]:
    """Page 1 shows no number, later pages theirs, centred; each appendix counts from 1."""
    layout = _layout(document)
    top = [ln for ln in layout.lines if ln.y_max < _band(document, 0)]
    if any(ln.page == 1 for ln in top):
        yield error(
            "page 1",
            _(
                "On the printed page, page 1 has text in the top margin (page 1 shows no page "
                "number)."
            ),
        )
    start, section = 1, 0
    for number in range(2, layout.pages + 1):
        shown = [ln.text for ln in top if ln.page == number]
        if _appendix_starts(layout, number, top) and shown in ([], ["1"]):
            start, section = number, min(section + 1, len(document.sections) - 1)
            continue
        expected = str(number - start + 1)
        line = next((ln for ln in top if ln.page == number), None)
        left, right = _text_area(document, section)
        if shown != [expected] or line is None:
            message = _("Page {page} must show the page number “{expected}” in the top margin.")
            yield error(f"page {number}", message.format(page=number, expected=expected))
        elif abs(line.centre - (left + right) / 2) > CENTRE_PT:
            message = _("The page number on page {page} is not centred.")
            yield error(f"page {number}", message.format(page=number))


def _band(document: Document, section: int) -> float:
    """The top margin in points, a little less: what is printed above it is in the header."""
    page = document.sections[section] if document.sections else None
    return (page.top or 1134) / 20 - 2 if page else 54.7


ATTACHED_LINES = 5
"""Lines from the top of a page in which an attached text's "(Ban hành kèm theo …)" is sought."""


def _appendix_starts(layout: Layout, page: int, top: list[Line]) -> bool:
    """Whether the page starts an appendix ("Phụ lục …") or a text issued with the document
    (a Quy chế under its title: "(Ban hành kèm theo Quyết định số …)"), counted from 1."""
    body = [ln for ln in layout.lines if ln.page == page and ln not in top]
    if body and key(body[0].text).startswith("PHỤ LỤC"):
        return True
    return any(
        key(ln.text).startswith(("(BAN HÀNH KÈM THEO", "(KÈM THEO")) for ln in body[:ATTACHED_LINES]
    )
