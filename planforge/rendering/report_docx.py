"""render_report: a progress report in, a Nghị định 30 .docx out (``templates/bao-cao.docx``)."""

from __future__ import annotations

import os
from pathlib import Path

from planforge.errors import OutputExistsError
from planforge.i18n import _
from planforge.model.report import Report
from planforge.rendering.docx_template import ImageFile, render_template
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
            _("the file exists; choose another name or pass --force to replace it"), str(target)
        )
    context = build_report_context(
        report, image=lambda path: ImageFile(Path(path), SIGNATURE_WIDTH_MM)
    )
    chosen = Path(template) if template else default_template(REPORT_TEMPLATE)
    render_template(chosen, context, target)
    return target
