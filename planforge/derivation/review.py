"""The review table (bảng đối chiếu): one row per source target and assignment."""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from planforge.derivation.lint import LintFinding

if TYPE_CHECKING:
    from planforge.model import Plan
    from planforge.model.profile import Profile, Unit


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
    """The review of one derived plan.

    ``findings`` are the derivation lint's (kiểm tra dự thảo): what the draft
    still gets wrong for its unit, shown to the clerk after the rows.
    """

    unit: str
    source: str
    rows: tuple[ReviewRow, ...]
    findings: tuple[LintFinding, ...] = ()
    predecessors: tuple[str, ...] = ()
    """The units merged into the unit in 2025, where known (the data, the facts sheet)."""

    def linted(self, plan: Plan, unit: Unit, profile: Profile) -> Review:
        """This review with the lint's findings on ``plan``, the unit's derived draft."""
        from planforge.derivation.lint import lint_unit

        return attrs.evolve(self, findings=lint_unit(plan, unit, profile))

    def counts(self) -> dict[str, int]:
        """How many rows of each kind."""
        out: dict[str, int] = {}
        for row in self.rows:
            out[row.kind] = out.get(row.kind, 0) + 1
        return out
