"""Stopping a run (Ctrl-C, SIGTERM) and running two at once: no temporary files or
folders left, LibreOffice stopped with planforge, the previous output intact, one line."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from planforge.cli import main
from planforge.cli._folders import folder_lock

ROOT = Path(__file__).resolve().parents[1]
PLAN = ROOT / "examples" / "lam-dong-2021" / "ke-hoach-7851.yaml"
DISTRICTS = ROOT / "examples" / "lam-dong-2021" / "profile-2021-districts.yaml"
PROC = Path("/proc")
needs_proc = pytest.mark.skipif(not PROC.is_dir(), reason="needs /proc to find soffice")


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def _processes_with(marker: str, but: int) -> list[int]:
    """The processes (soffice and its office process) whose environment holds ``marker``,
    other than planforge itself (``but``)."""
    found = []
    for entry in PROC.iterdir():
        if not entry.name.isdigit() or int(entry.name) in (os.getpid(), but):
            continue
        try:
            if marker.encode() in (entry / "environ").read_bytes():
                found.append(int(entry.name))
        except OSError:
            continue
    return found


def _wait_for(condition: Callable[[], object], seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the run never got there"
        time.sleep(0.05)


def _start(tmp_path: Path, *args: str) -> tuple[subprocess.Popen[str], str]:
    """Run planforge in a subprocess whose temporary files go to tmp_path/tmp."""
    private = tmp_path / "tmp"
    private.mkdir(exist_ok=True)
    env = {**os.environ, "TMPDIR": str(private), "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(
        [sys.executable, "-m", "planforge", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    return process, str(private)


def _stopped(process: subprocess.Popen[str], signum: int, private: str) -> str:
    """Send ``signum``; return stderr after checking the exit and that soffice is gone."""
    process.send_signal(signum)
    _out, err = process.communicate(timeout=60)
    assert process.returncode == 128 + signum, err
    _wait_for(lambda: not _processes_with(private, process.pid), 10)
    assert os.listdir(private) == []  # the soffice profile went too
    return err


@needs_proc
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["TERM", "INT"])
def test_derive_with_pdf_stopped_while_soffice_runs_leaves_nothing(
    tmp_path: Path, signum: int
) -> None:
    """Exit 128+n, one line after the progress, no output or temporary folder, no soffice."""
    out = tmp_path / "out"
    process, private = _start(
        tmp_path, "derive", str(PLAN), "--profile", str(DISTRICTS), "-o", str(out), "--pdf"
    )
    _wait_for(lambda: _processes_with(private, process.pid) or process.poll() is not None)
    err = _stopped(process, signum, private)
    name = signal.Signals(signum).name
    assert err.splitlines()[-1] == f"planforge: stopped by {name}; outputs left as they were"
    assert "Traceback" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tmp"]


def test_derive_force_stopped_midway_keeps_the_previous_folder(tmp_path: Path) -> None:
    """SIGTERM while the new folder is being written: the old one is as it was."""
    out = tmp_path / "out"
    assert main(["derive", str(PLAN), "--profile", str(DISTRICTS), "-o", str(out)]) == 0
    before = _files(out)
    process, private = _start(
        tmp_path, "derive", str(PLAN), "--profile", str(DISTRICTS), "-o", str(out), "--force"
    )
    _wait_for(
        lambda: (
            any(p.name.startswith(".out.") and p.is_dir() for p in tmp_path.iterdir())
            or process.poll() is not None
        )
    )
    _stopped(process, signal.SIGTERM, private)
    assert _files(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "tmp"]


@needs_proc
def test_render_with_pdf_interrupted_keeps_the_old_documents(tmp_path: Path) -> None:
    """Ctrl-C while soffice converts: the old .docx and .pdf untouched, no staging folder."""
    out = tmp_path / "kh.docx"
    out.write_bytes(b"old docx")
    out.with_suffix(".pdf").write_bytes(b"old pdf")
    process, private = _start(tmp_path, "render", str(PLAN), "-o", str(out), "--pdf", "--force")
    _wait_for(lambda: _processes_with(private, process.pid) or process.poll() is not None)
    _stopped(process, signal.SIGINT, private)
    assert _files(tmp_path) == {"kh.docx": b"old docx", "kh.pdf": b"old pdf"}


def test_a_second_derive_into_the_same_folder_is_refused_while_the_first_runs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The folder is taken: the second run says so and writes nothing."""
    out = tmp_path / "out"
    with folder_lock(out):
        args = [
            "derive",
            str(PLAN),
            "--profile",
            str(DISTRICTS),
            "-o",
            str(out),
            "--unit",
            "Di Linh",
        ]
        assert main(args) == 2
        assert "another planforge run is writing this folder" in capsys.readouterr().err
        assert not out.exists()
    assert main(args) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]  # no lock file left


def test_two_derives_started_together_never_replace_each_other(tmp_path: Path) -> None:
    """Run at the same moment: one writes the folder, the other is refused (taken, or
    the folder exists); the folder holds exactly one run's files."""
    out = tmp_path / "out"
    runs = [
        _start(
            tmp_path,
            "derive",
            str(PLAN),
            "--profile",
            str(DISTRICTS),
            "-o",
            str(out),
            "--unit",
            unit,
        )[0]
        for unit in ("Di Linh", "Lâm Hà")
    ]
    results = [(run.wait(timeout=120), run.communicate()[1]) for run in runs]
    assert sorted(code for code, _err in results) == [0, 2], results
    refused = next(err for code, err in results if code == 2)
    assert "another planforge run" in refused or "exists" in refused
    yamls = sorted(p.name for p in out.glob("*.yaml"))
    assert yamls in (["huyen-di-linh.yaml"], ["huyen-lam-ha.yaml"])
