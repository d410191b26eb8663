"""Print the text of a plan exactly as written, whatever docxtpl does to the XML after Jinja.

docxtpl rewrites the rendered XML with plain string replacements: ``{_{`` becomes
``{{``, ``}_}`` ``}}``, ``{_%`` ``{%`` and ``%_}`` ``%}`` (its way of printing Jinja
markers from a template).  A value holding those sequences would lose its
underscores.  Each brace of a value is therefore written as a character
reference (``&#123;``): the XML parser reads it back as a brace, and no
replacement ever sees the sequence.  Jinja syntax in a value is never
evaluated (it is data), so it needs nothing more than this.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup, escape

from planforge.errors import RenderError
from planforge.i18n import _
from planforge.text.controls import forbidden_message


def literal(value: Any) -> Any:
    """Jinja ``finalize``: a text value escaped for XML with its braces as references.

    Values that are already markup (docxtpl's images, rich text) pass unchanged.

    >>> str(literal("{_{ A & B }_}"))
    '&#123;_&#123; A &amp; B &#125;_&#125;'
    """
    if not isinstance(value, str) or hasattr(value, "__html__"):
        return value
    message = forbidden_message(value)
    if message is not None:
        # The model refuses these already; a value built around it must not reach
        # the XML parser, which would drop it and the entities after it.
        raise RenderError(_("a value of the document: {message}").format(message=message))
    escaped = str(escape(value))
    if "{" in escaped or "}" in escaped:  # (str.translate with a table walks every letter)
        escaped = escaped.replace("{", "&#123;").replace("}", "&#125;")
    return Markup(escaped)
