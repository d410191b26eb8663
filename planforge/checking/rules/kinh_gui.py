"""K1: the "Kính gửi" block of an official letter (ô 9a; PL I, II.9)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from planforge.checking.document import Document
from planforge.checking.registry import Hit, error, rule
from planforge.checking.rules._common import PL1, missing, typeface


@rule("K1", "Kính gửi", f"{PL1}, mục II.9.d")
def kinh_gui(document: Document) -> Iterator[Hit]:
    block = document.parts.kinh_gui
    if not block:
        if document.is_cong_van:
            yield missing(document, "“Kính gửi:” và tên cơ quan, tổ chức nhận công văn")
        return
    head, names = block[0], block[1:]
    where = document.where(head)
    if not re.match(r"^Kính gửi:", head.text):
        yield error(where, "Phải viết “Kính gửi:” (chữ thường, có dấu hai chấm).")
    for piece in block:
        yield from typeface(document, piece, "Kính gửi", low=13, high=14, bold=None)
    inline = head.text.split(":", 1)[1].strip() if ":" in head.text else ""
    if not names and not inline:
        yield error(where, "Thiếu tên cơ quan, tổ chức nhận sau “Kính gửi:”.")
    if names:
        texts = [" ".join(p.text.split()) for p in names]
        for piece, text in zip(names[:-1], texts[:-1], strict=True):
            if not text.endswith(";"):
                yield error(
                    document.where(piece),
                    "Mỗi nơi nhận sau “Kính gửi:” kết thúc bằng dấu chấm phẩy (;).",
                )
        if not texts[-1].endswith("."):
            yield error(
                document.where(names[-1]),
                "Nơi nhận cuối cùng sau “Kính gửi:” kết thúc bằng dấu chấm (.).",
            )
        if len(names) == 1:
            yield error(where, "Chỉ một nơi nhận thì ghi cùng dòng với “Kính gửi:”.")
