"""Unicode normalisation of Vietnamese text to NFC (TCVN 6909:2001 precomposed)."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")


def nfc(text: str) -> str:
    """Return ``text`` in NFC, the precomposed form Nghị định 30 expects.

    >>> nfc("Hoa\u0300") == "Hoà"
    True
    """
    return unicodedata.normalize("NFC", text)


def collapse_spaces(text: str) -> str:
    """Collapse runs of spaces (tabs, non-breaking spaces too) and strip the ends.

    >>> collapse_spaces("  Số:\u00a0 7851/KH-UBND ")
    'Số: 7851/KH-UBND'
    """
    return _SPACES.sub(" ", text).strip()


def clean(text: str) -> str:
    """NFC and collapsed spaces: the form in which the model stores a line of text.

    >>> clean("Ha\u0300  Nội")
    'Hà Nội'
    """
    return collapse_spaces(nfc(text))
