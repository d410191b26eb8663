"""H1–H6: national title, motto, agency, number, type code, place and date (PL I, II.1–4)."""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator

from planforge.checking.document import Document
from planforge.checking.parts import NATIONAL_TITLE
from planforge.checking.pieces import Piece
from planforge.checking.registry import Hit, error, rule, warning
from planforge.checking.rules._common import PL1, PL3, grouped, missing, typeface
from planforge.checking.text import DASHES, key, printed_mm, printed_text, rule_mm
from planforge.i18n import N_, _
from planforge.model.document_type import ADMINISTRATIVE_CODES, COPY_CODES

MOTTO = "Độc lập - Tự do - Hạnh phúc"
NUMBER = re.compile(r"^Số: (?P<serial>\d+|[\s\u00a0]*)/(?:(?P<year>\d{4})/)?(?P<symbol>[^\s/]+)$")
"""The number and code; a legal normative document (văn bản quy phạm pháp luật) puts the
year between them: "Số: 15/2010/QĐ-UBND" (Luật Ban hành VBQPPL 2015, Điều 8)."""
SYMBOL = re.compile(r"^[A-Za-zĐđ0-9]+(-[A-Za-zĐđ0-9]+)+$")
ISSUER_ONLY = re.compile(r"^[A-Za-zĐđ0-9]+$")
"""A law or ordinance with a year names only its issuer: "Luật số: 62/2020/QH14"."""
LEGAL_CODES = frozenset({"NĐ", "TT", "TTLT", "NQLT"})
"""Type codes of legal normative documents beyond Phụ lục III's (decrees, circulars, joint ones)."""
LEGACY_CODES = {"GN": "BGN", "TTh": "BTT", "UQ": "GUQ", "GT": "GGT", "NP": "GNP"}
DATE = re.compile(
    r"^(?P<place>[^,]+), ngày (?:(?P<day>\d+) )?tháng (?:(?P<month>\d+) )?năm (?P<year>\d{4})$"
)
GAPS = re.compile(r"…+|\.{2,}")
BLANK_DATE = re.compile(r"^(?P<place>[^,]+), ngày tháng năm$")
"""A draft's date left for the clerk to fill in after signing (Điều 15.2): "ngày … tháng …
năm …" as the forms print it, when the source printed no date at all."""
MOTTO_RULE = (0.9, 1.1)
"""The line under the motto: as long as the motto, within 10 %."""
AGENCY_RULE = (1 / 3 - 0.02, 1 / 2 + 0.02)
"""The line under the agency: 1/3 to 1/2 of its longest line (rounding of underscores)."""


def _spaces(text: str) -> str:
    return text.replace("\u00a0", " ").strip()


@rule("H1", N_("National title"), f"{PL1}, mục II.1.a")
def national_title(document: Document) -> Iterator[Hit]:
    title = document.parts.national_title
    if title is None:
        yield missing(document, N_("the national title “CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM”"))
        return
    text = " ".join(printed_text(title.runs).split())
    if key(text) != NATIONAL_TITLE:
        message = _("The national title must read “{expected}”; it reads “{text}”.")
        yield error(document.where(title), message.format(expected=NATIONAL_TITLE, text=text))
    yield from typeface(
        document, title, N_("The national title"), low=12, high=13, bold=True, caps=True
    )


@rule("H2", N_("Motto and the line under it"), f"{PL1}, mục II.1.b")
def motto(document: Document) -> Iterator[Hit]:
    found = document.parts.motto
    if found is None:
        yield missing(document, N_("the motto “Độc lập - Tự do - Hạnh phúc”"))
        return
    where = document.where(found)
    text = _spaces(found.text)
    if any(dash in text for dash in DASHES):
        yield error(where, _("The motto must join its phrases with hyphens (-), not dashes (–)."))
    elif " ".join(text.split()) != MOTTO:
        message = _(
            "The motto must read “{expected}” (a space each side of the hyphens); "
            "it reads “{text}”."
        )
        yield error(where, message.format(expected=MOTTO, text=text))
    yield from typeface(document, found, N_("The motto"), low=13, high=14, bold=True)
    yield from _motto_rule(document, found)


def _motto_rule(document: Document, found: Piece) -> Iterator[Hit]:
    line = document.parts.motto_rule
    if line is None:
        yield error(document.where(found), _("A solid horizontal line is missing under the motto."))
        return
    if line is not found:
        length = rule_mm(line.paragraph, line.runs)
    elif found.paragraph.drawn_lines_mm:
        length = max(found.paragraph.drawn_lines_mm)
    elif found.paragraph.border_bottom:
        length = None  # a border spans the column: its length is not known here
    else:
        length = printed_mm(found.runs)  # the motto itself underlined
    if length is None:
        return
    ratio = length / printed_mm(found.runs)
    if not MOTTO_RULE[0] <= ratio <= MOTTO_RULE[1]:
        yield error(
            document.where(line),
            _(
                "The line under the motto must be as long as the motto; it is {ratio:.0%} of it."
            ).format(ratio=ratio),
        )


@rule("H3", N_("Names of the issuing agency and its parent agency"), f"{PL1}, mục II.2.b")
def agency(document: Document) -> Iterator[Hit]:
    parts = document.parts
    if not parts.agencies:
        yield missing(document, N_("the name of the issuing agency or organisation"))
        return
    yield from grouped(
        hit
        for line in parts.parents
        for hit in typeface(
            document, line, N_("The parent agency's name"), low=12, high=13, bold=False, caps=True
        )
    )
    yield from grouped(
        hit
        for line in parts.agencies
        for hit in typeface(
            document, line, N_("The issuing agency's name"), low=12, high=13, bold=True, caps=True
        )
    )
    last = parts.agencies[-1]
    if parts.agency_rule is None:
        yield error(
            document.where(last),
            _("A solid horizontal line is missing under the issuing agency's name."),
        )
        return
    length = rule_mm(parts.agency_rule.paragraph, parts.agency_rule.runs)
    longest = max(printed_mm(line.runs) for line in parts.agencies)
    if length is not None and longest and not AGENCY_RULE[0] <= length / longest <= AGENCY_RULE[1]:
        yield error(
            document.where(parts.agency_rule),
            _(
                "The line under the agency's name must be 1/3 to 1/2 as long as its line of "
                "text; it is {ratio:.0%}."
            ).format(ratio=length / longest),
        )


def _number_text(piece: Piece) -> str:
    return piece.text.replace("\u00a0", " ")


@rule("H4", N_("Document number and code"), f"{PL1}, mục II.3; Điều 15")
def number(document: Document) -> Iterator[Hit]:
    found = document.parts.number
    if found is None:
        yield missing(document, N_("the document's number and code (“Số: …/…”)"))
        return
    where = document.where(found)
    yield from typeface(document, found, N_("The number and code"), low=13, high=13, bold=False)
    match = NUMBER.match(found.text)
    if match is None:
        message = _(
            "The number and code must be written like “Số: 05/KH-UBND”: the word “Số” and a "
            "colon, the number, a slash, the code, no extra spaces; it reads “{text}”."
        )
        yield error(where, message.format(text=_number_text(found)))
        return
    serial, symbol = match["serial"].strip(), match["symbol"]
    if serial and (int(serial) == 0 or len(serial) < 2):
        message = _("A number below 10 takes a leading zero (“0{serial}”).")
        yield error(where, message.format(serial=serial))
    if not SYMBOL.match(symbol) and not (match["year"] and ISSUER_ONLY.match(symbol)):
        message = _("The code “{symbol}” must be abbreviations joined by hyphens (-).")
        yield error(where, message.format(symbol=symbol))


@rule("H5", N_("Abbreviation of the document type"), f"{PL3}, mục I")
def type_code(document: Document) -> Iterator[Hit]:
    found = document.parts.number
    match = NUMBER.match(found.text) if found else None
    if found is None or match is None:
        return
    where = document.where(found)
    if match["year"] and "-" not in match["symbol"]:
        return  # a law's number names its issuer only
    code = match["symbol"].split("-")[0]
    known = code in ADMINISTRATIVE_CODES or code in COPY_CODES
    known = known or bool(match["year"] and code in LEGAL_CODES)
    if document.is_cong_van:
        if known:
            message = _(
                "An official letter (công văn) has no type abbreviation; “{code}” must not be used."
            )
            yield error(where, message.format(code=code))
        return
    if code in LEGACY_CODES:
        message = _("“{code}” is an old abbreviation; Nghị định 30 uses “{current}”.")
        yield warning(where, message.format(code=code, current=LEGACY_CODES[code]))
    elif document.parts.type_name is not None and document.parts.document_type is None:
        return  # a type Phụ lục III does not list ("PHIẾU TRÌNH"): no code of its to check
    elif not known:
        message = _("“{code}” is not a document type abbreviation of Phụ lục III.")
        yield error(where, message.format(code=code))
    elif document.kind is not None and document.kind.code and code != document.kind.code:
        message = _(
            "The code “{code}” does not match the document type {kind} (it must be “{expected}”)."
        )
        yield error(
            where, message.format(code=code, kind=document.kind.title, expected=document.kind.code)
        )


@rule("H6", N_("Place and date of issue"), f"{PL1}, mục II.4")
def place_and_date(document: Document) -> Iterator[Hit]:
    found = document.parts.date
    if found is None:
        yield missing(document, N_("the place and date of issue (“…, ngày … tháng … năm …”)"))
        return
    where = document.where(found)
    yield from typeface(
        document, found, N_("The place and date"), low=13, high=14, bold=False, italic=True
    )
    yield from _date_text(where, " ".join(found.text.split()))
    number = document.parts.number
    if number is not None and not _same_line(number, found):
        yield error(where, _("The place and date must be on the same line as the number and code."))


def _same_line(number: Piece, date: Piece) -> bool:
    if number.cell is not None and date.cell is not None:
        return number.cell[:2] == date.cell[:2] and number.cell != date.cell
    return number.index == date.index and number.part != date.part


def _date_text(where: str, text: str) -> Iterator[Hit]:
    blank = BLANK_DATE.match(" ".join(GAPS.sub(" ", text).split()))
    if blank is not None:
        yield from _place(where, " ".join(blank["place"].split()))
        return
    match = DATE.match(text)
    if match is None:
        message = _(
            "The place and date must be written “<Địa danh>, ngày DD tháng M năm YYYY”; "
            "it reads “{text}”."
        )
        yield error(where, message.format(text=text))
        return
    day, month, year = match["day"] or "", match["month"] or "", int(match["year"])
    if day and len(day) < 2:
        message = _("A day below 10 takes a leading zero (“ngày 0{day}”).")
        yield error(where, message.format(day=day))
    if month in ("1", "2"):
        message = _("January and February take a leading zero (“tháng 0{month}”).")
        yield error(where, message.format(month=month))
    elif month.startswith("0") and month not in ("01", "02"):
        message = _("Month {month} is usually written without a leading zero (“tháng {month}”).")
        yield warning(where, message.format(month=month.lstrip("0")))
    if month and not 1 <= int(month) <= 12:
        yield error(where, _("There is no month {month}.").format(month=month))
    elif day and month and not 1 <= int(day) <= calendar.monthrange(year, int(month))[1]:
        message = _("The date {day}/{month}/{year} does not exist.")
        yield error(where, message.format(day=day, month=month, year=year))
    yield from _place(where, match["place"])


def _place(where: str, place: str) -> Iterator[Hit]:
    if not place[:1].isupper():
        message = _("The place name “{place}” must start with a capital letter.")
        yield error(where, message.format(place=place))
