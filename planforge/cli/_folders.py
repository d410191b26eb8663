"""The folder ``derive`` writes: locked while it is written, marked with what it holds.

A lock file beside the folder keeps two runs from writing it at once; the marker
``.planforge-derive`` inside lists the files a derive wrote, so that ``--force``
replaces a folder only when it holds nothing else (never a user's own folder).
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

from planforge.errors import OutputError
from planforge.i18n import _
from planforge.outputs import signals_held, writing

MARKER = ".planforge-derive"
"""The file inside a derived folder listing what the derive wrote there."""

_MARKER_HEADER = (
    "# Written by planforge derive: `planforge derive --force` replaces this folder\n"
    "# only while it holds nothing but the files listed here.\n"
)


@contextlib.contextmanager
def folder_lock(output: Path) -> Iterator[None]:
    """Hold ``.NAME.lock`` beside ``output`` (which must have an existing parent).

    A second run aiming at the same folder is refused at once instead of one run
    silently replacing the other's work.  The lock is an ``flock``, so a run that is
    killed leaves no stale lock behind (only, at worst, an empty file).
    """
    lock = output.with_name(f".{output.name}.lock")
    with writing(lock):
        while True:
            handle = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                os.close(handle)
                message = _(
                    "another planforge run is writing this folder; "
                    "wait for it to finish or choose another folder"
                )
                raise OutputError(message, str(output)) from None
            # The run that held the lock may have removed the file after we opened it:
            # then the lock is on a file no one else sees, so take the new one instead.
            with contextlib.suppress(FileNotFoundError):
                if os.stat(lock).st_ino == os.fstat(handle).st_ino:
                    break
            os.close(handle)
    try:
        yield
    finally:
        lock.unlink(missing_ok=True)
        os.close(handle)


def write_marker(folder: Path, names: Iterable[str]) -> None:
    """List the files of a freshly derived folder in its marker."""
    listing = "".join(f"{name}\n" for name in sorted(names))
    (folder / MARKER).write_text(_MARKER_HEADER + listing, encoding="utf-8")


def check_replaceable(folder: Path) -> None:
    """Refuse ``--force`` over a folder a derive did not write, or that holds more.

    ``--force`` deletes the old folder, so it must hold only what a derive wrote.
    """
    if not folder.is_dir():
        raise OutputError(_("the output exists and is not a folder"), str(folder))
    marker = folder / MARKER
    if not marker.is_file():
        message = _(
            "--force replaces only a folder written by planforge derive, and this one "
            "has no {marker}; choose another folder (your files are left alone)"
        )
        raise OutputError(message.format(marker=MARKER), str(folder))
    with writing(marker):
        lines = marker.read_text(encoding="utf-8", errors="replace").splitlines()
    listed = {line for line in lines if line and not line.startswith("#")}
    extra = sorted(p.name for p in folder.iterdir() if p.name != MARKER and p.name not in listed)
    if extra:
        message = _(
            "--force would delete files planforge did not write: {names}; "
            "move them out of the folder first, or choose another folder"
        )
        shown = ", ".join(extra[:5]) + (", …" if len(extra) > 5 else "")
        raise OutputError(message.format(names=shown), str(folder))


def replace_folder(temporary: Path, target: Path) -> None:
    """Move the finished folder into place; an old one is removed only afterwards.

    Signals wait until the swap is done, and a failed swap puts the old folder back.
    """
    with signals_held(), writing(target):
        old = None
        if target.exists():
            old = target.with_name(f".{target.name}.old-{time.time_ns()}")
            target.rename(old)
        try:
            temporary.rename(target)
        except BaseException:
            if old is not None:
                old.rename(target)
            raise
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
