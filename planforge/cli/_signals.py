"""Signals during a command: stop cleanly, leaving the outputs as they were.

SIGTERM and SIGHUP raise :class:`Stopped` (a ``KeyboardInterrupt``) like Ctrl-C, so
the cleanup that runs on an interrupt — temporary files and folders removed,
LibreOffice killed, old outputs kept — runs on every stop.  SIGXFSZ is ignored so
that a file-size limit fails the write (EFBIG) with a message instead of killing us.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from types import FrameType
from typing import Any

_STOPPING = tuple(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
)


class Stopped(KeyboardInterrupt):
    """The command was stopped by a signal; the exit status is 128 + its number."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum
        self.exit_code = 128 + signum
        self.name = signal.Signals(signum).name


def _stop(signum: int, _frame: FrameType | None) -> None:
    # A second signal must not cut the cleanup short: the first one already stops us.
    for each in _STOPPING:
        signal.signal(each, signal.SIG_IGN)
    raise Stopped(signum)


@contextlib.contextmanager
def stopping_cleanly() -> Iterator[None]:
    """Within the block, a stopping signal raises :class:`Stopped` (main thread only)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    handled: list[Any] = [*_STOPPING]
    if hasattr(signal, "SIGXFSZ"):
        handled.append(signal.SIGXFSZ)
    previous = {each: signal.getsignal(each) for each in handled}
    for each in _STOPPING:
        signal.signal(each, _stop)
    if hasattr(signal, "SIGXFSZ"):
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    try:
        yield
    finally:
        for each, handler in previous.items():
            signal.signal(each, handler)
