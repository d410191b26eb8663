"""An ``argparse`` parser that speaks the user's language.

argparse translates its own texts ("usage:", "the following arguments are
required") through the process-wide gettext domain, which a library must not
take over.  So the few texts it shows are replaced through its public hooks
instead: our own ``-h`` and section titles, a formatter that passes the
"usage:" prefix, and an :meth:`Parser.error` that recognises argparse's English
message by its template and gives our catalogue's translation of it.
"""

from __future__ import annotations

import argparse
import re
import sys
from typing import Any, NoReturn

from planforge.errors import PlanforgeError
from planforge.i18n import N_, _

HELP = N_("show this help message and exit")
USAGE = N_("usage: ")
SECTIONS = (N_("positional arguments"), N_("options"), N_("optional arguments"))
"""The section titles argparse gives (``optional arguments`` before Python 3.10)."""

ARGUMENT = N_("argument %(argument_name)s: %(message)s")
"""argparse's wrapper around an argument's own message, translated separately."""

TEMPLATES = (
    N_("the following arguments are required: %s"),
    N_("unrecognized arguments: %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"),
    N_("expected one argument"),
    N_("expected at least one argument"),
    N_("expected at most one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("ignored explicit argument %r"),
    N_("not allowed with argument %s"),
    N_("one of the arguments %s is required"),
)
"""argparse's messages (Python 3.10 to 3.13) that a user can cause on our commands."""

_PLACEHOLDER = re.compile(r"%\((\w+)\)[sr]|%[sr]")


def _pattern(template: str) -> re.Pattern[str]:
    """A pattern that matches the messages ``template`` makes, one group per placeholder."""
    parts, last, count = [], 0, 0
    for match in _PLACEHOLDER.finditer(template):
        parts.append(re.escape(template[last : match.start()]))
        parts.append(f"(?P<{match.group(1) or f'p{count}'}>.+?)")
        count += 1
        last = match.end()
    parts.append(re.escape(template[last:]))
    return re.compile("".join(parts) + r"\Z", re.DOTALL)


def _fill(template: str, values: dict[str, str]) -> str:
    """The translated ``template`` with the text each placeholder had in the English one.

    The English text already holds each value's ``repr``, so ``%r`` becomes ``%s``.
    """
    plain = re.sub(r"(%\(\w+\))r", r"\1s", template).replace("%r", "%s")
    if "%(" in plain:
        return plain % values
    return plain % tuple(values[f"p{i}"] for i in range(len(values)))


def translate_argparse(message: str) -> str:
    """argparse's English ``message`` in the current language (unknown ones stay as they are).

    >>> from planforge.i18n import speaking
    >>> with speaking("en"):
    ...     translate_argparse("argument --type: invalid choice: 'x' (choose from 'a', 'b')")
    "argument --type: invalid choice: 'x' (choose from 'a', 'b')"
    """
    wrapped = _pattern(ARGUMENT).match(message)
    if wrapped:
        inner = translate_argparse(wrapped["message"])
        return _(ARGUMENT) % {"argument_name": wrapped["argument_name"], "message": inner}
    for template in TEMPLATES:
        match = _pattern(template).match(message)
        if match:
            return _fill(_(template), match.groupdict())
    return message


class Formatter(argparse.HelpFormatter):
    """Help with a translated "usage:" prefix and section titles."""

    def add_usage(
        self, usage: str | None, actions: Any, groups: Any, prefix: str | None = None
    ) -> None:
        super().add_usage(usage, actions, groups, _(USAGE) if prefix is None else prefix)

    def start_section(self, heading: str | None) -> None:
        super().start_section(_(heading) if heading in SECTIONS else heading)


class Parser(argparse.ArgumentParser):
    """An ArgumentParser whose help, usage and errors are in the current language.

    Sub-parsers are made of the same class, so every command gets the same texts.
    """

    def __init__(self, *args: Any, add_help: bool = True, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", Formatter)
        kwargs["add_help"] = False  # our own -h below, with a translated help text
        super().__init__(*args, **kwargs)
        if add_help:
            self.add_argument(
                "-h", "--help", action="help", default=argparse.SUPPRESS, help=_(HELP)
            )

    def error(self, message: str) -> NoReturn:
        """Usage, then ``prog: error: message`` in the current language; exit 2."""
        self.print_usage(sys.stderr)
        text = _("{prog}: error: {message}").format(
            prog=self.prog, message=translate_argparse(message)
        )
        self.exit(2, text + "\n")


def error_line(error: PlanforgeError) -> str:
    """The one line an error gives the user: ``planforge: error: LOCATION: MESSAGE``."""
    return _("planforge: error: {error}").format(error=error)
