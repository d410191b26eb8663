"""The signature block (ô 7a–7c, 8): signing authority, title, name, images."""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable

import attrs

from planforge.errors import ModelError
from planforge.i18n import _
from planforge.model._checks import not_blank, optional_text, text
from planforge.model._types import typed
from planforge.text.case import upper


class Authority(enum.Enum):
    """Thẩm quyền ký, Nghị định 30 Đ.13; the value is the printed prefix."""

    TM = "TM."  # thay mặt: on behalf of a collective body
    KT = "KT."  # ký thay: a deputy signs for the head
    TL = "TL."  # thừa lệnh: by order of the head
    TUQ = "TUQ."  # thừa ủy quyền: by written delegation
    Q = "Q."  # quyền: acting head


_LINE = re.compile(r"^\s*(?P<prefix>TM|KT|TL|TUQ|Q)\s*\.\s*(?P<holder>.+?)\s*$")


@attrs.frozen(field_transformer=typed)
class AuthorityLine:
    """One authority line: "KT. CHỦ TỊCH" is prefix KT and holder "CHỦ TỊCH"."""

    prefix: Authority
    holder: str = attrs.field(converter=text, validator=not_blank)

    def __str__(self) -> str:
        return f"{self.prefix.value} {upper(self.holder)}"

    @classmethod
    def parse(cls, line: str) -> AuthorityLine:
        """Read "TM. ỦY BAN NHÂN DÂN" or "KT.CHỦ TỊCH" (a missing space is tolerated).

        >>> str(AuthorityLine.parse("KT.CHỦ TỊCH"))
        'KT. CHỦ TỊCH'
        """
        match = _LINE.match(line)
        if not match:
            raise ModelError(
                _(
                    "{line!r} is not an authority line; start it with TM., KT., TL., TUQ. or Q."
                ).format(line=line)
            )
        return cls(Authority(match["prefix"] + "."), match["holder"])


def _authority_line_tuple(value: Iterable[AuthorityLine]) -> tuple[AuthorityLine, ...]:
    return tuple(value)


@attrs.frozen(field_transformer=typed)
class Signature:
    """Chữ ký: authority lines, the signer's title (chức vụ) and name (họ tên).

    "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / Đặng Trí Dũng" is
    two authority lines, title "PHÓ CHỦ TỊCH", name "Đặng Trí Dũng".  Image
    paths point at transparent PNGs of the signature and the seal.
    """

    title: str = attrs.field(converter=text, validator=not_blank)
    name: str = attrs.field(converter=text, validator=not_blank)
    authority: tuple[AuthorityLine, ...] = attrs.field(default=(), converter=_authority_line_tuple)
    signature_image: str | None = attrs.field(default=None, converter=optional_text)
    seal_image: str | None = attrs.field(default=None, converter=optional_text)
    location: str | None = attrs.field(
        default=None, eq=False, repr=False, metadata={"located": True}
    )
    """Where the signature was read from (file:line:column): image paths are relative to it."""

    def __attrs_post_init__(self) -> None:
        prefixes = [line.prefix for line in self.authority]
        if len(set(prefixes)) != len(prefixes):
            raise ModelError(_("an authority prefix appears twice"), "authority")

    @property
    def authority_lines(self) -> list[str]:
        """The printed authority lines in capitals."""
        return [str(line) for line in self.authority]
