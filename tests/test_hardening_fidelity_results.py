"""Results files and images: numbers that are not numbers are refused with their row, huge
numbers print, and every message about a file names the file and the field."""

from __future__ import annotations

import zlib
from pathlib import Path

import pytest
from conftest import ROOT
from factories import plan

from planforge import Signature, render_plan
from planforge.cli import main
from planforge.errors import PlanFileError, RenderError
from planforge.loading.results_file import loads_results

PLAN = ROOT / "examples" / "lam-dong-2021" / "ke-hoach-7851.yaml"
RESULTS = ROOT / "examples" / "lam-dong-2021" / "results-2022-6m.yaml"
ROW = "    result: [71.8]"


def results_with(value: str) -> str:
    text = RESULTS.read_text(encoding="utf-8")
    assert ROW in text
    return text.replace(ROW, f"    result: [{value}]")


def row_line(text: str, value: str) -> int:
    return next(i for i, s in enumerate(text.splitlines(), 1) if f"result: [{value}]" in s)


@pytest.mark.parametrize("value", [".nan", ".NaN", ".inf", "+.inf", ".Inf", "-.inf"])
def test_nan_and_infinity_are_refused_with_the_row(value: str) -> None:
    """file:line:column: targets.PATH.result[0]: the value is not a number."""
    text = results_with(value)
    with pytest.raises(PlanFileError) as caught:
        loads_results(text, "ket-qua.yaml")
    error = str(caught.value)
    assert error.startswith(f"ket-qua.yaml:{row_line(text, value)}:")
    assert "targets.II.1.a)-1.result[0]:" in error
    assert "not a number" in error or "infinite" in error


@pytest.mark.parametrize("value", ["nan", "'nan'", "inf", "'Infinity'"])
def test_nan_written_as_text_is_refused_too(value: str) -> None:
    """ "nan" is never read as a float."""
    with pytest.raises(PlanFileError, match=r"targets\.II\.1\.a\)-1\.result\[0\]:"):
        loads_results(results_with(value), "ket-qua.yaml")


def test_nan_is_refused_on_the_command_line_and_nothing_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Exit 2, one located line, no report."""
    results = tmp_path / "ket-qua.yaml"
    results.write_text(results_with(".nan"), encoding="utf-8")
    out = tmp_path / "bao-cao.docx"
    assert main(["report", str(PLAN), "--results", str(results), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert f"{results}:" in err and "result[0]" in err and err.count("\n") == 1
    assert not out.exists()


@pytest.mark.parametrize(
    "value", ["1e308", "1.0e+308", "1.7e308", "123456789012345678901234567890"]
)
def test_huge_numbers_print_without_crashing(
    value: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """No OverflowError, no decimal.InvalidOperation: the report is written."""
    results = tmp_path / "ket-qua.yaml"
    results.write_text(results_with(value), encoding="utf-8")
    out = tmp_path / "bao-cao.docx"
    assert main(["report", str(PLAN), "--results", str(results), "-o", str(out)]) == 0, (
        capsys.readouterr().err
    )
    assert out.read_bytes().startswith(b"PK")


def test_a_period_mismatch_names_the_results_file_and_its_period_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--period year against a 6m results file: the file, the line of period, the field."""
    results = tmp_path / "ket-qua.yaml"
    text = RESULTS.read_text(encoding="utf-8")
    results.write_text(text, encoding="utf-8")
    line = next(i for i, s in enumerate(text.splitlines(), 1) if s.startswith("period:"))
    out = tmp_path / "bao-cao.docx"
    arguments = ["report", str(PLAN), "--results", str(results), "-o", str(out)]
    assert main([*arguments, "--period", "year"]) == 2
    err = capsys.readouterr().err
    assert f"{results}:{line}:" in err and ": period:" in err and "6m" in err
    assert not out.exists()
    year_line = next(i for i, s in enumerate(text.splitlines(), 1) if s.startswith("year:"))
    assert main([*arguments, "--year", "2023"]) == 2
    assert f"{results}:{year_line}:" in capsys.readouterr().err


def _png(width: int = 2, height: int = 2) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return len(data).to_bytes(4, "big") + body + zlib.crc32(body).to_bytes(4, "big")

    header = width.to_bytes(4, "big") + height.to_bytes(4, "big") + bytes([8, 2, 0, 0, 0])
    pixels = zlib.compress(b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height)))
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def signed(image: Path) -> object:
    return plan(signature=Signature("Phó Chủ tịch", "Đặng Trí Dũng", signature_image=str(image)))


def test_a_good_signature_image_is_inserted(tmp_path: Path) -> None:
    """The control case: a small valid PNG renders."""
    image = tmp_path / "chu-ky.png"
    image.write_bytes(_png())
    out = render_plan(signed(image), tmp_path / "kh.docx")
    assert out.is_file()


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (None, "does not exist"),
        (b"this is text, not a picture\n", "is not an image"),
        ("truncated", "truncated"),
    ],
    ids=["missing", "text-named-png", "truncated-png"],
)
def test_a_bad_signature_image_names_the_image_and_the_field(
    content: bytes | str | None, words: str, tmp_path: Path
) -> None:
    """RenderError at signature.signature_image naming the image path; nothing written."""
    image = tmp_path / "chu-ky.png"
    if content == "truncated":
        image.write_bytes(_png()[:-20])
    elif isinstance(content, bytes):
        image.write_bytes(content)
    out = tmp_path / "kh.docx"
    with pytest.raises(RenderError) as caught:
        render_plan(signed(image), out)
    assert caught.value.location == "signature.signature_image"
    assert str(image) in caught.value.message and words in caught.value.message
    assert not out.exists()
    assert list(tmp_path.glob("*.tmp")) == []


def test_a_bad_signature_image_on_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Exit 2; the message names the image file and the field, not the template."""
    text = PLAN.read_text(encoding="utf-8")
    image = tmp_path / "chu-ky.png"
    image.write_text("not an image", encoding="utf-8")
    source = tmp_path / "ke-hoach.yaml"
    source.write_text(
        text.replace("  name: Đặng Trí Dũng", f"  name: Đặng Trí Dũng\n  signature_image: {image}"),
        encoding="utf-8",
    )
    assert f"signature_image: {image}" in source.read_text(encoding="utf-8")
    out = tmp_path / "kh.docx"
    assert main(["render", str(source), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "signature.signature_image:" in err and str(image) in err
    assert "ke-hoach.docx" not in err and "template" not in err
    assert not out.exists()
