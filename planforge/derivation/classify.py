"""Whom each body of the higher plan stands for at the unit's level (phân loại chủ thể).

A body of the higher plan is, for the unit, one of: (a) the lower units
themselves ("Ủy ban nhân dân các huyện, thành phố"): the unit, whose duties they
become; or the unit's own level below ("Ủy ban nhân dân các xã"); (b) a sector
body with a counterpart at the unit's level (catalogue ``counterpart``); (c) a
body the catalogue knows with no counterpart there: dropped; or (d) a body the
catalogue does not know: the profile's rules decide.  The province's own agency
rules are tried first (what is truly local wins), the bundled defaults last.
Every decision carries its reason (Vietnamese), written to the review.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import attrs

from planforge.catalogue.queries import counterpart, named, noun_of
from planforge.catalogue.queries import find_body as _find
from planforge.catalogue.schema import Catalogue, UnitKind
from planforge.derivation.rewrite import AgencyMapping, map_agency
from planforge.derivation.subjects import subjects
from planforge.loading.profile_file import BUNDLED_NAME, load_defaults
from planforge.model.profile import AgencyRule, Profile

SELF_TIERS = ("district", "commune")
"""Tiers whose unit is one of the higher plan's lower People's Committees."""


@attrs.frozen
class Decision:
    """Where one body goes (``mapping``) and why (``reason``, Vietnamese)."""

    mapping: AgencyMapping
    reason: str


def split_rules(profile: Profile) -> tuple[tuple[AgencyRule, ...], tuple[AgencyRule, ...]]:
    """The profile's own agency rules and the bundled defaults it extends, apart."""
    rules = profile.agencies
    if not profile.extends or not BUNDLED_NAME.fullmatch(profile.extends):
        return rules, ()
    defaults = load_defaults(profile.extends).agencies
    if defaults and rules[len(rules) - len(defaults) :] == defaults:
        return rules[: len(rules) - len(defaults)], defaults
    return rules, ()


def _committee_noun(name: str) -> str | None:
    """The unit noun after a People's Committee's head ("Ủy ban nhân dân các huyện" → "huyện")."""
    heads = "|".join(re.escape(h) for h in subjects().committees)
    match = re.match(rf"(?:{heads}) (?:các )?(.+)", name)
    return match.group(1) if match else None


def _starts_with(words: str, nouns: set[str]) -> bool:
    return any(words == n or words.startswith(n + " ") or words.startswith(n + ",") for n in nouns)


def higher_kinds(kind: UnitKind, catalogue: Catalogue) -> list[UnitKind]:
    """The kinds the higher plan may be of: the one above, and others of its tier (eras)."""
    above = [k for k in catalogue.kinds if k.id == kind.above]
    tiers = {k.tier for k in above}
    return above + [k for k in catalogue.kinds if k.tier in tiers and k not in above]


def _lower_committee(
    name: str, kind: UnitKind, noun: str, catalogue: Catalogue, values: Mapping[str, str]
) -> Decision | None:
    """(a): the higher plan's lower People's Committees are the unit, or its level below."""
    words = _committee_noun(name)
    if words is None or kind.tier not in SELF_TIERS:
        return None
    own = noun_of(kind, noun)
    below = set(own.subordinate_units)
    if _starts_with(words, below) and not _starts_with(words, {n.name for n in kind.nouns}):
        reason = f"cấp dưới của {values['unit_short']}: giao cho {own.subordinates}"
        return Decision(AgencyMapping(name, own.subordinates, False), reason)
    lower = {u for k in higher_kinds(kind, catalogue) for n in k.nouns for u in n.subordinate_units}
    lower |= {n.name for n in kind.nouns}
    if _starts_with(words, lower):
        reason = "Ủy ban nhân dân cấp dưới của cấp trên: nhiệm vụ của chính đơn vị"
        return Decision(AgencyMapping(name, values["unit"], True), reason)
    return None


def _counterpart(name: str, kind: UnitKind, noun: str, catalogue: Catalogue) -> Decision | None:
    """(b) and (c): the counterpart at the unit's level, or none for a body the catalogue knows."""
    for parent in higher_kinds(kind, catalogue):
        body = counterpart(name, parent, kind, noun)
        if body is not None:
            target = named(body.name, noun)
            return Decision(
                AgencyMapping(name, target, False), "cơ quan tương ứng theo danh mục cấp"
            )
    for parent in higher_kinds(kind, catalogue):
        if _find(name, parent) is not None:
            reason = f"không có cơ quan tương ứng ở {kind.title} (danh mục cấp)"
            return Decision(AgencyMapping(name, None, False), reason)
    return None


def classify(
    name: str,
    rules: tuple[tuple[AgencyRule, ...], tuple[AgencyRule, ...]],
    kind: UnitKind | None,
    noun: str,
    catalogue: Catalogue,
    values: Mapping[str, str],
) -> Decision | None:
    """Where the higher plan's body ``name`` goes for the unit; None when nothing says.

    ``rules`` are the profile's own and its defaults' (:func:`split_rules`).
    """
    own_rules, default_rules = rules
    mapping = map_agency(name, own_rules, values)
    if mapping is not None:
        return Decision(mapping, "theo quy tắc riêng của hồ sơ")
    if kind is not None:
        decided = _lower_committee(name, kind, noun, catalogue, values)
        decided = decided or _counterpart(name, kind, noun, catalogue)
        if decided is not None:
            return decided
    mapping = map_agency(name, default_rules, values)
    if mapping is not None:
        return Decision(mapping, "theo quy tắc mặc định của cấp")
    return None
