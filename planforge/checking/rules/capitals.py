"""C1: capitals that Phụ lục II makes mechanical to check, in the body text."""

from __future__ import annotations

import re
from collections.abc import Iterator

from planforge.checking.document import Document
from planforge.checking.findings import Severity
from planforge.checking.registry import Hit, rule, warning
from planforge.checking.rules._common import PL2
from planforge.i18n import N_, _

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


@rule("C1", N_("Capital letters in the text"), f"{PL2}", Severity.WARNING)
def capitals(document: Document) -> Iterator[Hit]:
    for index in document.parts.body:
        text = document.paragraphs[index].text
        where = document.where(index)
        for match in TITLE_CASE.finditer(text):
            message = _(
                "“{text}”: an agency's name capitalises only the first letter of the word for "
                "the kind of agency and of the words for its field (e.g. “Ủy ban nhân dân”)."
            )
            yield warning(where, message.format(text=match[0]))
        for match in PART_UPPER.finditer(text):
            if _mid_sentence(text, match.start()):
                message = _("“{text}”: when cited, “khoản” and “điểm” are lower case.")
                yield warning(where, message.format(text=match[0]))
        for match in PART_LOWER.finditer(text):
            message = _("“{text}”: when cited, “Điều” and “Chương” are capitalised.")
            yield warning(where, message.format(text=match[0]))
        for match in UNIT.finditer(text):
            if _mid_sentence(text, match.start()):
                message = _(
                    "“{text} …”: the common noun for an administrative unit is lower case "
                    "(e.g. “tỉnh Lâm Đồng”)."
                )
                yield warning(where, message.format(text=match[1]))
