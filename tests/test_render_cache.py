"""The prepared-template cache and the one-pass package writer change no byte of a document."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import attrs
import pytest
from docx import Document
from factories import plan

from planforge import Urgency, render_plan
from planforge.loading.plan_file import load_document
from planforge.rendering import template_cache
from planforge.rendering.package import make_reproducible, save_package
from planforge.rendering.render import default_template

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted(
    path
    for path in (ROOT / "examples").glob("*/*.yaml")
    if not path.name.startswith(("profile-", "results-"))
)


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda path: path.stem)
def test_every_example_renders_the_same_bytes_cold_warm_and_in_memory(
    example: Path, tmp_path: Path
) -> None:
    """A first render (nothing prepared), a second (all cached) and bytes in memory agree."""
    document = load_document(example)
    template_cache.clear()
    cold = render_plan(document, tmp_path / "cold.docx").read_bytes()
    warm = render_plan(document, tmp_path / "warm.docx").read_bytes()
    assert cold == warm
    assert render_plan(document) == cold
    with zipfile.ZipFile(io.BytesIO(cold)) as archive:
        assert "word/document.xml" in archive.namelist()


def test_a_marked_plan_renders_the_same_cold_and_warm(tmp_path: Path) -> None:
    marked = plan(header=attrs.evolve(plan().header, urgency=Urgency.KHAN))
    template_cache.clear()
    cold = render_plan(marked, tmp_path / "cold.docx").read_bytes()
    assert render_plan(marked, tmp_path / "warm.docx").read_bytes() == cold
    assert b"KH\xe1\xba\xa8N" in zipfile.ZipFile(io.BytesIO(cold)).read("word/document.xml")


@pytest.mark.parametrize("name", ["ke-hoach", "cong-van", "bao-cao"])
def test_the_one_pass_writer_gives_the_bytes_of_save_then_rewrite(
    name: str, tmp_path: Path
) -> None:
    """save_package writes what python-docx's save followed by make_reproducible wrote."""
    document = Document(str(default_template(name)))
    two_passes = tmp_path / "two.docx"
    document.save(str(two_passes))
    make_reproducible(two_passes)
    for again in ("one.docx", "again.docx"):  # the second from the parts deflated already
        save_package(document, tmp_path / again)
        assert (tmp_path / again).read_bytes() == two_passes.read_bytes()


def test_an_edited_template_is_prepared_anew(tmp_path: Path) -> None:
    """The cache knows a template by its bytes: a changed file renders its new text."""
    template = tmp_path / "t.docx"
    source = default_template().read_bytes()
    template.write_bytes(source)
    document = plan()
    render_plan(document, tmp_path / "first.docx", template)
    with zipfile.ZipFile(io.BytesIO(source)) as original, zipfile.ZipFile(template, "w") as edited:
        for entry in original.infolist():
            data = original.read(entry)
            if entry.filename == "word/document.xml":
                data = data.replace(
                    b"</w:body>", b"<w:p><w:r><w:t>S\xe1\xbb\xadA</w:t></w:r></w:p></w:body>"
                )
            edited.writestr(entry, data)
    second = render_plan(document, tmp_path / "second.docx", template)
    body = zipfile.ZipFile(second).read("word/document.xml")
    assert "SửA".encode() in body
    assert "SửA".encode() not in zipfile.ZipFile(tmp_path / "first.docx").read("word/document.xml")


def test_review_cells_keep_every_text_as_given(tmp_path: Path) -> None:
    """Tabs, line breaks, markup characters, edge spaces and empty cells, row after row."""
    from planforge.derivation.review import Review, ReviewRow
    from planforge.rendering.review_docx import render_review

    texts = ["a\tb", "dòng 1\ndòng 2", "<w:p> & “x”", "  lề  ", ""]
    rows = tuple(
        ReviewRow(kind="target", path=f"II.{n}", source_text=text, derived_text="d", change=text)
        for n, text in enumerate(texts, start=1)
    )
    path = render_review(Review(unit="xã Thử", source="1/KH", rows=rows), tmp_path / "r.docx")
    table = Document(str(path)).tables[0]
    assert [r.cells[2].text for r in table.rows[1:]] == texts
    assert [r.cells[4].text for r in table.rows[1:]] == texts
    assert [r.cells[0].text for r in table.rows[1:]] == ["1", "2", "3", "4", "5"]
    body = zipfile.ZipFile(path).read("word/document.xml").decode()
    assert '<w:t xml:space="preserve">  lề  </w:t>' in body
    assert "<w:tab/>" in body and "<w:br/>" in body
