"""Build the docxtpl Word templates ``templates/ke-hoach.docx`` (Mẫu 1.4) and
``templates/cong-van.docx`` (Mẫu 1.5 of Nghị định 30/2020/NĐ-CP).

Run ``python templates/build_templates.py``; the variables the templates may use are
listed in ``docs/template-context.md``. Building twice gives identical XML parts.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import docx
from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Twips
from docx.styles.style import ParagraphStyle
from docx.table import Table
from docx.text.paragraph import Paragraph

STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
TEMPLATE = Path(__file__).with_name("ke-hoach.docx")
LETTER_TEMPLATE = Path(__file__).with_name("cong-van.docx")
KINH_GUI_INDENT = 2268  # 4 cm: the công văn form sets "Kính gửi:" well right of the margin
KINH_GUI_LIST = KINH_GUI_INDENT + 1000  # dashes under the colon: "Kính gửi" is 17.6 mm at 14 pt
KINH_GUI_HANG = 163  # "- " at 14 pt: a wrapped addressee continues under its first letter
FONT = "Times New Roman"
FIXED_TIME = dt.datetime(2020, 3, 5, tzinfo=dt.timezone.utc)  # NĐ 30 signed and in force
ZIP_TIME = (2020, 3, 5, 0, 0, 0)

CENTER, JUSTIFY, LEFT = (
    WD_ALIGN_PARAGRAPH.CENTER,
    WD_ALIGN_PARAGRAPH.JUSTIFY,
    WD_ALIGN_PARAGRAPH.LEFT,
)


@dataclass(frozen=True)
class Style:
    """A named paragraph style; ``None`` fields are inherited from ``base``."""

    name: str
    base: str = "Normal"
    size: float | None = None
    bold: bool | None = None
    italic: bool | None = None
    align: WD_ALIGN_PARAGRAPH | None = None
    first_line: int | None = None  # twips
    before: int | None = None  # twips
    after: int | None = None  # twips
    line: float | None = None  # multiple of single spacing
    exact_line: int | None = None  # twips
    keep_next: bool | None = None
    widow: bool | None = None


def _block(
    name: str,
    size: float,
    align: WD_ALIGN_PARAGRAPH = CENTER,
    *,
    bold: bool | None = None,
    italic: bool | None = None,
    before: int = 0,
    after: int = 0,
) -> Style:
    """A header or signature style: no first-line indent, single line, no spacing unless given."""
    return Style(
        name,
        size=size,
        bold=bold,
        italic=italic,
        align=align,
        first_line=0,
        before=before,
        after=after,
        line=1.0,
    )


STYLES: tuple[Style, ...] = (
    Style(
        "PF Body",
        size=14,
        align=JUSTIFY,
        first_line=567,
        before=120,
        after=0,
        line=1.15,
        widow=True,
    ),
    Style("PF Heading 1", base="PF Body", bold=True, keep_next=True),
    Style("PF Heading 2", base="PF Body", bold=True, keep_next=True),
    Style("PF Heading 3", base="PF Body", bold=False, keep_next=True),
    Style("PF Body Last", base="PF Body", keep_next=True),
    Style("PF Basis", base="PF Body", italic=True),
    Style("PF Centred", base="PF Body", bold=True, align=CENTER, first_line=0, keep_next=True),
    _block("PF Mark", 13, LEFT, bold=True),
    _block("PF Header Parent", 13, bold=False),
    _block("PF Header Agency", 13, bold=True),
    _block("PF Number", 13),
    _block("PF National Title", 13, bold=True),
    _block("PF Motto", 14, bold=True),
    _block("PF Date", 13, italic=True),
    _block("PF Rule", 14, bold=False),
    Style("PF Agency Rule", base="PF Rule", size=13),
    Style("PF Title Rule", base="PF Rule", after=120),
    _block("PF Type Name", 14, bold=True, before=120),
    _block("PF Subject", 14, bold=True),
    _block("PF Recipients Label", 12, LEFT, bold=True, italic=True),
    _block("PF Recipients", 11, LEFT),
    _block("PF Authority", 14, bold=True),
    _block("PF Signature Image", 14, before=120, after=120),
    Style("PF Signature Space", base="PF Authority", exact_line=1440),
    _block("PF Signer", 14, bold=True),
    _block("PF Page Number", 14),
    _block("PF Letter Subject", 12, before=120),
    Style("PF Kinh Gui", size=14, align=LEFT, first_line=0, before=240, after=120, line=1.0),
    Style("PF Kinh Gui List", base="PF Kinh Gui", before=0, after=0),
)


@dataclass(frozen=True)
class Bold:
    """Text of a run set in bold."""

    text: str


Run = str | Bold
Para = tuple[str, tuple[Run, ...]]


def _loop(
    style: str, opening: str, body: Sequence[Run], closing: str = "{%p endfor %}"
) -> list[Para]:
    """A ``{%p … %}`` opening paragraph, one body paragraph and the closing paragraph."""
    return [(style, (opening,)), (style, tuple(body)), (style, (closing,))]


def _if(style: str, tag: str, runs: Sequence[Run]) -> list[Para]:
    """One branch of the body ``{%p if %}`` chain: its tag paragraph and its paragraph."""
    return [(style, (tag,)), (style, tuple(runs))]


MARKS = _loop("PF Mark", "{%p for m in header.marks %}", ["{{ m }}"])
AGENCY_CELL = [
    *_loop("PF Header Parent", "{%p for line in header.parent_lines %}", ["{{ line }}"]),
    *_loop("PF Header Agency", "{%p for line in header.agency_lines %}", ["{{ line }}"]),
    ("PF Agency Rule", ("{{ header.agency_rule }}",)),
]
NATIONAL_CELL = [
    ("PF National Title", ("{{ header.national_title }}",)),
    ("PF Motto", ("{{ header.motto }}",)),
    ("PF Rule", ("{{ header.motto_rule }}",)),
]
NUMBER_CELL = [("PF Number", ("{{ header.number_line }}",))]
DATE_CELL = [("PF Date", ("{{ header.date_line }}",))]
TITLE = [
    ("PF Type Name", ("{{ title.type_name }}",)),
    ("PF Subject", ("{{ title.subject }}",)),
    ("PF Title Rule", ("{{ title.rule }}",)),
]
BODY = [
    ("PF Body", ("{%p for p in body %}",)),
    *_if("PF Heading 1", '{%p if p.kind == "heading1" %}', ["{{ p.text }}"]),
    *_if("PF Heading 2", '{%p elif p.kind == "heading2" %}', ["{{ p.text }}"]),
    *_if("PF Heading 3", '{%p elif p.kind == "heading3" %}', ["{{ p.text }}"]),
    *_if("PF Body", '{%p elif p.kind == "runin" %}', [Bold("{{ p.lead }}"), " {{ p.text }}"]),
    *_if("PF Basis", '{%p elif p.kind == "basis" %}', ["{{ p.text }}"]),
    *_if("PF Centred", '{%p elif p.kind == "centred" %}', ["{{ p.text }}"]),
    *_if("PF Kinh Gui", '{%p elif p.kind == "kinh_gui" %}', ["{{ p.text }}"]),
    *_if("PF Kinh Gui List", '{%p elif p.kind == "kinh_gui_list" %}', ["{{ p.text }}"]),
    *_if("PF Body", "{%p else %}", ["{{ p.text }}"]),  # kind "text"
    ("PF Body", ("{%p endif %}",)),
    ("PF Body", ("{%p endfor %}",)),
    (
        "PF Body Last",
        ("{% if last.lead %}", Bold("{{ last.lead }}"), " {% endif %}{{ last.text }}"),
    ),
]
RECIPIENTS_CELL = [
    ("PF Recipients Label", ("{{ recipients.label }}",)),
    *_loop("PF Recipients", "{%p for line in recipients.lines %}", ["{{ line }}"]),
]
SIGNATURE_CELL = [
    *_loop("PF Authority", "{%p for a in signature.authority_lines %}", ["{{ a }}"]),
    ("PF Authority", ("{{ signature.title }}",)),
    ("PF Signature Image", ("{%p if signature.image %}",)),
    ("PF Signature Image", ("{{ signature.image }}",)),
    ("PF Signature Space", ("{%p else %}",)),
    ("PF Signature Space", ()),
    ("PF Signature Space", ("{%p endif %}",)),
    ("PF Signer", ("{{ signature.name }}",)),
]


LETTER_NUMBER_CELL = [
    ("PF Number", ("{{ header.number_line }}",)),
    ("PF Letter Subject", ("{{ letter.subject }}",)),
]
KINH_GUI = [
    ("PF Kinh Gui", ("{%p if letter.addressee %}",)),
    ("PF Kinh Gui", ("Kính gửi: {{ letter.addressee }}",)),
    ("PF Kinh Gui", ("{%p else %}",)),
    ("PF Kinh Gui", ("Kính gửi:",)),
    *_loop("PF Kinh Gui List", "{%p for line in letter.addressees %}", ["{{ line }}"]),
    ("PF Kinh Gui", ("{%p endif %}",)),
]


def build_ke_hoach(path: str | Path = TEMPLATE) -> None:
    """Build the Kế hoạch template at ``path``."""
    _build(path, "Kế hoạch", "Mẫu 1.4, Nghị định 30/2020/NĐ-CP", letter=False)


def build_cong_van(path: str | Path = LETTER_TEMPLATE) -> None:
    """Build the công văn template at ``path``: "V/v" under the number, "Kính gửi", no type name."""
    _build(path, "Công văn", "Mẫu 1.5, Nghị định 30/2020/NĐ-CP", letter=True)


def _build(path: str | Path, title: str, subject: str, *, letter: bool) -> None:
    doc = docx.Document()
    _setup_package(doc, title, subject)
    _setup_styles(doc)
    _setup_section(doc)
    _build_body(doc, letter=letter)
    _indent_kinh_gui(doc)  # a tờ trình sent upward has its "Kính gửi" too (PL I, II.9.b)
    buffer = io.BytesIO()
    doc.save(buffer)
    _write_fixed_zip(buffer.getvalue(), Path(path))


def _indent_kinh_gui(doc: Document) -> None:
    """The "Kính gửi" paragraphs start 4 cm in; the list lines up under the colon."""
    doc.styles["PF Kinh Gui"].paragraph_format.left_indent = Twips(KINH_GUI_INDENT)
    listed = doc.styles["PF Kinh Gui List"].paragraph_format
    listed.left_indent = Twips(KINH_GUI_LIST + KINH_GUI_HANG)
    listed.first_line_indent = Twips(-KINH_GUI_HANG)


def docx_parts(path: str | Path) -> dict[str, bytes]:
    """Every part of a .docx package by name, ignoring zip metadata such as timestamps."""
    with zipfile.ZipFile(path) as package:
        return {name: package.read(name) for name in sorted(package.namelist())}


def _write_fixed_zip(data: bytes, path: Path) -> None:
    """Rewrite the package with fixed timestamps so that rebuilds are byte-identical."""
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(path, "w") as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, source.read(info))


# --- package -------------------------------------------------------------------------


def _setup_package(doc: Document, title: str, subject: str) -> None:
    """Fixed core properties; drop the parts of python-docx's default file that are not needed."""
    props = doc.core_properties
    props.author = props.last_modified_by = "planforge"
    props.title = title
    props.subject = subject
    props.comments = props.keywords = props.category = ""
    props.created = props.modified = FIXED_TIME
    props.revision = 1
    package_rels = doc.part.package.rels
    for r_id, rel in list(package_rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            package_rels.pop(r_id)
    for r_id, rel in list(doc.part.rels.items()):
        if rel.reltype in (RT.CUSTOM_XML, STYLES_WITH_EFFECTS):
            doc.part.rels.pop(r_id)
    compat = doc.settings.element.find(qn("w:compat"))
    for setting in compat if compat is not None else ():
        if setting.get(qn("w:name")) == "compatibilityMode":
            setting.set(qn("w:val"), "15")  # Word 2013+: table indent is the border edge


# --- styles --------------------------------------------------------------------------

KEPT_STYLES = {"Normal", "DefaultParagraphFont", "TableNormal", "NoList"}


def _setup_styles(doc: Document) -> None:
    """Times New Roman 14 pt everywhere, no theme fonts, and the "PF …" paragraph styles."""
    root = doc.styles.element
    for style in root.findall(qn("w:style")):
        if style.get(qn("w:styleId")) not in KEPT_STYLES:
            root.remove(style)
    defaults = root.find(qn("w:docDefaults"))
    root.replace(defaults, parse_xml(_DOC_DEFAULTS))
    normal = doc.styles["Normal"]
    _set_run_properties(normal.element, Style("Normal", size=14))
    for spec in STYLES:
        _add_style(doc, spec)
    _strip_theme_fonts(root)


_DOC_DEFAULTS = (
    f"<w:docDefaults {nsdecls('w')}><w:rPrDefault><w:rPr>"
    f'<w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:eastAsia="{FONT}" w:cs="{FONT}"/>'
    '<w:color w:val="auto"/><w:sz w:val="28"/><w:szCs w:val="28"/>'
    '<w:lang w:val="vi-VN" w:eastAsia="vi-VN" w:bidi="ar-SA"/>'
    "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>"
    '<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>'
    "</w:pPr></w:pPrDefault></w:docDefaults>"
)


def _add_style(doc: Document, spec: Style) -> None:
    """Add one paragraph style, with explicit fonts and its paragraph format."""
    style = doc.styles.add_style(spec.name, WD_STYLE_TYPE.PARAGRAPH)
    assert isinstance(style, ParagraphStyle)
    style.base_style = doc.styles[spec.base]
    style.quick_style = True
    if spec.base == "PF Body":  # Enter after a heading continues with body text
        style.next_paragraph_style = doc.styles["PF Body"]
    fmt = style.paragraph_format
    if spec.align is not None:
        fmt.alignment = spec.align
    if spec.first_line is not None:
        fmt.first_line_indent = Twips(spec.first_line)
    if spec.before is not None:
        fmt.space_before = Twips(spec.before)
    if spec.after is not None:
        fmt.space_after = Twips(spec.after)
    if spec.line is not None:
        fmt.line_spacing = spec.line
    if spec.exact_line is not None:
        fmt.line_spacing = Twips(spec.exact_line)
    if spec.keep_next is not None:
        fmt.keep_with_next = spec.keep_next
    if spec.widow is not None:
        fmt.widow_control = spec.widow
    _set_run_properties(style.element, spec)


def _set_run_properties(style: BaseOxmlElement, spec: Style) -> None:
    """Replace a style's run properties: fonts, bold, italic and size, in schema order."""
    old = style.find(qn("w:rPr"))
    if old is not None:
        style.remove(old)
    rpr = OxmlElement("w:rPr")
    fonts = OxmlElement("w:rFonts")
    for attr in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{attr}"), FONT)
    rpr.append(fonts)
    for tag, value in (("w:b", spec.bold), ("w:i", spec.italic)):
        if value is not None:
            rpr.append(_on_off(tag, value))
    if spec.size is not None:
        for tag in ("w:sz", "w:szCs"):
            size = OxmlElement(tag)
            size.set(qn("w:val"), str(round(spec.size * 2)))
            rpr.append(size)
    style.append(rpr)


def _on_off(tag: str, value: bool) -> BaseOxmlElement:
    element = OxmlElement(tag)
    if not value:
        element.set(qn("w:val"), "0")
    return element


def _strip_theme_fonts(root: BaseOxmlElement) -> None:
    """Remove every ``*Theme`` font attribute so that no theme font can take effect."""
    for fonts in root.iter(qn("w:rFonts")):
        for attr in list(fonts.attrib):
            if attr.lower().endswith("theme"):
                del fonts.attrib[attr]


# --- section, page header ------------------------------------------------------------


def _setup_section(doc: Document) -> None:
    """A4 portrait, NĐ 30 margins, page number centred in the header from page 2 on."""
    section = doc.sections[0]
    section.page_width, section.page_height = Twips(11906), Twips(16838)
    section.top_margin = section.bottom_margin = Twips(1134)
    section.left_margin, section.right_margin = Twips(1701), Twips(851)
    section.header_distance = section.footer_distance = Twips(567)
    section.gutter = Twips(0)
    section.different_first_page_header_footer = True
    first = section.first_page_header
    first.is_linked_to_previous = False
    first.paragraphs[0].style = doc.styles["PF Page Number"]
    header = section.header
    header.is_linked_to_previous = False
    _add_page_field(header.paragraphs[0])
    header.paragraphs[0].style = doc.styles["PF Page Number"]


def _add_page_field(paragraph: Paragraph) -> None:
    """Append a PAGE field (begin, instruction, separate, result, end)."""
    runs = (
        '<w:fldChar w:fldCharType="begin"/>',
        '<w:instrText xml:space="preserve"> PAGE </w:instrText>',
        '<w:fldChar w:fldCharType="separate"/>',
        "<w:t>2</w:t>",
        '<w:fldChar w:fldCharType="end"/>',
    )
    for content in runs:
        paragraph._p.append(parse_xml(f"<w:r {nsdecls('w')}>{content}</w:r>"))


# --- body ----------------------------------------------------------------------------


def _build_body(doc: Document, *, letter: bool = False) -> None:
    """Marks, header table, title block (or "Kính gửi"), body, signature table, closing mark."""
    _add_paragraphs(doc, MARKS)
    # Header cells have no side padding: the centred texts never meet, and the
    # national title (95.7 mm) and a long date line (98.7 mm) need the room.
    header = _add_table(doc, widths=(3969, 5811), indent=-425, top=0, rows=2, side=0)
    _fill(header, 0, 0, AGENCY_CELL)
    _fill(header, 0, 1, NATIONAL_CELL)
    _fill(header, 1, 0, LETTER_NUMBER_CELL if letter else NUMBER_CELL)
    _fill(header, 1, 1, DATE_CELL)
    _add_paragraphs(doc, [*(KINH_GUI if letter else TITLE), *BODY])
    signature = _add_table(doc, widths=(3686, 5669), indent=0, top=120, rows=1)
    _fill(signature, 0, 0, RECIPIENTS_CELL)
    _fill(signature, 0, 1, SIGNATURE_CELL)
    for row in signature.rows:
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    doc.element.body.sectPr.addprevious(parse_xml(_TAIL))


_TAIL = (  # the paragraph Word needs after a final table: 1 pt high so it never makes a page
    f'<w:p {nsdecls("w")}><w:pPr><w:spacing w:before="0" w:after="0" w:line="20" '
    'w:lineRule="exact"/><w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr></w:pPr></w:p>'
)


def _add_paragraphs(doc: Document, paras: Iterable[Para]) -> None:
    for style, runs in paras:
        _write(doc.add_paragraph(style=style), runs)


def _fill(table: Table, row: int, col: int, paras: Sequence[Para]) -> None:
    """Write paragraphs into a cell, reusing the empty paragraph every cell starts with."""
    cell = table.cell(row, col)
    for index, (style, runs) in enumerate(paras):
        paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
        paragraph.style = style
        _write(paragraph, runs)


def _write(paragraph: Paragraph, runs: Iterable[Run]) -> None:
    """One run per item, so that every Jinja tag lives in a single run."""
    for item in runs:
        if isinstance(item, Bold):
            paragraph.add_run(item.text).bold = True
        else:
            paragraph.add_run(item)


def _add_table(
    doc: Document, widths: tuple[int, int], indent: int, top: int, rows: int, side: int = 57
) -> Table:
    """A borderless fixed-layout table with fixed column widths (twips)."""
    table: Table = doc.add_table(rows=rows, cols=len(widths))
    tbl = table._tbl
    tbl.remove(tbl.tblPr)
    tbl.insert(0, parse_xml(_table_properties(sum(widths), indent, top, side)))
    for col, width in zip(tbl.tblGrid.findall(qn("w:gridCol")), widths, strict=True):
        col.set(qn("w:w"), str(width))
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = Twips(width)
    return table


def _table_properties(width: int, indent: int, top: int, side: int) -> str:
    borders = "".join(
        f'<w:{side} w:val="nil"/>'
        for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    return (
        f"<w:tblPr {nsdecls('w')}>"
        f'<w:tblW w:w="{width}" w:type="dxa"/><w:tblInd w:w="{indent}" w:type="dxa"/>'
        f'<w:tblBorders>{borders}</w:tblBorders><w:tblLayout w:type="fixed"/>'
        f'<w:tblCellMar><w:top w:w="{top}" w:type="dxa"/><w:left w:w="{side}" w:type="dxa"/>'
        f'<w:bottom w:w="0" w:type="dxa"/><w:right w:w="{side}" w:type="dxa"/></w:tblCellMar>'
        '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" '
        'w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr>'
    )


if __name__ == "__main__":
    build_ke_hoach(TEMPLATE)
    print(f"wrote {TEMPLATE}")
    build_cong_van(LETTER_TEMPLATE)
    print(f"wrote {LETTER_TEMPLATE}")
