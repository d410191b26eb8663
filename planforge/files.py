"""Safe output files: write to a temporary file beside the target, then rename."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from planforge.errors import OutputError, OutputExistsError
from planforge.i18n import _
from planforge.outputs import made_folder, writing


@contextlib.contextmanager
def atomic_path(target: str | os.PathLike[str], *, overwrite: bool = True) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; on success rename it over ``target``.

    On any error the temporary file is removed and ``target`` is untouched,
    so a reader never sees a half-written document.
    """
    target = Path(target)
    if target.exists() and not overwrite:
        raise OutputExistsError(
            _("the file exists; choose another name or pass --force to replace it"), str(target)
        )
    if target.is_dir():
        raise OutputError(_("a folder of that name is in the way"), str(target))
    # An OSError in here (full disk, file size limit, name too long, a file where a
    # folder should be) is the user's to fix: one message naming the target.
    with made_folder(target.parent), writing(target):
        handle, name = tempfile.mkstemp(
            prefix=f".{target.name[:40]}.", suffix=".tmp", dir=target.parent
        )
        os.close(handle)
        temporary = Path(name)
        try:
            yield temporary
            # mkstemp makes the file private (0600); give it the mode a plain open() would.
            os.chmod(temporary, 0o666 & ~_umask())
            os.replace(temporary, target)
        finally:
            temporary.unlink(missing_ok=True)


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def write_text(target: str | os.PathLike[str], text: str, *, overwrite: bool = True) -> None:
    """Write UTF-8 text atomically."""
    with atomic_path(target, overwrite=overwrite) as temporary:
        temporary.write_text(text, encoding="utf-8")
