"""The provinces and communes of the 2025 structure (đơn vị hành chính), from data.

The ``vietnam-provinces`` package holds the 34 provinces and centrally-run cities and
their 3,321 communes, wards and special zones with official codes; this module is the
only one that reads it, so that the rest of planforge sees frozen records of its own.
What the package does not say (the former provinces of 2025, names it writes wrongly)
is in ``provinces.yaml`` beside this module.
"""

from __future__ import annotations

import functools
from importlib import resources
from typing import Any

import attrs
import yaml

from planforge.text.normalize import clean
from planforge.text.slug import slugify

KINDS = {"xã": "xa", "phường": "phuong", "đặc khu": "dac-khu"}
"""The 2025 commune-level kinds (loại đơn vị cấp xã) and how a command line names them."""


@attrs.frozen
class Province:
    """A province or centrally-run city of the 2025 structure (tỉnh, thành phố).

    ``name`` is how the data lists it without "Thành phố" ("Hà Nội", "Lâm Đồng");
    ``kind`` is "tỉnh" or "thành phố"; ``former`` the former provinces merged into it
    on 1 July 2025, ``renamed`` the names it had before without a merger.
    """

    code: str
    name: str
    kind: str
    former: tuple[str, ...] = ()
    renamed: tuple[str, ...] = ()

    @property
    def full_name(self) -> str:
        """ "tỉnh Lâm Đồng", "thành phố Hà Nội": as sentences name it."""
        return f"{self.kind} {self.name}"

    @property
    def slug(self) -> str:
        """ "lam-dong"."""
        return slugify(self.name)


@attrs.frozen
class AdministrativeUnit:
    """A commune, ward or special zone (xã, phường, đặc khu) of the 2025 structure.

    ``code`` is the official five-digit code ("24848"); ``name`` the unit as
    sentences name it ("xã Lạc Dương"); ``kind`` "xã", "phường" or "đặc khu";
    ``short_name`` the name without its kind ("Lạc Dương"), which the date line
    prints; ``predecessors`` the units merged into it, where known.
    """

    code: str
    name: str
    kind: str
    short_name: str
    province: Province
    predecessors: tuple[str, ...] = ()

    @property
    def slug(self) -> str:
        """The unit's file name: its code and name ("24848-xa-lac-duong")."""
        return f"{self.code}-{slugify(self.name)}"

    @property
    def kind_key(self) -> str:
        """ "xa", "phuong" or "dac-khu"."""
        return KINDS[self.kind]


@functools.cache
def _extra() -> dict[str, Any]:
    source = resources.files("planforge") / "units" / "provinces.yaml"
    loaded: dict[str, Any] = yaml.safe_load(source.read_text(encoding="utf-8"))
    return loaded


def _split(name: str) -> tuple[str, str]:
    """ "Thành phố Hà Nội" → ("thành phố", "Hà Nội"); "Lâm Đồng" → ("tỉnh", "Lâm Đồng")."""
    if name.casefold().startswith("thành phố "):
        return "thành phố", name[len("thành phố ") :]
    return "tỉnh", name


@functools.cache
def provinces() -> tuple[Province, ...]:
    """The 34 provinces and centrally-run cities, in the data's (official code) order."""
    from vietnam_provinces import Province as DataProvince

    merged = {entry["province"]: entry for entry in _extra()["provinces"]}
    found = []
    for record in DataProvince.iter_all():
        kind, name = _split(clean(record.name))
        entry = merged.get(name, {})
        found.append(
            Province(
                code=f"{int(record.code):02d}",
                name=name,
                kind=kind,
                former=tuple(entry.get("former", ())),
                renamed=tuple(entry.get("renamed", ())),
            )
        )
    return tuple(found)


def _unit(code: int, raw_name: str, province: Province) -> AdministrativeUnit:
    code_text = f"{code:05d}"
    name = clean(_extra()["corrections"].get(code_text, raw_name))
    kind = next(k for k in KINDS if name.casefold().startswith(k + " "))
    short = name[len(kind) + 1 :]
    return AdministrativeUnit(
        code=code_text, name=f"{kind} {short}", kind=kind, short_name=short, province=province
    )


@functools.cache
def units_of(province: Province) -> tuple[AdministrativeUnit, ...]:
    """The province's communes, wards and special zones, in the data's order."""
    from vietnam_provinces import ProvinceCode, Ward

    wards = Ward.iter_by_province(ProvinceCode(int(province.code)))
    return tuple(_unit(int(w.code), w.name, province) for w in wards)


def all_units() -> tuple[AdministrativeUnit, ...]:
    """The 3,321 units of the country."""
    return tuple(u for p in provinces() for u in units_of(p))


def data_version() -> str:
    """The date the package's data was taken ("2025-10-18")."""
    import vietnam_provinces

    return str(vietnam_provinces.__data_version__)
