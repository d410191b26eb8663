"""Targets (chỉ tiêu): each target of the higher plan that applies at the child's level is
present — matched by its text and its measures, restated or not — and not looser.

Looser is a lower value (a higher one for "không quá" or a decrease), a later year,
"ít nhất" turned into an aim ("phấn đấu"), a range narrowed the wrong way, or no
figure at all. A target the child marks not applicable is noted (PT3), not faulted.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import attrs
from rapidfuzz import fuzz

from planforge.conformance.figures import (
    figure,
    fraction_measures,
    looser_figure,
    measure_score,
    same_head,
)
from planforge.conformance.findings import Match, ParentFinding, Severity, shorten
from planforge.conformance.level import ChildLevel
from planforge.conformance.matching import Corpus
from planforge.conformance.rules import rules
from planforge.conformance.tree import Located
from planforge.derivation.era import gone_population
from planforge.i18n import _
from planforge.model import Measure, Target, extract_measures


@attrs.frozen
class Candidate:
    """A text of the child that may state a target, with its measures."""

    path: str
    text: str
    measures: tuple[Measure, ...]
    origin: str | None = None
    target: bool = False


def candidates(entries: list[Located]) -> list[Candidate]:
    """The child's targets, and every other text stating a figure (a plan written by hand)."""
    found = []
    for entry in entries:
        node = entry.node
        if not isinstance(node, Target) and not (hasattr(node, "text") and node.text):
            continue
        measures = node.measures if isinstance(node, Target) else ()
        measures = measures or extract_measures(node.text) or fraction_measures(node.text)
        origin = node.origin if isinstance(node, Target) else None
        found.append(Candidate(entry.path, node.text, measures, origin, isinstance(node, Target)))
    return found


def _higher(measure: Measure, tier: str) -> bool:
    population = (measure.population or "").casefold()
    return any(p in population for p in rules().higher_scope.get(tier, ()))


def applicable(measures: tuple[Measure, ...], tier: str) -> list[Measure]:
    """The measures the child has to reach: not those counted over a higher tier."""
    return [m for m in measures if not _higher(m, tier)]


def judge_targets(
    parent: list[Located],
    child: list[Candidate],
    level: ChildLevel,
    corpus: Corpus,
    parent_name: str,
) -> Iterator[ParentFinding | Match]:
    """A match for each applicable target of the higher plan, and what is wrong with it."""
    scores = rules().scores
    for entry in parent:
        node = entry.node
        assert isinstance(node, Target)
        where = f"{parent_name} {entry.path}"
        if gone_population(node.measures, node.text, level.kind, level.noun) is not None:
            continue  # counted over units the child's era no longer has
        measures = applicable(node.measures, level.kind.tier)
        if node.measures and not measures:
            continue  # only the higher tier's figures
        chosen = next((c for c in child if c.origin and c.origin.endswith(f" {entry.path}")), None)
        if chosen is not None and chosen.origin and chosen.origin.split(" ")[0] in parent_name:
            score = 100
        else:
            chosen, score = _closest(corpus, node, measures, child)
        status = (
            "matched"
            if score >= scores["target_matched"]
            else "missing"
            if score < scores["target_missing"]
            else "review"
        )
        shown_path, shown_text = (chosen.path, chosen.text) if chosen else ("", "")
        yield Match("target", where, node.text, shown_path, shown_text, score, status)
        quoted = dict(target=shorten(node.text, 80), match=shorten(shown_text, 80), score=score)
        if status == "missing":
            message = _(
                "missing: the target “{target}” of the higher plan is not in the plan "
                "(closest, {score}/100: “{match}”)"
            ).format(**quoted)
            yield ParentFinding(
                "PT1", Severity.ERROR, _("whole plan"), message, where, where, shown_text, score
            )
            continue
        assert chosen is not None
        if status == "review":
            message = _(
                "to review: the target “{target}” is perhaps restated ({score}/100: “{match}”)"
            ).format(**quoted)
            yield ParentFinding(
                "PT4", Severity.WARNING, chosen.path, message, where, where, chosen.text, score
            )
            continue
        if _not_applicable(chosen.text):
            message = _("the plan marks the target “{target}” not applicable: “{match}”").format(
                **quoted
            )
            yield ParentFinding(
                "PT3", Severity.INFO, chosen.path, message, where, where, chosen.text, score
            )
            continue
        reasons = list(_looser(node, measures, chosen))
        if reasons:
            message = _("looser than the higher plan: {reasons}").format(reasons="; ".join(reasons))
            yield ParentFinding(
                "PT2", Severity.ERROR, chosen.path, message, where, where, chosen.text, score
            )


def _closest(
    corpus: Corpus, target: Target, measures: list[Measure], child: list[Candidate]
) -> tuple[Candidate | None, int]:
    """The child's text closest to ``target``: by its sentence, or by a figure counting the
    same population (a target restated in other words keeps what it counts)."""
    found: tuple[Candidate | None, int] = (None, 0)
    for candidate in child:
        if measures and not candidate.measures and not candidate.target:
            continue  # a figure is restated with a figure, or in a sentence the plan calls a target
        score = corpus.score(target.text, candidate.text)
        for measure in measures:
            for other in candidate.measures:
                score = max(score, measure_score(corpus, measure, other))
        if score > found[1]:
            found = (candidate, score)
    return found


def _not_applicable(text: str) -> bool:
    low = text.casefold()
    return any(words in low for words in rules().not_applicable)


def _has_aim(text: str) -> bool:
    low = text.casefold()
    return any(re.search(rf"(?<!\w){re.escape(a)}(?!\w)", low) for a in rules().aims)


def _pair(measure: Measure, parent: list[Measure], child: Candidate) -> Measure | None:
    """The child's figure for ``measure``: the only one, or one counting the same head."""
    if len(parent) == 1 and len(child.measures) == 1:
        return child.measures[0]
    same = [m for m in child.measures if same_head(measure, m, child.text)]
    if not same:
        return None
    wanted = measure.population or ""
    return max(same, key=lambda m: fuzz.token_set_ratio(wanted, m.population or ""))


def _looser(target: Target, measures: list[Measure], child: Candidate) -> Iterator[str]:
    if _has_aim(child.text) and not _has_aim(target.text) and measures:
        yield _("“phấn đấu” (an aim) where the higher plan sets a figure")
    if measures and not child.measures:
        if not re.search(r"\d", child.text):
            yield _("it states no figure")
        return
    for measure in measures:
        other = _pair(measure, measures, child)
        if other is None:
            yield _("the figure {figure} ({population}) is not stated").format(
                figure=figure(measure), population=measure.population or ""
            )
            continue
        yield from looser_figure(measure, other, child.text)
