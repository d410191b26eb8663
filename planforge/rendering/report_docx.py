"""render_report: a progress report in, a Nghị định 30 .docx out (``templates/bao-cao.docx``)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from planforge.errors import OutputExistsError
from planforge.model.report import Report
from planforge.rendering.docx_template import ImageFile, render_template
from planforge.rendering.images import check_image
from planforge.rendering.package import set_core_properties
from planforge.rendering.render import SIGNATURE_WIDTH_MM, default_template
from planforge.rendering.report_context import build_report_context

REPORT_TEMPLATE = "bao-cao"
"""The name of the bundled report template."""


def render_report(
    report: Report,
    out: str | os.PathLike[str],
    template: str | os.PathLike[str] | None = None,
    *,
    overwrite: bool = True,
) -> Path:
    """Render ``report`` to ``out`` (.docx) with ``template`` or the bundled one, atomically.

    With ``overwrite=False`` an existing file is refused. Returns the path written.
    """
    target = Path(out)
    if target.exists() and not overwrite:
        raise OutputExistsError(
            "the file exists; choose another name or pass --force to replace it", str(target)
        )

    def image(path: str) -> ImageFile:
        check_image(Path(path))
        return ImageFile(Path(path), SIGNATURE_WIDTH_MM)

    def finish(document: Any) -> None:
        header = report.header
        set_core_properties(
            document,
            author=header.issuing_agency.name,
            title=f"{header.document_type.title} {header.subject}",
            date=header.date,
        )

    context = build_report_context(report, image=image)
    chosen = Path(template) if template else default_template(REPORT_TEMPLATE)
    render_template(chosen, context, target, finish)
    return target
