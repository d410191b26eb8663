"""Writing fails cleanly: a full disk, a file-size limit, a name too long, a file or a
folder in the way give one message naming the path, exit 2, nothing partial, and the
previous output intact; a batch that fails part-way leaves nothing of it."""

from __future__ import annotations

import errno
import os
import resource
import subprocess
import sys
from pathlib import Path
from typing import Any

import attrs
import pytest
from factories import plan

from planforge import dump_plan
from planforge.cli import main

ROOT = Path(__file__).resolve().parents[1]
PLAN = ROOT / "examples" / "lam-dong-2021" / "ke-hoach-7851.yaml"
DISTRICTS = ROOT / "examples" / "lam-dong-2021" / "profile-2021-districts.yaml"
OLD = b"PK the previous document"


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = tmp_path / "ke-hoach.yaml"
    dump_plan(plan(), path)
    return path


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def _one_error_line(err: str, path: Path, words: str) -> None:
    assert err.startswith(f"planforge: error: {path}: "), err
    assert words in err and err.count("\n") == 1 and "Traceback" not in err


def test_a_file_size_limit_fails_the_write_with_a_message_and_keeps_the_old_file(
    source: Path, tmp_path: Path
) -> None:
    """RLIMIT_FSIZE: planforge ignores SIGXFSZ, so the write fails (EFBIG) instead of
    the process being killed with a core dump half-way through the file."""
    out = tmp_path / "kh.docx"
    out.write_bytes(OLD)
    before = _files(tmp_path)

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))

    result = subprocess.run(
        [sys.executable, "-m", "planforge", "render", str(source), "-o", str(out), "--force"],
        capture_output=True,
        text=True,
        check=False,
        preexec_fn=limit,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "PYTHONPATH": str(ROOT)},
        timeout=120,
    )
    assert result.returncode == 2, result.stderr
    _one_error_line(result.stderr, out, "file size limit")
    assert _files(tmp_path) == before


@pytest.mark.parametrize("where", ["atomic", "commit"])
def test_a_full_disk_keeps_the_previous_document(
    source: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    where: str,
) -> None:
    """ENOSPC while saving or while moving into place: exit 2, the old file as it was."""
    out = tmp_path / "kh.docx"
    out.write_bytes(OLD)
    before = _files(tmp_path)
    real = os.replace

    def full(src: Any, dst: Any) -> None:
        if (where == "atomic") == str(src).endswith(".tmp"):
            raise OSError(errno.ENOSPC, "No space left on device")
        real(src, dst)

    monkeypatch.setattr(os, "replace", full)
    assert main(["render", str(source), "-o", str(out), "--force"]) == 2
    _one_error_line(capsys.readouterr().err, out, "the disk is full")
    assert _files(tmp_path) == before


def test_a_name_too_long_for_the_file_system(
    source: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """ENAMETOOLONG: the message names the path; no folder or temporary file left."""
    out = tmp_path / "new" / ("x" * 300 + ".docx")
    assert main(["render", str(source), "-o", str(out)]) == 2
    _one_error_line(capsys.readouterr().err, out, "too long")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ke-hoach.yaml"]


def test_a_name_too_long_in_an_existing_folder(
    source: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """ENAMETOOLONG met while looking at the output (render, derive): one line, exit 2."""
    long_name = tmp_path / ("x" * 300 + ".docx")
    assert main(["render", str(source), "-o", str(long_name)]) == 2
    _one_error_line(capsys.readouterr().err, long_name, "too long")
    profile = ROOT / "examples" / "lam-dong-2021" / "profile-2021-districts.yaml"
    plan_file = ROOT / "examples" / "lam-dong-2021" / "ke-hoach-7851.yaml"
    folder = tmp_path / ("y" * 300)
    assert main(["derive", str(plan_file), "--profile", str(profile), "-o", str(folder)]) == 2
    err = capsys.readouterr().err
    assert "too long" in err and "Traceback" not in err and err.count("\n") == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ke-hoach.yaml"]


def test_an_output_whose_parent_is_a_file(
    source: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """notes.txt/kh.docx: a message, notes.txt untouched."""
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    before = _files(tmp_path)
    assert main(["render", str(source), "-o", str(tmp_path / "notes.txt" / "kh.docx")]) == 2
    assert "planforge: error: " in capsys.readouterr().err
    assert _files(tmp_path) == before


@pytest.mark.parametrize("force", [False, True])
def test_an_output_that_is_a_folder_is_refused(
    source: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], force: bool
) -> None:
    """A folder named kh.docx is never replaced, not even with --force."""
    folder = tmp_path / "kh.docx"
    folder.mkdir()
    (folder / "inside.txt").write_text("mine", encoding="utf-8")
    args = ["render", str(source), "-o", str(folder)] + (["--force"] if force else [])
    assert main(args) == 2
    _one_error_line(capsys.readouterr().err, folder, "folder")
    assert (folder / "inside.txt").read_text(encoding="utf-8") == "mine"


def test_import_into_a_full_disk_keeps_the_old_plan_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The YAML writer goes through the same layer."""
    text = tmp_path / "plan.txt"
    text.write_text("KẾ HOẠCH\nThực hiện nhiệm vụ năm 2025\n", encoding="utf-8")
    out = tmp_path / "plan.yaml"
    out.write_text("old: plan\n", encoding="utf-8")
    before = _files(tmp_path)

    def full(src: Any, dst: Any) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    assert main(["import", str(text), "-o", str(out), "--force"]) == 2
    _one_error_line(capsys.readouterr().err, out, "the disk is full")
    assert _files(tmp_path) == before


def test_derive_into_a_full_disk_leaves_no_folder_at_all(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The error names the unit's file in the output folder, not a temporary one; the
    parents made for the output are removed again."""

    def full(src: Any, dst: Any) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    out = tmp_path / "a" / "b" / "out"
    args = ["derive", str(PLAN), "--profile", str(DISTRICTS), "-o", str(out), "--unit", "Lâm Hà"]
    assert main(args) == 2
    _one_error_line(capsys.readouterr().err, out / "huyen-lam-ha.yaml", "the disk is full")
    assert list(tmp_path.iterdir()) == []


def test_a_batch_whose_second_plan_fails_to_render_leaves_neither_document(
    source: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A missing signature image in the second plan: no first document either."""
    broken = plan()
    broken = attrs.evolve(
        broken,
        signature=attrs.evolve(broken.signature, signature_image=str(tmp_path / "none.png")),
    )
    second = tmp_path / "second.yaml"
    dump_plan(broken, second)
    out = tmp_path / "docs"
    assert main(["render", str(source), str(second), "-o", str(out)]) == 2
    assert "none.png" in capsys.readouterr().err
    assert not out.exists()
    (out / "ke-hoach.docx").parent.mkdir()
    (out / "ke-hoach.docx").write_bytes(OLD)
    assert main(["render", str(source), str(second), "-o", str(out), "--force"]) == 2
    assert _files(out) == {"ke-hoach.docx": OLD}


def test_report_pdf_whose_libreoffice_fails_leaves_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A soffice that fails: neither the report nor its PDF, no temporary folder."""
    bin_folder = tmp_path / "bin"
    bin_folder.mkdir()
    fake = bin_folder / "soffice"
    fake.write_text("#!/bin/sh\necho broken >&2\nexit 1\n", encoding="utf-8")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", str(bin_folder))
    out = tmp_path / "reports" / "bao-cao.docx"
    assert (
        main(["report", str(PLAN), "--period", "6m", "--year", "2022", "-o", str(out), "--pdf"])
        == 2
    )
    assert "soffice failed" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bin"]
