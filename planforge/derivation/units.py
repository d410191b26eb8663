"""The unit a derivation is for, found in its profile by name (đơn vị trong hồ sơ)."""

from __future__ import annotations

from planforge.errors import DerivationError
from planforge.i18n import _
from planforge.model.profile import Profile, Unit
from planforge.text.names import closest_names
from planforge.text.slug import slugify


def _closest(name: str, profile: Profile) -> str | None:
    places = {u.place: u.short_name for u in profile.units}
    close = closest_names(name, [*(u.short_name for u in profile.units), *places])
    return places.get(close[0], close[0]) if close else None


def find_unit(profile: Profile, name: str, where: str | None = None) -> Unit:
    """The unit called ``name``: full or short name or place, with or without diacritics.

    An unknown name is an error suggesting the closest unit; ``where`` names
    the profile file in that message.
    """
    wanted = slugify(name)
    for unit in profile.units:
        if wanted in (slugify(unit.name), slugify(unit.short_name), slugify(unit.place), unit.slug):
            return unit
    close = _closest(name, profile)
    names = ", ".join(u.short_name for u in profile.units)
    where = where or profile.location or profile.name
    if close:
        message = _("no unit named {name!r} in the profile; did you mean {close!r}?")
    else:
        message = _("no unit named {name!r} in the profile; the units are: {names}")
    raise DerivationError(message.format(name=name, close=close, names=names), where)
