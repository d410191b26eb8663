"""Measure, wrap and rule Times New Roman text with Liberation Serif metrics."""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Sequence

from planforge.text._metrics_data import ADVANCES, UNITS_PER_EM

__all__ = [
    "MOTTO",
    "motto_rule",
    "rule_under",
    "text_width_mm",
    "underscore_rule",
    "wrap_lines",
]

#: The tiêu ngữ (NĐ 30, PL I, Mục II.1).
MOTTO = "Độc lập - Tự do - Hạnh phúc"

_MM_PER_PT = 25.4 / 72
_EPSILON = 1e-9

#: face -> character -> advance width in font units
_WIDTHS: dict[str, dict[str, int]] = {
    face: {char: advance for advance, chars in table.items() for char in chars}
    for face, table in ADVANCES.items()
}

#: face -> mean advance of "a".."z", the width given to characters with no metrics
_LOWERCASE_MEAN: dict[str, float] = {
    face: sum(widths[chr(cp)] for cp in range(ord("a"), ord("z") + 1)) / 26
    for face, widths in _WIDTHS.items()
}

#: Line breaks happen only at ASCII spaces and tabs; NBSP keeps words together.
_BREAKABLE_SPACE = re.compile(r"[ \t]+")

#: Tokens that join their neighbours: no line may start or end with one.
_DASHES = frozenset("-\u2013\u2014")

#: Capitalised words that open a new phrase of an agency name: "... VÀ XÃ HỘI",
#: "... TỈNH LÂM ĐỒNG", "... THÀNH PHỐ HỒ CHÍ MINH". A line break before one of
#: them is preferred to any other break that needs no more lines.
_PHRASE_STARTS: tuple[tuple[str, ...], ...] = (
    ("VÀ",),
    ("TỈNH",),
    ("THÀNH", "PHỐ"),
    ("HUYỆN",),
    ("QUẬN",),
    ("THỊ", "XÃ"),
    ("THỊ", "TRẤN"),
    ("XÃ",),
    ("PHƯỜNG",),
    ("ĐẶC", "KHU"),
)
#: ... except where the word starts a compound noun instead ("XÃ HỘI" = society).
_NOT_PHRASE_STARTS: tuple[tuple[str, ...], ...] = (("XÃ", "HỘI"),)


def _face(*, bold: bool, italic: bool) -> str:
    """Return the face key of ``ADVANCES`` for the given style."""
    if bold:
        return "bold_italic" if italic else "bold"
    return "italic" if italic else "regular"


def _char_units(char: str, face: str) -> float:
    """Return the advance of one NFC character in font units, with fallbacks."""
    widths = _WIDTHS[face]
    advance = widths.get(char)
    if advance is not None:
        return advance
    if unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0  # combining marks and format characters take no space
    base = unicodedata.normalize("NFD", char)[0]
    if base in widths:
        return widths[base]
    return _LOWERCASE_MEAN[face]


def _units(text: str, face: str) -> float:
    """Return the advance of NFC text in font units."""
    return sum(_char_units(char, face) for char in text)


def _units_per_mm(size_pt: float, face: str) -> float:
    """Return how many font units make one millimetre at size_pt."""
    return UNITS_PER_EM[face] / (size_pt * _MM_PER_PT)


def text_width_mm(text: str, size_pt: float, *, bold: bool = False, italic: bool = False) -> float:
    """Return the printed width of one line of text in Times New Roman, in mm.

    The text is NFC-normalised first. A character with no stored metrics gets the
    width of its NFD base letter, else the mean width of "a".."z"; combining marks
    and format characters (ZWSP, soft hyphen) take no space. No kerning is applied
    (Word does not kern by default).

    >>> round(text_width_mm("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 13, bold=True), 1)
    95.7
    >>> round(text_width_mm(MOTTO, 14, bold=True), 1)
    60.5
    >>> text_width_mm("", 13)
    0.0
    """
    face = _face(bold=bold, italic=italic)
    units = _units(unicodedata.normalize("NFC", text), face)
    return units / _units_per_mm(size_pt, face)


def _is_dash(token: str) -> bool:
    """Tell whether a token is a bare dash used as a separator or list mark."""
    return all(char in _DASHES for char in token)


def _phrase_start(tokens: Sequence[str], index: int) -> bool:
    """Tell whether tokens[index] opens a new phrase of a capitalised name."""

    def matches(words: tuple[str, ...]) -> bool:
        return tuple(tokens[index : index + len(words)]) == words

    if any(matches(words) for words in _NOT_PHRASE_STARTS):
        return False
    return any(matches(words) for words in _PHRASE_STARTS)


def _wrap_segment(segment: str, limit: float, face: str) -> list[str]:
    """Wrap one explicit line; limit is the column width in font units."""
    tokens = [token for token in _BREAKABLE_SPACE.split(segment) if token]
    if not tokens:
        return [""]
    # Group tokens into units that cannot be broken apart ("ĐỘNG - THƯƠNG").
    starts = [
        i
        for i in range(len(tokens))
        if i == 0 or not (_is_dash(tokens[i]) or _is_dash(tokens[i - 1]))
    ]
    ends = [*starts[1:], len(tokens)]
    units = [" ".join(tokens[s:e]) for s, e in zip(starts, ends, strict=True)]
    widths = [_units(unit, face) for unit in units]
    space = _units(" ", face)
    phrase = [_phrase_start(tokens, s) for s in starts]
    count = len(units)

    # best[i]: the best way to set units[i:], as
    # (lines, -phrase breaks, longest line, -end of the first line).
    # Fewer lines first, then more breaks before a phrase word, then the shortest
    # longest line, then the later first break (longer top lines, as in headers).
    # The order is monotone, so the suffix recursion is exact.
    best: list[tuple[int, int, float, int]] = [(0, 0, 0.0, -count)] * (count + 1)
    for i in range(count - 1, -1, -1):
        options: list[tuple[int, int, float, int]] = []
        width = -space
        for j in range(i + 1, count + 1):
            width += space + widths[j - 1]
            if width > limit + _EPSILON and j > i + 1:
                break  # a unit wider than the column may stand alone and overflow
            lines, neg_phrases, longest, _ = best[j]
            if j < count and phrase[j]:
                neg_phrases -= 1
            options.append((lines + 1, neg_phrases, max(longest, width), -j))
        best[i] = min(options)

    lines_out: list[str] = []
    i = 0
    while i < count:
        j = -best[i][3]
        lines_out.append(" ".join(units[i:j]))
        i = j
    return lines_out


def wrap_lines(
    text: str,
    width_mm: float,
    size_pt: float,
    *,
    bold: bool = False,
    italic: bool = False,
) -> list[str]:
    r"""Wrap text into as few lines as fit width_mm, balanced, in Times New Roman.

    Among the splits with the fewest lines, prefer breaks before a capitalised
    phrase word (VÀ, TỈNH, THÀNH PHỐ, HUYỆN, QUẬN, THỊ XÃ, XÃ, PHƯỜNG, ...), then
    the split whose longest line is shortest. A dash token (hyphen-minus, en or
    em dash) never ends or starts a line. Lines break only at ASCII spaces and
    tabs (NBSP binds); "\n" forces a break. A word wider than the column is put
    on its own line and overflows. The result is NFC with single spaces.

    >>> wrap_lines("ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", 62, 13, bold=True)
    ['ỦY BAN NHÂN DÂN', 'TỈNH LÂM ĐỒNG']
    >>> wrap_lines("SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", 70, 13, bold=True)
    ['SỞ LAO ĐỘNG - THƯƠNG BINH', 'VÀ XÃ HỘI']
    >>> wrap_lines("UBND TỈNH LẠNG SƠN\nSỞ Y TẾ", 62, 13)
    ['UBND TỈNH LẠNG SƠN', 'SỞ Y TẾ']
    """
    face = _face(bold=bold, italic=italic)
    limit = width_mm * _units_per_mm(size_pt, face)
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n")
    lines: list[str] = []
    for segment in text.split("\n"):
        lines += _wrap_segment(segment, limit, face)
    return lines


def _underscore_mm(size_pt: float) -> float:
    """Return the width of one regular underscore at size_pt, in mm."""
    return text_width_mm("_", size_pt)


def underscore_rule(length_mm: float, size_pt: float) -> str:
    """Return the run of regular underscores printing closest to length_mm.

    >>> len(underscore_rule(50, 13))
    22
    >>> underscore_rule(0, 13)
    ''
    """
    count = math.floor(length_mm / _underscore_mm(size_pt) + 0.5)
    return "_" * max(count, 0)


def rule_under(
    lines: Sequence[str],
    size_pt: float,
    *,
    bold: bool,
    fraction: float = 0.4,
    rule_size_pt: float | None = None,
) -> str:
    """Return the short rule under an agency name or a subject.

    The rule is fraction of the longest line (set at size_pt, bold or not),
    printed as regular underscores at rule_size_pt (default size_pt), and kept
    within 1/3 to 1/2 of that line (NĐ 30, PL I, Mục II.5.a) after rounding to whole
    underscores, whenever a whole count fits in that band.

    >>> len(rule_under(["ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG"], 13, bold=True))
    8
    >>> rule_under([], 13, bold=True)
    ''
    """
    longest = max((text_width_mm(line, size_pt, bold=bold) for line in lines), default=0)
    unit = _underscore_mm(size_pt if rule_size_pt is None else rule_size_pt)
    count = math.floor(fraction * longest / unit + 0.5)
    low = math.ceil(longest / 3 / unit - _EPSILON)
    high = math.floor(longest / 2 / unit + _EPSILON)
    if low <= high:
        count = min(max(count, low), high)
    return "_" * max(count, 0)


def motto_rule(size_pt: float = 14) -> str:
    """Return the rule under the bold motto: as long as it, in regular underscores.

    >>> len(motto_rule())
    24
    >>> len(motto_rule(13))
    24
    """
    return underscore_rule(text_width_mm(MOTTO, size_pt, bold=True), size_pt)
