"""``check --layout``: what only the printed page shows, judged on LibreOffice's PDF.

A three-page factory plan, every example and a plan with two appendices (numbered
each from 1, one of them landscape) are clean on paper too. One-defect
copies move one thing on the page (a narrow header column that wraps the national
title, a blank line above the date or above "Nơi nhận:", an indented type name, a
page break before the signature, a page number on page 1); each fires its layout
rule. All documents of the module are converted in one soffice run.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import attrs
import pytest
from factories import plan as factory_plan
from lxml import etree
from test_check_rules import DEFECTS, W_NS, Package, described, edited, w
from test_render_xml import PLAN_EXAMPLES

from planforge import Agency, Level, Paragraph, Plan, Section, load_plan, render_plan
from planforge.checking.check import check_document
from planforge.checking.findings import Finding
from planforge.checking.pdf_layout import to_pdf
from planforge.i18n import speaking
from planforge.model.appendix import Appendix

pytestmark = [
    pytest.mark.libreoffice,
    pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not on PATH"),
]

TEXT = (
    "Tăng cường công tác tuyên truyền, giáo dục, nâng cao nhận thức của cán bộ, công chức, "
    "viên chức và nhân dân về phòng, chống tệ nạn xã hội; kiểm tra, giám sát việc thực hiện."
)


def long_plan() -> Plan:
    """The factory plan with twenty paragraphs: three pages."""
    body = tuple(Paragraph(text=f"Nội dung {n}: {TEXT}") for n in range(1, 21))
    return attrs.evolve(factory_plan(), sections=(Section(title="Mục tiêu", children=body),))


def with_appendices() -> Plan:
    """The Lâm Đồng plan with two appendices drawn from its assignments, one landscape."""
    plan = load_plan(
        Path(__file__).resolve().parents[1] / "examples/lam-dong-2021/ke-hoach-7851.yaml"
    )
    appendices = (
        Appendix(title="Phân công nhiệm vụ", from_assignments=True),
        Appendix(title="Danh mục sản phẩm", from_assignments=True, landscape=False),
    )
    return attrs.evolve(plan, appendices=appendices)


def commune_plan() -> Plan:
    """A commune whose place name is also the end of its agency line ("LANG BIANG - ĐÀ LẠT")."""
    agency = Agency("Ủy ban nhân dân phường Lang Biang - Đà Lạt", "UBND", Level.COMMUNE, "Lâm Đồng")
    header = attrs.evolve(factory_plan().header, issuing_agency=agency, place="Lang Biang - Đà Lạt")
    return attrs.evolve(factory_plan(), header=header)


def _blank_before(start: str) -> Callable[[Package], None]:
    def change(xml: Package) -> None:
        p = xml.paragraph(start)
        p.addprevious(etree.Element(w("p")))

    return change


def _narrow_title_column(xml: Package) -> None:
    for column in xml.document.iter(w("gridCol")):
        if column.get(w("w")) == "5811":
            column.set(w("w"), "4200")
    for width in xml.document.iter(w("tcW")):
        if width.get(w("w")) == "5811":
            width.set(w("w"), "4200")


def _indented_type_name(xml: Package) -> None:
    ppr = xml.paragraph("KẾ HOẠCH").find(w("pPr"))
    assert ppr is not None
    indent = etree.SubElement(ppr, w("ind"))
    indent.set(w("left"), "3000")


def _break_before_signature(xml: Package) -> None:
    table = xml.document.findall(f"{{{W_NS}}}body/{{{W_NS}}}tbl")[-1]
    breaker = etree.fromstring(f'<w:p xmlns:w="{W_NS}"><w:r><w:br w:type="page"/></w:r></w:p>')
    table.addprevious(breaker)


LAYOUT_DEFECTS: dict[str, tuple[str, Callable[[Package], None]]] = {
    "national title wraps": ("L1", _narrow_title_column),
    "date a line below the number": ("L3", _blank_before("Lâm Đồng, ngày")),
    "type name off centre": ("L4", _indented_type_name),
    "Nơi nhận a line below the authority": ("L5", _blank_before("Nơi nhận")),
    "signature alone on its page": ("L6", _break_before_signature),
    "page number on page 1": ("L7", DEFECTS["page number on page 1"][1]),
}


@pytest.fixture(scope="module")
def checked(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Finding]]:
    """Every case rendered or edited, converted in one soffice run, then checked."""
    folder = tmp_path_factory.mktemp("layout")
    base = render_plan(long_plan(), folder / "long.docx")
    documents = {"long": base}
    for number, path in enumerate(PLAN_EXAMPLES):
        documents[path.parent.name] = render_plan(load_plan(path), folder / f"example{number}.docx")
    documents["appendices"] = render_plan(with_appendices(), folder / "appendices.docx")
    documents["commune"] = render_plan(commune_plan(), folder / "commune.docx")
    for number, (name, (_, change)) in enumerate(sorted(LAYOUT_DEFECTS.items())):
        documents[name] = edited(base, folder / f"defect{number}.docx", change)
    pdfs = to_pdf(list(documents.values()), folder / "pdf")
    with speaking("vi"):  # the findings as a clerk reads them by default
        return {
            name: check_document(path, layout=True, pdf=pdf)
            for (name, path), pdf in zip(documents.items(), pdfs, strict=True)
        }


@pytest.mark.parametrize("name", ["long", "appendices", *(p.parent.name for p in PLAN_EXAMPLES)])
def test_planforge_documents_are_clean_on_paper_too(
    name: str, checked: dict[str, list[Finding]]
) -> None:
    """No finding at all, the layout rules included."""
    assert checked[name] == [], described(checked[name])


@pytest.mark.parametrize("defect", sorted(LAYOUT_DEFECTS))
def test_a_layout_defect_fires_its_layout_rule(
    defect: str, checked: dict[str, list[Finding]]
) -> None:
    """The layout rule of the defect is among the findings; no other layout rule is."""
    code = LAYOUT_DEFECTS[defect][0]
    layout_codes = {f.code for f in checked[defect] if f.code.startswith("L")}
    assert layout_codes == {code}, described(checked[defect])


def test_the_layout_finding_names_the_part_and_the_page(
    checked: dict[str, list[Finding]],
) -> None:
    """The signature that moved to a page of its own is reported at "Nơi nhận:"."""
    (finding,) = [f for f in checked["signature alone on its page"] if f.code == "L6"]
    assert '"Nơi nhận:"' in finding.location and "đứng riêng một trang" in finding.message


def test_check_document_converts_by_itself_when_given_no_pdf(tmp_path: Path) -> None:
    """check_document(layout=True) runs LibreOffice itself for a single document."""
    document = render_plan(factory_plan(), tmp_path / "plan.docx")
    assert check_document(document, layout=True) == []
