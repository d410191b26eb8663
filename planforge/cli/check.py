"""``planforge check DOC.docx …``: judge Word documents against Nghị định 30."""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from planforge.checking.check import KINDS, check_documents, has_errors, read_document
from planforge.checking.findings import Finding, Severity
from planforge.cli._check_parent import add_parent_options, run_parent
from planforge.cli._parser import error_line
from planforge.errors import PlanforgeError
from planforge.i18n import _, ngettext

ORDER = (Severity.ERROR, Severity.WARNING, Severity.NOT_EVALUATED)


def register(commands: Any) -> None:
    """Add the ``check`` command."""
    check = commands.add_parser(
        "check", help=_("check Word documents (.docx) against Nghị định 30 (kiểm tra thể thức)")
    )
    check.add_argument("documents", nargs="+", type=Path, metavar="DOC.docx")
    add_parent_options(check)
    check.add_argument("--json", action="store_true", help=_("print the findings as JSON"))
    check.add_argument(
        "--type",
        choices=KINDS,
        default="auto",
        dest="kind",
        help=_("judge as a plan (ke-hoach) or an official letter (cong-van); default: auto"),
    )
    check.add_argument(
        "--layout",
        action="store_true",
        help=_("also print the documents with LibreOffice and check the pages"),
    )
    check.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Exit 0 without errors (warnings allowed), 1 with errors, 2 when a file cannot be read.

    Each unreadable file gets one line on stderr; the others are still checked.
    With ``--parent`` each file is checked against the higher plan instead (same statuses).
    """
    if args.parent is not None or args.level or args.xlsx:
        return run_parent(args)
    if args.layout and shutil.which("soffice") is None and shutil.which("libreoffice") is None:
        raise PlanforgeError(
            _("--layout needs LibreOffice (soffice), which is not installed or not on PATH")
        )
    readable = []
    for path in args.documents:
        try:
            read_document(path, args.kind)
            readable.append(path)
        except PlanforgeError as exc:
            print(error_line(exc), file=sys.stderr)
    results = check_documents(readable, kind=args.kind, layout=args.layout) if readable else []
    if args.json:
        print(json.dumps(_json(readable, results), ensure_ascii=False, indent=2))
    else:
        for path, findings in zip(readable, results, strict=True):
            print(report(str(path), findings))
        print(summary(results))
    if len(readable) < len(args.documents):
        return 2
    return 1 if any(has_errors(found) for found in results) else 0


def _json(paths: Sequence[Path], results: Sequence[list[Finding]]) -> list[dict[str, Any]]:
    return [
        {**finding.to_json(), "file": str(path)}
        for path, findings in zip(paths, results, strict=True)
        for finding in findings
    ]


def report(name: str, findings: Sequence[Finding]) -> str:
    """A readable report of one file: its findings grouped by severity."""
    if not findings:
        return _("{name}: passed — no format errors found.").format(name=name) + "\n"
    lines = [f"{name}:"]
    for severity in ORDER:
        chosen = [f for f in findings if f.severity is severity]
        if not chosen:
            continue
        lines.append(f"  {severity.label} ({len(chosen)}):")
        for finding in chosen:
            lines.append(f"    {finding.code}  {finding.location}")
            lines.append(f"        {finding.message}")
            lines.append(f"        [{finding.source}]")
    return "\n".join(lines) + "\n"


def summary(results: Sequence[Sequence[Finding]]) -> str:
    """The last line: files, errors, warnings, rules not evaluated."""
    counts = {s: sum(1 for found in results for f in found if f.severity is s) for s in ORDER}
    files = ngettext("{count} file", "{count} files", len(results))
    errors = ngettext("{count} error", "{count} errors", counts[Severity.ERROR])
    warnings = ngettext("{count} warning", "{count} warnings", counts[Severity.WARNING])
    unevaluated = counts[Severity.NOT_EVALUATED]
    return _("{files}: {errors}, {warnings}, {unevaluated}").format(
        files=files.format(count=len(results)),
        errors=errors.format(count=counts[Severity.ERROR]),
        warnings=warnings.format(count=counts[Severity.WARNING]),
        unevaluated=_("{count} not evaluated").format(count=unevaluated),
    )
