"""Recipients (nơi nhận), ô 9b: the list at the bottom left and the archive line."""

from __future__ import annotations

import re
from collections.abc import Iterable

import attrs

from planforge.errors import ModelError
from planforge.i18n import _
from planforge.model._checks import not_blank, optional_text, text
from planforge.model._types import typed

_PURPOSE = re.compile(r"^(?P<name>.*?)\s*\((?P<purpose>[^()]{1,12})\)\s*[;.]?\s*$")
_ARCHIVE = re.compile(r"^\s*-?\s*Lưu\s*:\s*(?P<units>.*?)\s*\.?\s*$", re.IGNORECASE)


@attrs.frozen(field_transformer=typed)
class Recipient:
    """One line of the list: "TT. Tỉnh ủy (b/c)" is name "TT. Tỉnh ủy", purpose "b/c"."""

    name: str = attrs.field(converter=text, validator=not_blank)
    purpose: str | None = attrs.field(default=None, converter=optional_text)

    @property
    def line(self) -> str:
        """The printed line without its dash and final punctuation."""
        return f"{self.name} ({self.purpose})" if self.purpose else self.name

    @classmethod
    def parse(cls, line: str) -> Recipient:
        """Read "- TT. Tỉnh ủy (b/c);" into name and purpose.

        >>> Recipient.parse("- TT. Tỉnh ủy (b/c);")
        Recipient(name='TT. Tỉnh ủy', purpose='b/c')
        """
        body = line.strip().lstrip("-–").strip().rstrip(";.").strip()
        match = _PURPOSE.match(body)
        if match and match["name"]:
            return cls(match["name"], match["purpose"])
        return cls(body)


def _units(value: str | tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """Converter: "Lưu: VT, VX3." or ("VT", "VX3") → ("VT", "VX3")."""
    items = [value] if isinstance(value, str) else list(value)
    units: list[str] = []
    for item in items:
        match = _ARCHIVE.match(item)
        units += (match["units"] if match else item).split(",")
    return tuple(text(u) for u in units if text(u))


def _archive_check(_instance: object, _attribute: object, value: tuple[str, ...]) -> None:
    if not value:
        raise ModelError(_("the archive line needs at least VT (Lưu: VT, …)"), "archive")


def _recipient_tuple(value: Iterable[Recipient]) -> tuple[Recipient, ...]:
    return tuple(value)


@attrs.frozen(field_transformer=typed)
class Recipients:
    """Nơi nhận: the recipients in order and the archive units ("Lưu: VT, VX3.")."""

    entries: tuple[Recipient, ...] = attrs.field(converter=_recipient_tuple)
    archive: tuple[str, ...] = attrs.field(converter=_units, validator=_archive_check)
    label: str = attrs.field(default="Nơi nhận:", converter=text, validator=not_blank)

    @property
    def archive_line(self) -> str:
        """``Lưu: VT, VX3`` (the renderer adds the final full stop)."""
        return "Lưu: " + ", ".join(self.archive)

    @property
    def lines(self) -> list[str]:
        """The printed list: "- …;" per recipient and "- Lưu: VT, ….".

        >>> Recipients((Recipient("Bộ Lao động - TBXH"),), "VT, VX3").lines
        ['- Bộ Lao động - TBXH;', '- Lưu: VT, VX3.']
        """
        return [f"- {e.line};" for e in self.entries] + [f"- {self.archive_line}."]
