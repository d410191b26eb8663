"""The command line as a user runs it: exit codes, messages, files written or not."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from factories import plan

from planforge import dump_plan
from planforge.cli import main


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    """A valid plan file in a temporary folder."""
    path = tmp_path / "ke-hoach.yaml"
    dump_plan(plan(), path)
    return path


def test_render_writes_the_document_and_says_so(
    plan_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Exit 0 and one line per document."""
    out = tmp_path / "out" / "kh.docx"
    assert main(["render", str(plan_file), "-o", str(out)]) == 0
    assert out.is_file() and out.stat().st_size > 5000
    assert f"wrote {out}" in capsys.readouterr().out


def test_render_refuses_to_overwrite_without_force(
    plan_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A user's file is never replaced unless asked."""
    out = tmp_path / "kh.docx"
    out.write_bytes(b"my own file")
    assert main(["render", str(plan_file), "-o", str(out)]) == 2
    assert out.read_bytes() == b"my own file"
    assert "--force" in capsys.readouterr().err
    assert main(["render", str(plan_file), "-o", str(out), "--force"]) == 0
    assert out.read_bytes().startswith(b"PK")


def test_several_plans_go_into_a_folder(plan_file: Path, tmp_path: Path) -> None:
    """One .docx per plan, named after the plan file."""
    second = tmp_path / "other.yaml"
    second.write_bytes(plan_file.read_bytes())
    assert main(["render", str(plan_file), str(second), "-o", str(tmp_path / "docs")]) == 0
    assert sorted(p.name for p in (tmp_path / "docs").iterdir()) == ["ke-hoach.docx", "other.docx"]


def test_a_bad_plan_file_exits_2_with_one_located_line_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """file:line:column: field: message, no traceback, no output file."""
    bad = tmp_path / "bad.yaml"
    minimal = (Path(__file__).parent / "data" / "minimal.yaml").read_text(encoding="utf-8")
    bad.write_text(minimal.replace("2021-11-04", "2021-02-31"), encoding="utf-8")
    out = tmp_path / "bad.docx"
    assert main(["render", str(bad), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert f"{bad}:7:9: header.date:" in err and "Traceback" not in err
    assert not out.exists()
    assert list(tmp_path.glob("*.tmp")) == []


def test_a_bad_template_exits_2(
    plan_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A template that is not a Word file is refused by name."""
    template = tmp_path / "t.docx"
    template.write_text("not a docx", encoding="utf-8")
    assert (
        main(
            ["render", str(plan_file), "-o", str(tmp_path / "x.docx"), "--template", str(template)]
        )
        == 2
    )
    assert str(template) in capsys.readouterr().err
    assert not (tmp_path / "x.docx").exists()


def test_validate_reports_counts(plan_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """validate loads and summarises."""
    assert main(["validate", str(plan_file)]) == 0
    assert "ok (2 entries, 0 targets, 0 assignments)" in capsys.readouterr().out


def test_python_dash_m_runs_the_same_command_line(plan_file: Path) -> None:
    """``python -m planforge`` is the console script."""
    result = subprocess.run(
        [sys.executable, "-m", "planforge", "validate", str(plan_file)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "ok" in result.stdout


def test_written_files_get_the_usual_permissions(plan_file: Path, tmp_path: Path) -> None:
    """Not the private 0600 of a temporary file: colleagues on a share can open them."""
    import os

    out = tmp_path / "kh.docx"
    assert main(["render", str(plan_file), "-o", str(out)]) == 0
    umask = os.umask(0)
    os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~umask
