"""Documents written the way Word users write them, not the way planforge does.

Fonts named only by the theme or by a character style; the header in tab-separated
plain paragraphs; its table columns swapped; a drawn line (DrawingML or VML) or a
paragraph border for the rule under the motto; "HOÀ" and no-break spaces. Each is
judged by what Word would print: clean when it is right, its rule when it is not.
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
    remove,
    run_property,
    set_text,
    text_of,
    w,
)

from planforge import render_plan
from planforge.checking.check import check_document, read_document

A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
FONT_SLOTS = ("ascii", "hAnsi", "eastAsia", "cs")
NAMESPACES = (
    f'xmlns:w="{W_NS}" xmlns:a="{A_NS}" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"'
)


@pytest.fixture(scope="module")
def factory_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return render_plan(factory_plan(), tmp_path_factory.mktemp("word") / "factory.docx")


# --- fonts through themes and styles -----------------------------------------------------


def _theme_fonts(face: str) -> Callable[[Package], None]:
    """Every style names no font; the defaults point to the theme's minor font, ``face``."""

    def change(xml: Package) -> None:
        for fonts in list(xml.styles.iter(w("rFonts"))):
            remove(fonts)
        defaults = xml.styles.find(f".//{{{W_NS}}}rPrDefault/{{{W_NS}}}rPr")
        assert defaults is not None
        fonts = etree.SubElement(defaults, w("rFonts"))
        for slot in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
            fonts.set(w(slot), "minorHAnsi")
        theme = xml.part("word/theme/theme1.xml")
        latin = theme.find(f".//{{{A_NS}}}minorFont/{{{A_NS}}}latin")
        assert latin is not None
        latin.set("typeface", face)

    return change


def _character_style(xml: Package) -> None:
    """A character style "Emphasis Arial" given to the body's first run."""
    style = etree.fromstring(
        f'<w:style {NAMESPACES} w:type="character" w:styleId="EmArial">'
        '<w:name w:val="Emphasis Arial"/><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial"/>'
        "</w:rPr></w:style>"
    )
    xml.styles.append(style)
    run = xml.paragraph("Tăng cường").find(w("r"))
    assert run is not None
    rpr = etree.SubElement(run, w("rPr"))
    run.insert(0, rpr)
    etree.SubElement(rpr, w("rStyle")).set(w("val"), "EmArial")


def test_times_new_roman_from_the_theme_alone_is_accepted(
    factory_docx: Path, tmp_path: Path
) -> None:
    """No style names a font; the theme's minor font is Times New Roman: clean."""
    document = edited(factory_docx, tmp_path / "theme.docx", _theme_fonts("Times New Roman"))
    runs = read_document(document).paragraphs[0].paragraph.runs
    assert runs[0].font_hansi == "Times New Roman"
    assert check_document(document) == []


def test_a_theme_font_that_is_not_times_new_roman_is_found(
    factory_docx: Path, tmp_path: Path
) -> None:
    """The same document whose theme says Cambria: P4 names Cambria, nothing else fires."""
    findings = check_document(edited(factory_docx, tmp_path / "c.docx", _theme_fonts("Cambria")))
    assert codes(findings) == ["P4"] and "Cambria" in findings[0].message


def test_a_font_given_by_a_character_style_is_found(factory_docx: Path, tmp_path: Path) -> None:
    """A run whose character style sets Arial is in Arial, though its paragraph is not."""
    findings = check_document(edited(factory_docx, tmp_path / "cs.docx", _character_style))
    assert codes(findings) == ["P4"] and "Arial" in findings[0].message, described(findings)


# --- the header as Word users build it ---------------------------------------------------


def _run(text: str, size: int, *, bold: bool = False, italic: bool = False) -> str:
    marks = ("<w:b/>" if bold else "") + ("<w:i/>" if italic else "")
    properties = f'<w:rPr>{marks}<w:sz w:val="{size * 2}"/></w:rPr>'
    return f'<w:r>{properties}<w:t xml:space="preserve">{text}</w:t></w:r>'


TAB = "<w:r><w:tab/></w:r>"


def _tabbed_header(xml: Package) -> None:
    """The header table replaced by four plain paragraphs, left and right parts split by tabs."""
    lines = [
        _run("ỦY BAN NHÂN DÂN", 13, bold=True)
        + TAB
        + _run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 13, bold=True),
        _run("TỈNH LÂM ĐỒNG", 13, bold=True)
        + TAB
        + _run("Độc lập - Tự do - Hạnh phúc", 14, bold=True),
        _run("________", 13) + TAB + _run("________________________", 14),
        _run("Số: 7851/KH-UBND", 13)
        + TAB
        + _run("Lâm Đồng, ngày 04 tháng 11 năm 2021", 13, italic=True),
    ]
    table = xml.document.find(f"{{{W_NS}}}body/{{{W_NS}}}tbl")
    assert table is not None
    for line in lines:
        table.addprevious(etree.fromstring(f"<w:p {NAMESPACES}>{line}</w:p>"))
    remove(table)


def _swapped_columns(xml: Package) -> None:
    """The national title on the left, the agency on the right."""
    table = xml.document.find(f"{{{W_NS}}}body/{{{W_NS}}}tbl")
    assert table is not None
    for row in table.iter(w("tr")):
        cells = row.findall(w("tc"))
        cells[1].addnext(cells[0])


def _hoa_and_nbsp(xml: Package) -> None:
    set_text(xml.paragraph("CỘNG HÒA"), "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    set_text(xml.paragraph("Độc lập"), "Độc lập\u00a0-\u00a0Tự do\u00a0-\u00a0Hạnh phúc")


def _motto_line(xml_line: str) -> Callable[[Package], None]:
    """The underscores under the motto replaced by an empty paragraph holding ``xml_line``."""

    def change(xml: Package) -> None:
        rule = xml.paragraph("Độc lập").getnext()
        assert rule is not None and set(text_of(rule)) == {"_"}
        rule.addprevious(etree.fromstring(f"<w:p {NAMESPACES}>{xml_line}</w:p>"))
        remove(rule)

    return change


def _drawing(width_mm: float) -> str:
    """A DrawingML straight line ``width_mm`` wide, anchored in the paragraph."""
    cx = round(width_mm * 36000)
    return (
        '<w:r><w:drawing><wp:anchor behindDoc="0" distT="0" distB="0" distL="0" distR="0" '
        'simplePos="0" locked="0" layoutInCell="1" allowOverlap="1" relativeHeight="1">'
        '<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>'
        '900000</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph">'
        f'<wp:posOffset>0</wp:posOffset></wp:positionV><wp:extent cx="{cx}" cy="0"/>'
        '<wp:wrapNone/><wp:docPr id="5" name="Line 5"/><a:graphic><a:graphicData '
        'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp>'
        f'<wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="0"/></a:xfrm>'
        '<a:prstGeom prst="line"><a:avLst/></a:prstGeom></wps:spPr><wps:bodyPr/></wps:wsp>'
        "</a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>"
    )


VML_LINE = '<w:r><w:pict><v:line from="0,0" to="171.5pt,0" strokeweight="1pt"/></w:pict></w:r>'
BORDER = (
    '<w:pPr><w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="auto"/></w:pBdr>'
    '<w:ind w:left="1500" w:right="1500"/></w:pPr>'
)


WORD_STYLES: dict[str, Callable[[Package], None]] = {
    "header in tab-separated paragraphs": _tabbed_header,
    "header columns swapped": _swapped_columns,
    "HOÀ and no-break spaces": _hoa_and_nbsp,
    "motto line drawn with DrawingML": _motto_line(_drawing(60.5)),
    "motto line drawn with VML": _motto_line(VML_LINE),
    "motto line as a paragraph border": _motto_line(BORDER),
}


@pytest.mark.parametrize("variant", sorted(WORD_STYLES))
def test_a_correct_header_written_another_way_is_clean(
    variant: str, factory_docx: Path, tmp_path: Path
) -> None:
    """The parts are found wherever they sit; nothing is reported."""
    document = edited(factory_docx, tmp_path / "variant.docx", WORD_STYLES[variant])
    findings = check_document(document)
    assert findings == [], described(findings)


def test_the_tabbed_header_is_read_part_by_part(factory_docx: Path, tmp_path: Path) -> None:
    """Agency left of the tab, national title and motto right of it, date beside the number."""
    parts = read_document(edited(factory_docx, tmp_path / "t.docx", _tabbed_header)).parts
    assert [p.text for p in parts.agencies] == ["ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG"]
    assert parts.national_title is not None and parts.national_title.part == 1
    assert parts.motto_rule is not None and parts.motto_rule.part == 1
    assert parts.number is not None and parts.date is not None
    assert parts.number.index == parts.date.index


def test_a_drawn_line_shorter_than_the_motto_is_found(factory_docx: Path, tmp_path: Path) -> None:
    """A 30 mm line under a 60 mm motto: H2 says how long it is."""
    short = edited(factory_docx, tmp_path / "short.docx", _motto_line(_drawing(30)))
    findings = check_document(short)
    assert codes(findings) == ["H2"] and "50%" in findings[0].message, described(findings)


# --- an official letter (công văn) -------------------------------------------------------


def _letter(xml: Package) -> None:
    """The factory plan turned into a công văn: "V/v" under the number, "Kính gửi", no title."""
    number = xml.paragraph("Số:")
    set_text(number, "Số: 12/UBND-VX")
    about = etree.fromstring(
        f"<w:p {NAMESPACES}><w:pPr><w:pStyle w:val='PFNumber'/></w:pPr>"
        + _run("V/v triển khai phòng, chống mại dâm", 12)
        + "</w:p>"
    )
    number.addnext(about)
    for start in ("KẾ HOẠCH", "Triển khai"):
        remove(xml.paragraph(start))
    rule = xml.paragraph("Thực hiện").getprevious()
    assert rule is not None and set(text_of(rule)) == {"_"}
    rule.addprevious(
        etree.fromstring(
            f"<w:p {NAMESPACES}><w:pPr><w:jc w:val='center'/></w:pPr>"
            + _run("Kính gửi: Bộ Nội vụ", 14)
            + "</w:p>"
        )
    )
    remove(rule)
    first = xml.paragraph("- Bộ Lao động")
    first.addprevious(etree.fromstring(etree.tostring(first)))
    set_text(first.getprevious(), "- Như trên;")


def _letter_without_as_above(xml: Package) -> None:
    _letter(xml)
    remove(xml.paragraph("- Như trên"))


def _letter_with_bold_about(xml: Package) -> None:
    _letter(xml)
    run_property(xml.paragraph("V/v"), "b")


def test_an_official_letter_is_recognised_and_clean(factory_docx: Path, tmp_path: Path) -> None:
    """ "V/v" and "Kính gửi" make it a công văn: no type code, no type name, all clean."""
    document = edited(factory_docx, tmp_path / "letter.docx", _letter)
    assert read_document(document).is_cong_van
    findings = check_document(document)
    assert findings == [], described(findings)


@pytest.mark.parametrize(
    ("change", "code"),
    [(_letter_without_as_above, "R3"), (_letter_with_bold_about, "T2")],
    ids=["no Như trên", "bold V/v"],
)
def test_a_letter_with_one_defect_fires_its_rule(
    change: Callable[[Package], None], code: str, factory_docx: Path, tmp_path: Path
) -> None:
    """A letter's own rules: "- Như trên;" first (R3), "V/v" not bold (T2)."""
    findings = check_document(edited(factory_docx, tmp_path / "l.docx", change))
    assert codes(findings) == [code], described(findings)
