"""The grammar data of administrative noun phrases (cụm danh từ hành chính), bundled as YAML."""

from __future__ import annotations

import functools
from importlib import resources

import attrs

from planforge.loading.structure import structure_yaml
from planforge.model._checks import lines
from planforge.model._types import typed

GRAMMAR_FILE = "planforge/derivation/grammar.yaml"


@attrs.frozen(kw_only=True, field_transformer=typed)
class Grammar:
    """Heads ("Ủy ban nhân dân"), unit kinds ("huyện", "thành phố") and scope phrases ("cấp xã")."""

    heads: tuple[str, ...] = attrs.field(converter=lines)
    kinds: tuple[str, ...] = attrs.field(converter=lines)
    scopes: tuple[str, ...] = attrs.field(default=(), converter=lines)


@functools.cache
def grammar() -> Grammar:
    """The bundled grammar data; a broken file is a located error naming its line."""
    text = (resources.files("planforge") / "derivation" / "grammar.yaml").read_text("utf-8")
    result: Grammar = structure_yaml(text, Grammar, GRAMMAR_FILE)
    return result
