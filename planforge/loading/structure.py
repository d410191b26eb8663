"""Turn plain YAML values into model objects, naming the field of every error."""

from __future__ import annotations

import enum
import functools
import types
import typing
from typing import Any, Union

import attrs

from planforge.errors import ModelError, PlanFileError
from planforge.i18n import _
from planforge.loading.characters import refuse_control_characters
from planforge.loading.located import Located, Path, format_path
from planforge.model import (
    AuthorityLine,
    DocumentNumber,
    IssueDate,
    Recipient,
    Recipients,
)
from planforge.model.nodes import NODE_TYPES, Assignment, Paragraph, Reporting, Section, Target
from planforge.text.normalize import nfc

PARSED_FROM_TEXT: dict[type, Any] = {
    DocumentNumber: DocumentNumber.parse,
    IssueDate: IssueDate.parse,
    AuthorityLine: AuthorityLine.parse,
    Recipient: Recipient.parse,
}
"""Classes written as one string in a plan file ("7851/KH-UBND", "2021-11-04")."""

NODE_KINDS: dict[str, type] = {
    "section": Section,
    "paragraph": Paragraph,
    "target": Target,
    "assignment": Assignment,
    "reporting": Reporting,
}
"""The ``kind`` key of a body entry; without it, ``title`` means a section."""


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


class Structurer:
    """Build model objects from the values of one plan file."""

    def __init__(self, located: Located) -> None:
        self.located = located

    def fail(self, path: Path, message: str) -> PlanFileError:
        return self.located.error(path, message)

    def build(self, value: Any, hint: Any, path: Path) -> Any:
        """Build ``value`` as type ``hint``; errors name ``path``."""
        origin = typing.get_origin(hint)
        if origin in (Union, types.UnionType):
            return self._union(value, hint, path)
        if origin is tuple:
            return self._tuple(value, typing.get_args(hint)[0], path)
        if isinstance(hint, type) and issubclass(hint, enum.Enum):
            return self._enum(value, hint, path)
        if attrs.has(hint):
            return self._attrs(value, hint, path)
        return self._scalar(value, hint, path)

    def _union(self, value: Any, hint: Any, path: Path) -> Any:
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        if value is None:
            if len(args) < len(typing.get_args(hint)):
                return None
            raise self.fail(path, _("a value is required here"))
        if all(a in NODE_TYPES for a in args):
            return self._node(value, args, path)
        if len(args) == 1:
            return self.build(value, args[0], path)
        raise self.fail(
            path, _("cannot decide between {args}").format(args=args)
        )  # pragma: no cover

    def _node(self, value: Any, allowed: list[type], path: Path) -> Any:
        if not isinstance(value, dict):
            raise self.fail(path, _("a body entry is a mapping with a title or a text"))
        kind = value.get("kind", "section" if "title" in value else "paragraph")
        cls = NODE_KINDS.get(kind)
        if cls is None or cls not in allowed:
            names = ", ".join(k for k, c in NODE_KINDS.items() if c in allowed)
            raise self.fail(
                (*path, "kind"),
                _("unknown kind {kind!r}; use one of: {names}").format(kind=kind, names=names),
            )
        data = {k: v for k, v in value.items() if k != "kind"}
        return self._attrs(data, cls, path)

    def _tuple(self, value: Any, item: Any, path: Path) -> tuple[Any, ...]:
        if isinstance(value, str) and item is str:
            return (value,)
        if not isinstance(value, list):
            raise self.fail(path, _("expected a list (lines starting with '- ')"))
        return tuple(self.build(v, item, (*path, i)) for i, v in enumerate(value))

    def _enum(self, value: Any, cls: type[enum.Enum], path: Path) -> enum.Enum:
        for member in cls:
            if value == member.value or (isinstance(value, str) and value.upper() == member.name):
                return member
        choices = ", ".join(str(m.value) for m in cls)
        raise self.fail(
            path,
            _("unknown value {value!r}; use one of: {choices}").format(
                value=value, choices=choices
            ),
        )

    def _scalar(self, value: Any, hint: Any, path: Path) -> Any:
        if hint is bool:
            if isinstance(value, bool):
                return value
            raise self.fail(path, _("expected true or false, not {value!r}").format(value=value))
        if hint is int:
            if isinstance(value, int) and not isinstance(value, bool):
                return value
            raise self.fail(path, _("expected a whole number, not {value!r}").format(value=value))
        if hint is float:
            if isinstance(value, int | float) and not isinstance(value, bool):
                return value
            raise self.fail(path, _("expected a number, not {value!r}").format(value=value))
        if hint is str:
            if isinstance(value, str):
                return value
            if isinstance(value, int | float) and not isinstance(value, bool):
                return str(value)
            if isinstance(value, dict):
                raise self.fail(
                    path,
                    _(
                        "expected text, but YAML read a mapping: a text that "
                        "ends with ':' or holds ': ' must be put in quotes"
                    ),
                )
            raise self.fail(path, _("expected text, not {kind}").format(kind=type(value).__name__))
        raise self.fail(path, _("unsupported type {hint}").format(hint=hint))  # pragma: no cover

    def _attrs(self, value: Any, cls: type, path: Path) -> Any:
        parse = PARSED_FROM_TEXT.get(cls)
        if parse is not None and isinstance(value, str | int):
            try:
                return parse(str(value))
            except ModelError as exc:
                raise self.fail(path, exc.message) from None
        if cls is Recipients and isinstance(value, list):
            value = {"entries": value[:-1], "archive": value[-1]} if value else {}
        if not isinstance(value, dict):
            raise self.fail(
                path, _("expected a mapping of {kind} fields").format(kind=cls.__name__)
            )
        fields = {f.name: f for f in attrs.fields(cls) if not f.metadata.get("located")}
        for key in value:
            if key not in fields:
                known = ", ".join(fields)
                raise self.fail(
                    (*path, key),
                    _("unknown field {key!r}; known fields: {known}").format(key=key, known=known),
                )
        kwargs: dict[str, Any] = {
            f.name: self.located.where(path) for f in attrs.fields(cls) if f.metadata.get("located")
        }
        hints = _hints(cls)
        for name, field in fields.items():
            if name in value:
                kwargs[name] = self.build(value[name], hints[name], (*path, name))
            elif field.default is attrs.NOTHING:
                raise self.fail(path, _("missing field {name!r}").format(name=name))
        try:
            return cls(**kwargs)
        except ModelError as exc:
            inner = path + _field_path(exc.field) if exc.field else path
            raise self.fail(inner, exc.message) from None


def missing_fields(value: Any, hint: Any, path: Path) -> list[tuple[Path, str]]:
    """Every required field absent from ``value`` (read as ``hint``), as (mapping path, name).

    Walks the data the way :meth:`Structurer.build` does, so that a file missing
    several fields is told about all of them at once, not one per run.
    """
    origin = typing.get_origin(hint)
    if origin in (Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        if isinstance(value, dict) and args and all(a in NODE_TYPES for a in args):
            kind = value.get("kind", "section" if "title" in value else "paragraph")
            cls = NODE_KINDS.get(kind)
            fields = {k: v for k, v in value.items() if k != "kind"}
            return missing_fields(fields, cls, path) if cls in args else []
        return missing_fields(value, args[0], path) if len(args) == 1 else []
    if origin is tuple and isinstance(value, list):
        item = typing.get_args(hint)[0]
        return [m for i, v in enumerate(value) for m in missing_fields(v, item, (*path, i))]
    if not (isinstance(hint, type) and attrs.has(hint) and isinstance(value, dict)):
        return []
    found = []
    hints = _hints(hint)
    for field in attrs.fields(hint):
        if field.metadata.get("located"):
            continue
        if field.name in value:
            found += missing_fields(value[field.name], hints[field.name], (*path, field.name))
        elif field.default is attrs.NOTHING:
            found.append((path, field.name))
    return found


def _report_missing(located: Located, missing: list[tuple[Path, str]]) -> None:
    if len(missing) < 2:
        return  # one missing field: the usual error, raised where it is met
    listed = "; ".join(
        f"{format_path((*path, name))} ({located.where(path)})" for path, name in missing
    )
    first = missing[0][0]
    raise located.error(
        first,
        _("{count} required fields are missing: {fields}").format(
            count=len(missing), fields=listed
        ),
    )


def _field_path(field: str) -> Path:
    """``units[3].slug`` → ``("units", 3, "slug")``, so that the error finds its line."""
    parts = field.replace("[", ".[").split(".")
    return tuple(int(p[1:-1]) if p.startswith("[") else p for p in parts if p)


def structure_yaml(text: str, cls: type, file: str) -> Any:
    """Parse YAML ``text`` (normalised to NFC) and build an instance of ``cls``."""
    located = Located(file)
    data = located.load(nfc(text))
    _report_missing(located, missing_fields(data, cls, ()))
    refuse_control_characters(located, data)
    return Structurer(located).build(data, cls, ())
