"""A higher target at the unit's scale: its population restated, its absolute figure shared.

"70% số xã, phường, thị trấn" means nothing in a commune: the profile restates
the population ("số thôn, tổ dân phố") and, with the unit's count of them,
turns the percentage into a number ("ít nhất 5/6 thôn": 70 % of 6 rounded up,
so the unit never promises less than the province asked). An absolute figure
("2 mô hình") is the province's total: each unit takes its share, rounded up.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable

import attrs

from planforge.derivation.targets import number
from planforge.model import Target
from planforge.model.profile import Restatement


def restate(
    target: Target, rules: tuple[Restatement, ...], counts: dict[str, int]
) -> tuple[Target, list[str]]:
    """The target with each population a rule knows restated, and notes for the review."""
    text, measures, notes = target.text, list(target.measures), []
    for index, measure in enumerate(measures):
        rule = next((r for r in rules if r.population == measure.population), None)
        if rule is None:
            continue
        measure = attrs.evolve(measure, population=rule.target)
        notes.append(f"{rule.population} → {rule.target}")
        noun = next((c for c in rule.count if c in counts), None)
        if noun is not None and measure.unit == "%":
            total = counts[noun]
            needed = math.ceil(measure.value * total / 100 - 1e-9)
            named = f"(?:{re.escape(rule.target)}|{re.escape(rule.population)})"
            pattern = rf"{re.escape(number(measure.value))}\s*% {named}"
            text, found = re.subn(pattern, f"{needed}/{total} {noun}", text, count=1)
            if found:
                notes.append(f"{number(measure.value)}% → {needed}/{total} {noun}")
                measure = attrs.evolve(measure, value=needed, unit=noun, population=noun)
        measures[index] = measure
    return attrs.evolve(target, text=text, measures=tuple(measures)), notes


def apportion(target: Target, share: float) -> tuple[Target, list[str]]:
    """The target with its absolute figures (not percentages) cut to the unit's share."""
    text, measures, notes = target.text, list(target.measures), []
    for index, measure in enumerate(measures):
        if measure.unit == "%":
            continue
        own = max(1, math.ceil(measure.value * share - 1e-9))
        pattern = rf"(?<![\d,.]){re.escape(number(measure.value))}(?=\s+{re.escape(measure.unit)})"
        text = re.sub(pattern, str(own), text, count=1)
        measures[index] = attrs.evolve(measure, value=own, upper=None)
        notes.append(f"{number(measure.value)} {measure.unit} × {share:g} → {own}")
    return attrs.evolve(target, text=text, measures=tuple(measures)), notes


def reworded(target: Target, rewrite: Callable[[str], str]) -> Target:
    """The target with each population its sentence no longer names in the sentence's words.

    The rewrite turned "100% các huyện, thành phố …" into "100% các thôn, tổ dân phố …"
    and "… trên địa bàn tỉnh" into "… trên địa bàn xã": the measures say so too, where
    the same rewrite of the population is what the sentence now reads (else it stays). A
    population the higher plan's reader glossed ("số xã, phường, thị trấn (cấp xã)") is
    also tried without its gloss, which the rewrite took out of the sentence.
    """
    measures = list(target.measures)
    for index, measure in enumerate(measures):
        population = measure.population
        if not population or population in target.text:
            continue
        bare = re.sub(r"\s*\([^()]*\)$", "", population)
        tried = [rewrite(p) for p in (population, bare)]
        # "… chiến sĩ ở cấp huyện, cấp xã" of a target for each level is the commune's
        # "… chiến sĩ cấp xã" (the commune profile's rule keeps its own level's figure)
        tried += [re.sub(r" ở (?=cấp )", " ", t) for t in tried]
        own = next((t for t in tried if t in target.text), None)
        if own is not None and own != population:
            measures[index] = attrs.evolve(measure, population=own)
    return attrs.evolve(target, measures=tuple(measures))
