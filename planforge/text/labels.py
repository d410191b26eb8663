"""Section labels of Structure B: "I.", "1.", "a)" through the Vietnamese alphabet, "-", "+"."""

from __future__ import annotations

# Nghị định 30 numbers points through the Vietnamese alphabet: no f, j, w, z,
# and "đ" follows "d".
VIETNAMESE_LETTERS = (
    "a",
    "b",
    "c",
    "d",
    "đ",
    "e",
    "g",
    "h",
    "i",
    "k",
    "l",
    "m",
    "n",
    "o",
    "p",
    "q",
    "r",
    "s",
    "t",
    "u",
    "v",
    "x",
    "y",
)

_ROMAN = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)


def roman(number: int) -> str:
    """Return ``number`` in Roman numerals.

    >>> roman(4), roman(9), roman(14), roman(30), roman(49)
    ('IV', 'IX', 'XIV', 'XXX', 'XLIX')
    """
    if number < 1:
        raise ValueError(f"Roman numerals start at 1, not {number}")
    out = []
    for value, digits in _ROMAN:
        count, number = divmod(number, value)
        out.append(digits * count)
    return "".join(out)


def letter(number: int) -> str:
    """Return the ``number``-th point letter; past "y" the letters double ("aa").

    >>> letter(1), letter(5), letter(6), letter(23), letter(24)
    ('a', 'đ', 'e', 'y', 'aa')
    """
    if number < 1:
        raise ValueError(f"point letters start at 1, not {number}")
    size = len(VIETNAMESE_LETTERS)
    if number <= size:
        return VIETNAMESE_LETTERS[number - 1]
    return letter((number - 1) // size) + VIETNAMESE_LETTERS[(number - 1) % size]
