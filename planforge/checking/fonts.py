"""Which fonts a run really prints with, and what a font is (phông chữ): text, legacy, symbol.

Word keeps four font slots per run (``w:rFonts``) and picks one per character, as
Microsoft documents for Word ([MS-OI29500] 2.1.88, on ISO/IEC 29500-1 §17.3.2.26),
here reduced to what Vietnamese documents meet: a run marked complex script
(``w:cs``, ``w:rtl``) prints in ``cs``; when ``eastAsia`` is Times New Roman and
``ascii`` equals ``hAnsi``, everything prints in ``ascii``; otherwise ASCII characters
use ``ascii``, Chinese, Japanese and Korean ones ``eastAsia``, and the rest — the
Vietnamese letters with their diacritics — ``hAnsi``, except that under
``w:hint="eastAsia"`` some symbols (° × ÷ § …) and the general punctuation (– “ ” …)
use ``eastAsia``. (Word also gives Latin letters to ``eastAsia`` under that hint when
the run's East Asian language is Chinese; the checker does not read languages.) A
slot no character uses does not print and is not judged. Private-use characters are
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
_HINTED = (
    (0xA1, 0xA1),
    (0xA4, 0xA4),
    (0xA7, 0xA8),
    (0xAA, 0xAA),
    (0xAD, 0xAD),
    (0xAF, 0xAF),
    (0xB0, 0xB4),
    (0xB6, 0xBA),
    (0xBC, 0xBF),
    (0xD7, 0xD7),
    (0xF7, 0xF7),
    (0x2000, 0x206F),
)
"""Characters that print in ``eastAsia`` under ``w:hint="eastAsia"`` (Latin-1 symbols,
general punctuation)."""
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
    if run.complex_script:
        return 2
    if run.font_east_asia == "Times New Roman" and run.font_ascii == run.font_hansi:
        return 0
    if code < 0x80:
        return 0
    if _within(code, _EAST_ASIAN) or (run.hint == "eastAsia" and _within(code, _HINTED)):
        return 3
    return 1


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
