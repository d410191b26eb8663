"""The state of one derivation: the unit, its rules, and the review rows being collected."""

from __future__ import annotations

from typing import Any

import attrs

from planforge.catalogue.loading import bundled_catalogue
from planforge.catalogue.schema import Catalogue, UnitKind
from planforge.derivation.doubles import mend
from planforge.derivation.grammar import grammar
from planforge.derivation.review import ReviewRow
from planforge.derivation.rewrite import AgencyMapping, Rewriter
from planforge.model import Node
from planforge.model.profile import Profile, TargetOverride, Unit

FLAG = "cần xem lại"
"""The review kind of a sentence planforge could not rewrite with confidence."""


@attrs.define
class Context:
    """One derivation's rules, values and findings (mutable while the draft is built)."""

    profile: Profile
    unit: Unit
    values: dict[str, str]
    agency_rules: tuple[Any, ...]
    overrides: dict[str, TargetOverride]
    number: str
    rows: list[ReviewRow] = attrs.field(factory=list)
    mapped: dict[str, AgencyMapping] = attrs.field(factory=dict)
    own_duties: list[Node] = attrs.field(factory=list)
    used: set[str] = attrs.field(factory=set)
    sources: dict[str, tuple[str, ...]] = attrs.field(factory=dict)
    """The higher bodies behind each derived assignment, by its origin (for merges)."""
    rewrite: Rewriter = attrs.field(default=Rewriter(()))
    kind: UnitKind | None = None
    """The unit's kind in the level catalogue (None: a kind the catalogue does not know)."""
    catalogue: Catalogue = attrs.field(factory=bundled_catalogue)

    def row(self, kind: str, path: str, source: str, derived: str, change: str) -> None:
        self.rows.append(
            ReviewRow(kind=kind, path=path, source_text=source, derived_text=derived, change=change)
        )

    def say(self, text: str, path: str) -> str:
        """``text`` in the unit's terms, with the doubles the rewrite made mended.

        A sentence that cannot be mended ("cấp xã và 50% ở cấp xã") keeps the
        higher plan's words and is flagged for the clerk: never printed garbled.
        """
        if not text:
            return text
        rewritten = self.rewrite(text)
        mended, problem = mend(rewritten, text, grammar())
        if problem is None:
            return mended
        self.row(FLAG, path, text, text, f"{FLAG}: {problem} ({mended}); giữ câu của cấp trên")
        return text
