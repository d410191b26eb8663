"""The number and code of a document (số, ký hiệu văn bản), ô 3 of Nghị định 30."""

from __future__ import annotations

import re
from typing import Any

import attrs

from planforge.errors import ModelError
from planforge.i18n import _
from planforge.model._checks import fail, positive
from planforge.model._types import typed
from planforge.model.document_type import ADMINISTRATIVE_CODES

_CODE = re.compile(r"^[A-ZĐ][A-Za-zĐđ0-9]*$")
_NUMBER = re.compile(
    r"^\s*(?:Số\s*:?\s*)?(?P<serial>\d*)\s*/\s*(?:(?P<year>(?:19|20)\d\d)\s*/\s*)?"
    r"(?P<symbol>\S+)\s*$"
)

DRAFT_SERIAL = "\u00a0" * 6
"""What a draft prints where the serial number will go after signing."""


def _code(_instance: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is not None and not _CODE.match(value):
        raise fail(
            attribute,
            _(
                "malformed code {value!r}: letters and digits only, starting with a capital "
                "(e.g. UBND, SLĐTBXH, VX3)"
            ).format(value=value),
        )


def _type_code(
    _instance: object, attribute: attrs.Attribute[str | None], value: str | None
) -> None:
    if value is not None and value not in ADMINISTRATIVE_CODES:
        known = ", ".join(sorted(ADMINISTRATIVE_CODES))
        raise fail(
            attribute,
            _("unknown type code {value!r}; Phụ lục III codes are: {known}").format(
                value=value, known=known
            ),
        )


def _year(_instance: object, attribute: attrs.Attribute[int | None], value: int | None) -> None:
    if value is not None and not 1900 <= value <= 2200:
        raise fail(attribute, _("year {year} is out of range").format(year=value))


@attrs.frozen(field_transformer=typed)
class DocumentNumber:
    """Số, ký hiệu: ``7851/KH-UBND``; a công văn has no type code (``12/UBND-VX``).

    ``serial`` is None in a draft: the number is given after signing (Đ.15.2).
    ``year`` is the year a legal normative document carries in its number
    (``15/2010/QĐ-UBND``); other documents have none.
    """

    serial: int | None = attrs.field(validator=positive)
    issuer_code: str = attrs.field(validator=_code)
    type_code: str | None = attrs.field(default=None, validator=_type_code)
    unit_code: str | None = attrs.field(default=None, validator=_code)
    year: int | None = attrs.field(default=None, kw_only=True, validator=_year)

    @property
    def symbol(self) -> str:
        """The ký hiệu after the slash: ``KH-UBND``, ``UBND-VX``, ``QĐ-SYT-NVY``."""
        parts = [self.type_code, self.issuer_code, self.unit_code]
        return "-".join(p for p in parts if p)

    @property
    def _tail(self) -> str:
        return f"{self.year}/{self.symbol}" if self.year is not None else self.symbol

    def __str__(self) -> str:
        serial = DRAFT_SERIAL if self.serial is None else f"{self.serial:02d}"
        return f"{serial}/{self._tail}"

    @property
    def file_form(self) -> str:
        """How a plan file writes it: ``7851/KH-UBND``, or ``/KH-UBND`` when blank."""
        serial = "" if self.serial is None else f"{self.serial:02d}"
        return f"{serial}/{self._tail}"

    @property
    def line(self) -> str:
        """The whole line of ô 3: ``Số: 7851/KH-UBND``; serials below 10 padded."""
        return f"Số: {self}"

    @classmethod
    def parse(cls, text: str) -> DocumentNumber:
        """Read ``7851/KH-UBND``, ``Số: /KH-SLĐTBXH``, ``12/UBND-VX`` or ``15/2010/QĐ-UBND``.

        >>> DocumentNumber.parse("Số: 7851/KH-UBND").symbol
        'KH-UBND'
        >>> DocumentNumber.parse("/KH-SLĐTBXH").serial is None
        True
        >>> DocumentNumber.parse("12/UBND-VX").type_code is None
        True
        >>> DocumentNumber.parse("15/2010/QĐ-UBND").file_form
        '15/2010/QĐ-UBND'
        """
        match = _NUMBER.match(text.replace("\u00a0", " "))
        if not match:
            raise ModelError(
                _(
                    "malformed document number {text!r}; write it as 7851/KH-UBND "
                    "(or /KH-UBND in a draft)"
                ).format(text=text)
            )
        serial = int(match["serial"]) if match["serial"] else None
        year = int(match["year"]) if match["year"] else None
        groups = match["symbol"].split("-")
        if any(not g for g in groups) or len(groups) < 2:
            raise ModelError(
                _(
                    "malformed document code {symbol!r}; expected TYPE-ISSUER such as "
                    "KH-UBND, or ISSUER-UNIT for a công văn such as UBND-VX"
                ).format(symbol=match["symbol"])
            )
        if groups[0] in ADMINISTRATIVE_CODES:
            if len(groups) > 3:
                raise ModelError(
                    _("too many parts in document code {symbol!r}").format(symbol=match["symbol"])
                )
            unit = groups[2] if len(groups) == 3 else None
            return cls(serial, groups[1], type_code=groups[0], unit_code=unit, year=year)
        if len(groups) != 2:
            raise ModelError(
                _(
                    "unknown type code {code!r} in {symbol!r}; a công văn's code "
                    "has two parts (UBND-VX), other documents start with a Phụ lục III code"
                ).format(code=groups[0], symbol=match["symbol"])
            )
        return cls(serial, groups[0], unit_code=groups[1], year=year)
