"""File-name slugs from Vietnamese names ("thành phố Đà Lạt" → "thanh-pho-da-lat")."""

from __future__ import annotations

import re
import unicodedata

from planforge.i18n import N_

MAX_SLUG_BYTES = 100
"""The longest slug: room for "-review.docx" and a temporary name within 255 bytes."""

_SLUG = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
"""One file-name part: ASCII (it travels by e-mail, zip and Windows), never hidden, no "/"."""


def slugify(text: str) -> str:
    """Lower-case ASCII words joined by hyphens; đ becomes d.

    >>> slugify("thành phố Đà Lạt"), slugify("huyện Đạ Tẻh"), slugify("phường B'Lao")
    ('thanh-pho-da-lat', 'huyen-da-teh', 'phuong-b-lao')
    """
    text = text.replace("đ", "d").replace("Đ", "D")
    ascii_text = unicodedata.normalize("NFD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def slug_problem(slug: str) -> str | None:
    """Why ``slug`` cannot name files inside an output folder, or None if it can.

    The reason is an untranslated message (translate it where it is shown).

    >>> slug_problem("huyen-lam-ha") is None, slug_problem("../victim") is not None
    (True, True)
    """
    if not slug:
        return N_("gives an empty file name; set a slug of letters, digits and '-'")
    if len(slug.encode("utf-8")) > MAX_SLUG_BYTES:
        return N_("gives a file name longer than 100 characters; set a shorter slug")
    if not _SLUG.fullmatch(slug) or slug.endswith("."):
        return N_(
            "is not a file name: use ASCII letters, digits, '-', '_' and '.', "
            "starting with a letter or digit (no '/', '\\' or '..')"
        )
    return None
