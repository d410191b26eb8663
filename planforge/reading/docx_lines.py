"""Word documents to lines: text of every paragraph and table cell, bold, headings, list labels."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from xml.etree import ElementTree as etree

from planforge.i18n import _
from planforge.reading.docx_numbering import Numbering
from planforge.reading.docx_styles import (
    Styles,
    UnsafeXml,
    W,
    centred,
    numbering_of,
    on,
    outline_level,
    parse_xml,
)
from planforge.reading.errors import ReadError
from planforge.reading.legacy import from_tcvn3, is_tcvn3_font, is_vni_font, legacy_error
from planforge.reading.lines import Line, clean_runs, split_cells
from planforge.reading.source import Source

MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_CONTAINERS = frozenset(
    W + tag
    for tag in "hyperlink ins moveTo smartTag sdt sdtContent customXml fldSimple dir bdo".split()
)
_SKIPPED = frozenset(W + tag for tag in "del moveFrom pPr rPr".split())
_CHARACTERS = {
    W + "tab": "\t",
    W + "ptab": "\t",
    W + "br": "\n",
    W + "cr": "\n",
    W + "noBreakHyphen": "-",
    W + "softHyphen": "",
}


@dataclass
class _Paragraph:
    runs: list[tuple[str, bool]] = field(default_factory=list)
    boxes: list[etree.Element] = field(default_factory=list)


def docx_lines(source: Source) -> list[Line]:
    """Every non-empty line of a Word document in reading order.

    A paragraph gives one line per line break inside it; table cells give
    their paragraphs tagged with (table, row, column); text boxes give
    their paragraphs before the paragraph holding them. A list paragraph's
    label is computed from numbering.xml and put before its text.
    """
    document = source.part("word/document.xml")
    if document is None:
        raise ReadError(_("not a Word document: no word/document.xml"), source.path)
    try:
        root = parse_xml(document)
        reader = _Reader(
            Styles.parse(source.part("word/styles.xml")),
            Numbering.parse(source.part("word/numbering.xml")),
        )
    except etree.ParseError as exc:
        raise ReadError(
            _("not a valid .docx: damaged XML ({exc})").format(exc=exc), source.path
        ) from None
    except UnsafeXml as exc:
        raise ReadError(_("not a Word document: {exc}").format(exc=exc), source.path) from None
    body = root.find(f"{W}body")
    if body is None:
        raise ReadError(_("not a valid .docx: the document has no body"), source.path)
    reader.default_font = _default_font(source.part("word/styles.xml"))
    found = list(reader.body(body))
    if reader.vni:
        raise legacy_error("VNI", source.path)
    return found


class _Reader:
    """Walks the document body, counting paragraphs and tables."""

    def __init__(self, styles: Styles, numbering: Numbering) -> None:
        self.styles = styles
        self.numbering = numbering
        self.paragraphs = 0
        self.tables = 0
        self.gap = False
        self.landscape: bool | None = None
        self.stars = False
        self.default_font: str | None = None
        self.vni = False

    def body(self, body: etree.Element) -> Iterator[Line]:
        """The body's blocks, each knowing the orientation of its section."""
        children = list(body)
        ends = [
            (index, _landscape(child.find(f"{W}pPr/{W}sectPr")))
            for index, child in enumerate(children)
            if child.find(f"{W}pPr/{W}sectPr") is not None
        ]
        last = _landscape(body.find(f"{W}sectPr"))
        for index, child in enumerate(children):
            self.landscape = next((flag for end, flag in ends if end >= index), last)
            yield from self.block_child(child, None)

    def block_child(
        self, child: etree.Element, cell: tuple[int, int, int] | None
    ) -> Iterator[Line]:
        if child.tag == f"{W}p":
            yield from self.paragraph(child, cell)
        elif child.tag == f"{W}tbl":
            yield from self.table(child)
        elif child.tag in (f"{W}sdt", f"{W}sdtContent", f"{W}customXml"):
            yield from self.block(child, cell)

    def block(self, container: etree.Element, cell: tuple[int, int, int] | None) -> Iterator[Line]:
        for child in container:
            yield from self.block_child(child, cell)

    def table(self, table: etree.Element) -> Iterator[Line]:
        index = self.tables
        self.tables += 1
        for row_index, row in enumerate(_rows(table)):
            for column, tc in enumerate(c for c in row if c.tag == f"{W}tc"):
                self.gap = False
                yield from self.block(tc, (index, row_index, column))

    def paragraph(
        self, element: etree.Element, cell: tuple[int, int, int] | None
    ) -> Iterator[Line]:
        self.paragraphs += 1
        number = self.paragraphs
        ppr = element.find(f"{W}pPr")
        style = _style_id(ppr)
        content = _Paragraph()
        paragraph_bold = self._bold(ppr, style)
        self._runs(element, content, style, paragraph_bold)
        for box in content.boxes:
            for inner in box.iter(f"{W}p"):
                yield from self.paragraph(inner, cell)
        label = self._label(ppr, style)
        if label:
            first_bold = content.runs[0][1] if content.runs else paragraph_bold
            content.runs.insert(0, (label + " ", first_bold))
        heading = self.styles.heading_level(style)
        if ppr is not None and outline_level(ppr) is not None and (outline_level(ppr) or 0) <= 8:
            heading = (outline_level(ppr) or 0) + 1
        centered = (centred(ppr) if ppr is not None else None) or bool(
            self.styles.first(style, "centered")
        )
        produced = False
        for piece in _split_lines(self._markdown(content.runs)):
            text, bold = clean_runs(piece)
            if not text or set(text) <= {"|", " "}:
                continue
            raw = "".join(part for part, _ in piece)
            spread = "\t" in raw or "|" in raw or "   " in raw  # a header laid out with spaces
            cells = split_cells(raw) if spread else ()
            yield Line(
                text=text,
                unit=number,
                bold=bold,
                heading=heading,
                cell=cell,
                centered=centered,
                cells=cells if len(cells) > 1 else (),
                gap=self.gap,
                landscape=self.landscape,
            )
            produced = True
            self.gap = False
        if not produced:
            self.gap = True
            self.stars = False

    def _markdown(self, runs: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
        """Text pasted from Markdown keeps its ``**``: read them as bold, as in a .md file."""
        if not any("**" in text for text, _ in runs) and not self.stars:
            return runs
        out: list[tuple[str, bool]] = []
        for text, bold in runs:
            for index, part in enumerate(text.split("**")):
                if index:
                    self.stars = not self.stars
                if part:
                    out.append((part, bold or self.stars))
        return out

    def _bold(self, ppr: etree.Element | None, style: str | None) -> bool:
        value = self.styles.first(style or self.styles.default_paragraph, "bold")
        return bool(value) if value is not None else self.styles.default_bold

    def _label(self, ppr: etree.Element | None, style: str | None) -> str | None:
        numbering = numbering_of(ppr) if ppr is not None else None
        if numbering is None:
            value = self.styles.first(style, "numbering")
            numbering = value if isinstance(value, tuple) else None
        if numbering is None or numbering[0] == "0":
            return None
        return self.numbering.label(numbering[0], numbering[1])

    def _runs(
        self, element: etree.Element, content: _Paragraph, style: str | None, paragraph_bold: bool
    ) -> None:
        for child in element:
            tag = child.tag
            if tag == f"{W}r":
                self._run(child, content, paragraph_bold)
            elif tag in _CONTAINERS:
                self._runs(child, content, style, paragraph_bold)
            elif tag == f"{MC}AlternateContent":
                choice = child.find(f"{MC}Choice")
                if choice is not None:
                    self._runs(choice, content, style, paragraph_bold)

    def _run(self, run: etree.Element, content: _Paragraph, paragraph_bold: bool) -> None:
        rpr = run.find(f"{W}rPr")
        bold = on(rpr.find(f"{W}b")) if rpr is not None else None
        if bold is None and rpr is not None:
            style = rpr.find(f"{W}rStyle")
            if style is not None:
                found = self.styles.first(style.get(f"{W}val"), "bold")
                bold = found if isinstance(found, bool) else None
        if bold is None:
            bold = paragraph_bold
        if rpr is not None and on(rpr.find(f"{W}vanish")):
            return
        font = _font(rpr) or self.default_font
        for child in run:
            tag = child.tag
            if tag == f"{W}t":
                text = child.text or ""
                if is_tcvn3_font(font):
                    text = from_tcvn3(text, font or "")
                elif is_vni_font(font) and not text.isascii():
                    self.vni = True
                content.runs.append((text, bold))
            elif tag in _CHARACTERS:
                content.runs.append((_CHARACTERS[tag], bold))
            elif tag == f"{W}sym":
                content.runs.append((_symbol(child), bold))
            elif tag not in _SKIPPED:
                content.boxes.extend(child.iter(f"{W}txbxContent"))
                for alternate in child.iter(f"{MC}Fallback"):
                    for box in alternate.iter(f"{W}txbxContent"):
                        if box in content.boxes:
                            content.boxes.remove(box)


def _font(rpr: etree.Element | None) -> str | None:
    """The font a run's own properties name for its letters (w:ascii, else w:hAnsi)."""
    fonts = rpr.find(f"{W}rFonts") if rpr is not None else None
    if fonts is None:
        return None
    return fonts.get(f"{W}ascii") or fonts.get(f"{W}hAnsi")


def _default_font(styles: bytes | None) -> str | None:
    """The document's default font: the default paragraph style's, else the docDefaults'."""
    if styles is None:
        return None
    try:
        root = parse_xml(styles)
    except (etree.ParseError, UnsafeXml):
        return None  # the styles part is read (and its errors reported) by Styles.parse
    for style in root.iter(f"{W}style"):
        if style.get(f"{W}type") == "paragraph" and style.get(f"{W}default") == "1":
            found = _font(style.find(f"{W}rPr"))
            if found:
                return found
    defaults = root.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
    return _font(defaults)


def _rows(table: etree.Element) -> Iterator[etree.Element]:
    """The table's own rows (also those inside content controls), not nested tables' rows."""
    for child in table:
        if child.tag == f"{W}tr":
            yield child
        elif child.tag in (f"{W}sdt", f"{W}sdtContent", f"{W}customXml"):
            yield from _rows(child)


def _landscape(section: etree.Element | None) -> bool | None:
    """Whether a section's pages lie landscape (None without section properties)."""
    if section is None:
        return None
    size = section.find(f"{W}pgSz")
    if size is None:
        return None
    if size.get(f"{W}orient") == "landscape":
        return True
    try:
        return int(size.get(f"{W}w", "0")) > int(size.get(f"{W}h", "0"))
    except ValueError:
        return None


def _style_id(ppr: etree.Element | None) -> str | None:
    if ppr is None:
        return None
    element = ppr.find(f"{W}pStyle")
    return element.get(f"{W}val") if element is not None else None


def _symbol(element: etree.Element) -> str:
    code = element.get(f"{W}char", "")
    try:
        value = int(code, 16)
    except ValueError:
        return ""
    if 0xF000 <= value <= 0xF0FF:  # Symbol-font private area: a bullet or dash
        return "-"
    return chr(value)


def _split_lines(runs: list[tuple[str, bool]]) -> Iterator[list[tuple[str, bool]]]:
    """The runs cut at line breaks."""
    current: list[tuple[str, bool]] = []
    for text, bold in runs:
        parts = text.split("\n")
        for index, part in enumerate(parts):
            if index:
                yield current
                current = []
            if part:
                current.append((part, bold))
    yield current
