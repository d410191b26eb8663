"""The rewriters of one derivation (bộ viết lại): the higher plan's names in the unit's terms.

Built once the bodies are mapped: each mapped body (and the other spellings the
catalogue knows of it) to its target, enumerations of People's Committees
rewritten whole, their chairs as the heads of the unit's level below, the
profile's phrase rules. The duties of the unit's bodies get a rewriter of their
own, where the higher plan's lower committees are the unit's level below.
"""

from __future__ import annotations

import re

from planforge.catalogue.queries import KIND, find_body, noun_of
from planforge.derivation.assignments import agency_names
from planforge.derivation.classify import higher_kinds
from planforge.derivation.context import Context
from planforge.derivation.enumerations import rewrite_chairs, rewrite_enumerations
from planforge.derivation.grammar import grammar
from planforge.derivation.rewrite import Enumerations, build_rewriter, fill, map_agency
from planforge.derivation.subjects import subjects
from planforge.model import Plan


def build_rewriters(context: Context, source: Plan) -> None:
    """Set the context's rewriter, and the one of its bodies' duties where the unit has a
    level below: "phối hợp với … UBND các huyện, thành phố", "báo cáo của … UBND các huyện"
    in a body's duty name that level, not the unit."""
    profile, values = context.profile, context.values
    dropped = [m.source for m in context.mapped.values() if m.target is None]
    names = _text_map(context)
    context.rewrite = build_rewriter(
        names, profile.phrases, values, dropped, _enumerations(context, source)
    )
    below = values.get("subordinates", "")
    if below:
        duty_names = {k: below if v == values["unit"] else v for k, v in names.items()}
        context.rewrite_duty = build_rewriter(
            duty_names, profile.phrases, values, dropped, _enumerations(context, source, below)
        )


def _enumerations(context: Context, source: Plan, self_as: str | None = None) -> Enumerations:
    """Rewrites "Ủy ban nhân dân các huyện, thành phố Đà Lạt và Bảo Lộc" as one phrase, and
    their chairs ("Chủ tịch UBND các huyện, thành phố") as the heads of the unit's level below.

    ``self_as`` is what the higher plan's lower committees become instead of the unit itself
    (in the duties of the unit's bodies: its level below).
    """
    known = frozenset(agency_names(source))
    unit = context.values["unit"]

    def target_of(body: str) -> str | None:
        mapping = context.mapped.get(body) or map_agency(body, context.agency_rules, context.values)
        target = mapping.target if mapping is not None else None
        return self_as if self_as and target == unit else target

    def is_self(body: str) -> bool:
        mapping = context.mapped.get(body) or map_agency(body, context.agency_rules, context.values)
        return mapping is not None and mapping.target == unit

    chairs = _chairs(context)

    def rewrite(text: str) -> tuple[str, list[str]]:
        if chairs is not None:
            text = rewrite_chairs(text, grammar(), known, is_self, subjects().chair, chairs)
        return rewrite_enumerations(text, grammar(), known, target_of)

    return rewrite


def level_values(context: Context) -> dict[str, str]:
    """{subordinates} ("các thôn, tổ dân phố"; a ward's "các tổ dân phố") and {lower_units}
    (the same without "các") for the profile's texts, from the level catalogue."""
    if context.kind is None:
        return {"subordinates": "", "lower_units": ""}
    below = noun_of(context.kind, context.unit.kind).subordinates
    heads = "|".join(re.escape(h) for h in subjects().committees)
    return {"subordinates": below, "lower_units": re.sub(rf"^(?:(?:{heads}) )?các ", "", below)}


def _chairs(context: Context) -> str | None:
    """The heads of the unit's level below as its plan names them; None: no level below."""
    if context.kind is None:
        return None
    noun = noun_of(context.kind, context.unit.kind)
    entry = subjects().below_for(context.kind.id, noun.name)
    if entry is None or entry.chairs is None:
        return None
    values = {**context.values, "subordinates": noun.subordinates}
    return fill(entry.chairs, values, "subjects.below.chairs")


def _text_map(context: Context) -> dict[str, str]:
    """Each mapped body's name, and the other ways the catalogue knows it is written, to its
    target: the parent names a body "Sở Văn hóa - Thể thao và Du lịch" in one place and
    "Sở Văn hóa, Thể thao và Du lịch" in another."""
    names = {m.source: m.target for m in context.mapped.values() if m.target is not None}
    if context.kind is None:
        return names
    for source, target in list(names.items()):
        for parent in higher_kinds(context.kind, context.catalogue):
            body = find_body(source, parent)
            if body is not None and KIND not in body.name:
                for name in body.names():
                    names.setdefault(name, target)
    return names
