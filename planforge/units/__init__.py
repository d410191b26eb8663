"""The country's provinces and communes from data (đơn vị hành chính), and unit facts."""

from planforge.units.data import AdministrativeUnit, Province, provinces, units_of
from planforge.units.facts import UnitFacts, read_facts
from planforge.units.lookup import find_province, select_units

__all__ = [
    "AdministrativeUnit",
    "Province",
    "UnitFacts",
    "find_province",
    "provinces",
    "read_facts",
    "select_units",
    "units_of",
]
