"""The level catalogue (danh mục cấp hành chính): what exists at each level, as data.

``levels.yaml`` is bundled; :mod:`planforge.catalogue.queries` answers derivation's
questions about it (the kind of a unit, a body's counterpart, the Party committee,
the level below, the names gone in an era, the functions a body lacks).
"""

from planforge.catalogue.loading import bundled_catalogue, load_catalogue, loads_catalogue
from planforge.catalogue.queries import (
    abolished,
    bodies,
    counterpart,
    functions_missing,
    kind_of,
    party_committee,
    subordinates,
)
from planforge.catalogue.schema import Body, Catalogue, FunctionRule, Noun, UnitKind

__all__ = [
    "Body",
    "Catalogue",
    "FunctionRule",
    "Noun",
    "UnitKind",
    "abolished",
    "bodies",
    "bundled_catalogue",
    "counterpart",
    "functions_missing",
    "kind_of",
    "load_catalogue",
    "loads_catalogue",
    "party_committee",
    "subordinates",
]
