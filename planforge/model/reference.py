"""Legal basis (căn cứ): the higher documents a plan implements."""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from planforge.model._checks import lines, not_blank, optional_text, text
from planforge.model._types import typed
from planforge.model.date import IssueDate
from planforge.model.document_type import DocumentType


@attrs.frozen(field_transformer=typed)
class DocumentReference:
    """A cited document (văn bản được viện dẫn): type, number, date, issuer, subject.

    ``number`` is kept as written ("1629/QĐ-TTg", "224-KH/QU" for a Party
    document); laws have no number and are cited by name in ``subject``.
    """

    document_type: DocumentType
    issuer: str = attrs.field(converter=text, validator=not_blank)
    number: str | None = attrs.field(default=None, converter=optional_text)
    date: IssueDate | None = None
    subject: str | None = attrs.field(default=None, converter=optional_text)

    @property
    def citation(self) -> str:
        """The first, full citation: "Quyết định số 1629/QĐ-TTg ngày 28/9/2021 của …".

        >>> DocumentReference(DocumentType.QUYET_DINH, "Thủ tướng Chính phủ",
        ...     "1629/QĐ-TTg", IssueDate(2021, 9, 28), "phê duyệt Chương trình").citation
        'Quyết định số 1629/QĐ-TTg ngày 28/9/2021 của Thủ tướng Chính phủ phê duyệt Chương trình'
        """
        parts = [self.document_type.title]
        if self.number:
            parts.append(f"số {self.number}")
        if self.date is not None:
            parts.append(f"ngày {self.date.short}" if self.date.complete else self.date.words)
        parts.append(f"của {self.issuer}")
        if self.subject:
            parts.append(self.subject)
        return " ".join(parts)

    @property
    def short_citation(self) -> str:
        """A later citation: type and number only ("Quyết định số 1629/QĐ-TTg")."""
        if self.number:
            return f"{self.document_type.title} số {self.number}"
        return f"{self.document_type.title} {self.subject or ''}".strip()


def _references(value: Iterable[DocumentReference]) -> tuple[DocumentReference, ...]:
    return tuple(value)


@attrs.frozen(field_transformer=typed)
class LegalBasis:
    """Căn cứ / "Thực hiện …": the cited documents and the opening paragraphs citing them."""

    references: tuple[DocumentReference, ...] = attrs.field(default=(), converter=_references)
    opening: tuple[str, ...] = attrs.field(default=(), converter=lines)
