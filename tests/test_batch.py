"""The batch engine: the same files whatever the number of workers, errors and stops clean."""

from __future__ import annotations

import io
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from planforge.batch import run_batch
from planforge.cli import main
from planforge.cli._progress import Progress
from planforge.errors import OutputError

ROOT = Path(__file__).resolve().parents[1]
PLAN = ROOT / "examples" / "lam-dong-2021" / "ke-hoach-7851.yaml"
COMMUNES = ROOT / "examples" / "lam-dong-2021" / "profile-2025-communes.yaml"
PROC = Path("/proc")
needs_proc = pytest.mark.skipif(not PROC.is_dir(), reason="needs /proc to find the workers")

UNIT = """\
  - name: Ủy ban nhân dân xã Thử Nghiệm {n}
    short_name: xã Thử Nghiệm {n}
    kind: xã
    place: Thử Nghiệm {n}
    level: commune
    archive: VT, VHXH
    signature:
      authority: [TM. ỦY BAN NHÂN DÂN, KT. CHỦ TỊCH]
      title: Phó Chủ tịch
      name: Lê Văn An
"""


def _many_communes(folder: Path, count: int) -> Path:
    """The bundled communes profile with ``count`` more communes after its own."""
    profile = folder / "profile-many.yaml"
    extra = "".join(UNIT.format(n=n) for n in range(1, count + 1))
    profile.write_text(COMMUNES.read_text(encoding="utf-8") + extra, encoding="utf-8")
    return profile


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir()}


def _square(number: int) -> int:
    return number * number


def _refuse_three(number: int) -> int:
    if number == 3:
        raise OutputError("cannot write here: the disk is full", f"unit-{number}.docx")
    return number


def test_results_come_in_the_order_of_the_items_whatever_the_workers() -> None:
    done: list[int] = []
    results = run_batch(list(range(20)), _square, jobs=3, on_done=lambda i, _r: done.append(i))
    assert results == [n * n for n in range(20)]
    assert sorted(done) == list(range(20))


@pytest.mark.parametrize("jobs", [1, 2])
def test_an_error_of_one_item_is_raised_with_its_location(jobs: int) -> None:
    with pytest.raises(OutputError) as raised:
        run_batch(list(range(6)), _refuse_three, jobs=jobs)
    assert str(raised.value) == "unit-3.docx: cannot write here: the disk is full"


def test_one_worker_and_two_write_the_same_bytes(tmp_path: Path) -> None:
    """Every file of a derivation, byte for byte, whether one process or two wrote it."""
    profile = _many_communes(tmp_path, 3)
    for jobs in ("1", "2"):
        out = tmp_path / f"jobs-{jobs}"
        args = ["derive", str(PLAN), "--profile", str(profile), "-o", str(out), "--jobs", jobs]
        assert main([*args, "--cover-letter"]) == 0
    one, two = _files(tmp_path / "jobs-1"), _files(tmp_path / "jobs-2")
    # yaml, draft, review, tracked copy; cover letter (yaml, docx); summary (xlsx, json); marker
    assert len(one) == 8 * 4 + 2 + 2 + 1
    assert one == two


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_on_a_terminal_a_bar_shows_the_rate_and_the_time_left() -> None:
    stream = _Terminal()
    with Progress(["xã A", "xã B", "xã C"], stream) as progress:
        for index in (2, 0, 1):
            progress.step(index)
    shown = stream.getvalue()
    assert "3/3" in shown
    assert re.search(r"unit/s|s/unit", shown)
    assert re.search(r"\[\d\d:\d\d<\d\d:\d\d", shown)  # elapsed<left


def test_in_a_log_each_unit_has_a_line_in_the_units_order() -> None:
    """Workers finish in any order; the log lists the units as the profile does."""
    stream = io.StringIO()
    with Progress(["xã A", "xã B", "xã C"], stream) as progress:
        for index in (2, 0, 1):
            progress.step(index)
    assert stream.getvalue().splitlines() == ["1/3 xã A", "2/3 xã B", "3/3 xã C"]


def test_jobs_must_be_a_positive_whole_number(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["derive", str(PLAN), "--profile", str(COMMUNES), "-o", "x", "--jobs", "0"])
    assert "--jobs" in capsys.readouterr().err


def _workers(marker: str) -> list[int]:
    """The processes whose environment holds ``marker`` (the run and its workers)."""
    found = []
    for entry in PROC.iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
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


def _start_derive(tmp_path: Path, count: int) -> tuple[subprocess.Popen[str], str, Path]:
    """A derivation of ``count`` more communes by two workers, in a session of its own."""
    private = tmp_path / "tmp"
    private.mkdir()
    out = tmp_path / "out"
    profile = _many_communes(tmp_path, count)
    env = {**os.environ, "TMPDIR": str(private), "PYTHONPATH": str(ROOT)}
    args = ["derive", str(PLAN), "--profile", str(profile), "-o", str(out), "--jobs", "2"]
    process = subprocess.Popen(
        [sys.executable, "-m", "planforge", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        start_new_session=True,
    )

    def started() -> bool:  # a unit is written in the staging folder
        folders = [p for p in tmp_path.iterdir() if p.name.startswith(".out.")]
        return process.poll() is not None or any(any(f.glob("*.docx")) for f in folders)

    _wait_for(started)
    return process, str(private), out


@needs_proc
def test_ctrl_c_stops_the_workers_and_says_which_units_were_done(tmp_path: Path) -> None:
    """Ctrl-C reaches the whole group; the run names the units done and writes nothing."""
    process, private, out = _start_derive(tmp_path, 40)
    os.killpg(process.pid, signal.SIGINT)
    _out, err = process.communicate(timeout=60)
    assert process.returncode == 130, err
    lines = err.splitlines()
    assert lines[-1] == "planforge: stopped by SIGINT; outputs left as they were"
    assert lines[-2].startswith("stopped after ") and "of 45 units (" in lines[-2]
    assert "Traceback" not in err
    _wait_for(lambda: not _workers(private), 10)
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["profile-many.yaml", "tmp"]


@needs_proc
def test_the_workers_die_with_a_killed_parent(tmp_path: Path) -> None:
    """SIGKILL leaves no cleanup to anyone, but no worker goes on deriving either."""
    process, private, _out = _start_derive(tmp_path, 40)
    _wait_for(lambda: len(_workers(private)) >= 3 or process.poll() is not None)  # and two workers
    assert process.poll() is None
    process.kill()
    process.communicate(timeout=60)
    _wait_for(lambda: not _workers(private), 10)
