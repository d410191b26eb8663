"""Upper-casing for headings and header lines (chữ in hoa)."""

from __future__ import annotations


def upper(text: str) -> str:
    """Return ``text`` in capitals as Nghị định 30 prints headings and agency names.

    Python's ``str.upper`` maps every precomposed Vietnamese letter (ủ → Ủ,
    đ → Đ); the function exists so that every capitalisation has one home.

    >>> upper("Ủy ban nhân dân tỉnh Lâm Đồng")
    'ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG'
    >>> upper("Quan điểm, mục tiêu")
    'QUAN ĐIỂM, MỤC TIÊU'
    """
    return text.upper()


def is_upper(text: str) -> bool:
    """Tell whether every cased letter of ``text`` is a capital.

    >>> is_upper("KT. CHỦ TỊCH"), is_upper("Kế hoạch")
    (True, False)
    """
    return text == text.upper() and any(ch.isalpha() for ch in text)
