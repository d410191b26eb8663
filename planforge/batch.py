"""A batch (lô) of independent jobs, one per unit, across worker processes.

``run_batch(items, work, jobs=N)`` calls ``work(item)`` for every item, in ``N``
forked worker processes, and returns the results in the order of the items, so
that what a batch writes never depends on the number of workers.  The first item
is done in this process, then the workers are forked: they inherit ``work`` and
``items`` (the source plan, the profile) and all that the first item prepared
(the compiled template) instead of receiving them pickled or making them again,
and each is sent only the index of its next item.  A worker ignores Ctrl-C (the
terminal sends it to the whole group: the parent alone decides to stop), and dies
with the parent even if the parent is killed outright (Linux's parent-death signal).
When the parent stops, fails or is interrupted, the workers are killed and waited
for before the exception goes on, so no worker writes after the caller has cleaned up.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import gc
import multiprocessing
import os
import pickle
import signal
import sys
from collections.abc import Callable, Generator, Sequence
from multiprocessing.pool import Pool
from typing import Any, Generic, TypeVar

from planforge.errors import PlanforgeError
from planforge.outputs import release_held

__all__ = ["default_jobs", "run_batch"]

Item = TypeVar("Item")
Result = TypeVar("Result")

_PR_SET_PDEATHSIG = 1
"""prctl(2): the signal a process gets when its parent dies."""


def default_jobs() -> int:
    """How many workers by default: the cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return max(len(os.sched_getaffinity(0)), 1)
    return max(os.cpu_count() or 1, 1)


class _Failed:
    """A planforge error raised by ``work`` in a worker, carried back to be raised again."""

    def __init__(self, error: PlanforgeError) -> None:
        try:  # an error whose class cannot be rebuilt from its pickle goes as a plain one
            pickle.loads(pickle.dumps(error))
            self.error = error
        except Exception:
            plain = PlanforgeError(error.message, error.location)
            plain.exit_code = error.exit_code
            self.error = plain


class _Job(Generic[Item, Result]):
    """What the forked workers inherit: the items and the work to do on each."""

    def __init__(self, items: Sequence[Item], work: Callable[[Item], Result]) -> None:
        self.items = items
        self.work = work


_job: _Job[Any, Any] | None = None


def _start_worker() -> None:
    """In a new worker: Ctrl-C and hang-ups are the parent's to act on; die with the parent."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if hasattr(signal, "SIGHUP"):
        signal.signal(signal.SIGHUP, signal.SIG_IGN)
    release_held()
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
        if os.getppid() == 1:  # the parent died before prctl took effect
            os._exit(1)


def _run_one(index: int) -> tuple[int, Any]:
    assert _job is not None
    try:
        return index, _job.work(_job.items[index])
    except PlanforgeError as error:
        return index, _Failed(error)


def _run_one_here(work: Callable[[Item], Result], item: Item) -> Any:
    try:
        return work(item)
    except PlanforgeError as error:
        return _Failed(error)


def run_batch(
    items: Sequence[Item],
    work: Callable[[Item], Result],
    *,
    jobs: int = 1,
    on_done: Callable[[int, Result], None] | None = None,
) -> list[Result]:
    """``[work(item) for item in items]``, done by ``jobs`` worker processes.

    ``on_done(index, result)`` is called in this process as each item is done (in
    the order they finish).  A ``PlanforgeError`` of any item stops the batch and is
    raised here.  With ``jobs`` 1, one item, or no ``fork`` on this system, the items
    are done here, one by one.
    """
    results: dict[int, Result] = {}
    with contextlib.closing(_results(items, work, jobs)) as done:
        for index, result in done:
            if isinstance(result, _Failed):
                raise result.error
            results[index] = result
            if on_done is not None:
                on_done(index, result)
    return [results[index] for index in range(len(items))]


def _results(
    items: Sequence[Item], work: Callable[[Item], Result], jobs: int
) -> Generator[tuple[int, Any], None, None]:
    workers = min(jobs, len(items) - 1)  # the first item is done here (below)
    if workers <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        for index, item in enumerate(items):
            yield index, work(item)
        return
    # The first item is done here, before the workers are forked: what it prepares on
    # the way (the template's package and compiled Jinja, deflated parts, the blank
    # review) is then inherited by every worker instead of being made once in each.
    yield 0, _run_one_here(work, items[0])
    global _job
    _job = _Job(items, work)
    # Objects made so far leave the collector's lists, so that the workers' collections
    # do not write to (and copy) the pages they share with us.  No gc.collect() here: a
    # finalizer (__del__) it runs would swallow a Ctrl-C arriving meanwhile.
    gc.freeze()
    pool: Pool | None = None
    try:
        pool = multiprocessing.get_context("fork").Pool(workers, initializer=_start_worker)
        yield from pool.imap_unordered(_run_one, range(1, len(items)))
        pool.close()
        pool.join()
    finally:
        if pool is not None:
            pool.terminate()  # a no-op after close(); kills the workers on any way out
            pool.join()
        gc.unfreeze()
        _job = None
