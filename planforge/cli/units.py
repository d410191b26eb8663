"""``planforge units [PROVINCE] [--facts-template FILE]``: the 2025 provinces and communes."""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path
from typing import Any

from planforge.cli.render import refuse_existing
from planforge.errors import UnitsError
from planforge.i18n import _, ngettext
from planforge.outputs import commit, staging, writing_as
from planforge.units import find_province, provinces, units_of
from planforge.units.data import KINDS, AdministrativeUnit, data_version
from planforge.units.facts_template import write_facts_template


def register(commands: Any) -> None:
    """Add the ``units`` command."""
    units = commands.add_parser(
        "units",
        help=_("list the provinces, or a province's communes, wards and special zones (2025)"),
    )
    units.add_argument(
        "province",
        nargs="?",
        metavar="PROVINCE",
        help=_("a province's name (diacritics optional) or code"),
    )
    units.add_argument(
        "--facts-template",
        type=Path,
        metavar="FILE",
        help=_("write the unit facts sheet to fill (.xlsx or .csv), one row per unit"),
    )
    units.add_argument("--force", action="store_true", help=_("replace an existing FILE"))
    units.set_defaults(run=run)


def _kinds(units: tuple[AdministrativeUnit, ...]) -> str:
    counted = Counter(u.kind for u in units)
    return ", ".join(f"{counted[kind]} {kind}" for kind in KINDS if counted[kind])


def _count(units: tuple[AdministrativeUnit, ...]) -> str:
    return ngettext("{count} unit", "{count} units", len(units)).format(count=len(units))


def run(args: argparse.Namespace) -> int:
    """Print the list; with --facts-template, write the sheet instead."""
    if args.province is None:
        if args.facts_template is not None:
            raise UnitsError(_("name the province whose sheet to write"), "--facts-template")
        for province in provinces():
            units = units_of(province)
            print(f"{province.code}  {province.full_name}: {_count(units)} ({_kinds(units)})")
        print(_("data: vietnam-provinces, {date}").format(date=data_version()))
        return 0
    province = find_province(args.province, "PROVINCE")
    units = units_of(province)
    if args.facts_template is not None:
        target: Path = args.facts_template
        if target.suffix.casefold() not in (".xlsx", ".csv"):
            raise UnitsError(_("give a .xlsx or .csv file name"), str(target))
        refuse_existing([target], args.force)
        with staging(target.parent) as work:
            with writing_as(target):
                made = write_facts_template(units, work / target.name)
            spare = work / "spare"
            spare.mkdir()
            commit([(made, target)], spare)
        print(
            _("wrote {path}: {units} of {province}").format(
                path=target, units=_count(units), province=province.full_name
            )
        )
        return 0
    print(f"{province.full_name} ({province.code}): {_count(units)} ({_kinds(units)})")
    width = max(len(u.kind) for u in units)
    for unit in units:
        print(f"{unit.code}  {unit.kind:<{width}}  {unit.short_name}")
    return 0
