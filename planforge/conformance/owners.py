"""One text, one match (đối chiếu một - một): a text of the child that restates another
item of the higher plan does not also take up a duty it only resembles.

A derived draft keeps the province's tasks on the same services as its duties
("Hình thành mạng lưới cơ sở cung cấp dịch vụ hỗ trợ … cho người bán dâm" beside
"phối hợp … cung cấp dịch vụ hỗ trợ xã hội … đối với người bán dâm"): when the duty
is dropped, the task still looks like it. Each text of the child is *owned* by the
item of the higher plan it restates best; a duty looks past the texts another item
owns clearly — a near copy of that item (score ``owned``), much closer to it than to
the duty (by ``owned_margin``). A text written in the unit's own words is a near copy
of nothing and is never set aside, so a duty restated by hand is still found.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence

import attrs

from planforge.conformance.matching import Corpus, pairs, plain
from planforge.conformance.rules import rules

SHORTLIST = 4
"""How many of the higher plan's texts sharing most word pairs are scored in full."""


@attrs.define
class Owners:
    """The higher plan's texts, and for each text of the child the one it restates best."""

    parent: Sequence[str]
    corpus: Corpus
    _pairs: list[frozenset[str]] = attrs.field(init=False)
    _found: dict[str, tuple[str, int]] = attrs.field(init=False, factory=dict)

    def __attrs_post_init__(self) -> None:
        self._pairs = [pairs(text) for text in self.parent]

    def owner(self, text: str) -> tuple[str, int]:
        """The higher plan's text that ``text`` restates best, and the score."""
        if text not in self._found:
            # the few items sharing most word pairs with the text are scored in full
            mine = pairs(text)
            shared = [len(mine & theirs) for theirs in self._pairs]
            near = heapq.nlargest(SHORTLIST, range(len(shared)), key=shared.__getitem__)
            # a text may restate a whole item or a part of one (a draft splits the
            # province's long items)
            scored = [(self._restates(self.parent[i], text), self.parent[i]) for i in near]
            score, best = max(scored, default=(0, ""))
            self._found[text] = (best, score)
        return self._found[text]

    def _restates(self, item: str, text: str) -> int:
        part = self.corpus.score(text, item)  # the text's words in the item: a copy or a part
        if 2 * len(plain(item)) < len(plain(text)):
            return part  # a heading ("Sở Y tế:") is in many a longer text: no copy of it
        return max(part, self.corpus.score(item, text))

    def taken(self, text: str, item: str, score: int) -> bool:
        """Whether another item of the higher plan owns ``text``, which scores ``score``
        for ``item``: a near copy of that item, clearly closer to it."""
        scores = rules().scores
        best, owned = self.owner(text)
        if best == item or plain(best) == plain(item):
            return False
        return owned >= scores["owned"] and owned - score >= scores["owned_margin"]
