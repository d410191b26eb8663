"""Where output files go: inside their folder, all of a batch or none, errors named.

Every command writes through these helpers so that a full disk, a name too long, a
folder in the way or a signal gives one located :class:`OutputError` (or a clean
interrupt) and leaves the previous outputs as they were.
"""

from __future__ import annotations

import contextlib
import errno
import gc
import os
import shutil
import signal
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from planforge.errors import OutputError
from planforge.i18n import N_, _

_REASONS = {
    errno.ENOSPC: N_("the disk is full"),
    errno.EDQUOT: N_("the disk quota is exhausted"),
    errno.EFBIG: N_("the file is larger than this system allows (file size limit)"),
    errno.ENAMETOOLONG: N_("the name is too long for the file system"),
    errno.EACCES: N_("permission denied"),
    errno.EPERM: N_("permission denied"),
    errno.EROFS: N_("the file system is read-only"),
    errno.EISDIR: N_("a folder of that name is in the way"),
    errno.ENOTDIR: N_("a part of the path is a file, not a folder"),
    errno.EEXIST: N_("a file of that name is in the way"),
    errno.ENOTEMPTY: N_("a folder of that name is in the way"),
}


def output_error(exc: OSError, path: str | os.PathLike[str]) -> OutputError:
    """The one-line error for an operating-system failure while writing ``path``."""
    reason = _REASONS.get(exc.errno or 0)
    detail = _(reason) if reason else (exc.strerror or str(exc))
    return OutputError(_("cannot write here: {reason}").format(reason=detail), str(path))


def file_system_error(exc: OSError) -> OutputError:
    """An ``OSError`` met outside the writing layer, as one message on the file it names."""
    reason = _REASONS.get(exc.errno or 0)
    detail = _(reason) if reason else (exc.strerror or str(exc))
    message = _("the file system refused: {reason}").format(reason=detail)
    return OutputError(message, os.fsdecode(exc.filename) if exc.filename else None)


@contextlib.contextmanager
def writing(path: str | os.PathLike[str]) -> Iterator[None]:
    """Turn an ``OSError`` raised inside the block into an :class:`OutputError` on ``path``."""
    try:
        yield
    except OSError as exc:
        raise output_error(exc, path) from exc


@contextlib.contextmanager
def writing_as(path: str | os.PathLike[str]) -> Iterator[None]:
    """Like :func:`writing`, and an :class:`OutputError` from a temporary file inside
    the block is renamed after ``path``, the file the user asked for."""
    try:
        yield
    except OutputError as exc:
        raise OutputError(exc.message, str(path)) from exc
    except OSError as exc:
        raise output_error(exc, path) from exc


def inside(folder: Path, name: str) -> Path:
    """``folder / name``, refused unless it is a plain file directly inside ``folder``.

    The last guard before writing: whatever a profile or a file name says, nothing
    is written outside the output folder.
    """
    target = folder / name
    if (
        not name
        or name in (".", "..")
        or any(c in name for c in "/\\\0")
        or target.resolve().parent != folder.resolve()
    ):
        raise OutputError(
            _("the file name {name!r} would leave the output folder").format(name=name),
            str(folder),
        )
    return target


@contextlib.contextmanager
def made_folder(folder: Path) -> Iterator[Path]:
    """Create ``folder`` and its missing parents; on failure remove the ones made (if empty)."""
    missing: list[Path] = []
    probe = folder
    while not probe.exists() and probe != probe.parent:
        missing.append(probe)
        probe = probe.parent
    with writing(folder):
        if folder.exists() and not folder.is_dir():
            raise NotADirectoryError(errno.ENOTDIR, "not a folder", str(folder))
        folder.mkdir(parents=True, exist_ok=True)
    try:
        yield folder
    except BaseException:
        for made in missing:  # the deepest first
            with contextlib.suppress(OSError):
                made.rmdir()
        raise


_HELD = {signal.SIGINT, signal.SIGTERM}


def release_held() -> None:
    """Unblock the signals :func:`signals_held` holds (in a child process started inside)."""
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _HELD)


@contextlib.contextmanager
def signals_held() -> Iterator[None]:
    """Hold SIGINT and SIGTERM back while files are swapped, so a batch moves whole.

    The signal is delivered (and the command stops) as soon as the block ends.
    """
    if not hasattr(signal, "pthread_sigmask"):  # pragma: no cover - Windows
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, _HELD)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def commit(moves: list[tuple[Path, Path]], spare: Path) -> None:
    """Move each finished file onto its target: all of them, or none.

    An existing target is first set aside in ``spare`` (a folder on the same disk,
    removed by the caller); if any move fails, the targets already moved are put back.
    """
    for _source, target in moves:
        if target.is_dir():
            raise OutputError(_("a folder of that name is in the way"), str(target))
    done: list[tuple[Path, Path | None]] = []
    with signals_held():
        try:
            for index, (source, target) in enumerate(moves):
                kept = None
                if target.exists():
                    kept = spare / f"{index}.old"
                    with writing(target):
                        os.replace(target, kept)
                done.append((target, kept))
                with writing(target):
                    os.replace(source, target)
        except BaseException:
            for target, kept in reversed(done):
                with contextlib.suppress(OSError):
                    if kept is not None:
                        os.replace(kept, target)
                    else:
                        target.unlink(missing_ok=True)
            raise


@contextlib.contextmanager
def staging(folder: Path, prefix: str = ".planforge-") -> Iterator[Path]:
    """A temporary folder inside ``folder`` (made if missing) to build a batch in.

    It is removed on the way out, whatever happens; folders made for it are
    removed again if the batch fails.
    """
    with made_folder(folder):
        work: Path | None = None
        try:
            with writing(folder):
                work = Path(tempfile.mkdtemp(prefix=prefix, dir=folder))
            yield work
        finally:
            if work is not None:
                with signals_held():  # a signal now must not cut the removal short
                    shutil.rmtree(work, ignore_errors=True)


_REPORTED = (errno.EFBIG, errno.ENOSPC, errno.EDQUOT)


@contextlib.contextmanager
def quiet_failed_writes() -> Iterator[None]:
    """Silence the second report of a write that already failed with a message.

    A library writer (python-docx's zip file) left open by a failed write tries to
    flush again when it is collected and prints "Exception ignored … File too large";
    the user has had the one clear message already.  Other leftovers are reported.
    """
    previous = sys.unraisablehook

    def hook(unraisable: sys.UnraisableHookArgs) -> None:
        value = unraisable.exc_value
        if not (isinstance(value, OSError) and value.errno in _REPORTED):
            previous(unraisable)

    sys.unraisablehook = hook
    try:
        yield
    finally:
        gc.collect()  # finalize the leftovers of this run while the hook is quiet
        sys.unraisablehook = previous
