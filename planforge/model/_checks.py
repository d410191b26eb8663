"""Validators shared by the model classes; each names the field it refuses."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import attrs

from planforge.errors import ModelError
from planforge.i18n import _
from planforge.text.controls import forbidden_message
from planforge.text.normalize import clean, nfc


def fail(attribute: attrs.Attribute[Any], message: str) -> ModelError:
    """Build the error for ``attribute`` so that the loader can add the path."""
    return ModelError(message, attribute.name)


def not_blank(_instance: object, attribute: attrs.Attribute[Any], value: str) -> None:
    """Refuse an empty or all-space string."""
    if not value or not value.strip():
        raise fail(attribute, _("must not be empty"))


def positive(_instance: object, attribute: attrs.Attribute[Any], value: int | None) -> None:
    """Refuse zero and negative numbers (None passes: a blank in a draft)."""
    if value is not None and value <= 0:
        raise fail(attribute, _("must be a positive number, not {value}").format(value=value))


def _refuse_controls(value: str) -> str:
    """``value`` itself, or a ModelError if it holds a character Word cannot carry.

    Refused rather than deleted: deleting would glue words together, and
    docxtpl would print a form feed as a page break (see planforge.text.controls).
    """
    message = forbidden_message(value)
    if message is not None:
        raise ModelError(message)
    return value


class _FieldConverter(attrs.Converter):  # type: ignore[type-arg]
    """A text converter that names its field in errors.

    attrs calls it with the field (``takes_field``), so a refused value is
    reported as ``subject: …``; other code calls it with a value alone, like
    the plain function it wraps.
    """

    def __init__(self, function: Callable[[Any], Any]) -> None:
        self._function = function

        def named(value: Any, field: attrs.Attribute[Any]) -> Any:
            try:
                return function(value)
            except ModelError as exc:
                raise exc.within(field.name) from None

        super().__init__(named, takes_field=True)

    def __call__(self, value: Any) -> Any:
        return self._function(value)


def _text(value: str) -> str:
    return clean(_refuse_controls(value)) if isinstance(value, str) else value


def _optional_text(value: str | None) -> str | None:
    if value is None:
        return None
    value = _text(value)
    return value or None


def _lines(values: Any) -> tuple[str, ...]:
    found = []
    for index, value in enumerate(values):
        try:
            found.append(_text(value))
        except ModelError as exc:
            raise exc.within(f"[{index}]") from None
    return tuple(found)


def _paragraph(value: str) -> str:
    return clean(nfc(_refuse_controls(value))) if isinstance(value, str) else value


# attrs sees the field-naming converters; mypy's attrs plugin only understands named
# functions as converters, so it is shown the plain signatures.
if TYPE_CHECKING:

    def text(value: str) -> str:
        """Converter: one line of text, NFC with collapsed spaces; control characters refused."""

    def optional_text(value: str | None) -> str | None:
        """Converter: like :func:`text`, and an empty string becomes None."""

    def lines(values: Any) -> tuple[str, ...]:
        """Converter: a tuple of cleaned lines of text (an error names the line's index)."""

    def paragraph(value: str) -> str:
        """Converter: a paragraph, NFC, inner whitespace collapsed; control characters refused."""

else:
    text = _FieldConverter(_text)
    optional_text = _FieldConverter(_optional_text)
    lines = _FieldConverter(_lines)
    paragraph = _FieldConverter(_paragraph)
