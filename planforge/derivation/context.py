"""The state of one derivation: the unit, its rules, and the review rows being collected."""

from __future__ import annotations

from typing import Any

import attrs

from planforge.catalogue.loading import bundled_catalogue
from planforge.catalogue.schema import Catalogue, UnitKind
from planforge.derivation.doubles import mend
from planforge.derivation.era import ERA, Successors, gone_population, older_parent, successors
from planforge.derivation.grammar import grammar
from planforge.derivation.review import ReviewRow
from planforge.derivation.rewrite import AgencyMapping, Rewriter
from planforge.derivation.scale import (
    ADJUSTED,
    adjust,
    duty_subjects,
    lacking,
    printed_measures,
    shown,
    subjects_at,
)
from planforge.model import Node, Plan, Target
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
    rewrite_duty: Rewriter | None = None
    """The rewriter of the duties of the unit's bodies, where the higher plan's lower
    committees are the unit's level below (None: the same as :attr:`rewrite`)."""
    kind: UnitKind | None = None
    """The unit's kind in the level catalogue (None: a kind the catalogue does not know)."""
    catalogue: Catalogue = attrs.field(factory=bundled_catalogue)
    duties: dict[str, tuple[str, ...]] = attrs.field(factory=dict)
    """The unit's bodies whose duty each higher text is, by its path (see :meth:`prepare`)."""
    successors: Successors | None = None

    def row(self, kind: str, path: str, source: str, derived: str, change: str) -> None:
        self.rows.append(
            ReviewRow(kind=kind, path=path, source_text=source, derived_text=derived, change=change)
        )

    def prepare(self, source: Plan) -> None:
        """Read the higher plan once the rewriter is built: whose duty each text is, its era.

        The names the unit's era no longer has are replaced last, in every text
        the rewriter makes (agencies and recipients too); a higher plan older
        than the unit's kind is a review row.
        """
        self.duties = duty_subjects(source, self.mapped, self.rewrite)
        if self.kind is None:
            return
        self.successors = successors(self.kind, self.unit.kind, self.values)
        self.rewrite = attrs.evolve(self.rewrite, after=self.successors)
        if self.rewrite_duty is not None:
            self.rewrite_duty = attrs.evolve(self.rewrite_duty, after=self.successors)
        note = older_parent(source.header.date, self.kind)
        if note is not None:
            self.row(ERA, "Căn cứ", source.header.number.file_form, "", note)

    def target_at_scale(self, source: Target, derived: Target, path: str) -> Target | None:
        """The derived target in the unit's era and scale; None when it does not apply there.

        Measures whose words the rewrite took out go with them; a target counted
        over units the era no longer has (no certain successor) leaves the draft.
        """
        if self.kind is not None:
            why = gone_population(source.measures, derived.text, self.kind, self.unit.kind)
            if why is not None:
                self.row("target", path, source.text, "", f"không áp dụng: {why}")
                return None
        derived, notes = printed_measures(source, derived)
        if notes:
            self.row(ADJUSTED, path, source.text, derived.text, "; ".join(notes))
        return derived

    def say(self, text: str, path: str, body: str | tuple[str, ...] | None = None) -> str:
        """``text`` in the unit's terms, with the doubles the rewrite made mended.

        A sentence that cannot be mended ("cấp xã và 50% ở cấp xã") keeps the
        higher plan's words and is flagged for the clerk: never printed garbled.
        ``body`` is the body (or bodies) whose duty the text is; without it, the
        body the higher plan assigned the text at ``path`` to (none: the unit's
        own text). Functions that body lacks at the unit's level are cut or
        rephrased (:mod:`.scale`); names of another era replaced (:mod:`.era`).
        """
        if not text:
            return text
        subjects = (body,) if isinstance(body, str) else body
        if subjects is None:
            subjects = subjects_at(self.duties, path)
        rewrite = self.rewrite_duty if subjects and self.rewrite_duty is not None else self.rewrite
        rewritten = rewrite(text)
        replaced = list(self.successors.last) if self.successors is not None else []
        mended, problem = mend(rewritten, text, grammar())
        if problem is not None:
            self.row(FLAG, path, text, text, f"{FLAG}: {problem} ({mended}); giữ câu của cấp trên")
            return text
        if replaced:
            self.row(ERA, path, text, mended, f"{ERA}: " + "; ".join(replaced))
        return self._at_scale(mended, path, subjects)

    def _at_scale(self, text: str, path: str, subjects: tuple[str, ...] | None) -> str:
        if self.kind is None:
            return text
        own = subjects is None
        rules = lacking(subjects or (), own, self.unit.name, self.kind, self.catalogue)
        adjusted, changes, left = adjust(text, rules)
        if changes:
            self.row(ADJUSTED, path, text, adjusted, shown(changes))
        for words in left:
            change = f"{FLAG}: “{words}” — chức năng không có ở cấp này, chưa sửa được"
            self.row(FLAG, path, text, text, change)
        return adjusted
