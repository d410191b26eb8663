"""render_plan: a plan in, a Nghị định 30 .docx out."""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Mapping
from importlib import resources
from pathlib import Path
from typing import Any, overload

from planforge.errors import OutputExistsError
from planforge.i18n import _
from planforge.model import Letter, Plan, Signature
from planforge.rendering.appendix_docx import add_appendices
from planforge.rendering.context import build_context, build_letter_context
from planforge.rendering.docx_template import ImageFile, render_template
from planforge.rendering.images import check_image
from planforge.rendering.marks_docx import frame_marks
from planforge.rendering.package import set_header_properties
from planforge.streams import Writable, beside, check_writable

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


@overload
def render_plan(
    plan: Plan | Letter,
    out: str | os.PathLike[str],
    template: str | os.PathLike[str] | None = None,
    *,
    overwrite: bool = True,
) -> Path: ...


@overload
def render_plan(
    plan: Plan | Letter,
    out: Writable,
    template: str | os.PathLike[str] | None = None,
    *,
    overwrite: bool = True,
) -> None: ...


@overload
def render_plan(
    plan: Plan | Letter,
    out: None = None,
    template: str | os.PathLike[str] | None = None,
    *,
    overwrite: bool = True,
) -> bytes: ...


def render_plan(
    plan: Plan | Letter,
    out: str | os.PathLike[str] | Writable | None = None,
    template: str | os.PathLike[str] | None = None,
    *,
    overwrite: bool = True,
) -> Path | bytes | None:
    """Render a plan (or a công văn) as .docx with ``template`` or the bundled one.

    ``out`` is a path (written atomically; with ``overwrite=False`` an existing
    file is refused; the path is returned), a binary file-like object (written
    into), or None: the document's bytes are returned.  A relative
    ``signature_image`` is found beside the file the signature was read from.
    """
    if isinstance(plan, Letter):
        context = build_letter_context(plan, signature_images(plan.signature))
        bundled = default_template("cong-van")
    else:
        context = build_context(plan, signature_images(plan.signature))
        bundled = default_template()

    def finish(document: Any) -> None:
        set_header_properties(document, plan.header)
        frame_marks(document)
        if isinstance(plan, Plan) and plan.appendices:
            add_appendices(document, plan)

    chosen = Path(template) if template else bundled
    return write_document(chosen, context, out, finish, overwrite=overwrite)


def render_letter(
    letter: Letter,
    out: str | os.PathLike[str] | Writable | None = None,
    template: str | os.PathLike[str] | None = None,
    *,
    overwrite: bool = True,
) -> Path | bytes | None:
    """Render a công văn (official letter) as .docx: :func:`render_plan` for letters only.

    ``out`` as for :func:`render_plan`: a path, a binary file-like object, or None
    for the document's bytes.
    """
    return render_plan(letter, out, template, overwrite=overwrite)


def signature_images(signature: Signature) -> Callable[[str], ImageFile]:
    """What turns an image path of ``signature`` into an inline image, found beside its file."""

    def image(path: str) -> ImageFile:
        found = beside(path, signature.location)
        check_image(found)
        return ImageFile(found, SIGNATURE_WIDTH_MM)

    return image


def write_document(
    template: Path,
    context: Mapping[str, Any],
    out: str | os.PathLike[str] | Writable | None,
    finish: Callable[[Any], None] | None = None,
    *,
    overwrite: bool = True,
    function: str = "render_plan",
) -> Path | bytes | None:
    """Render into a path (returned), a binary file-like object, or bytes (returned)."""
    if out is None:
        buffer = io.BytesIO()
        render_template(template, context, buffer, finish)
        return buffer.getvalue()
    if not isinstance(out, str | os.PathLike):
        check_writable(out, function)
        render_template(template, context, out, finish)
        return None
    target = Path(out)
    if target.exists() and not overwrite:
        raise OutputExistsError(
            _("the file exists; choose another name or pass --force to replace it"), str(target)
        )
    render_template(template, context, target, finish)
    return target
