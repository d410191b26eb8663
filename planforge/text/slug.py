"""File-name slugs from Vietnamese names ("thành phố Đà Lạt" → "thanh-pho-da-lat")."""

from __future__ import annotations

import re
import unicodedata


def slugify(text: str) -> str:
    """Lower-case ASCII words joined by hyphens; đ becomes d.

    >>> slugify("thành phố Đà Lạt"), slugify("huyện Đạ Tẻh"), slugify("phường B'Lao")
    ('thanh-pho-da-lat', 'huyen-da-teh', 'phuong-b-lao')
    """
    text = text.replace("đ", "d").replace("Đ", "D")
    ascii_text = unicodedata.normalize("NFD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
