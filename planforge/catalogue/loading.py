"""Read a level catalogue (danh mục cấp) from YAML, with located errors."""

from __future__ import annotations

import functools
import os
from importlib import resources

from planforge.catalogue.schema import Catalogue
from planforge.loading.located import read_yaml_text
from planforge.loading.structure import structure_yaml

BUNDLED = "planforge/catalogue/levels.yaml"
"""How errors name the bundled catalogue."""


def loads_catalogue(text: str, file: str = "<string>") -> Catalogue:
    """A catalogue from YAML text; errors read ``file:line:column: field: message``."""
    result: Catalogue = structure_yaml(text, Catalogue, file)
    return result


def load_catalogue(path: str | os.PathLike[str]) -> Catalogue:
    """A catalogue file (a province's own, beside its profile)."""
    return loads_catalogue(read_yaml_text(path), str(path))


@functools.cache
def bundled_catalogue() -> Catalogue:
    """The catalogue that ships with planforge (read once)."""
    source = resources.files("planforge") / "catalogue" / "levels.yaml"
    return loads_catalogue(source.read_text(encoding="utf-8"), BUNDLED)
