"""Drafts that are one text (văn bản chung): the same words once each unit's names are set aside.

A province's communes mostly receive the same draft but for their own name,
place and signer; the reviewer reads that text once.  Each unit's names are
replaced by stand-ins ("‹đơn vị›", "‹địa danh›", "‹người ký›"); drafts whose
printed texts are then equal form one group.
"""

from __future__ import annotations

import enum
import functools
import hashlib
import re
from collections.abc import Hashable, Iterable, Iterator, Sequence
from typing import Any

import attrs

from planforge.model import Plan
from planforge.model.profile import Unit

UNIT = "‹đơn vị›"
PLACE = "‹địa danh›"
SIGNER = "‹người ký›"


@attrs.frozen
class Masks:
    """Replaces one unit's names by the stand-ins, the longest name first, in any case."""

    names: tuple[tuple[str, str], ...]

    @classmethod
    def of(cls, unit: Unit, plan: Plan) -> Masks:
        """The names of ``unit`` and of its draft's signer."""
        return cls.named(unit, plan.signature.name)

    @classmethod
    def named(cls, unit: Unit, signer: str) -> Masks:
        """The names of ``unit`` and of ``signer``, its draft's."""
        pairs: dict[str, str] = {}
        for name, token in (
            (signer, SIGNER),
            (unit.short_name, UNIT),
            (unit.place, PLACE),
        ):
            for form in (name, name.upper(), name[:1].upper() + name[1:]):
                # "Phường 1" has the place "1": a name is a word, never part of a number.
                if any(c.isalpha() for c in form) and form not in pairs:
                    pairs[form] = token
        return cls(tuple(sorted(pairs.items(), key=lambda p: -len(p[0]))))

    def __call__(self, text: str) -> str:
        for name, token in self.names:
            if name in text:
                text = _name_pattern(name).sub(token, text)
        return text


@functools.lru_cache(maxsize=65_536)
def _name_pattern(name: str) -> re.Pattern[str]:
    """``name`` as a whole word; compiled once (a national summary has thousands of names,
    more than ``re``'s own cache holds)."""
    return re.compile(rf"(?<!\w){re.escape(name)}(?!\w)")


@attrs.frozen
class Grouped:
    """One group: the indices of its drafts, each one's masks, and how the summary names it.

    ``counted`` is "103 xã" (or "2 phường, 1 xã"); ``label`` "103 xã: một văn bản",
    or "xã Lạc Dương: văn bản riêng" for a draft alone.
    """

    members: tuple[int, ...]
    masks: tuple[Masks, ...]
    counted: str
    label: str


def printed_texts(value: Any) -> Iterator[str]:
    """Every text of a plan (or any part of it), in order: what its document prints.

    Where a value was read from (``location``, not part of its equality) is not a text.
    """
    texts: list[str] = []
    _collect(value, texts)
    return iter(texts)


def _collect(value: Any, texts: list[str]) -> None:
    # One list filled by one recursion, the fields of each class looked up once: a
    # national summary walks thousands of plans of hundreds of texts each.
    if isinstance(value, str):
        texts.append(value)
    elif isinstance(value, enum.Enum):
        texts.append(str(value.value))
    elif (names := _compared_fields(type(value))) is not None:
        for name in names:
            _collect(getattr(value, name), texts)
    elif isinstance(value, tuple | list):
        for item in value:
            _collect(item, texts)
    elif value is not None:
        texts.append(str(value))


_FIELDS: dict[type, tuple[str, ...] | None] = {}
"""By class: the names of its attrs fields that take part in its equality (None: not attrs)."""


def _compared_fields(kind: type) -> tuple[str, ...] | None:
    try:
        return _FIELDS[kind]
    except KeyError:
        names = None
        if attrs.has(kind):
            names = tuple(field.name for field in attrs.fields(kind) if field.eq)
        _FIELDS[kind] = names
        return names


def group_drafts(drafts: Sequence[tuple[Unit, Plan]]) -> list[Grouped]:
    """The drafts grouped by their texts with names set aside: the largest group first."""
    masks = [Masks.of(unit, plan) for unit, plan in drafts]
    return group_keys(
        [
            (unit, mask, tuple(mask(text) for text in printed_texts(plan)))
            for (unit, plan), mask in zip(drafts, masks, strict=True)
        ]
    )


def masked_digest(masks: Masks, texts: Iterable[str]) -> bytes:
    """A digest of ``texts`` with the names set aside: equal exactly when they are equal.

    What a worker sends back instead of the texts themselves (thousands of drafts).
    """
    digest = hashlib.sha256()
    for text in texts:
        data = masks(text).encode("utf-8", "surrogatepass")
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.digest()


def group_keys(drafts: Sequence[tuple[Unit, Masks, Hashable]]) -> list[Grouped]:
    """Drafts grouped by a key of their texts with names set aside (the masked texts, or
    their :func:`masked_digest`), each given with its unit's masks: the largest group first."""
    found: dict[Hashable, list[int]] = {}
    for index, (_, _, key) in enumerate(drafts):
        found.setdefault(key, []).append(index)
    ordered = sorted(found.values(), key=lambda members: (-len(members), members[0]))
    return [_grouped(members, drafts) for members in ordered]


def _grouped(members: list[int], drafts: Sequence[tuple[Unit, Masks, Hashable]]) -> Grouped:
    kinds: dict[str, int] = {}
    for index in members:
        kind = drafts[index][0].kind
        kinds[kind] = kinds.get(kind, 0) + 1
    counted = ", ".join(f"{count} {kind}" for kind, count in kinds.items())
    if len(members) == 1:
        label = f"{drafts[members[0]][0].short_name}: văn bản riêng"
    else:
        label = f"{counted}: một văn bản"
    return Grouped(tuple(members), tuple(drafts[i][1] for i in members), counted, label)
