"""Duties at the unit's scale (thẩm quyền theo cấp): functions a small body lacks, cut clause-wise.

The catalogue's ``functions`` say what a body of a district or commune (or a
Sở) cannot do: draft legal rules, "thanh tra", direct a sector "các cấp",
investigate, prosecute. A higher plan's duty copied down keeps those words, so
each derived text is read against the rules its subjects lack — the same
rules, and the same subjects, as the lint's L10 — and the clause is dropped
whole (at its ";" or "." boundary) or rewritten by the rule's replacement. A
clause that cannot be dropped whole and has no replacement is kept and
reported, never cut into a half sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

import attrs

from planforge.catalogue.queries import functions_missing
from planforge.catalogue.schema import Catalogue, FunctionRule, UnitKind
from planforge.derivation.lint import items, mask_citations
from planforge.derivation.rewrite import AgencyMapping
from planforge.derivation.targets import number
from planforge.model import Measure, Plan, Target
from planforge.patterns import compile_pattern

ADJUSTED = "điều chỉnh chức năng"
"""The review kind of a duty cut or rephrased to the functions its body has."""


@attrs.frozen
class Adjustment:
    """One change of a text: the rule, the words it found and what it made of them."""

    rule: FunctionRule
    words: str
    result: str


def duty_subjects(
    source: Plan, mapped: Mapping[str, AgencyMapping], rewrite: object
) -> dict[str, tuple[str, ...]]:
    """The unit's bodies whose duty each text of ``source`` is, by the text's path.

    A text of the unit itself (its People's Committee's duties) has no entry:
    only the rules that bind the unit's own text apply to it.
    """
    found: dict[str, tuple[str, ...]] = {}
    for item in items(source):
        if not item.agencies:
            continue
        names: list[str] = []
        for agency in item.agencies:
            mapping = mapped.get(agency)
            if mapping is None:
                names.append(agency)
            elif mapping.target is not None and not mapping.is_self:
                names.append(rewrite(mapping.target) if callable(rewrite) else mapping.target)
        if names:
            found[item.path] = tuple(dict.fromkeys(names))
    return found


def lacking(
    subjects: Iterable[str], own: bool, unit: str, kind: UnitKind, catalogue: Catalogue
) -> list[FunctionRule]:
    """The rules every subject lacks; for the unit's own text, only those that bind it."""
    names = tuple(subjects) or (unit,)
    sets = [{r.id: r for r in functions_missing(n, kind, catalogue=catalogue)} for n in names]
    common = set.intersection(*(set(s) for s in sets))
    rules = [r for r in catalogue.functions if r.id in common]
    return [r for r in rules if r.own_text or not own]


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def drop_clause(text: str, start: int, end: int) -> str | None:
    """``text`` without the clause ``text[start:end]``, or None when it is not a whole clause.

    A clause runs from a sentence start or "; " to "; ", "." or the end:
    "A; X. B" → "A. B", "X; B" → "B", "A. X. B" → "A. B".
    """
    before, after = text[:start].rstrip(), text[end:].lstrip()
    clause_start = not before or before.endswith((";", ".", ":"))
    clause_end = not after or after[0] in ";."
    if not (clause_start and clause_end):
        return None
    if before.endswith(";"):
        return (before[:-1] + after).strip()
    rest = after[1:].lstrip() if after else ""
    if after.startswith(";"):
        rest = _capitalised(rest)
    if not before:
        return rest
    return f"{before} {rest}".strip() if rest else before


def adjust(text: str, rules: Iterable[FunctionRule]) -> tuple[str, list[Adjustment], list[str]]:
    """``text`` with every rule applied; the changes made and the clauses left for the clerk."""
    changes: list[Adjustment] = []
    left: list[str] = []
    for rule in rules:
        pattern = compile_pattern(rule.pattern)
        position = 0
        while True:
            match = pattern.search(mask_citations(text), position, timeout=1.0)
            if match is None:
                break
            words = match.group(0)
            changed = drop_clause(text, *match.span()) if rule.action == "drop" else None
            if changed is None and rule.replacement is not None:
                replaced = match.expand(rule.replacement)
                if words[:1].isupper() and replaced[:1].islower():
                    replaced = _capitalised(replaced)  # a sentence's head keeps its capital
                changed = text[: match.start()] + replaced + text[match.end() :]
                position = match.start() + len(replaced)
                changes.append(Adjustment(rule, words, replaced))
            elif changed is not None:
                position = match.start()
                changes.append(Adjustment(rule, words, ""))
            else:
                left.append(words)
                position = match.end()
                continue
            text = changed
            if position >= len(text):
                break
    return text, changes, left


def shown(changes: list[Adjustment]) -> str:
    """The review's account of the changes, each with the catalogue's reason."""
    parts = []
    for change in changes:
        done = f"“{change.words}” → “{change.result}”" if change.result else f"bỏ “{change.words}”"
        parts.append(f"{done} ({change.rule.reason})")
    return f"{ADJUSTED}: " + "; ".join(parts)


def subjects_at(duties: Mapping[str, tuple[str, ...]], path: str) -> tuple[str, ...] | None:
    """The bodies of the duty at ``path`` or of the nearest duty above it; None: the unit's own."""
    while path:
        if path in duties:
            return duties[path]
        cut = max(path.rfind("-"), path.rfind("."))
        path = path[:cut] if cut > 0 else ""
    return None


def _printed(measure: Measure, text: str) -> bool:
    value = number(measure.value)
    return re.search(rf"(?<![\d,.]){re.escape(value)}(?![\d,])", text) is not None


def printed_measures(source: Target, derived: Target) -> tuple[Target, list[str]]:
    """``derived`` without the measures its rewritten sentence no longer states.

    "70% … cấp tỉnh và 50% ở cấp huyện, cấp xã" becomes "50% … cấp xã" in a
    commune: the province's 70% is not the commune's to reach, so its measure
    goes with its words (a measure the higher plan's sentence did not print is kept).
    """
    kept = [
        m for m in derived.measures if _printed(m, derived.text) or not _printed(m, source.text)
    ]
    gone = [m for m in derived.measures if m not in kept]
    if not gone:
        return derived, []
    notes = [f"bỏ mức {number(m.value)}{m.unit or ''} ({m.population}) của cấp trên" for m in gone]
    return attrs.evolve(derived, measures=tuple(kept)), notes
