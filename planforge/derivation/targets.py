"""A unit's own targets: stricter values or earlier years, never looser ones."""

from __future__ import annotations

import re

import attrs

from planforge.errors import DerivationError
from planforge.i18n import _
from planforge.model import Comparison, Direction, Measure, Target
from planforge.model.profile import TargetOverride


def number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value).replace(".", ",")


def _stricter_is_lower(measure: Measure) -> bool:
    return measure.comparison is Comparison.AT_MOST or measure.direction is Direction.DECREASE


def check_stricter(measure: Measure, override: TargetOverride, sentence: str) -> None:
    """Refuse an override that loosens the target, naming both values and the profile line."""
    where = override.location
    short = sentence if len(sentence) <= 70 else sentence[:69] + "…"
    if override.value is not None:
        old, new = measure.value, override.value
        looser = new > old if _stricter_is_lower(measure) else new < old
        if looser:
            raise DerivationError(
                _(
                    "target {short!r}: the unit's {new}{unit} is looser than the "
                    "higher plan's {old}{unit}; a unit may only tighten a target"
                ).format(short=short, new=number(new), unit=measure.unit, old=number(old)),
                where,
            )
    if override.year is not None and measure.year is not None and override.year > measure.year:
        raise DerivationError(
            _(
                "target {short!r}: the year {year} is later than the higher plan's "
                "{year2}; a unit may only bring a target forward"
            ).format(short=short, year=override.year, year2=measure.year),
            where,
        )


def _replace_nth(text: str, pattern: str, replacement: str, nth: int) -> str:
    matches = list(re.finditer(pattern, text))
    if len(matches) < nth:
        return text
    match = matches[nth - 1]
    return text[: match.start()] + replacement + text[match.end() :]


def tighten(target: Target, override: TargetOverride) -> tuple[Target, str]:
    """The target with the override applied to its sentence and its measure, and a note."""
    if override.measure > len(target.measures):
        raise DerivationError(
            _(
                "target {text!r} has {count} measurable part(s); there is no measure {measure}"
            ).format(text=target.text[:60], count=len(target.measures), measure=override.measure),
            override.location,
        )
    index = override.measure - 1
    measure = target.measures[index]
    check_stricter(measure, override, target.text)
    text, notes = target.text, []
    value, upper, year = measure.value, measure.upper, measure.year
    if override.value is not None and override.value != measure.value:
        earlier = sum(1 for m in target.measures[:index] if m.value == measure.value)
        unit = r"\s*%" if measure.unit == "%" else r"\s+" + re.escape(measure.unit)
        text = _replace_nth(
            text,
            rf"(?<![\d,.]){re.escape(number(measure.value))}(?={unit})",
            number(override.value),
            earlier + 1,
        )
        notes.append(f"{number(value)}{measure.unit} → {number(override.value)}{measure.unit}")
        value = override.value
        if upper is not None and value > upper:
            upper = value
    if override.year is not None and override.year != measure.year:
        if measure.year is not None:
            text = text.replace(f"năm {measure.year}", f"năm {override.year}", 1)
            notes.append(f"năm {measure.year} → năm {override.year}")
        else:
            notes.append(f"năm {override.year}")
        year = override.year
    measures = list(target.measures)
    measures[index] = attrs.evolve(measure, value=value, upper=upper, year=year)
    tightened = attrs.evolve(target, text=text, measures=tuple(measures))
    return tightened, "nâng chỉ tiêu: " + ", ".join(notes)
