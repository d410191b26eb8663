"""C1: capitals that Phụ lục II makes mechanical to check, in the body text."""

from __future__ import annotations

import re
from collections.abc import Iterator

from planforge.checking.document import Document
from planforge.checking.findings import Severity
from planforge.checking.registry import Hit, rule, warning
from planforge.checking.rules._common import PL2

TITLE_CASE = re.compile(
    r"\b(?:(?:Ủy|Uỷ) Ban Nhân Dân|Hội Đồng Nhân Dân|Mặt Trận Tổ Quốc|Ban Chỉ Đạo|"
    r"Tài Nguyên Và Môi Trường|Lao Động - Thương Binh Và Xã Hội|Giáo Dục Và Đào Tạo|"
    r"Kế Hoạch Và Đầu Tư|Văn Hóa, Thể Thao Và Du Lịch|Thông Tin Và Truyền Thông|"
    r"Nông Nghiệp Và Phát Triển Nông Thôn|Sở Y Tế|Sở Tư Pháp|Sở Tài Chính|Bộ Nội Vụ)\b"
)
PART_UPPER = re.compile(r"\b(Khoản \d+|Điểm [a-zđ]\b)")
PART_LOWER = re.compile(r"\b(điều \d+|chương [IVXLC]+\b)")
UNIT = re.compile(
    r"\b(Tỉnh|Huyện|Xã|Phường|Thị trấn|Thị xã) (?=[A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈẺẼẸÍÌỈĨỊÓÒỎÕỌÚÙỦŨỤÝỲỶỸỴ])"
)


def _mid_sentence(text: str, start: int) -> bool:
    """Whether ``start`` follows a lowercase word or a comma (not a sentence start)."""
    before = text[:start].rstrip()
    return bool(before) and (before[-1].islower() or before[-1] in ",;")


@rule("C1", "Viết hoa trong văn bản", f"{PL2}", Severity.WARNING)
def capitals(document: Document) -> Iterator[Hit]:
    for index in document.parts.body:
        text = document.paragraphs[index].text
        where = document.where(index)
        for match in TITLE_CASE.finditer(text):
            yield warning(
                where,
                f"“{match[0]}”: tên cơ quan chỉ viết hoa chữ cái đầu của từ chỉ loại cơ quan và "
                f"của cụm từ chỉ chức năng, lĩnh vực (ví dụ “Ủy ban nhân dân”).",
            )
        for match in PART_UPPER.finditer(text):
            if _mid_sentence(text, match.start()):
                yield warning(where, f"“{match[0]}”: khi viện dẫn, “khoản”, “điểm” viết thường.")
        for match in PART_LOWER.finditer(text):
            yield warning(where, f"“{match[0]}”: khi viện dẫn, “Điều”, “Chương” viết hoa.")
        for match in UNIT.finditer(text):
            if _mid_sentence(text, match.start()):
                yield warning(
                    where,
                    f"“{match[1]} …”: danh từ chung chỉ đơn vị hành chính viết thường "
                    f"(ví dụ “tỉnh Lâm Đồng”).",
                )
