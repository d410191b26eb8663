"""The --report text: what was recognised (header, section tree, counts) and every warning.

Its labels and notes are in the user's language (``_``/``ngettext``); the values read from
the source, and the section roles (the plan file's ``role:`` words), are shown as they are.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from planforge.i18n import N_, _, ngettext
from planforge.model import (
    Assignment,
    Entry,
    Letter,
    Node,
    Reporting,
    Role,
    Section,
    Target,
    walk,
)
from planforge.model.nodes import Paragraph

if TYPE_CHECKING:
    from planforge.reading.read import Reading

WIDTH = 72
"""Where long titles are cut in the tree."""


def report(reading: Reading) -> str:
    """What was read from the source, part by part, then the warnings."""
    plan = reading.plan
    header = plan.header
    found = {name: number for name, number, _number in reading.found}
    source = ngettext(
        "source: {source} ({count} paragraph)",
        "source: {source} ({count} paragraphs)",
        reading.paragraphs,
    )
    lines = [source.format(source=reading.source, count=reading.paragraphs), _("header:")]

    def part(name: str, value: str, *keys: str) -> None:
        """A header part: ``name`` (N_-marked) and the paragraph of the first of ``keys``."""
        where = next((found[k] for k in keys if k in found), None)
        origin = (
            _("paragraph {number}").format(number=where)
            if where
            else _("not printed in the source")
        )
        lines.append(f"  {_(name)}: {value}  ({origin})")

    if header.parent_agency:
        part(N_("parent agency"), _agency(header.parent_agency), "parent agency")
    part(N_("issuing agency"), _agency(header.issuing_agency), "issuing agency")
    blank = " " + _("(serial left blank)") if header.number.serial is None else ""
    part(N_("number"), header.number.file_form + blank, "number")
    place_date = f"{header.place}, {header.date.words}".replace("\u00a0", "_")
    part(N_("place and date"), place_date, "place and date")
    part(N_("type"), header.printed_type, "type", "subject (V/v)")
    part(N_("subject"), header.subject, "subject", "subject (V/v)")
    if isinstance(plan, Letter):
        part(N_("addressees"), "; ".join(plan.addressees), "addressees")
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
        part(N_("marks"), ", ".join(marks), "marks")
    basis = plan.legal_basis
    opening = len(basis.opening)
    cited = len(basis.references)
    lines.append(
        _("legal basis: {opening}, {cited}").format(
            opening=ngettext(
                "{count} opening paragraph", "{count} opening paragraphs", opening
            ).format(count=opening),
            cited=ngettext("{count} cited document", "{count} cited documents", cited).format(
                count=cited
            ),
        )
    )
    lines += [f"  {r.citation}" for r in basis.references]
    lines.append(_("sections:"))
    lines += _tree(plan.sections)
    closing = plan.closing
    reporting = sum(isinstance(p, Reporting) for p in closing)
    paragraphs = ngettext("{count} paragraph", "{count} paragraphs", len(closing))
    lines.append(
        _("closing: {paragraphs}, {reporting} with reporting deadlines").format(
            paragraphs=paragraphs.format(count=len(closing)), reporting=reporting
        )
    )
    recipients = plan.recipients
    lines.append(
        _("recipients: {count}, and “{archive}”").format(
            count=len(recipients.entries), archive=recipients.archive_line
        )
    )
    signature = plan.signature
    names = " / ".join([*signature.authority_lines, signature.title, signature.name])
    lines.append(_("signature: {names}").format(names=names))
    counted = counts(plan.sections, closing, len(recipients.entries))
    lines.append(_("counts: {counts}").format(counts=counted))
    lines.append(_("warnings ({count}):").format(count=len(reading.warnings)))
    lines += [f"  {w}" for w in reading.warnings]
    return "\n".join(lines)


def counts(sections: tuple[Node, ...], closing: tuple[Node, ...], recipients: int) -> str:
    """ "22 sections, 9 targets, 13 assignments (2 requested), 0 reporting, 7 recipients"."""
    nodes = [entry.node for entry in walk(sections)] + list(closing)
    sections_count = sum(isinstance(n, Section) for n in nodes)
    targets = sum(isinstance(n, Target) for n in nodes)
    assignments = [n for n in nodes if isinstance(n, Assignment)]
    requested = sum(n.requested for n in assignments)
    reporting = sum(isinstance(n, Reporting) for n in nodes)
    return _(
        "{sections}, {targets}, {assignments} ({requested} requested), {reporting}, {recipients}"
    ).format(
        sections=ngettext("{count} section", "{count} sections", sections_count).format(
            count=sections_count
        ),
        targets=ngettext("{count} target", "{count} targets", targets).format(count=targets),
        assignments=ngettext("{count} assignment", "{count} assignments", len(assignments)).format(
            count=len(assignments)
        ),
        requested=requested,
        reporting=_("{count} reporting").format(count=reporting),
        recipients=ngettext("{count} recipient", "{count} recipients", recipients).format(
            count=recipients
        ),
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
            notes.append(_("run-in text"))
    else:
        agencies = "; ".join(node.agencies)
        if node.requested:
            notes.append(_("requested assignment: {agencies}").format(agencies=agencies))
        else:
            notes.append(_("assignment: {agencies}").format(agencies=agencies))
        lead = [r.agency for r in node.roles if r.role.value == "lead"]
        if lead:
            notes.append(_("lead {agencies}").format(agencies="; ".join(lead)))
    items = [c for c in node.children if not isinstance(c, Section | Assignment)]
    notes += _items(items)
    return f"  [{', '.join(notes)}]" if notes else ""


def _items(items: Sequence[Node]) -> list[str]:
    """ "3 targets", "1 reporting entry", "2 paragraphs": what a tree line holds besides
    subsections (each ``ngettext`` written out, so that the catalogue finds its plural)."""
    targets = sum(isinstance(c, Target) for c in items)
    reporting = sum(isinstance(c, Reporting) for c in items)
    paragraphs = sum(isinstance(c, Paragraph) for c in items)
    notes = []
    if targets:
        notes.append(ngettext("{count} target", "{count} targets", targets).format(count=targets))
    if reporting:
        entries = ngettext("{count} reporting entry", "{count} reporting entries", reporting)
        notes.append(entries.format(count=reporting))
    if paragraphs:
        found = ngettext("{count} paragraph", "{count} paragraphs", paragraphs)
        notes.append(found.format(count=paragraphs))
    return notes
