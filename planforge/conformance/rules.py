"""The check's domain knowledge (rules.yaml): levels, addressees, aims, score thresholds."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import attrs
import yaml


def _tuple_map(value: dict[str, list[str]]) -> dict[str, tuple[str, ...]]:
    return {key: tuple(items) for key, items in value.items()}


@attrs.frozen(kw_only=True)
class Rules:
    """The contents of rules.yaml (see its comments)."""

    plan_types: tuple[str, ...] = attrs.field(converter=tuple)
    levels: dict[str, str]
    committees: dict[str, tuple[str, ...]] = attrs.field(converter=_tuple_map)
    inherits: dict[str, str]
    higher_scope: dict[str, tuple[str, ...]] = attrs.field(converter=_tuple_map)
    counting: tuple[str, ...] = attrs.field(converter=tuple)
    aims: tuple[str, ...] = attrs.field(converter=tuple)
    directing: tuple[str, ...] = attrs.field(converter=tuple)
    not_directing: tuple[str, ...] = attrs.field(converter=tuple)
    not_applicable: tuple[str, ...] = attrs.field(converter=tuple)
    scores: dict[str, int]


@cache
def rules() -> Rules:
    """The bundled rules (read once)."""
    text = (resources.files("planforge") / "conformance" / "rules.yaml").read_text("utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return Rules(**data)
