"""R1–R3: "Nơi nhận" label and list (ô 9b; PL I, II.9)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from planforge.checking.document import Document
from planforge.checking.findings import Severity
from planforge.checking.registry import Hit, error, rule, warning
from planforge.checking.rules._common import PL1, grouped, missing, typeface, unknown

LINE = re.compile(r"^- \S.*;$")
ARCHIVE = re.compile(r"^- Lưu:? VT(, ?[^.;]+)*\.$")


@rule("R1", "Nơi nhận: nhãn", f"{PL1}, mục II.9.d")
def label(document: Document) -> Iterator[Hit]:
    found = document.parts.recipients_label
    if found is None:
        yield missing(document, "“Nơi nhận:” ở cuối văn bản")
        return
    where = document.where(found)
    if found.text.rstrip() != "Nơi nhận:":
        yield error(
            where, f"Phải viết “Nơi nhận:” (chữ thường, có dấu hai chấm), đang là “{found.text}”."
        )
    yield from typeface(document, found, "Chữ “Nơi nhận”", low=12, high=12, bold=True, italic=True)
    signature = document.parts.signature
    if found.cell is not None and signature and signature[0].cell is not None:
        if found.cell[:2] != signature[0].cell[:2]:
            yield error(
                where, "“Nơi nhận” phải ngang hàng với dòng đầu của quyền hạn, chức vụ người ký."
            )


def _joined(document: Document) -> list[tuple[str, str]]:
    """(location, text) of each recipient, a line wrapped onto the next paragraph joined."""
    joined: list[tuple[str, str]] = []
    for piece in document.parts.recipients:
        text = " ".join(piece.text.replace("\u00a0", " ").split())
        if joined and not text.startswith(("-", "–", "+", "•")):
            joined[-1] = (joined[-1][0], f"{joined[-1][1]} {text}")
        else:
            joined.append((document.where(piece), text))
    return joined


@rule("R2", "Nơi nhận: danh sách và dòng “Lưu”", f"{PL1}, mục II.9.d")
def recipient_list(document: Document) -> Iterator[Hit]:
    parts = document.parts
    if parts.recipients_label is None:
        yield unknown("“Nơi nhận:”")
        return
    if not parts.recipients:
        yield error(
            document.where(parts.recipients_label), "Dưới “Nơi nhận:” không có danh sách nơi nhận."
        )
        return
    yield from grouped(
        hit
        for piece in parts.recipients
        for hit in typeface(document, piece, "Danh sách nơi nhận", low=11, high=11, bold=False)
    )
    lines = _joined(document)
    for where, text in lines[:-1]:
        if not LINE.match(text):
            yield error(
                where,
                "Mỗi nơi nhận bắt đầu bằng gạch đầu dòng “- ” và kết thúc bằng dấu chấm phẩy: "
                f"“{text}”.",
            )
    where, last = lines[-1]
    if not last.startswith("- Lưu"):
        yield error(where, "Dòng cuối của nơi nhận phải là “- Lưu: VT, <đơn vị soạn thảo>.”.")
    elif not ARCHIVE.match(last):
        yield error(
            where, f"Dòng lưu phải viết “- Lưu: VT, <đơn vị soạn thảo>.”, đang là “{last}”."
        )


@rule("R3", "Nơi nhận khi có “Kính gửi”: “- Như trên;”", f"{PL1}, mục II.9.b", Severity.WARNING)
def as_above(document: Document) -> Iterator[Hit]:
    parts = document.parts
    if not parts.kinh_gui or not parts.recipients:
        return
    first = _joined(document)[0]
    if not first[1].startswith("- Như trên"):
        yield warning(first[0], "Văn bản có “Kính gửi” thì nơi nhận đầu tiên ghi “- Như trên;”.")
