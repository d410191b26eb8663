"""render_report: a progress report in, a Nghị định 30 .docx out (``templates/bao-cao.docx``)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, overload

from planforge.model.report import Report
from planforge.rendering.package import set_header_properties
from planforge.rendering.render import (
    default_template,
    signature_images,
    write_document,
)
from planforge.rendering.report_context import build_report_context
from planforge.streams import Writable

REPORT_TEMPLATE = "bao-cao"
"""The name of the bundled report template."""


@overload
def render_report(
    report: Report,
    out: str | os.PathLike[str],
    template: str | os.PathLike[str] | None = None,
    *,
    overwrite: bool = True,
) -> Path: ...


@overload
def render_report(
    report: Report,
    out: Writable,
    template: str | os.PathLike[str] | None = None,
    *,
    overwrite: bool = True,
) -> None: ...


@overload
def render_report(
    report: Report,
    out: None = None,
    template: str | os.PathLike[str] | None = None,
    *,
    overwrite: bool = True,
) -> bytes: ...


def render_report(
    report: Report,
    out: str | os.PathLike[str] | Writable | None = None,
    template: str | os.PathLike[str] | None = None,
    *,
    overwrite: bool = True,
) -> Path | bytes | None:
    """Render ``report`` as .docx with ``template`` or the bundled one.

    ``out`` is a path (written atomically, refused when it exists and
    ``overwrite`` is False; returned), a binary file-like object, or None:
    the document's bytes are returned.
    """

    def finish(document: Any) -> None:
        set_header_properties(document, report.header)

    context = build_report_context(report, image=signature_images(report.signature))
    chosen = Path(template) if template else default_template(REPORT_TEMPLATE)
    return write_document(
        chosen, context, out, finish, overwrite=overwrite, function="render_report"
    )
