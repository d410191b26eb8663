"""The document theme: font names and colours that styles refer to by token."""

from __future__ import annotations

from dataclasses import dataclass
from xml.etree.ElementTree import Element, fromstring

from planforge.checking.wordml.ooxml import A

__all__ = ["THEME_FONT_SLOTS", "Theme"]


#: Theme font token suffixes -> the ``a:majorFont``/``a:minorFont`` child naming the face.
THEME_FONT_SLOTS = (("Ascii", "latin"), ("HAnsi", "latin"), ("EastAsia", "ea"), ("Bidi", "cs"))


@dataclass(frozen=True)
class Theme:
    """Theme font names (``minorHAnsi`` → ``Calibri``) and colours (``accent1`` → ``4472C4``)."""

    fonts: dict[str, str]
    colors: dict[str, str]

    @classmethod
    def parse(cls, blob: bytes | None) -> Theme:
        if blob is None:
            return cls({}, {})
        root = fromstring(blob)
        return cls(_theme_fonts(root), _theme_colors(root))


def _theme_fonts(theme: Element) -> dict[str, str]:
    """Theme font tokens to typefaces; an empty East Asian or complex face falls back to Latin."""
    fonts: dict[str, str] = {}
    for kind in ("major", "minor"):
        scheme = theme.find(f".//{A}{kind}Font")
        if scheme is None:
            continue
        latin = _typeface(scheme, "latin")
        for slot, tag in THEME_FONT_SLOTS:
            face = _typeface(scheme, tag) or latin
            if face:
                fonts[kind + slot] = face
    return fonts


def _typeface(scheme: Element, tag: str) -> str:
    font = scheme.find(A + tag)
    return font.get("typeface", "") if font is not None else ""


def _theme_colors(theme: Element) -> dict[str, str]:
    scheme = theme.find(f".//{A}clrScheme")
    colors: dict[str, str] = {}
    for entry in scheme if scheme is not None else ():
        for color in entry:
            value = color.get("val") if color.tag == A + "srgbClr" else color.get("lastClr")
            if value:
                colors[entry.tag.removeprefix(A)] = value.upper()
    return colors
