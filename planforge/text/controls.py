"""Characters a Word document cannot carry, or that docxtpl would turn into layout.

Word's XML (XML 1.0) has no place for most C0 control characters, lone
surrogates, U+FFFE and U+FFFF; an XML parser in recovery mode drops them and,
with them, the entities (``&amp;``, ``&lt;``) that follow.  docxtpl turns
``\\a`` into a new paragraph and ``\\f`` into a page break.  Deleting such a
character would glue two words together, so planforge refuses it and names it;
tab and newline are kept (the model turns a tab into a space).
"""

from __future__ import annotations

import re
import unicodedata

from planforge.i18n import _

_FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f\ud800-\udfff\ufffe\uffff]")

_NAMES = {
    "\x07": "bell",
    "\x08": "backspace",
    "\x0b": "vertical tab",
    "\x0c": "form feed (page break)",
    "\x0d": "carriage return",
    "\x1b": "escape",
    "\x7f": "delete",
}


def first_forbidden(text: str) -> int | None:
    """The index of the first character Word cannot carry, or None.

    >>> first_forbidden("Sở Lao động"), first_forbidden("A\\x0cB"), first_forbidden("a\\tb\\nc")
    (None, 1, None)
    """
    found = _FORBIDDEN.search(text)
    return found.start() if found else None


def character_name(char: str) -> str:
    """``U+000C (form feed (page break))``: the code point and what it is.

    >>> character_name("\\x00"), character_name("\\ud800")
    ('U+0000 (NUL)', 'U+D800 (lone surrogate)')
    """
    code = f"U+{ord(char):04X}"
    if "\ud800" <= char <= "\udfff":
        return f"{code} (lone surrogate)"
    name = _NAMES.get(char) or unicodedata.name(char, "") or _C0_ABBREVIATIONS.get(ord(char), "")
    return f"{code} ({name})" if name else code


_C0_ABBREVIATIONS = dict(
    enumerate(
        "NUL SOH STX ETX EOT ENQ ACK BEL BS HT LF VT FF CR SO SI "
        "DLE DC1 DC2 DC3 DC4 NAK SYN ETB CAN EM SUB ESC FS GS RS US".split()
    )
)


def forbidden_message(text: str) -> str | None:
    """The message refusing ``text``, quoting the words around the character; None if clean.

    >>> forbidden_message("ok") is None
    True
    """
    index = first_forbidden(text)
    if index is None:
        return None
    before = text[max(0, index - 20) : index]
    after = text[index + 1 : index + 21]
    return _(
        "the text contains the control character {char}, which a Word document cannot "
        'carry, between "{before}" and "{after}"; remove it or replace it with a space'
    ).format(char=character_name(text[index]), before=_printable(before), after=_printable(after))


def _printable(text: str) -> str:
    """``text`` with its other forbidden characters shown as ``\\x..`` (never printed raw)."""
    return _FORBIDDEN.sub(lambda m: m.group(0).encode("unicode_escape").decode("ascii"), text)
