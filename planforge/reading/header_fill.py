"""Complete the header: what the source prints; the rest inferred, or marked missing."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from planforge.i18n import _
from planforge.model import (
    Agency,
    DocumentNumber,
    DocumentReference,
    DocumentType,
    Header,
    IssueDate,
)
from planforge.reading.agencies import name_phrase
from planforge.reading.agency_names import agency, describe, normal_case, split_agencies
from planforge.reading.folding import fold
from planforge.reading.header import HeaderParts
from planforge.reading.vietnamese import sentence_case

MISSING_AGENCY = "[cơ quan ban hành]"
MISSING_PLACE = "[địa danh]"
MISSING_SUBJECT = "[trích yếu]"
MISSING_CODE = "CQ"
"""Placeholders for header parts a source does not print and nothing else tells."""

_ISSUES = re.compile(
    r"(?:^|[,;:]\s+)(?P<who>[^,;:]+?)\s+(?:ban hành|xây dựng|triển khai|tổ chức triển khai)\s+"
    r"(?:Kế hoạch|kế hoạch|KH)\b(?P<subject>(?:(?!\bban hành\b)[^:])*?)"
    r"(?:\s+(?:với|gồm|như sau)\b|:|$)"
)


_CITED = re.compile(r"\d+/[\w-]*[A-ZĐ]|\bsố\s+\d")
"""A document number in the phrase before "ban hành": the issuer of a cited document."""


@dataclass
class Filled:
    """The completed header and what was inferred or is missing (for the warnings)."""

    header: Header
    inferred: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)


def fill_header(
    parts: HeaderParts,
    opening: Sequence[str],
    body: Sequence[str],
    cited: Sequence[DocumentReference],
    issuer_name: str | None = None,
    *,
    addressed: bool = False,
) -> Filled:
    """A valid header from the parts found, the opening paragraphs and the cited documents.

    ``issuer_name`` is the issuing agency's name where the document prints it
    in normal case (an appendix's "Kèm theo … của …" line); ``addressed``: the
    document has a "Kính gửi:" (with no type name and no type code, a công văn).
    """
    inferred: list[str] = []
    missing: list[str] = []
    texts = [*opening, *body]
    issued = _issued(opening)
    parent_lines, issuer_lines = split_agencies(parts.agency_lines, parts.agency_bold)
    code = parts.number.issuer_code if parts.number else None
    parent = agency(parent_lines, texts, bold=False) if parent_lines else None
    seat = parts.place or (parent.seat if parent else None)
    if issuer_lines:
        issuer = agency(issuer_lines, texts, bold=True, name=issuer_name)
        issuer = describe(
            issuer.name, abbreviation=code, header_lines=issuer.header_lines, seat=seat
        )
    elif issuer_name:
        issuer = describe(issuer_name, abbreviation=code, seat=seat)
        inferred.append(
            _("issuing agency {issuer_name!r} (from an appendix's reference line)").format(
                issuer_name=issuer_name
            )
        )
    elif issued and issued[0]:
        name = normal_case(issued[0], texts)
        issuer = describe(name, abbreviation=code, seat=seat)
        inferred.append(_("issuing agency {name!r} (from the opening paragraph)").format(name=name))
    else:
        issuer = Agency(MISSING_AGENCY, code)
        missing.append(_("issuing agency"))
    kind = parts.document_type or (
        DocumentType.CONG_VAN if "subject (V/v)" in parts.found else None
    )
    if kind is None and parts.number is not None and parts.number.type_code:
        kind = DocumentType.from_code(parts.number.type_code)
    if kind is None and addressed:
        kind = DocumentType.CONG_VAN
        inferred.append(_("a công văn: 'Kính gửi:', and neither a type name nor a type code"))
    if kind is None:
        kind = DocumentType.KE_HOACH
        if parts.found:
            missing.append(_("type name (read as a kế hoạch)"))
    number = parts.number
    if number is None:
        number = DocumentNumber(None, issuer.abbreviation or MISSING_CODE, type_code=kind.code)
        missing.append(_("number (left blank: {file_form})").format(file_form=number.file_form))
    elif number.type_code and DocumentType.from_code(number.type_code) not in (None, kind):
        other = DocumentType.from_code(number.type_code)
        assert other is not None
        inferred.append(
            _("type {title} from the number {number} (the type name says {stated})").format(
                title=other.title, number=number, stated=kind.title
            )
        )
        kind = other
    place = parts.place or issuer.seat
    if parts.place is None:
        if place:
            inferred.append(_("place {place!r} (the issuing agency's seat)").format(place=place))
        else:
            place = MISSING_PLACE
            missing.append(_("place"))
    date = parts.date or IssueDate(None)
    if parts.date is None:
        missing.append(_("date (left blank to be filled in: {date})").format(date=date))
    subject = parts.subject
    if not subject and issued and issued[1]:
        subject = sentence_case(issued[1])
        inferred.append(
            _("subject {subject!r} (from the opening paragraph)").format(subject=subject)
        )
    if not subject:
        subject = MISSING_SUBJECT
        missing.append(_("subject"))
    type_name = parts.type_name
    if kind is not DocumentType.CONG_VAN and number.type_code is None:
        # No type code in the number and no "V/v": not a công văn; kept with its type's name.
        type_name = type_name or (kind if parts.document_type else DocumentType.VAN_BAN).title
        kind = DocumentType.VAN_BAN
        inferred.append(
            _("kept as a generic document ({name}): the number {number} has no type code").format(
                name=type_name, number=number
            )
        )
    header = _header(
        kind, parent, issuer, number, place or MISSING_PLACE, date, subject, parts, type_name
    )
    return Filled(header, inferred, missing)


def _header(
    kind: DocumentType,
    parent: Agency | None,
    issuer: Agency,
    number: DocumentNumber,
    place: str,
    date: IssueDate,
    subject: str,
    parts: HeaderParts,
    type_name: str | None,
) -> Header:
    if kind not in (DocumentType.CONG_VAN, DocumentType.VAN_BAN) and number.type_code != kind.code:
        # The number decides when it disagrees with the type name read from the text.
        kind = DocumentType.from_code(number.type_code or "") or kind
    if type_name and kind is not DocumentType.VAN_BAN and not _qualifies(type_name, kind):
        type_name = None
    return Header(
        document_type=kind,
        parent_agency=parent,
        issuing_agency=issuer,
        number=number,
        place=place,
        date=date,
        subject=subject,
        secrecy=parts.secrecy,
        urgency=parts.urgency,
        circulation=parts.circulation,
        draft=parts.draft,
        type_name=type_name,
    )


def _qualifies(type_name: str, kind: DocumentType) -> bool:
    """Whether a printed type name is ``kind``'s with a qualifier ("Kế hoạch hành động")."""
    return fold(type_name).startswith(fold(kind.title))


def _issued(opening: Sequence[str]) -> tuple[str, str] | None:
    """Who issues the plan and its subject, from "… UBND tỉnh X ban hành Kế hoạch … như sau:"."""
    for paragraph in opening:
        for match in _ISSUES.finditer(paragraph):
            if _CITED.search(match["who"]):
                continue  # "Quyết định số …/QĐ-TTg … của Thủ tướng Chính phủ ban hành Kế hoạch …"
            who = name_phrase(match["who"].split(" của ")[-1])
            words = who.split()
            while words and fold(words[0]) in (fold("thực hiện"), fold("căn cứ")):
                words = words[1:]
            subject = match["subject"].strip(" ,.")
            if words and words[0][:1].isupper():
                return " ".join(words), subject
    return None
