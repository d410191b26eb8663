"""Legacy Vietnamese encodings (TCVN3, VNI): TCVN3 text of a Word file converted, the rest refused.

The tables are data (legacy_encodings.yaml).  A Word run in a TCVN3 font (".VnTime",
".VnTimeH") is converted letter by letter, in capitals for the "H" fonts; text that still
looks like TCVN3 or VNI after that (a text file, a font named nowhere, a VNI font) is
refused with a message that says how to convert it, never imported as mojibake.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from importlib import resources

import attrs

from planforge.i18n import _
from planforge.loading.structure import structure_yaml
from planforge.model._checks import lines
from planforge.model._types import typed
from planforge.reading.errors import ReadError
from planforge.reading.lines import Line

LEGACY_FILE = "planforge/reading/legacy_encodings.yaml"
_VIETNAMESE_LATIN1 = frozenset("àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ")
"""Letters of Unicode Vietnamese that Latin-1 holds too: no sign of a legacy code."""
_SHARE = 0.01
"""The share of letters that must be legacy codes before a text is called legacy."""


@attrs.frozen(kw_only=True, field_transformer=typed)
class Tcvn3:
    """The TCVN3 fonts (name prefixes), the suffix of their capital fonts, the code table."""

    fonts: tuple[str, ...] = attrs.field(converter=lines)
    capitals_suffix: str
    table: tuple[str, ...] = attrs.field(converter=lines)


@attrs.frozen(kw_only=True, field_transformer=typed)
class Vni:
    """The VNI fonts (name prefixes) and characters only VNI text holds."""

    fonts: tuple[str, ...] = attrs.field(converter=lines)
    markers: str


@attrs.frozen(kw_only=True, field_transformer=typed)
class LegacyEncodings:
    """The data of legacy_encodings.yaml."""

    tcvn3: Tcvn3
    vni: Vni


@functools.cache
def encodings() -> LegacyEncodings:
    """The bundled tables; a broken file is a located error naming its line."""
    text = (resources.files("planforge") / "reading" / "legacy_encodings.yaml").read_text("utf-8")
    result: LegacyEncodings = structure_yaml(text, LegacyEncodings, LEGACY_FILE)
    return result


@functools.cache
def _tcvn3_table() -> dict[int, str]:
    pairs = (entry.split(" ") for entry in encodings().tcvn3.table)
    return {ord(code): letter for code, letter in pairs}


@functools.cache
def _tcvn3_markers() -> frozenset[str]:
    """TCVN3 codes that are no Vietnamese letter: their presence gives TCVN3 away."""
    return frozenset(chr(c) for c in _tcvn3_table()) - _VIETNAMESE_LATIN1


def is_tcvn3_font(font: str | None) -> bool:
    """Whether ``font`` is a TCVN3 font (".VnTime", ".VnArialH", …)."""
    return bool(font) and any(font.startswith(p) for p in encodings().tcvn3.fonts)  # type: ignore[union-attr]


def is_vni_font(font: str | None) -> bool:
    """Whether ``font`` is a VNI font ("VNI-Times", …)."""
    return bool(font) and any(font.startswith(p) for p in encodings().vni.fonts)  # type: ignore[union-attr]


def from_tcvn3(text: str, font: str) -> str:
    """``text`` of a run in the TCVN3 font ``font``, as Unicode.

    >>> from_tcvn3("Céng hoµ x· héi", ".VnTime"), from_tcvn3("kÕ ho¹ch", ".VnTimeH")
    ('Cộng hoà xã hội', 'KẾ HOẠCH')

    A run holding letters beyond Latin-1 was typed in Unicode whatever its font: kept.
    """
    if any(ord(c) > 0xFF for c in text):
        return text
    converted = text.translate(_tcvn3_table())
    return converted.upper() if font.endswith(encodings().tcvn3.capitals_suffix) else converted


def legacy_encoding(text: str) -> str | None:
    """ "TCVN3" or "VNI" when ``text`` reads as that encoding shown as Latin-1, else None."""
    letters = sum(1 for c in text if c.isalpha()) or 1
    tcvn3 = sum(1 for c in text if c in _tcvn3_markers())
    if tcvn3 >= 3 and tcvn3 / letters >= _SHARE:
        return "TCVN3"
    vni = sum(1 for c in text if c in encodings().vni.markers)
    if vni >= 3 and vni / letters >= _SHARE:
        return "VNI"
    return None


def refuse_legacy(lines: Sequence[Line], path: str) -> None:
    """Raise ReadError when the text is still in a legacy encoding (never import mojibake)."""
    found = legacy_encoding("\n".join(line.text for line in lines))
    if found is not None:
        raise legacy_error(found, path)


def legacy_error(encoding: str, path: str) -> ReadError:
    """The one-line refusal of a text in ``encoding`` ("TCVN3", "VNI")."""
    return ReadError(
        _(
            "the text is in the legacy {encoding} encoding (.VnTime or VNI fonts); convert "
            "it to Unicode first (e.g. with Unikey's converter) and import that copy"
        ).format(encoding=encoding),
        path,
    )
