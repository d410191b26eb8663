"""The checker on planforge's own documents and on one-defect copies of them.

Every example plan and the factory plan render clean: no error, no warning, no
rule left unevaluated. Each one-defect document is the factory document with one
edit to its XML (a font, a margin, a date, a motto…); the checker must report that
rule and no other, so every rule is shown both to fire and to stay quiet.
"""

from __future__ import annotations

import copy
import io
import unicodedata
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from factories import plan as factory_plan
from lxml import etree
from test_render_xml import PLAN_EXAMPLES

from planforge import load_plan, render_plan
from planforge.checking.check import check_document, read_document, rules
from planforge.checking.findings import Finding, Severity
from planforge.checking.registry import Rule
from planforge.cli import main

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def w(tag: str) -> str:
    """A WordprocessingML tag or attribute in Clark notation."""
    return f"{{{W_NS}}}{tag}"


# --- editing a .docx ---------------------------------------------------------------------


@dataclass
class Package:
    """The XML parts of a .docx, parsed when first asked for and written back on save."""

    data: dict[str, bytes]
    parsed: dict[str, etree._Element] = field(default_factory=dict)

    def part(self, name: str) -> etree._Element:
        if name not in self.parsed:
            self.parsed[name] = etree.fromstring(self.data[name])
        return self.parsed[name]

    @property
    def document(self) -> etree._Element:
        return self.part("word/document.xml")

    @property
    def styles(self) -> etree._Element:
        return self.part("word/styles.xml")

    def paragraph(self, start: str) -> etree._Element:
        """The first paragraph of the body whose text starts with ``start``."""
        for p in self.document.iter(w("p")):
            if text_of(p).startswith(start):
                return p
        raise AssertionError(f"no paragraph starts with {start!r}")

    def style(self, style_id: str) -> etree._Element:
        found = self.styles.find(f"{{{W_NS}}}style[@{{{W_NS}}}styleId='{style_id}']")
        assert found is not None, style_id
        return found

    def bytes(self) -> bytes:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
            for name, blob in self.data.items():
                if name in self.parsed:
                    blob = etree.tostring(self.parsed[name], xml_declaration=True, encoding="UTF-8")
                package.writestr(name, blob)
        return buffer.getvalue()


def edited(source: Path, target: Path, change: Callable[[Package], None]) -> Path:
    """Copy the .docx ``source`` to ``target`` with one change applied to its XML."""
    with zipfile.ZipFile(source) as package:
        xml = Package({name: package.read(name) for name in package.namelist()})
    change(xml)
    target.write_bytes(xml.bytes())
    return target


def text_of(p: etree._Element) -> str:
    return "".join(t.text or "" for t in p.iter(w("t")))


def set_text(p: etree._Element, text: str) -> None:
    """Put ``text`` in the paragraph's first text element and empty the others."""
    texts = list(p.iter(w("t")))
    texts[0].text = text
    for other in texts[1:]:
        other.text = ""


def run_property(p: etree._Element, tag: str, **attributes: str) -> None:
    """Set a direct run property (``w:b``, ``w:rFonts``…) on every run of the paragraph."""
    for run in p.iter(w("r")):
        rpr = run.find(w("rPr"))
        if rpr is None:
            rpr = etree.Element(w("rPr"))
            run.insert(0, rpr)
        element = etree.SubElement(rpr, w(tag))
        for name, value in attributes.items():
            element.set(w(name), value)


def remove(element: etree._Element) -> None:
    parent = element.getparent()
    assert parent is not None
    parent.remove(element)


def section(xml: Package) -> etree._Element:
    found = xml.document.find(f".//{{{W_NS}}}body/{{{W_NS}}}sectPr")
    assert found is not None
    return found


# --- the one-defect documents ------------------------------------------------------------


def _font(name: str) -> Callable[[Package], None]:
    def change(xml: Package) -> None:
        run_property(xml.paragraph("Tăng cường"), "rFonts", ascii=name, hAnsi=name, cs=name)

    return change


def _text(start: str, old: str, new: str) -> Callable[[Package], None]:
    def change(xml: Package) -> None:
        p = xml.paragraph(start)
        set_text(p, text_of(p).replace(old, new))

    return change


def _body_size(xml: Package) -> None:
    rpr = xml.style("PFBody").find(w("rPr"))
    assert rpr is not None
    for tag in ("sz", "szCs"):
        size = rpr.find(w(tag))
        assert size is not None
        size.set(w("val"), "24")


def _margin(xml: Package) -> None:
    margins = section(xml).find(w("pgMar"))
    assert margins is not None
    margins.set(w("left"), "851")


def _letter(xml: Package) -> None:
    size = section(xml).find(w("pgSz"))
    assert size is not None
    size.set(w("w"), "12240")
    size.set(w("h"), "15840")


def _motto_not_bold(xml: Package) -> None:
    run_property(xml.paragraph("Độc lập"), "b", val="0")


def _no_motto_rule(xml: Package) -> None:
    motto = xml.paragraph("Độc lập")
    rule = motto.getnext()
    assert rule is not None and set(text_of(rule)) == {"_"}
    remove(rule)


def _label_plain(xml: Package) -> None:
    label = xml.paragraph("Nơi nhận")
    run_property(label, "b", val="0")
    run_property(label, "i", val="0")


def _no_archive_line(xml: Package) -> None:
    remove(xml.paragraph("- Lưu"))


def _page_one_number(xml: Package) -> None:
    title_pg = section(xml).find(w("titlePg"))
    assert title_pg is not None
    remove(title_pg)


def _no_page_numbers(xml: Package) -> None:
    """No page numbers on a document of two pages (one page needs none)."""
    for name in [n for n in xml.data if n.startswith("word/header")]:
        for run in list(xml.part(name).iter(w("r"))):
            remove(run)
    longer(xml)


def longer(xml: Package, copies: int = 60) -> None:
    """The body paragraph repeated ``copies`` times before it: the document runs to 2 pages."""
    body = xml.paragraph("Tăng cường")
    for _ in range(copies):
        body.addprevious(copy.deepcopy(body))


def _no_end_mark(xml: Package) -> None:
    _text("Tăng cường", "./.", ".")(xml)


def _nfd(xml: Package) -> None:
    p = xml.paragraph("Tăng cường")
    set_text(p, unicodedata.normalize("NFD", text_of(p)))


def _all_nfd(xml: Package) -> None:
    for text in xml.document.iter(w("t")):
        text.text = unicodedata.normalize("NFD", text.text or "")


def _no_authority(xml: Package) -> None:
    remove(xml.paragraph("KT. CHỦ TỊCH"))
    remove(xml.paragraph("PHÓ CHỦ TỊCH"))


DEFECTS: dict[str, tuple[str, Callable[[Package], None]]] = {
    "wrong font": ("P4", _font("Arial")),
    "legacy .VnTime": ("P4", _font(".VnTime")),
    "12 pt body": ("B1", _body_size),
    "15 mm left margin": ("P3", _margin),
    "letter paper": ("P1", _letter),
    "ngày 5 tháng 3": ("H6", _text("Lâm Đồng, ngày", "ngày 04 tháng 11", "ngày 5 tháng 3")),
    "tháng 2 unpadded": ("H6", _text("Lâm Đồng, ngày", "tháng 11", "tháng 2")),
    "motto with en dashes": ("H2", _text("Độc lập", " - ", " – ")),
    "motto not bold": ("H2", _motto_not_bold),
    "no line under the motto": ("H2", _no_motto_rule),
    "number 5 unpadded": ("H4", _text("Số:", "7851", "5")),
    "unknown type code": ("H5", _text("Số:", "/KH-", "/XY-")),
    "Nơi nhận not bold italic": ("R1", _label_plain),
    "no Lưu line": ("R2", _no_archive_line),
    "page number on page 1": ("P6", _page_one_number),
    "no page numbers on two pages": ("P6", _no_page_numbers),
    "no end mark": ("B6", _no_end_mark),
    "Ủy Ban Nhân Dân in the body": (
        "C1",
        _text("Tăng cường", "Tăng cường", "Ủy Ban Nhân Dân tỉnh tăng cường"),
    ),
    "Khoản 2 Điều 5 mid-sentence": (
        "C1",
        _text("Tăng cường", "phòng ngừa", "phòng ngừa theo Khoản 2 Điều 5 của Luật"),
    ),
    "NFD text": ("P4", _nfd),
    "the whole document in NFD": ("P4", _all_nfd),
    "no authority line": ("S1", _no_authority),
}


@pytest.fixture(scope="module")
def factory_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The factory plan rendered once: the clean baseline of every one-defect document."""
    return render_plan(factory_plan(), tmp_path_factory.mktemp("check") / "factory.docx")


def codes(findings: list[Finding]) -> list[str]:
    return sorted({f.code for f in findings})


def described(findings: list[Finding]) -> str:
    return "\n".join(str(f) for f in findings)


# --- clean documents ---------------------------------------------------------------------


def test_the_factory_document_is_clean(factory_docx: Path) -> None:
    """The baseline has no finding at all, so each defect below is the only one."""
    findings = check_document(factory_docx)
    assert findings == [], described(findings)


@pytest.mark.parametrize("path", PLAN_EXAMPLES, ids=[p.parent.name for p in PLAN_EXAMPLES])
def test_every_rendered_example_has_no_finding(path: Path, tmp_path: Path) -> None:
    """planforge's examples break no rule and leave none unevaluated."""
    document = render_plan(load_plan(path), tmp_path / "example.docx")
    findings = check_document(document)
    assert findings == [], described(findings)


# --- one defect, one rule ----------------------------------------------------------------


@pytest.mark.parametrize("defect", sorted(DEFECTS))
def test_a_document_with_one_defect_fires_exactly_its_rule(
    defect: str, factory_docx: Path, tmp_path: Path
) -> None:
    """The edited factory document gets findings of the defect's rule and of no other."""
    code, change = DEFECTS[defect]
    document = edited(factory_docx, tmp_path / "defect.docx", change)
    findings = check_document(document)
    assert codes(findings) == [code], described(findings)
    assert all(f.severity is not Severity.NOT_EVALUATED for f in findings)


def test_every_finding_says_where_what_and_why(factory_docx: Path, tmp_path: Path) -> None:
    """A finding has its code, a located paragraph, a Vietnamese message and the source."""
    document = edited(factory_docx, tmp_path / "date.docx", DEFECTS["ngày 5 tháng 3"][1])
    (finding,) = check_document(document)
    assert finding.code == "H6" and finding.severity is Severity.ERROR
    assert finding.location.startswith("paragraph 8 (table 1, row 2, cell 2)")
    assert "Lâm Đồng, ngày 5" in finding.location
    assert "“ngày 05”" in finding.message
    assert finding.source == "NĐ 30/2020/NĐ-CP, Phụ lục I, Phần I, mục II.4"


def test_docs_rules_md_lists_every_rule_with_its_severity_and_source() -> None:
    """docs/rules.md has a table row for each registered rule: code, severity, source."""

    text = (Path(__file__).resolve().parents[1] / "docs" / "rules.md").read_text(encoding="utf-8")
    for found in rules(layout=True):
        rows = [line for line in text.splitlines() if line.startswith(f"| {found.code} |")]
        assert len(rows) == 1, found.code
        assert found.severity.value in rows[0], found.code
        section = found.source.removeprefix("NĐ 30/2020/NĐ-CP, ").replace(
            "Phụ lục I, Phần I", "PL I"
        )
        section = section.replace("Phụ lục III", "PL III").replace("Phụ lục II", "PL II")
        assert section.replace("Điều ", "Đ.") in rows[0], (found.code, section)


def test_the_letter_example_is_clean_and_judged_as_a_letter(tmp_path: Path) -> None:
    """The công văn example renders clean: "V/v", "Kính gửi", "- Như trên;" all found."""

    letter = (
        Path(__file__).resolve().parents[1] / "examples/lam-dong-2021/cong-van-trien-khai-7851.yaml"
    )
    if not letter.is_file():
        pytest.skip("no công văn example")
    target = tmp_path / "letter.docx"
    assert main(["render", str(letter), "-o", str(target)]) == 0
    assert read_document(target).is_cong_van
    findings = check_document(target)
    assert findings == [], described(findings)


def test_a_rule_that_fails_reports_itself_not_evaluated(factory_docx: Path) -> None:
    """An exception inside a rule becomes a not-evaluated finding naming it; nothing raises."""

    def broken(document: object) -> list[object]:
        raise ValueError("odd value")

    rule = Rule("Z9", "test", "nowhere", Severity.ERROR, broken)  # type: ignore[arg-type]
    (finding,) = rule(read_document(factory_docx))
    assert finding.code == "Z9" and finding.severity is Severity.NOT_EVALUATED
    assert "ValueError: odd value" in finding.message
