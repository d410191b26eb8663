"""The ``planforge`` command line: a thin layer over the library.

Each command lives in its own module of this package and exposes
``register(commands)``, which adds its sub-parser and sets ``run``; modules are
found by name, so adding a command never touches this file.

The language (``--lang``) is read before the parser is built, so that the help
texts, given to argparse when the commands register, are in that language.
"""

from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import sys
from collections.abc import Sequence

from planforge import __version__
from planforge.cli._parser import Parser, error_line
from planforge.cli._signals import Stopped, stopping_cleanly
from planforge.errors import PlanforgeError
from planforge.i18n import LANGUAGES, _, speaking
from planforge.outputs import file_system_error, quiet_failed_writes

INTERNAL_ERROR = 70


def _parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="planforge",
        description=_("Kế hoạch theo Nghị định 30/2020/NĐ-CP: render, check and derive plans."),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"planforge {__version__}",
        help=_("show the version and exit"),
    )
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        help=_(
            "the language of messages: vi (Vietnamese) or en (English); "
            "default: PLANFORGE_LANG, else the locale, else vi"
        ),
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in sorted(
        m.name for m in pkgutil.iter_modules(__path__) if not m.name.startswith("_")
    ):
        importlib.import_module(f"{__name__}.{module}").register(commands)
    return parser


def requested_language(argv: Sequence[str]) -> str | None:
    """The language ``--lang`` asks for, found before parsing; None when absent or unknown.

    >>> requested_language(["--lang", "en", "validate", "x.yaml"])
    'en'
    >>> requested_language(["--lang=vi", "--help"])
    'vi'
    >>> requested_language(["validate", "--", "--lang"]) is None
    True
    """
    for index, word in enumerate(argv):
        if word == "--":
            break
        value = None
        if word == "--lang" and index + 1 < len(argv):
            value = argv[index + 1]
        elif word.startswith("--lang="):
            value = word.partition("=")[2]
        if value in LANGUAGES:
            return value
    return None


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (2 for bad input)."""
    words = list(sys.argv[1:] if argv is None else argv)
    # the error of a failed write is reported once, by _run
    with speaking(requested_language(words)), quiet_failed_writes():
        return _run(words)


def _run(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    try:
        with stopping_cleanly():
            status: int = args.run(args)
        return status
    except PlanforgeError as exc:
        print(error_line(exc), file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt as exc:
        name, code = (exc.name, exc.exit_code) if isinstance(exc, Stopped) else ("SIGINT", 130)
        message = _("planforge: stopped by {signal}; outputs left as they were")
        print(message.format(signal=name), file=sys.stderr)
        return code
    except BrokenPipeError:  # the reader left (`planforge units | head`): not an error to show
        # Python would complain again when it flushes stdout at exit: point it nowhere.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except OSError as exc:  # a path the system refused before the writing layer saw it
        print(error_line(file_system_error(exc)), file=sys.stderr)
        return 2
    except Exception as exc:  # one line for the user, never a traceback
        if os.environ.get("PLANFORGE_DEBUG"):
            raise
        print(
            _(
                "planforge: internal error: {kind}: {error} "
                "(set PLANFORGE_DEBUG=1 for details and report it)"
            ).format(kind=type(exc).__name__, error=exc),
            file=sys.stderr,
        )
        return INTERNAL_ERROR
