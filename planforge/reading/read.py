"""read_plan: a .docx, .txt or .md plan in, a Plan out, with a warning for whatever was unsure."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

import attrs

from planforge.i18n import _
from planforge.model import (
    DocumentType,
    LegalBasis,
    Letter,
    Paragraph,
    Plan,
    Recipients,
    Reporting,
    Signature,
)
from planforge.reading.addressees import Addressed, find_addressees
from planforge.reading.agency_names import split_agencies
from planforge.reading.appendix import appendix_start, drawn, read_appendices
from planforge.reading.assemble import assemble
from planforge.reading.characters import refuse_control_characters
from planforge.reading.checks import body_warnings
from planforge.reading.classify import classify
from planforge.reading.docx_lines import docx_lines
from planforge.reading.foot import Foot, foot_start, read_foot
from planforge.reading.header import HeaderParts, read_header
from planforge.reading.header_fill import fill_header
from planforge.reading.joining import join_lines, table_rows
from planforge.reading.legacy import refuse_legacy
from planforge.reading.lines import Line
from planforge.reading.references import references
from planforge.reading.reporting import deadlines
from planforge.reading.source import Format, open_source
from planforge.reading.text_lines import text_lines
from planforge.reading.tree import build_body
from planforge.reading.warnings import ReadWarning, Warnings
from planforge.streams import Input

MISSING_TITLE = "[chức vụ]"
MISSING_NAME = "[họ tên]"
MISSING_ARCHIVE = "VT"
MISSING_ADDRESSEE = "[nơi nhận]"


@dataclass(frozen=True)
class Reading:
    """What reading a source gave: the plan, the warnings, and what was recognised where.

    ``found`` lists the header and foot parts recognised with the paragraph
    that printed them; ``paragraphs`` counts the source's paragraphs.  ``plan``
    is a :class:`Letter` when the source is a công văn ("V/v …", "Kính gửi:").
    """

    source: str
    plan: Plan | Letter
    warnings: tuple[ReadWarning, ...]
    found: tuple[tuple[str, int, str], ...]
    paragraphs: int

    def report(self) -> str:
        """The --report text: header parts, section tree, counts, every warning."""
        from planforge.reading.report import report

        return report(self)


def read_plan(source: Input, name: str | None = None) -> Plan | Letter:
    """Read a plan from a Word (.docx), text (.txt) or Markdown (.md) file.

    Other types of document are read with their type (quyết định, chỉ thị, …);
    a công văn gives a :class:`Letter`.

    ``source`` is a path, the document's bytes or a binary file-like object;
    ``name`` ("plan.md") names it in errors and tells Markdown from text.

    Raises ReadError for a file that is not one of these or breaks the
    limits; anything unsure becomes a warning (see :func:`read_plan_report`).
    """
    return read_plan_report(source, name).plan


def read_plan_report(source: Input, name: str | None = None) -> Reading:
    """Read a plan and say what was recognised, with a warning per unsure paragraph."""
    opened = open_source(source, name)
    if opened.format is Format.DOCX:
        lines = docx_lines(opened)
    else:
        lines = text_lines(opened.text, markdown=opened.format is Format.MARKDOWN)
    refuse_control_characters(lines, opened.path)
    refuse_legacy(lines, opened.path)
    return read_lines(lines, opened.path, numbered=opened.format is Format.DOCX)


def read_lines(lines: Sequence[Line], name: str = "<lines>", *, numbered: bool = False) -> Reading:
    """Build the plan from the lines of a source (a text file's, or a Word document's)."""
    lines = list(lines)
    first, _start = read_header(lines)
    addressed = None
    untyped = first.number is None or first.number.type_code is None
    if first.document_type is None and ("subject (V/v)" in first.found or untyped):
        addressed = find_addressees(lines)
        if addressed is not None:
            lines = [line for index, line in enumerate(lines) if index not in addressed.taken]
    _parts, start = read_header(lines)
    stop = max(foot_start(lines, start), start)
    body_lines, tables = table_rows(lines[start:stop])
    paragraphs, joined = join_lines(body_lines)
    ordered = _number([*lines[:start], *paragraphs, *lines[stop:]], numbered)
    rows = {id(line) for line in tables}
    head, paragraphs, tail = (
        ordered[:start],
        ordered[start : start + len(paragraphs)],
        ordered[start + len(paragraphs) :],
    )
    parts, _rest = read_header(head)
    split = appendix_start(tail, 0)
    foot = read_foot(tail[:split])
    appendices = read_appendices(tail[split:])
    warnings = Warnings()
    body = build_body(paragraphs)
    classify(body.entries)
    sections = assemble(body.entries)
    opening = [*parts.leftovers, *body.opening]
    cited, notes = references([line.text for line in opening])
    filled = fill_header(
        parts,
        [line.text for line in opening],
        [p.text for p in paragraphs],
        cited,
        appendices.issuer,
        addressed=addressed is not None,
    )
    closing = [*body.closing, *foot.leftovers, *appendices.leftovers]
    plan = Plan(
        header=filled.header,
        legal_basis=LegalBasis(cited, [line.text for line in opening]),
        sections=sections,
        closing=[_closing(line.text) for line in closing],
        recipients=_recipients(foot, warnings),
        signature=_signature(foot, warnings),
    )
    plan = attrs.evolve(
        plan,
        appendices=drawn(
            appendices.appendices, sections, plan.header.subject, plan.header.date.year
        ),
    )
    _header_warnings(parts, filled.inferred, filled.missing, head, warnings)
    for note in notes:
        warnings.add(opening[0] if opening else None, note)
    for index in joined:
        warnings.add(paragraphs[index], _("two paragraphs joined: the first stops mid-sentence"))
    for line in body_lines:
        if id(line) in rows:
            warnings.add(
                _at(paragraphs, line), _("a table row in the body; kept as text, cells split by |")
            )
    body_warnings(body, warnings)
    for line, message in [*foot.notes, *appendices.notes]:
        warnings.add(line, message)
    found = _found(parts, foot)
    document: Plan | Letter = plan
    if plan.header.document_type is DocumentType.CONG_VAN:
        document = _letter(plan, addressed, head, warnings)
        if addressed is not None:
            # Its lines left the numbered ones; a text file's header lines are a paragraph each.
            number = addressed.first.unit if numbered else min(addressed.taken) + 1
            found = (*found, ("addressees", number, addressed.first.text))
    return Reading(name, document, warnings.sorted(), found, len(ordered))


def _letter(
    plan: Plan, addressed: Addressed | None, head: list[Line], warnings: Warnings
) -> Letter:
    """The công văn: its opening is the start of its body, its "Kính gửi" the addressees."""
    names = addressed.names if addressed is not None else ()
    if not names:
        warnings.add(
            head[0] if head else None,
            _("no 'Kính gửi:' addressee found; set to {name}").format(name=MISSING_ADDRESSEE),
        )
        names = (MISSING_ADDRESSEE,)
    opening = tuple(Paragraph(text=text) for text in plan.legal_basis.opening)
    return Letter(
        header=plan.header,
        addressees=names,
        sections=(*opening, *plan.sections),
        closing=tuple(Paragraph(text=p.text) for p in plan.closing),
        recipients=plan.recipients,
        signature=plan.signature,
    )


def _at(paragraphs: Sequence[Line], line: Line) -> Line:
    return next((p for p in paragraphs if p.unit == line.unit), line)


def _number(lines: list[Line], numbered: bool) -> list[Line]:
    """Give each paragraph its number: the Word paragraph, or its place in a text file."""
    if numbered:
        return [dataclasses.replace(line, number=line.unit) for line in lines]
    return [dataclasses.replace(line, number=index) for index, line in enumerate(lines, 1)]


def _closing(text: str) -> Paragraph | Reporting:
    found = deadlines(text)
    return Reporting(text=text, deadlines=found) if found else Paragraph(text=text)


def _recipients(foot: Foot, warnings: Warnings) -> Recipients:
    if foot.label is None:
        warnings.add(foot.first, _("no 'Nơi nhận:' list found"))
    archive = foot.archive
    if not archive:
        warnings.add(
            foot.first,
            _("no 'Lưu:' line; the archive is set to {archive}").format(archive=MISSING_ARCHIVE),
        )
        archive = MISSING_ARCHIVE
    return Recipients(tuple(foot.entries), archive, foot.label or "Nơi nhận:")


def _signature(foot: Foot, warnings: Warnings) -> Signature:
    title, name = foot.title, foot.name
    if not title:
        warnings.add(
            foot.first,
            _("no signer's title found; set to {title}").format(title=MISSING_TITLE),
        )
        title = MISSING_TITLE
    if not name:
        warnings.add(
            foot.first,
            _("no signer's name found; set to {name}").format(name=MISSING_NAME),
        )
        name = MISSING_NAME
    return Signature(title, name, tuple(foot.authority))


def _header_warnings(
    parts: HeaderParts,
    inferred: list[str],
    missing: list[str],
    head: list[Line],
    warnings: Warnings,
) -> None:
    where = head[0] if head else None
    for item in missing:
        warnings.add(where, _("header: no {item}").format(item=item))
    for item in inferred:
        warnings.add(where, _("header: {item}").format(item=item))
    for line, message in parts.notes:
        warnings.add(line, message)


def _found(parts: HeaderParts, foot: Foot) -> tuple[tuple[str, int, str], ...]:
    found = [(name, line.number, line.text) for name, line in parts.found.items()]
    parent, issuer = split_agencies(parts.agency_lines, parts.agency_bold)
    for name, lines, index in (
        ("parent agency", parent, 0),
        ("issuing agency", issuer, len(parent)),
    ):
        if lines and index < len(parts.agency_at):
            line = parts.agency_at[index]
            found.append((name, line.number, line.text))
    if foot.first is not None and foot.label:
        found.append(("recipients", foot.first.number, foot.label))
    return tuple(found)
