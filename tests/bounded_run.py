"""Run one planforge command in a child process with bounded memory and time.

The hardening tests feed planforge inputs built to exhaust memory or time; a child
process with an address-space limit proves the bound without risking the test run.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MEMORY_BYTES = 1536 * 2**20
"""Address space of the child: the interpreter, lxml, docx and Jinja need about 400 MB."""
SECONDS = 10.0
"""The time a refusal may take, generous for a loaded machine."""

_CHILD = """
import resource, sys
resource.setrlimit(resource.RLIMIT_AS, ({memory}, {memory}))
from planforge.cli import main
sys.exit(main(sys.argv[1:]))
"""


@dataclass(frozen=True)
class Run:
    """What the child did: its exit code, its error output and how long it took."""

    code: int
    err: str
    seconds: float


def run_bounded(*args: str | os.PathLike[str], cwd: Path | None = None) -> Run:
    """``planforge ARGS`` in a child limited to ``MEMORY_BYTES``; killed after a minute."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PLANFORGE_LANG": "en"}
    start = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-c", _CHILD.format(memory=MEMORY_BYTES), *map(str, args)],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        cwd=cwd,
        stdin=subprocess.DEVNULL,
    )
    return Run(done.returncode, done.stderr, time.monotonic() - start)
