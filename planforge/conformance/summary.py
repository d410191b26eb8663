"""The summary of several children: a report per child, a table, and JSON."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from planforge.checking.findings import Severity
from planforge.conformance.check import Judgement
from planforge.i18n import _

ORDER = (Severity.ERROR, Severity.WARNING, Severity.NOT_EVALUATED, Severity.INFO)


def child_report(judgement: Judgement) -> str:
    """One child's findings grouped by severity, each with the parent item it concerns."""
    duties, all_duties = judgement.matched("duty")
    targets, all_targets = judgement.matched("target")
    head = _(
        "{name} ({level}): duties taken up {duties}/{all_duties}, targets {targets}/{all_targets}"
    )
    lines = [
        head.format(
            name=judgement.child,
            level=judgement.level or "?",
            duties=duties,
            all_duties=all_duties,
            targets=targets,
            all_targets=all_targets,
        )
    ]
    for severity in ORDER:
        chosen = [f for f in judgement.findings if f.severity is severity]
        if not chosen:
            continue
        lines.append(f"  {severity.label} ({len(chosen)}):")
        for finding in chosen:
            lines.append(f"    {finding.code}  {finding.location}  ← {finding.source}")
            lines.append(f"        {finding.message}")
    return "\n".join(lines) + "\n"


def rows(judged: Sequence[Judgement]) -> list[list[str]]:
    """The summary table: a header row, then one row per child."""
    header = [
        _("Plan"),
        _("Level"),
        _("Errors"),
        _("Warnings"),
        _("Notes"),
        _("Duties"),
        _("Targets"),
    ]
    body = []
    for j in judged:
        duties = "{}/{}".format(*j.matched("duty"))
        targets = "{}/{}".format(*j.matched("target"))
        body.append(
            [
                j.child,
                j.level or "?",
                str(j.count(Severity.ERROR)),
                str(j.count(Severity.WARNING)),
                str(j.count(Severity.INFO)),
                duties,
                targets,
            ]
        )
    return [header, *body]


def table(judged: Sequence[Judgement]) -> str:
    """The summary as a plain text table, columns padded."""
    grid = rows(judged)
    widths = [max(len(row[i]) for row in grid) for i in range(len(grid[0]))]
    lines = [
        "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
        for row in grid
    ]
    return "\n".join(lines)


def as_json(judged: Sequence[Judgement]) -> list[dict[str, Any]]:
    """One object per child: file, level, counts, matches and findings."""
    return [
        {
            "file": j.child,
            "parent": j.parent,
            "level": j.level,
            "errors": j.count(Severity.ERROR),
            "warnings": j.count(Severity.WARNING),
            "notes": j.count(Severity.INFO),
            "matches": [
                {
                    "kind": m.kind,
                    "parent": m.parent,
                    "child": m.child,
                    "score": m.score,
                    "status": m.status,
                    "child_text": m.child_text,
                }
                for m in j.matches
            ],
            "findings": [f.to_json() for f in j.findings],
        }
        for j in judged
    ]
