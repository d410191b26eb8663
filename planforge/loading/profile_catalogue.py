"""A profile's own level catalogue (danh mục cấp hành chính), and its units' kinds checked.

A province adapts the bundled catalogue by copying ``planforge/catalogue/levels.yaml``
beside its profile and naming it in ``catalogue:``; the file is read with its own
located errors.  Every unit's ``kind`` must be a noun the catalogue knows.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import attrs

from planforge.catalogue.loading import bundled_catalogue, load_catalogue
from planforge.catalogue.queries import abolished, kind_of, name_pattern
from planforge.catalogue.schema import Catalogue
from planforge.errors import DerivationError
from planforge.i18n import _
from planforge.loading.located import Located
from planforge.model.profile import Profile

_PLAIN_NAME = re.compile(r"[^\x00-\x1f/\\:.][^\x00-\x1f/\\:]{0,199}\.ya?ml")
"""A file beside the profile: one plain name, no folder, no drive, not hidden."""


def own_catalogue(
    profile: Profile, located: Located, folder: str | os.PathLike[str] | None
) -> Profile:
    """``profile`` with its ``catalogue`` file found beside it (its full path), and every
    unit's kind checked against the catalogue it will derive with."""
    catalogue = bundled_catalogue()
    if profile.catalogue:
        path = _beside(profile.catalogue, folder, located)
        catalogue = load_catalogue(path)
        profile = attrs.evolve(profile, catalogue=str(path))
    _check_kinds(profile, catalogue, located)
    _check_targets(profile, catalogue, located)
    return profile


def _beside(name: str, folder: str | os.PathLike[str] | None, located: Located) -> Path:
    if folder is None or not _PLAIN_NAME.fullmatch(name):
        message = _(
            "catalogue names a .yaml file in the profile's own folder, not {name!r}"
        ).format(name=name)
        raise located.error(("catalogue",), message)
    candidate = Path(folder) / name
    try:
        inside = candidate.resolve().parent == Path(folder).resolve()
    except (OSError, RuntimeError):  # a loop of links
        inside = False
    if not inside or not candidate.is_file():
        message = _("no file {name!r} beside the profile; copy the catalogue there").format(
            name=name
        )
        raise located.error(("catalogue",), message)
    return candidate.resolve()


def _check_kinds(profile: Profile, catalogue: Catalogue, located: Located) -> None:
    nouns = list(dict.fromkeys(n.name for k in catalogue.kinds for n in k.nouns))
    for index, unit in enumerate(profile.units):
        if unit.kind not in nouns:
            message = _(
                "the level catalogue knows no kind of unit {kind!r}; use one of: {nouns}"
            ).format(kind=unit.kind, nouns=", ".join(nouns))
            raise located.error(("units", index, "kind"), message)


def _check_targets(profile: Profile, catalogue: Catalogue, located: Located) -> None:
    """A profile's own rule may not give a duty to a body its units' era no longer has
    (a 2025 commune's "Phòng Lao động - Thương binh và Xã hội"): the catalogue says so."""
    if profile.date is None:
        return  # the era is the higher plan's, known only when deriving
    day = profile.date.first_day
    gone: dict[str, str | None] = {}
    for unit in profile.units:
        try:
            kind = kind_of(unit.kind, day, catalogue=catalogue)
        except DerivationError:
            continue  # derive names the kind and the date
        gone.update(abolished(kind, unit.kind))
    for index, rule in enumerate(profile.agencies):
        target = rule.target or ""
        for name, successor in gone.items():
            if "{" not in target and name_pattern(name).fullmatch(target):
                message = _(
                    "{target!r} does not exist for these units on {date} (level catalogue); "
                    "give its successor{successor}"
                ).format(
                    target=target,
                    date=day.isoformat(),
                    successor=f" ({successor})" if successor else "",
                )
                raise located.error(("agencies", index, "target"), message)
