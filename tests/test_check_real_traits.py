"""Traits of real Word files that are no fault, and the faults they must not hide.

Measured on Word files written by agencies, the checker reported things that are right:
a line drawn as a shape anchored in the paragraph below the one it underlines (the
"Số" or the date paragraph, the first body paragraph); no page numbers on a one-page
letter; "- Lưu: VT, P.CNTT." and the typist's initials in subscript; a legal
document's number with its year ("15/2010/QĐ-UBND"); fonts in slots no character
prints with (``w:cs``, ``w:eastAsia``); numbering switched off (``numId`` 0); a legacy
font named as something else; a header laid out with spaces. Each trait is built here
into the factory document the way Word writes it: the document stays clean. Each has
a twin with a real fault that must still be found.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from factories import plan as factory_plan
from lxml import etree
from test_check_rules import (
    W_NS,
    Package,
    codes,
    described,
    edited,
    longer,
    remove,
    run_property,
    section,
    set_text,
    text_of,
    w,
)

from planforge import render_plan
from planforge.checking.check import check_document, read_document
from planforge.checking.text import rule_mm

NAMESPACES = (
    f'xmlns:w="{W_NS}" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"'
)


@pytest.fixture(scope="module")
def factory_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return render_plan(factory_plan(), tmp_path_factory.mktemp("real") / "factory.docx")


@pytest.fixture(scope="module")
def rules_mm(factory_docx: Path) -> dict[str, float]:
    """Lengths of the factory's own lines (underscores) under the agency, motto, subject."""
    parts = read_document(factory_docx).parts
    found = {"agency": parts.agency_rule, "motto": parts.motto_rule, "subject": parts.title_rule}
    lengths = {name: rule_mm(p.paragraph, p.runs) if p else None for name, p in found.items()}
    assert all(lengths.values()), lengths
    return {name: length for name, length in lengths.items() if length}


# --- how Word draws a line -----------------------------------------------------------------


def word_line(width_mm: float, *, above_pt: float = 6) -> str:
    """A run with a straight line as Word 2010+ saves it: DrawingML (``wps``) with a VML
    fallback, anchored in the paragraph and lifted ``above_pt`` above its text."""
    cx, lift = round(width_mm * 36000), -round(above_pt * 12700)
    width_pt = width_mm * 72 / 25.4
    return (
        "<w:r><mc:AlternateContent><mc:Choice Requires='wps'><w:drawing>"
        '<wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" '
        'relativeHeight="251659264" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
        '<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>'
        f'450000</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph">'
        f'<wp:posOffset>{lift}</wp:posOffset></wp:positionV><wp:extent cx="{cx}" cy="0"/>'
        '<wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>'
        '<wp:docPr id="7" name="Straight Connector 7"/><wp:cNvGraphicFramePr/><a:graphic>'
        '<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        f'<wps:wsp><wps:cNvCnPr/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="0"/>'
        '</a:xfrm><a:prstGeom prst="line"><a:avLst/></a:prstGeom><a:ln w="6350"/></wps:spPr>'
        "<wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>"
        "</mc:Choice><mc:Fallback><w:pict>"
        f'<v:line id="Line 7" o:spid="_x0000_s1026" style="position:absolute;z-index:251659264;'
        f'margin-top:-{above_pt}pt" from="35.45pt,-{above_pt}pt" '
        f'to="{35.45 + width_pt:.2f}pt,-{above_pt}pt" strokeweight=".5pt"/>'
        "</w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    )


def vml_line(width_mm: float) -> str:
    """A run with a VML ``v:line``, as Word 2003 and converters save a drawn line."""
    width_pt = width_mm * 72 / 25.4
    return (
        '<w:r><w:pict><v:line id="_x0000_s1027" style="position:absolute;z-index:1" '
        f'from="60pt,-5pt" to="{60 + width_pt:.2f}pt,-5pt"/></w:pict></w:r>'
    )


def _append_run(p: etree._Element, run_xml: str) -> None:
    p.append(etree.fromstring(run_xml.replace("<w:r>", f"<w:r {NAMESPACES}>", 1)))


def _underscores(xml: Package, start: str) -> etree._Element:
    """The paragraph of underscores right after the one starting with ``start``."""
    line = xml.paragraph(start).getnext()
    assert line is not None and set(text_of(line)) == {"_"}, start
    return line


def _line_in_next(
    under: str, holder: str, run: Callable[[float], str], share: str
) -> Callable[[Package, dict[str, float]], None]:
    """The underscores under ``under`` replaced by a shape anchored in ``holder``."""

    def change(xml: Package, lengths: dict[str, float]) -> None:
        remove(_underscores(xml, under))
        _append_run(xml.paragraph(holder), run(lengths[share]))

    return change


def _both_lines_in_number(xml: Package, lengths: dict[str, float]) -> None:
    """Both lines anchored in the "Số" paragraph, the motto's reaching into the right cell."""
    remove(_underscores(xml, "TỈNH LÂM ĐỒNG"))
    remove(_underscores(xml, "Độc lập"))
    number = xml.paragraph("Số:")
    _append_run(number, word_line(lengths["agency"]))
    _append_run(number, word_line(lengths["motto"]))


def _only_agency_line_in_number(xml: Package, lengths: dict[str, float]) -> None:
    remove(_underscores(xml, "Độc lập"))
    remove(_underscores(xml, "TỈNH LÂM ĐỒNG"))
    _append_run(xml.paragraph("Số:"), word_line(lengths["agency"]))


def _no_agency_line(xml: Package, lengths: dict[str, float]) -> None:
    remove(_underscores(xml, "TỈNH LÂM ĐỒNG"))


def _short_line_in_number(xml: Package, lengths: dict[str, float]) -> None:
    remove(_underscores(xml, "TỈNH LÂM ĐỒNG"))
    _append_run(xml.paragraph("Số:"), word_line(lengths["agency"] / 4))


# --- page numbers, recipients, numbers --------------------------------------------------------


def _no_page_numbers(xml: Package, lengths: dict[str, float]) -> None:
    for name in [n for n in xml.data if n.startswith("word/header")]:
        for run in list(xml.part(name).iter(w("r"))):
            remove(run)
    title_pg = section(xml).find(w("titlePg"))
    assert title_pg is not None
    remove(title_pg)


def _no_page_numbers_two_pages(xml: Package, lengths: dict[str, float]) -> None:
    _no_page_numbers(xml, lengths)
    longer(xml)


def _archive(text: str, note: str = "") -> Callable[[Package, dict[str, float]], None]:
    """The archive line as ``text``, with ``note`` after it in 8 pt subscript."""

    def change(xml: Package, lengths: dict[str, float]) -> None:
        line = xml.paragraph("- Lưu")
        set_text(line, text)
        if note:
            _append_run(
                line,
                '<w:r><w:rPr><w:sz w:val="16"/><w:vertAlign w:val="subscript"/></w:rPr>'
                f"<w:t>{note}</w:t></w:r>",
            )

    return change


def _number(type_name: str, number: str) -> Callable[[Package, dict[str, float]], None]:
    def change(xml: Package, lengths: dict[str, float]) -> None:
        set_text(xml.paragraph("KẾ HOẠCH"), type_name)
        set_text(xml.paragraph("Số:"), number)

    return change


# --- fonts -------------------------------------------------------------------------------------


def _unused_slots(xml: Package, lengths: dict[str, float]) -> None:
    """Body and agency runs name a legacy complex-script font and an East Asian one."""
    for start in ("Tăng cường", "ỦY BAN"):
        run_property(xml.paragraph(start), "rFonts", cs=".VnTime", eastAsia="SimSun")


def _east_asian_hint(xml: Package, lengths: dict[str, float]) -> None:
    """``w:hint="eastAsia"`` and SimSun: Word still prints Vietnamese letters in hAnsi."""
    run_property(xml.paragraph("Tăng cường"), "rFonts", eastAsia="SimSun", hint="eastAsia")


def _east_asian_hint_quotes(xml: Package, lengths: dict[str, float]) -> None:
    """...but the quotation marks of general punctuation print in SimSun."""
    _east_asian_hint(xml, lengths)
    body = xml.paragraph("Tăng cường")
    set_text(body, text_of(body).replace("phòng ngừa", "“phòng ngừa”"))


def _vietnamese_in_arial(xml: Package, lengths: dict[str, float]) -> None:
    """Arial in the hAnsi slot only: the Vietnamese letters print in it."""
    run_property(xml.paragraph("Tăng cường"), "rFonts", hAnsi="Arial")


NUMBERED_STYLE = (
    f'<w:style {NAMESPACES} w:type="paragraph" w:styleId="ListNumbered">'
    '<w:name w:val="List Numbered"/><w:basedOn w:val="PFBodyLast"/>'
    '<w:pPr><w:numPr><w:numId w:val="90"/></w:numPr></w:pPr></w:style>'
)
NUMBERING = (
    f'<w:abstractNum {NAMESPACES} w:abstractNumId="90"><w:lvl w:ilvl="0">'
    '<w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\uf0b7"/>'
    '<w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr>'
    '<w:rPr><w:rFonts w:ascii="Symbol" w:hAnsi="Symbol"/></w:rPr></w:lvl></w:abstractNum>'
)


def _numbered_style(xml: Package) -> etree._Element:
    """The body paragraph in a style whose numbering gives a hanging indent and Symbol."""
    xml.styles.append(etree.fromstring(NUMBERED_STYLE))
    numbering = xml.part("word/numbering.xml")
    first_num = numbering.find(w("num"))
    abstract = etree.fromstring(NUMBERING)
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(
        etree.fromstring(f'<w:num {NAMESPACES} w:numId="90"><w:abstractNumId w:val="90"/></w:num>')
    )
    body = xml.paragraph("Tăng cường")
    ppr = body.find(w("pPr"))
    assert ppr is not None
    style = ppr.find(w("pStyle"))
    assert style is not None
    style.set(w("val"), "ListNumbered")
    return ppr


def _numbering_off(xml: Package, lengths: dict[str, float]) -> None:
    """...switched off on the paragraph itself: ``<w:numPr><w:numId w:val="0"/>``."""
    ppr = _numbered_style(xml)
    ppr.append(etree.fromstring(f'<w:numPr {NAMESPACES}><w:numId w:val="0"/></w:numPr>'))


def _numbering_on(xml: Package, lengths: dict[str, float]) -> None:
    _numbered_style(xml)


def _legacy_with_bullet(font: str) -> Callable[[Package, dict[str, float]], None]:
    """Body text in a legacy font, led by a Wingdings bullet inserted as a symbol."""

    def change(xml: Package, lengths: dict[str, float]) -> None:
        body = xml.paragraph("Tăng cường")
        run_property(body, "rFonts", ascii=font, hAnsi=font)
        first = body.find(w("r"))
        assert first is not None
        first.addprevious(
            etree.fromstring(
                f'<w:r {NAMESPACES}><w:rPr><w:rFonts w:ascii="Wingdings" w:hAnsi="Wingdings"/>'
                '</w:rPr><w:sym w:font="Wingdings" w:char="F0A7"/><w:tab/></w:r>'
            )
        )

    return change


# --- a header laid out with spaces -------------------------------------------------------------


def _bold_run(text: str, size: int, *, bold: bool = True, italic: bool = False) -> str:
    marks = ("<w:b/>" if bold else "") + ("<w:i/>" if italic else "")
    return (
        f'<w:r><w:rPr>{marks}<w:sz w:val="{size * 2}"/></w:rPr>'
        f'<w:t xml:space="preserve">{text}</w:t></w:r>'
    )


def _spaced_header(xml: Package, lengths: dict[str, float]) -> None:
    """The header table replaced by paragraphs whose two columns are apart by spaces."""
    gap = " " * 12
    lines = [
        _bold_run("ỦY BAN NHÂN DÂN" + gap, 13)
        + _bold_run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 13),
        _bold_run("TỈNH LÂM ĐỒNG", 13) + _bold_run(gap + "Độc lập - Tự do - Hạnh phúc", 14),
        _bold_run("________" + gap, 13, bold=False) + _bold_run("________________________", 14),
        _bold_run("Số: 7851/KH-UBND" + gap, 13, bold=False)
        + _bold_run("Lâm Đồng, ngày 04 tháng 11 năm 2021", 13, bold=False, italic=True),
    ]
    table = xml.document.find(f"{{{W_NS}}}body/{{{W_NS}}}tbl")
    assert table is not None
    for line in lines:
        table.addprevious(etree.fromstring(f"<w:p {NAMESPACES}>{line}</w:p>"))
    remove(table)


def _spaced_header_drawn_lines(xml: Package, lengths: dict[str, float]) -> None:
    """The spaced header with both lines drawn in one empty paragraph instead of underscores."""
    _spaced_header(xml, lengths)
    line = xml.paragraph("________")
    drawn = word_line(lengths["motto"]) + word_line(lengths["agency"])
    line.addprevious(etree.fromstring(f"<w:p {NAMESPACES}>{drawn}</w:p>"))
    remove(line)


Change = Callable[[Package, dict[str, float]], None]

TRAITS: dict[str, Change] = {
    "agency line drawn in the Số paragraph": _line_in_next(
        "TỈNH LÂM ĐỒNG", "Số:", word_line, "agency"
    ),
    "motto line drawn in the date paragraph": _line_in_next(
        "Độc lập", "Lâm Đồng, ngày", word_line, "motto"
    ),
    "motto line as a VML line in the date paragraph": _line_in_next(
        "Độc lập", "Lâm Đồng, ngày", vml_line, "motto"
    ),
    "subject line drawn in the first body paragraph": _line_in_next(
        "Triển khai", "Thực hiện", word_line, "subject"
    ),
    "one page without page numbers": _no_page_numbers,
    "Lưu: VT, P.CNTT.": _archive("- Lưu: VT, P.CNTT."),
    "Lưu with subscript initials": _archive("- Lưu: VT, TH.", "(02b)"),
    "number with a year, quyết định": _number("QUYẾT ĐỊNH", "Số: 15/2010/QĐ-UBND"),
    "number with a year, nghị quyết": _number("NGHỊ QUYẾT", "Số: 12/2024/NQ-HĐND"),
    "legacy and East Asian fonts in unused slots": _unused_slots,
    "East Asian hint on Vietnamese letters": _east_asian_hint,
    "numbering switched off with numId 0": _numbering_off,
    "header laid out with spaces": _spaced_header,
    "spaced header, both lines drawn in one paragraph": _spaced_header_drawn_lines,
    "both lines drawn in the Số paragraph": _both_lines_in_number,
}
"""Each trait of real Word files: the document stays clean."""

FAULTS: dict[str, tuple[str, Change]] = {
    "no line under the agency": ("H3", _no_agency_line),
    "only the agency's line drawn, none under the motto": ("H2", _only_agency_line_in_number),
    "a drawn line too short for the agency": ("H3", _short_line_in_number),
    "two pages without page numbers": ("P6", _no_page_numbers_two_pages),
    "Lưu line without its full stop": ("R2", _archive("- Lưu: VT, P.CNTT")),
    "Lưu line ending in a semicolon": ("R2", _archive("- Lưu: VT, TH;", "(02b)")),
    "a two-digit year in the number": ("H4", _number("QUYẾT ĐỊNH", "Số: 15/10/QĐ-UBND")),
    "a number with a year below 10": ("H4", _number("QUYẾT ĐỊNH", "Số: 5/2010/QĐ-UBND")),
    "an unknown code with a year": ("H5", _number("QUYẾT ĐỊNH", "Số: 15/2010/XY-UBND")),
    "East Asian hint: quotation marks in SimSun": ("P4", _east_asian_hint_quotes),
    "Vietnamese letters in Arial (hAnsi)": ("P4", _vietnamese_in_arial),
    "numbering left on: hanging indent": ("B1", _numbering_on),
}
"""A real fault next to each trait: exactly its rule fires."""


def _build(factory: Path, target: Path, change: Change, lengths: dict[str, float]) -> Path:
    return edited(factory, target, lambda xml: change(xml, lengths))


@pytest.mark.parametrize("trait", sorted(TRAITS))
def test_a_trait_of_real_word_files_is_no_finding(
    trait: str, factory_docx: Path, rules_mm: dict[str, float], tmp_path: Path
) -> None:
    document = _build(factory_docx, tmp_path / "trait.docx", TRAITS[trait], rules_mm)
    findings = check_document(document)
    assert findings == [], described(findings)


@pytest.mark.parametrize("fault", sorted(FAULTS))
def test_the_fault_beside_each_trait_is_still_found(
    fault: str, factory_docx: Path, rules_mm: dict[str, float], tmp_path: Path
) -> None:
    code, change = FAULTS[fault]
    findings = check_document(_build(factory_docx, tmp_path / "fault.docx", change, rules_mm))
    assert codes(findings) == [code], described(findings)


def test_a_line_anchored_below_is_the_line_of_the_part_above(
    factory_docx: Path, rules_mm: dict[str, float], tmp_path: Path
) -> None:
    """The agency's line is the shape in the "Số" paragraph, measured from its extent."""
    change = TRAITS["agency line drawn in the Số paragraph"]
    parts = read_document(_build(factory_docx, tmp_path / "a.docx", change, rules_mm)).parts
    assert parts.agency_rule is not None and parts.agency_rule.text.startswith("Số:")
    assert parts.agency_rule.paragraph.drawn_lines_mm == (pytest.approx(rules_mm["agency"]),)


def test_the_spaced_header_is_read_column_by_column(
    factory_docx: Path, rules_mm: dict[str, float], tmp_path: Path
) -> None:
    parts = read_document(_build(factory_docx, tmp_path / "s.docx", _spaced_header, rules_mm)).parts
    assert [p.text for p in parts.agencies] == ["ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG"]
    assert parts.national_title is not None and parts.national_title.side == ("tab", 1)
    assert parts.number is not None and parts.number.text == "Số: 7851/KH-UBND"
    assert parts.date is not None and parts.date.index == parts.number.index


def test_a_blank_draft_number_is_not_split_into_columns(factory_docx: Path, tmp_path: Path) -> None:
    """The spaces of "Số:      /KH-UBND" are a blank to fill in, not a column gap."""

    def blank(xml: Package) -> None:
        set_text(xml.paragraph("Số:"), "Số:      /KH-UBND")

    parts = read_document(edited(factory_docx, tmp_path / "b.docx", blank)).parts
    assert parts.number is not None and parts.number.text == "Số:      /KH-UBND"


@pytest.mark.parametrize(("font", "encoding"), [(".VnTime", "TCVN3"), ("VNI-Times", "VNI")])
def test_a_legacy_font_is_named_with_its_encoding_not_as_the_bullet_font(
    font: str, encoding: str, factory_docx: Path, rules_mm: dict[str, float], tmp_path: Path
) -> None:
    """One P4 finding, naming the legacy font and its encoding; the Wingdings bullet is
    a symbol, not text."""
    change = _legacy_with_bullet(font)
    findings = check_document(_build(factory_docx, tmp_path / "l.docx", change, rules_mm))
    assert [f.code for f in findings] == ["P4"], described(findings)
    assert font in findings[0].message and encoding in findings[0].message
    assert "Wingdings" not in findings[0].message
