"""Finding provinces and units by what a user types or a plan's header says."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable

from planforge.errors import UnitsError
from planforge.i18n import _
from planforge.text.names import closest_names
from planforge.text.slug import slugify
from planforge.units.data import KINDS, AdministrativeUnit, Province, provinces, units_of

REFORM = datetime.date(2025, 7, 1)
"""The day the 2025 structure (34 provinces, no districts) came into force."""


def _names(province: Province) -> tuple[str, ...]:
    return (province.name, province.full_name, *province.renamed)


def find_province(typed: str, where: str | None = None) -> Province:
    """The province called ``typed`` ("lam dong", "Tỉnh Lâm Đồng", "68"), or an error
    suggesting the closest names; ``where`` names the argument in it."""
    wanted = slugify(typed)
    for province in provinces():
        if wanted == province.code or wanted in {slugify(n) for n in _names(province)}:
            return province
    for province in provinces():
        if wanted in {slugify(n) for n in province.former}:
            message = _(
                "{name} is no longer a province since 1 July 2025: it is part of {province}; "
                "give {province!r}"
            ).format(name=typed, province=province.name)
            raise UnitsError(message, where)
    raise UnitsError(_unknown(typed, [p.name for p in provinces()]), where)


def _unknown(typed: str, names: list[str]) -> str:
    close = closest_names(typed, names, count=3)
    if close:
        return _("no province or unit named {name!r}; did you mean {close}?").format(
            name=typed, close=", ".join(repr(c) for c in close)
        )
    return _("no province or unit named {name!r}; run `planforge units` for the list").format(
        name=typed
    )


_WORD = r"(?<![a-z0-9])(?:tinh|thanh-pho)-{slug}(?![a-z0-9])"


def issuing_province(texts: Iterable[str], where: str) -> Province:
    """The 2025 province whose units implement a plan issued by the agency ``texts`` name
    ("Ủy ban nhân dân tỉnh Lâm Đồng", its header lines).

    A plan of a former province merged into another in 2025 is refused: its territory
    is only part of the new province's (pass the province explicitly).
    """
    joined = " ".join(slugify(t) for t in texts)
    candidates: list[tuple[str, Province, bool]] = []
    for province in provinces():
        candidates += [(n, province, False) for n in _names(province)]
        candidates += [(n, province, True) for n in province.former]
    for name, province, former in sorted(candidates, key=lambda c: -len(c[0])):
        if re.search(_WORD.format(slug=re.escape(slugify(name))), joined):
            if former:
                message = _(
                    "the plan was issued by the former province {name}, which became part of "
                    "{province} on 1 July 2025; its units are not all {province}'s: give "
                    "--province {province!r} to derive for them anyway, or use a profile"
                ).format(name=name, province=province.name)
                raise UnitsError(message, where)
            return province
    message = _("cannot tell the plan's province from its issuing agency; give --province NAME")
    raise UnitsError(message, where)


def select_units(
    province: Province, wanted: str, where: str = "--units"
) -> tuple[AdministrativeUnit, ...]:
    """The units ``wanted`` names, separated by commas: "all", kinds ("xa", "phuong",
    "dac-khu"), names or codes (diacritics and case optional)."""
    units = units_of(province)
    chosen: list[AdministrativeUnit] = []
    for part in (p.strip() for p in wanted.split(",")):
        key = slugify(part)
        if key == "all":
            found = list(units)
        elif key in KINDS.values():
            found = [u for u in units if u.kind_key == key]
        else:
            found = [find_unit(province, part, where)] if part else []
        chosen += [unit for unit in found if unit not in chosen]
    if not chosen:
        raise UnitsError(_("name at least one unit, or all, xa, phuong, dac-khu"), where)
    return tuple(chosen)


def find_unit(province: Province, typed: str, where: str | None = None) -> AdministrativeUnit:
    """The province's unit called ``typed`` ("Lạc Dương", "xa lac duong", "24848")."""
    wanted = slugify(typed)
    units = units_of(province)
    for unit in units:
        if wanted in (unit.code, unit.code.lstrip("0"), slugify(unit.name), unit.slug):
            return unit
    matches = [u for u in units if slugify(u.short_name) == wanted]
    if len(matches) == 1:
        return matches[0]
    if len(matches) > 1:  # "Hàm Thắng" may be a phường and a xã
        message = _("{name!r} names several units ({units}); give the kind or the code")
        names = ", ".join(f"{u.code} {u.name}" for u in matches)
        raise UnitsError(message.format(name=typed, units=names), where)
    close = closest_names(typed, [u.name for u in units], count=3)
    if close:
        message = _("{province} has no unit named {name!r}; did you mean {close}?")
    else:
        message = _("{province} has no unit named {name!r}; run `planforge units {slug}`")
    raise UnitsError(
        message.format(
            province=province.name,
            name=typed,
            close=", ".join(repr(c) for c in close),
            slug=province.slug,
        ),
        where,
    )
