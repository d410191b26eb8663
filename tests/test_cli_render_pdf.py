"""``planforge render … --pdf``: one soffice run for the batch, PDFs read back with pdftotext."""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import pytest
from factories import plan as factory_plan

from planforge import dump_plan
from planforge.checking.pdf_layout import page_count
from planforge.cli import main
from planforge.rendering.pdf import to_pdf

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "lam-dong-2021"
PLAN = EXAMPLES / "ke-hoach-7851.yaml"
LETTER = EXAMPLES / "cong-van-trien-khai-7851.yaml"
Test = TypeVar("Test", bound=Callable[..., None])


def needs_soffice(test: Test) -> Test:
    """Mark a test ``libreoffice`` and skip it when soffice is not on PATH."""
    skip = pytest.mark.skipif(
        shutil.which("soffice") is None,
        reason="LibreOffice (soffice) is not on PATH; scripts/test.sh installs it",
    )
    marked: Test = skip(pytest.mark.libreoffice(test))
    return marked


def _text(pdf: Path, page: int) -> str:
    """pdftotext's text of one page, its lines stripped, the empty ones dropped."""
    command = ["pdftotext", "-f", str(page), "-l", str(page), "-enc", "UTF-8", str(pdf), "-"]
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    return "\n".join(line.strip() for line in result.stdout.splitlines() if line.strip())


@dataclass(frozen=True)
class Batch:
    """One ``render --pdf`` of three documents: the folder, what was printed, the soffice runs."""

    folder: Path
    printed: list[str]
    conversions: list[list[Path]]


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> Batch:
    """The factory plan, the Lâm Đồng plan and its công văn, counting the calls of to_pdf."""
    work = tmp_path_factory.mktemp("render-pdf")
    tiny = work / "tiny.yaml"
    dump_plan(factory_plan(), tiny)
    conversions: list[list[Path]] = []

    def counted(documents: Any, outdir: Any, **options: Any) -> list[Path]:
        conversions.append(list(documents))
        return to_pdf(documents, outdir, **options)

    out, printed = work / "out", io.StringIO()
    with pytest.MonkeyPatch.context() as patch, contextlib.redirect_stdout(printed):
        patch.setattr("planforge.cli.render.to_pdf", counted)
        assert main(["render", str(tiny), str(PLAN), str(LETTER), "-o", str(out), "--pdf"]) == 0
    return Batch(out, printed.getvalue().splitlines(), conversions)


@needs_soffice
def test_the_whole_batch_is_converted_in_one_soffice_run(batch: Batch) -> None:
    """Three documents, one call of to_pdf with all three."""
    assert [len(run) for run in batch.conversions] == [3]


@needs_soffice
def test_each_document_gets_its_pdf_beside_it_and_a_line_saying_so(batch: Batch) -> None:
    """docx then pdf for each, in the order given; no temporary folder is left behind."""
    names = ["tiny", "ke-hoach-7851", "cong-van-trien-khai-7851"]
    expected = [batch.folder / f"{n}{suffix}" for n in names for suffix in (".docx", ".pdf")]
    assert batch.printed == [f"wrote {path}" for path in expected]
    assert sorted(batch.folder.iterdir()) == sorted(expected)


@needs_soffice
def test_the_tiny_plan_prints_on_one_page_with_its_header_and_signature(batch: Batch) -> None:
    """Page count 1; number, type name, body and signer all on it."""
    pdf = batch.folder / "tiny.pdf"
    assert page_count(pdf) == 1
    text = _text(pdf, 1)
    for line in ("Số: 7851/KH-UBND", "KẾ HOẠCH", "Tăng cường phòng ngừa./.", "Đặng Trí Dũng"):
        assert line in text


@needs_soffice
def test_a_long_plan_starts_with_its_header_ends_with_its_signature_and_numbers_its_pages(
    batch: Batch,
) -> None:
    """Lâm Đồng 7851: several pages; page n ≥ 2 begins with "n"; "Nơi nhận:" on the last."""
    pdf = batch.folder / "ke-hoach-7851.pdf"
    pages = page_count(pdf)
    assert pages >= 3
    assert "Số: 7851/KH-UBND" in _text(pdf, 1)
    assert [_text(pdf, page).split("\n")[0] for page in range(2, pages + 1)] == [
        str(page) for page in range(2, pages + 1)
    ]
    last = _text(pdf, pages)
    assert "Nơi nhận:" in last and "Đặng Trí Dũng" in last


@needs_soffice
def test_the_letter_prints_its_subject_and_addressees(batch: Batch) -> None:
    """The công văn's "V/v" line and "Kính gửi:" are on its first page."""
    text = _text(batch.folder / "cong-van-trien-khai-7851.pdf", 1)
    assert "V/v triển khai thực hiện Kế hoạch" in text and "Kính gửi:" in text


@needs_soffice
def test_one_document_gets_its_pdf_beside_it(tmp_path: Path) -> None:
    """``-o folder/kh.docx --pdf`` writes folder/kh.pdf."""
    out = tmp_path / "folder" / "kh.docx"
    assert main(["render", str(LETTER), "-o", str(out), "--pdf"]) == 0
    assert out.is_file() and page_count(out.with_suffix(".pdf")) >= 1


def test_an_existing_pdf_is_not_replaced_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Refused before anything is rendered or converted: exit 2, the PDF untouched."""
    out = tmp_path / "kh.docx"
    out.with_suffix(".pdf").write_bytes(b"%PDF signed copy")
    assert main(["render", str(PLAN), "-o", str(out), "--pdf"]) == 2
    assert "kh.pdf: the file exists; pass --force" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kh.pdf"]


def test_without_libreoffice_the_error_is_one_line_and_nothing_is_written(
    tmp_path: Path,
) -> None:
    """PATH without soffice: exit 2, a one-line message saying what to do, no output folder."""
    empty = tmp_path / "bin"
    empty.mkdir()
    assert shutil.which("soffice", path=str(empty)) is None
    out = tmp_path / "out"
    result = subprocess.run(
        [sys.executable, "-m", "planforge", "render", str(PLAN), "-o", str(out), "--pdf"],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PATH": str(empty)},
    )
    assert result.returncode == 2
    assert result.stderr == (
        "planforge: error: LibreOffice (soffice) is not installed or not on PATH; install it "
        "(apt-get install libreoffice-writer) or leave out --pdf\n"
    )
    assert result.stdout == ""
    assert not out.exists()
