"""Re-scoping text: agency names and scope phrases of the higher level → the unit's."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Mapping

import attrs

from planforge import patterns
from planforge.catalogue.queries import name_pattern
from planforge.derivation.enumerations import restore
from planforge.errors import DerivationError
from planforge.i18n import _
from planforge.model.profile import AgencyRule, PhraseRule, Profile, Unit
from planforge.patterns import PatternTimeout, search, substitute
from planforge.text.needle import needle

SELF = "{unit}"
"""The target of an agency rule that makes a body's duties the unit's own."""


def placeholders(profile: Profile, unit: Unit, higher: str, citation: str) -> dict[str, str]:
    """The values a profile's texts may use in braces: the unit's own, then planforge's."""
    return {
        **{value.name: value.value for value in unit.values},
        "unit": unit.name,
        "unit_short": unit.short_name,
        "kind": unit.kind,
        "place": unit.place,
        "higher": higher,
        "higher_short": _short_agency(higher),
        "lead_department": profile.lead_department or "",
        "citation": citation,
    }


def _short_agency(name: str) -> str:
    """ "Ủy ban nhân dân tỉnh Lâm Đồng" → "UBND tỉnh" as recipient lists write it."""
    match = re.match(r"Ủy ban nhân dân (tỉnh|thành phố)\b", name)
    return f"UBND {match.group(1)}" if match else name


def fill(template: str, values: Mapping[str, str], where: str) -> str:
    """Replace ``{name}`` placeholders; an unknown name is an error naming ``where``.

    A parenthesis whose placeholders are all empty leaves with them, so a profile
    without a lead department gets no "(qua )":

    >>> fill("báo cáo {higher} (qua {lead})", {"higher": "UBND tỉnh", "lead": ""}, "x")
    'báo cáo UBND tỉnh'
    >>> fill("báo cáo {higher} (qua {lead})", {"higher": "UBND tỉnh", "lead": "Sở Y tế"}, "x")
    'báo cáo UBND tỉnh (qua Sở Y tế)'
    """

    def empty(match: re.Match[str]) -> str:
        names = re.findall(r"\{(\w+)\}", match.group(0))
        return "" if names and all(values.get(n, "x") == "" for n in names) else match.group(0)

    template = re.sub(r"\s*\([^()]*\{\w+\}[^()]*\)", empty, template)

    def one(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in values:
            known = ", ".join("{" + k + "}" for k in values)
            raise DerivationError(
                _("unknown placeholder {{{name}}}; use one of {known}").format(
                    name=name, known=known
                ),
                where,
            )
        return values[name]

    return re.sub(r"\{(\w+)\}", one, template)


@attrs.frozen
class AgencyMapping:
    """Where one body of the higher plan goes: a name, the unit itself, or nowhere."""

    source: str
    target: str | None
    is_self: bool


def map_agency(
    name: str, rules: Iterable[AgencyRule], values: Mapping[str, str]
) -> AgencyMapping | None:
    """The first rule that matches ``name``; None when no rule does."""
    for rule in rules:
        if rule.pattern:
            try:
                match = search(rule.source, name)
            except PatternTimeout:
                raise _too_slow("agency", rule.source, rule.location) from None
            if not match:
                continue
            target = None if rule.target is None else match.expand(rule.target)
        elif rule.source != name:
            continue
        else:
            target = rule.target
        if target is None:
            return AgencyMapping(name, None, False)
        if target.strip() == SELF:
            return AgencyMapping(name, values["unit"], True)
        return AgencyMapping(name, fill(target, values, f"agency rule for {rule.source!r}"), False)
    return None


def _too_slow(kind: str, source: str, location: str | None) -> DerivationError:
    """A profile pattern that ran past its time: name the rule and where it was written."""
    message = _(
        'the pattern "{source}" of this {kind} rule took more than {seconds:g} s on one '
        "sentence (nested repetitions such as (a|aa)+ backtrack without end); simplify it"
    ).format(source=source, kind=kind, seconds=patterns.MATCH_SECONDS)
    return DerivationError(message, location or _("profile"))


def _bounded(literal: str) -> str:
    return rf"(?<!\w){re.escape(literal)}(?!\w)"


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


@attrs.frozen
class UserPattern:
    """A phrase rule's own regular expression, run with a time limit (``planforge.patterns``)."""

    source: str
    location: str | None


Substitution = tuple[re.Pattern[str] | UserPattern, str]
"""A pattern and its replacement; literal names are escaped ``re`` patterns."""


Enumerations = Callable[[str], tuple[str, list[str]]]
"""Rewrites the enumerations of a sentence whole; returns the ones it held back."""


@attrs.frozen
class Rewriter:
    """Every substitution of one derivation, applied in order to each sentence.

    ``enumerations`` runs first, so that "Ủy ban nhân dân các huyện, thành phố
    Đà Lạt và Bảo Lộc" is mapped as one phrase before any rule sees one of its
    bodies alone.
    """

    rules: tuple[Substitution, ...]
    enumerations: Enumerations | None = None
    after: Callable[[str], str] | None = None
    """Runs last, on the unit's terms: the names its era no longer has (:mod:`.era`)."""

    def __call__(self, text: str) -> str:
        held: list[str] = []
        if self.enumerations is not None:
            text, held = self.enumerations(text)
        text = self._substitute(text)
        text = restore(text, held) if held else text
        return self.after(text) if self.after is not None else text

    def _substitute(self, text: str) -> str:
        for pattern, replacement, found in self._steps:
            if isinstance(pattern, UserPattern):
                try:
                    text = substitute(pattern.source, replacement, text)
                except PatternTimeout:
                    raise _too_slow("phrase", pattern.source, pattern.location) from None
            elif found is None or found in text:
                text = pattern.sub(replacement, text)
        return text

    @functools.cached_property
    def _steps(self) -> tuple[tuple[re.Pattern[str] | UserPattern, str, str | None], ...]:
        """The rules with the text each one's matches contain (see :func:`needle`)."""
        return tuple(
            (pattern, replacement, None if isinstance(pattern, UserPattern) else needle(pattern))
            for pattern, replacement in self.rules
        )


def _removals(dropped: Iterable[str]) -> list[Substitution]:
    """Take a dropped body out of the lists that name it ("A, B căn cứ …" → "A căn cứ …")."""
    rules: list[Substitution] = []
    for name in sorted(dropped, key=len, reverse=True):
        bounded = _bounded(name)
        rules += [
            (re.compile(rf",\s*{bounded}"), ""),
            (re.compile(rf"\s+và\s+{bounded}"), ""),
            (re.compile(rf"{bounded}\s*(,|và)\s*"), ""),
        ]
    return rules


def build_rewriter(
    names: Mapping[str, str],
    phrases: Iterable[PhraseRule],
    values: Mapping[str, str],
    dropped: Iterable[str] = (),
    enumerations: Enumerations | None = None,
) -> Rewriter:
    """Dropped bodies out of lists, agency names (longest first), then scope phrases."""
    rules: list[Substitution] = _removals(dropped)
    for source in sorted(names, key=len, reverse=True):
        target = names[source].replace("\\", "\\\\")
        # a body as documents write it: "Sở Lao động -Thương binh", "Lao động Thương binh"
        rules.append((name_pattern(source), target))
    for phrase in phrases:
        target = fill(phrase.target, values, f"phrase rule for {phrase.source!r}")
        if phrase.pattern:
            rules.append((UserPattern(phrase.source, phrase.location), target))
            continue
        escaped = target.replace("\\", "\\\\")
        rules.append((re.compile(_bounded(phrase.source)), escaped))
        if phrase.source[:1].islower():
            rules.append((re.compile(_bounded(_capitalised(phrase.source))), _capitalised(escaped)))
    return Rewriter(tuple(rules), enumerations)
