"""Type checks for every field of the model classes, named in the error.

``@attrs.frozen(field_transformer=typed)`` gives each field a validator that checks
the value against the field's annotation, before the field's own validators run, so
``Plan(header=None, …)`` raises ModelError("must be Header, not NoneType", "header")
rather than being accepted (and failing later, far away, as an AttributeError).
Converters that cannot take the value (``tuple(None)``) are turned into the same
error, and a text given where a tuple is expected is refused instead of being split
into its letters.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs

from planforge._hints import describe, given, hints_of, mismatch
from planforge.errors import ModelError
from planforge.i18n import _


def typed(cls: type, fields: list[attrs.Attribute[Any]]) -> list[attrs.Attribute[Any]]:
    """attrs field transformer: a type validator (and a guarded converter) on every field."""
    out = []
    for field in fields:
        check = _checker(cls, field.name)
        validator = attrs.validators.and_(check, field.validator) if field.validator else check
        changes: dict[str, Any] = {"validator": validator}
        if callable(field.converter):
            changes["converter"] = _guarded(cls, field.name, field.converter)
        out.append(field.evolve(**changes))
    return out


def _wrong(cls: type, name: str, value: Any, where: str = "", hint: Any = None) -> ModelError:
    wanted = hints_of(cls)[name] if hint is None else hint
    return ModelError(
        _("must be {expected}, not {given}").format(expected=describe(wanted), given=given(value)),
        f"{name}{where}",
    )


def _checker(cls: type, name: str) -> Callable[[Any, attrs.Attribute[Any], Any], None]:
    # The annotation is resolved at the first check, not here: with postponed
    # annotations the names it uses may not exist yet while the class is built.
    def check(_instance: Any, _attribute: attrs.Attribute[Any], value: Any) -> None:
        found = mismatch(value, hints_of(cls)[name])
        if found is not None:
            where, item, wanted = found
            raise _wrong(cls, name, item, where, wanted)

    return check


def _guarded(cls: type, name: str, converter: Callable[[Any], Any]) -> Callable[[Any], Any]:
    def convert(value: Any) -> Any:
        try:
            result = converter(value)
        except (TypeError, AttributeError):  # tuple(None), None.strip(): a wrong type
            raise _wrong(cls, name, value) from None
        except ModelError as exc:  # a value the converter refuses (a control character)
            raise exc.within(name) from None
        if _split_into_letters(value, result):
            raise _wrong(cls, name, value)
        return result

    return convert


def _split_into_letters(value: Any, result: Any) -> bool:
    """Whether a converter made a text into the tuple of its letters (``tuple("UBND")``).

    Converters that read a text on purpose ("Lưu: VT, VX3" → ("VT", "VX3")) give
    fewer items than letters.
    """
    return (
        isinstance(value, str | bytes)
        and len(value) > 1
        and isinstance(result, tuple)
        and len(result) == len(value)
    )
