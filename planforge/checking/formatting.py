"""Effective paragraph, run, page and header formatting of a .docx, resolved the way Word does.

The reading itself is in :mod:`planforge.checking.wordml`, one concept a module: the
package, the theme, the style hierarchy, paragraph properties, drawn lines, walking the
body, sections and headers. This module gives the rules what they use.
"""

from __future__ import annotations

import os

from planforge.checking.opening import unreadable_reason
from planforge.checking.wordml.formats import (
    BodyLocation,
    LocatedParagraph,
    Location,
    ParagraphFormat,
    RunFormat,
    TableLocation,
)
from planforge.checking.wordml.ooxml import first_child
from planforge.checking.wordml.package import load_package
from planforge.checking.wordml.sections import HeaderInfo, PageSetup, header_footer_info, page_setup
from planforge.checking.wordml.styles import WORD_DEFAULT_FONT, WORD_DEFAULT_SIZE_PT
from planforge.checking.wordml.walking import Walker

__all__ = [
    "WORD_DEFAULT_FONT",
    "WORD_DEFAULT_SIZE_PT",
    "BodyLocation",
    "HeaderInfo",
    "LocatedParagraph",
    "Location",
    "PageSetup",
    "ParagraphFormat",
    "RunFormat",
    "TableLocation",
    "header_footer_info",
    "page_setup",
    "read_paragraphs",
    "unreadable_reason",
]


def read_paragraphs(path: str | os.PathLike[str]) -> list[LocatedParagraph]:
    """Every paragraph of the body in document order, table cells included, with its location."""
    package = load_package(path)
    body = first_child(package.document, "body")
    if body is None:
        return []
    styles = package.styles
    return [
        LocatedParagraph(found.location, styles.paragraph_format(found.element, found.table))
        for found in Walker(styles).blocks(body)
    ]
