"""Recognise the header (ô 1–5, 10–11): agencies, number, place and date, type, subject, marks."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from planforge.errors import ModelError
from planforge.i18n import _
from planforge.model import DocumentNumber, DocumentType, IssueDate, Secrecy, Urgency
from planforge.reading.date_line import OPEN_DATE, date_of
from planforge.reading.folding import fold
from planforge.reading.header_phrases import FixedPhrase, squash
from planforge.reading.labels import split_label
from planforge.reading.lines import Line, is_header_rule
from planforge.reading.subject import read_subject
from planforge.reading.type_line import read_type_line
from planforge.reading.vietnamese import ends_open, is_caps, starts_lower

NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"

_NUMBER = re.compile(r"^(?:Số|SỐ|số)\s*[:.]?\s*(?P<rest>.*)$")
_BY_AUTHORITY = frozenset({DocumentType.QUYET_DINH, DocumentType.NGHI_QUYET})
"""Types that print, under the subject, the authority that issues them (thẩm quyền ban hành)."""
_VV = re.compile(r"^V/v\s*:?\s*(?P<subject>.+)$")
_KINH_GUI = re.compile(r"^Kính\s+gửi\b", re.IGNORECASE)
_URGENCY = {fold(u.value): u for u in Urgency}
_SECRECY = {fold(s.value): s for s in Secrecy}
_CIRCULATION = tuple(fold(c) for c in ("lưu hành nội bộ", "xem xong trả lại", "tài liệu hội nghị"))


@dataclass
class HeaderParts:
    """What the header block says; parts it does not print stay None."""

    parent_lines: list[str] = field(default_factory=list)
    agency_lines: list[str] = field(default_factory=list)
    agency_bold: list[bool] = field(default_factory=list)
    agency_at: list[Line] = field(default_factory=list)
    number: DocumentNumber | None = None
    place: str | None = None
    date: IssueDate | None = None
    document_type: DocumentType | None = None
    type_name: str | None = None
    subject: str | None = None
    secrecy: Secrecy | None = None
    urgency: Urgency | None = None
    circulation: str | None = None
    draft: bool = False
    found: dict[str, Line] = field(default_factory=dict)
    notes: list[tuple[Line, str]] = field(default_factory=list)
    leftovers: list[Line] = field(default_factory=list)


def header_tables(lines: list[Line]) -> set[int]:
    """Tables (of a Word document) that hold a part only a header has."""
    tables = set()
    for line in lines[:80]:
        if line.cell is None:
            continue
        for piece in line.cells or (line.text,):
            if (
                _NUMBER.match(piece)
                or date_of(piece)
                or squash(piece)
                in (
                    squash(NATIONAL_TITLE),
                    squash(MOTTO),
                )
            ):
                tables.add(line.cell[0])
    return tables


def read_header(lines: list[Line]) -> tuple[HeaderParts, int]:
    """Read the header from the start of ``lines``; returns it and where the body starts.

    A header needs at least one part only a header has (national title,
    motto, number, date line, type name); capital lines alone are body.
    """
    reader = _Reader(header_tables(lines))
    for line in lines[:80]:
        if line.cell is not None and line.cell[0] in reader.tables:
            table, column = line.cell[0], line.cell[2]
            reader.first_column[table] = min(reader.first_column.get(table, column), column)
    index = 0
    while index < len(lines):
        outcome = reader.line(lines[index])
        if outcome == "stop":
            break
        if outcome == "type":
            index = _subject(lines, index + 1, reader.parts)
            break
        index += 1
    parts = reader.parts
    reader.restore()
    if not set(parts.found) - {"agency"}:
        return HeaderParts(), 0
    return parts, index


class _Reader:
    """Reads header lines one by one, remembering what it has seen."""

    def __init__(self, tables: set[int]) -> None:
        self.parts = HeaderParts()
        self.tables = tables
        self.first_column: dict[int, int] = {}
        """The leftmost column with text of each header table (a margin column is empty)."""
        self.title = FixedPhrase(NATIONAL_TITLE)
        self.motto = FixedPhrase(MOTTO)
        self.pending_number = False
        self.open_date: str | None = None
        self.in_vv = False
        self.count = 0

    def line(self, line: Line) -> str:
        """ "ok", "type" (the type name: the subject follows) or "stop" (the body starts)."""
        in_table = line.cell is not None and line.cell[0] in self.tables
        for piece in _pieces(line):
            self.count += 1
            if self.open_date is not None:
                # A date line hard-wrapped before its year ("ngày 12 tháng 5 năm" / "2022").
                joined, self.open_date = f"{self.open_date} {piece}", None
                if date_of(joined) and _recognisedate_of(joined, line, self.parts):
                    continue
            if self.in_vv and _continues_vv(piece, self.parts):
                self.parts.subject = f"{self.parts.subject} {piece}"
                continue
            place = (len(self.parts.agency_lines), self.count)
            kind = _recognise(
                piece, line, self.parts, self.title, self.motto, self.pending_number, place
            )
            self.pending_number = kind == "number-label"
            self.in_vv = kind == "vv"
            if kind == "type":
                return "type"
            if kind is None and self.parts.date is None and OPEN_DATE.match(piece):
                self.open_date = piece
                self.parts.found.setdefault("place and date", line)
                continue
            if kind is not None:
                continue
            if in_table or _agency_candidate(piece, self.parts):
                first = self.first_column.get(line.cell[0], 0) if line.cell else 0
                _agency_or_leftover(piece, line, self.parts, in_table, first)
            else:
                return "stop"
        return "ok"

    def restore(self) -> None:
        """Put back, as agency lines, pieces a fixed phrase took and then gave up."""
        taken = sorted(self.title.finish() + self.motto.finish(), key=lambda item: item[2])
        for name, phrase in (("national title", self.title), ("motto", self.motto)):
            if phrase.position < len(phrase.target):
                self.parts.found.pop(name, None)
        for shift, (piece, line, (place, _end)) in enumerate(taken):
            self.parts.agency_lines.insert(place + shift, piece)
            self.parts.agency_bold.insert(place + shift, line.all_bold)
            self.parts.agency_at.insert(place + shift, line)
            self.parts.found.setdefault("agency", line)


def _pieces(line: Line) -> list[str]:
    """The parts of a flattened row, a part cut by a tab joined back ("…, ngày" + "tháng 3 …")."""
    out: list[str] = []
    for piece in line.cells or (line.text,):
        if out and (ends_open(out[-1]) or fold(out[-1]).endswith(fold("ngày"))):
            if not date_of(out[-1]) and not _NUMBER.match(piece):
                out[-1] = f"{out[-1]} {piece}"
                continue
        out.append(piece)
    return out


def _recognise(
    piece: str,
    line: Line,
    parts: HeaderParts,
    title: FixedPhrase,
    motto: FixedPhrase,
    pending_number: bool,
    at: tuple[int, int],
) -> str | None:
    """What a piece of a header line is, recording it in ``parts``; None if nothing known."""
    if is_header_rule(piece):
        return "rule"
    if title.feed(piece, line, at):
        parts.found.setdefault("national title", line)
        return "title"
    if motto.feed(piece, line, at):
        parts.found.setdefault("motto", line)
        return "motto"
    if _mark(piece, parts):
        parts.found.setdefault("marks", line)
        return "mark"
    number = _NUMBER.match(piece)
    if number and parts.number is None:
        rest = number["rest"].strip()
        if not rest:
            return "number-label"
        return "number" if _number(rest, line, parts) else None
    if pending_number and "/" in piece and parts.number is None:
        return "number" if _number(piece, line, parts) else None
    if parts.date is None and _recognisedate_of(piece, line, parts):
        return "date"
    vv = _VV.match(piece)
    if vv:
        parts.subject = vv["subject"]
        parts.found["subject (V/v)"] = line
        return "vv"
    if line.cell is None and parts.document_type is None:
        found = read_type_line(
            piece,
            after_number=parts.number is not None or parts.date is not None,
            letter="subject (V/v)" in parts.found,
        )
        if found is not None:
            parts.document_type, parts.type_name = found.kind, found.type_name
            parts.subject = found.subject or parts.subject
            parts.found["type"] = line
            return "type"
    if _KINH_GUI.match(piece):
        parts.notes.append((line, _("a 'Kính gửi' line has no place in a plan; kept as text")))
        parts.leftovers.append(line.with_text(piece))
        return "leftover"
    return None


def _recognisedate_of(piece: str, line: Line, parts: HeaderParts) -> bool:
    date = date_of(piece)
    if not date:
        return False
    place, issue = date
    parts.place = place or parts.place
    parts.date = issue
    parts.found["place and date"] = line
    return True


def _continues_vv(piece: str, parts: HeaderParts) -> bool:
    """A line that goes on with a wrapped "V/v …" subject: small letters, nothing of a header."""
    if _NUMBER.match(piece) or date_of(piece) or _KINH_GUI.match(piece) or is_caps(piece):
        return False
    if squash(piece) and squash(NATIONAL_TITLE).startswith(squash(piece)):
        return False
    return starts_lower(piece) or ends_open(parts.subject or "")


def _number(text: str, line: Line, parts: HeaderParts) -> bool:
    cleaned = re.sub(r"^[\s.…_]+(?=/)", "", text.replace("\u00a0", " "))
    cleaned = re.sub(r"\s+", "", cleaned)
    try:
        parts.number = DocumentNumber.parse(cleaned)
    except ModelError as error:
        parts.notes.append(
            (
                line,
                _("the number {text!r} is not understood ({message})").format(
                    text=text, message=error.message
                ),
            )
        )
        return False
    parts.found["number"] = line
    return True


def _mark(piece: str, parts: HeaderParts) -> bool:
    key = fold(piece).strip(" .*")
    if key.startswith(fold("dự thảo")):
        parts.draft = True
        return True
    if key in _URGENCY and is_caps(piece):
        parts.urgency = _URGENCY[key]
        return True
    if key in _SECRECY and is_caps(piece):
        parts.secrecy = _SECRECY[key]
        return True
    if key in _CIRCULATION and is_caps(piece):
        parts.circulation = piece
        return True
    return False


def _agency_candidate(piece: str, parts: HeaderParts) -> bool:
    """A line in capitals before the number and the type name: an agency's name."""
    if parts.number is not None or parts.document_type is not None:
        return False
    return is_caps(piece) and split_label(piece)[0] is None and len(piece.split()) <= 14


def _agency_or_leftover(
    piece: str, line: Line, parts: HeaderParts, in_table: bool, first: int = 0
) -> None:
    column = line.cell[2] - first if line.cell else 0
    before_number = parts.number is None and "number" not in parts.found
    unlabelled = in_table or split_label(piece)[0] is None
    if (column == 0 or not in_table) and before_number and unlabelled:
        parts.agency_lines.append(piece)
        parts.agency_bold.append(line.all_bold)
        parts.agency_at.append(line)
        parts.found.setdefault("agency", line)
        return
    parts.notes.append((line, _("text in the header that is no part of it; kept as text")))
    parts.leftovers.append(line.with_text(piece))


AUTHORITY_LINES = 2
"""Lines in capitals of the authority under a quyết định's or nghị quyết's subject."""


def _subject(lines: list[Line], start: int, parts: HeaderParts) -> int:
    """Record the subject that follows the type name; returns where the body starts."""
    if parts.subject:  # printed on the type's own line
        return start
    subject, end = read_subject(lines, start)
    if subject:
        text = " ".join(line.text for line in subject)
        vv = _VV.match(text)
        parts.subject = vv["subject"] if vv else text
        parts.found["subject"] = subject[0]
    if parts.document_type in _BY_AUTHORITY:
        # "ỦY BAN NHÂN DÂN TỈNH …", "CHỦ TỊCH ỦY BAN NHÂN DÂN …": who decides, the first
        # line of the opening, not a section heading; a council adds its term and session
        # ("KHÓA X, KỲ HỌP THỨ 14") on a second line.
        for line in lines[end : end + AUTHORITY_LINES]:
            if not is_caps(line.text) or split_label(line.text)[0] is not None:
                break
            if ":" in line.text:
                break
            parts.leftovers.append(line)
            parts.found.setdefault("authority", line)
            end += 1
    return end
