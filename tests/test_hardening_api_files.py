"""The API in memory (bytes, file-like objects) and validate == render, per issue 9."""

from __future__ import annotations

import io
import os
import struct
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path

import pytest

import planforge

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "lam-dong-2021"
MINIMAL = ROOT / "tests" / "data" / "minimal.yaml"


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PLANFORGE_LANG": "en"}
    return subprocess.run(
        [sys.executable, "-m", "planforge", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def png() -> bytes:
    """A 1×1 transparent PNG, built here so that the test reads no outside file."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 6, 0, 0, 0)
    pixels = zlib.compress(b"\x00\x00\x00\x00\x00")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


@pytest.fixture(scope="module")
def plan() -> planforge.Plan:
    return planforge.load_plan(EXAMPLE / "ke-hoach-7851.yaml")


def body_text(docx: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(docx)) as package:
        return package.read("word/document.xml")


def test_render_plan_without_a_target_returns_the_docx_bytes(
    plan: planforge.Plan, tmp_path: Path
) -> None:
    data = planforge.render_plan(plan)
    assert isinstance(data, bytes)
    written = planforge.render_plan(plan, tmp_path / "plan.docx")
    assert body_text(data) == body_text(written.read_bytes())
    assert list(tmp_path.iterdir()) == [tmp_path / "plan.docx"]


def test_render_plan_writes_into_a_file_like_object(plan: planforge.Plan) -> None:
    buffer = io.BytesIO()
    assert planforge.render_plan(plan, buffer) is None
    assert "7851/KH-UBND" in body_text(buffer.getvalue()).decode("utf-8")


def test_render_letter_renders_a_cong_van_and_refuses_a_plan(plan: planforge.Plan) -> None:
    """The công văn example to bytes with its "Kính gửi"; a plan given instead is named."""
    letter = planforge.load_document(EXAMPLE / "cong-van-trien-khai-7851.yaml")
    assert isinstance(letter, planforge.Letter)
    text = body_text(planforge.render_letter(letter)).decode("utf-8")
    assert "Kính gửi" in text and "V/v" in text
    with pytest.raises(planforge.ArgumentError, match="render_letter: letter must be Letter"):
        planforge.render_letter(plan)  # type: ignore[arg-type]


def test_a_text_stream_is_refused_before_rendering(plan: planforge.Plan) -> None:
    with pytest.raises(planforge.ArgumentError, match="render_plan: out must be opened in binary"):
        planforge.render_plan(plan, io.StringIO())


def test_render_plan_to_a_path_keeps_the_overwrite_flag(
    plan: planforge.Plan, tmp_path: Path
) -> None:
    target = tmp_path / "plan.docx"
    target.write_bytes(b"mine")
    with pytest.raises(planforge.OutputExistsError):
        planforge.render_plan(plan, target, overwrite=False)
    assert target.read_bytes() == b"mine"


def test_render_report_returns_bytes_and_writes_streams(plan: planforge.Plan) -> None:
    results = planforge.load_results(EXAMPLE / "results-2022-6m.yaml", plan)
    report = planforge.build_report(plan, results)
    data = planforge.render_report(report)
    buffer = io.BytesIO()
    planforge.render_report(report, buffer)
    assert body_text(data) == body_text(buffer.getvalue())


def test_a_derived_plan_and_its_letter_render_to_bytes(plan: planforge.Plan) -> None:
    profile = planforge.load_profile(EXAMPLE / "profile-2021-districts.yaml")
    derived = planforge.derive_plan(plan, profile.units[0], profile)
    assert body_text(planforge.render_plan(derived)).count(b"<w:p") > 20
    letter = planforge.cover_letter(plan, profile)
    assert "Kính gửi" in body_text(planforge.render_plan(letter)).decode("utf-8")


def test_read_plan_takes_bytes_and_file_like_objects(plan: planforge.Plan) -> None:
    data = planforge.render_plan(plan)
    from_bytes = planforge.read_plan(data, name="upload.docx")
    assert from_bytes.header.number.line == "Số: 7851/KH-UBND"
    assert planforge.read_plan(io.BytesIO(data)) == from_bytes
    text = "UBND TỈNH LÂM ĐỒNG\nSố: 1/KH-UBND\n\nKẾ HOẠCH\nVề việc thử\n\nI. MỤC ĐÍCH\n"
    assert planforge.read_plan(text.encode("utf-8"), name="x.txt").header.number.serial == 1


def test_read_plan_errors_name_the_upload() -> None:
    with pytest.raises(planforge.PlanforgeError) as raised:
        planforge.read_plan(b"PK\x03\x04 broken", name="upload.docx")
    assert str(raised.value).startswith("upload.docx: ")
    with pytest.raises(planforge.ArgumentError, match="binary mode"):
        planforge.read_plan(io.StringIO("text"))


def test_check_document_takes_bytes_and_file_like_objects(
    plan: planforge.Plan, tmp_path: Path
) -> None:
    data = planforge.render_plan(plan)
    path = tmp_path / "plan.docx"
    path.write_bytes(data)
    expected = planforge.check_document(path)
    assert planforge.check_document(data) == expected
    assert planforge.check_document(io.BytesIO(data)) == expected
    with pytest.raises(planforge.PlanforgeError) as raised:
        planforge.check_document(b"not a document", name="upload.docx")
    assert str(raised.value).startswith("upload.docx: ")


# validate accepts what render accepts; every missing field at once; images beside the file


def test_validate_accepts_the_bundled_cong_van(tmp_path: Path) -> None:
    letter = EXAMPLE / "cong-van-trien-khai-7851.yaml"
    result = run("validate", str(letter), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"{letter}: ok")
    rendered = run("render", str(letter), "-o", str(tmp_path / "cv.docx"), cwd=tmp_path)
    assert rendered.returncode == 0, rendered.stderr


def test_every_missing_field_is_reported_at_once(tmp_path: Path) -> None:
    text = MINIMAL.read_text(encoding="utf-8")
    text = text.replace("  place: Lâm Đồng\n", "").replace("  name: Đặng Trí Dũng\n", "")
    text = text.replace("  subject: Triển khai thực hiện Chương trình\n", "")
    (tmp_path / "plan.yaml").write_text(text, encoding="utf-8")
    result = run("validate", "plan.yaml", cwd=tmp_path)
    assert result.returncode == 2
    message = result.stderr.strip()
    assert message.startswith("planforge: error: plan.yaml:2:3: header: 3 required fields")
    for field, line in (("header.place", 2), ("header.subject", 2), ("signature.name", 16)):
        assert f"{field} (plan.yaml:{line}:3)" in message
    assert "Traceback" not in result.stderr


def test_one_missing_field_reads_as_before(tmp_path: Path) -> None:
    text = MINIMAL.read_text(encoding="utf-8").replace("  name: Đặng Trí Dũng\n", "")
    with pytest.raises(planforge.PlanFileError, match="missing field 'name'"):
        planforge.loads_plan(text, "plan.yaml")


def test_a_relative_signature_image_is_found_beside_the_plan_file(tmp_path: Path) -> None:
    folder = tmp_path / "plans"
    folder.mkdir()
    (folder / "sig.png").write_bytes(png())
    text = MINIMAL.read_text(encoding="utf-8") + "  signature_image: sig.png\n"
    (folder / "plan.yaml").write_text(text, encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = run("render", str(folder / "plan.yaml"), "-o", "out.docx", cwd=elsewhere)
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(elsewhere / "out.docx") as package:
        assert any(name.startswith("word/media/") for name in package.namelist())
    # the plan file itself keeps the path as written
    plan = planforge.load_plan(folder / "plan.yaml")
    assert plan.signature.signature_image == "sig.png"
    assert "signature_image: sig.png" in planforge.dumps_plan(plan)
