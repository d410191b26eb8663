"""Read derivation profiles (hồ sơ phân cấp, YAML) and the bundled defaults they extend."""

from __future__ import annotations

import os
from importlib import resources

from planforge.errors import PlanFileError
from planforge.i18n import _
from planforge.loading.located import read_yaml_text
from planforge.loading.structure import structure_yaml
from planforge.model.profile import Profile, ProfileDefaults


def bundled_defaults() -> list[str]:
    """Names of the default profiles that ship with planforge ("commune", …)."""
    folder = resources.files("planforge") / "profiles"
    names = (p.name for p in folder.iterdir())
    return sorted(n.removesuffix(".yaml") for n in names if n.endswith(".yaml"))


def load_defaults(name: str) -> ProfileDefaults:
    """The bundled default rules for one target level."""
    source = resources.files("planforge") / "profiles" / f"{name}.yaml"
    if not source.is_file():
        raise PlanFileError(
            _("unknown default profile {name!r}; bundled: {bundled}").format(
                name=name, bundled=", ".join(bundled_defaults())
            ),
            "extends",
        )
    result: ProfileDefaults = structure_yaml(
        source.read_text(encoding="utf-8"), ProfileDefaults, f"planforge/profiles/{name}.yaml"
    )
    return result


def loads_profile(text: str, file: str = "<string>") -> Profile:
    """Build a profile from YAML text, with its ``extends`` defaults applied."""
    profile: Profile = structure_yaml(text, Profile, file)
    if profile.extends:
        try:
            profile = load_defaults(profile.extends).apply_to(profile)
        except PlanFileError as exc:
            raise PlanFileError(exc.message, file, field="extends") from None
    return profile


def load_profile(path: str | os.PathLike[str]) -> Profile:
    """Read a profile file; errors read ``file:line:column: field: message``."""
    return loads_profile(read_yaml_text(path), str(path))


def with_defaults(profile: Profile) -> Profile:
    """``profile`` with the defaults it ``extends`` applied, unless they already are.

    A profile read from a file has them (:func:`loads_profile`); one built in
    Python (``Profile(extends="commune", …)``) gets them here, when it is used.
    Applied defaults end the profile's rule lists, which is how they are recognised:
    applying them twice would run each bundled rule twice.
    """
    if not profile.extends:
        return profile
    defaults = load_defaults(profile.extends)
    applied = (  # without rule lists, applying again changes nothing
        bool(defaults.agencies or defaults.phrases)
        and profile.agencies[len(profile.agencies) - len(defaults.agencies) :] == defaults.agencies
        and profile.phrases[len(profile.phrases) - len(defaults.phrases) :] == defaults.phrases
    )
    return profile if applied else defaults.apply_to(profile)
