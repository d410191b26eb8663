"""Render a docxtpl Word template in a strict, sandboxed, autoescaping Jinja2 environment."""

from __future__ import annotations

import html
import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from docx.image.exceptions import UnrecognizedImageError
from docx.opc.exceptions import PackageNotFoundError
from docx.shared import Mm
from docxtpl import DocxTemplate, InlineImage
from jinja2.exceptions import SecurityError

from planforge.errors import RenderError, TemplateError
from planforge.files import atomic_path
from planforge.i18n import _
from planforge.inputs import InputError, read_input
from planforge.packages import (
    MAX_PACKAGE_BYTES,
    Package,
    PackageError,
    open_package,
    refuse_macros,
)
from planforge.rendering.literal import literal
from planforge.rendering.package import save_package
from planforge.rendering.template_cache import (
    CompilingEnvironment,
    PreparedTemplate,
    checked_package,
    environment,
)
from planforge.rendering.template_limits import TemplateLimit
from planforge.streams import Writable

__all__ = ["ImageFile", "open_template_package", "render_template"]


@dataclass(frozen=True)
class ImageFile:
    """An image to place inline (e.g. ``signature.image``), given by its file and width."""

    path: Path
    width_mm: float


def render_template(
    template_path: str | Path,
    context: Mapping[str, Any],
    out_path: str | Path | Writable,
    finish: Callable[[Any], None] | None = None,
) -> None:
    """Render ``template_path`` with ``context`` and write the result atomically to ``out_path``.

    ``ImageFile`` values anywhere in ``context`` become inline images. ``finish``
    receives the rendered python-docx document before it is saved (appendices are
    added there). Template failures raise ``TemplateError``; a failure to write
    raises ``RenderError``.
    """
    template = Path(template_path)
    doc = _open(template)
    env = environment(_new_environment)
    try:
        doc.render(_with_images(doc, context, template), jinja_env=env, autoescape=True)
    except _RENDER_ERRORS as exc:
        raise _template_error(exc, env.source, template) from exc
    if finish is not None:
        finish(doc.docx)
    if isinstance(out_path, str | Path):
        _save_atomically(doc, Path(out_path))
    else:
        _save_to_stream(doc, out_path)


_RENDER_ERRORS = (  # Jinja errors, Python errors of template expressions, images, XML
    jinja2.TemplateError,
    ArithmeticError,
    AttributeError,
    LookupError,
    TypeError,
    ValueError,
    OSError,
    SyntaxError,
    UnrecognizedImageError,
    RecursionError,
)


def _new_environment() -> CompilingEnvironment:
    return CompilingEnvironment(undefined=jinja2.StrictUndefined, autoescape=True, finalize=literal)


def open_template_package(template: Path) -> Package:
    """The template's package within the limits of ``planforge.packages``, without macros.

    A missing file, a FIFO or device, a file that is not a zip, a zip bomb or a
    macro-enabled document raise ``TemplateError`` naming the template.
    """
    if not os.path.lexists(template):
        raise TemplateError(_("template file not found"), location=str(template))
    try:
        data = read_input(template, MAX_PACKAGE_BYTES)
        if not data.startswith(b"PK"):
            raise TemplateError(_("template is not a .docx file"), location=str(template))
        package = checked_package(data, lambda: _checked(template, data))
    except (InputError, PackageError) as exc:
        raise TemplateError(exc.message, location=str(template)) from None
    return package


def _checked(template: Path, data: bytes) -> Package:
    package = open_package(template, data)
    refuse_macros(package, _("template"))
    return package


def _open(template: Path) -> DocxTemplate:
    """Open a .docx template, or raise ``TemplateError`` if it is missing or not a .docx."""
    doc = PreparedTemplate(open_template_package(template).stream())
    try:
        doc.init_docx()
    except (PackageNotFoundError, KeyError, ValueError, SyntaxError) as exc:
        raise TemplateError(
            _("template is not a .docx file: {exc}").format(exc=exc), location=str(template)
        ) from exc
    return doc


def _with_images(doc: DocxTemplate, value: Any, template: Path) -> Any:
    """A copy of ``value`` with every ``ImageFile`` turned into a docxtpl ``InlineImage``."""
    if isinstance(value, ImageFile):
        if not value.path.is_file():
            raise TemplateError(
                _("image file not found: {path}").format(path=value.path), location=str(template)
            )
        return InlineImage(doc, str(value.path), width=Mm(value.width_mm))
    if isinstance(value, Mapping):
        return {key: _with_images(doc, item, template) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_with_images(doc, item, template) for item in value]
    return value


def _template_error(exc: Exception, source: str, template: Path) -> TemplateError:
    """Turn a rendering failure into a ``TemplateError`` quoting the offending template text."""
    text = _offending_text(exc, source)
    where = f' in "{text}"' if text else ""
    if isinstance(exc, TemplateLimit):
        message = _("template exceeds a limit{where}: {limit}").format(where=where, limit=exc)
    elif isinstance(exc, RecursionError):
        message = _("template calls itself without end{where} (a macro calling itself)").format(
            where=where
        )
    elif isinstance(exc, SecurityError):
        message = f"template tries to reach Python internals{where}"
    elif isinstance(exc, jinja2.UndefinedError):
        message = f"undefined variable{where}: {exc.message}"
    elif isinstance(exc, jinja2.TemplateSyntaxError):
        message = f"template syntax error{where}: {exc.message}"
    elif isinstance(exc, OSError | UnrecognizedImageError):
        message = f"cannot insert an image: {exc}"
    elif isinstance(exc, SyntaxError):  # lxml's XMLSyntaxError
        message = f"template produces invalid Word XML: {exc}"
    else:
        message = f"template error{where}: {exc}"
    return TemplateError(message, location=str(template))


def _offending_text(exc: Exception, source: str) -> str:
    """The visible text of the template paragraph (one per source line) where ``exc`` arose."""
    lineno = getattr(exc, "lineno", None)
    traceback = exc.__traceback__
    while traceback is not None:  # runtime errors: Jinja maps frames to template lines
        if traceback.tb_frame.f_code.co_filename == "<template>":
            lineno = traceback.tb_lineno
        traceback = traceback.tb_next
    lines = source.splitlines()
    if not lineno or lineno > len(lines):
        return ""
    text = html.unescape(re.sub(r"<[^>]+>", "", lines[lineno - 1])).strip()
    return text if len(text) <= 80 else text[:79] + "…"


def _save_atomically(doc: DocxTemplate, out: Path) -> None:
    """Save beside ``out`` under a temporary name, then move it into place."""
    try:
        with atomic_path(out) as temporary:
            save_package(doc.docx, temporary)
    except OSError as exc:
        raise RenderError(
            _("cannot write the document: {reason}").format(reason=exc.strerror or exc),
            location=str(out),
        ) from exc


def _save_to_stream(doc: DocxTemplate, out: Writable) -> None:
    """Write the .docx into a binary file-like object (a web response, a BytesIO)."""
    try:
        save_package(doc.docx, out)
    except OSError as exc:
        raise RenderError(
            _("cannot write the document: {reason}").format(reason=exc.strerror or exc),
            location=repr(out),
        ) from exc
