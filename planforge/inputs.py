"""Read a user's input file safely: a regular file only, never more than a limit.

Every reader of a user's file (plan, profile, results, template, document to check
or import) goes through :func:`read_input`, so that a FIFO, a device such as
``/dev/zero`` or a folder is refused at once instead of blocking or filling memory.
"""

from __future__ import annotations

import errno
import os
import stat

from planforge.errors import PlanforgeError
from planforge.i18n import _

MAX_INPUT_BYTES = 64 * 1024 * 1024
"""The largest input file read: real plans, profiles and templates are well under 10 MB."""


class InputError(PlanforgeError):
    """A user's input file that cannot be read: missing, not a regular file, too large."""

    def __init__(self, message: str, file: str) -> None:
        super().__init__(message, file)
        self.file = file


def read_input(path: str | os.PathLike[str], limit: int = MAX_INPUT_BYTES) -> bytes:
    """The bytes of the regular file ``path``, at most ``limit`` of them, or ``InputError``.

    The file is opened without blocking (a FIFO with no writer would otherwise wait
    forever) and its type is checked on the open descriptor, so that what is checked
    is what is read.
    """
    name = os.fspath(path)
    name = name if isinstance(name, str) else os.fsdecode(name)
    if "\0" in name:
        raise InputError(_("the file name holds a NUL character"), repr(name))
    try:
        descriptor = os.open(name, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise InputError(_("no such file; check the path"), name) from None
    except IsADirectoryError:
        raise InputError(_("this is a folder, not a file"), name) from None
    except OSError as exc:
        raise InputError(
            _("cannot read the file: {reason}").format(reason=exc.strerror), name
        ) from None
    try:
        info = os.fstat(descriptor)
        if stat.S_ISDIR(info.st_mode):
            raise InputError(_("this is a folder, not a file"), name)
        if not stat.S_ISREG(info.st_mode):
            raise InputError(
                _("this is not a regular file (a pipe, a device or a socket); give a file"), name
            )
        if info.st_size > limit:
            raise InputError(_too_large(limit), name)
        _blocking(descriptor)
        with os.fdopen(descriptor, "rb", closefd=False) as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        reason = exc.strerror or errno.errorcode.get(exc.errno or 0, str(exc))
        raise InputError(_("cannot read the file: {reason}").format(reason=reason), name) from None
    finally:
        os.close(descriptor)
    if len(data) > limit:  # the file grew while it was read
        raise InputError(_too_large(limit), name)
    return data


def _too_large(limit: int) -> str:
    return _("the file is larger than {size} MB; planforge reads input files up to that").format(
        size=limit // 2**20
    )


def _blocking(descriptor: int) -> None:
    """Regular files ignore O_NONBLOCK, but clear it so that reads behave as usual."""
    if hasattr(os, "set_blocking"):
        os.set_blocking(descriptor, True)
