"""Finding the components (thành phần thể thức) of a document, wherever the author put them.

The national title, motto, agency, number, place and date, type name, subject, "V/v",
"Kính gửi", body, "Nơi nhận" and signature are recognised by their text, in tables
(any order of columns), in tab-separated plain paragraphs or stacked one per line;
"HOÀ"/"HÒA", en dashes, no-break spaces and NFD text are tolerated here (the rules
judge them).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from planforge.checking.formatting import LocatedParagraph
from planforge.checking.pieces import Piece, split_pieces
from planforge.checking.text import key
from planforge.model.document_type import DocumentType

__all__ = ["NATIONAL_TITLE", "Parts", "bare", "locate"]

NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO_KEY = "ĐỘC LẬP - TỰ DO - HẠNH PHÚC"
HEADER_REACH = 40
"""Paragraphs from the top in which the header block is looked for."""
NUMBER = re.compile(r"^S[ốỐ]\s*[:.]?\s*[\d\s\u00a0]*/", re.IGNORECASE)
NUMBER_WORD = re.compile(r"^Số\b", re.IGNORECASE)
DATE = re.compile(r"ngày\b.*\btháng\b.*\bnăm\b", re.IGNORECASE)
AUTHORITY = re.compile(r"^(?:(?:TM|KT|TL|TUQ|Q)\s*\.|(?:T/M|K/T|T/L)\.?|(?:TM|KT|TL|TUQ)\s)\s*\S")
AUTHORITY_STRICT = re.compile(r"^(TM|KT|TL|TUQ|Q)\s*\.")
MARKS = ("HỎA TỐC", "THƯỢNG KHẨN", "KHẨN", "LƯU HÀNH NỘI BỘ", "XEM XONG TRẢ LẠI", "DỰ THẢO")
TYPE_TITLES = {
    key(t.title): t
    for t in DocumentType
    if t.code or t is DocumentType.CONG_VAN
    if t not in (DocumentType.NGHI_DINH, DocumentType.THONG_TU)
}
QUALIFIER_WORDS = 2
"""Words a type name may carry after the type: "KẾ HOẠCH HÀNH ĐỘNG", "BÁO CÁO SƠ KẾT"."""
UNLISTED_WORDS = (2, 4)
"""Length of the type name of a type Phụ lục III does not list ("PHIẾU TRÌNH")."""
_NOT_A_NAME = re.compile(r"[\d,.:;()/\[\]\-]")


@dataclass
class Parts:
    """Where each component is; ``None`` or empty when it was not found."""

    pieces: list[Piece]
    national_title: Piece | None = None
    motto: Piece | None = None
    motto_rule: Piece | None = None
    parents: list[Piece] = field(default_factory=list)
    agencies: list[Piece] = field(default_factory=list)
    agency_rule: Piece | None = None
    number: Piece | None = None
    date: Piece | None = None
    marks: list[Piece] = field(default_factory=list)
    about: list[Piece] = field(default_factory=list)
    type_name: Piece | None = None
    subject: list[Piece] = field(default_factory=list)
    title_rule: Piece | None = None
    kinh_gui: list[Piece] = field(default_factory=list)
    body: list[int] = field(default_factory=list)
    recipients_label: Piece | None = None
    recipients: list[Piece] = field(default_factory=list)
    signature: list[Piece] = field(default_factory=list)
    appendices: list[Piece] = field(default_factory=list)

    @property
    def document_type(self) -> DocumentType | None:
        """The type the type-name line names, if there is one (None for an unlisted type)."""
        return listed_type(self.type_name.text) if self.type_name else None


def listed_type(text: str) -> DocumentType | None:
    """The Phụ lục III type a type-name line names: alone in any case ("Kế hoạch"), or in
    capitals with a qualifier of one or two words ("KẾ HOẠCH HÀNH ĐỘNG", "THÔNG BÁO KẾT
    LUẬN"), the forms agencies print.

    >>> listed_type("BÁO CÁO SƠ KẾT").value, listed_type("QUYẾT ĐỊNH:")
    ('bao-cao', None)
    """
    found = key(text)
    if found in TYPE_TITLES:
        return TYPE_TITLES[found]
    words = found.split()
    if text != text.upper() or _NOT_A_NAME.search(found):
        return None
    for size in (3, 2, 1):
        head = " ".join(words[:size])
        if head in TYPE_TITLES and 0 < len(words) - size <= QUALIFIER_WORDS:
            return TYPE_TITLES[head]
    return None


def _unlisted_type_name(piece: Piece) -> bool:
    """A type name Phụ lục III does not list ("PHIẾU TRÌNH"): a short line of words in
    capitals, centred or bold, right under the header."""
    text = bare(piece.text)
    words = key(text).split()
    return (
        text == text.upper()
        and UNLISTED_WORDS[0] <= len(words) <= UNLISTED_WORDS[1]
        and not _NOT_A_NAME.search(text)
        and not key(text).startswith("KÍNH GỬI")
        and AUTHORITY.match(text) is None
        and key(text).strip(" .") not in MARKS
        and (piece.paragraph.alignment == "center" or _bold(piece))
    )


def locate(paragraphs: Sequence[LocatedParagraph]) -> Parts:
    """Recognise the components of a document from its paragraphs."""
    pieces = [piece for i, p in enumerate(paragraphs) for piece in split_pieces(i, p)]
    parts = Parts(pieces)
    top = [p for p in pieces if p.index < HEADER_REACH]
    _header(parts, top)
    _title(parts)
    _signature(parts)
    _body(parts, paragraphs)
    _appendices(parts)
    return parts


# --- header: ô 1–4, 5b, 10–11 --------------------------------------------------------


def bare(text: str) -> str:
    """Text without the emphasis marks of a pasted Markdown or e-mail text ("**KT. …**").

    >>> bare("**KT. CHỦ TỊCH")
    'KT. CHỦ TỊCH'
    """
    return text.strip().strip("*#").strip()


def _first(pieces: Sequence[Piece], test: object) -> Piece | None:
    return next((p for p in pieces if callable(test) and test(p)), None)


def _is_title(piece: Piece) -> bool:
    text = key(piece.text)
    return text == NATIONAL_TITLE or (text.startswith("CỘNG HÒA XÃ HỘI") and len(text) < 50)


def _is_motto(piece: Piece) -> bool:
    return key(piece.text).replace(" ", "").replace("-", "") == MOTTO_KEY.replace(" ", "").replace(
        "-", ""
    )


def _is_date(piece: Piece) -> bool:
    return "," in piece.text and len(piece.text) < 100 and DATE.search(piece.text) is not None


def _header(parts: Parts, top: list[Piece]) -> None:
    parts.national_title = _first(top, _is_title)
    parts.motto = _first(top, _is_motto)
    parts.number = _first(
        top,
        lambda p: len(p.text) < 60 and (NUMBER.match(p.text) or NUMBER_WORD.match(p.text)),
    )
    parts.date = _first(top, _is_date)
    parts.marks = [p for p in top[:12] if key(p.text).strip(" .") in MARKS]
    if parts.motto is not None:
        parts.motto_rule = _rule_after(parts.motto, top)
    end = max((p.order for p in _anchors(parts)), default=None)
    if end is None:
        return
    header = [p for p in top if p.order <= end or _same_cell_as_anchor(p, parts)]
    _agency(parts, header)
    _about(parts, top)
    _share_lines(parts)


def _share_lines(parts: Parts) -> None:
    """Tell apart the lines under the agency and the motto when one paragraph holds both.

    People who draw both lines often anchor them in one paragraph — an empty one under
    the header, or the "Số" paragraph. The line under the agency is 1/3 to 1/2 of a
    name of 12–13 pt, the line under the motto as long as the motto: the shorter shape
    is the agency's, the longer the motto's. When the motto's column has no line of its
    own, a second shape in the agency's line paragraph is the motto's.
    """
    agency, motto = parts.agency_rule, parts.motto_rule
    if motto is None and agency is not None and len(agency.paragraph.drawn_lines_mm) > 1:
        motto = agency
    if agency is not None and len(agency.paragraph.drawn_lines_mm) > 1:
        parts.agency_rule = _with_line(agency, min(agency.paragraph.drawn_lines_mm))
    if motto is not None and len(motto.paragraph.drawn_lines_mm) > 1:
        parts.motto_rule = _with_line(motto, max(motto.paragraph.drawn_lines_mm))


def _with_line(piece: Piece, width_mm: float) -> Piece:
    """The piece as if its paragraph drew only the line ``width_mm`` long."""
    paragraph = replace(piece.paragraph, drawn_lines_mm=(width_mm,))
    return replace(piece, located=replace(piece.located, paragraph=paragraph))


def _anchors(parts: Parts) -> list[Piece]:
    found = [parts.national_title, parts.motto, parts.motto_rule, parts.number, parts.date]
    return [p for p in found if p is not None]


def _same_cell_as_anchor(piece: Piece, parts: Parts) -> bool:
    return piece.cell is not None and any(piece.cell == a.cell for a in _anchors(parts))


def _rule_after(anchor: Piece, pieces: Sequence[Piece]) -> Piece | None:
    """The line under ``anchor``: the anchor's own border or underline, or the next rule
    piece in its column before any other text there, or a line shape anchored in the
    paragraph of that next text (see :func:`_drawn_above`)."""
    if anchor.paragraph.border_bottom or anchor.paragraph.drawn_lines_mm:
        return anchor
    inked = [run for run in anchor.runs if run.text.strip()]
    if inked and all(run.underline != "none" for run in inked):
        return anchor
    return _next_rule(anchor, pieces)


def _next_rule(anchor: Piece, pieces: Sequence[Piece]) -> Piece | None:
    for piece in pieces:
        if piece.order <= anchor.order or not _same_column(anchor, piece):
            continue
        if piece.is_rule:
            return piece
        if piece.text:
            return piece if _drawn_above(anchor, piece) else None
    return None


def _same_column(anchor: Piece, piece: Piece) -> bool:
    """In the anchor's column; a paragraph that only draws shapes spans both columns of a
    header laid out with tabs or spaces."""
    if piece.side == anchor.side:
        return True
    spanning = piece.side == ("plain",) and not piece.text and piece.paragraph.drawn_lines_mm
    return anchor.side[0] == "tab" and bool(spanning)


def _drawn_above(anchor: Piece, piece: Piece) -> bool:
    """Whether the line shape of ``piece``'s paragraph is the line under ``anchor``.

    Word anchors a drawn shape to the paragraph nearest where it was dropped: the line
    under the agency often hangs on the "Số" paragraph below it, the line under the
    motto on the date paragraph, drawn above their text. A shape in the next paragraph
    of the same column, with no text between, is taken as the line under the anchor.
    """
    return bool(piece.paragraph.drawn_lines_mm) and piece.index != anchor.index


def _agency(parts: Parts, header: list[Piece]) -> None:
    """Agency lines: caps text on the number's side above it (or before the title block)."""
    taken = {id(p) for p in [*_anchors(parts), *parts.marks]}
    national = parts.national_title.side if parts.national_title else None
    number = parts.number
    candidates = [
        p
        for p in header
        if id(p) not in taken
        and (number is None or p.order < number.order)
        and (number is None or p.side == number.side or p.side == ("plain",))
        and (national is None or p.side != national or national == ("plain",))
        and not _is_date(p)
    ]
    lines = [p for p in candidates if not p.is_rule and p.text == p.text.upper()]
    if not lines:
        return
    rules = [p for p in candidates if p.is_rule and p.order > lines[-1].order]
    parts.agency_rule = rules[0] if rules else _own_rule(lines[-1])
    if parts.agency_rule is None:
        parts.agency_rule = _next_rule(lines[-1], header)
    cut = len(lines)
    while cut > 0 and _bold(lines[cut - 1]):
        cut -= 1
    cut = min(cut, len(lines) - 1)
    parts.parents, parts.agencies = lines[:cut], lines[cut:]


def _own_rule(piece: Piece) -> Piece | None:
    return piece if piece.paragraph.border_bottom or piece.paragraph.drawn_lines_mm else None


def _bold(piece: Piece) -> bool:
    inked = [run for run in piece.runs if run.text.strip()]
    return bool(inked) and all(run.bold for run in inked)


def _about(parts: Parts, top: list[Piece]) -> None:
    """Ô 5b: "V/v …" under the number, in its column, with its wrapped continuation lines."""
    number = parts.number
    start = _first(
        top,
        lambda p: (
            re.match(r"^V/[vV]\b", p.text) is not None
            and (number is None or (p.order > number.order and p.side == number.side))
        ),
    )
    if start is None:
        return
    parts.about = [start]
    for piece in top:
        if piece.order <= start.order or piece.side != start.side:
            continue
        if start.cell is None or piece.cell != start.cell:
            break  # wrapped lines are looked for only inside the number's cell
        wrapped = piece.text and not piece.is_rule and piece.text != piece.text.upper()
        if wrapped and len(parts.about) < 4 and not _is_date(piece) and "gửi" not in piece.text:
            parts.about.append(piece)
        else:
            break


# --- title block: ô 5a, 9a -------------------------------------------------------------


def _header_end(parts: Parts) -> tuple[int, int]:
    found = [*_anchors(parts), *parts.agencies, *parts.about]
    if parts.agency_rule:
        found.append(parts.agency_rule)
    return max((p.order for p in found), default=(-1, 0))


def _title(parts: Parts) -> None:
    after = [p for p in parts.pieces if p.order > _header_end(parts)]
    parts.type_name = _first(after[:12], lambda p: listed_type(p.text) is not None)
    marks = {id(p) for p in parts.marks}
    inked = [p for p in after if p.text.strip() and not p.is_rule and id(p) not in marks]
    if parts.type_name is None and not parts.about and inked and _unlisted_type_name(inked[0]):
        parts.type_name = inked[0]  # a type Phụ lục III does not list, never a công văn's
    if parts.type_name is not None:
        _subject(parts, [p for p in after if p.order > parts.type_name.order])
    kinh_gui = _first(after[:40], lambda p: key(p.text).startswith("KÍNH GỬI"))
    if kinh_gui is not None:
        parts.kinh_gui = [kinh_gui]
        for piece in after:
            if piece.order <= kinh_gui.order:
                continue
            if not piece.text.lstrip().startswith(("-", "–", "+")):
                break
            parts.kinh_gui.append(piece)


def _subject(parts: Parts, after: list[Piece]) -> None:
    """The subject: the lines after the type name up to the rule under them."""
    for count, piece in enumerate(after[:5]):
        if piece.is_rule:
            parts.subject, parts.title_rule = after[:count], piece
            return
        if count and not _title_like(piece) and _drawn_above(after[count - 1], piece):
            parts.subject, parts.title_rule = after[:count], piece  # the shape hangs below
            return
    first = after[0] if after else None
    if first is not None and _title_like(first):
        parts.subject = [first]
        parts.title_rule = _own_rule(first)


def _title_like(piece: Piece) -> bool:
    return piece.paragraph.alignment == "center" or _bold(piece)


# --- signature and recipients: ô 7, 9b ------------------------------------------------


def _signature(parts: Parts) -> None:
    """Ô 9b and 7: "Nơi nhận" with its list, and the signer's column beside or under it."""
    start = _title_end(parts)
    after = [p for p in parts.pieces if p.order > start]
    label = _first(after, lambda p: key(bare(p.text)).startswith("NƠI NHẬN"))
    authority = _first(
        after,
        lambda p: (
            AUTHORITY.match(bare(p.text)) is not None
            and p.text == p.text.upper()
            and len(p.text) < 80
        ),
    )
    parts.recipients_label = label
    if label is not None:
        parts.recipients = _recipient_lines(label, after)
    listed = {id(p) for p in parts.recipients}
    if authority is not None:
        column = [p for p in after if p.order >= authority.order and p.side == authority.side]
    elif label is not None and label.cell is not None:
        column = [p for p in after if p.cell is not None and p.cell[:2] == label.cell[:2]]
        column = [p for p in column if p.cell != label.cell]
    elif label is not None:
        column = [p for p in after if p.order > label.order and id(p) not in listed]
        column = [p for p in column if p.paragraph.alignment in ("center", "right")]
    else:
        column = []
    column = [p for p in column if id(p) not in listed and p is not label and not p.is_rule]
    parts.signature = _until_appendix(column)


def _title_end(parts: Parts) -> tuple[int, int]:
    found = [p for p in (parts.type_name, parts.title_rule, *parts.subject) if p is not None]
    found += parts.kinh_gui
    return max((p.order for p in found), default=_header_end(parts))


def _recipient_lines(label: Piece, after: list[Piece]) -> list[Piece]:
    """The "- …;" lines under "Nơi nhận:" in its column, wrapped lines included."""
    lines: list[Piece] = []
    for piece in after:
        if piece.order <= label.order or piece.side != label.side or piece.is_rule:
            continue
        if label.cell is not None and piece.cell != label.cell:
            break
        text = piece.text
        if text.startswith(("-", "–", "+", "•")):
            lines.append(piece)
        elif lines and not lines[-1].text.rstrip().endswith((";", ".")):
            lines.append(piece)  # a recipient wrapped onto a second paragraph
        else:
            break
    return lines


def _until_appendix(column: list[Piece]) -> list[Piece]:
    found = []
    for piece in column:
        if key(piece.text).startswith("PHỤ LỤC") or piece.text.startswith("\f"):
            break
        found.append(piece)
        if piece.text != piece.text.upper() and not piece.text.startswith(("(", "[")):
            break  # the signer's name ends the block
    return found


# --- body and appendices --------------------------------------------------------------


def _body(parts: Parts, paragraphs: Sequence[LocatedParagraph]) -> None:
    start = _title_end(parts)[0]
    ends = [p.index for p in (parts.recipients_label, *parts.signature[:1]) if p is not None]
    tables = {p.cell[0] for p in (parts.recipients_label, *parts.signature[:1]) if p and p.cell}
    ends += [i for i, p in enumerate(paragraphs) if p.cell is not None and p.cell[0] in tables]
    end = min(ends, default=len(paragraphs))
    parts.body = [
        i
        for i in range(start + 1, end)
        if paragraphs[i].cell is None and paragraphs[i].text.strip()
    ]


def _appendices(parts: Parts) -> None:
    last = max((p.order for p in parts.signature), default=None)
    if last is None:
        return
    parts.appendices = [
        p
        for p in parts.pieces
        if p.order > last and key(p.text).startswith("PHỤ LỤC") and len(p.text) < 40
    ]
