"""Check a .docx against Nghị định 30: ``check_document(path) -> list[Finding]``."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path

from planforge.checking import rules as _rules
from planforge.checking.document import KINDS, Document, Layout, load
from planforge.checking.findings import Finding, Severity
from planforge.checking.pdf_layout import lines, page_count, to_pdf
from planforge.checking.registry import RULES, Rule
from planforge.errors import PlanforgeError
from planforge.i18n import _
from planforge.reading.source import MAX_FILE_BYTES
from planforge.streams import Input, Readable, is_path, read_bytes, source_name

__all__ = [
    "GROUPS",
    "KINDS",
    "check_document",
    "check_documents",
    "has_errors",
    "read_document",
    "rules",
]

del _rules  # imported for its side effect: every rule registers itself
GROUPS = "PHTKBSRACML"
"""The order of the report: page, header, title, Kính gửi, body, signature, recipients…"""


def rules(*, layout: bool = False) -> list[Rule]:
    """The registered rules in catalogue order; the layout rules only when asked for."""
    chosen = [r for r in RULES.values() if layout or not r.layout]
    return sorted(chosen, key=lambda r: (GROUPS.index(r.code[0]), int(r.code[1:])))


def check_document(
    path: Input,
    *,
    kind: str = "auto",
    layout: bool = False,
    pdf: str | os.PathLike[str] | None = None,
    name: str | None = None,
) -> list[Finding]:
    """Every finding of the rules on the document at ``path``, in catalogue order.

    ``path`` may also be the bytes of a .docx or a binary file-like object
    (``name`` then names it in errors); they are checked through a private
    temporary copy, removed afterwards, since the rules read a package file.

    ``kind`` is ``"auto"``, ``"ke-hoach"`` or ``"cong-van"``. With ``layout`` the
    document is also converted with LibreOffice (or ``pdf`` is read, when given) and
    the printed pages are checked. Raises ``PlanforgeError`` (exit status 2) when the
    file cannot be read as a .docx, or when LibreOffice is needed and missing.
    """
    if kind not in KINDS:
        raise PlanforgeError(
            _("unknown document type {kind!r}; use one of {kinds}").format(
                kind=kind, kinds=", ".join(KINDS)
            )
        )
    if not is_path(path):
        return _check_in_memory(path, kind=kind, layout=layout, pdf=pdf, name=name)  # type: ignore[arg-type]
    document = read_document(path, kind)
    if layout:
        document.layout = _layout(path, pdf)
    return [finding for r in rules(layout=layout) for finding in r(document)]


def _check_in_memory(
    source: bytes | Readable,
    *,
    kind: str,
    layout: bool,
    pdf: str | os.PathLike[str] | None,
    name: str | None,
) -> list[Finding]:
    shown = source_name(source, name)
    data = read_bytes(source, MAX_FILE_BYTES, "check_document", "path")
    if len(data) > MAX_FILE_BYTES:
        raise PlanforgeError(
            _("the document is larger than {size} MB").format(size=MAX_FILE_BYTES // 2**20), shown
        )
    with tempfile.TemporaryDirectory(prefix="planforge-check-") as folder:
        copy = Path(folder) / (Path(shown).name if shown.endswith(".docx") else "document.docx")
        copy.write_bytes(data)
        try:
            return check_document(copy, kind=kind, layout=layout, pdf=pdf)
        except PlanforgeError as exc:  # name the document as the caller knows it
            if exc.location and str(copy) in exc.location:
                exc.location = exc.location.replace(str(copy), shown)
            raise


def check_documents(
    paths: Sequence[str | os.PathLike[str]], *, kind: str = "auto", layout: bool = False
) -> list[list[Finding]]:
    """Check several documents; with ``layout`` all are converted in one LibreOffice run."""
    for path in paths:
        read_document(path, kind)  # refuse an unreadable input before the long conversion
    if not layout:
        return [check_document(path, kind=kind) for path in paths]
    with tempfile.TemporaryDirectory(prefix="planforge-check-") as folder:
        staged = _stage(paths, Path(folder))
        pdfs = to_pdf(staged, Path(folder) / "pdf")
        return [
            check_document(path, kind=kind, layout=True, pdf=pdf)
            for path, pdf in zip(paths, pdfs, strict=True)
        ]


def _stage(paths: Sequence[str | os.PathLike[str]], folder: Path) -> list[Path]:
    """Copy each input under a unique name, so that two ``plan.docx`` give two PDFs."""
    staged = []
    for number, path in enumerate(paths):
        target = folder / f"{number:04d}-{Path(path).stem}.docx"
        shutil.copyfile(path, target)
        staged.append(target)
    return staged


def read_document(path: str | os.PathLike[str], kind: str = "auto") -> Document:
    """Load a document for the rules; anything unreadable raises ``PlanforgeError``."""
    try:
        return load(path, kind)
    except PlanforgeError:
        raise
    except Exception as exc:  # malformed XML values and the like: unreadable, not a crash
        raise PlanforgeError(
            _("cannot read the document: {kind}: {exc}").format(kind=type(exc).__name__, exc=exc),
            str(path),
        ) from exc


def _layout(path: str | os.PathLike[str], pdf: str | os.PathLike[str] | None) -> Layout:
    if pdf is None:
        with tempfile.TemporaryDirectory(prefix="planforge-check-") as folder:
            (converted,) = to_pdf(_stage([path], Path(folder)), Path(folder) / "pdf")
            return Layout(lines(converted), page_count(converted))
    return Layout(lines(pdf), page_count(pdf))


def has_errors(findings: Sequence[Finding]) -> bool:
    """Whether any finding is an error (the command then exits with 1)."""
    return any(f.severity is Severity.ERROR for f in findings)
