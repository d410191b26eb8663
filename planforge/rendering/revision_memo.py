"""Revised paragraphs remembered (đoạn đã so sánh): the same pair is compared once per process.

The drafts of a batch share most of their paragraphs, and every one is compared
with the same higher plan: a province's hundred tracked-changes copies make the
same word-by-word comparison a hundred times.  What :func:`~.revisions.revised`
and :func:`~.revisions.whole` make depends only on the paragraphs' XML, the
revisions' author and date, and the number the revisions start from; so the
result is kept (by the pair's serialized XML) with the places of its revision
marks, and given again as a copy whose marks are numbered on from the document's
count: the same bytes as comparing anew.
"""

from __future__ import annotations

import copy
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

import attrs
from lxml import etree

from planforge.rendering.revisions import Revisions, revised, w, whole

MAX_KEPT = 4096
"""Paragraphs kept per process (a plan has a few hundred; a batch reuses them)."""


@attrs.define
class _Recording(Revisions):
    """Revisions numbered from one that remember the marks they made, in order."""

    made: list[Any] = attrs.Factory(list)

    def mark(self, tag: str) -> Any:
        element = super().mark(tag)
        self.made.append(element)
        return element


@attrs.frozen
class _Kept:
    """A result and the places of its marks (in ``iter()`` order), by their number's order."""

    element: Any
    places: tuple[int, ...]


_kept: OrderedDict[tuple[Any, ...], _Kept] = OrderedDict()


def _serialized(element: Any) -> bytes:
    return bytes(etree.tostring(element))


def _remembered(
    key: tuple[Any, ...], revisions: Revisions, make: Callable[[Revisions], Any]
) -> Any:
    key = (revisions.author, revisions.date, *key)
    kept = _kept.get(key)
    if kept is None:
        recording = _Recording(date=revisions.date, author=revisions.author)
        element = make(recording)
        places = {node: index for index, node in enumerate(element.iter())}
        kept = _Kept(element, tuple(places[mark] for mark in recording.made))
        _kept[key] = kept
        while len(_kept) > MAX_KEPT:
            _kept.popitem(last=False)
    else:
        _kept.move_to_end(key)
    result = copy.deepcopy(kept.element)
    if kept.places:
        nodes = list(result.iter())
        for number, place in enumerate(kept.places, start=revisions.count + 1):
            nodes[place].set(w("id"), str(number))
        revisions.count += len(kept.places)
    return result


def revised_kept(older: Any, newer: Any, revisions: Revisions) -> Any:
    """:func:`~.revisions.revised` of ``older`` and ``newer``, compared once per process."""
    key = ("revised", _serialized(older), _serialized(newer))
    return _remembered(key, revisions, lambda made: revised(older, newer, made))


def whole_kept(source: Any, op: str, revisions: Revisions) -> Any:
    """:func:`~.revisions.whole` of ``source``, made once per process."""
    key = (op, _serialized(source))
    return _remembered(key, revisions, lambda made: whole(source, op, made))
