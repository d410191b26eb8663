"""Figures of targets (số liệu chỉ tiêu): what a figure counts, shares written as counts,
and whether a child's figure is looser than its parent's."""

from __future__ import annotations

import re
from collections.abc import Iterator

from planforge.conformance.matching import Corpus, words
from planforge.conformance.rules import rules
from planforge.derivation.targets import number
from planforge.i18n import _
from planforge.model import Comparison, Direction, Measure

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


def in_unit(measure: Measure, text: str, wanted: str) -> float | None:
    """The child's figure in the parent's unit: "5/6 thôn" is 83.3% when a share is wanted."""
    if measure.unit == wanted:
        return measure.value
    if wanted == "%":
        fraction = re.search(rf"(?<![\d/]){number(measure.value)}\s*/\s*(\d+)(?![\d/])", text)
        if fraction and int(fraction.group(1)) > 0:
            return 100 * measure.value / int(fraction.group(1))
    return None


def looser_figure(parent: Measure, child: Measure, text: str) -> Iterator[str]:
    """How ``child`` (a figure of the child's sentence ``text``) is looser than ``parent``:
    a lower value (a higher one for "không quá" or a decrease), a range narrowed the wrong
    way (its floor or its ceiling lower), a later year. A figure in another unit that is
    no share ("2 mô hình" for "70%") is not compared."""
    unit = parent.unit
    low = in_unit(child, text, unit)
    if low is not None:
        high = float("inf") if child.comparison is Comparison.AT_LEAST else low
        if child.comparison is Comparison.RANGE and child.upper is not None:
            high = child.upper if child.unit == unit else high
        lower_better = parent.comparison is Comparison.AT_MOST or (
            parent.direction is Direction.DECREASE and parent.comparison is not Comparison.RANGE
        )
        shown = dict(child=figure(child), parent=figure(parent), population=parent.population or "")
        if parent.comparison is Comparison.RANGE and parent.upper is not None:
            if low < parent.value or high < parent.upper:
                yield _("the range {child} instead of {parent} ({population})").format(**shown)
        elif (low > parent.value) if lower_better else (low < parent.value):
            yield _("{child} instead of {parent} ({population})").format(**shown)
    if parent.year is not None and child.year is not None and child.year > parent.year:
        yield _("by {year} instead of {parent_year}").format(
            year=child.year, parent_year=parent.year
        )


def figure(measure: Measure) -> str:
    """A figure as a message prints it.

    >>> figure(Measure(Comparison.RANGE, 3, upper=5))
    '3–5%'
    >>> figure(Measure(Comparison.AT_LEAST, 2, unit="mô hình"))
    '2 mô hình'
    """
    unit = measure.unit if measure.unit == "%" else f" {measure.unit}"
    if measure.comparison is Comparison.RANGE and measure.upper is not None:
        return f"{number(measure.value)}–{number(measure.upper)}{unit}"
    return f"{number(measure.value)}{unit}"
