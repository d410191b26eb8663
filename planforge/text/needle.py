"""The text every match of a regular expression contains, to rule a text out before matching.

A derivation runs hundreds of name patterns over every sentence and few ever
match; ``needle in text`` (a plain search) rules most of them out before the
regular expression runs.
"""

from __future__ import annotations

import functools
import importlib
import re
import sys
from typing import Any

# Python's own parser of regular expressions: private, so any failure of it only
# costs the shortcut (needle() says None), never a result.
_parser: Any = importlib.import_module("re._parser" if sys.version_info >= (3, 11) else "sre_parse")


@functools.lru_cache(maxsize=4096)
def needle(pattern: re.Pattern[str]) -> str | None:
    """The longest run of plain letters at the top level of ``pattern``, or None.

    Every match contains it.  None when no such text is certain: a case-blind
    pattern, one that is all alternatives, classes or groups.

    >>> needle(re.compile(r"(?<!\\w)[xX]ã Tân Phú(?:\\s*-\\s*|\\s+)Hòa(?!\\w)"))
    'ã Tân Phú'
    >>> needle(re.compile("a|b")) is None, needle(re.compile("ab", re.IGNORECASE)) is None
    (True, True)
    """
    if pattern.flags & re.IGNORECASE:
        return None
    try:
        items = list(_parser.parse(pattern.pattern, pattern.flags))
        literal = _parser.LITERAL
    except Exception:
        return None
    best, run = "", ""
    for op, value in items:  # the top level only: what is inside a group may not match
        run = run + chr(value) if op is literal else ""
        best = max(best, run, key=len)
    return best or None
