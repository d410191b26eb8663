"""Questions derivation asks the level catalogue: pure functions on its values.

Each takes the catalogue as a keyword (default: the bundled one), so that a
province's own catalogue answers the same way.
"""

from __future__ import annotations

import datetime
import functools
import re
from collections.abc import Iterator

from planforge.catalogue.loading import bundled_catalogue
from planforge.catalogue.schema import Body, Catalogue, FunctionRule, Noun, UnitKind
from planforge.errors import DerivationError
from planforge.i18n import _
from planforge.text.needle import needle

KIND = "{kind}"
"""The placeholder of a body's name for the unit's noun ("Công an {kind}")."""


def named(name: str, noun: str) -> str:
    """A catalogue name for one noun.

    >>> named("Công an {kind}", "huyện")
    'Công an huyện'
    """
    return name.replace(KIND, noun)


def kind_of(
    name: str,
    date: datetime.date,
    *,
    level: str | None = None,
    catalogue: Catalogue | None = None,
) -> UnitKind:
    """The kind of unit called ``name`` (its noun) on ``date``; ``level`` picks a tier.

    >>> kind_of("huyện", datetime.date(2021, 11, 4)).id
    'district'
    >>> kind_of("xã", datetime.date(2025, 9, 1)).id, kind_of("xã", datetime.date(2021, 1, 1)).id
    ('commune-2025', 'commune')
    >>> kind_of("sở", datetime.date(2025, 9, 1)).tier
    'department'
    >>> kind_of("huyện", datetime.date(2025, 9, 1))  # doctest: +IGNORE_EXCEPTION_DETAIL
    Traceback (most recent call last):
    ...
    planforge.errors.DerivationError: no kind of unit 'huyện' on 2025-09-01 …
    """
    catalogue = catalogue or bundled_catalogue()
    valid = [k for k in catalogue.kinds if k.valid_on(date)]
    for kind in valid:
        if kind.noun(name) is not None and (level is None or kind.tier == level):
            return kind
    known = ", ".join(dict.fromkeys(n.name for k in valid for n in k.nouns))
    message = _("no kind of unit {name!r} on {date} in the level catalogue; known then: {known}")
    raise DerivationError(message.format(name=name, date=date.isoformat(), known=known))


def noun_of(kind: UnitKind, noun: str | None = None) -> Noun:
    """The noun ``noun`` of ``kind``, or its first one."""
    return (kind.noun(noun) if noun else None) or kind.nouns[0]


def bodies(kind: UnitKind, noun: str | None = None) -> tuple[Body, ...]:
    """The bodies of ``kind``; with ``noun``, only those of that noun.

    >>> commune = kind_of("phường", datetime.date(2025, 9, 1))
    >>> [b.name for b in bodies(commune, "phường") if b.name.startswith("Phòng")]
    ['Phòng Văn hóa - Xã hội', 'Phòng Kinh tế, Hạ tầng và Đô thị']
    """
    if noun is None:
        return kind.bodies
    return tuple(b for b in kind.bodies if not b.nouns or noun in b.nouns)


def _names(body: Body, kind: UnitKind) -> set[str]:
    return {named(n, noun.name).casefold() for n in body.names() for noun in kind.nouns}


def find_body(name: str, kind: UnitKind) -> Body | None:
    """The body of ``kind`` that ``name`` names (its canonical name or a variant)."""
    wanted = name.strip().casefold()
    return next((b for b in kind.bodies if wanted in _names(b, kind)), None)


def counterpart(
    body_name: str, from_kind: UnitKind, to_kind: UnitKind, noun: str | None = None
) -> Body | None:
    """The body of ``to_kind`` that matches ``body_name`` of ``from_kind``, one level apart.

    Down (a province's body to a commune's; ``noun`` picks the unit's own, a
    ward's office rather than a commune's) or up (a commune's to the province's
    first counterpart); None when there is none (the duty is dropped).

    >>> day = datetime.date(2025, 9, 1)
    >>> commune, province = kind_of("xã", day), kind_of("tỉnh", day)
    >>> counterpart("Sở Y tế", province, commune).name
    'Phòng Văn hóa - Xã hội'
    >>> counterpart("Phòng Văn hóa - Xã hội", commune, province).name
    'Sở Y tế'
    >>> counterpart("Công an tỉnh", province, commune).name
    'Công an {kind}'
    >>> counterpart("Bộ Chỉ huy Bộ đội Biên phòng tỉnh", province, commune) is None
    True
    >>> counterpart("Sở Xây dựng", province, commune, "phường").name
    'Phòng Kinh tế, Hạ tầng và Đô thị'
    """
    if to_kind.above == from_kind.id:
        source = find_body(body_name, from_kind)
        wanted = _names(source, from_kind) if source else {body_name.casefold()}
        for body in bodies(to_kind, noun):
            ups = {
                named(c, noun.name).casefold()
                for c in body.counterparts
                for noun in from_kind.nouns
            }
            if ups & wanted:
                return body
        return None
    if from_kind.above == to_kind.id:
        source = find_body(body_name, from_kind)
        for name in source.counterparts if source else ():
            found = find_body(name, to_kind)
            if found is not None:
                return found
    return None


def party_committee(kind: UnitKind, noun: str | None = None) -> str:
    """The Party committee of a unit of ``kind`` (cấp ủy).

    >>> district = kind_of("thành phố", datetime.date(2021, 11, 1))
    >>> party_committee(district, "thành phố"), party_committee(district, "huyện")
    ('Thành ủy', 'Huyện ủy')
    """
    return noun_of(kind, noun).party_committee


def subordinates(kind: UnitKind, noun: str | None = None) -> str:
    """The level below a unit of ``kind``, as its plan names it.

    >>> subordinates(kind_of("huyện", datetime.date(2021, 11, 1)), "huyện")
    'Ủy ban nhân dân các xã, thị trấn'
    >>> subordinates(kind_of("xã", datetime.date(2025, 9, 1)), "xã")
    'các thôn, tổ dân phố'
    """
    return noun_of(kind, noun).subordinates


def abolished(kind: UnitKind, noun: str | None = None) -> list[tuple[str, str | None]]:
    """The names that no longer exist in ``kind``'s era, each with its successor.

    >>> gone = dict(abolished(kind_of("xã", datetime.date(2025, 9, 1)), "xã"))
    >>> gone["Bộ Lao động - Thương binh và Xã hội"], gone["thị trấn"], gone["Huyện ủy"]
    ('Bộ Y tế', None, 'Đảng ủy xã')
    """
    word = noun_of(kind, noun).name
    return [
        (a.name, None if a.successor is None else named(a.successor, word)) for a in kind.abolished
    ]


def functions_missing(
    body: str, kind: UnitKind, *, catalogue: Catalogue | None = None
) -> tuple[FunctionRule, ...]:
    """The function rules of ``kind`` that ``body`` (a name) lacks.

    >>> district = kind_of("huyện", datetime.date(2021, 11, 1))
    >>> police = [r.id for r in functions_missing("Công an huyện", district)]
    >>> "investigation" in police, "prosecution" in police  # police investigate
    (False, True)
    >>> procuracy = [r.id for r in functions_missing("Viện Kiểm sát nhân dân huyện", district)]
    >>> "investigation" in procuracy, "prosecution" in procuracy
    (True, False)
    >>> office = [r.id for r in functions_missing("Phòng Tư pháp", district)]
    >>> "investigation" in office, "prosecution" in office  # and neither is a Phòng's
    (True, True)
    """
    catalogue = catalogue or bundled_catalogue()
    return tuple(r for r in catalogue.functions if kind.id in r.kinds and not r.held_by(body))


@functools.lru_cache(maxsize=4096)  # a derivation asks for the same names thousands of times
def name_pattern(words: str) -> re.Pattern[str]:
    """A name as whole words, as documents write it: a lower-case name also with a capital
    first letter, and its " - " written "-", " -", "- " or left out (a PDF's text often
    loses the spaces or the dash).

    >>> bool(name_pattern("Sở Lao động - Thương binh và Xã hội").search(
    ...     "qua Sở Lao động Thương binh và Xã hội để tổng hợp"))
    True
    >>> bool(name_pattern("ngành y tế").search("Ngành y tế các cấp"))
    True
    >>> bool(name_pattern("thị trấn").search("thị trấnx"))
    False
    """
    first = words[:1]
    head = f"[{first}{first.upper()}]" if first.islower() else re.escape(first)
    parts = re.split(r"\s*-\s*", words[1:])
    body = r"(?:\s*-\s*|\s+)".join(re.escape(part) for part in parts)
    return re.compile(rf"(?<!\w){head}{body}(?!\w)")


def name_matches(words: str, text: str) -> Iterator[re.Match[str]]:
    """``name_pattern(words).finditer(text)``; a text without the name's letters at once.

    >>> [m.group(0) for m in name_matches("thị trấn", "Thị trấn Lạc Dương, thị trấnx")]
    ['Thị trấn']
    """
    pattern, found = _name_and_needle(words)
    if found is not None and found not in text:
        return iter(())
    return pattern.finditer(text)


@functools.lru_cache(maxsize=4096)
def _name_and_needle(words: str) -> tuple[re.Pattern[str], str | None]:
    pattern = name_pattern(words)
    return pattern, needle(pattern)
