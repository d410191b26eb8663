"""Progress of a batch on stderr: a bar with rate and time left on a terminal, lines otherwise.

On a terminal (tqdm): ``45%|████▌     | 1500/3321 [00:12<00:14, 125 đơn vị/s] xã …``.
In a log or a pipe: one plain line ``n/total name`` per unit, in the units' order
whatever order the workers finish them in, so that two runs log alike.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from types import TracebackType
from typing import Any, TextIO

from planforge.i18n import _


class Progress:
    """Counts units as they are done; use as a context manager around the batch."""

    def __init__(self, names: Sequence[str], stream: TextIO | None = None) -> None:
        self.units = list(names)
        self.total = len(self.units)
        self.done = 0
        self.names: list[str] = []
        self._finished: set[int] = set()
        self._logged = 0
        self.stream = stream or sys.stderr
        total = self.total
        self._bar: Any = None
        if self.stream.isatty() and total > 0:
            from tqdm import tqdm  # only a terminal needs it

            self._bar = tqdm(
                total=total,
                file=self.stream,
                unit=_("unit"),
                dynamic_ncols=True,
                leave=True,
            )

    def step(self, index: int) -> None:
        """The unit at ``index`` is done."""
        name = self.units[index]
        self.done += 1
        self.names.append(name)
        self._finished.add(index)
        if self._bar is None:
            while self._logged in self._finished:
                self._logged += 1
                print(
                    f"{self._logged}/{self.total} {self.units[self._logged - 1]}", file=self.stream
                )
            return
        self._bar.set_postfix_str(name[:40], refresh=False)
        self._bar.update(1)

    def __enter__(self) -> Progress:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        _error: BaseException | None,
        _traceback: TracebackType | None,
    ) -> None:
        if self._bar is not None:
            self._bar.close()
        if kind is not None and issubclass(kind, KeyboardInterrupt) and self.done < self.total:
            print(self.stopped_line(), file=self.stream)

    def stopped_line(self) -> str:
        """Which units were done when the batch was stopped (none of them is written)."""
        shown = ", ".join(self.names[:5]) + (", …" if len(self.names) > 5 else "")
        return _(
            "stopped after {done} of {total} units ({names}); nothing was written, "
            "run the command again to derive them all"
        ).format(done=self.done, total=self.total, names=shown or "-")
