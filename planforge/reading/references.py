"""Cited documents of the opening paragraphs (căn cứ, "Thực hiện …"): type, number, date, issuer."""

from __future__ import annotations

import re

from planforge.errors import ModelError
from planforge.i18n import _
from planforge.model import DocumentReference, DocumentType, IssueDate
from planforge.reading.agencies import name_phrase

_TYPES = "|".join(sorted((re.escape(t.title) for t in DocumentType), key=len, reverse=True))
_CITATION = re.compile(
    rf"\b(?P<type>{_TYPES})\s+số\s+(?P<number>\d{{1,6}}(?:[/-][\wĐđ]+)+)"
    r"(?P<rest>[^;]*)",
    re.IGNORECASE,
)
_DATE_WORDS = re.compile(
    r"^\s*,?\s*ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.IGNORECASE
)
_DATE_SHORT = re.compile(r"^\s*,?\s*ngày\s+(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", re.IGNORECASE)
_ISSUER = re.compile(r"^\s*,?\s*của\s+", re.IGNORECASE)
_FOOTNOTE = re.compile(r"[\u00b9\u00b2\u00b3\u2070-\u2079]+|\[\d{1,3}\]|\(\d{1,2}\)$")
_SUBJECT_END = re.compile(
    r",\s+(?=(?:Ủy ban|UBND|Sở|Phòng|Ban|Bộ|Hội đồng|HĐND)\b)|\.\s*$|\s+như sau|:"
)
_CODES = {"TTg": "Thủ tướng Chính phủ", "CP": "Chính phủ", "QH": "Quốc hội"}


def references(paragraphs: list[str]) -> tuple[list[DocumentReference], list[str]]:
    """The documents cited with a number in the opening paragraphs, and notes on the rest.

    >>> refs, _ = references(["Thực hiện Quyết định số 1629/QĐ-TTg ngày 28/9/2021 của Thủ tướng "
    ...     "Chính phủ phê duyệt Chương trình phòng, chống mại dâm, Ủy ban nhân dân tỉnh ban hành"])
    >>> [(r.document_type.value, r.number, str(r.date), r.issuer) for r in refs]
    [('quyet-dinh', '1629/QĐ-TTg', '2021-09-28', 'Thủ tướng Chính phủ')]
    >>> refs[0].subject
    'phê duyệt Chương trình phòng, chống mại dâm'

    """
    found: list[DocumentReference] = []
    notes: list[str] = []
    for paragraph in paragraphs:
        text = _FOOTNOTE.sub("", paragraph)
        for match in _CITATION.finditer(text):
            reference = _reference(match)
            if reference is None:
                notes.append(
                    _("the citation {citation!r} names no issuer; not typed").format(
                        citation=match.group(0)[:60]
                    )
                )
            else:
                found.append(reference)
    return found, notes


def _reference(match: re.Match[str]) -> DocumentReference | None:
    kind = DocumentType.from_title(match["type"])
    if kind is None:
        return None
    number = match["number"].rstrip(".,")
    rest = match["rest"]
    date = None
    for pattern in (_DATE_WORDS, _DATE_SHORT):
        found = pattern.match(rest)
        if found:
            try:
                date = IssueDate(int(found[3]), int(found[2]), int(found[1]))
            except ModelError:
                date = None
            rest = rest[found.end() :]
            break
    issuer = None
    of = _ISSUER.match(rest)
    if of:
        issuer = name_phrase(rest[of.end() :])
        rest = rest[of.end() :]
        rest = rest[rest.find(issuer) + len(issuer) :] if issuer else rest
    else:
        code = number.split("-")[-1].split("/")[-1]
        issuer = _CODES.get(code)
    if not issuer:
        return None
    end = _SUBJECT_END.search(rest)
    subject = (rest[: end.start()] if end else rest).strip(" ,.")
    try:
        return DocumentReference(kind, issuer, number, date, subject or None)
    except ModelError:
        return None
