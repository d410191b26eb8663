"""render_plan: a plan in, a Nghị định 30 .docx out."""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path
from typing import Any

from planforge.errors import OutputExistsError
from planforge.model import Letter, Plan
from planforge.rendering.appendix_docx import add_appendices
from planforge.rendering.context import build_context, build_letter_context
from planforge.rendering.docx_template import ImageFile, render_template
from planforge.rendering.images import check_image
from planforge.rendering.marks_docx import frame_marks
from planforge.rendering.package import set_core_properties

SIGNATURE_WIDTH_MM = 35.0


def default_template(name: str = "ke-hoach") -> Path:
    """The bundled template ``templates/<name>.docx``.

    A wheel carries it inside the package; a source checkout keeps it in the
    top-level ``templates/`` folder, where the build script writes it.
    """
    packaged = resources.files("planforge") / "templates" / f"{name}.docx"
    if packaged.is_file():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[2] / "templates" / f"{name}.docx"


def render_plan(
    plan: Plan | Letter,
    out: str | os.PathLike[str],
    template: str | os.PathLike[str] | None = None,
    *,
    overwrite: bool = True,
) -> Path:
    """Render a plan (or a công văn) to ``out`` (.docx) with ``template`` or the bundled one.

    The file is written atomically; with ``overwrite=False`` an existing
    file is refused.  Returns the path written.
    """
    target = Path(out)
    if target.exists() and not overwrite:
        raise OutputExistsError(
            "the file exists; choose another name or pass --force to replace it", str(target)
        )

    def image(path: str) -> ImageFile:
        check_image(Path(path))
        return ImageFile(Path(path), SIGNATURE_WIDTH_MM)

    if isinstance(plan, Letter):
        context = build_letter_context(plan, image)
        bundled = default_template("cong-van")
    else:
        context = build_context(plan, image)
        bundled = default_template()

    def finish(document: Any) -> None:
        header = plan.header
        set_core_properties(
            document,
            author=header.issuing_agency.name,
            title=f"{header.document_type.title} {header.subject}",
            date=header.date,
        )
        frame_marks(document)
        if isinstance(plan, Plan) and plan.appendices:
            add_appendices(document, plan)

    render_template(Path(template) if template else bundled, context, target, finish)
    return target
