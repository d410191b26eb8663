"""Agencies from the header's capitals or the opening: name in normal case, code, level, seat."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from planforge.model import Agency, Level
from planforge.reading.folding import fold, folded, starts_with
from planforge.reading.vietnamese import is_caps
from planforge.reading.words import AGENCY_HEADS, LOCALITIES
from planforge.rendering.context import agency_lines

_EXPANSIONS = (
    ("UBND", "Ủy ban nhân dân"),
    ("HĐND", "Hội đồng nhân dân"),
    ("MTTQ", "Mặt trận Tổ quốc"),
)
_FIXED = ("Ủy ban nhân dân", "Hội đồng nhân dân", "Ủy ban Mặt trận Tổ quốc Việt Nam")
_CENTRAL_CITIES = folded("Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế")


def split_agencies(lines: Sequence[str], bold: Sequence[bool]) -> tuple[list[str], list[str]]:
    """The header's agency lines as (parent lines, issuing agency lines).

    Where boldness differs, the plain lines above the bold ones are the
    parent (Nghị định 30 prints the issuer bold); otherwise a second agency
    starts at a line beginning with an agency's word (SỞ, PHÒNG, …).
    """
    lines = list(lines)
    if any(bold) and not all(bold):
        plain = 0
        while plain < len(lines) and not bold[plain]:
            plain += 1
        if 0 < plain < len(lines) and all(bold[plain:]):
            return lines[:plain], lines[plain:]
        return [], lines
    if lines and starts_with(lines[0], AGENCY_HEADS):
        for index in range(1, len(lines)):
            if starts_with(lines[index], AGENCY_HEADS):
                return lines[:index], lines[index:]
    return [], lines


def normal_case(printed: str, texts: Sequence[str]) -> str:
    """The name of an agency printed in capitals, in normal case.

    The body usually cites the issuer in normal case; the name is taken from
    there when found ("ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG" → "Ủy ban nhân dân tỉnh
    Lâm Đồng"); otherwise common words go to small letters and proper names
    keep their capitals.
    """
    if not is_caps(printed):
        return _expand(printed)
    variants = [printed]
    for short, full in _EXPANSIONS:
        if fold(printed).startswith(fold(short) + " "):
            variants.append(full + printed[len(short) :])
    for variant in variants:
        found = _find(variant, texts)
        if found:
            return _expand(_transfer_case(found, variant))
    return _expand(_recase(printed))


def _transfer_case(found: str, printed: str) -> str:
    """The printed characters with the case of the same words found in the body."""
    if len(found) != len(printed):
        return found
    return "".join(f if f.upper() == p else p for f, p in zip(found, printed, strict=True))


def _expand(name: str) -> str:
    for short, full in _EXPANSIONS:
        if name.startswith(short + " "):
            return full + name[len(short) :]
    return name


def _find(phrase: str, texts: Sequence[str]) -> str | None:
    target = [fold(w) for w in phrase.split()]
    for text in texts:
        words = text.split()
        for start in range(len(words) - len(target) + 1):
            window = words[start : start + len(target)]
            if [fold(w.strip(",;:.()")) for w in window] == target:
                found = " ".join(window).strip(",;:.()")
                if not is_caps(found):
                    return found
    return None


def _recase(printed: str) -> str:
    for fixed in _FIXED:
        if fold(printed).startswith(fold(fixed)):
            rest = printed.split()[len(fixed.split()) :]
            return " ".join([fixed, *_recase_words(rest, name_start=False)])
    words = printed.split()
    if not words:
        return printed
    first = words[0] if _abbreviation(words[0]) else _capital(words[0].lower())
    return " ".join([first, *_recase_words(words[1:], name_start=not _abbreviation(words[0]))])


def _capital(word: str) -> str:
    return word[:1].upper() + word[1:]


def _recase_words(words: list[str], *, name_start: bool) -> list[str]:
    """Small letters, but capitals where a name starts and in place names."""
    out: list[str] = []
    capital, place = name_start, False
    index = 0
    while index < len(words):
        word = words[index]
        lower = word.lower()
        if _abbreviation(word):
            out.append(word)
            capital = False
        elif place or capital:
            out.append(_capital(lower))
            capital = False
        else:
            pair = fold(" ".join(words[index : index + 2]).lower().rstrip(","))
            if index + 1 < len(words) and pair in LOCALITIES and len(pair.split()) == 2:
                out += [lower, words[index + 1].lower()]
                index += 2
                place = True
                continue
            out.append(lower)
            place = fold(lower.rstrip(",")) in LOCALITIES
        capital = capital or lower in ("-", "–", "và") or word.endswith(",")
        index += 1
    return out


_SYLLABLE = re.compile(
    r"^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?[aeiouy]+(ch|ng|nh|[cmnptk])?$"
)


def _abbreviation(word: str) -> bool:
    """A code such as UBND, HĐND, VX3: letters that make no Vietnamese syllable."""
    core = word.strip(",;:.()")
    if any(c.isdigit() for c in core):
        return True
    base = "".join(
        c
        for c in unicodedata.normalize("NFD", core.lower().replace("đ", "\0"))
        if c.isalpha() or c == "\0"
    ).replace("\0", "đ")
    return len(base) >= 2 and core.isupper() and not _SYLLABLE.match(base)


def agency(
    printed_lines: Sequence[str], texts: Sequence[str], *, bold: bool, name: str | None = None
) -> Agency:
    """An agency from its header lines; ``header_lines`` kept when they differ from the wrap.

    ``name`` is the name where the document prints it in normal case.
    """
    name = name or normal_case(" ".join(printed_lines), texts)
    plain = Agency(name)
    lines = tuple(printed_lines) if agency_lines(plain, bold=bold) != list(printed_lines) else ()
    return describe(name, header_lines=lines)


def describe(
    name: str,
    *,
    abbreviation: str | None = None,
    header_lines: Sequence[str] = (),
    seat: str | None = None,
) -> Agency:
    """An agency named ``name`` with its code, level and seat where the name shows them."""
    level, place = _level(name)
    return Agency(
        name,
        abbreviation or abbreviate(name),
        level,
        place or (seat if level in (Level.DEPARTMENT, Level.DISTRICT_OFFICE) else None),
        tuple(header_lines),
    )


def abbreviate(name: str) -> str | None:
    """The usual code of an agency: UBND, HĐND, or S + initials for a Sở.

    >>> abbreviate("Sở Lao động - Thương binh và Xã hội"), abbreviate("UBND tỉnh Lai Châu")
    ('SLĐTBXH', 'UBND')
    """
    key = fold(name)
    for short, full in _EXPANSIONS[:2]:
        if key.startswith(fold(full)) or key.startswith(fold(short) + " "):
            return short
    if key.startswith(fold("Sở") + " "):
        words = [w for w in re.split(r"[\s,\-–]+", name)[1:] if w and fold(w) != fold("và")]
        return "S" + "".join(w[0].upper() for w in words if w[0].isalpha())
    return None


def _level(name: str) -> tuple[Level | None, str | None]:
    key = fold(name)
    words = name.split()
    for unit, level in (
        ("tỉnh", Level.PROVINCE),
        ("thành phố", Level.DISTRICT),
        ("huyện", Level.DISTRICT),
        ("quận", Level.DISTRICT),
        ("thị xã", Level.DISTRICT),
        ("xã", Level.COMMUNE),
        ("phường", Level.COMMUNE),
        ("thị trấn", Level.COMMUNE),
    ):
        at = f" {key} ".find(f" {fold(unit)} ")
        if at < 0:
            continue
        place = " ".join(words[len(key[:at].split()) + len(unit.split()) :])
        if not place or not place[:1].isupper():
            continue
        if unit == "thành phố" and fold(place) in _CENTRAL_CITIES:
            level = Level.PROVINCE
        if starts_with(name, folded("Sở")):
            return Level.DEPARTMENT, place
        if starts_with(name, folded("Phòng")):
            return Level.DISTRICT_OFFICE, place
        return level, place
    if starts_with(name, folded("Sở")):
        return Level.DEPARTMENT, None
    if starts_with(name, folded("Phòng")):
        return Level.DISTRICT_OFFICE, None
    if starts_with(name, folded("Bộ", "Thủ tướng", "Chính phủ", "Quốc hội")):
        return Level.CENTRAL, None
    return None, None
