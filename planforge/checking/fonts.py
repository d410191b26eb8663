"""Which fonts a run really prints with, and what a font is (phông chữ): text, legacy, symbol.

Word keeps four font slots per run (``w:rFonts``) and picks one per character:
ASCII letters use ``ascii``; other Latin letters — the Vietnamese ones with their
diacritics — use ``hAnsi`` (``eastAsia`` when the run's hint says ``eastAsia``);
Chinese, Japanese and Korean characters use ``eastAsia``; a run marked complex
script (``w:cs``, ``w:rtl``) and Arabic, Hebrew or Thai letters use ``cs``
(ECMA-376 §17.3.2.26, simplified to the ranges Vietnamese documents meet). A slot
no character uses does not print and is not judged. Private-use characters are
symbols inserted from a symbol font (``w:sym``): they are not text either.

The legacy 8-bit Vietnamese fonts and the symbol fonts are listed in ``fonts.yaml``.
"""

from __future__ import annotations

import functools
from importlib import resources

import attrs

from planforge.checking.formatting import RunFormat
from planforge.loading.structure import structure_yaml
from planforge.model._types import typed

__all__ = ["FontKinds", "LegacyEncoding", "font_kinds", "used_fonts"]

BUNDLED = "planforge/checking/fonts.yaml"
_COMPLEX = ((0x0590, 0x08FF), (0x0E00, 0x0EFF), (0xFB1D, 0xFDFF), (0xFE70, 0xFEFF))
_EAST_ASIAN = (
    (0x1100, 0x11FF),
    (0x2E80, 0xA4CF),
    (0xAC00, 0xD7AF),
    (0xF900, 0xFAFF),
    (0xFE30, 0xFE4F),
    (0xFF00, 0xFFEF),
)
_PRIVATE_USE = (0xE000, 0xF8FF)


@attrs.frozen(kw_only=True, field_transformer=typed)
class LegacyEncoding:
    """A pre-Unicode Vietnamese encoding (bảng mã cũ) and the names of its fonts."""

    encoding: str
    prefixes: tuple[str, ...]
    examples: tuple[str, ...] = ()


@attrs.frozen(kw_only=True, field_transformer=typed)
class FontKinds:
    """The bundled lists: legacy Vietnamese encodings and symbol fonts."""

    legacy: tuple[LegacyEncoding, ...]
    symbol: tuple[str, ...]

    def legacy_encoding(self, font: str) -> str | None:
        """The encoding of a legacy font (".VnTime" → "TCVN3 (ABC)"), None for another font.

        >>> font_kinds().legacy_encoding(".VnTimeH"), font_kinds().legacy_encoding("Arial")
        ('TCVN3 (ABC)', None)
        """
        name = font.strip().lower()
        for kind in self.legacy:
            if any(name.startswith(prefix.lower()) for prefix in kind.prefixes):
                return kind.encoding
        return None

    def is_symbol(self, font: str) -> bool:
        """A font of pictograms (Wingdings, Symbol…), whose characters are not text."""
        return font.strip().lower() in {name.lower() for name in self.symbol}


@functools.cache
def font_kinds() -> FontKinds:
    """The bundled ``fonts.yaml`` (read once)."""
    source = resources.files("planforge") / "checking" / "fonts.yaml"
    kinds: FontKinds = structure_yaml(source.read_text(encoding="utf-8"), FontKinds, BUNDLED)
    return kinds


def _within(code: int, ranges: tuple[tuple[int, int], ...]) -> bool:
    return any(low <= code <= high for low, high in ranges)


def _slot(run: RunFormat, character: str) -> int | None:
    """Index in ``run.fonts`` (ascii, hAnsi, cs, eastAsia) of the slot a character uses."""
    code = ord(character)
    if character.isspace() or _PRIVATE_USE[0] <= code <= _PRIVATE_USE[1]:
        return None
    if run.complex_script or _within(code, _COMPLEX):
        return 2
    if _within(code, _EAST_ASIAN):
        return 3
    if code < 0x80:
        return 0
    return 3 if run.hint == "eastAsia" else 1


def used_fonts(run: RunFormat) -> set[str]:
    """The fonts the run's characters print with: only the slots some character uses.

    >>> from dataclasses import replace
    >>> run = RunFormat("Hà", "Times New Roman", "Arial", ".VnTime", "SimSun", 13, False,
    ...                 False, "auto", "none")
    >>> sorted(used_fonts(run)), sorted(used_fonts(replace(run, text="2021")))
    (['Arial', 'Times New Roman'], ['Times New Roman'])
    """
    fonts = run.fonts
    return {fonts[slot] for c in run.text if (slot := _slot(run, c)) is not None}
