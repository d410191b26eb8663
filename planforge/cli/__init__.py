"""The ``planforge`` command line: a thin layer over the library.

Each command lives in its own module of this package and exposes
``register(commands)``, which adds its sub-parser and sets ``run``; modules are
found by name, so adding a command never touches this file.
"""

from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import sys
from collections.abc import Sequence

from planforge import __version__
from planforge.cli._signals import Stopped, stopping_cleanly
from planforge.errors import PlanforgeError
from planforge.i18n import _
from planforge.outputs import quiet_failed_writes

INTERNAL_ERROR = 70


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="planforge",
        description="Kế hoạch theo Nghị định 30/2020/NĐ-CP: render, check and derive plans.",
    )
    parser.add_argument("--version", action="version", version=f"planforge {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in sorted(
        m.name for m in pkgutil.iter_modules(__path__) if not m.name.startswith("_")
    ):
        importlib.import_module(f"{__name__}.{module}").register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (2 for bad input)."""
    with quiet_failed_writes():  # the error is reported once, by _main
        return _main(argv)


def _main(argv: Sequence[str] | None) -> int:
    args = _parser().parse_args(argv)
    try:
        with stopping_cleanly():
            status: int = args.run(args)
        return status
    except PlanforgeError as exc:
        print(f"planforge: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt as exc:
        name, code = (exc.name, exc.exit_code) if isinstance(exc, Stopped) else ("SIGINT", 130)
        message = _("planforge: stopped by {signal}; outputs left as they were")
        print(message.format(signal=name), file=sys.stderr)
        return code
    except Exception as exc:  # one line for the user, never a traceback
        if os.environ.get("PLANFORGE_DEBUG"):
            raise
        print(
            f"planforge: internal error: {type(exc).__name__}: {exc} "
            "(set PLANFORGE_DEBUG=1 for details and report it)",
            file=sys.stderr,
        )
        return INTERNAL_ERROR
