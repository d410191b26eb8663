"""Tests on Vietnamese text: agency names, sentence ends, open line ends, capitals."""

from __future__ import annotations

from planforge.reading.folding import fold, folded, starts_with
from planforge.reading.words import AGENCY_HEADS, FUNCTION_WORDS


def is_agency_start(text: str) -> bool:
    """Tell whether ``text`` starts with an agency's name ("Sở Y tế …", "UBND tỉnh …").

    >>> is_agency_start("Sở Y tế chỉ đạo"), is_agency_start("Tổ chức tập huấn")
    (True, False)
    """
    head = starts_with(text, AGENCY_HEADS)
    if head is None:
        return False
    rest = text.split()
    # "Ban" or "Hội" alone are agencies only with a capitalised name after them.
    words = len(head.split())
    after = rest[words] if len(rest) > words else ""
    if head in folded("ban", "hội", "đội", "trạm", "ngành", "đơn vị", "cơ quan", "đoàn", "quỹ"):
        return after[:1].isupper()
    return True


def sentence_case(text: str) -> str:
    """The first letter in capitals ("phòng, chống …" → "Phòng, chống …")."""
    for index, char in enumerate(text):
        if char.isalpha():
            return text[:index] + char.upper() + text[index + 1 :]
    return text


def ends_sentence(text: str) -> bool:
    """Tell whether ``text`` ends with sentence-final punctuation (. ; ! ? … or ./.).

    >>> ends_sentence("… xã hội;"), ends_sentence("1. Quan điểm"), ends_sentence("như sau:")
    (True, False, False)
    """
    return text.rstrip().rstrip("\"”’')»*_").endswith((".", ";", "!", "?", "…"))


def last_words(text: str, count: int = 1) -> str:
    """The folded last ``count`` words of ``text``."""
    return " ".join(fold(text).replace(",", " ").split()[-count:])


def ends_open(text: str) -> bool:
    """Tell whether a line ends in the middle of a phrase (a function word, a comma, a dash).

    >>> ends_open("… tổ chức phạm tội liên quan của"), ends_open("1. Quan điểm")
    (True, False)
    """
    stripped = text.rstrip()
    if stripped.endswith((",", "-", "–", "(", "/", "&")):
        return True
    tail = {last_words(stripped), last_words(stripped, 2), last_words(stripped, 3)}
    if tail & FUNCTION_WORDS:
        return True
    # "… của Sở", "4. Sở": an agency's word, capitalised, waits for the agency's name.
    words = stripped.split()
    capital = [
        " ".join(words[-n:]) for n in (1, 2, 3) if len(words) >= n and words[-n][:1].isupper()
    ]
    return not is_caps(stripped) and bool({fold(c) for c in capital} & AGENCY_HEADS)


def is_caps(text: str) -> bool:
    """Tell whether every letter of ``text`` is a capital and it has at least two.

    >>> is_caps("I. QUAN ĐIỂM, MỤC TIÊU"), is_caps("Số: 7851/KH-UBND")
    (True, False)
    """
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


def starts_lower(text: str) -> bool:
    """Tell whether the first letter of ``text`` is a small letter."""
    for char in text:
        if char.isalpha():
            return char.islower()
        if char.isdigit():
            return False
    return False


def starts_upper(text: str) -> bool:
    """Tell whether ``text`` starts with a capital letter or a digit (after quotes)."""
    for char in text:
        if char.isalpha():
            return char.isupper()
        if char.isdigit():
            return True
        if char not in "\"“'‘(«*_ ":
            return False
    return False
