"""Effective paragraph, run, page and header formatting of a .docx, resolved the way Word does."""

from __future__ import annotations

import functools
import os
import re
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Literal, TypeAlias
from xml.etree.ElementTree import Element, ParseError, fromstring

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import PackageNotFoundError
from docx.opc.package import OpcPackage

from planforge.checking.opening import open_document, unreadable_reason
from planforge.errors import PlanforgeError
from planforge.i18n import _

__all__ = [
    "WORD_DEFAULT_FONT",
    "WORD_DEFAULT_SIZE_PT",
    "HeaderInfo",
    "LocatedParagraph",
    "Location",
    "PageSetup",
    "ParagraphFormat",
    "RunFormat",
    "header_footer_info",
    "page_setup",
    "read_paragraphs",
    "unreadable_reason",
]

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
V = "{urn:schemas-microsoft-com:vml}"
OFFICE = "{urn:schemas-microsoft-com:office:office}"
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"

TWIPS_PER_CM = 1440 / 2.54
WORD_DEFAULT_FONT = "Times New Roman"
"""The font Word uses when no level of the style hierarchy names one."""
WORD_DEFAULT_SIZE_PT = 10.0
"""The size Word uses when no level of the style hierarchy sets one."""
AUTO_SPACING_PT = 14.0
"""What Word puts before or after a paragraph with ``beforeAutospacing``/``afterAutospacing``."""

#: (plain attribute, theme attribute) of each of the four font slots of ``w:rFonts``.
FONT_SLOTS = (
    ("ascii", "asciiTheme"),
    ("hAnsi", "hAnsiTheme"),
    ("cs", "cstheme"),
    ("eastAsia", "eastAsiaTheme"),
)
#: ``w:themeColor`` names -> ``a:clrScheme`` children (default colour-scheme mapping).
THEME_COLORS = {
    "text1": "dk1",
    "dark1": "dk1",
    "background1": "lt1",
    "light1": "lt1",
    "text2": "dk2",
    "dark2": "dk2",
    "background2": "lt2",
    "light2": "lt2",
    "hyperlink": "hlink",
    "followedHyperlink": "folHlink",
}
#: Elements inside a paragraph whose runs are shown (deletions and move sources are not).
RUN_CONTAINERS = frozenset(
    W + tag
    for tag in "hyperlink ins moveTo smartTag sdt sdtContent customXml fldSimple dir bdo".split()
)
#: Run children that print a fixed character.
RUN_CHARACTERS = {
    W + "tab": "\t",
    W + "ptab": "\t",
    W + "cr": "\n",
    W + "noBreakHyphen": "\u2011",
    W + "softHyphen": "\u00ad",
}
#: Theme font token suffixes -> the ``a:majorFont``/``a:minorFont`` child naming the face.
THEME_FONT_SLOTS = (("Ascii", "latin"), ("HAnsi", "latin"), ("EastAsia", "ea"), ("Bidi", "cs"))
#: ``w:tblLook`` switches for the first row, last row, first column and last column.
EDGE_LOOKS = ("firstRow", "lastRow", "firstColumn", "lastColumn")
ALIGNMENTS = {"start": "left", "end": "right"}
UNITS_PER_PT = {"pt": 1.0, "in": 72.0, "mm": 72 / 25.4, "cm": 72 / 2.54, "pc": 12.0, "pi": 12.0}

BodyLocation: TypeAlias = tuple[Literal["body"], int]
TableLocation: TypeAlias = tuple[Literal["table"], int, int, int, int]
Location: TypeAlias = BodyLocation | TableLocation
"""``("body", index)`` or ``("table", table, row, column, index)``, all counted from 0."""
_Cell: TypeAlias = tuple[int, int, int]


@dataclass(frozen=True)
class RunFormat:
    """The effective formatting of one run that carries text.

    Fonts are real names (theme fonts resolved), sizes in points, ``color`` is
    ``"auto"`` or ``RRGGBB``, ``underline`` a ``w:u`` value (``"none"`` when absent).
    """

    text: str
    font_ascii: str
    font_hansi: str
    font_cs: str
    font_east_asia: str
    size_pt: float
    bold: bool
    italic: bool
    color: str
    underline: str
    caps: bool = False

    @property
    def fonts(self) -> tuple[str, str, str, str]:
        """The four font slots: ascii, hAnsi, cs, eastAsia."""
        return (self.font_ascii, self.font_hansi, self.font_cs, self.font_east_asia)


@dataclass(frozen=True)
class ParagraphFormat:
    """The effective formatting of one paragraph and of its runs.

    ``alignment`` is a ``w:jc`` value (``"left"``, ``"center"``, ``"right"``, ``"both"``…);
    ``first_line_cm`` is negative for a hanging indent. ``line`` is a multiple of single
    spacing when ``line_rule`` is ``"auto"``, else points (``"exact"``, ``"atLeast"``).
    Numbering labels are not part of ``text``.
    """

    text: str
    style_id: str | None
    style_name: str | None
    alignment: str
    first_line_cm: float
    left_cm: float
    right_cm: float
    space_before_pt: float
    space_after_pt: float
    line: float
    line_rule: str
    keep_next: bool
    runs: tuple[RunFormat, ...]
    contextual_spacing: bool = False
    border_bottom: bool = False
    """True when the paragraph has a visible bottom border (a rule drawn under its text)."""
    drawn_lines_mm: tuple[float, ...] = ()
    """Widths in mm of the horizontal line shapes anchored in the paragraph (DrawingML, VML)."""


@dataclass(frozen=True)
class LocatedParagraph:
    """A paragraph and where it is: in the body or in a table cell."""

    location: Location
    paragraph: ParagraphFormat

    @property
    def text(self) -> str:
        """The paragraph's text."""
        return self.paragraph.text

    @property
    def cell(self) -> _Cell | None:
        """``(table, row, column)`` of the cell holding the paragraph, or None in the body."""
        if self.location[0] == "table":
            return (self.location[1], self.location[2], self.location[3])
        return None


@dataclass(frozen=True)
class PageSetup:
    """One section's page: size, orientation and margins in twips (None when not given)."""

    width: int | None
    height: int | None
    orientation: str
    top: int | None
    bottom: int | None
    left: int | None
    right: int | None
    header: int | None
    footer: int | None
    gutter: int | None
    title_pg: bool


@dataclass(frozen=True)
class HeaderInfo:
    """One section's page headers (inherited from earlier sections where Word inherits them).

    ``first_header_empty`` is true when page 1 of the section shows no header content:
    the first-page header is missing or blank. The ``page_field_*`` values describe the
    paragraph of the default header that holds a ``PAGE`` field.
    """

    section: int
    title_pg: bool
    first_header_exists: bool
    first_header_empty: bool
    default_header_exists: bool
    page_field: bool
    page_field_alignment: str | None
    page_field_size_pt: float | None
    first_page_field: bool = False
    """True when the first-page header (shown on page 1 with ``titlePg``) holds a PAGE field."""
    footer_page_field: bool = False
    """True when a footer of the section holds a PAGE field (page numbers at the bottom)."""


# --- public functions ----------------------------------------------------------------


def read_paragraphs(path: str | os.PathLike[str]) -> list[LocatedParagraph]:
    """Every paragraph of the body in document order, table cells included, with its location."""
    package = _load(path)
    body = _child(package.document, "body")
    if body is None:
        return []
    styles = package.styles
    return [
        LocatedParagraph(found.location, styles.paragraph_format(found.element, found.table))
        for found in _Walker(styles).blocks(body)
    ]


def page_setup(path: str | os.PathLike[str]) -> list[PageSetup]:
    """The page setup of each section, in document order."""
    return [_page_setup(section) for section in _sections(_load(path).document)]


def header_footer_info(path: str | os.PathLike[str]) -> list[HeaderInfo]:
    """The first-page and default headers of each section, in document order."""
    package = _load(path)
    references: dict[str, str] = {}
    footers: dict[str, str] = {}
    infos = []
    for number, section in enumerate(_sections(package.document)):
        for reference in section.findall(W + "headerReference"):
            references[reference.get(W + "type", "default")] = reference.get(R_ID, "")
        first = package.part(references.get("first"))
        default = package.part(references.get("default"))
        for reference in section.findall(W + "footerReference"):
            footers[reference.get(W + "type", "default")] = reference.get(R_ID, "")
        info = _header_info(number, section, first, default, package.styles)
        in_footer = any(
            part is not None and _page_field(part, package.styles) is not None
            for part in map(package.part, footers.values())
        )
        in_first = first is not None and _page_field(first, package.styles) is not None
        infos.append(replace(info, first_page_field=in_first, footer_page_field=in_footer))
    return infos


def _header_info(
    number: int, section: Element, first: Element | None, default: Element | None, styles: _Styles
) -> HeaderInfo:
    field = _page_field(default, styles) if default is not None else None
    return HeaderInfo(
        section=number,
        title_pg=_flag(_child(section, "titlePg")),
        first_header_exists=first is not None,
        first_header_empty=first is None or _is_blank(first),
        default_header_exists=default is not None,
        page_field=field is not None,
        page_field_alignment=field[0] if field else None,
        page_field_size_pt=field[1] if field else None,
    )


# --- package -------------------------------------------------------------------------


@dataclass(frozen=True)
class _Package:
    """The main document part, its styles and the XML of the parts it relates to."""

    document: Element
    styles: _Styles
    parts: dict[str, bytes]

    def part(self, r_id: str | None) -> Element | None:
        blob = self.parts.get(r_id) if r_id else None
        return fromstring(blob) if blob is not None else None


def _load(path: str | os.PathLike[str]) -> _Package:
    """Open a .docx (or .docm, .dotx) package and parse the parts formatting depends on."""
    package = open_document(path)  # a regular file, within the zip-bomb limits
    try:
        main = OpcPackage.open(package.stream()).main_document_part
        rels = [rel for rel in main.rels.values() if not rel.is_external]
        parts = {str(rel.rId): bytes(rel.target_part.blob) for rel in rels}
        kinds = {str(rel.reltype): parts[str(rel.rId)] for rel in rels}
        styles = _styles(kinds.get(RT.STYLES), kinds.get(RT.THEME), kinds.get(RT.NUMBERING))
        return _Package(fromstring(bytes(main.blob)), styles, parts)
    except (OSError, KeyError, PackageNotFoundError, ParseError, zipfile.BadZipFile) as exc:
        raise PlanforgeError(
            _("cannot read the document: {exc}").format(exc=exc), str(path)
        ) from exc


@functools.lru_cache(maxsize=8)  # read only; documents of one template share them
def _styles(styles: bytes | None, theme: bytes | None, numbering: bytes | None) -> _Styles:
    """The styles of a package from its styles, theme and numbering parts."""
    return _Styles(_parse(styles), _Theme.parse(theme), _parse(numbering))


def _parse(blob: bytes | None) -> Element | None:
    return fromstring(blob) if blob is not None else None


@dataclass(frozen=True)
class _Theme:
    """Theme font names (``minorHAnsi`` → ``Calibri``) and colours (``accent1`` → ``4472C4``)."""

    fonts: dict[str, str]
    colors: dict[str, str]

    @classmethod
    def parse(cls, blob: bytes | None) -> _Theme:
        if blob is None:
            return cls({}, {})
        root = fromstring(blob)
        return cls(_theme_fonts(root), _theme_colors(root))


def _theme_fonts(theme: Element) -> dict[str, str]:
    """Theme font tokens to typefaces; an empty East Asian or complex face falls back to Latin."""
    fonts: dict[str, str] = {}
    for kind in ("major", "minor"):
        scheme = theme.find(f".//{A}{kind}Font")
        if scheme is None:
            continue
        latin = _typeface(scheme, "latin")
        for slot, tag in THEME_FONT_SLOTS:
            face = _typeface(scheme, tag) or latin
            if face:
                fonts[kind + slot] = face
    return fonts


def _typeface(scheme: Element, tag: str) -> str:
    font = scheme.find(A + tag)
    return font.get("typeface", "") if font is not None else ""


def _theme_colors(theme: Element) -> dict[str, str]:
    scheme = theme.find(f".//{A}clrScheme")
    colors: dict[str, str] = {}
    for entry in scheme if scheme is not None else ():
        for color in entry:
            value = color.get("val") if color.tag == A + "srgbClr" else color.get("lastClr")
            if value:
                colors[entry.tag.removeprefix(A)] = value.upper()
    return colors


# --- style hierarchy -----------------------------------------------------------------


class _Styles:
    """The style hierarchy of ``styles.xml``: defaults, styles by id, basedOn chains."""

    def __init__(self, root: Element | None, theme: _Theme, numbering: Element | None) -> None:
        self.theme = theme
        self.numbering = numbering
        self.by_id: dict[str, Element] = {}
        self.defaults: dict[str, str] = {}
        for style in root.findall(W + "style") if root is not None else ():
            style_id = style.get(W + "styleId")
            if style_id is None:
                continue
            self.by_id.setdefault(style_id, style)
            if _on_off(style.get(W + "default")):
                self.defaults.setdefault(style.get(W + "type", "paragraph"), style_id)
        defaults = _child(root, "docDefaults")
        self.run_defaults = _path(defaults, "rPrDefault", "rPr")
        self.paragraph_defaults = _path(defaults, "pPrDefault", "pPr")

    def chain(self, style_id: str | None, kind: str) -> list[Element]:
        """The style and its basedOn ancestors, root first; the default style of its kind when
        ``style_id`` is missing or unknown."""
        if style_id not in self.by_id:
            style_id = self.defaults.get(kind)
        chain: list[Element] = []
        while style_id in self.by_id and all(s.get(W + "styleId") != style_id for s in chain):
            style = self.by_id[style_id]
            chain.append(style)
            style_id = _val(_child(style, "basedOn"))
        return chain[::-1]

    def paragraph_format(self, p: Element, table: Sequence[Element] = ()) -> ParagraphFormat:
        """Direct → numbering → paragraph style chain → table style → docDefaults."""
        direct = _child(p, "pPr")
        chain = self.chain(_val(_child(direct, "pStyle")), "paragraph")
        styled = [*_props(table, "pPr"), *_props(chain, "pPr")]
        levels = [self.paragraph_defaults, *styled, self._numbering([*styled, direct]), direct]
        style = chain[-1] if chain else None
        runs = tuple(self.run_format(r, text, table, chain) for r, text in _text_runs(p))
        line, rule = _line(levels)
        jc = _val(_last(levels, "jc")) or "left"
        return ParagraphFormat(
            text="".join(run.text for run in runs),
            style_id=style.get(W + "styleId") if style is not None else None,
            style_name=_val(_child(style, "name")),
            alignment=ALIGNMENTS.get(jc, jc),
            first_line_cm=_first_line(levels) / TWIPS_PER_CM,
            left_cm=_indent(levels, "left", "start") / TWIPS_PER_CM,
            right_cm=_indent(levels, "right", "end") / TWIPS_PER_CM,
            space_before_pt=_spacing(levels, "before"),
            space_after_pt=_spacing(levels, "after"),
            line=line,
            line_rule=rule,
            keep_next=_flag(_last(levels, "keepNext")),
            runs=runs,
            contextual_spacing=_flag(_last(levels, "contextualSpacing")),
            border_bottom=_border_bottom(levels),
            drawn_lines_mm=_drawn_lines_mm(p),
        )

    def run_format(
        self, run: Element, text: str, table: Sequence[Element], paragraph: Sequence[Element]
    ) -> RunFormat:
        """Direct → character style chain → paragraph style chain → table style → docDefaults.

        Toggle properties (bold, italic, caps) follow ECMA-376 §17.7.3: each style level
        that turns one on flips it; direct formatting sets it outright.
        """
        direct = _child(run, "rPr")
        character = self.chain(_val(_child(direct, "rStyle")), "character")
        groups = [_props(table, "rPr"), _props(paragraph, "rPr"), _props(character, "rPr")]
        levels = [self.run_defaults, *groups[0], *groups[1], *groups[2], direct]
        ascii_, hansi, cs, east_asia = (self._font(levels, *slot) for slot in FONT_SLOTS)
        size = _length(_val(_last(levels, "sz")), per_pt=2)
        return RunFormat(
            text=text,
            font_ascii=ascii_,
            font_hansi=hansi,
            font_cs=cs,
            font_east_asia=east_asia,
            size_pt=WORD_DEFAULT_SIZE_PT if size is None else size / 2,
            bold=self._toggle("b", groups, direct),
            italic=self._toggle("i", groups, direct),
            color=self._color(_last(levels, "color")),
            underline=_val(_last(levels, "u")) or "none",
            caps=self._toggle("caps", groups, direct),
        )

    def _toggle(
        self, tag: str, groups: Sequence[Sequence[Element | None]], direct: Element | None
    ) -> bool:
        given = _child(direct, tag)
        if given is not None:
            return _flag(given)
        state = _flag(_child(self.run_defaults, tag))
        for group in groups:
            if _flag(_last(group, tag)):
                state = not state
        return state

    def _font(self, levels: Sequence[Element | None], plain: str, themed: str) -> str:
        """The nearest level naming the slot wins; its theme attribute beats its plain one."""
        for rpr in reversed(levels):
            fonts = _child(rpr, "rFonts")
            if fonts is None:
                continue
            token = fonts.get(W + themed)
            if token is not None:
                return self.theme.fonts.get(token) or fonts.get(W + plain) or token
            name = fonts.get(W + plain)
            if name is not None:
                return name
        return WORD_DEFAULT_FONT

    def _color(self, color: Element | None) -> str:
        if color is None:
            return "auto"
        token = color.get(W + "themeColor")
        shaded = color.get(W + "themeTint") or color.get(W + "themeShade")
        if token and not shaded:
            resolved = self.theme.colors.get(THEME_COLORS.get(token, token))
            if resolved:
                return resolved
        value = color.get(W + "val", "auto")
        return "auto" if value.lower() == "auto" else value.upper()

    def _numbering(self, levels: Sequence[Element | None]) -> Element | None:
        """The paragraph properties of the numbering level a paragraph uses, if any."""
        num_pr = [_child(ppr, "numPr") for ppr in levels]
        num_id = _val(_last(num_pr, "numId"))
        ilvl = _val(_last(num_pr, "ilvl")) or "0"
        if self.numbering is None or num_id in (None, "0"):
            return None
        num = _find(self.numbering, "num", "numId", num_id)
        override = _find(num, "lvlOverride", "ilvl", ilvl)
        level = _child(override, "lvl")
        if level is None:
            abstract_id = _val(_child(num, "abstractNumId"))
            abstract = _find(self.numbering, "abstractNum", "abstractNumId", abstract_id)
            level = _find(abstract, "lvl", "ilvl", ilvl)
        return _child(level, "pPr")


# --- paragraph properties ------------------------------------------------------------


def _first_line(levels: Sequence[Element | None]) -> float:
    """First-line indent in twips, negative when hanging; the nearest level giving either wins."""
    for ppr in reversed(levels):
        ind = _child(ppr, "ind")
        if ind is None:
            continue
        hanging = _length(ind.get(W + "hanging"))
        if hanging is not None:
            return -hanging if hanging else 0.0
        first = _length(ind.get(W + "firstLine"))
        if first is not None:
            return first
    return 0.0


def _indent(levels: Sequence[Element | None], *names: str) -> float:
    """An indent in twips from the nearest level giving any of ``names``."""
    for ppr in reversed(levels):
        ind = _child(ppr, "ind")
        values = [_length(ind.get(W + name)) for name in names] if ind is not None else []
        for value in values:
            if value is not None:
                return value
    return 0.0


def _spacing(levels: Sequence[Element | None], side: str) -> float:
    """Space before or after in points; automatic spacing counts as 14 pt as in Word."""
    for ppr in reversed(levels):
        spacing = _child(ppr, "spacing")
        if spacing is None:
            continue
        if _on_off(spacing.get(W + side + "Autospacing"), default=False):
            return AUTO_SPACING_PT
        value = _length(spacing.get(W + side))
        if value is not None:
            return value / 20
    return 0.0


def _line(levels: Sequence[Element | None]) -> tuple[float, str]:
    """Line spacing: (multiple, "auto") or (points, "exact"/"atLeast"); single when unset."""
    for ppr in reversed(levels):
        spacing = _child(ppr, "spacing")
        value = _length(spacing.get(W + "line")) if spacing is not None else None
        if spacing is not None and value is not None:
            rule = spacing.get(W + "lineRule", "auto")
            return (value / 240, rule) if rule == "auto" else (value / 20, rule)
    return 1.0, "auto"


def _border_bottom(levels: Sequence[Element | None]) -> bool:
    """A visible bottom border from the nearest level that sets borders."""
    border = _child(_last(levels, "pBdr"), "bottom")
    return border is not None and border.get(W + "val", "none") not in ("none", "nil")


def _drawn_lines_mm(p: Element) -> tuple[float, ...]:
    """Widths of the horizontal lines drawn in a paragraph: DrawingML first, else VML.

    Word writes a shape twice (``mc:Choice`` DrawingML, ``mc:Fallback`` VML); the
    VML copy counts only when there is no DrawingML one.
    """
    found = [
        _emu_mm(extent)
        for anchor in p.iter()
        if anchor.tag in (WP + "anchor", WP + "inline")
        and _is_line_shape(anchor)
        and (extent := anchor.find(WP + "extent")) is not None
    ]
    if found:
        return tuple(found)
    return tuple(width for shape in p.iter() if (width := _vml_line_mm(shape)) is not None)


def _is_line_shape(anchor: Element) -> bool:
    geometry = next(anchor.iter(A + "prstGeom"), None)
    name = geometry.get("prst", "") if geometry is not None else ""
    return name == "line" or name.endswith("Connector1")


def _emu_mm(extent: Element) -> float:
    return int(extent.get("cx", "0")) / 36000


def _vml_line_mm(shape: Element) -> float | None:
    """Width of a VML ``v:line`` (from/to) or of a flat connector shape (style width)."""
    if shape.tag == V + "line":
        start = _vml_point(shape.get("from", "0,0"))
        end = _vml_point(shape.get("to", "0,0"))
        return abs(end[0] - start[0]) * 25.4 / 72 if abs(end[1] - start[1]) < 2 else None
    if shape.tag == V + "shape" and (shape.get(OFFICE + "connectortype") or "").startswith(
        "straight"
    ):
        style = dict(
            item.split(":", 1) for item in (shape.get("style") or "").split(";") if ":" in item
        )
        width = _length(style.get("width"), per_pt=1)
        return width * 25.4 / 72 if width is not None else None
    return None


def _vml_point(value: str) -> tuple[float, float]:
    """A VML point such as ``"0,0"`` or ``"4.25pt,0"`` in points."""
    parts = [*(_length(part.strip(), per_pt=1) or 0.0 for part in value.split(",")[:2]), 0.0, 0.0]
    return parts[0], parts[1]


# --- walking the body ----------------------------------------------------------------


@dataclass(frozen=True)
class _Found:
    """A paragraph element, its location and the style chain of the table around it."""

    element: Element
    location: Location
    table: Sequence[Element]


class _Walker:
    """Walks block content in document order, numbering tables (nested ones too) as it goes."""

    def __init__(self, styles: _Styles | None = None) -> None:
        self.styles = styles
        self.tables = 0

    def blocks(
        self, container: Element, cell: _Cell | None = None, table: Sequence[Element] = ()
    ) -> Iterator[_Found]:
        index = 0
        for element in _unwrapped(container):
            if element.tag == W + "p":
                yield _Found(element, _location(cell, index), table)
                index += 1
            elif element.tag == W + "tbl":
                yield from self._table(element)

    def _table(self, tbl: Element) -> Iterator[_Found]:
        number = self.tables
        self.tables += 1
        style_id = _val(_path(tbl, "tblPr", "tblStyle"))
        chain = self.styles.chain(style_id, "table") if self.styles else []
        look = _table_look(_path(tbl, "tblPr", "tblLook"))
        rows = [e for e in _unwrapped(tbl) if e.tag == W + "tr"]
        for row, tr in enumerate(rows):
            cells = [e for e in _unwrapped(tr) if e.tag == W + "tc"]
            for column, tc in enumerate(cells):
                edges = (row == 0, row == len(rows) - 1, column == 0, column == len(cells) - 1)
                levels = _table_levels(chain, _conditions(look, edges))
                yield from self.blocks(tc, (number, row, column), levels)


def _table_look(look: Element | None) -> frozenset[str]:
    """The conditional formats a table turns on; Word's default (04A0) when it says nothing."""
    if look is None:
        return frozenset({"firstRow", "firstColumn"})
    mask = int(look.get(W + "val", "0"), 16)
    named = {"firstRow": 0x20, "lastRow": 0x40, "firstColumn": 0x80, "lastColumn": 0x100}
    return frozenset(
        name
        for name, bit in named.items()
        if _on_off(look.get(W + name), default=False) or mask & bit
    )


def _conditions(look: frozenset[str], edges: tuple[bool, bool, bool, bool]) -> list[str]:
    """The ``w:tblStylePr`` types that apply to a cell, lowest priority first.

    ``edges`` tells whether the cell is in the first row, last row, first column,
    last column. Banding is left out: it changes shading, rarely text.
    """
    first_row, last_row, first_col, last_col = (
        edge and name in look for edge, name in zip(edges, EDGE_LOOKS, strict=True)
    )
    corners = {
        "nwCell": first_row and first_col,
        "neCell": first_row and last_col,
        "swCell": last_row and first_col,
        "seCell": last_row and last_col,
    }
    sides = {"firstCol": first_col, "lastCol": last_col, "firstRow": first_row, "lastRow": last_row}
    return [name for name, on in [*sides.items(), *corners.items()] if on]


def _table_levels(chain: Sequence[Element], conditions: Sequence[str]) -> list[Element]:
    """The table style chain, then its conditional formats that apply, lowest priority first."""
    levels = list(chain)
    for kind in conditions:
        levels += [
            c
            for style in chain
            for c in style.findall(W + "tblStylePr")
            if c.get(W + "type") == kind
        ]
    return levels


def _unwrapped(container: Element) -> Iterator[Element]:
    """Children of a block container, looking through content controls and custom XML."""
    for child in container:
        if child.tag == W + "sdt":
            content = _child(child, "sdtContent")
            if content is not None:
                yield from _unwrapped(content)
        elif child.tag == W + "customXml":
            yield from _unwrapped(child)
        else:
            yield child


def _location(cell: _Cell | None, index: int) -> Location:
    if cell is None:
        return ("body", index)
    return ("table", cell[0], cell[1], cell[2], index)


def _runs(container: Element) -> Iterator[Element]:
    """The shown runs of a paragraph, through hyperlinks, insertions, fields and controls."""
    for child in container:
        if child.tag == W + "r":
            yield child
        elif child.tag in RUN_CONTAINERS:
            yield from _runs(child)


def _text_runs(p: Element) -> Iterator[tuple[Element, str]]:
    """Runs that print something, with their text."""
    for run in _runs(p):
        text = _run_text(run)
        if text:
            yield run, text


def _run_text(run: Element) -> str:
    """The printed text of a run: text, tabs, breaks, special hyphens, symbols."""
    parts = []
    for child in run:
        if child.tag == W + "t":
            parts.append(child.text or "")
        elif child.tag == W + "br":
            parts.append("\f" if child.get(W + "type") == "page" else "\n")
        elif child.tag == W + "sym":
            parts.append(chr(int(child.get(W + "char", "20"), 16)))
        else:
            parts.append(RUN_CHARACTERS.get(child.tag, ""))
    return "".join(parts)


# --- sections and headers ------------------------------------------------------------


def _sections(document: Element) -> list[Element]:
    """Section properties in order: those ending paragraphs, then the body's last one."""
    body = _child(document, "body")
    if body is None:
        return []
    inner = [_path(p, "pPr", "sectPr") for p in body.iter(W + "p")]
    return [s for s in [*inner, _child(body, "sectPr")] if s is not None]


def _page_setup(section: Element) -> PageSetup:
    size = _child(section, "pgSz")
    margins = _child(section, "pgMar")
    width, height = _twips(size, "w"), _twips(size, "h")
    orient = size.get(W + "orient") if size is not None else None
    landscape = width is not None and height is not None and width > height
    return PageSetup(
        width=width,
        height=height,
        orientation=orient or ("landscape" if landscape else "portrait"),
        top=_twips(margins, "top"),
        bottom=_twips(margins, "bottom"),
        left=_twips(margins, "left"),
        right=_twips(margins, "right"),
        header=_twips(margins, "header"),
        footer=_twips(margins, "footer"),
        gutter=_twips(margins, "gutter"),
        title_pg=_flag(_child(section, "titlePg")),
    )


def _twips(element: Element | None, name: str) -> int | None:
    value = _length(element.get(W + name)) if element is not None else None
    return round(value) if value is not None else None


def _is_blank(part: Element) -> bool:
    """True when a header or footer part shows nothing: no text, field or drawing."""
    if any((t.text or "").strip() for t in part.iter(W + "t")):
        return False
    shown = ("fldSimple", "fldChar", "instrText", "drawing", "pict", "object", "sym")
    return not any(next(part.iter(W + tag), None) is not None for tag in shown)


def _page_field(part: Element, styles: _Styles) -> tuple[str, float] | None:
    """Alignment and size of the first paragraph of ``part`` holding a PAGE field."""
    for found in _Walker(styles).blocks(part):
        run = _page_field_run(found.element)
        if run is not None:
            paragraph = styles.paragraph_format(found.element, found.table)
            direct = _child(found.element, "pPr")
            chain = styles.chain(_val(_child(direct, "pStyle")), "paragraph")
            size = styles.run_format(run, "", found.table, chain).size_pt
            return paragraph.alignment, size
    return None


def _is_page(instruction: str) -> bool:
    """True for a PAGE field code (not NUMPAGES, not PAGEREF)."""
    return re.match(r"\s*PAGE(?![A-Z])", instruction.upper()) is not None


def _page_field_run(p: Element) -> Element | None:
    """The run showing a PAGE field's result in ``p``, the field's first run, or None."""
    for simple in p.iter(W + "fldSimple"):
        if _is_page(simple.get(W + "instr", "")):
            return next(_runs(simple), Element(W + "r"))
    depth, code, first = 0, "", None
    for run in _runs(p):
        for child in run:
            kind = child.get(W + "fldCharType") if child.tag == W + "fldChar" else None
            if kind == "begin":
                depth += 1
                code, first = ("", run) if depth == 1 else (code, first)
            elif kind == "end":
                depth -= 1
                if depth == 0 and _is_page(code):
                    return first
            elif child.tag == W + "instrText" and depth == 1:
                code += child.text or ""
            elif child.tag == W + "t" and depth == 1 and _is_page(code) and child.text:
                return run
    return None


# --- small XML helpers ---------------------------------------------------------------


def _child(element: Element | None, tag: str) -> Element | None:
    return element.find(W + tag) if element is not None else None


def _path(element: Element | None, *tags: str) -> Element | None:
    for tag in tags:
        element = _child(element, tag)
    return element


def _find(element: Element | None, tag: str, attribute: str, value: str | None) -> Element | None:
    """The child ``tag`` of ``element`` whose ``attribute`` equals ``value``."""
    for child in element.findall(W + tag) if element is not None else ():
        if child.get(W + attribute) == value:
            return child
    return None


def _val(element: Element | None) -> str | None:
    return element.get(W + "val") if element is not None else None


def _props(styles: Sequence[Element], tag: str) -> list[Element | None]:
    return [_child(style, tag) for style in styles]


def _last(levels: Sequence[Element | None], tag: str) -> Element | None:
    """The ``tag`` child of the highest-priority (last) level that has one."""
    for level in reversed(levels):
        found = _child(level, tag)
        if found is not None:
            return found
    return None


def _on_off(value: str | None, *, default: bool = True) -> bool:
    """An ST_OnOff value; an absent value means ``default``."""
    if value is None:
        return default
    return value.lower() in ("1", "true", "on")


def _flag(element: Element | None) -> bool:
    """An on/off element: absent is off, present without ``w:val`` is on."""
    return element is not None and _on_off(element.get(W + "val"))


def _length(value: str | None, per_pt: float = 20) -> float | None:
    """A number of units (twips by default), also from a universal measure such as ``1.5cm``."""
    if value is None:
        return None
    match = re.fullmatch(r"\s*(-?\d+(?:\.\d+)?)\s*(pt|in|mm|cm|pc|pi)?\s*", value)
    if match is None:
        return None
    number = float(match[1])
    return number * UNITS_PER_PT[match[2]] * per_pt if match[2] else number
