"""The Vietnamese catalogue: complete for the code as it is, compiled, placeholders intact."""

from __future__ import annotations

import gettext
import io
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from planforge.i18n import brace_placeholders, percent_placeholders

ROOT = Path(__file__).resolve().parents[1]
LOCALE = ROOT / "planforge" / "locale"
PO = LOCALE / "vi" / "LC_MESSAGES" / "planforge.po"
MO = LOCALE / "vi" / "LC_MESSAGES" / "planforge.mo"
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}
"""The keywords of scripts/messages.sh."""


def _catalogue() -> dict[str, tuple[str, ...]]:
    with PO.open("rb") as handle:
        catalog = read_po(handle)
    out = {}
    for message in catalog:
        if not message.id or message.fuzzy:
            continue
        key = message.id[0] if isinstance(message.id, tuple) else message.id
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        out[key] = tuple(strings)
    return out


def _code_messages() -> set[str]:
    found = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
        str(ROOT / "planforge"), keywords=KEYWORDS, comment_tags=()
    ):
        found.add(message[0] if isinstance(message, tuple) else message)
    return found


def test_every_message_of_the_code_has_a_vietnamese_translation() -> None:
    """A new or changed _() text fails here until scripts/messages.sh and a translator ran."""
    catalogue = _catalogue()
    code = _code_messages()
    assert len(code) > 150
    untranslated = sorted(m for m in code if not all(s.strip() for s in catalogue.get(m, ("",))))
    assert untranslated == [], "run scripts/messages.sh and translate these in the .po"


def test_the_committed_mo_is_the_compiled_po() -> None:
    """The .mo shipped in the wheel says what the .po says."""
    with PO.open("rb") as handle:
        catalog = read_po(handle)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    fresh = gettext.GNUTranslations(compiled)
    with MO.open("rb") as handle:
        committed = gettext.GNUTranslations(handle)
    assert committed._catalog == fresh._catalog  # type: ignore[attr-defined]


@pytest.mark.parametrize("message", sorted(_catalogue()), ids=lambda m: m[:40])
def test_a_translation_keeps_the_placeholders_of_its_message(message: str) -> None:
    """{name} and %(name)s in the English text are all in the Vietnamese one, and no others."""
    for translated in _catalogue()[message]:
        assert brace_placeholders(translated) == brace_placeholders(message)
        assert percent_placeholders(translated) == percent_placeholders(message)


def test_the_wheel_ships_the_catalogue() -> None:
    """The .mo lies inside the package folder, which the wheel takes whole, and is not ignored."""
    assert MO.is_file() and MO.stat().st_size > 1000
    ignored = (ROOT / ".gitignore").read_text(encoding="utf-8")
    assert ".mo" not in ignored and "locale" not in ignored
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'packages = ["planforge"]' in pyproject
