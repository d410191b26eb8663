"""Validators shared by the model classes; each names the field it refuses."""

from __future__ import annotations

from typing import Any

import attrs

from planforge.errors import ModelError
from planforge.i18n import _
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


def text(value: str) -> str:
    """Converter: one line of text, NFC with collapsed spaces."""
    return clean(value) if isinstance(value, str) else value


def optional_text(value: str | None) -> str | None:
    """Converter: like :func:`text`, and an empty string becomes None."""
    if value is None:
        return None
    value = clean(value) if isinstance(value, str) else value
    return value or None


def lines(values: Any) -> tuple[str, ...]:
    """Converter: a tuple of cleaned lines of text."""
    return tuple(text(v) for v in values)


def paragraph(value: str) -> str:
    """Converter: a paragraph, NFC, inner whitespace collapsed."""
    return clean(nfc(value)) if isinstance(value, str) else value
