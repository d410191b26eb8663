"""Opening a Word package: the main part, its styles, theme, numbering and related parts."""

from __future__ import annotations

import functools
import os
import zipfile
from dataclasses import dataclass
from xml.etree.ElementTree import Element, ParseError, fromstring

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import PackageNotFoundError
from docx.opc.package import OpcPackage

from planforge.checking.opening import open_document
from planforge.checking.wordml.styles import Styles
from planforge.checking.wordml.theme import Theme
from planforge.errors import PlanforgeError
from planforge.i18n import _

__all__ = ["Package", "load_package", "parse_part"]


@dataclass(frozen=True)
class Package:
    """The main document part, its styles and the XML of the parts it relates to."""

    document: Element
    styles: Styles
    parts: dict[str, bytes]

    def part(self, r_id: str | None) -> Element | None:
        blob = self.parts.get(r_id) if r_id else None
        return fromstring(blob) if blob is not None else None


def load_package(path: str | os.PathLike[str]) -> Package:
    """Open a .docx (or .docm, .dotx) package and parse the parts formatting depends on."""
    package = open_document(path)  # a regular file, within the zip-bomb limits
    try:
        main = OpcPackage.open(package.stream()).main_document_part
        rels = [rel for rel in main.rels.values() if not rel.is_external]
        parts = {str(rel.rId): bytes(rel.target_part.blob) for rel in rels}
        kinds = {str(rel.reltype): parts[str(rel.rId)] for rel in rels}
        styles = _styles(kinds.get(RT.STYLES), kinds.get(RT.THEME), kinds.get(RT.NUMBERING))
        return Package(fromstring(bytes(main.blob)), styles, parts)
    except (OSError, KeyError, PackageNotFoundError, ParseError, zipfile.BadZipFile) as exc:
        raise PlanforgeError(
            _("cannot read the document: {exc}").format(exc=exc), str(path)
        ) from exc


@functools.lru_cache(maxsize=8)  # read only; documents of one template share them
def _styles(styles: bytes | None, theme: bytes | None, numbering: bytes | None) -> Styles:
    """The styles of a package from its styles, theme and numbering parts."""
    return Styles(parse_part(styles), Theme.parse(theme), parse_part(numbering))


def parse_part(blob: bytes | None) -> Element | None:
    return fromstring(blob) if blob is not None else None
