"""Regular expressions written by users (profile rules), compiled and run with a time limit.

Python's ``re`` cannot stop a match: a pattern such as ``(a|aa)+$`` takes longer than
the age of the universe on a sentence of 50 letters.  User patterns go through the
``regex`` module instead, whose every call takes a ``timeout``; a pattern or a
replacement that cannot work is refused when the profile is read.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import regex  # type: ignore[import-untyped]

from planforge.i18n import _

MAX_PATTERN_CHARS = 1000
"""The longest pattern accepted; profile patterns are a few dozen characters."""
MATCH_SECONDS = 1.0
"""The longest one search or substitution of a user pattern may take (checked coarsely:
the ``regex`` module may overrun it by a few seconds)."""


class PatternError(ValueError):
    """A user pattern that cannot be compiled, or a replacement that cannot be used."""


class PatternTimeout(Exception):
    """A user pattern took longer than ``MATCH_SECONDS`` on one text."""


@lru_cache(maxsize=256)
def compile_pattern(source: str) -> Any:
    """The compiled pattern, or ``PatternError`` saying why it is not a valid one."""
    if len(source) > MAX_PATTERN_CHARS:
        raise PatternError(
            _("the pattern is longer than {limit} characters").format(limit=MAX_PATTERN_CHARS)
        )
    try:
        return regex.compile(source, regex.VERSION0)
    except (regex.error, OverflowError, RecursionError, ValueError) as exc:
        raise PatternError(_("invalid regular expression: {reason}").format(reason=exc)) from None


def check_replacement(source: str, replacement: str) -> None:
    """Refuse a replacement naming a group the pattern lacks (``\\9``, ``\\g<name>``).

    The pattern is given an empty alternative so that it matches the empty text;
    every group is then unmatched (empty), and only references are checked.
    """
    compile_pattern(source)  # its own errors first, about the pattern as written
    probe = compile_pattern(f"{source}\n|")
    match = probe.match("")
    if match is None:  # pragma: no cover - an empty alternative always matches
        return
    try:
        match.expand(replacement)
    except IndexError as exc:
        raise PatternError(
            _("the replacement names a group the pattern does not have ({reason})").format(
                reason=exc
            )
        ) from None
    except regex.error as exc:
        raise PatternError(_("invalid replacement: {reason}").format(reason=exc)) from None


def search(source: str, text: str) -> Any:
    """The first match of the user pattern ``source`` in ``text``, or None."""
    try:
        return compile_pattern(source).search(text, timeout=MATCH_SECONDS)
    except TimeoutError:
        raise PatternTimeout(source) from None


def substitute(source: str, replacement: str, text: str) -> str:
    """``text`` with every match of the user pattern ``source`` replaced."""
    try:
        result: str = compile_pattern(source).sub(replacement, text, timeout=MATCH_SECONDS)
    except TimeoutError:
        raise PatternTimeout(source) from None
    return result
