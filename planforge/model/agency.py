"""Agencies (cơ quan, tổ chức): the issuer, its parent, and the bodies a plan assigns."""

from __future__ import annotations

import enum

import attrs

from planforge.model._checks import lines, not_blank, optional_text, text
from planforge.model._types import typed


class Level(enum.Enum):
    """Administrative level of an agency (cấp).

    Since 1 July 2025 local government has two levels, province and commune;
    plans issued before then also name districts.
    """

    CENTRAL = "central"  # trung ương
    PROVINCE = "province"  # cấp tỉnh
    DEPARTMENT = "department"  # sở, ban, ngành thuộc tỉnh
    DISTRICT = "district"  # cấp huyện (before 2025)
    DISTRICT_OFFICE = "district-office"  # phòng thuộc huyện
    COMMUNE = "commune"  # cấp xã: xã, phường, thị trấn, đặc khu
    OTHER = "other"


@attrs.frozen(field_transformer=typed)
class Agency:
    """An agency (cơ quan): "Ủy ban nhân dân tỉnh Lâm Đồng", code "UBND".

    ``name`` is the full official name in normal case, as it is cited in
    sentences; the header prints it in capitals.  ``header_lines`` gives the
    header text line by line where the agency prints it its own way (the
    parent "UBND TỈNH LẠNG SƠN" abbreviated, or a chosen line break); when
    empty the renderer capitalises and wraps ``name``.
    """

    name: str = attrs.field(converter=text, validator=not_blank)
    abbreviation: str | None = attrs.field(default=None, converter=optional_text)
    level: Level | None = None
    seat: str | None = attrs.field(default=None, converter=optional_text)
    header_lines: tuple[str, ...] = attrs.field(default=(), converter=lines)
