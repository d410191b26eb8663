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

from planforge.conformance.duties import Match
from planforge.conformance.findings import ParentFinding, Severity, shorten
from planforge.conformance.level import ChildLevel
from planforge.conformance.matching import Corpus, words
from planforge.conformance.rules import rules
from planforge.conformance.tree import Located
from planforge.derivation.era import gone_population
from planforge.derivation.targets import number
from planforge.i18n import _
from planforge.model import Comparison, Direction, Measure, Target, extract_measures


@attrs.frozen
class Candidate:
    """A text of the child that may state a target, with its measures."""

    path: str
    text: str
    measures: tuple[Measure, ...]
    origin: str | None = None
    target: bool = False


_FRACTION = re.compile(
    r"(?P<q>ít nhất|tối thiểu)?\s*(?P<n>\d{1,4})\s*/\s*(?P<m>\d{1,4})"
    r"\s+(?P<pop>[^\W\d]+(?:\s+[^\W\d]+){0,3})",
    re.IGNORECASE,
)


def fraction_measures(text: str) -> tuple[Measure, ...]:
    """Shares written as counts ("ít nhất 8/10 tổ dân phố"), as percentages.

    >>> [(m.comparison.value, round(m.value), m.population) for m in fraction_measures(
    ...     "Ít nhất 8/10 tổ dân phố tổ chức được")]
    [('at-least', 80, 'tổ dân phố tổ')]
    """
    found = []
    for match in _FRACTION.finditer(text):
        whole = int(match["m"])
        if whole == 0 or int(match["n"]) > whole:
            continue
        comparison = Comparison.AT_LEAST if match["q"] else Comparison.EXACTLY
        share = 100 * int(match["n"]) / whole
        found.append(Measure(comparison, share, population=match["pop"]))
    return tuple(found)


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


def head(population: str) -> str:
    """The head of a counted population, its first two syllables once the counting words
    (rules.yaml ``counting``) are off: Vietnamese puts the head first.

    >>> head("đội ngũ cán bộ, công chức ở cấp xã"), head("số cơ sở kinh doanh")
    ('cán bộ', 'cơ sở')
    """
    found = words(population)
    counting = [words(c) for c in rules().counting]
    stripped = True
    while stripped:
        stripped = False
        for lead in counting:
            if lead and found[: len(lead)] == lead:
                found = found[len(lead) :]
                stripped = True
    return " ".join(found[:2])


def same_head(parent: Measure, child: Measure, text: str = "") -> bool:
    """Whether the child's measure counts what the parent's counts: both populations have
    the same head, or, when the child's figure closes its clause with no population after
    it ("số tội phạm … tăng từ 3% đến 5%"), the parent's head is in that clause of ``text``."""
    wanted = head(parent.population or "")
    if not wanted:
        return False
    if len(words(child.population or "")) >= 2:
        return head(child.population or "") == wanted
    clauses = [c for c in text.split(";") if number(child.value) in c]
    return any(f" {wanted} " in f" {' '.join(words(c))} " for c in clauses)


def measure_score(corpus: Corpus, parent: Measure, child: Measure) -> int:
    """How sure a child's figure restates a parent's: 0 unless it counts the same head."""
    if not same_head(parent, child):
        return 0
    near = corpus.coverage(parent.population or "", child.population or "")
    return min(100, round(40 + 0.6 * near + (10 if child.value == parent.value else 0)))


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


def _value(measure: Measure, child: Candidate, wanted: str) -> float | None:
    """The child's figure in the parent's unit: "5/6 thôn" is 83.3% when a share is wanted."""
    if measure.unit == wanted:
        return measure.value
    if wanted == "%":
        fraction = re.search(rf"(?<![\d/]){number(measure.value)}\s*/\s*(\d+)(?![\d/])", child.text)
        if fraction and int(fraction.group(1)) > 0:
            return 100 * measure.value / int(fraction.group(1))
    return None


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
                figure=_figure(measure), population=measure.population or ""
            )
            continue
        yield from _looser_measure(measure, other, child)


def _looser_measure(parent: Measure, child: Measure, candidate: Candidate) -> Iterator[str]:
    unit = parent.unit
    low = _value(child, candidate, unit)
    if low is not None:
        high = float("inf") if child.comparison is Comparison.AT_LEAST else low
        if child.comparison is Comparison.RANGE and child.upper is not None:
            high = child.upper if child.unit == unit else high
        lower_better = parent.comparison is Comparison.AT_MOST or (
            parent.direction is Direction.DECREASE and parent.comparison is not Comparison.RANGE
        )
        shown = dict(
            child=_figure(child), parent=_figure(parent), population=parent.population or ""
        )
        if parent.comparison is Comparison.RANGE and parent.upper is not None:
            if low < parent.value or high < parent.upper:
                yield _("the range {child} instead of {parent} ({population})").format(**shown)
        elif (low > parent.value) if lower_better else (low < parent.value):
            yield _("{child} instead of {parent} ({population})").format(**shown)
    if parent.year is not None and child.year is not None and child.year > parent.year:
        yield _("by {year} instead of {parent_year}").format(
            year=child.year, parent_year=parent.year
        )


def _figure(measure: Measure) -> str:
    unit = measure.unit if measure.unit == "%" else f" {measure.unit}"
    if measure.comparison is Comparison.RANGE and measure.upper is not None:
        return f"{number(measure.value)}–{number(measure.upper)}{unit}"
    return f"{number(measure.value)}{unit}"
