"""An official letter (công văn), Mẫu 1.5 of Nghị định 30: "V/v …", "Kính gửi:", no type name."""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from planforge.errors import ModelError
from planforge.i18n import _
from planforge.model._checks import lines
from planforge.model._types import typed
from planforge.model.document_type import DocumentType
from planforge.model.header import Header
from planforge.model.nodes import Node, Paragraph
from planforge.model.numbering import Entry, walk
from planforge.model.recipients import Recipients
from planforge.model.reference import LegalBasis
from planforge.model.signature import Signature

AS_ABOVE = "Như trên"
"""The first recipient of a letter with "Kính gửi": it stands for the addressees."""


def _nodes(value: Iterable[Node]) -> tuple[Node, ...]:
    return tuple(value)


def _paragraphs(value: Iterable[Paragraph]) -> tuple[Paragraph, ...]:
    return tuple(value)


def _addressees(
    _instance: object, attribute: attrs.Attribute[tuple[str, ...]], value: tuple[str, ...]
) -> None:
    if not value:
        raise ModelError(_("a công văn needs at least one addressee (Kính gửi)"), attribute.name)


@attrs.frozen(kw_only=True, field_transformer=typed)
class Letter:
    """Công văn: header (its subject is the "V/v" line), addressees, body, recipients, signature.

    The number carries the issuer's and the drafting unit's codes and no
    type code ("Số: 1234/UBND-VX"); ``addressees`` are the "Kính gửi" names;
    the recipients list starts with "Như trên", which the renderer adds when
    it is missing.  The "./." end mark is added by the renderer.
    """

    header: Header
    addressees: tuple[str, ...] = attrs.field(converter=lines, validator=_addressees)
    legal_basis: LegalBasis = attrs.field(factory=LegalBasis)
    sections: tuple[Node, ...] = attrs.field(default=(), converter=_nodes)
    closing: tuple[Paragraph, ...] = attrs.field(default=(), converter=_paragraphs)
    recipients: Recipients
    signature: Signature

    def __attrs_post_init__(self) -> None:
        if self.header.document_type is not DocumentType.CONG_VAN:
            raise ModelError(_("a letter's document_type is cong-van"), "header.document_type")

    def entries(self) -> list[Entry]:
        """Every entry of the body in document order, with depth and label."""
        return list(walk(self.sections, depth=2))
