"""The --report text: what was recognised (header, section tree, counts) and every warning."""

from __future__ import annotations

from typing import TYPE_CHECKING

from planforge.model import Assignment, Entry, Node, Reporting, Role, Section, Target, walk
from planforge.model.nodes import Paragraph

if TYPE_CHECKING:
    from planforge.reading.read import Reading

WIDTH = 72
"""Where long titles are cut in the tree."""


def report(reading: Reading) -> str:
    """What was read from the source, part by part, then the warnings."""
    plan = reading.plan
    header = plan.header
    found = {name: number for name, number, _ in reading.found}
    lines = [f"source: {reading.source} ({reading.paragraphs} paragraphs)", "header:"]

    def part(name: str, value: str, *keys: str) -> None:
        where = next((found[k] for k in keys if k in found), None)
        origin = f"paragraph {where}" if where else "not printed in the source"
        lines.append(f"  {name}: {value}  ({origin})")

    if header.parent_agency:
        part("parent agency", _agency(header.parent_agency), "parent agency")
    part("issuing agency", _agency(header.issuing_agency), "issuing agency")
    blank = " (serial left blank)" if header.number.serial is None else ""
    part("number", header.number.file_form + blank, "number")
    place_date = f"{header.place}, {header.date.words}".replace("\u00a0", "_")
    part("place and date", place_date, "place and date")
    part("type", header.document_type.title, "type", "subject (V/v)")
    part("subject", header.subject, "subject", "subject (V/v)")
    marks = [
        m
        for m in (
            header.secrecy and header.secrecy.value,
            header.urgency and header.urgency.value,
            header.circulation,
            "DỰ THẢO" if header.draft else None,
        )
        if m
    ]
    if marks:
        part("marks", ", ".join(marks), "marks")
    basis = plan.legal_basis
    lines.append(
        f"legal basis: {_count(len(basis.opening), 'opening paragraph')}, "
        f"{_count(len(basis.references), 'cited document')}"
    )
    lines += [f"  {r.citation}" for r in basis.references]
    lines.append("sections:")
    lines += _tree(plan.sections)
    closing = plan.closing
    reporting = sum(isinstance(p, Reporting) for p in closing)
    lines.append(
        f"closing: {_count(len(closing), 'paragraph')}, {reporting} with reporting deadlines"
    )
    recipients = plan.recipients
    lines.append(f"recipients: {len(recipients.entries)}, and “{recipients.archive_line}”")
    signature = plan.signature
    lines.append(
        "signature: " + " / ".join([*signature.authority_lines, signature.title, signature.name])
    )
    lines.append("counts: " + counts(plan.sections, closing, len(recipients.entries)))
    lines.append(f"warnings ({len(reading.warnings)}):")
    lines += [f"  {w}" for w in reading.warnings]
    return "\n".join(lines)


def _count(number: int, name: str) -> str:
    return f"{number} {name}" + ("" if number == 1 else "s")


def counts(sections: tuple[Node, ...], closing: tuple[Node, ...], recipients: int) -> str:
    """ "22 sections, 9 targets, 13 assignments (2 requested), 0 reporting, 7 recipients"."""
    nodes = [entry.node for entry in walk(sections)] + list(closing)
    sections_count = sum(isinstance(n, Section) for n in nodes)
    targets = sum(isinstance(n, Target) for n in nodes)
    assignments = [n for n in nodes if isinstance(n, Assignment)]
    requested = sum(n.requested for n in assignments)
    reporting = sum(isinstance(n, Reporting) for n in nodes)
    return (
        f"{sections_count} sections, {targets} targets, {len(assignments)} assignments "
        f"({requested} requested), {reporting} reporting, {recipients} recipients"
    )


def _agency(agency: object) -> str:
    from planforge.model import Agency

    assert isinstance(agency, Agency)
    details = [d for d in (agency.abbreviation, agency.level and agency.level.value) if d]
    return agency.name + (f" ({', '.join(details)})" if details else "")


def _tree(sections: tuple[Node, ...]) -> list[str]:
    lines: list[str] = []
    for entry in walk(sections):
        node = entry.node
        if not isinstance(node, Section | Assignment):
            continue
        indent = "  " * entry.depth
        lines.append(f"{indent}{_title(entry)}{_details(node)}")
    return lines


def _title(entry: Entry) -> str:
    node = entry.node
    text = node.title if isinstance(node, Section) else node.text
    shown = f"{entry.label} {text}".strip()
    return shown if len(shown) <= WIDTH else shown[: WIDTH - 1] + "…"


def _details(node: Section | Assignment) -> str:
    notes: list[str] = []
    if isinstance(node, Section):
        if node.role is not Role.GENERAL:
            notes.append(node.role.value)
        if node.text:
            notes.append("run-in text")
    else:
        kind = "requested assignment" if node.requested else "assignment"
        notes.append(f"{kind}: {'; '.join(node.agencies)}")
        lead = [r.agency for r in node.roles if r.role.value == "lead"]
        if lead:
            notes.append("lead " + "; ".join(lead))
    items = [c for c in node.children if not isinstance(c, Section | Assignment)]
    if items:
        kinds: tuple[tuple[type, str, str], ...] = (
            (Target, "target", "targets"),
            (Reporting, "reporting entry", "reporting entries"),
            (Paragraph, "paragraph", "paragraphs"),
        )
        for node_type, one, many in kinds:
            count = sum(isinstance(c, node_type) for c in items)
            if count:
                notes.append(f"{count} {one if count == 1 else many}")
    return f"  [{', '.join(notes)}]" if notes else ""
