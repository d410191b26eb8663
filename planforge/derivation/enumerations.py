"""Enumerations of People's Committees rewritten whole (liệt kê cơ quan hành chính).

"Ủy ban nhân dân các huyện, thành phố Đà Lạt và Bảo Lộc" names three bodies
with one head and one kind shared by the last two. Each part is read back to
the body it names ("Ủy ban nhân dân thành phố Bảo Lộc") and mapped by the
profile's agency rules; when every part goes to the same body, the whole
enumeration becomes that body. Otherwise the enumeration is left whole for the
clerk, never rewritten part by part.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection

import attrs

from planforge.derivation.grammar import Grammar

_UPPER = "".join(c for c in map(chr, [*range(0x41, 0x250), *range(0x1E00, 0x1F00)]) if c.isupper())
_WORD = rf"[{_UPPER}][\w'’]*"
_NAME = rf"{_WORD}(?:(?: | - ){_WORD})*"
"""A proper name: capitalised words, maybe joined by " - " ("Xuân Hương - Đà Lạt")."""


@attrs.frozen
class Part:
    """One part of an enumeration: "các huyện", "thành phố Đà Lạt", "Bảo Lộc" (kind shared)."""

    text: str
    start: int
    body: str


def enumeration_pattern(grammar: Grammar) -> re.Pattern[str]:
    """A head followed by parts joined by ", " or " và "."""
    heads = "|".join(re.escape(h) for h in grammar.heads)
    kinds = "|".join(re.escape(k) for k in grammar.kinds)
    part = rf"(?:các )?(?:{kinds})(?![\w])(?: {_NAME})?"
    return re.compile(rf"(?<!\w)(?P<head>{heads}) {part}(?:(?:, | và )(?:{part}|{_NAME}))*")


def parts(match: re.Match[str], grammar: Grammar, known: Collection[str]) -> list[Part]:
    """The parts of one enumeration, each with the body it names.

    A bare name ("Bảo Lộc") takes the kind of the part before it, and is a part
    only when the higher plan names that body ("Ủy ban nhân dân thành phố Bảo
    Lộc"): otherwise the name begins the next phrase ("…, Sở Y tế") and the
    enumeration ends before it.
    """
    head = match.group("head")
    kinds = sorted(grammar.kinds, key=len, reverse=True)
    found: list[Part] = []
    kind = ""
    text = match.group(0)
    position = len(head) + 1
    for piece in re.split(r"(, | và )", text[position:]):
        if piece in (", ", " và "):
            position += len(piece)
            continue
        bare = piece.removeprefix("các ")
        own = next((k for k in kinds if bare == k or bare.startswith(k + " ")), None)
        if own is not None:
            kind = own
            body = f"{head} {piece}"
        else:
            body = f"{head} {kind} {piece}"
            if body not in known:
                break
        found.append(Part(piece, match.start() + position, body))
        position += len(piece)
    return found


OPEN, CLOSE = "\ue000", "\ue001"
"""Private-use marks around an enumeration held back from the other rules (never printed)."""


def rewrite_enumerations(
    text: str,
    grammar: Grammar,
    known: Collection[str],
    target_of: Callable[[str], str | None],
) -> tuple[str, list[str]]:
    """``text`` with each enumeration of two or more parts rewritten whole, and the held ones.

    An enumeration whose parts all go to one body becomes that body; one whose
    parts go to different places is replaced by a mark and returned, so that no
    later rule rewrites it part by part: :func:`restore` puts it back as written.
    """
    out: list[str] = []
    held: list[str] = []
    last = 0
    for match in enumeration_pattern(grammar).finditer(text):
        found = parts(match, grammar, known)
        if len(found) < 2:
            continue
        end = found[-1].start + len(found[-1].text)
        targets = {target_of(p.body) for p in found}
        if targets == {None}:  # no agency rule knows them: the phrase rules may
            continue
        if len(targets) == 1:
            replacement = targets.pop() or ""
        else:
            replacement = f"{OPEN}{len(held)}{CLOSE}"
            held.append(text[match.start() : end])
        out += [text[last : match.start()], replacement]
        last = end
    return "".join(out) + text[last:], held


def rewrite_chairs(
    text: str,
    grammar: Grammar,
    known: Collection[str],
    is_self: Callable[[str], bool],
    title: str,
    chairs: str,
) -> str:
    """``text`` with the chairs of the higher plan's lower committees as the unit's level below.

    "UBND tỉnh yêu cầu …; Chủ tịch UBND các huyện, thành phố căn cứ …": the lower
    committees are the unit itself, but their chairs are not its own chairman
    (a commune's plan would have "UBND xã yêu cầu … Chủ tịch UBND xã …"): they
    are the heads of the unit's own level below, ``chairs`` ("Trưởng thôn, Tổ
    trưởng tổ dân phố"). ``title`` is the chair's ("Chủ tịch").
    """
    out: list[str] = []
    last = 0
    lead = f"{title} "
    for match in enumeration_pattern(grammar).finditer(text):
        start = match.start() - len(lead)
        if start < last or text[start : match.start()] != lead:
            continue
        found = parts(match, grammar, known)
        if not found or not all(is_self(p.body) for p in found):
            continue
        out += [text[last:start], chairs]
        last = found[-1].start + len(found[-1].text)
    return "".join(out) + text[last:]


def restore(text: str, held: list[str]) -> str:
    """Put back the enumerations :func:`rewrite_enumerations` held."""
    return re.sub(f"{OPEN}(\\d+){CLOSE}", lambda m: held[int(m.group(1))], text)
