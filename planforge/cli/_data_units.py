"""``derive --units``: the issuing province's communes from data, with their facts."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from planforge.derivation.data_units import data_profile
from planforge.errors import UnitsError
from planforge.i18n import _
from planforge.model import Level, Plan
from planforge.model.profile import Profile
from planforge.units import find_province, read_facts, select_units
from planforge.units.lookup import issuing_province


def add_arguments(derive: Any) -> None:
    """The options of ``derive`` that take the units from data."""
    derive.add_argument(
        "--units",
        metavar="WHICH",
        help=_(
            "derive for the issuing province's 2025 units from data: all, xa, phuong, "
            "dac-khu, or names or codes separated by commas"
        ),
    )
    derive.add_argument(
        "--province",
        metavar="NAME",
        help=_("with --units: the province whose units (default: the plan's issuing province)"),
    )
    derive.add_argument(
        "--facts",
        type=Path,
        metavar="FACTS.xlsx",
        help=_("with --units: the unit facts sheet (.xlsx or .csv) of `planforge units`"),
    )


def _texts(plan: Plan) -> list[str]:
    header = plan.header
    agencies = [header.issuing_agency, header.parent_agency]
    return [t for a in agencies if a is not None for t in (a.name, *a.header_lines)]


def units_profile(args: argparse.Namespace, source: Plan, profile: Profile | None) -> Profile:
    """The profile of the units ``--units`` chooses, from data (and ``--facts``)."""
    if args.unit:
        raise UnitsError(
            _("--unit picks a profile's units; with --units name them there"), "--unit"
        )
    if profile is not None and profile.level is not Level.COMMUNE:
        message = _(
            "--units derives for the 2025 communes, wards and special zones; this profile "
            "is for the level {level}"
        )
        raise UnitsError(message.format(level=profile.level.value), str(args.profile))
    if args.province:
        province = find_province(args.province, "--province")
    else:
        province = issuing_province(_texts(source), str(args.plan))
    units = select_units(province, args.units)
    facts = read_facts(args.facts, province) if args.facts else None
    return data_profile(province, units, source.header.date, facts, profile)
