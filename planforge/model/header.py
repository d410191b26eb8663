"""The heading block of a document (ô 1–5 and 10–11 of Nghị định 30)."""

from __future__ import annotations

import enum

import attrs

from planforge.errors import ModelError
from planforge.i18n import _
from planforge.model._checks import not_blank, optional_text, text
from planforge.model._types import typed
from planforge.model.agency import Agency
from planforge.model.date import IssueDate
from planforge.model.document_type import DocumentType
from planforge.model.number import DocumentNumber


class Secrecy(enum.Enum):
    """Secrecy mark (độ mật), ô 10a."""

    MAT = "MẬT"
    TOI_MAT = "TỐI MẬT"
    TUYET_MAT = "TUYỆT MẬT"


class Urgency(enum.Enum):
    """Urgency mark (độ khẩn), ô 10b."""

    KHAN = "KHẨN"
    THUONG_KHAN = "THƯỢNG KHẨN"
    HOA_TOC = "HỎA TỐC"


@attrs.frozen(kw_only=True, field_transformer=typed)
class Header:
    """Thể thức phần đầu: agencies, number, place and date, type and subject.

    ``draft`` marks a dự thảo; a draft may leave the serial number and the
    day (or day and month) blank.  ``type_name`` is the type name as printed
    (tên loại) when it is not the type's own title: with a qualifier ("Kế
    hoạch hành động"), or a name Nghị định 30 does not list ("Phiếu trình",
    document_type ``van-ban``, where it is required).
    """

    document_type: DocumentType = DocumentType.KE_HOACH
    parent_agency: Agency | None = None
    issuing_agency: Agency
    number: DocumentNumber
    place: str = attrs.field(converter=text, validator=not_blank)
    date: IssueDate
    subject: str = attrs.field(converter=text, validator=not_blank)
    secrecy: Secrecy | None = None
    urgency: Urgency | None = None
    circulation: str | None = attrs.field(default=None, converter=optional_text)
    draft: bool = False
    type_name: str | None = attrs.field(default=None, converter=optional_text)

    @property
    def printed_type(self) -> str:
        """The type name printed above the subject, in normal case ("Kế hoạch")."""
        return self.type_name or self.document_type.title

    def __attrs_post_init__(self) -> None:
        code = self.document_type.code
        if self.document_type is DocumentType.VAN_BAN:
            if self.type_name is None:
                raise ModelError(
                    _("a document of type van-ban needs the type name it prints (type_name)"),
                    "type_name",
                )
        elif self.document_type is DocumentType.CONG_VAN:
            if self.number.type_code is not None:
                raise ModelError(
                    _("a công văn has no type code, but the number is {number}").format(
                        number=self.number
                    ),
                    "number",
                )
        elif self.number.type_code is None:
            guess = self.number.unit_code or self.number.issuer_code
            raise ModelError(
                _(
                    "unknown type code {issuer_code!r} in {symbol}; "
                    "a {type_name} is numbered …/{code}-{guess}"
                ).format(
                    issuer_code=self.number.issuer_code,
                    symbol=self.number.symbol,
                    type_name=self.document_type.title.lower(),
                    code=code,
                    guess=guess,
                ),
                "number",
            )
        elif self.number.type_code != code:
            raise ModelError(
                _(
                    "the number {symbol} does not carry the code {code} of a "
                    "{type_name}; write …/{code}-{issuer_code}"
                ).format(
                    symbol=self.number.symbol,
                    code=code,
                    type_name=self.document_type.title.lower(),
                    issuer_code=self.number.issuer_code,
                ),
                "number",
            )
