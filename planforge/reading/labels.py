"""The label grammar of Vietnamese plans: I., 1., a), a., -, +, 10.1., Phần I, Điều 1."""

from __future__ import annotations

import re
from dataclasses import dataclass

from planforge.model import Marker
from planforge.text.labels import VIETNAMESE_LETTERS

_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50}

_PART = re.compile(
    r"^((?:Phần|PHẦN|Chương|CHƯƠNG)\s+(?:thứ\s+\w+|THỨ\s+\w+|[IVXL]+|\d+))(?=$|[\s.:\-–])[.:\-–]?"
)
_ARTICLE = re.compile(r"^((?:Điều|ĐIỀU)\s+\d+)\s*[.:]")
_MULTI = re.compile(r"^(\d{1,2}(?:\.\d{1,2})+\.?)(?=\s)")
_ROMAN = re.compile(r"^([IVXL]{1,6})\s?([.)])")
_ARABIC = re.compile(r"^(\d{1,3})\s?([.)])")
_BARE = re.compile(r"^(\d{1,2})(?=\s+[A-ZĐÀ-Ỹ])")
_LETTER = re.compile(r"^([a-zđ])\s?([).])")
_UPPER = re.compile(r"^([A-Z])\s?([.)])")
_DASH = re.compile(r"^([-–—−‐•·▪◦●○■□➢➤►✓✔⁃])")
_PLUS = re.compile(r"^(\+)")


@dataclass(frozen=True)
class Label:
    """A label as printed, with what it says.

    ``level`` groups labels that number siblings ("roman", "arabic",
    "letter", "dash", "plus", "part", "upper", "article", "multi2" for
    "10.1."); ``value`` is its position where it has one; ``marker`` is the
    model's marker of that level (other forms print as an explicit label).
    """

    raw: str
    level: str
    value: int | None
    marker: Marker

    @property
    def strong(self) -> bool:
        """Whether it numbers (I., 1., a), Phần) rather than marks a list item (-, +)."""
        return self.level not in ("dash", "plus")


def roman_value(text: str) -> int | None:
    """The value of a well-formed Roman numeral up to 89, else None.

    >>> roman_value("XIV"), roman_value("IIII"), roman_value("VX")
    (14, None, None)
    """
    from planforge.text.labels import roman

    total = 0
    for current, following in zip(text, text[1:] + " ", strict=True):
        value = _ROMAN_VALUES.get(current)
        if value is None:
            return None
        bigger = following != " " and _ROMAN_VALUES.get(following, 0) > value
        total += -value if bigger else value
    return total if total > 0 and roman(total) == text else None


def split_label(text: str, *, bold_prefix: int = 0) -> tuple[Label | None, str]:
    """Split the label off a paragraph: ("I. QUAN ĐIỂM") → (Label "I.", "QUAN ĐIỂM").

    A label must be followed by a space or a capital letter ("1.Quan điểm");
    a bare number ("1 Mục đích.") counts only inside a bold lead. Without a
    label, or with nothing after it, the text is returned whole.

    >>> [(label and label.raw, rest) for label, rest in map(split_label, [
    ...     "a) Chỉ tiêu", "10.1. Sở Y tế", "- Ít nhất 70%", "100% các xã", "Phần I"])]
    ... # doctest: +NORMALIZE_WHITESPACE
    [('a)', 'Chỉ tiêu'), ('10.1.', 'Sở Y tế'), ('-', 'Ít nhất 70%'), (None, '100% các xã'),
     ('Phần I', '')]
    """
    label, end = _match(text, bold_prefix)
    if label is None:
        return None, text
    rest = text[end:].lstrip()
    if not rest and label.level != "part":
        return None, text
    if end < len(text) and not text[end].isspace() and not _glued_ok(text[end:]):
        return None, text
    return label, rest


def _glued_ok(rest: str) -> bool:
    """A label glued to its text ("1.Quan", "-Thực") is a label only before a capital."""
    return rest[:1].isupper()


def _match(text: str, bold_prefix: int) -> tuple[Label | None, int]:
    match = _PART.match(text)
    if match:
        return Label(match.group(1), "part", None, Marker.ROMAN), match.end()
    match = _ARTICLE.match(text)
    if match:
        return Label(match.group(0).strip(), "article", None, Marker.ARABIC), match.end()
    match = _MULTI.match(text)
    if match and (match.group(1).endswith(".") or text[match.end() :].lstrip()[:1].isupper()):
        depth = match.group(1).rstrip(".").count(".") + 1
        return Label(match.group(1), f"multi{depth}", None, Marker.ARABIC), match.end()
    match = _ROMAN.match(text)
    if match and roman_value(match.group(1)) is not None:
        raw = match.group(1) + match.group(2)
        return Label(raw, "roman", roman_value(match.group(1)), Marker.ROMAN), match.end()
    match = _ARABIC.match(text)
    if match:
        raw = match.group(1) + match.group(2)
        return Label(raw, "arabic", int(match.group(1)), Marker.ARABIC), match.end()
    match = _BARE.match(text)
    if match and bold_prefix > len(match.group(1)):
        return Label(match.group(1), "arabic", int(match.group(1)), Marker.ARABIC), match.end()
    match = _LETTER.match(text)
    if match:
        raw = match.group(1) + match.group(2)
        letter = match.group(1)
        value = VIETNAMESE_LETTERS.index(letter) + 1 if letter in VIETNAMESE_LETTERS else None
        return Label(raw, "letter", value, Marker.LETTER), match.end()
    match = _UPPER.match(text)
    if match:
        raw = match.group(1) + match.group(2)
        return Label(raw, "upper", ord(match.group(1)) - 64, Marker.ROMAN), match.end()
    match = _DASH.match(text)
    if match:
        return Label(match.group(1), "dash", None, Marker.DASH), match.end()
    match = _PLUS.match(text)
    if match:
        return Label("+", "plus", None, Marker.PLUS), match.end()
    return None, 0
