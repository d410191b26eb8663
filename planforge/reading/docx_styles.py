"""Word styles (styles.xml): the bold, heading level, centring and numbering a style carries."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from xml.etree import ElementTree as etree

from planforge.i18n import _

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_HEADING_NAME = re.compile(r"heading\s*(\d)|tiêu đề\s*(\d)", re.IGNORECASE)


class UnsafeXml(ValueError):
    """A part declaring a DTD or entities: Word never writes them; refused."""


def parse_xml(data: bytes) -> etree.Element:
    """Parse a part safely: DTDs and entity declarations are refused before parsing.

    The standard parser (expat 2.5) never fetches external entities and
    limits entity expansion; refusing any declaration closes the rest.
    """
    head = data[:4096]
    if b"<!DOCTYPE" in head or b"<!ENTITY" in data:
        raise UnsafeXml(_("the XML declares a DTD or entities"))
    return etree.fromstring(data)


def on(element: etree.Element | None) -> bool | None:
    """The value of a toggle property (``<w:b/>``, ``<w:b w:val="0"/>``), None if absent."""
    if element is None:
        return None
    return element.get(f"{W}val", "true").lower() not in ("0", "false", "off", "none")


@dataclass
class Style:
    """One style's own settings; None where it inherits."""

    name: str = ""
    based_on: str | None = None
    bold: bool | None = None
    outline: int | None = None
    centered: bool | None = None
    numbering: tuple[str, int] | None = None


@dataclass
class Styles:
    """The styles of a document, resolved along ``basedOn``."""

    styles: dict[str, Style] = field(default_factory=dict)
    default_bold: bool = False
    default_paragraph: str | None = None

    @classmethod
    def parse(cls, data: bytes | None) -> Styles:
        """Read styles.xml (an empty set when there is none)."""
        styles = cls()
        if not data:
            return styles
        root = parse_xml(data)
        defaults = root.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
        if defaults is not None:
            styles.default_bold = bool(on(defaults.find(f"{W}b")))
        for element in root.iter(f"{W}style"):
            style_id = element.get(f"{W}styleId")
            if not style_id:
                continue
            styles.styles[style_id] = _style(element)
            default = element.get(f"{W}default") in ("1", "true", "on")
            if element.get(f"{W}type") == "paragraph" and default:
                styles.default_paragraph = style_id
        return styles

    def chain(self, style_id: str | None) -> list[Style]:
        """The style and those it is based on, nearest first (cycles cut)."""
        out: list[Style] = []
        seen: set[str] = set()
        while style_id and style_id in self.styles and style_id not in seen:
            seen.add(style_id)
            style = self.styles[style_id]
            out.append(style)
            style_id = style.based_on
        return out

    def first(self, style_id: str | None, attribute: str) -> object:
        """The nearest setting of ``attribute`` along the chain, or None."""
        for style in self.chain(style_id):
            value = getattr(style, attribute)
            if value is not None:
                return value
        return None

    def heading_level(self, style_id: str | None) -> int | None:
        """The heading level of a paragraph style: its outline level or a "Heading N" name."""
        outline = self.first(style_id, "outline")
        if isinstance(outline, int) and 0 <= outline <= 8:
            return outline + 1
        for style in self.chain(style_id):
            match = _HEADING_NAME.search(style.name)
            if match:
                return int(match.group(1) or match.group(2))
        return None


def _style(element: etree.Element) -> Style:
    name = element.find(f"{W}name")
    based = element.find(f"{W}basedOn")
    style = Style(
        name=name.get(f"{W}val", "") if name is not None else "",
        based_on=based.get(f"{W}val") if based is not None else None,
    )
    rpr = element.find(f"{W}rPr")
    if rpr is not None:
        style.bold = on(rpr.find(f"{W}b"))
    ppr = element.find(f"{W}pPr")
    if ppr is not None:
        style.outline = outline_level(ppr)
        style.centered = centred(ppr)
        style.numbering = numbering_of(ppr)
    return style


def outline_level(ppr: etree.Element) -> int | None:
    element = ppr.find(f"{W}outlineLvl")
    if element is None:
        return None
    try:
        return int(element.get(f"{W}val", "9"))
    except ValueError:
        return None


def centred(ppr: etree.Element) -> bool | None:
    element = ppr.find(f"{W}jc")
    return None if element is None else element.get(f"{W}val") == "center"


def numbering_of(ppr: etree.Element) -> tuple[str, int] | None:
    """(numId, level) of a ``w:numPr``; numId "0" switches numbering off."""
    numpr = ppr.find(f"{W}numPr")
    if numpr is None:
        return None
    num = numpr.find(f"{W}numId")
    level = numpr.find(f"{W}ilvl")
    num_id = num.get(f"{W}val", "0") if num is not None else None
    try:
        ilvl = int(level.get(f"{W}val", "0")) if level is not None else 0
    except ValueError:
        ilvl = 0
    if num_id is None:
        return None
    return num_id, ilvl
