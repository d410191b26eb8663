"""The review table (bảng đối chiếu): one row per source target and assignment."""

from __future__ import annotations

import attrs


@attrs.frozen(kw_only=True)
class ReviewRow:
    """What became of one item of the higher plan in the unit's draft.

    ``kind`` is "target", "assignment" or "section"; ``derived_text`` is empty
    when the item was dropped; ``change`` says what happened in words a
    clerk checks quickly, in Vietnamese ("nâng chỉ tiêu: 70% → 80%",
    "giao cho: Sở Y tế → Phòng Y tế").
    """

    kind: str
    path: str
    source_text: str
    derived_text: str
    change: str


@attrs.frozen(kw_only=True)
class Review:
    """The review of one derived plan."""

    unit: str
    source: str
    rows: tuple[ReviewRow, ...]

    def counts(self) -> dict[str, int]:
        """How many rows of each kind."""
        out: dict[str, int] = {}
        for row in self.rows:
            out[row.kind] = out.get(row.kind, 0) + 1
        return out
