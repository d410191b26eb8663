"""S1–S2: signing authority, title and signer's name (ô 7a, 7b; PL I, II.7)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from planforge.checking.document import Document
from planforge.checking.findings import Severity
from planforge.checking.parts import AUTHORITY, AUTHORITY_STRICT, bare
from planforge.checking.pieces import Piece
from planforge.checking.registry import Hit, error, rule, warning
from planforge.checking.rules._common import PL1, grouped, typeface, unknown
from planforge.checking.text import is_caps

ACADEMIC = re.compile(r"^(GS|PGS|TS|ThS|TSKH|KS|BS|CN|Ths|Gs|Ts|NGƯT|NGND)\.?\s", re.IGNORECASE)


def _split(block: list[Piece]) -> tuple[list[Piece], Piece | None]:
    """Authority and title lines (caps), and the signer's name (the last other line)."""
    lines = [p for p in block if is_caps(p.runs) and not p.text.startswith("(")]
    names = [p for p in block if not is_caps(p.runs) and not p.text.startswith(("(", "["))]
    return lines, names[-1] if names else None


@rule("S1", "Quyền hạn, chức vụ người ký", f"{PL1}, mục II.7")
def authority(document: Document) -> Iterator[Hit]:
    block = document.parts.signature
    if not block:
        yield unknown("khối chữ ký (quyền hạn, chức vụ, họ tên người ký)")
        return
    lines, name = _split(block)
    if not lines:
        where = document.where(name or block[0])
        yield error(
            where, "Khối chữ ký thiếu dòng quyền hạn, chức vụ của người ký (viết in hoa, in đậm)."
        )
        return
    yield from grouped(
        hit
        for line in lines
        for hit in typeface(
            document, line, "Quyền hạn, chức vụ người ký", low=13, high=14, bold=True, caps=True
        )
    )
    for line in lines:
        if AUTHORITY.match(bare(line.text)) and not AUTHORITY_STRICT.match(bare(line.text)):
            yield error(
                document.where(line),
                "Ký hiệu thẩm quyền phải là TM., KT., TL., TUQ. hoặc Q. (chữ in hoa và dấu chấm).",
            )


@rule("S2", "Họ tên người ký", f"{PL1}, mục II.7.c", Severity.WARNING)
def signer(document: Document) -> Iterator[Hit]:
    block = document.parts.signature
    if not block:
        yield unknown("khối chữ ký")
        return
    _, name = _split(block)
    if name is None:
        yield warning(
            document.where(block[-1]),
            "Không tìm thấy họ tên người ký (chữ thường, in đậm) dưới chức vụ.",
        )
        return
    for hit in typeface(document, name, "Họ tên người ký", low=13, high=14, bold=True):
        yield warning(hit.location, hit.message)
    if ACADEMIC.match(name.text):
        yield warning(
            document.where(name),
            "Không ghi học hàm, học vị (TS., PGS., ThS., …) trước họ tên người ký.",
        )
