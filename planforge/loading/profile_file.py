"""Read derivation profiles (hồ sơ phân cấp, YAML) and the default rules they extend."""

from __future__ import annotations

import functools
import os
import re
from importlib import resources
from pathlib import Path

from planforge.errors import PlanFileError
from planforge.i18n import _
from planforge.loading.located import Located, read_yaml_text
from planforge.loading.profile_catalogue import own_catalogue
from planforge.loading.structure import Structurer, structure_yaml
from planforge.model.profile import Profile, ProfileDefaults
from planforge.text.normalize import nfc

BUNDLED_NAME = re.compile(r"[a-z][a-z0-9-]{0,39}")
"""How a bundled default is named ("commune"): nothing that could reach a path."""
BESIDE_NAME = re.compile(r"[^\x00-\x1f/\\:.][^\x00-\x1f/\\:]{0,199}\.ya?ml")
"""A file beside the profile: one plain name, no folder, no drive, not hidden."""


class ExtendsError(PlanFileError):
    """``extends`` names nothing a profile may extend; placed at the profile's field."""

    def __init__(self, message: str) -> None:
        super().__init__(message, "extends")


def bundled_defaults() -> list[str]:
    """Names of the default profiles that ship with planforge ("commune", …)."""
    folder = resources.files("planforge") / "profiles"
    names = (p.name for p in folder.iterdir())
    return sorted(n.removesuffix(".yaml") for n in names if n.endswith(".yaml"))


def load_defaults(name: str) -> ProfileDefaults:
    """The bundled default rules for one target level."""
    source = resources.files("planforge") / "profiles" / f"{name}.yaml"
    if not BUNDLED_NAME.fullmatch(name) or not source.is_file():
        raise ExtendsError(
            _("unknown default profile {name!r}; bundled: {names}").format(
                name=name, names=", ".join(bundled_defaults())
            )
        )
    return _bundled_defaults(name)


@functools.cache  # bundled files do not change while we run; every derived unit asks again
def _bundled_defaults(name: str) -> ProfileDefaults:
    source = resources.files("planforge") / "profiles" / f"{name}.yaml"
    result: ProfileDefaults = structure_yaml(
        source.read_text(encoding="utf-8"), ProfileDefaults, f"planforge/profiles/{name}.yaml"
    )
    return result


def apply_extends(profile: Profile, folder: str | os.PathLike[str] | None = None) -> Profile:
    """``profile`` with the default rules it ``extends`` applied after its own.

    ``extends`` names a bundled default ("commune", "district", "department") or,
    when ``folder`` is given (the profile file's folder), a YAML file of default
    rules in that very folder ("defaults.yaml"): never a path, a URL or a file
    reached through a link out of the folder.  :func:`load_profile` applies it
    already; call this for a :class:`Profile` built in Python.  A bad name raises
    :class:`ExtendsError`; an invalid defaults file, its own located error.
    """
    name = profile.extends
    if not name:
        return profile
    if BUNDLED_NAME.fullmatch(name):
        return load_defaults(name).apply_to(profile)
    if folder is None or not BESIDE_NAME.fullmatch(name):
        raise ExtendsError(
            _(
                "extends names a bundled default profile ({names}) or a .yaml file in the "
                "profile's own folder, not {name!r}"
            ).format(names=", ".join(bundled_defaults()), name=name)
        )
    return _beside(Path(folder), name).apply_to(profile)


def _beside(folder: Path, name: str) -> ProfileDefaults:
    """The default rules of the file ``name`` in ``folder``, which must not lead out of it."""
    candidate = folder / name
    try:
        inside = candidate.resolve().parent == folder.resolve()
    except (OSError, RuntimeError):  # a loop of links
        inside = False
    if not inside:
        raise ExtendsError(
            _(
                "the file {name!r} leads out of the profile's folder; copy it beside the profile"
            ).format(name=name)
        )
    if not candidate.exists():
        raise ExtendsError(
            _("no file {name!r} beside the profile, and no bundled default of that name").format(
                name=name
            )
        )
    result: ProfileDefaults = structure_yaml(
        read_yaml_text(candidate), ProfileDefaults, str(candidate)
    )
    return result


def loads_profile(
    text: str, file: str = "<string>", folder: str | os.PathLike[str] | None = None
) -> Profile:
    """Build a profile from YAML text, with its ``extends`` defaults applied.

    ``folder`` is where a defaults file named by ``extends`` may be found (the
    profile file's folder); without it only the bundled defaults can be extended.
    """
    located = Located(file)
    profile: Profile = Structurer(located).build(located.load(nfc(text)), Profile, ())
    profile = own_catalogue(profile, located, folder)
    try:
        return apply_extends(profile, folder)
    except ExtendsError as exc:
        raise located.error(("extends",), exc.message) from None


def load_profile(path: str | os.PathLike[str]) -> Profile:
    """Read a profile file; errors read ``file:line:column: field: message``."""
    return loads_profile(read_yaml_text(path), str(path), Path(path).parent)


def with_defaults(profile: Profile) -> Profile:
    """``profile`` with the defaults it ``extends`` applied, unless they already are.

    A profile read from a file has them (:func:`load_profile`); one built in
    Python (``Profile(extends="commune", …)``) gets them here, when it is used.
    Applied defaults end the profile's rule lists, which is how they are recognised:
    applying them twice would run each bundled rule twice.  A defaults file beside
    a profile file was applied when that file was read.
    """
    if not profile.extends:
        return profile
    if not BUNDLED_NAME.fullmatch(profile.extends):
        return profile if profile.location is not None else apply_extends(profile)
    defaults = load_defaults(profile.extends)
    applied = (  # without rule lists, applying again changes nothing
        bool(defaults.agencies or defaults.phrases)
        and profile.agencies[len(profile.agencies) - len(defaults.agencies) :] == defaults.agencies
        and profile.phrases[len(profile.phrases) - len(defaults.phrases) :] == defaults.phrases
    )
    return profile if applied else defaults.apply_to(profile)
