"""The tracked-changes copy of a draft (<unit>-thay-doi.docx): the parent's words with Word
revisions; accepting them all gives the draft, rejecting them all the parent."""

from __future__ import annotations

import copy
import datetime
import io
import shutil
import zipfile
from pathlib import Path
from typing import Any

import attrs
import docx
import pytest
from drafts import DRAFTS, PROFILES, SOURCES, derived
from lxml import etree

from planforge import load_plan
from planforge.checking.pdf_layout import page_count
from planforge.model import Appendix
from planforge.rendering.pdf import to_pdf
from planforge.rendering.render import render_plan
from planforge.rendering.review_docx import render_review
from planforge.rendering.revisions import text_of, w
from planforge.rendering.summary_files import write_summary_xlsx
from planforge.rendering.tracked_docx import render_changes, track_changes

DATE = datetime.date(2021, 11, 4)
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def body(data: bytes) -> Any:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return etree.fromstring(package.read("word/document.xml"))


def resolve(root: Any, accept: bool) -> Any:
    """Every revision accepted (``w:del`` dropped, ``w:ins`` unwrapped) or rejected (the
    other way round, ``w:delText`` read as ``w:t``); a paragraph whose own mark is
    removed joins the next one (``merge``)."""
    drop, keep = ("del", "ins") if accept else ("ins", "del")
    root = copy.deepcopy(root)
    for paragraph in root.iter(w("p")):
        marks = paragraph.find(f"{w('pPr')}/{w('rPr')}")
        if marks is not None and marks.find(w(drop)) is not None:
            paragraph.set("merge", "1")
    for element in list(root.iter(w(drop))):
        element.getparent().remove(element)
    for element in list(root.iter(w(keep))):
        parent = element.getparent()
        position = parent.index(element)
        for child in reversed(list(element)):
            parent.insert(position, child)
        parent.remove(element)
    for element in root.iter(w("delText")):
        element.tag = w("t")
    return root


def paragraphs(root: Any) -> list[str]:
    """Paragraph texts in printing order (tables included), merged paragraphs joined."""
    out: list[str] = []
    carried = ""
    for paragraph in root.iter(w("p")):
        if paragraph.get("merge"):
            carried += text_of(paragraph)
            continue
        out.append(carried + text_of(paragraph))
        carried = ""
    return out


def tracked(profile: str, unit: str) -> tuple[bytes, bytes, bytes]:
    """The parent's, the draft's and the tracked copy's documents."""
    parent = render_plan(load_plan(SOURCES[PROFILES[profile][0]]))
    draft = render_plan(derived(profile, unit)[0])
    return parent, draft, track_changes(parent, draft, DATE)


@pytest.mark.parametrize(("profile", "unit"), DRAFTS, ids=[u for _, u in DRAFTS])
def test_accepting_gives_the_draft_and_rejecting_the_parent(profile: str, unit: str) -> None:
    """Paragraph by paragraph, header, body, closing, recipients and signature."""
    parent, draft, copied = tracked(profile, unit)
    root = body(copied)
    assert paragraphs(resolve(root, accept=True)) == paragraphs(body(draft))
    assert paragraphs(resolve(root, accept=False)) == paragraphs(body(parent))
    marks = [*root.iter(w("ins")), *root.iter(w("del"))]
    assert len(marks) > 20
    assert {(m.get(w("author")), m.get(w("date"))) for m in marks} == {
        ("planforge", "2021-11-04T00:00:00Z")
    }
    ids = [m.get(w("id")) for m in root.iter() if m.get(w("id")) is not None]
    assert len(ids) == len(set(ids))


def _changed(root: Any, text: str) -> Any:
    return next(p for p in root.iter(w("p")) if text in text_of(p))


def test_words_changed_inside_a_line_are_marked_alone() -> None:
    """ "TỈNH LÂM ĐỒNG" → "HUYỆN LÂM HÀ": two words replaced, "LÂM" untouched."""
    root = body(tracked("districts", "huyện Lâm Hà")[2])
    line = _changed(root, "LÂM")
    deleted = ["".join(d.itertext()) for d in line.iter(w("del"))]
    inserted = ["".join(i.itertext()) for i in line.iter(w("ins"))]
    assert deleted == ["TỈNH", "ĐỒNG"]
    assert inserted == ["HUYỆN", "HÀ"]
    kept = [r for r in line.findall(w("r")) if "LÂM" in "".join(r.itertext())]
    assert kept, "the unchanged word stays an ordinary run"


def test_a_dropped_item_is_a_deleted_paragraph_and_an_added_one_inserted() -> None:
    """The commune's draft drops an assignment and adds its reporting duty."""
    _plan, review = derived("communes", "xã Lạc Dương")
    dropped = next(r for r in review.rows if r.kind == "assignment" and r.change.startswith("bỏ"))
    added = next(r for r in review.rows if r.change.startswith("thêm chế độ báo cáo"))
    root = body(tracked("communes", "xã Lạc Dương")[2])

    def marked(paragraph: Any) -> set[str]:
        marks = paragraph.find(f"{w('pPr')}/{w('rPr')}")
        found = [etree.QName(m).localname for m in marks] if marks is not None else []
        return {name for name in found if name in ("ins", "del")}

    gone = _changed(root, dropped.source_text[:40])
    assert marked(gone) == {"del"}
    assert not gone.findall(w("r")), "every run of a deleted paragraph is inside w:del"
    new = _changed(root, added.derived_text[:40])
    assert marked(new) == {"ins"}


def test_the_same_draft_gives_the_same_bytes(tmp_path: Path) -> None:
    parent, draft, _ = tracked("communes", "phường B'Lao")
    first = render_changes(parent, draft, tmp_path / "a.docx", DATE).read_bytes()
    second = render_changes(parent, draft, tmp_path / "b.docx", DATE).read_bytes()
    assert first == second


def test_the_review_table_repeats_its_header_and_keeps_rows_whole(tmp_path: Path) -> None:
    """w:tblHeader on the first row, w:cantSplit on every row."""
    review = derived("communes", "xã Lạc Dương")[1]
    document = docx.Document(str(render_review(review, tmp_path / "review.docx")))
    table = document.tables[0]
    first = table.rows[0]._tr.trPr
    assert first.find(w("tblHeader")) is not None
    assert all(row._tr.trPr.find(w("cantSplit")) is not None for row in table.rows)
    assert len(table.rows) == len(review.rows) + 1


@pytest.mark.libreoffice
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not on PATH")
def test_libreoffice_opens_the_tracked_copy_and_the_workbook(tmp_path: Path) -> None:
    """Both convert to PDF without error, with pages."""
    from test_derive_summary import DATE as WHEN
    from test_derive_summary import summary

    parent, draft, _ = tracked("districts", "thành phố Đà Lạt")
    copied = render_changes(parent, draft, tmp_path / "thanh-pho-da-lat-thay-doi.docx", DATE)
    book = write_summary_xlsx(summary("districts"), tmp_path / "tong-hop.xlsx", WHEN)
    pdfs = to_pdf([copied, book], tmp_path / "pdf")
    pages = [page_count(pdf) for pdf in pdfs]
    assert pages[0] >= 5
    assert pages[1] >= 1


@pytest.mark.parametrize("which", ["parent", "draft", "both"])
def test_appendix_tables_and_sections_are_revised_too(which: str) -> None:
    """A task appendix (its own section, a table whose rows differ) in the parent, the
    draft or both: accepting and rejecting still give each text; no section break of
    the parent's refers to headers the copy lacks."""
    tasks = Appendix(title="Phân công nhiệm vụ thực hiện Kế hoạch", from_assignments=True)
    parent = load_plan(SOURCES["lam-dong"])
    draft = derived("districts", "huyện Lâm Hà")[0]
    if which in ("parent", "both"):
        parent = attrs.evolve(parent, appendices=(tasks,))
    if which in ("draft", "both"):
        draft = attrs.evolve(draft, appendices=(tasks,))
    older, newer = render_plan(parent), render_plan(draft)
    copied = track_changes(older, newer, DATE)
    root = body(copied)
    assert paragraphs(resolve(root, accept=True)) == paragraphs(body(newer))
    assert paragraphs(resolve(root, accept=False)) == paragraphs(body(older))
    with zipfile.ZipFile(io.BytesIO(copied)) as package:
        relations = package.read("word/_rels/document.xml.rels").decode()
    referred = {value for e in root.iter() for key, value in e.attrib.items() if key == R_ID}
    assert all(f'Id="{value}"' in relations for value in referred)
    breaks = [p for p in root.iter(w("p")) if p.find(f"{w('pPr')}/{w('sectPr')}") is not None]
    deleted = [p for p in breaks if p.find(f"{w('pPr')}/{w('rPr')}/{w('del')}") is not None]
    assert len(deleted) == (1 if which == "parent" else 0)  # rejected, the appendix is back
