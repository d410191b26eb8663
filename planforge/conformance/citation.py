"""Citation (viện dẫn): the child cites the higher plan — its number, date and issuer —
in its "Căn cứ" or "Thực hiện …" paragraph. A wrong number or date is a finding (PC2);
no citation at all is PC1."""

from __future__ import annotations

import re
from collections.abc import Iterator

import attrs
from rapidfuzz import fuzz

from planforge.conformance.findings import ParentFinding, Severity
from planforge.conformance.matching import words
from planforge.derivation.derive import source_reference
from planforge.i18n import _
from planforge.model import DocumentType, IssueDate, Plan

_TYPES = "|".join(sorted((re.escape(t.title) for t in DocumentType), key=len, reverse=True))
_CITED = re.compile(
    rf"(?P<type>{_TYPES})\s+số\s+(?P<number>[^\s,;]+)"
    r"(?:\s+ngày\s+(?P<date>\d{1,2}/\d{1,2}/\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}))?"
    r"(?:\s+của\s+(?P<issuer>[^,;.]{3,120}?)"
    r"(?=\s+(?:về|triển khai|thực hiện|ban hành)\s|[,;.:]|$))?",
    re.IGNORECASE,
)
_ABBREVIATIONS = {"ubnd": "ủy ban nhân dân", "uỷ": "ủy", "hđnd": "hội đồng nhân dân"}


@attrs.frozen
class Cited:
    """A document the child cites: type title, number, date and issuer as written."""

    type: str
    number: str | None
    date: IssueDate | None
    issuer: str


def _date(text: str | None) -> IssueDate | None:
    if not text:
        return None
    parts = [int(p) for p in re.findall(r"\d+", text)]
    try:
        return IssueDate(parts[2], parts[1], parts[0])
    except Exception:  # a date the model refuses (31/02) is no citation of it
        return None


def _issuer(text: str) -> str:
    return " ".join(_ABBREVIATIONS.get(w, w) for w in words(text))


def cited(plan: Plan) -> list[Cited]:
    """Every document the child cites in its legal basis and opening paragraphs."""
    found = [
        Cited(r.document_type.title, r.number, r.date, r.issuer)
        for r in plan.legal_basis.references
    ]
    for text in plan.legal_basis.opening:
        for match in _CITED.finditer(text):
            found.append(
                Cited(
                    match["type"],
                    match["number"].rstrip("."),
                    _date(match["date"]),
                    match["issuer"] or "",
                )
            )
    return found


def _key(number: str | None) -> str:
    return re.sub(r"\s+", "", (number or "").casefold())


def judge_citation(child: Plan, parent: Plan, parent_name: str) -> Iterator[ParentFinding]:
    """PC1 when the child does not cite the higher plan; PC2 for a wrong number or date."""
    wanted = source_reference(parent)
    documents = cited(child)
    where = _("legal basis")
    same_type = [c for c in documents if c.type.casefold() == wanted.document_type.title.casefold()]
    by_number = [c for c in same_type if wanted.number and _key(c.number) == _key(wanted.number)]
    issuer = _issuer(wanted.issuer)
    by_issuer = [
        c for c in same_type if c.issuer and fuzz.token_set_ratio(_issuer(c.issuer), issuer) >= 90
    ]
    expected = dict(expected=wanted.citation)
    if by_number:
        dated = [c for c in by_number if c.date is not None]
        if dated and all(c.date != wanted.date for c in dated):
            message = _("the higher plan is cited with the date {found}; it is {expected}").format(
                found=dated[0].date.short if dated[0].date else "", **expected
            )
            yield ParentFinding("PC2", Severity.ERROR, where, message, parent_name, parent_name)
        return
    if not wanted.number:
        if any(c.date == wanted.date for c in by_issuer):
            return
    near = [c for c in by_issuer if wanted.number is None or c.number] or [
        c for c in same_type if c.date == wanted.date
    ]
    if near:
        message = _("the higher plan is cited with the number {found}; it is {expected}").format(
            found=near[0].number or "—", **expected
        )
        yield ParentFinding("PC2", Severity.ERROR, where, message, parent_name, parent_name)
        return
    message = _("the plan does not cite the higher plan it implements: {expected}").format(
        **expected
    )
    yield ParentFinding("PC1", Severity.ERROR, where, message, parent_name, parent_name)
