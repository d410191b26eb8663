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
from planforge.model.document_type import ADMINISTRATIVE_CODES, COPY_CODES

MOTTO = "Độc lập - Tự do - Hạnh phúc"
NUMBER = re.compile(r"^Số: (?P<serial>\d+|[\s\u00a0]*)/(?P<symbol>[^\s/]+)$")
SYMBOL = re.compile(r"^[A-Za-zĐđ0-9]+(-[A-Za-zĐđ0-9]+)+$")
LEGACY_CODES = {"GN": "BGN", "TTh": "BTT", "UQ": "GUQ", "GT": "GGT", "NP": "GNP"}
DATE = re.compile(
    r"^(?P<place>[^,]+), ngày (?:(?P<day>\d+) )?tháng (?:(?P<month>\d+) )?năm (?P<year>\d{4})$"
)
MOTTO_RULE = (0.9, 1.1)
"""The line under the motto: as long as the motto, within 10 %."""
AGENCY_RULE = (1 / 3 - 0.02, 1 / 2 + 0.02)
"""The line under the agency: 1/3 to 1/2 of its longest line (rounding of underscores)."""


def _spaces(text: str) -> str:
    return text.replace("\u00a0", " ").strip()


@rule("H1", "Quốc hiệu", f"{PL1}, mục II.1.a")
def national_title(document: Document) -> Iterator[Hit]:
    title = document.parts.national_title
    if title is None:
        yield missing(document, "Quốc hiệu “CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM”")
        return
    text = " ".join(printed_text(title.runs).split())
    if key(text) != NATIONAL_TITLE:
        yield error(
            document.where(title), f"Quốc hiệu phải là “{NATIONAL_TITLE}”, đang là “{text}”."
        )
    yield from typeface(document, title, "Quốc hiệu", low=12, high=13, bold=True, caps=True)


@rule("H2", "Tiêu ngữ và đường kẻ dưới tiêu ngữ", f"{PL1}, mục II.1.b")
def motto(document: Document) -> Iterator[Hit]:
    found = document.parts.motto
    if found is None:
        yield missing(document, "Tiêu ngữ “Độc lập - Tự do - Hạnh phúc”")
        return
    where = document.where(found)
    text = _spaces(found.text)
    if any(dash in text for dash in DASHES):
        yield error(
            where, "Tiêu ngữ phải nối các cụm từ bằng gạch nối (-), không dùng gạch ngang dài (–)."
        )
    elif " ".join(text.split()) != MOTTO:
        yield error(
            where, f"Tiêu ngữ phải là “{MOTTO}” (gạch nối có cách chữ hai bên), đang là “{text}”."
        )
    yield from typeface(document, found, "Tiêu ngữ", low=13, high=14, bold=True)
    yield from _motto_rule(document, found)


def _motto_rule(document: Document, found: Piece) -> Iterator[Hit]:
    line = document.parts.motto_rule
    if line is None:
        yield error(document.where(found), "Thiếu đường kẻ ngang, nét liền dưới tiêu ngữ.")
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
            f"Đường kẻ dưới tiêu ngữ phải dài bằng dòng tiêu ngữ, đang bằng {ratio:.0%} của nó.",
        )


@rule("H3", "Tên cơ quan ban hành và cơ quan chủ quản", f"{PL1}, mục II.2.b")
def agency(document: Document) -> Iterator[Hit]:
    parts = document.parts
    if not parts.agencies:
        yield missing(document, "tên cơ quan, tổ chức ban hành văn bản")
        return
    yield from grouped(
        hit
        for line in parts.parents
        for hit in typeface(
            document, line, "Tên cơ quan chủ quản", low=12, high=13, bold=False, caps=True
        )
    )
    yield from grouped(
        hit
        for line in parts.agencies
        for hit in typeface(
            document, line, "Tên cơ quan ban hành", low=12, high=13, bold=True, caps=True
        )
    )
    last = parts.agencies[-1]
    if parts.agency_rule is None:
        yield error(
            document.where(last), "Thiếu đường kẻ ngang, nét liền dưới tên cơ quan ban hành."
        )
        return
    length = rule_mm(parts.agency_rule.paragraph, parts.agency_rule.runs)
    longest = max(printed_mm(line.runs) for line in parts.agencies)
    if length is not None and longest and not AGENCY_RULE[0] <= length / longest <= AGENCY_RULE[1]:
        yield error(
            document.where(parts.agency_rule),
            f"Đường kẻ dưới tên cơ quan phải dài 1/3 đến 1/2 dòng chữ, đang bằng "
            f"{length / longest:.0%}.",
        )


def _number_text(piece: Piece) -> str:
    return piece.text.replace("\u00a0", " ")


@rule("H4", "Số, ký hiệu văn bản", f"{PL1}, mục II.3; Điều 15")
def number(document: Document) -> Iterator[Hit]:
    found = document.parts.number
    if found is None:
        yield missing(document, "số, ký hiệu văn bản (“Số: …/…”)")
        return
    where = document.where(found)
    yield from typeface(document, found, "Số, ký hiệu", low=13, high=13, bold=False)
    match = NUMBER.match(found.text)
    if match is None:
        yield error(
            where,
            f"Số, ký hiệu phải viết “Số: 05/KH-UBND”: chữ “Số” và dấu hai chấm, số, gạch chéo, "
            f"ký hiệu, không có dấu cách thừa; đang là “{_number_text(found)}”.",
        )
        return
    serial, symbol = match["serial"].strip(), match["symbol"]
    if serial and (int(serial) == 0 or len(serial) < 2):
        yield error(where, f"Số nhỏ hơn 10 phải ghi thêm số 0 phía trước (“0{serial}”).")
    if not SYMBOL.match(symbol):
        yield error(where, f"Ký hiệu “{symbol}” phải gồm các chữ viết tắt nối bằng gạch nối (-).")


@rule("H5", "Chữ viết tắt tên loại văn bản", f"{PL3}, mục I")
def type_code(document: Document) -> Iterator[Hit]:
    found = document.parts.number
    match = NUMBER.match(found.text) if found else None
    if found is None or match is None:
        return
    where = document.where(found)
    code = match["symbol"].split("-")[0]
    known = code in ADMINISTRATIVE_CODES or code in COPY_CODES
    if document.is_cong_van:
        if known:
            yield error(where, f"Công văn không có chữ viết tắt tên loại; “{code}” không dùng.")
        return
    if code in LEGACY_CODES:
        yield warning(where, f"“{code}” là chữ viết tắt cũ; NĐ 30 dùng “{LEGACY_CODES[code]}”.")
    elif not known:
        yield error(where, f"“{code}” không phải chữ viết tắt tên loại văn bản trong Phụ lục III.")
    elif document.kind is not None and document.kind.code and code != document.kind.code:
        yield error(
            where,
            f"Ký hiệu “{code}” không khớp tên loại {document.kind.title} "
            f"(phải là “{document.kind.code}”).",
        )


@rule("H6", "Địa danh và thời gian ban hành", f"{PL1}, mục II.4")
def place_and_date(document: Document) -> Iterator[Hit]:
    found = document.parts.date
    if found is None:
        yield missing(document, "địa danh và thời gian ban hành (“…, ngày … tháng … năm …”)")
        return
    where = document.where(found)
    yield from typeface(
        document, found, "Địa danh, ngày tháng năm", low=13, high=14, bold=False, italic=True
    )
    yield from _date_text(where, " ".join(found.text.split()))
    number = document.parts.number
    if number is not None and not _same_line(number, found):
        yield error(where, "Địa danh, ngày tháng năm phải ở cùng một dòng với số, ký hiệu văn bản.")


def _same_line(number: Piece, date: Piece) -> bool:
    if number.cell is not None and date.cell is not None:
        return number.cell[:2] == date.cell[:2] and number.cell != date.cell
    return number.index == date.index and number.part != date.part


def _date_text(where: str, text: str) -> Iterator[Hit]:
    match = DATE.match(text)
    if match is None:
        yield error(where, f"Phải viết “<Địa danh>, ngày DD tháng M năm YYYY”, đang là “{text}”.")
        return
    day, month, year = match["day"] or "", match["month"] or "", int(match["year"])
    if day and len(day) < 2:
        yield error(where, f"Ngày nhỏ hơn 10 phải ghi thêm số 0 phía trước (“ngày 0{day}”).")
    if month in ("1", "2"):
        yield error(where, f"Tháng 1 và tháng 2 phải ghi thêm số 0 phía trước (“tháng 0{month}”).")
    elif month.startswith("0") and month not in ("01", "02"):
        plain = month.lstrip("0")
        yield warning(
            where, f"Tháng {plain} thường viết không có số 0 phía trước (“tháng {plain}”)."
        )
    if month and not 1 <= int(month) <= 12:
        yield error(where, f"Tháng {month} không có thật.")
    elif day and month and not 1 <= int(day) <= calendar.monthrange(year, int(month))[1]:
        yield error(where, f"Ngày {day} tháng {month} năm {year} không có thật.")
    place = match["place"]
    if not place[:1].isupper():
        yield error(where, f"Địa danh “{place}” phải viết hoa chữ cái đầu.")
