"""The type name line (tên loại, ô 5a): alone, with a qualifier, with the subject, or unlisted."""

from __future__ import annotations

from dataclasses import dataclass

from planforge.model import DocumentType
from planforge.reading.folding import fold
from planforge.reading.labels import split_label
from planforge.reading.vietnamese import is_caps, sentence_case

_CITED_ONLY = frozenset(
    {DocumentType.LUAT, DocumentType.NGHI_DINH, DocumentType.THONG_TU, DocumentType.PHAP_LENH}
)
"""Types a plan cites but no agency of a province issues: never a type line."""


@dataclass(frozen=True)
class TypeLine:
    """What a type line says: the type, the printed name when it is not the type's own, and
    the subject when it is printed on the same line."""

    kind: DocumentType
    type_name: str | None = None
    subject: str | None = None


def read_type_line(piece: str, *, after_number: bool, letter: bool) -> TypeLine | None:
    """The type name (ô 5a), or None when ``piece`` is no type line.

    "KẾ HOẠCH", "KẾ HOẠCH HÀNH ĐỘNG" (a qualifier of one or two words, kept as the printed
    type name), "Kế hoạch Triển khai …" (type and subject on one line). ``after_number``:
    the number or the date has been read; then a short line in capitals that names no
    known type is a type Nghị định 30 does not list ("PHIẾU TRÌNH"), a generic document —
    unless the document is a công văn (``letter``: a "V/v" was read).

    >>> read_type_line("KẾ HOẠCH HÀNH ĐỘNG", after_number=True, letter=False).type_name
    'Kế hoạch hành động'
    >>> read_type_line("PHIẾU TRÌNH", after_number=True, letter=False).kind.value
    'van-ban'
    """
    words = piece.split()
    for size in (3, 2, 1):
        kind = DocumentType.from_title(" ".join(words[:size]))
        if kind is None or kind in _CITED_ONLY:
            continue
        head, rest = " ".join(words[:size]), words[size:]
        if not rest:
            return TypeLine(kind) if is_caps(head) else None
        if is_caps(piece) and len(rest) <= 2 and not piece.endswith((":", ".")):
            return TypeLine(kind, type_name=sentence_case(piece.lower()))
        if not is_caps(head) and not rest[0][:1].isupper():
            return None  # "Kế hoạch này …": a sentence
        if fold(rest[0]) == fold("số") or not after_number:
            return None  # "Kế hoạch số 12/KH-UBND …": a citation
        return TypeLine(kind, subject=" ".join(rest))
    if (
        after_number
        and not letter
        and is_caps(piece)
        and 2 <= len(words) <= 4
        and split_label(piece)[0] is None
        and not any(mark in piece for mark in ",:;.")
    ):
        return TypeLine(DocumentType.VAN_BAN, type_name=sentence_case(piece.lower()))
    return None
